import type { ChangeType, Direction, UntestableReason } from '../schemas/registries';

/**
 * Every text of the site's interface, in English, under a stable key: labels,
 * headings, notices, button texts and page texts, written by the components, the
 * pages and the browser scripts. The German texts of the same keys are content
 * (content/de/ui.yaml), checked against these keys by every build
 * (src/lib/content/ui-strings.ts): a German text missing, unknown, with other
 * placeholders, or left in English fails the build, naming the file and the key.
 *
 * `{name}` marks a value the code fills in (see `formatText`). Texts of the content
 * (rules, devices, endpoints, tabs) are not here: they live in content/ and
 * content/de/. Texts of the firewall rule files live with the generators.
 */
export const UI_TEXTS_EN = {
  'site.title': 'pascom firewall ports',
  'site.description':
    'Which ports to open in your firewall for the pascom phone system, with ready-to-paste rules.',
  'site.localeLabel': 'English',
  'site.feedLinkTitle': 'pascom firewall ports: changelog',

  'sidebar.overview': 'Port overview',
  'sidebar.rules': 'All rules',
  'sidebar.changelog': 'Changelog',

  'overview.title': 'Port overview',
  'overview.description':
    'Which ports to open in your firewall so that the pascom phone system works, for pascom Cloud and pascom Onsite.',
  'overview.heading': 'Configure your firewall',
  'overview.noRestrictions':
    'Many companies have **no restricted internet access** and can use the **pascom server** straight away, without changing their firewall.',
  'overview.openPorts':
    'If you specify exactly which internet services your company network may reach, open the following ports in your firewall so that the [pascom phone system]({link}) works smoothly.',

  'notFound.title': 'Page not found',
  'notFound.description': 'This address is not part of the pascom firewall port reference.',
  'notFound.lead':
    'This address is not part of the pascom firewall port reference. Links to tabs, rows and rule pages keep working across data versions, so the address may have been mistyped or cut short.',
  'notFound.overview': 'The [port overview](/) lists every port in its Cloud and Onsite tabs.',
  'notFound.rules': '[All rules](/rules/) lists every rule with its permanent id.',
  'notFound.snippets': 'The [firewall rule files](/snippets/) hold ready-to-paste rules for each platform.',
  'notFound.search': 'The search at the top of the page finds a port, a rule or a device.',

  'direction.outbound': 'Outbound from your network',
  'direction.inbound': 'Inbound to your network',

  'changeType.added': 'Added',
  'changeType.changed': 'Changed',
  'changeType.removed': 'Removed',

  'tabs.label': 'Deployment',
  'tabs.copyLink': 'Copy link to the {tab} tab',

  'count.rule': '{count} rule',
  'count.rules': '{count} rules',
  'count.showingOnly': 'Showing the only rule',
  'count.showingAll': 'Showing all {rules}',
  'count.showingSome': 'Showing {visible} of {rules}',
  'count.tabAll': '({rules})',
  'count.tabSome': '({visible} of {rules})',
  'count.connection': '{count} connection',
  'count.connections': '{count} connections',
  'count.someConnections': '{shown} of {connections}',

  'diagram.title': 'Network diagram of pascom {tab}: what connects through your firewall',
  'diagram.ruleTitle': 'Network diagram of {rule} in pascom {tab}',
  'diagram.file': 'The {tab} diagram as an SVG file',
  'diagram.caption': '{count}; each arrow points the way its connection is opened.',
  'diagram.fileFor': '{file} for articles and tickets.',
  'diagram.firewall': 'Your firewall',
  'diagram.connectsOut': 'connects out to {place} on {ports}',
  'diagram.reachedFrom': 'is reached from {place} on {ports}',
  'diagram.behindFirewall': '{site}, behind your firewall, {connections}.',
  'diagram.inAll': '{connections} in all; each arrow points the way its connection is opened.',
  'diagram.instanceHost': '<your-instance>.{domain}',

  'table.port': 'Port',
  'table.function': 'Function',
  'table.devices': 'Devices',
  'table.target': 'Target',
  'table.copyRowLink': 'Copy link to {title}',

  'correction.label': 'Editorial note:',
  'correction.original': 'the original table said “{original}”.',

  'table.yourInstance': 'your-instance',
  'table.forwarded': '(port forwarding from your public address)',
  'table.byAddress':
    'If your firewall cannot allow by name, resolve your instance’s name and allow those addresses, and refresh them when they change; the firewall rules for your platform below show how.',
  'onPage.heading': 'On this page:',
  'onPage.label': 'On this page, {tab}',
  'onPage.diagram': 'Diagram',
  'onPage.check': 'Check',
  'onPage.filter': 'Filter',
  'onPage.snippets': 'Firewall rules',
  'troubleshooting.heading': 'Calls failing?',
  'troubleshooting.rules': 'Rules:',
  'troubleshooting.platforms':
    'Each firewall’s own steps for the SIP ALG and idle timeouts are on the rule pages linked above and in the header of its rules:',

  'filter.label': 'Filter the port rules',
  'filter.devices': 'Devices',
  'filter.protocol': 'Protocol',
  'filter.anyProtocol': 'Any protocol',
  'filter.direction': 'Direction',
  'filter.bothDirections': 'Both directions',
  'filter.query': 'Port or function',
  'filter.queryPlaceholder': 'e.g. 31000 or voicemail',
  'filter.clear': 'Clear filters',
  'filter.noMatch': 'No {tab} rule matches these filters.',
  'filter.more': 'More filters',
  'filter.portNotListed': 'Port {port} is not in pascom’s list of ports.',
  'filter.nearestPort': 'The nearest port it lists is {port}: {rule}.',
  'search.portListed': 'Port {port} is in pascom’s list of ports:',
  'search.portsLabel': 'Port {port} in pascom’s list',

  'notice.and': 'and',
  'notice.ignoredOne': 'This link’s filter has a value the page does not know, so it is ignored: {values}.',
  'notice.ignoredMany':
    'This link’s filter has values the page does not know, so they are ignored: {values}.',
  'notice.unknownPlatform':
    'This link asks for the firewall platform {asked}, which is not on the list, so the rules are for {shown}. Pick yours above.',
  'notice.unknownPlatformNone':
    'This link asks for the firewall platform {asked}, which is not on the list. Choose yours above.',
  'notice.missingFragment':
    'This link points to {fragment}, which is not on this page. The rule may have been removed or renamed; the {changelog} lists every change.',
  'notice.changelogLink': 'changelog',

  'legend.heading': 'Legend',

  'feeds.heading': 'Machine-readable data',
  'feeds.version':
    'Data version {version}, updated {date}. Every rule keeps its id, so scripts can follow it across versions.',
  'feeds.jsonSchema': 'JSON Schema',
  'feeds.csv': 'one row per rule and tab',
  'feeds.lists': 'Plain-text lists, one {format} per line:',
  'feeds.listFormat': 'port/protocol destination',
  'feeds.listLabel': '{tab}, {direction}',
  'feeds.changelog': 'Changelog',
  'feeds.atom': 'Atom feed',

  'snippets.heading': 'Firewall rules for your platform',
  'snippets.lead':
    'Ready-to-paste rules for {count} firewalls. Every rule names the permanent id of its row in the tables above.',
  'snippets.files': 'The same rules as plain-text files, one per tab and platform:',
  'snippets.filesLink': 'all firewall rule files',
  'snippets.platform': 'Firewall platform',
  'snippets.copy': 'Copy',
  'snippets.download': 'Download',
  'snippets.personalise': 'Personalise (optional)',
  'snippets.formLead':
    'The rules follow the tab and the filter above. Personalise them below; the address bar keeps your choices, so you can bookmark or share them.',
  'snippets.codeLabel': 'Firewall rules',
  'snippets.loading': 'Loading the rules…',
  'snippets.fieldError': '{label}: {message}.',
  'snippets.leftOutOne': 'The rules below leave out the marked field until it is corrected.',
  'snippets.leftOutMany': 'The rules below leave out the marked fields until they are corrected.',
  'snippets.usualName': 'On {platform}: {name}.',
  'snippets.noRules': 'There are no rules for this tab.',
  'snippets.invalidSettings': 'The settings are not valid.',
  'snippets.nothingMatches':
    'No rule of the {tab} tab matches the filter above, so there is nothing to allow.',
  'snippets.failed': 'The rules could not be generated. Use the plain-text files below.',
  'snippets.captionAll': '{platform}, {tab}: all {total} rules',
  'snippets.captionSome': '{platform}, {tab}: {shown} of {total} rules',
  'snippets.codeFor': 'Firewall rules for {platform}, {tab}',
  'snippets.downloadFile': 'Download {file}',
  'snippets.choose': 'Choose your firewall…',
  'snippets.choosePrompt': 'Choose your firewall platform above, and its rules appear here.',
  'snippets.showNotes': 'Show notes ({count} lines)',
  'snippets.hideNotes': 'Hide notes ({count} lines)',
  'snippets.missing': 'Not ready to load: fill in {list}. Until then the platform refuses these rules.',
  'snippets.missingInstance': 'your pascom.cloud instance',
  'snippets.missingServer': 'your pascom server’s address',
  'snippets.missingAddresses': 'the addresses of {hosts} (this platform cannot allow by name; see the notes)',
  'checks.lead': 'Scripts that test whether your firewall lets these connections through:',
  'checks.filesLink': 'check scripts for Linux, macOS and Windows',
  'checks.heading': 'Check scripts',
  'checks.filesLead':
    'Each script tests the rules of one tab from your machine, port by port, and says what to open where a connection is blocked. The port overview makes one for the rules its filter shows.',
  'checks.button': 'Check script: {variant}',

  'settings.net.label': 'Your network',
  'settings.net.hint': 'IPv4 and/or IPv6 network, e.g. 10.1.0.0/16. Empty: any.',
  'settings.host.label': 'Your pascom.cloud instance',
  'settings.host.hint': 'e.g. acme.pascom.cloud',
  'settings.server.label': 'Onsite pascom server address',
  'settings.server.hint': 'IPv4 and/or IPv6 address, e.g. 10.1.0.5',
  'settings.in.label': 'Inside interface or zone',
  'settings.in.hint': 'Empty: the usual name on each platform.',
  'settings.out.label': 'Outside interface or zone',
  'settings.out.hint': 'Empty: the usual name on each platform.',
  'settings.error.everyAddress': '"{network}" is every address: leave the field empty instead',
  'settings.error.oneNetwork': 'give at most one IPv{family} network',
  'settings.error.notAddress': '"{value}" is not an IPv4 or IPv6 address (no hostnames, no /prefix)',
  'settings.error.oneAddress': 'give at most one IPv{family} address',
  'settings.error.hostname': 'must be a hostname of letters, digits and hyphens, such as acme.pascom.cloud',
  'settings.error.instance': 'must be your instance under {domain}, such as acme.{domain}',
  'settings.error.hostTooLong': 'is longer than a hostname can be (253 characters)',
  'settings.error.interface':
    'must start with a letter or digit and use only letters, digits and _ . : / - (at most 32)',
  'settings.error.lineBreak':
    'has a line break ({character}) after character {index}; give the value on one line',
  'settings.error.invisible':
    'has an invisible control character ({character}) after character {index}; remove it',
  'settings.error.tooLong': 'is longer than {max} characters',
  'settings.error.notValid': 'is not valid',

  'ip.error.twoSlashes': '"{value}" has more than one "/"',
  'ip.error.notAddress': '"{value}" is not an IPv4 or IPv6 address',
  'ip.error.notPrefix': '"{value}" is not a prefix length',
  'ip.error.prefixTooLong': 'an IPv{family} prefix is at most /{bits}',
  'ip.error.hostBits': '{network} has host bits set; did you mean {masked}?',

  'rulePage.copyLink': 'Copy link to this page',
  'rulePage.ports': 'Ports',
  'rulePage.protocols': 'Protocols',
  'rulePage.devices': 'Devices',
  'rulePage.ifBlocked': 'If it is blocked',
  'rulePage.inTab': 'In the {tab} tab under “{heading}”:',
  'rulePage.showRow': 'show this row in the port overview',
  'rulePage.source': 'Source',
  'rulePage.target': 'Target',
  'rulePage.direction': 'Direction',
  'rulePage.onYourFirewall': 'On your firewall',
  'rulePage.notePerPlatform': '{heading} on each firewall platform',
  'rulePage.platform': 'Platform',
  'rulePage.whatToDo': 'What to do',
  'rulePage.vendorDocs': 'Vendor documentation',
  'rulePage.vendorDocsFor': 'for {platform}',
  'rulePage.checkScripts': 'Test the connections of the {tab} tab, this one among them, with a check script:',

  'redirect.title': '{title} (moved)',
  'redirect.text': 'The rule “{alias}” is now called {title}.',

  'rules.title': 'All rules',
  'rules.description':
    'Every firewall rule of the pascom port reference, with its permanent id, ports and tabs.',
  'rules.lead':
    'Every rule has a permanent id and a page of its own: what it is for, what breaks if it is blocked, and where it applies.',
  'rules.rule': 'Rule',
  'rules.ports': 'Ports',
  'rules.tabs': 'Tabs',
  'rules.id': 'Id',

  'changelog.title': 'Changelog',
  'changelog.description': 'Every change to the ports the pascom phone system needs, by data version.',
  'changelog.lead':
    'Each version of the port data is listed here, newest first. The current version is {version}, published on {date}. Subscribe to the {atomFeed} to hear of changes before they break phone calls.',
  'changelog.atomFeed': 'Atom feed',

  'atom.title': '{site}: changelog',
  'atom.subtitle':
    'Every change to the ports the pascom phone system needs. Current data version: {version}.',

  'snippetFiles.title': 'Firewall rule files',
  'snippetFiles.description':
    'Ready-to-paste pascom firewall rules for 18 platforms, as plain-text files for each deployment.',
  'snippetFiles.lead':
    'Every file holds all rules of one tab for one firewall platform, with default settings: allows only, no change to your existing policy. Each rule names the permanent id of its row on the {overview}, where you can also filter the rules and personalise them.',
  'snippetFiles.overview': 'port overview',

  'copy.link': 'Copy link',
  'copy.copied': 'Copied',
  'copy.textFailed': 'Could not copy. Select the text and copy it by hand.',
  'copy.linkCopied': 'Link copied',
  'copy.linkFailed': 'Could not copy. The link is {url}',

  'check.heading': 'Did your rules work?',
  'check.lead':
    'Test from this browser whether the connections a browser can open get through your firewall. The check contacts only these hosts, and only when you press the button:',
  'check.probe.https': '{host} on port {port} (HTTPS)',
  'check.probe.stun': '{host} on port {port} (STUN over UDP)',
  'check.yourInstance': 'your pascom.cloud instance',
  'check.run': 'Run the check',
  'check.running': 'Checking…',
  'check.instance': 'Instance: {host}',
  'check.noInstance': 'The STUN rows test your pascom.cloud instance: {panel}.',
  'check.panelLink': 'enter your instance in the firewall rules panel below',
  'check.instanceRefused': 'The instance "{value}" {reason}: {panel}.',
  'check.summary':
    '{reachable} reachable, {noAnswer} without an answer, {failed} failed at once, {notTested} not tested.',
  'check.resultLabel': 'Check',
  'check.reachable': 'reachable, {ms} ms',
  'check.noAnswer': 'no answer within {s} s (blocked or dropped)',
  'check.failedAtOnce':
    'failed at once ({ms} ms): the name may be wrong or not resolve, or the connection was refused',
  'check.notTested': 'not tested: {reason}',
  'check.reason.noInstance': 'enter your pascom.cloud instance in the firewall rules panel',
  'check.reason.noWebRtc': 'this browser has no WebRTC',
  'check.scriptRow': 'A browser cannot test this row: {scripts}.',
  'check.scriptRowLink': 'run the check script',
  'check.untestableRow': 'No client can test this row: {reason}.',
  'check.untestable.mediaRange':
    'its UDP ports carry media only during a call, and nothing answers a probe on them',
  'check.untestable.udpService': 'only the service’s own client can tell whether its UDP answers come back',
  'check.scripts':
    'The check scripts test what a browser cannot, from where the connections start, for every rule of this tab: {links}.',
  'check.noneInBrowser':
    'A browser in your network cannot test the rules of this tab: the server’s own rules are tested on the pascom server, and the rules for devices on the internet from a machine outside your network. Use the check scripts.',
} as const;

