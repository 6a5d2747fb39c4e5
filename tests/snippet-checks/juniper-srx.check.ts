/**
 * Grammar of the Juniper SRX snippets (Junos `set` commands), written from
 * Juniper's published YANG for Junos 24.4R1 on the SRX (repository
 * Juniper/yang, `24.4/24.4R1/native/conf-and-rpcs/junos-es/conf-with-extensions/models/`):
 * `junos-es-conf-security@2024-01-01.yang` (groupings `named-address-book-type`,
 * `address_type`, `dns-name-type`, `address_set_type`, `policy-object-type`,
 * `policy_type`, `log_type`, `security-zone-type`) and
 * `junos-es-conf-applications@2024-01-01.yang` (`application_object`,
 * `term_object`, `application_set_object`). Only the part of the tree a
 * firewall snippet uses is modelled; any other statement is reported.
 */
import {
  isHostname,
  isIPv4,
  isIPv6,
  isPrefix,
  portNumber,
  problemAt,
  snippetLines,
  type SnippetLine,
} from './grammar-helpers';
import type { SnippetCheck } from './types';
import { NameTable, portRangeProblem, splitWords, type Word } from './vendor-cli';

type Validate = (value: string) => string | undefined;

/** A YANG node as the `set` command walks it; `id` names what a statement sets. */
type SchemaNode =
  | {
      kind: 'container';
      children: Record<string, SchemaNode>;
      presence?: string;
      positional?: { id: string; value: Validate };
    }
  | { kind: 'list'; id: string; key: Validate; body: SchemaNode & { kind: 'container' } }
  | { kind: 'leaf'; id: string; value: Validate }
  | { kind: 'leaf-list'; id: string; value: Validate }
  | { kind: 'flag'; id: string };

const container = (
  children: Record<string, SchemaNode>,
  extra: { presence?: string; positional?: { id: string; value: Validate } } = {},
): SchemaNode & { kind: 'container' } => ({ kind: 'container', children, ...extra });
const list = (id: string, key: Validate, body: SchemaNode & { kind: 'container' }): SchemaNode => ({
  kind: 'list',
  id,
  key,
  body,
});
const leaf = (id: string, value: Validate): SchemaNode => ({ kind: 'leaf', id, value });
const leafList = (id: string, value: Validate): SchemaNode => ({ kind: 'leaf-list', id, value });
const flag = (id: string): SchemaNode => ({ kind: 'flag', id });

/** A string leaf with the YANG `length` and `junos:posix-pattern` of its definition. */
function text(what: string, max: number, pattern: RegExp, rule: string): Validate {
  return (value) => {
    if (value.length < 1 || value.length > max)
      return `${what} "${value}" is ${value.length} characters long; Junos allows 1 to ${max}`;
    if (!pattern.test(value)) return `${what} "${value}": ${rule}`;
    return undefined;
  };
}

// `policy_type` leaf name, `application_object` and `term_object` leaf name:
// length "1 .. 63", posix-pattern "^[[:alnum:]][[:alnum:]_-]*$".
const policyName = text(
  'the policy name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  'must begin with a letter or digit and hold only letters, digits, "-" and "_"',
);
const applicationName = text(
  'the application name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  'must begin with a letter or digit and hold only letters, digits, "-" and "_"',
);
const termName = text(
  'the term name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
  'must begin with a letter or digit and hold only letters, digits, "-" and "_"',
);
// `address_type` leaf name: length "1 .. 63", posix-pattern "^[[:alnum:]][[:alnum:]:./_-]*$"; `address_set_type` name: length "1 .. 63".
const addressName = text(
  'the address name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9:./_-]*$/,
  'must begin with a letter or digit and hold only letters, digits and ":./_-"',
);
const addressSetName = text(
  'the address set name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9:./_-]*$/,
  'must begin with a letter or digit and hold only letters, digits and ":./_-"',
);
// `security-zone-type` leaf name and `policy-object-type` from-zone-name/to-zone-name: length "1 .. 63", posix-pattern "^[[:alnum:]._-]+$".
const zoneName = text(
  'the zone name',
  63,
  /^[A-Za-z0-9._-]+$/,
  'must hold only letters, digits, ".", "-" and "_"',
);
// `description` leaves of policies, addresses, address books and applications: length "1 .. 900", posix-pattern "^[^&<>\n]+$".
const description = text('the description', 900, /^[^&<>\n]+$/, 'must not contain "&", "<" or ">"');
// `named-address-book-type` leaf name: a string; "global" is the address book every zone sees.
const bookName = text(
  'the address book name',
  63,
  /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  'must begin with a letter or digit',
);

