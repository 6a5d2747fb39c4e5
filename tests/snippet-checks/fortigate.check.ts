/**
 * Grammar check for FortiGate (FortiOS 7.x) CLI snippets: `config … end`
 * blocks with `edit … next` entries and `set` lines, the attributes each table
 * has, value formats, name lengths, references between entries, `edit 0` for
 * new policies and source NAT on policies towards the internet.
 *
 * Sources: the FortiOS 7.4 CLI reference (docs.fortinet.com/document/fortigate/7.4.0/cli-reference),
 * pages "config firewall address", "config firewall address6", "config firewall
 * service custom" and "config firewall policy", and the attribute tables of
 * Fortinet's Terraform provider in `fortigate-schema.ts`.
 */
import type { SnippetCheck } from './types';
import { FORTIOS_TABLES } from './fortigate-schema';
import {
  isHostname,
  isIPv4,
  isNetmask,
  isPrefix,
  portNumber,
  problemAt,
  snippetLines,
  type SnippetLine,
} from './grammar-helpers';

/** CLI reference, "config firewall address", `type`: the address types of FortiOS 6.x-7.x. */
const ADDRESS_TYPES = new Set([
  'ipmask',
  'iprange',
  'fqdn',
  'geography',
  'wildcard',
  'wildcard-fqdn',
  'dynamic',
  'interface-subnet',
  'mac',
  'route-tag',
]);
/** CLI reference, "config firewall address6", `type`. */
const ADDRESS6_TYPES = new Set([
  'ipprefix',
  'iprange',
  'fqdn',
  'geography',
  'dynamic',
  'template',
  'mac',
  'route-tag',
  'wildcard',
]);
/** CLI reference, "config firewall service custom", `protocol`. */
const SERVICE_PROTOCOLS = new Set([
  'TCP/UDP/SCTP',
  'TCP/UDP/UDP-Lite/SCTP',
  'ICMP',
  'ICMP6',
  'IP',
  'HTTP',
  'FTP',
  'CONNECT',
  'SOCKS-TCP',
  'SOCKS-UDP',
  'ALL',
]);
/** CLI reference, "config firewall policy", `action`. */
const POLICY_ACTIONS = new Set(['accept', 'deny', 'ipsec']);
/** Options documented as [enable|disable] that the snippets may write. */
const ENABLE_DISABLE = new Set([
  'nat',
  'status',
  'utm-status',
  'srcaddr-negate',
  'dstaddr-negate',
  'service-negate',
]);
/** Address names FortiOS predefines in both address tables. */
const BUILT_IN_ADDRESSES = new Set(['all', 'none']);
/** The predefined service that matches everything. */
const BUILT_IN_SERVICES = new Set(['ALL']);

interface Token {
  value: string;
  quoted: boolean;
}

/** Words and quoted strings; inside double quotes a backslash escapes `"` and `\` (CLI reference, "CLI basics"). */
function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let index = 1;
      let value = '';
      while (index < rest.length && rest[index] !== quote) {
        if (rest[index] === '\\' && index + 1 < rest.length) {
          value += rest.charAt(index + 1);
          index += 2;
        } else {
          value += rest.charAt(index);
          index += 1;
        }
      }
      if (index >= rest.length) return 'a quoted string is not closed';
      tokens.push({ value, quoted: true });
      rest = rest.slice(index + 1);
      if (rest.length > 0 && !/^\s/.test(rest)) return 'no space after a quoted string';
    } else {
      const value = /^\S+/.exec(rest)![0];
      if (/["']/.test(value)) return `a quote inside the word ${value}`;
      tokens.push({ value, quoted: false });
      rest = rest.slice(value.length);
    }
    rest = rest.trimStart();
  }
  return tokens;
}

/**
 * Port ranges of a custom service (CLI reference, `tcp-portrange`): items
 * separated by spaces, each `<dst_low>[-<dst_high>][:<src_low>[-<src_high>]]`,
 * destination ports 1-65535, source ports 0-65535, low not above high.
 */
