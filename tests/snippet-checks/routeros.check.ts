/**
 * Grammar check for MikroTik RouterOS v7 scripts (`/import` or pasted into the
 * terminal): menu paths, `add` commands with `name=value` arguments, the
 * arguments each menu accepts, their value formats and RouterOS quoting.
 *
 * Sources: the RouterOS manual on help.mikrotik.com, pages "Scripting"
 * (command-line syntax, line joining, comments, escape sequences), "Filter",
 * "Common Firewall Matchers and Actions", "Address-lists" and "IPv6 Firewall".
 */
import type { SnippetCheck } from './types';
import {
  familyCoverage,
  isHostname,
  isIPv4,
  isIPv6,
  isPrefix,
  portNumber,
  problemAt,
  snippetLines,
  type FamilyRule,
  type SnippetLine,
} from './grammar-helpers';

type Family = 4 | 6;
type MenuKind = 'address-list' | 'filter';

/** Menus the check knows; "IP > Firewall" and "IPv6 > Firewall" in the manual. */
const MENUS: Record<string, { family: Family; kind: MenuKind }> = {
  'ip firewall address-list': { family: 4, kind: 'address-list' },
  'ip firewall filter': { family: 4, kind: 'filter' },
  'ipv6 firewall address-list': { family: 6, kind: 'address-list' },
  'ipv6 firewall filter': { family: 6, kind: 'filter' },
};

/** Address-lists page, "Properties": the settable fields of an entry. */
const ADDRESS_LIST_ARGS = new Set(['address', 'comment', 'disabled', 'list', 'timeout']);

/** "Common Firewall Matchers and Actions": matchers and actions shared by /ip and /ipv6 filter. */
const COMMON_FILTER_ARGS = [
  'action',
  'address-list',
  'address-list-timeout',
  'chain',
  'comment',
  'connection-bytes',
  'connection-limit',
  'connection-mark',
  'connection-rate',
  'connection-state',
  'connection-type',
  'content',
  'disabled',
  'dscp',
  'dst-address',
  'dst-address-list',
  'dst-address-type',
  'dst-limit',
  'dst-port',
  'icmp-options',
  'in-bridge-port',
  'in-bridge-port-list',
  'in-interface',
  'in-interface-list',
  'ingress-priority',
  'ipsec-policy',
  'jump-target',
  'limit',
  'log',
  'log-prefix',
  'nth',
  'out-bridge-port',
  'out-bridge-port-list',
  'out-interface',
  'out-interface-list',
  'packet-mark',
  'packet-size',
  'per-connection-classifier',
  'place-before',
  'port',
  'priority',
  'protocol',
  'random',
  'reject-with',
  'routing-mark',
  'src-address',
  'src-address-list',
  'src-address-type',
  'src-mac-address',
  'src-port',
  'tcp-flags',
  'tcp-mss',
  'time',
  'tls-host',
];
/** IPv4-only matchers (Filter page): header fields IPv6 does not have. */
const IPV4_FILTER_ARGS = [
  'connection-nat-state',
  'fragment',
  'hotspot',
  'ipv4-options',
  'layer7-protocol',
  'psd',
  'ttl',
];
/** IPv6-only matchers (IPv6 Firewall page). */
const IPV6_FILTER_ARGS = ['headers', 'hop-limit'];

const FILTER_ARGS: Record<Family, Set<string>> = {
  4: new Set([...COMMON_FILTER_ARGS, ...IPV4_FILTER_ARGS]),
  6: new Set([...COMMON_FILTER_ARGS, ...IPV6_FILTER_ARGS]),
};

/** Filter page, "action": the actions of the filter table (tarpit exists for IPv4 only). */
const ACTIONS: Record<Family, Set<string>> = {
  4: new Set([
    'accept',
    'add-dst-to-address-list',
    'add-src-to-address-list',
    'drop',
    'fasttrack-connection',
    'jump',
    'log',
    'passthrough',
    'reject',
    'return',
    'tarpit',
  ]),
  6: new Set([
    'accept',
    'add-dst-to-address-list',
    'add-src-to-address-list',
    'drop',
    'fasttrack-connection',
    'jump',
    'log',
    'passthrough',
    'reject',
    'return',
  ]),
};