/** `address_type` leaf ip-prefix (nokeyword, jt:ipprefix): an IPv4 or IPv6 address, with or without a prefix length. */
const ipPrefix: Validate = (value) =>
  isPrefix(value, 4) || isPrefix(value, 6) || isIPv4(value) || isIPv6(value)
    ? undefined
    : `"${value}" is not an IPv4 or IPv6 address or prefix`;

/**
 * `dns-name-type` leaf name: length "1 .. 253", posix-pattern
 * "^[[:alnum:]._-]+$"; the SRX resolves it, so it must also be a host name
 * DNS can hold (RFC 1123 section 2.1).
 */
const dnsName: Validate = (value) => {
  if (value.length > 253 || !/^[A-Za-z0-9._-]+$/.test(value))
    return `"${value}" is not a valid DNS name (dns-name-type)`;
  if (!isHostname(value)) return `"${value}" is not a fully qualified host name`;
  return undefined;
};

/** `dns-name-type` leaf dns-query-interval: uint32 range "16 .. 86400". */
const queryInterval: Validate = (value) =>
  /^[0-9]+$/.test(value) && Number(value) >= 16 && Number(value) <= 86400
    ? undefined
    : `"${value}" is not 16-86400 seconds`;

/**
 * `term_object` leaf protocol (a string in the YANG): the Junos applications
 * reference, "protocol (Applications)", takes a protocol name or a number 0-255.
 */
