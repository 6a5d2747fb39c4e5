/**
 * Grammar check for the pfSense configuration XML: the `<aliases>` and
 * `<filter>` areas of config.xml, read the way pfSense reads them.
 *
 * Written from pfSense's own code (repository pfsense/pfsense):
 * - `src/etc/inc/globals.inc` `get_ipprotocols()`: the protocol values, and the
 *   "portsonly" ones that may carry ports;
 * - `src/etc/inc/filter.inc` `filter_generate_user_rule()` (how `<type>`,
 *   `<interface>`, `<ipprotocol>`, `<protocol>` and the endpoints become pf
 *   rules; unresolvable aliases skip the rule) and `filter_generate_port()`
 *   (a range is "low-high");
 * - `src/usr/local/www/firewall_rules_edit.php` (the rule elements it writes,
 *   the `<type>` values, the `$icmplookup` ipprotocol values, the address family
 *   checks, no backslash in a description) and `pconfig_to_address()` in
 *   `src/etc/inc/util.inc` (the `<source>`/`<destination>` layout);
 * - `src/etc/inc/util.inc` `is_validaliasname()`, `is_port()`;
 * - `src/usr/local/www/firewall_aliases_edit.php` (alias types, the host
 *   address pattern) and `interfaces_groups_edit.php` (interface group names).
 * Well-formedness is checked by fast-xml-validator and by the small reader below,
 * which keeps line numbers for the messages.
 */
import { SyntaxValidator } from 'fast-xml-validator';
import { addressFamily, isHostName, isPortNumber, SnippetLines } from './bsd-firewall-values';
import type { SnippetCheck } from './types';

interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  /** Text content with entities decoded; only whitespace when the element has children. */
  text: string;
}

/** XML 1.0 section 4.6: the predefined entities, plus character references. */
function decodeEntities(raw: string, line: number, lines: SnippetLines, problems: string[]): string {
  return raw.replace(/&([^;\s<&]*);?/g, (match, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!match.endsWith(';')) {
      problems.push(lines.message(line, `"&" must start an entity such as &amp;amp; (XML 1.0 section 4.1)`));
      return match;
    }
    const known = named[name];
    if (known !== undefined) return known;
    const numeric = /^#(\d+)$/.exec(name) ?? /^#x([0-9A-Fa-f]+)$/.exec(name);
    if (numeric) return String.fromCodePoint(Number.parseInt(numeric[1]!, name.startsWith('#x') ? 16 : 10));
    problems.push(lines.message(line, `unknown entity "&${name};" (XML 1.0 section 4.6)`));
    return match;
  });
}