/** Common Firewall Matchers, "protocol": the names RouterOS knows (a number 0-255 is also accepted). */
const PROTOCOLS = new Set([
  'dccp',
  'ddp',
  'egp',
  'encap',
  'etherip',
  'ggp',
  'gre',
  'hmp',
  'icmp',
  'icmpv6',
  'idpr-cmtp',
  'igmp',
  'ipencap',
  'ipip',
  'ipsec-ah',
  'ipsec-esp',
  'ipv6',
  'ipv6-encap',
  'ipv6-frag',
  'ipv6-icmp',
  'ipv6-nonxt',
  'ipv6-opts',
  'ipv6-route',
  'iso-tp4',
  'l2tp',
  'ospf',
  'pim',
  'pup',
  'rdp',
  'rspf',
  'rsvp',
  'sctp',
  'st',
  'tcp',
  'udp',
  'udp-lite',
  'vmtp',
  'vrrp',
  'xns-idp',
  'xtp',
]);
/** "dst-port … Applicable only if protocol is TCP, UDP, UDP-Lite, DCCP or SCTP." */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'udp-lite', 'dccp', 'sctp', '6', '17', '33', '132', '136']);

/** Built-in chains of the filter table; any other name is a user chain (Filter page, "chain"). */
const BUILT_IN_CHAINS = new Set(['input', 'forward', 'output']);

/** Common Firewall Matchers, "connection-state". */
const CONNECTION_STATES = new Set(['established', 'invalid', 'new', 'related', 'untracked']);