function portRangeProblem(item: string): string | undefined {
  const match = /^([0-9]+)(?:-([0-9]+))?(?::([0-9]+)(?:-([0-9]+))?)?$/.exec(item);
  if (!match) return `"${item}" is not <low>[-<high>][:<src_low>[-<src_high>]]`;
  const [, low, high, sourceLow, sourceHigh] = match;
  const from = portNumber(low!);
  const to = high === undefined ? from : portNumber(high);
  if (from === undefined || to === undefined) return `"${item}": destination ports are 1-65535`;
  if (from > to) return `"${item}": the range runs backwards`;
  if (sourceLow !== undefined) {
    const sFrom = portNumber(sourceLow, 0);
    const sTo = sourceHigh === undefined ? sFrom : portNumber(sourceHigh, 0);
    if (sFrom === undefined || sTo === undefined) return `"${item}": source ports are 0-65535`;
    if (sFrom > sTo) return `"${item}": the source range runs backwards`;
  }
  return undefined;
}

interface Entry {
  key: string;
  line: SnippetLine;
  values: Map<string, { tokens: Token[]; line: SnippetLine }>;
}

interface Table {
  path: string;
  line: SnippetLine;
  entries: Entry[];
}

function one(entry: Entry, name: string): string | undefined {
  return entry.values.get(name)?.tokens[0]?.value;
}