/** Reads elements, text and comments with their line numbers; the document must have one root element. */
function readXml(text: string, lines: SnippetLines, problems: string[]): XmlElement | undefined {
  const lineAt = (index: number): number => text.slice(0, index).split('\n').length;
  const root: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (
      end === -1 ||
      !/^<\?xml version="1\.0"( encoding="(UTF|utf)-8")?\s*\?>$/.test(text.slice(0, end + 2))
    ) {
      problems.push(lines.message(1, 'the XML declaration must read <?xml version="1.0"?> (UTF-8)'));
      return undefined;
    }
    i = end + 2;
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunkEnd = lt === -1 ? text.length : lt;
    if (chunkEnd > i) {
      const top = stack[stack.length - 1]!;
      const raw = text.slice(i, chunkEnd);
      if (top === root && raw.trim() !== '') {
        problems.push(lines.message(lineAt(i), 'text outside the root element'));
      }
      top.text += decodeEntities(raw, lineAt(i), lines, problems);
    }
    if (lt === -1) break;
    const line = lineAt(lt);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) {
        problems.push(
          lines.message(line, 'the comment is never closed with "-->", so it hides everything after it'),
        );
        return undefined;
      }
      if (text.slice(lt + 4, end).includes('--')) {
        problems.push(lines.message(line, 'a comment must not contain "--" (XML 1.0 section 2.5)'));
      }
      i = end + 3;
      continue;
    }
    const end = text.indexOf('>', lt);
    if (end === -1) {
      problems.push(lines.message(line, 'the tag is never closed with ">"'));
      return undefined;
    }
    const tag = text.slice(lt + 1, end);
    const closing = /^\/([A-Za-z_][\w.-]*)\s*$/.exec(tag);
    const opening = /^([A-Za-z_][\w.-]*)\s*(\/?)$/.exec(tag);
    if (closing) {
      const top = stack.pop();
      if (top === undefined || top === root || top.name !== closing[1]) {
        problems.push(
          lines.message(
            line,
            `closing tag </${closing[1]}> does not match <${top?.name ?? ''}> (XML 1.0 section 3)`,
          ),
        );
        return undefined;
      }
    } else if (opening) {
      const element: XmlElement = { name: opening[1]!, line, children: [], text: '' };
      const parent = stack[stack.length - 1]!;
      if (parent === root && root.children.length > 0) {
        problems.push(lines.message(line, 'a second root element (XML 1.0 section 2.1)'));
      }
      parent.children.push(element);
      if (opening[2] !== '/') stack.push(element);
    } else {
      problems.push(
        lines.message(
          line,
          `unexpected markup "<${tag}>": config.xml elements carry no attributes, DTDs or CDATA`,
        ),
      );
      return undefined;
    }
    i = end + 1;
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    problems.push(lines.message(open.line, `<${open.name}> is never closed`));
    return undefined;
  }
  return root.children[0];
}

/** globals.inc `get_ipprotocols()`: the stored (lower-case) protocol values; "any" is stored as no element. */
const IP_PROTOCOLS = new Set([
  'tcp',
  'udp',
  'tcp/udp',
  'icmp',
  'esp',
  'ah',
  'gre',
  'etherip',
  'ipv6',
  'igmp',
  'pim',
  'ospf',
  'sctp',
  'carp',
  'pfsync',
]);
/** globals.inc `get_ipprotocols('portsonly')`: only these may carry a port (filter.inc `filter_generate_port()`). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'tcp/udp', 'sctp']);
/** firewall_rules_edit.php `$icmplookup`: the ipprotocol values. */
const IP_VERSIONS = new Set(['inet', 'inet6', 'inet46']);
/** firewall_rules_edit.php: `$valid = ['pass', 'block', 'reject']` for interface rules ("match" only floating). */
const RULE_TYPES = new Set(['pass', 'block', 'reject']);
/** firewall_aliases_edit.php `$alias_types`. */
const ALIAS_TYPES = new Set(['host', 'network', 'port', 'url', 'url_ports', 'urltable', 'urltable_ports']);
/** Elements firewall_rules_edit.php writes into a `<rule>` (`$filterent[...]`), plus `tracker`, `created`, `updated`. */
const RULE_ELEMENTS = new Set([
  'id',
  'tracker',
  'type',
  'interface',
  'ipprotocol',
  'tag',
  'tagged',
  'max',
  'max-src-nodes',
  'max-src-conn',
  'max-src-states',
  'statetimeout',
  'statetype',
  'os',
  'protocol',
  'icmptype',
  'source',
  'destination',
  'descr',
  'disabled',
  'log',
  'quick',
  'floating',
  'direction',
  'gateway',
  'sched',
  'dnpipe',
  'pdnpipe',
  'ackqueue',
  'defaultqueue',
  'allowopts',
  'disablereplyto',
  'nosync',
  'nopfsync',
  'nottagged',
  'dscp',
  'vlanprio',
  'vlanprioset',
  'max-src-conn-rate',
  'max-src-conn-rates',
  'tcpflags1',
  'tcpflags2',
  'tcpflags_any',
  'statepolicy',
  'associated-rule-id',
  'created',
  'updated',
]);
/** Elements of an `<alias>` in config.xml (firewall_aliases_edit.php). */
const ALIAS_ELEMENTS = new Set([
  'name',
  'type',
  'address',
  'descr',
  'detail',
  'url',
  'updatefreq',
  'aliasurl',
]);
/** util.inc `is_validaliasname()`: reserved words and IP protocol names (getprotobyname) an alias may not take. */
const RESERVED_ALIAS_NAMES = new Set(['port', 'pass', ...IP_PROTOCOLS, 'ip', 'ipv6-icmp', 'icmp6']);
/** filter.inc `filter_generate_address()`: the special networks a `<network>` element may name. */
const SPECIAL_NETWORKS = /^(\(self\)|wan|lan|opt\d+|wanip|lanip|opt\d+ip|pppoe|l2tp)$/;