/** Scripting page, "Escape sequences": what may follow a backslash inside a quoted string. */
const ESCAPES = /^(["\\nrt$?_abfv]|[0-9A-Fa-f]{2})/;

interface Argument {
  name: string;
  value: string;
  quoted: boolean;
}

/**
 * Splits `name=value name="quoted value"` into arguments. Unquoted values stop
 * at whitespace; quoted ones follow the Scripting page's escape rules, where
 * an unescaped `$` starts a variable and `?` opens the console's help.
 */
function parseArguments(text: string, line: SnippetLine, problems: string[]): Argument[] | undefined {
  const args: Argument[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const head = /^([a-z][a-z0-9-]*)=/.exec(rest);
    if (!head) {
      problems.push(problemAt(line, `expected name=value, found "${rest.split(/\s/)[0]}"`));
      return undefined;
    }
    const name = head[1]!;
    rest = rest.slice(head[0].length);
    if (rest.startsWith('"')) {
      let index = 1;
      let value = '';
      for (;;) {
        const char = rest[index];
        if (char === undefined) {
          problems.push(problemAt(line, `the quoted value of ${name} is not closed`));
          return undefined;
        }
        if (char === '"') break;
        if (char === '\\') {
          const escape = ESCAPES.exec(rest.slice(index + 1));
          if (!escape) {
            problems.push(
              problemAt(line, `"\\${rest[index + 1] ?? ''}" in ${name} is not a RouterOS escape sequence`),
            );
            return undefined;
          }
          value += escape[0];
          index += 1 + escape[0].length;
          continue;
        }
        if (char === '$' || char === '?') {
          problems.push(
            problemAt(
              line,
              `unescaped "${char}" in the quoted value of ${name} (RouterOS reads "$" as a variable and "?" as a request for help; write "\\${char}")`,
            ),
          );
          return undefined;
        }
        value += char;
        index += 1;
      }
      args.push({ name, value, quoted: true });
      rest = rest.slice(index + 1);
      if (rest.length > 0 && !/^\s/.test(rest)) {
        problems.push(problemAt(line, `no space after the quoted value of ${name}`));
        return undefined;
      }
    } else {
      const value = /^\S*/.exec(rest)![0];
      // Unquoted words end at characters the console gives a meaning (Scripting page, "Line structure").
      if (!/^[A-Za-z0-9._:/,!@*+-]*$/.test(value)) {
        problems.push(
          problemAt(
            line,
            `the value of ${name} ("${value}") needs quotes: it holds a character RouterOS interprets`,
          ),
        );
        return undefined;
      }
      args.push({ name, value, quoted: false });
      rest = rest.slice(value.length);
    }
    rest = rest.trimStart();
  }
  return args;
}

/** Port lists of the matchers: "integer[-integer]" items separated by commas, 0-65535. */
function checkPorts(value: string, name: string, line: SnippetLine, problems: string[]): void {
  const list = value.startsWith('!') ? value.slice(1) : value;
  for (const item of list.split(',')) {
    if (item.includes(':')) {
      problems.push(
        problemAt(line, `${name}=${value}: a port range is written "from-to" in RouterOS, not with ":"`),
      );
      continue;
    }
    const match = /^([0-9]+)(?:-([0-9]+))?$/.exec(item);
    const from = match ? portNumber(match[1]!, 0) : undefined;
    const to = match?.[2] === undefined ? from : portNumber(match[2], 0);
    if (from === undefined || to === undefined) {
      problems.push(
        problemAt(line, `${name}=${value}: "${item}" is not a port or port range within 0-65535`),
      );
    } else if (from > to) {
      problems.push(problemAt(line, `${name}=${value}: the range "${item}" runs backwards`));
    }
  }
}

/** dst-address / src-address: an address, a prefix or (IPv4) a range of the menu's family. */
function isAddressOf(value: string, family: Family): boolean {
  const plain = value.startsWith('!') ? value.slice(1) : value;
  if (family === 4) {
    const range = /^([^-]+)-([^-]+)$/.exec(plain);
    if (range) return isIPv4(range[1]!) && isIPv4(range[2]!);
    return isIPv4(plain) || isPrefix(plain, 4);
  }
  return isIPv6(plain) || isPrefix(plain, 6);
}

function familyName(family: Family): string {
  return family === 4 ? 'IPv4 (/ip)' : 'IPv6 (/ipv6)';
}

/** Joins physical lines that end in a backslash (Scripting page, "Line joining"); comments never continue. */
function logicalLines(text: string): SnippetLine[] {
  const result: SnippetLine[] = [];
  let pending: SnippetLine | undefined;
  for (const line of snippetLines(text)) {
    if (pending) {
      pending = { number: pending.number, text: pending.text + line.text };
    } else if (/^\s*#/.test(line.text)) {
      result.push(line);
      continue;
    } else {
      pending = line;
    }
    if (pending.text.endsWith('\\')) {
      pending = { number: pending.number, text: pending.text.slice(0, -1) };
    } else {
      result.push(pending);
      pending = undefined;
    }
  }
  if (pending) result.push(pending);
  return result;
}

function checkRouterOs(text: string): string[] {
  const problems: string[] = [];
  const lists: Record<Family, Set<string>> = { 4: new Set(), 6: new Set() };
  const rules: FamilyRule[] = [];
  const comments: string[] = [];
  let menu: { family: Family; kind: MenuKind } | undefined;

  for (const line of logicalLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    // Scripting page, "Comments": a line starting with "#" is ignored to its end.
    if (trimmed.startsWith('#')) {
      comments.push(trimmed);
      continue;
    }
    let command = trimmed;
    if (command.startsWith('/')) {
      const path = /^\/((?:[a-z0-9-]+)(?: [a-z0-9-]+)*?)(?: (add\b.*))?$/.exec(command);
      const menuPath = path?.[1] ?? '';
      const found = MENUS[menuPath];
      if (!found) {
        problems.push(problemAt(line, `unknown or unchecked menu "/${menuPath || command.slice(1)}"`));
        menu = undefined;
        continue;
      }
      menu = found;
      if (path?.[2] === undefined) continue;
      command = path[2];
    }
    const verb = /^\S+/.exec(command)![0];
    if (verb !== 'add') {
      problems.push(problemAt(line, `"${verb}" is not a command this check accepts here (only "add")`));
      continue;
    }
    if (!menu) {
      problems.push(problemAt(line, '"add" outside a known menu'));
      continue;
    }
    const args = parseArguments(command.slice(3), line, problems);
    if (!args) continue;
    const byName = new Map<string, string>();
    for (const arg of args) {
      if (byName.has(arg.name)) problems.push(problemAt(line, `${arg.name} is given twice`));
      byName.set(arg.name, arg.value);
    }
    const allowed = menu.kind === 'address-list' ? ADDRESS_LIST_ARGS : FILTER_ARGS[menu.family];
    for (const arg of args) {
      if (!allowed.has(arg.name)) {
        problems.push(
          problemAt(
            line,
            `"${arg.name}" is not an argument of ${familyName(menu.family)} firewall ${menu.kind}`,
          ),
        );
      }
    }
    for (const flag of ['disabled', 'log']) {
      const value = byName.get(flag);
      if (value !== undefined && value !== 'yes' && value !== 'no') {
        problems.push(problemAt(line, `${flag}=${value}: expected yes or no`));
      }
    }

    if (menu.kind === 'address-list') {
      const list = byName.get('list');
      const address = byName.get('address');
      if (!list) problems.push(problemAt(line, 'an address-list entry needs list='));
      if (!address) {
        problems.push(problemAt(line, 'an address-list entry needs address='));
      } else {
        // Address-lists page, "address": an address, prefix or range of the menu's family, or a DNS name.
        const ofFamily = isAddressOf(address, menu.family) && !address.startsWith('!');
        const otherFamily = isAddressOf(address, menu.family === 4 ? 6 : 4);
        if (otherFamily && !ofFamily) {
          problems.push(
            problemAt(
              line,
              `address=${address} is an address of the other family; ${familyName(menu.family)} lists take only their own`,
            ),
          );
        } else if (!ofFamily && !isHostname(address)) {
          problems.push(
            problemAt(
              line,
              `address=${address} is neither an ${familyName(menu.family)} address, prefix or range nor a DNS name`,
            ),
          );
        }
      }
      if (list) lists[menu.family].add(list);
      continue;
    }

    // Filter rules.
    const chain = byName.get('chain');
    if (!chain) problems.push(problemAt(line, 'a filter rule needs chain='));
    else if (!BUILT_IN_CHAINS.has(chain) && !/^[A-Za-z0-9_-]+$/.test(chain)) {
      problems.push(problemAt(line, `chain=${chain} is not a valid chain name`));
    }
    const action = byName.get('action') ?? 'accept';
    if (!ACTIONS[menu.family].has(action)) {
      problems.push(problemAt(line, `action=${action} is not a ${familyName(menu.family)} filter action`));
    }
    if (action === 'jump' && !byName.has('jump-target'))
      problems.push(problemAt(line, 'action=jump needs jump-target='));
    const protocol = byName.get('protocol');
    if (protocol !== undefined) {
      const plain = protocol.startsWith('!') ? protocol.slice(1) : protocol;
      const number = /^[0-9]{1,3}$/.test(plain) && Number(plain) <= 255;
      if (!PROTOCOLS.has(plain) && !number)
        problems.push(problemAt(line, `protocol=${protocol} is not a protocol RouterOS knows`));
    }
    for (const name of ['dst-port', 'src-port', 'port']) {
      const value = byName.get(name);
      if (value === undefined) continue;
      checkPorts(value, name, line, problems);
      if (protocol === undefined || !PORT_PROTOCOLS.has(protocol)) {
        problems.push(problemAt(line, `${name} needs protocol=tcp, udp, udp-lite, dccp or sctp`));
      }
    }
    for (const name of ['src-address', 'dst-address']) {
      const value = byName.get(name);
      if (value !== undefined && !isAddressOf(value, menu.family)) {
        problems.push(
          problemAt(line, `${name}=${value} is not an ${familyName(menu.family)} address, prefix or range`),
        );
      }
    }
    for (const name of ['src-address-list', 'dst-address-list']) {
      const value = byName.get(name);
      if (value === undefined) continue;
      const plain = value.startsWith('!') ? value.slice(1) : value;
      if (!lists[menu.family].has(plain)) {
        problems.push(
          problemAt(
            line,
            `${name}=${value}: no ${familyName(menu.family)} address list of that name is added before this rule`,
          ),
        );
      }
    }
    for (const name of ['in-interface', 'out-interface', 'in-interface-list', 'out-interface-list']) {
      const value = byName.get(name);
      if (value !== undefined && !/^!?[^\s"]+$/.test(value))
        problems.push(problemAt(line, `${name}="${value}" is not an interface name`));
    }
    const states = byName.get('connection-state');
    if (states !== undefined) {
      for (const state of states.replace(/^!/, '').split(',')) {
        if (!CONNECTION_STATES.has(state))
          problems.push(problemAt(line, `connection-state: "${state}" is not a connection state`));
      }
    }
    rules.push({ family: menu.family, comment: byName.get('comment') ?? trimmed, line });
  }
  return [...problems, ...familyCoverage(rules, comments)];
}

export const check: SnippetCheck = {
  name: 'RouterOS v7 grammar',
  platforms: ['routeros'],
  kind: 'grammar',
  source:
    'MikroTik RouterOS manual (help.mikrotik.com): Scripting (syntax, quoting, escapes), Filter, Common Firewall Matchers and Actions, Address-lists, IPv6 Firewall',
  notChecked:
    'Whether the interfaces and address lists exist on the router, rule order relative to existing drop rules, DNS resolution of address-list names, and matcher combinations beyond protocol/port',
  unavailable: () => undefined,
  check: checkRouterOs,
  planted: [
    {
      name: 'an argument /ip firewall filter does not have',
      platform: 'routeros',
      deployment: 'cloud',
      plant: (text) =>
        text.replace('add chain=forward action=accept', 'add chain=forward action=accept direction=in'),
    },
    {
      name: 'a port range written with ":" (iptables style) instead of "-"',
      platform: 'routeros',
      deployment: 'cloud',
      plant: (text) => text.replace(/dst-port=(\d+)-(\d+)/, 'dst-port=$1:$2'),
    },
    {
      name: 'an IPv6 address in an /ip address list',
      platform: 'routeros',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(/(\/ip firewall address-list\nadd list=\S+) address=\S+/, '$1 address=2001:db8::10'),
    },
  ],
};