function checkFortiGate(text: string): string[] {
  const problems: string[] = [];
  const tables: Table[] = [];
  const comments: string[] = [];
  let table: Table | undefined;
  let entry: Entry | undefined;

  for (const line of snippetLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      comments.push(trimmed);
      continue;
    }
    const tokens = tokenize(trimmed);
    if (typeof tokens === 'string') {
      problems.push(problemAt(line, tokens));
      continue;
    }
    const [verb, ...args] = tokens;
    if (!verb || verb.quoted) {
      problems.push(problemAt(line, 'a line must start with a command word'));
      continue;
    }
    switch (verb.value) {
      case 'config': {
        if (table) {
          problems.push(
            problemAt(
              line,
              entry
                ? 'a nested "config" inside an entry is not written by the snippets'
                : `"config" inside "config ${table.path}" (missing "end")`,
            ),
          );
          continue;
        }
        const path = args.map((arg) => arg.value).join(' ');
        if (!FORTIOS_TABLES[path]) {
          problems.push(problemAt(line, `unknown or unchecked table "config ${path}"`));
        }
        table = { path, line, entries: [] };
        tables.push(table);
        continue;
      }
      case 'edit': {
        if (!table) {
          problems.push(problemAt(line, '"edit" outside a "config" block'));
          continue;
        }
        if (entry)
          problems.push(problemAt(line, '"edit" while the previous entry is still open (missing "next")'));
        if (args.length !== 1) {
          problems.push(problemAt(line, '"edit" takes exactly one name or id'));
          continue;
        }
        const key = args[0]!.value;
        if (table.path === 'firewall policy') {
          // CLI reference, "config firewall policy": `edit <policyid>`; 0 takes the next free id.
          if (!/^[0-9]+$/.test(key)) problems.push(problemAt(line, `policy id "${key}" is not a number`));
          else if (key !== '0')
            problems.push(
              problemAt(
                line,
                `"edit ${key}" would overwrite policy ${key} on the device; new policies use "edit 0"`,
              ),
            );
        } else if (key.length === 0 || key.length > 79) {
          // CLI reference: address, address6 and custom service names are at most 79 characters.
          problems.push(problemAt(line, `the name "${key}" must be 1-79 characters (it has ${key.length})`));
        } else if (table.entries.some((other) => other.key === key)) {
          problems.push(problemAt(line, `"${key}" is defined twice in config ${table.path}`));
        }
        entry = { key, line, values: new Map() };
        table.entries.push(entry);
        continue;
      }
      case 'set':
      case 'unset': {
        if (!entry || !table) {
          problems.push(problemAt(line, `"${verb.value}" outside an "edit" entry`));
          continue;
        }
        const [attribute, ...values] = args;
        const schema = FORTIOS_TABLES[table.path];
        if (!attribute) {
          problems.push(problemAt(line, `"${verb.value}" needs an attribute`));
          continue;
        }
        const known = schema?.get(attribute.value);
        if (schema && !known) {
          problems.push(problemAt(line, `"${attribute.value}" is not an attribute of config ${table.path}`));
          continue;
        }
        if (verb.value === 'unset') {
          if (values.length > 0) problems.push(problemAt(line, '"unset" takes no value'));
          continue;
        }
        if (values.length === 0) {
          problems.push(problemAt(line, `"set ${attribute.value}" needs a value`));
          continue;
        }
        if (entry.values.has(attribute.value))
          problems.push(problemAt(line, `"${attribute.value}" is set twice in this entry`));
        if (
          known &&
          !known.list &&
          values.length > 1 &&
          ![
            'subnet',
            'tcp-portrange',
            'udp-portrange',
            'sctp-portrange',
            'udplite-portrange',
            'iprange',
          ].includes(attribute.value)
        ) {
          problems.push(problemAt(line, `"${attribute.value}" takes one value, not ${values.length}`));
        }
        if (known?.maxLength !== undefined) {
          for (const value of values) {
            if (value.value.length > known.maxLength) {
              problems.push(
                problemAt(
                  line,
                  `${attribute.value} "${value.value}" has ${value.value.length} characters; FortiOS allows at most ${known.maxLength}`,
                ),
              );
            }
          }
        }
        entry.values.set(attribute.value, { tokens: values, line });
        continue;
      }
      case 'next':
        if (!entry) problems.push(problemAt(line, '"next" without an open "edit"'));
        entry = undefined;
        continue;
      case 'end':
        // "end" saves and leaves the table; an entry still open is saved with it.
        if (!table) problems.push(problemAt(line, '"end" without an open "config" (unbalanced "end")'));
        table = undefined;
        entry = undefined;
        continue;
      default:
        problems.push(problemAt(line, `unknown command "${verb.value}"`));
    }
  }
  if (table) problems.push(problemAt(table.line, 'this "config" block is never closed with "end"'));

  const entriesOf = (path: string) => tables.filter((t) => t.path === path).flatMap((t) => t.entries);
  const addresses = new Map(entriesOf('firewall address').map((e) => [e.key, e]));
  const addresses6 = new Map(entriesOf('firewall address6').map((e) => [e.key, e]));
  const services = new Set(entriesOf('firewall service custom').map((e) => e.key));

  for (const address of addresses.values()) checkAddress(address, 4, problems);
  for (const address of addresses6.values()) checkAddress(address, 6, problems);
  for (const service of entriesOf('firewall service custom')) checkService(service, problems);

  const policyNames = new Map<string, SnippetLine>();
  const natNote = comments.some((comment) => /nat enable/i.test(comment));
  for (const policy of entriesOf('firewall policy')) {
    const at = (name: string) => policy.values.get(name)?.line ?? policy.line;
    for (const required of ['srcintf', 'dstintf', 'service', 'schedule']) {
      if (!policy.values.has(required))
        problems.push(problemAt(policy.line, `policy without "set ${required}"`));
    }
    const name = one(policy, 'name');
    if (name !== undefined) {
      // FortiOS keeps policy names unique (CLI reference, `name`: "Policy name").
      if (policyNames.has(name)) problems.push(problemAt(at('name'), `policy name "${name}" is used twice`));
      policyNames.set(name, at('name'));
    }
    const action = one(policy, 'action');
    if (action !== undefined && !POLICY_ACTIONS.has(action))
      problems.push(problemAt(at('action'), `action ${action} is not accept, deny or ipsec`));
    for (const option of ENABLE_DISABLE) {
      const value = one(policy, option);
      if (value !== undefined && value !== 'enable' && value !== 'disable')
        problems.push(problemAt(at(option), `${option} takes enable or disable, not ${value}`));
    }
    // Consolidated policies (FortiOS 7.x) match IPv4 with srcaddr/dstaddr and IPv6 with srcaddr6/dstaddr6, in pairs.
    const pairs = [
      ['srcaddr', 'dstaddr', addresses],
      ['srcaddr6', 'dstaddr6', addresses6],
    ] as const;
    let families = 0;
    for (const [source, destination, known] of pairs) {
      const hasSource = policy.values.has(source);
      const hasDestination = policy.values.has(destination);
      if (hasSource !== hasDestination) {
        problems.push(
          problemAt(
            at(hasSource ? source : destination),
            `"${hasSource ? source : destination}" without "${hasSource ? destination : source}"`,
          ),
        );
      }
      if (hasSource && hasDestination) families += 1;
      for (const attribute of [source, destination]) {
        for (const token of policy.values.get(attribute)?.tokens ?? []) {
          if (!known.has(token.value) && !BUILT_IN_ADDRESSES.has(token.value)) {
            problems.push(
              problemAt(
                at(attribute),
                `${attribute} "${token.value}" is not defined in config firewall ${attribute.endsWith('6') ? 'address6' : 'address'}`,
              ),
            );
          }
        }
      }
    }
    if (families === 0)
      problems.push(
        problemAt(
          policy.line,
          'policy matches no address family (needs srcaddr/dstaddr or srcaddr6/dstaddr6)',
        ),
      );
    for (const token of policy.values.get('service')?.tokens ?? []) {
      if (!services.has(token.value) && !BUILT_IN_SERVICES.has(token.value)) {
        problems.push(
          problemAt(
            at('service'),
            `service "${token.value}" is not defined in config firewall service custom`,
          ),
        );
      }
    }
    // Traffic to an FQDN address leaves for the internet; with private source addresses it needs source NAT
    // (CLI reference, `nat`: "Enable/disable source NAT"), or at least a note telling the admin to set it.
    const toInternet = (policy.values.get('dstaddr')?.tokens ?? []).some((token) => {
      const target = addresses.get(token.value);
      return target !== undefined && one(target, 'type') === 'fqdn';
    });
    if (toInternet && one(policy, 'nat') !== 'enable' && !natNote) {
      problems.push(
        problemAt(
          policy.values.get('dstaddr')!.line,
          'policy to an internet (FQDN) address has no "set nat enable" and no comment tells the admin to enable NAT ("nat enable")',
        ),
      );
    }
  }
  return problems;
}