/**
 * The `<interface>` of a rule: a key of `$FilterIflist` (filter.inc), i.e. an
 * assigned interface (wan, lan, optN as interfaces_assign.php names them), the
 * OpenVPN and IPsec ones, or an interface group, whose name
 * interfaces_groups_edit.php limits to letters, digits and "_", at most 15
 * characters, not starting or ending with a digit.
 */
function interfaceProblem(name: string): string | undefined {
  if (/^(wan|lan|opt[1-9]\d*|enc0|openvpn|l2tp|pppoe)$/.test(name)) return undefined;
  if (/^[A-Za-z_][A-Za-z0-9_]{0,13}[A-Za-z_]$|^[A-Za-z_]$/.test(name)) return undefined;
  return `"${name}" is not a pfSense interface: use the identifier pfSense assigns (wan, lan, opt1, ...) or an interface group name (letters, digits and "_", at most 15, not starting or ending with a digit; interfaces_groups_edit.php); filter.inc skips a rule whose interface it does not know`;
}

/** util.inc `is_validaliasname()`: under 32 characters of a-z, A-Z, 0-9 and "_", not all digits or underscores, no reserved word. */
function aliasNameProblem(name: string): string | undefined {
  if (name.length >= 32 || /(^_*$|^\d*$|[^a-z0-9_])/i.test(name)) {
    return `alias name "${name}" is invalid: under 32 characters of a-z, A-Z, 0-9 and "_", not only digits or underscores (util.inc is_validaliasname)`;
  }
  if (RESERVED_ALIAS_NAMES.has(name.toLowerCase())) {
    return `alias name "${name}" is a reserved word or protocol name (util.inc is_validaliasname)`;
  }
  return undefined;
}

/** firewall_aliases_edit.php host pattern: an address, a small subnet, a range "a-b", an FQDN or another alias. */
function hostEntryProblem(entry: string, aliases: Set<string>): string | undefined {
  if (addressFamily(entry) !== undefined || isHostName(entry) || aliases.has(entry)) return undefined;
  const range = entry.split('-');
  if (range.length === 2 && range.every((part) => addressFamily(part) !== undefined && !part.includes('/'))) {
    return undefined;
  }
  return `"${entry}" is not an IP address, range, FQDN or alias (firewall_aliases_edit.php, host alias)`;
}

