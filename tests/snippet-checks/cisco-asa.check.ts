/**
 * Grammar of the Cisco ASA snippets (ASA 8.3 and later), written from the
 * Cisco ASA Series Command Reference (A-H: `access-group`, `access-list
 * extended`, `access-list remark`, `description`, `fqdn`, `host`; I-R:
 * `object network`, `object service`, `object-group network`, `object-group
 * service`, `nat (object)`, `port-object`, `range`; S-Z: `service-object`,
 * `subnet`, `write memory`) and the ASA Series Firewall CLI Configuration
 * Guide, "Objects for Access Control" and "Access Control Lists". The CLI is
 * modal: `object ...` and `object-group ...` open a sub-mode whose commands
 * the snippet indents by one blank, as `show running-config` does.
 */
import {
  isHostname,
  isIPv4,
  isIPv6,
  isNetmask,
  isPrefix,
  problemAt,
  snippetLines,
  type SnippetLine,
} from './grammar-helpers';
import type { SnippetCheck } from './types';
import {
  familyOf,
  ipv4HostBitsSet,
  ipv4Number,
  NameTable,
  netmaskLength,
  portRangeProblem,
} from './vendor-cli';

type Family = 4 | 6 | undefined;

/** The sub-mode a line is read in, with what the mode has collected so far. */
type Mode =
  | { kind: 'global' }
  | { kind: 'network object'; name: string; line: SnippetLine; addresses: SnippetLine[]; family: Family }
  | { kind: 'service object'; name: string; line: SnippetLine; services: number }
  | {
      kind: 'service object group';
      name: string;
      line: SnippetLine;
      protocol: string | undefined;
      entries: number;
    }
  | { kind: 'network object group'; name: string; line: SnippetLine; entries: number };

/**
 * Firewall CLI Configuration Guide, "Guidelines for Objects": "Object names are
 * limited to 64 characters, including letters, numbers, and these characters:
 * .!@#$%^&()-_{}". Objects and object groups share one name space.
 */