/** The key of an interface text. */
export type UiKey = keyof typeof UI_TEXTS_EN;

/** Every interface text of one language. */
export type UiTexts = Record<UiKey, string>;

export const UI_KEYS = Object.keys(UI_TEXTS_EN) as UiKey[];

/**
 * Keys whose German text may equal the English one: labels that read the same in
 * both languages ("Port", a tab and direction joined by a comma). Any other German
 * text equal to its English is taken for a text nobody translated.
 */
export const SAME_IN_GERMAN: readonly UiKey[] = [
  'count.tabAll',
  'table.port',
  'feeds.listLabel',
  'snippets.fieldError',
  'rulePage.ports',
  'rules.ports',
  'rules.tabs',
];

/** The placeholders of a text, such as ["count"] for "{count} rules", sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** Fills a text's placeholders: formatText("{count} rules", { count: 4 }) is "4 rules". */
export function formatText(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** The names of a text's placeholders, as a type: "{count} of {rules}" gives "count" | "rules". */
type PlaceholdersOf<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/**
 * The texts of what is wrong with a personalisation field of the snippet panel,
 * from its own form or from a link. The validation (src/lib/firewall/settings.ts,
 * ip.ts, src/lib/url/snippet-state.ts) returns one of these keys with the values
 * of its placeholders, and whoever shows the error writes it in the page's language.
 */
export const VALIDATION_KEYS = [
  'settings.error.everyAddress',
  'settings.error.oneNetwork',
  'settings.error.notAddress',
  'settings.error.oneAddress',
  'settings.error.hostname',
  'settings.error.instance',
  'settings.error.hostTooLong',
  'settings.error.interface',
  'settings.error.lineBreak',
  'settings.error.invisible',
  'settings.error.tooLong',
  'settings.error.notValid',
  'ip.error.twoSlashes',
  'ip.error.notAddress',
  'ip.error.notPrefix',
  'ip.error.prefixTooLong',
  'ip.error.hostBits',
] as const satisfies readonly UiKey[];

export type ValidationKey = (typeof VALIDATION_KEYS)[number];

/**
 * What is wrong with a value, as a text key and the values of its placeholders;
 * TypeScript checks that every placeholder of the key's English text is given.
 */
export type ValidationError = {
  [Key in ValidationKey]: {
    key: Key;
    values: Readonly<Record<PlaceholdersOf<(typeof UI_TEXTS_EN)[Key]>, string | number>>;
  };
}[ValidationKey];

/** A validation error written in a language: formatError(UI_TEXTS_EN, error) is the English sentence. */
export function formatError(texts: Pick<UiTexts, ValidationKey>, error: ValidationError): string {
  return formatText(texts[error.key], error.values);
}

/** The text of each direction, as the tables and rule pages name it. */
export const DIRECTION_TEXT = {
  outbound: 'direction.outbound',
  inbound: 'direction.inbound',
} as const satisfies Record<Direction, UiKey>;

/** The text of each kind of change, as the changelog names it. */
export const CHANGE_TYPE_TEXT = {
  added: 'changeType.added',
  changed: 'changeType.changed',
  removed: 'changeType.removed',
} as const satisfies Record<ChangeType, UiKey>;

/** The texts of the in-page connectivity check's results, in the check's own data (ConnectivityCheck.astro). */
export const CHECK_KEYS = [
  'check.running',
  'check.instance',
  'check.panelLink',
  'check.instanceRefused',
  'settings.error.hostname',
  'settings.error.instance',
  'settings.error.hostTooLong',
  'settings.error.lineBreak',
  'settings.error.invisible',
  'check.summary',
  'check.resultLabel',
  'check.reachable',
  'check.noAnswer',
  'check.failedAtOnce',
  'check.notTested',
  'check.reason.noInstance',
  'check.reason.noWebRtc',
  'check.scriptRow',
  'check.scriptRowLink',
] as const satisfies readonly UiKey[];

type CheckKey = (typeof CHECK_KEYS)[number];
export type CheckTexts = Pick<UiTexts, CheckKey>;

/** The text of each reason why no client can test a rule. */
export const UNTESTABLE_TEXT = {
  'media-range': 'check.untestable.mediaRange',
  'udp-service': 'check.untestable.udpService',
} as const satisfies Record<UntestableReason, UiKey>;

/** The texts the overview's scripts write, handed to them in the page's data (src/lib/ui/overview-data.ts). */
export const CLIENT_KEYS = [
  'tabs.label',
  'count.rule',
  'count.rules',
  'count.showingOnly',
  'count.showingAll',
  'count.showingSome',
  'count.tabAll',
  'count.tabSome',
  'count.connection',
  'count.connections',
  'count.someConnections',
  'notice.and',
  'notice.ignoredOne',
  'notice.ignoredMany',
  'notice.missingFragment',
  'notice.changelogLink',
] as const satisfies readonly UiKey[];

type ClientKey = (typeof CLIENT_KEYS)[number];
export type ClientTexts = Pick<UiTexts, ClientKey>;

/**
 * The texts of the snippet panel, which fetches them with the rules it generates
 * from (/snippets/data.json), so the page itself does not carry them.
 */
/**
 * The texts of the site search's port answers, which its code fetches with the
 * rules' ports (/search/ports.json), so no page carries them.
 */
export const PORT_SEARCH_KEYS = [
  'search.portListed',
  'search.portsLabel',
  'filter.portNotListed',
  'filter.nearestPort',
] as const satisfies readonly UiKey[];

export type PortSearchTexts = Pick<UiTexts, (typeof PORT_SEARCH_KEYS)[number]>;

export const SNIPPET_PANEL_KEYS = [
  'copy.copied',
  'copy.textFailed',
  'snippets.platform',
  'snippets.copy',
  'snippets.download',
  'snippets.personalise',
  'snippets.formLead',
  'snippets.codeLabel',
  'snippets.loading',
  'snippets.fieldError',
  'snippets.leftOutOne',
  'snippets.leftOutMany',
  'snippets.usualName',
  'snippets.noRules',
  'snippets.invalidSettings',
  'snippets.nothingMatches',
  'snippets.failed',
  'snippets.captionAll',
  'snippets.captionSome',
  'snippets.codeFor',
  'snippets.downloadFile',
  'snippets.choose',
  'snippets.choosePrompt',
  'snippets.showNotes',
  'snippets.hideNotes',
  'snippets.missing',
  'snippets.missingInstance',
  'snippets.missingServer',
  'snippets.missingAddresses',
  'checks.button',
  'settings.net.label',
  'settings.net.hint',
  'settings.host.label',
  'settings.host.hint',
  'settings.server.label',
  'settings.server.hint',
  'settings.in.label',
  'settings.in.hint',
  'settings.out.label',
  'settings.out.hint',
  'notice.unknownPlatform',
  'notice.unknownPlatformNone',
  ...VALIDATION_KEYS,
] as const satisfies readonly UiKey[];

type SnippetPanelKey = (typeof SNIPPET_PANEL_KEYS)[number];
export type SnippetPanelTexts = Pick<UiTexts, SnippetPanelKey>;

/** Texts of `keys` read back from JSON: every one must be a string, or there are none. */
export function parseTexts<K extends UiKey>(
  value: unknown,
  keys: readonly K[],
): Pick<UiTexts, K> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const texts: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const text: unknown = (value as Record<string, unknown>)[key];
    if (typeof text !== 'string') return undefined;
    texts[key] = text;
  }
  return texts as Pick<UiTexts, K>;
}

/** The texts of `keys` out of a language's texts. */
export function pickTexts<K extends UiKey>(texts: UiTexts, keys: readonly K[]): Pick<UiTexts, K> {
  return Object.fromEntries(keys.map((key) => [key, texts[key]])) as Pick<UiTexts, K>;
}

/**
 * A text cut at its placeholders, for a component that puts an element (a link, a
 * `<time>`) where a placeholder is: "Data version {version}, updated {date}." gives
 * ["Data version ", { name: "version" }, ", updated ", { name: "date" }, "."].
 */
export function textParts(text: string): (string | { name: string })[] {
  return text
    .split(/(\{[a-zA-Z]+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{[a-zA-Z]+\}$/.test(part) ? { name: part.slice(1, -1) } : part));
}