const PROTOCOL_NAMES = new Set([
  'tcp',
  'udp',
  'icmp',
  'icmp6',
  'sctp',
  'gre',
  'esp',
  'ah',
  'ospf',
  'pim',
  'igmp',
  'ipip',
  'rsvp',
  'egp',
  'vrrp',
]);
const protocol: Validate = (value) =>
  PROTOCOL_NAMES.has(value) || /^([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/.test(value)
    ? undefined
    : `"${value}" is not a protocol name or number 0-255`;

/** `term_object` leaf destination-port / source-port: a port, or a range "low-high". */
const port: Validate = (value) => {
  const [from = '', to, ...rest] = value.split('-');
  if (rest.length > 0) return `"${value}" is not a port or a range low-high`;
  return portRangeProblem(from, to);
};

/** "inactivity-timeout (Applications)": seconds 4-86400, or never. */
const inactivityTimeout: Validate = (value) => {
  if (value === 'never') return undefined;
  const seconds = portNumber(value, 4, 86400);
  return seconds === undefined ? `"${value}" is not 4-86400 seconds or "never"` : undefined;
};

/** `application_object` leaf application-protocol and `term_object` leaf alg: the YANG enumeration. */
const ALGS = new Set(
  'bootp dce-rpc dce-rpc-portmap dns exec ftp ftp-data gprs-gtp-c gprs-gtp-u gprs-gtp-v0 gprs-sctp h323 icmp icmpv6 ignore iiop ike-esp-nat ip login mgcp-ca mgcp-ua ms-rpc netbios netshow none pptp q931 ras realaudio rpc rpc-portmap rsh rtsp sccp sip shell snmp sqlnet sqlnet-v2 sun-rpc talk tftp traceroute http winframe https imap smtp ssh telnet twamp pop3 smtps imaps pop3s'.split(
    ' ',
  ),
);
const alg: Validate = (value) =>
  ALGS.has(value) ? undefined : `"${value}" is not an application protocol of the YANG enumeration`;

/** Names in `match` leaf-lists; whether they exist is checked once the whole snippet is read. */
const reference: Validate = (value) =>
  /^[A-Za-z0-9][A-Za-z0-9:./_-]*$/.test(value) && value.length <= 63 ? undefined : `"${value}" is not a name`;

const termBody = container({
  alg: leaf('alg', alg),
  protocol: leaf('protocol', protocol),
  'source-port': leaf('source-port', port),
  'destination-port': leaf('destination-port', port),
  'inactivity-timeout': leaf('inactivity-timeout', inactivityTimeout),
});

const applicationBody = container({
  description: leaf('application description', description),
  term: list('term', termName, termBody),
  'application-protocol': leaf('alg', alg),
  protocol: leaf('protocol', protocol),
  'source-port': leaf('source-port', port),
  'destination-port': leaf('destination-port', port),
  'inactivity-timeout': leaf('inactivity-timeout', inactivityTimeout),
});

const policyBody = container({
  description: leaf('policy description', description),
  match: container({
    'source-address': leafList('source-address', reference),
    'destination-address': leafList('destination-address', reference),
    application: leafList('application', reference),
    'source-address-excluded': flag('source-address-excluded'),
    'destination-address-excluded': flag('destination-address-excluded'),
  }),
  // `policy_type` container then: choice action {deny | reject | permit}, plus log and count.
  then: container({
    permit: container({}, { presence: 'permit' }),
    deny: container({}, { presence: 'deny' }),
    reject: container({}, { presence: 'reject' }),
    log: container({ 'session-init': flag('log'), 'session-close': flag('log') }),
    count: container({}, { presence: 'count' }),
  }),
  'scheduler-name': leaf('scheduler-name', text('the scheduler name', 63, /^\S+$/, 'must be one word')),
});

const ROOT = container({
  security: container({
    'address-book': list(
      'address-book',
      bookName,
      container({
        description: leaf('address book description', description),
        address: list(
          'address',
          addressName,
          container(
            {
              description: leaf('address description', description),
              'dns-name': list(
                'dns-name',
                dnsName,
                container({
                  'ipv4-only': flag('ipv4-only'),
                  'ipv6-only': flag('ipv6-only'),
                  'dns-query-interval': leaf('dns-query-interval', queryInterval),
                }),
              ),
            },
            { positional: { id: 'ip-prefix', value: ipPrefix } },
          ),
        ),
        'address-set': list(
          'address-set',
          addressSetName,
          container({
            description: leaf('address set description', description),
            address: list('address-set member', addressName, container({})),
            'address-set': list('address-set nested', addressSetName, container({})),
          }),
        ),
        attach: container({ zone: list('attach zone', zoneName, container({})) }),
      }),
    ),
    // `policy-object-type` list policy, key "from-zone-name to-zone-name", written `from-zone A to-zone B`.
    policies: container({
      'from-zone': list(
        'from-zone',
        zoneName,
        container({
          'to-zone': list('to-zone', zoneName, container({ policy: list('policy', policyName, policyBody) })),
        }),
      ),
      global: container({ policy: list('global policy', policyName, policyBody) }),
    }),
  }),
  applications: container({
    application: list('application', applicationName, applicationBody),
    'application-set': list(
      'application-set',
      applicationName,
      container({
        description: leaf('application set description', description),
        application: list('application-set member', applicationName, container({})),
        'application-set': list('application-set nested', applicationName, container({})),
      }),
    ),
  }),
});

/** What one `set` line sets: the statement's id, its values, and the list keys on its path. */
interface Statement {
  id: string;
  values: string[];
  keys: Map<string, string>;
  line: SnippetLine;
}

/**
 * Walks one `set` line down the schema. After a leaf's value the line may go
 * on with sibling statements of the same container, as the CLI accepts
 * (`term t1 protocol tcp destination-port 5061`; `term_object` is a
 * "oneliner" in the YANG extensions).
 */
function walk(words: readonly Word[], line: SnippetLine): { statements: Statement[]; problem?: string } {
  const keys = new Map<string, string>();
  const statements: Statement[] = [];
  const done = (id: string, values: string[]) => statements.push({ id, values, keys, line });
  let node: SchemaNode = ROOT;
  let parent: (SchemaNode & { kind: 'container' }) | undefined;
  let at = 0;
  const path: string[] = ['set'];
  const fail = (problem: string) => ({ statements, problem });
  for (;;) {
    switch (node.kind) {
      case 'container': {
        const word = words[at];
        if (word === undefined) {
          if (node.presence) done(node.presence, []);
          else if (statements.length === 0) return fail(`"${path.join(' ')}" is incomplete`);
          return { statements };
        }
        const child: SchemaNode | undefined = word.quoted ? undefined : node.children[word.text];
        if (child) {
          path.push(word.text);
          if (child.kind === 'leaf' || child.kind === 'flag' || child.kind === 'leaf-list') parent = node;
          node = child;
          at += 1;
          continue;
        }
        if (node.positional && statements.length === 0) {
          const problem = node.positional.value(word.text);
          if (problem) return fail(problem);
          done(node.positional.id, [word.text]);
          at += 1;
          continue;
        }
        const known = Object.keys(node.children);
        return fail(
          `"${word.text}" is not a statement under "${path.join(' ')}"${known.length > 0 ? ` (expected ${known.join(', ')})` : ''}`,
        );
      }
      case 'list': {
        const word = words[at];
        if (word === undefined) return fail(`"${path.join(' ')}" needs a name`);
        const problem = node.key(word.text);
        if (problem) return fail(problem);
        keys.set(node.id, word.text);
        path.push(word.text);
        at += 1;
        if (at === words.length) {
          done(node.id, []);
          return { statements };
        }
        node = node.body;
        continue;
      }
      case 'leaf': {
        const word = words[at];
        if (word === undefined) return fail(`"${path.join(' ')}" needs a value`);
        const problem = node.value(word.text);
        if (problem) return fail(problem);
        done(node.id, [word.text]);
        at += 1;
        path.push(word.text);
        node = parent!;
        continue;
      }
      case 'leaf-list': {
        const first = words[at];
        let values: string[];
        if (first?.text === '[' && !first.quoted) {
          const close = words.findIndex((word, index) => index > at && word.text === ']' && !word.quoted);
          if (close === -1 || close === at + 1)
            return fail('a value list "[ ... ]" is not closed or is empty');
          values = words.slice(at + 1, close).map((word) => word.text);
          at = close + 1;
        } else if (first !== undefined) {
          values = [first.text];
          at += 1;
        } else {
          return fail(`"${path.join(' ')}" needs a value or a list "[ a b ]"`);
        }
        for (const value of values) {
          const problem = node.value(value);
          if (problem) return fail(problem);
        }
        done(node.id, values);
        node = parent!;
        continue;
      }
      case 'flag':
        done(node.id, []);
        node = parent!;
        continue;
    }
  }
}

/** One policy, gathered over its `set` lines. */
interface Policy {
  line: SnippetLine;
  name: string;
  sources: number;
  destinations: number;
  applications: number;
  actions: Set<string>;
}

/** Names every SRX knows without a definition: "any" addresses and the predefined "junos-" applications. */
const BUILT_IN_ADDRESSES = new Set(['any', 'any-ipv4', 'any-ipv6']);
const isBuiltInApplication = (name: string) => name === 'any' || name.startsWith('junos-');

export function checkSrx(text: string): string[] {
  const problems: string[] = [];
  const addresses = new NameTable();
  const applications = new NameTable();
  const addressContent = new Map<string, { kind: string; value: string; line: SnippetLine }>();
  const terms = new Map<string, Set<string>>();
  const termProtocols = new Map<string, { protocol?: string; ports: SnippetLine[] }>();
  const policies = new Map<string, Policy>();
  for (const line of snippetLines(text)) {
    const raw = line.text;
    if (raw.trim() === '') continue;
    // Junos CLI: a line starting with "#" is a comment; it ends at the line break.
    if (/^\s*#/.test(raw)) continue;
    const { words, problem: split } = splitWords(raw);
    if (split) {
      problems.push(problemAt(line, split));
      continue;
    }
    if (words[0]?.text !== 'set' || words[0].quoted) {
      problems.push(problemAt(line, `expected a "set" command, found "${words[0]?.text ?? ''}"`));
      continue;
    }
    const { statements, problem } = walk(words.slice(1), line);
    if (problem) {
      problems.push(problemAt(line, problem));
      continue;
    }
    for (const { id, values, keys } of statements) {
      const address = keys.get('address');
      if (address !== undefined && keys.has('address-book')) {
        addresses.define('address', address, line);
        if (id === 'ip-prefix' || id === 'dns-name') {
          // `address_type`: choice address-content (ip-prefix | dns-name | ...), and dns-name max-elements 1.
          const value = id === 'dns-name' ? keys.get('dns-name')! : values[0]!;
          const earlier = addressContent.get(address);
          if (earlier && (earlier.kind !== id || earlier.value !== value))
            problems.push(
              problemAt(
                line,
                `address "${address}" already has ${earlier.kind} ${earlier.value} (line ${earlier.line.number}); an address holds one`,
              ),
            );
          else addressContent.set(address, { kind: id, value, line });
        }
      }
      const addressSet = keys.get('address-set');
      if (addressSet !== undefined) {
        addresses.define('address set', addressSet, line);
        const member = keys.get('address-set member');
        if (member !== undefined) addresses.refer(['address'], member, line);
        const nested = keys.get('address-set nested');
        if (nested !== undefined) addresses.refer(['address set'], nested, line);
      }
      const application = keys.get('application');
      if (application !== undefined) {
        applications.define('application', application, line);
        const term = keys.get('term') ?? '';
        const key = `${application}\u0000${term}`;
        if (keys.has('term')) {
          const seen = terms.get(application) ?? new Set<string>();
          seen.add(term);
          terms.set(application, seen);
        }
        const protocols = termProtocols.get(key) ?? { ports: [] };
        if (id === 'protocol' && values[0] !== undefined) protocols.protocol = values[0];
        if (id === 'destination-port' || id === 'source-port') protocols.ports.push(line);
        termProtocols.set(key, protocols);
      }
      const applicationSet = keys.get('application-set');
      if (applicationSet !== undefined) {
        applications.define('application set', applicationSet, line);
        const member = keys.get('application-set member');
        if (member !== undefined && !isBuiltInApplication(member))
          applications.refer(['application'], member, line);
        const nested = keys.get('application-set nested');
        if (nested !== undefined) applications.refer(['application set'], nested, line);
      }
      const policyKey = keys.get('policy') ?? keys.get('global policy');
      if (policyKey !== undefined) {
        const zones = keys.has('policy') ? `${keys.get('from-zone')!} -> ${keys.get('to-zone')!}` : 'global';
        const key = `${zones}\u0000${policyKey}`;
        const policy = policies.get(key) ?? {
          line,
          name: `${policyKey} (${zones})`,
          sources: 0,
          destinations: 0,
          applications: 0,
          actions: new Set<string>(),
        };
        policies.set(key, policy);
        for (const value of values) {
          if (id === 'source-address' || id === 'destination-address') {
            if (id === 'source-address') policy.sources += 1;
            else policy.destinations += 1;
            if (!BUILT_IN_ADDRESSES.has(value)) addresses.refer(['address', 'address set'], value, line);
          } else if (id === 'application') {
            policy.applications += 1;
            if (!isBuiltInApplication(value))
              applications.refer(['application', 'application set'], value, line);
          }
        }
        if (id === 'permit' || id === 'deny' || id === 'reject') policy.actions.add(id);
      }
    }
  }
  // `application_object` list term: max-elements 8.
  for (const [application, seen] of terms)
    if (seen.size > 8)
      problems.push(`application "${application}" has ${seen.size} terms; Junos allows at most 8`);
  // "destination-port (Applications)": ports match only with protocol tcp, udp or sctp in the same term.
  for (const [key, { protocol: name, ports }] of termProtocols)
    for (const line of ports)
      if (name !== 'tcp' && name !== 'udp' && name !== 'sctp')
        problems.push(
          problemAt(
            line,
            `ports need protocol tcp, udp or sctp in the same term ("${key.split('\u0000').filter(Boolean).join(' term ')}" has ${name ?? 'none'})`,
          ),
        );
  // Security Policies User Guide, "Security Policy Elements": a policy matches source
  // addresses, destination addresses and applications, and takes one action
  // (`policy_type` then: choice action).
  for (const policy of policies.values()) {
    const missing = [
      policy.sources === 0 ? 'match source-address' : undefined,
      policy.destinations === 0 ? 'match destination-address' : undefined,
      policy.applications === 0 ? 'match application' : undefined,
      policy.actions.size === 0 ? 'then permit, deny or reject' : undefined,
    ].filter((part): part is string => part !== undefined);
    if (missing.length > 0)
      problems.push(
        problemAt(
          policy.line,
          `policy ${policy.name} lacks ${missing.join(', ')}; Junos refuses it at commit`,
        ),
      );
    if (policy.actions.size > 1)
      problems.push(
        problemAt(
          policy.line,
          `policy ${policy.name} has ${[...policy.actions].join(' and ')}; a policy takes one action`,
        ),
      );
  }
  problems.push(...addresses.unresolved(), ...applications.unresolved());
  return problems;
}

export const check: SnippetCheck = {
  name: 'Juniper SRX grammar',
  platforms: ['juniper-srx'],
  kind: 'grammar',
  source:
    'Juniper/yang, Junos 24.4R1 for the SRX (junos-es): junos-es-conf-security (address-book, policies) and junos-es-conf-applications (application, term), with their lengths and junos:posix-pattern; the Junos Security Policies User Guide for what a policy needs',
  notChecked:
    "That the zones exist on the device (the YANG requires them; factory SRX branch models have trust and untrust); port and protocol names (http) are refused rather than modelled; the order of the new policies among the device's own.",
  unavailable: () => undefined,
  check: checkSrx,
  planted: [
    {
      name: 'a policy matching an application the snippet does not define',
      platform: 'juniper-srx',
      deployment: 'cloud',
      plant: (text) => text.replace(/(match application )\S+/, '$1pascom-undefined-application'),
    },
    {
      name: 'an unknown statement (then accept)',
      platform: 'juniper-srx',
      deployment: 'onsite',
      plant: (text) => text.replace(/then permit/, 'then accept'),
    },
    {
      name: 'a policy name longer than 63 characters (policy_type leaf name)',
      platform: 'juniper-srx',
      deployment: 'onsite',
      plant: (text) => text.replace(/policy (pascom-1-\S+)/g, `policy $1-${'x'.repeat(60)}`),
    },
    {
      name: 'a description left unquoted, so its words become statements',
      platform: 'juniper-srx',
      deployment: 'cloud',
      plant: (text) => text.replace(/(policy \S+ description )"([^"]*)"/, '$1$2'),
    },
  ],
};