function checkPfsense(text: string): string[] {
  const lines = new SnippetLines(text);
  const problems: string[] = [];
  try {
    SyntaxValidator.validate(text, { invalidCharSequence: { comment: true } });
  } catch (error) {
    const { message, line } = error as { message: string; line?: number };
    problems.push(lines.message(line ?? 1, `not well-formed XML: ${message}`));
    return problems;
  }
  const root = readXml(text, lines, problems);
  if (root === undefined) return problems.length > 0 ? problems : ['the document has no root element'];
  const fail = (element: XmlElement, problem: string): void => {
    problems.push(lines.message(element.line, problem));
  };
  if (root.name !== 'pfsense') {
    fail(root, `the root element must be <pfsense>, as in config.xml, not <${root.name}>`);
    return problems;
  }
  /** Elements may hold either children or text, never both (config.xml has no mixed content). */
  const leafText = (element: XmlElement): string | undefined => {
    if (element.children.length > 0) {
      fail(element, `<${element.name}> must hold text, not elements`);
      return undefined;
    }
    return element.text;
  };
  const containerOnly = (element: XmlElement): void => {
    if (element.text.trim() !== '')
      fail(element, `<${element.name}> holds stray text "${element.text.trim()}"`);
  };
  containerOnly(root);

  const aliases = new Set<string>();
  const aliasAreas = root.children.filter((child) => child.name === 'aliases');
  const filterAreas = root.children.filter((child) => child.name === 'filter');
  for (const child of root.children) {
    if (child.name !== 'aliases' && child.name !== 'filter') {
      fail(child, `<${child.name}> is not an area this snippet restores (only <aliases> and <filter>)`);
    }
  }
  for (const area of [...aliasAreas.slice(1), ...filterAreas.slice(1)])
    fail(area, `a second <${area.name}> area`);

  // Aliases first: rules refer to them by name.
  for (const area of aliasAreas) {
    containerOnly(area);
    for (const alias of area.children) {
      if (alias.name !== 'alias') {
        fail(alias, `<aliases> holds only <alias> elements, not <${alias.name}>`);
        continue;
      }
      containerOnly(alias);
      const values = new Map<string, string>();
      for (const field of alias.children) {
        if (!ALIAS_ELEMENTS.has(field.name)) {
          fail(field, `<${field.name}> is not an alias element (firewall_aliases_edit.php)`);
          continue;
        }
        if (values.has(field.name)) fail(field, `<${field.name}> appears twice in one alias`);
        const value = leafText(field);
        if (value !== undefined) values.set(field.name, value);
      }
      const name = values.get('name');
      const type = values.get('type');
      if (name === undefined) fail(alias, 'the alias has no <name>');
      else {
        const problem = aliasNameProblem(name);
        if (problem)
          fail(
            alias.children.find((field) => field.name === 'name')!,
            problem,
          );
        if (aliases.has(name)) fail(alias, `alias "${name}" is defined twice`);
        aliases.add(name);
      }
      if (type === undefined) fail(alias, 'the alias has no <type>');
      else if (!ALIAS_TYPES.has(type)) {
        fail(
          alias.children.find((field) => field.name === 'type')!,
          `unknown alias type "${type}" (firewall_aliases_edit.php $alias_types)`,
        );
      }
      const address = values.get('address');
      const addressElement = alias.children.find((field) => field.name === 'address');
      if (type === 'host' || type === 'network') {
        if (address === undefined || address.trim() === '') fail(alias, `a ${type} alias needs an <address>`);
        else {
          // Entries are separated by single spaces, as firewall_aliases_edit.php joins them.
          for (const entry of address.split(' ')) {
            const problem = hostEntryProblem(entry, aliases);
            if (problem) fail(addressElement!, problem);
          }
        }
      }
      const descr = values.get('descr');
      if (descr?.includes('\\')) fail(alias, 'a description must not contain "\\"');
    }
  }

  for (const area of filterAreas) {
    containerOnly(area);
    for (const rule of area.children) {
      if (rule.name !== 'rule') {
        fail(rule, `<filter> holds only <rule> elements, not <${rule.name}>`);
        continue;
      }
      checkRule(rule, aliases, fail, leafText, containerOnly);
    }
  }
  if (filterAreas.every((area) => area.children.length === 0)) problems.push('the snippet holds no <rule>');
  return problems;
}