function checkAddress(address: Entry, family: 4 | 6, problems: string[]): void {
  const at = (name: string) => address.values.get(name)?.line ?? address.line;
  const types = family === 4 ? ADDRESS_TYPES : ADDRESS6_TYPES;
  const type = one(address, 'type') ?? (family === 4 ? 'ipmask' : 'ipprefix');
  if (!types.has(type))
    problems.push(problemAt(at('type'), `"${type}" is not an address${family === 6 ? '6' : ''} type`));
  const fqdn = one(address, 'fqdn');
  if (type === 'fqdn' && fqdn === undefined)
    problems.push(problemAt(address.line, 'an address of type fqdn needs "set fqdn"'));
  if (fqdn !== undefined) {
    if (type !== 'fqdn') problems.push(problemAt(at('fqdn'), '"set fqdn" needs "set type fqdn"'));
    // FQDN addresses take a DNS name; a leading "*." makes it a wildcard FQDN (FortiOS 6.2 and later).
    if (!isHostname(fqdn, true)) problems.push(problemAt(at('fqdn'), `"${fqdn}" is not a DNS name`));
  }
  if (family === 4) {
    const subnet = address.values.get('subnet')?.tokens.map((token) => token.value);
    if (subnet) {
      if (type !== 'ipmask')
        problems.push(problemAt(at('subnet'), `"set subnet" belongs to type ipmask, not ${type}`));
      // `subnet {ipv4-classnet-any}`: "a.b.c.d/len" or "a.b.c.d m.m.m.m".
      const valid =
        subnet.length === 1
          ? isPrefix(subnet[0]!, 4)
          : subnet.length === 2 && isIPv4(subnet[0]!) && isNetmask(subnet[1]!);
      if (!valid)
        problems.push(
          problemAt(
            at('subnet'),
            `subnet "${subnet.join(' ')}" is not an IPv4 address with prefix or netmask`,
          ),
        );
    } else if (type === 'ipmask') {
      problems.push(problemAt(address.line, 'an ipmask address needs "set subnet"'));
    }
  } else {
    const ip6 = one(address, 'ip6');
    if (ip6 !== undefined) {
      if (type !== 'ipprefix')
        problems.push(problemAt(at('ip6'), `"set ip6" belongs to type ipprefix, not ${type}`));
      // `ip6 {ipv6-network}`: an IPv6 prefix "address/len".
      if (!isPrefix(ip6, 6)) problems.push(problemAt(at('ip6'), `ip6 "${ip6}" is not an IPv6 prefix`));
    } else if (type === 'ipprefix') {
      problems.push(problemAt(address.line, 'an ipprefix address needs "set ip6"'));
    }
  }
  const color = one(address, 'color');
  if (color !== undefined && !(/^[0-9]+$/.test(color) && Number(color) <= 32))
    problems.push(problemAt(at('color'), 'color is 0-32'));
}