function objectNameProblem(name: string | undefined): string | undefined {
  if (name === undefined) return 'the object name is missing';
  if (name.length > 64)
    return `the object name "${name}" is ${name.length} characters long; ASA object names have at most 64`;
  if (!/^[A-Za-z0-9.!@#$%^&()\-_{}]+$/.test(name))
    return `the object name "${name}" has a character ASA object names do not allow (letters, digits and .!@#$%^&()-_{} only)`;
  return undefined;
}

/** Command Reference A-H, `access-list extended`: the access list ID is a name of up to 241 characters. */
function aclNameProblem(name: string | undefined): string | undefined {
  if (name === undefined) return 'the access list name is missing';
  if (name.length > 241) return `the access list name is ${name.length} characters long; at most 241`;
  if (!/^[\x21-\x7e]+$/.test(name))
    return `the access list name "${name}" must be one word of visible characters`;
  return undefined;
}

/** Command Reference I-R, `nameif`: an interface name of up to 48 characters. */
function interfaceNameProblem(name: string | undefined): string | undefined {
  if (name === undefined) return 'the interface name is missing';
  if (name.length > 48 || !/^[\x21-\x7e]+$/.test(name))
    return `"${name}" is not an interface name (one word of up to 48 visible characters)`;
  return undefined;
}

/**
 * Command Reference A-H, `description`: the text of an object's description is
 * up to 200 characters; `access-list remark`: remark text is up to 100
 * characters (leading blanks kept, trailing blanks dropped).
 */
const DESCRIPTION_MAX = 200;
const REMARK_MAX = 100;

/** TCP and UDP port operators of `service-object`, `port-object` and `access-list extended`: eq, neq, lt, gt, range. */
function portOperator(
  words: readonly string[],
  at: number,
): { next: number; problem: string | undefined } | undefined {
  const operator = words[at];
  if (operator === 'eq' || operator === 'neq' || operator === 'lt' || operator === 'gt') {
    const port = words[at + 1];
    if (port === undefined) return { next: at + 1, problem: `"${operator}" needs a port` };
    return { next: at + 2, problem: portRangeProblem(port, undefined) };
  }
  if (operator === 'range') {
    const from = words[at + 1];
    const to = words[at + 2];
    if (from === undefined || to === undefined)
      return { next: words.length, problem: '"range" needs two ports' };
    return { next: at + 3, problem: portRangeProblem(from, to) };
  }
  return undefined;
}

/** Protocol names an ACE or service object may give before ports (Command Reference, `access-list extended`, protocol_argument). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const PROTOCOL_KEYWORDS = new Set(['ip', 'icmp', 'icmp6', 'tcp', 'udp', 'sctp', 'esp', 'ah', 'gre']);

/** The family an object name stands for, where the snippet defines it. */
type Families = Map<string, Family>;

interface Address {
  family: Family;
  next: number;
  problem?: string | undefined;
}

/**
 * Command Reference A-H, `access-list extended`, source/dest_address_argument:
 * any, any4, any6, host A, A MASK (IPv4), A/prefix (IPv6), object NAME,
 * object-group NAME, interface NAME.
 */
function addressArgument(
  words: readonly string[],
  at: number,
  line: SnippetLine,
  names: NameTable,
  families: Families,
): Address {
  const word = words[at];
  if (word === undefined) return { family: undefined, next: at, problem: 'an address is missing' };
  if (word === 'any') return { family: undefined, next: at + 1 };
  if (word === 'any4') return { family: 4, next: at + 1 };
  if (word === 'any6') return { family: 6, next: at + 1 };
  if (word === 'host') {
    const address = words[at + 1] ?? '';
    const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
    if (family === undefined)
      return { family, next: at + 2, problem: `"host ${address}" needs an IPv4 or IPv6 address` };
    return { family, next: at + 2 };
  }
  if (word === 'object' || word === 'object-group') {
    const name = words[at + 1];
    const problem = objectNameProblem(name);
    if (problem || name === undefined) return { family: undefined, next: at + 2, problem };
    names.refer(word === 'object' ? ['network object'] : ['network object group'], name, line, true);
    return { family: word === 'object' ? families.get(name) : undefined, next: at + 2 };
  }
  if (word === 'interface') {
    return { family: undefined, next: at + 2, problem: interfaceNameProblem(words[at + 1]) };
  }
  if (isIPv4(word)) {
    const mask = words[at + 1] ?? '';
    if (!isNetmask(mask))
      return { family: 4, next: at + 2, problem: `"${word} ${mask}" needs a netmask such as 255.255.0.0` };
    if (ipv4HostBitsSet(word, netmaskLength(mask)))
      return { family: 4, next: at + 2, problem: `${word} has host bits set for the mask ${mask}` };
    return { family: 4, next: at + 2 };
  }
  if (isPrefix(word, 6)) return { family: 6, next: at + 1 };
  if (word.includes('/'))
    return {
      family: undefined,
      next: at + 1,
      problem: `"${word}": an IPv4 network is written "address netmask", a prefix length only for IPv6`,
    };
  return { family: undefined, next: at + 1, problem: `"${word}" is not an address argument` };
}

/** Checks one `access-list NAME [line N] extended ...` entry from the word after "extended". */
function extendedEntry(
  words: readonly string[],
  start: number,
  line: SnippetLine,
  names: NameTable,
  families: Families,
): string[] {
  const problems: string[] = [];
  let at = start;
  const action = words[at];
  if (action !== 'permit' && action !== 'deny')
    return [`expected permit or deny after "extended", found "${action ?? ''}"`];
  at += 1;
  const protocol = words[at];
  let ports = false;
  if (protocol === 'object-group' || protocol === 'object') {
    const name = words[at + 1];
    const problem = objectNameProblem(name);
    if (problem) problems.push(problem);
    else if (name !== undefined)
      names.refer(protocol === 'object' ? ['service object'] : ['service object group'], name, line, true);
    at += 2;
  } else if (
    protocol !== undefined &&
    (PROTOCOL_KEYWORDS.has(protocol) || /^([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/.test(protocol))
  ) {
    ports = PORT_PROTOCOLS.has(protocol);
    at += 1;
  } else {
    return [...problems, `"${protocol ?? ''}" is not a protocol, "object" or "object-group"`];
  }
  const source = addressArgument(words, at, line, names, families);
  if (source.problem) problems.push(source.problem);
  at = source.next;
  const sourcePort = portOperator(words, at);
  if (sourcePort) {
    if (!ports) problems.push(`ports can follow an address only for tcp, udp or sctp, not "${protocol}"`);
    if (sourcePort.problem) problems.push(sourcePort.problem);
    at = sourcePort.next;
  }
  const destination = addressArgument(words, at, line, names, families);
  if (destination.problem) problems.push(destination.problem);
  at = destination.next;
  const destinationPort = portOperator(words, at);
  if (destinationPort) {
    if (!ports) problems.push(`ports can follow an address only for tcp, udp or sctp, not "${protocol}"`);
    if (destinationPort.problem) problems.push(destinationPort.problem);
    at = destinationPort.next;
  }
  // A packet has one address family: an entry from an IPv4-only source to an
  // IPv6-only destination (or the reverse) can never match.
  if (source.family !== undefined && destination.family !== undefined && source.family !== destination.family)
    problems.push(
      `the source is IPv${source.family} and the destination IPv${destination.family}; the entry can never match`,
    );
  // Trailing options of `access-list extended`: log [level] [interval secs] | log disable | log default, inactive, time-range NAME.
  while (at < words.length) {
    const word = words[at]!;
    if (word === 'log') {
      at += 1;
      if (words[at] === 'disable' || words[at] === 'default') at += 1;
      else {
        if (/^[0-7]$/.test(words[at] ?? '')) at += 1;
        if (words[at] === 'interval' && /^[0-9]+$/.test(words[at + 1] ?? '')) at += 2;
      }
    } else if (word === 'inactive') at += 1;
    else if (word === 'time-range' && words[at + 1] !== undefined) at += 2;
    else {
      problems.push(`unexpected "${word}" at the end of the entry`);
      break;
    }
  }
  return problems;
}

/** `object network` sub-mode: host, subnet, range, fqdn, description, nat. */
function networkObjectLine(
  words: readonly string[],
  raw: string,
  mode: Extract<Mode, { kind: 'network object' }>,
  line: SnippetLine,
): string[] {
  const [command, first, second, ...rest] = words;
  const address = (family: Family) => {
    mode.addresses.push(line);
    mode.family = family;
  };
  switch (command) {
    case 'host': {
      // Command Reference A-H, `host`: one IPv4 or IPv6 address.
      if (first === undefined || second !== undefined) return ['"host" takes exactly one address'];
      const family = familyOf(first);
      if (family === undefined || first.includes('/')) return [`"${first}" is not an IPv4 or IPv6 address`];
      address(family);
      return [];
    }
    case 'subnet': {
      // Command Reference S-Z, `subnet`: "subnet A MASK" for IPv4, "subnet A/prefix" for IPv6.
      if (first !== undefined && isIPv4(first)) {
        if (second === undefined || !isNetmask(second))
          return [`"subnet ${first}" needs a netmask such as 255.255.0.0`];
        if (rest.length > 0) return [`unexpected "${rest.join(' ')}"`];
        if (ipv4HostBitsSet(first, netmaskLength(second)))
          return [`${first} has host bits set for the mask ${second}`];
        address(4);
        return [];
      }
      if (first !== undefined && isPrefix(first, 6) && second === undefined) {
        address(6);
        return [];
      }
      if (first !== undefined && isPrefix(first, 4))
        return [`"${first}": an IPv4 subnet is written "address netmask", a prefix length only for IPv6`];
      return [
        `"subnet ${[first, second].filter(Boolean).join(' ')}" is neither "A MASK" (IPv4) nor "A/prefix" (IPv6)`,
      ];
    }
    case 'range': {
      // Command Reference I-R, `range`: two addresses of one family, the lower first.
      const family = first === undefined ? undefined : familyOf(first);
      if (
        family === undefined ||
        second === undefined ||
        familyOf(second) !== family ||
        first!.includes('/') ||
        second.includes('/') ||
        rest.length > 0
      )
        return ['"range" takes two addresses of the same family'];
      if (family === 4 && ipv4Number(first!) > ipv4Number(second))
        return [`the range ${first!} ${second} runs backwards`];
      address(family);
      return [];
    }
    case 'fqdn': {
      // Command Reference A-H, `fqdn`: fqdn [v4 | v6] NAME; the name begins and
      // ends with a letter or digit, with letters, digits, hyphens and dots between.
      const [family, host] = first === 'v4' || first === 'v6' ? [first === 'v4' ? 4 : 6, second] : [4, first];
      const extra =
        first === 'v4' || first === 'v6' ? rest : [second, ...rest].filter((word) => word !== undefined);
      if (host === undefined) return ['"fqdn" needs a host name'];
      if (extra.length > 0) return [`unexpected "${extra.join(' ')}" after the host name`];
      if (!isHostname(host)) return [`"${host}" is not a fully qualified domain name`];
      address(family as 4 | 6);
      return [];
    }
    case 'description':
      return descriptionProblems(raw);
    case 'nat':
      return natProblems(words);
    default:
      return [
        `"${command ?? ''}" is not a command of the object network mode (host, subnet, range, fqdn, description, nat)`,
      ];
  }
}

/** Command Reference I-R, `nat (network object)`: nat (real_ifc,mapped_ifc) static MAPPED [service tcp|udp REAL MAPPED] | dynamic MAPPED. */
function natProblems(words: readonly string[]): string[] {
  const [, interfaces, type, mapped, ...rest] = words;
  if (
    interfaces === undefined ||
    !/^\([\x21-\x27\x2a-\x7e]{1,48},[\x21-\x27\x2a-\x7e]{1,48}\)$/.test(interfaces)
  )
    return ['"nat" needs "(real_interface,mapped_interface)"'];
  if (type !== 'static' && type !== 'dynamic') return [`"nat" needs static or dynamic, not "${type ?? ''}"`];
  if (mapped === undefined) return ['"nat" needs a mapped address, object or "interface"'];
  if (rest.length === 0) return [];
  const [service, protocol, real, mappedPort, ...extra] = rest;
  if (
    type !== 'static' ||
    service !== 'service' ||
    (protocol !== 'tcp' && protocol !== 'udp') ||
    extra.length > 0
  )
    return [`unexpected "${rest.join(' ')}" (only static NAT takes "service tcp|udp REAL MAPPED")`];
  return [portRangeProblem(real ?? '', undefined), portRangeProblem(mappedPort ?? '', undefined)].filter(
    (problem): problem is string => problem !== undefined,
  );
}

function descriptionProblems(raw: string): string[] {
  const text = raw.trim().replace(/^description\s?/, '');
  if (text.trim() === '') return ['"description" needs a text'];
  if (text.length > DESCRIPTION_MAX)
    return [`the description is ${text.length} characters long; at most ${DESCRIPTION_MAX}`];
  return [];
}

/** The port part of `service-object` and `service` (source and/or destination operators). */
function servicePorts(words: readonly string[], at: number, protocol: string): string[] {
  const problems: string[] = [];
  let index = at;
  let seen = 0;
  for (const direction of ['source', 'destination'] as const) {
    if (words[index] !== direction) continue;
    const operator = portOperator(words, index + 1);
    if (!operator) return [...problems, `"${direction}" needs eq, neq, lt, gt or range`];
    if (operator.problem) problems.push(operator.problem);
    index = operator.next;
    seen += 1;
  }
  if (seen > 0 && !PORT_PROTOCOLS.has(protocol) && protocol !== 'tcp-udp')
    problems.push(`ports need tcp, udp, tcp-udp or sctp, not "${protocol}"`);
  if (index < words.length) problems.push(`unexpected "${words.slice(index).join(' ')}"`);
  return problems;
}

/** `object-group service` sub-mode: service-object, port-object, group-object, description. */
function serviceGroupLine(
  words: readonly string[],
  raw: string,
  mode: Extract<Mode, { kind: 'service object group' }>,
  line: SnippetLine,
  names: NameTable,
): string[] {
  const [command, first, second] = words;
  switch (command) {
    case 'service-object': {
      mode.entries += 1;
      if (mode.protocol !== undefined)
        return [
          `"service-object" belongs to a service group without a protocol; this group is "${mode.protocol}" (use port-object)`,
        ];
      if (first === 'object') {
        const problem = objectNameProblem(second);
        if (problem) return [problem];
        names.refer(['service object'], second!, line, true);
        return words.length > 3 ? [`unexpected "${words.slice(3).join(' ')}"`] : [];
      }
      if (first === undefined) return ['"service-object" needs a protocol'];
      if (!PROTOCOL_KEYWORDS.has(first) && first !== 'tcp-udp' && !/^[0-9]{1,3}$/.test(first))
        return [`"${first}" is not a protocol`];
      return servicePorts(words, 2, first);
    }
    case 'port-object': {
      mode.entries += 1;
      if (mode.protocol === undefined)
        return [
          '"port-object" needs a service group with a protocol (object-group service NAME tcp|udp|tcp-udp)',
        ];
      const operator = portOperator(words, 1);
      if (!operator || (first !== 'eq' && first !== 'range'))
        return ['"port-object" takes "eq PORT" or "range FROM TO"'];
      return [
        operator.problem,
        operator.next < words.length ? `unexpected "${words.slice(operator.next).join(' ')}"` : undefined,
      ].filter((problem): problem is string => problem !== undefined);
    }
    case 'group-object': {
      mode.entries += 1;
      const problem = objectNameProblem(first);
      if (problem) return [problem];
      names.refer(['service object group'], first!, line, true);
      return [];
    }
    case 'description':
      return descriptionProblems(raw);
    default:
      return [
        `"${command ?? ''}" is not a command of the object-group service mode (service-object, port-object, group-object, description)`,
      ];
  }
}

/** `object service` sub-mode: service PROTOCOL [source OP] [destination OP], description. */
function serviceObjectLine(
  words: readonly string[],
  raw: string,
  mode: Extract<Mode, { kind: 'service object' }>,
): string[] {
  const [command, protocol] = words;
  if (command === 'description') return descriptionProblems(raw);
  if (command !== 'service')
    return [`"${command ?? ''}" is not a command of the object service mode (service, description)`];
  mode.services += 1;
  if (protocol === undefined || (!PROTOCOL_KEYWORDS.has(protocol) && !/^[0-9]{1,3}$/.test(protocol)))
    return [`"${protocol ?? ''}" is not a protocol`];
  return servicePorts(words, 2, protocol);
}

/** `object-group network` sub-mode: network-object, group-object, description. */
function networkGroupLine(
  words: readonly string[],
  raw: string,
  mode: Extract<Mode, { kind: 'network object group' }>,
  line: SnippetLine,
  names: NameTable,
  families: Families,
): string[] {
  const [command, first] = words;
  if (command === 'description') return descriptionProblems(raw);
  if (command === 'group-object') {
    mode.entries += 1;
    const problem = objectNameProblem(first);
    if (problem) return [problem];
    names.refer(['network object group'], first!, line, true);
    return [];
  }
  if (command !== 'network-object')
    return [
      `"${command ?? ''}" is not a command of the object-group network mode (network-object, group-object, description)`,
    ];
  mode.entries += 1;
  const address = addressArgument(words, 1, line, names, families);
  if (first === 'any' || first === 'any4' || first === 'any6' || first === 'interface')
    return [`"network-object ${first}" is not allowed`];
  return [
    address.problem,
    address.next < words.length ? `unexpected "${words.slice(address.next).join(' ')}"` : undefined,
  ].filter((problem): problem is string => problem !== undefined);
}

/** Problems of a sub-mode when it ends (the next global command, or the end of the snippet). */
function closeMode(mode: Mode, families: Families, objectAddresses: Map<string, SnippetLine[]>): string[] {
  switch (mode.kind) {
    case 'global':
      return [];
    case 'network object': {
      families.set(mode.name, mode.family);
      const reported = objectAddresses.get(mode.name)?.length ?? 0;
      objectAddresses.set(mode.name, mode.addresses);
      if (mode.addresses.length === 0)
        return [problemAt(mode.line, `network object "${mode.name}" has no host, subnet, range or fqdn`)];
      // Command Reference I-R, `object network`: an object holds one address; a second statement replaces the first.
      return mode.addresses
        .slice(Math.max(1, reported))
        .map((line) =>
          problemAt(
            line,
            `network object "${mode.name}" already has an address (line ${mode.addresses[0]!.number}); this one replaces it`,
          ),
        );
    }
    case 'service object':
      return mode.services === 0
        ? [problemAt(mode.line, `service object "${mode.name}" has no "service" line`)]
        : [];
    case 'service object group':
    case 'network object group':
      return mode.entries === 0
        ? [
            problemAt(
              mode.line,
              `object group "${mode.name}" is empty; the ASA refuses an empty group in an access list`,
            ),
          ]
        : [];
  }
}

export function checkAsa(text: string): string[] {
  const problems: string[] = [];
  const names = new NameTable();
  const accessLists = new NameTable();
  const families: Families = new Map();
  const objectAddresses = new Map<string, SnippetLine[]>();
  let mode: Mode = { kind: 'global' };
  for (const line of snippetLines(text)) {
    const raw = line.text;
    if (raw.trim() === '') continue;
    // A line starting with "!" is a comment, as in `show running-config`; it
    // ends at the line break and leaves the current mode alone.
    if (/^\s*!/.test(raw)) continue;
    const words = raw.trim().split(/\s+/);
    const indented = /^\s/.test(raw);
    const report = (messages: readonly (string | undefined)[]) => {
      for (const message of messages) if (message) problems.push(problemAt(line, message));
    };
    if (indented) {
      if (words[0] === 'exit' && words.length === 1 && mode.kind !== 'global') {
        problems.push(...closeMode(mode, families, objectAddresses));
        mode = { kind: 'global' };
        continue;
      }
      switch (mode.kind) {
        case 'global':
          report([`an indented sub-mode command outside any object or object group`]);
          break;
        case 'network object':
          report(networkObjectLine(words, raw, mode, line));
          break;
        case 'service object':
          report(serviceObjectLine(words, raw, mode));
          break;
        case 'service object group':
          report(serviceGroupLine(words, raw, mode, line, names));
          break;
        case 'network object group':
          report(networkGroupLine(words, raw, mode, line, names, families));
          break;
      }
      continue;
    }
    problems.push(...closeMode(mode, families, objectAddresses));
    mode = { kind: 'global' };
    const [command, first, second, third] = words;
    if (command === 'object' && (first === 'network' || first === 'service')) {
      const kind = first === 'network' ? 'network object' : 'service object';
      const problem =
        objectNameProblem(second) ??
        (third !== undefined ? `unexpected "${words.slice(3).join(' ')}"` : undefined);
      if (problem) report([problem]);
      else {
        report([names.define(kind, second!, line)]);
        mode =
          first === 'network'
            ? {
                kind: 'network object',
                name: second!,
                line,
                // Entering an existing object again edits it: its address stays.
                addresses: [...(objectAddresses.get(second!) ?? [])],
                family: families.get(second!),
              }
            : { kind: 'service object', name: second!, line, services: 0 };
      }
    } else if (command === 'object-group' && (first === 'service' || first === 'network')) {
      const problem = objectNameProblem(second);
      if (problem) report([problem]);
      else if (first === 'network') {
        if (third !== undefined) report([`unexpected "${words.slice(3).join(' ')}"`]);
        report([names.define('network object group', second!, line)]);
        mode = { kind: 'network object group', name: second!, line, entries: 0 };
      } else {
        if (third !== undefined && third !== 'tcp' && third !== 'udp' && third !== 'tcp-udp')
          report([`"${third}" is not a service group protocol (tcp, udp, tcp-udp)`]);
        else if (words.length > 4) report([`unexpected "${words.slice(4).join(' ')}"`]);
        report([names.define('service object group', second!, line)]);
        mode = { kind: 'service object group', name: second!, line, protocol: third, entries: 0 };
      }
    } else if (command === 'access-list') {
      const nameProblem = aclNameProblem(first);
      if (nameProblem) {
        report([nameProblem]);
        continue;
      }
      accessLists.define('access list', first!, line);
      let at = 2;
      if (words[at] === 'line') {
        if (!/^[1-9][0-9]*$/.test(words[at + 1] ?? '')) report(['"line" needs a line number']);
        at += 2;
      }
      if (words[at] === 'remark') {
        // Command Reference A-H, `access-list remark`: the text is up to 100 characters.
        const remark = raw.replace(/^.*?\bremark ?/, '').replace(/\s+$/, '');
        if (remark === '') report(['"remark" needs a text']);
        else if (remark.length > REMARK_MAX)
          report([`the remark is ${remark.length} characters long; the ASA allows at most ${REMARK_MAX}`]);
      } else if (words[at] === 'extended') {
        report(extendedEntry(words, at + 1, line, names, families));
      } else {
        report([`expected "extended" or "remark" after the access list name, found "${words[at] ?? ''}"`]);
      }
    } else if (command === 'access-group') {
      // Command Reference A-H, `access-group`: access-group NAME {in | out} interface IFC | access-group NAME global.
      const nameProblem = aclNameProblem(first);
      if (nameProblem) report([nameProblem]);
      else accessLists.refer(['access list'], first!, line, true);
      if (second === 'global' && words.length === 3) continue;
      if ((second === 'in' || second === 'out') && third === 'interface' && words.length === 5)
        report([interfaceNameProblem(words[4])]);
      else report(['expected "access-group NAME in|out interface IFC" or "access-group NAME global"']);
    } else if (raw.trim() === 'write memory' || raw.trim() === 'copy running-config startup-config') {
      // The ASA runs these privileged EXEC commands from configuration mode too.
      continue;
    } else if (command === 'exit' && words.length === 1) {
      report(['"exit" outside a sub-mode would leave configuration mode, and the lines after it would fail']);
    } else {
      report([
        `"${raw.trim()}" is not a command this check knows (object, object-group, access-list, access-group, write memory)`,
      ]);
    }
  }
  problems.push(...closeMode(mode, families, objectAddresses));
  problems.push(...names.unresolved(), ...accessLists.unresolved());
  return problems;
}

/** Replaces the first match of `pattern` in `text`; the planted faults need it to change the text. */
function plantOnce(text: string, pattern: RegExp, replacement: string): string {
  return text.replace(pattern, replacement);
}

export const check: SnippetCheck = {
  name: 'Cisco ASA grammar',
  platforms: ['cisco-asa'],
  kind: 'grammar',
  source:
    'Cisco ASA Series Command Reference A-H, I-R, S-Z (object network, object-group service, service-object, access-list extended, access-list remark, access-group, nat) and the ASA Firewall CLI Configuration Guide, "Objects for Access Control" and "Access Control Lists"',
  notChecked:
    "Port names (www, https) and protocol groups are refused rather than modelled; whether the interfaces, the DNS lookup the FQDN objects need, and the NAT rule for inbound traffic exist on the device; the order of the entries among the device's own.",
  unavailable: () => undefined,
  check: checkAsa,
  planted: [
    {
      name: 'a remark longer than 100 characters (access-list remark)',
      platform: 'cisco-asa',
      deployment: 'onsite',
      plant: (text) => plantOnce(text, /(access-list \S+ remark .*)/, `$1 ${'x'.repeat(100)}`),
    },
    {
      name: 'an access list entry naming an object the snippet does not define',
      platform: 'cisco-asa',
      deployment: 'onsite',
      plant: (text) =>
        plantOnce(text, /(extended permit object-group \S+ \S+ object )(\S+)/, '$1pascom_undefined_host'),
    },
    {
      name: 'a port range written backwards (service-object ... range 35000 30000)',
      platform: 'cisco-asa',
      deployment: 'cloud',
      plant: (text) => plantOnce(text, /range 30000 35000/, 'range 35000 30000'),
    },
    {
      name: 'an object sub-mode line outside its object (fqdn after the access lists)',
      platform: 'cisco-asa',
      deployment: 'cloud',
      plant: (text) => `${text} fqdn v4 mypascom.net\n`,
    },
  ],
};