function checkRule(
  rule: XmlElement,
  aliases: Set<string>,
  fail: (element: XmlElement, problem: string) => void,
  leafText: (element: XmlElement) => string | undefined,
  containerOnly: (element: XmlElement) => void,
): void {
  containerOnly(rule);
  const fields = new Map<string, XmlElement>();
  for (const field of rule.children) {
    if (!RULE_ELEMENTS.has(field.name)) {
      fail(field, `<${field.name}> is not a rule element (firewall_rules_edit.php)`);
      continue;
    }
    if (fields.has(field.name)) fail(field, `<${field.name}> appears twice in one rule`);
    fields.set(field.name, field);
  }
  const value = (name: string): string | undefined => {
    const field = fields.get(name);
    return field === undefined || name === 'source' || name === 'destination' ? undefined : leafText(field);
  };

  const type = value('type');
  if (type === undefined) fail(rule, 'the rule has no <type>');
  else if (!RULE_TYPES.has(type)) {
    fail(fields.get('type')!, `rule type "${type}" is not pass, block or reject (firewall_rules_edit.php)`);
  }

  const floating = value('floating') === 'yes';
  const iface = value('interface');
  if (iface === undefined || iface === '') fail(rule, 'the rule has no <interface>');
  else {
    const names = floating ? iface.split(',') : [iface];
    for (const name of names) {
      const problem = interfaceProblem(name);
      if (problem) fail(fields.get('interface')!, problem);
    }
  }

  // firewall_rules_edit.php defaults a missing ipprotocol to inet.
  const ipprotocol = value('ipprotocol') ?? 'inet';
  if (!IP_VERSIONS.has(ipprotocol)) {
    fail(
      fields.get('ipprotocol')!,
      `ipprotocol "${ipprotocol}" is not inet, inet6 or inet46 (firewall_rules_edit.php $icmplookup)`,
    );
  }

  const protocol = value('protocol');
  if (protocol !== undefined && !IP_PROTOCOLS.has(protocol)) {
    const hint =
      protocol === 'udp/tcp' ? '; pfSense knows only "tcp/udp", and pfctl fails on the whole ruleset' : '';
    fail(
      fields.get('protocol')!,
      `protocol "${protocol}" is not one pfSense knows (globals.inc get_ipprotocols)${hint}`,
    );
  }

  const descr = value('descr');
  if (descr?.includes('\\')) {
    fail(
      fields.get('descr')!,
      `"The '\\' character is not allowed in the Description field" (firewall_rules_edit.php)`,
    );
  }

  for (const side of ['source', 'destination'] as const) {
    const endpoint = fields.get(side);
    if (endpoint === undefined) {
      fail(rule, `the rule has no <${side}>`);
      continue;
    }
    containerOnly(endpoint);
    // util.inc pconfig_to_address(): exactly one of any, network, address; optionally not and port.
    const parts = new Map<string, XmlElement>();
    for (const part of endpoint.children) {
      if (!['any', 'network', 'address', 'not', 'port'].includes(part.name)) {
        fail(part, `<${part.name}> is not allowed in <${side}> (util.inc pconfig_to_address)`);
        continue;
      }
      if (parts.has(part.name)) fail(part, `<${part.name}> appears twice in <${side}>`);
      parts.set(part.name, part);
    }
    const targets = ['any', 'network', 'address'].filter((name) => parts.has(name));
    if (targets.length !== 1) {
      fail(
        endpoint,
        `<${side}> needs exactly one of <any>, <network> or <address> (util.inc pconfig_to_address)`,
      );
    }
    for (const flag of ['any', 'not'] as const) {
      const element = parts.get(flag);
      if (element !== undefined && (leafText(element) ?? '').trim() !== '')
        fail(element, `<${flag}> must be empty`);
    }
    const network = parts.get('network');
    if (network !== undefined) {
      const name = leafText(network) ?? '';
      if (!SPECIAL_NETWORKS.test(name) && interfaceProblem(name.replace(/ip$/, '')) !== undefined) {
        fail(network, `"${name}" is not a network pfSense knows (filter.inc filter_generate_address)`);
      }
    }
    const address = parts.get('address');
    if (address !== undefined) {
      const text = leafText(address) ?? '';
      const family = addressFamily(text);
      if (family === undefined) {
        if (!aliases.has(text)) {
          fail(
            address,
            `"${text}" is neither an address nor an alias defined in this snippet; filter.inc skips the rule ("Unresolvable ${side} alias")`,
          );
        }
      } else if (ipprotocol === 'inet46') {
        fail(
          address,
          `literal address "${text}" in an inet46 rule: "IPv4 and IPv6 addresses can not be used in rules that apply to both IPv4 and IPv6 (except within an alias)" (firewall_rules_edit.php); pfctl rejects the generated inet${family === 4 ? '6' : ''} rule and with it the whole ruleset`,
        );
      } else if ((family === 6) !== (ipprotocol === 'inet6')) {
        fail(
          address,
          `IPv${family} address "${text}" in an ${ipprotocol} rule (firewall_rules_edit.php address family check)`,
        );
      }
    }
    const port = parts.get('port');
    if (port !== undefined) {
      const text = leafText(port) ?? '';
      // An unknown protocol is reported above; the port is then judged by the protocol pfSense knows.
      if (protocol === undefined || (IP_PROTOCOLS.has(protocol) && !PORT_PROTOCOLS.has(protocol))) {
        fail(
          port,
          `a port needs protocol tcp, udp, tcp/udp or sctp (globals.inc get_ipprotocols('portsonly'))`,
        );
      }
      // util.inc pconfig_to_address() writes "port" or "low-high"; filter.inc filter_generate_port() splits on "-".
      const bounds = text.split('-');
      if (bounds.length > 2 || !bounds.every(isPortNumber)) {
        const hint = text.includes(':') ? '; pfSense stores a range as "low-high"' : '';
        fail(port, `port "${text}" is not a port 1-65535 or a range "low-high" (util.inc is_port)${hint}`);
      } else if (bounds.length === 2 && Number(bounds[0]) >= Number(bounds[1])) {
        fail(port, `port range "${text}" must run from low to high (util.inc is_intrange)`);
      }
    }
  }
}