function checkService(service: Entry, problems: string[]): void {
  const at = (name: string) => service.values.get(name)?.line ?? service.line;
  const protocol = one(service, 'protocol') ?? 'TCP/UDP/SCTP';
  if (!SERVICE_PROTOCOLS.has(protocol))
    problems.push(problemAt(at('protocol'), `"${protocol}" is not a custom service protocol`));
  const ranges = ['tcp-portrange', 'udp-portrange', 'sctp-portrange', 'udplite-portrange'].filter((name) =>
    service.values.has(name),
  );
  if (ranges.length > 0 && !protocol.startsWith('TCP/UDP')) {
    problems.push(problemAt(at(ranges[0]!), `port ranges need protocol TCP/UDP/SCTP, not ${protocol}`));
  }
  if (ranges.length === 0 && protocol.startsWith('TCP/UDP'))
    problems.push(problemAt(service.line, 'a TCP/UDP/SCTP service needs at least one port range'));
  for (const name of ranges) {
    for (const token of service.values.get(name)!.tokens) {
      const problem = portRangeProblem(token.value);
      if (problem) problems.push(problemAt(at(name), `${name} ${problem}`));
    }
  }
}

export const check: SnippetCheck = {
  name: 'FortiOS CLI grammar',
  platforms: ['fortigate'],
  kind: 'grammar',
  source:
    'FortiOS 7.4 CLI reference (config firewall address, address6, service custom, policy); attribute tables and lengths from fortinetdev/terraform-provider-fortios',
  notChecked:
    'Whether the interfaces exist, the policy order, VIPs for inbound traffic, and FortiOS version differences inside the 6.x-7.6 attribute union',
  unavailable: () => undefined,
  check: checkFortiGate,
  planted: [
    {
      name: 'a policy name longer than 35 characters',
      platform: 'fortigate',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(/set name "[^"]*"/, 'set name "pascom-1-a-policy-name-that-is-far-too-long"'),
    },
    {
      name: 'a set attribute that config firewall policy does not have',
      platform: 'fortigate',
      deployment: 'cloud',
      plant: (text) =>
        text.replace('        set action accept', '        set action accept\n        set colour 3'),
    },
    {
      name: 'an unbalanced end (the last block is never closed)',
      platform: 'fortigate',
      deployment: 'cloud',
      plant: (text) => text.replace(/\nend\n?$/, '\n'),
    },
  ],
};