/** Replaces the first match of `pattern` in the text. */
function replaceFirst(text: string, pattern: RegExp | string, replacement: string): string {
  return text.replace(pattern, replacement);
}

export const check: SnippetCheck = {
  name: 'pfSense config.xml grammar',
  platforms: ['pfsense'],
  kind: 'grammar',
  source:
    'pfSense src/etc/inc/globals.inc get_ipprotocols(), filter.inc filter_generate_user_rule()/filter_generate_port(), util.inc is_validaliasname()/is_port()/pconfig_to_address(), www/firewall_rules_edit.php, firewall_aliases_edit.php, interfaces_groups_edit.php; well-formedness by fast-xml-validator',
  notChecked:
    'whether the interfaces and groups exist on the target firewall, whether alias names clash with its existing aliases or /etc/services names, and how a restore merges with the rest of config.xml',
  unavailable: () => undefined,
  check: checkPfsense,
  planted: [
    {
      name: 'protocol "udp/tcp" (pfSense knows only "tcp/udp")',
      platform: 'pfsense',
      deployment: 'cloud',
      plant: (text) => replaceFirst(text, /<protocol>(tcp|udp)<\/protocol>/, '<protocol>udp/tcp</protocol>'),
    },
    {
      name: 'destination names an alias the snippet does not define',
      platform: 'pfsense',
      deployment: 'onsite',
      plant: (text) =>
        replaceFirst(
          text,
          /<address>pascom_\w+<\/address><port>/,
          '<address>pascom_undefined</address><port>',
        ),
    },
    {
      name: 'literal address in an inet46 rule',
      platform: 'pfsense',
      deployment: 'cloud',
      plant: (text) =>
        replaceFirst(
          text,
          /<source><any><\/any><\/source>/,
          '<source><address>10.1.0.0/16</address></source>',
        ),
    },
    {
      name: 'unclosed element',
      platform: 'pfsense',
      deployment: 'onsite',
      plant: (text) => replaceFirst(text, '</descr>\n    </rule>', '\n    </rule>'),
    },
  ],
};
