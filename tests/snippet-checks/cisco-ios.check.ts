/**
 * Grammar of the Cisco IOS / IOS XE snippets: named IPv4 extended and IPv6
 * access lists, written from the IOS XE Security Configuration Guide, Access
 * Control Lists ("IP Access List Overview", "Creating an IP Access List to
 * Filter TCP Flags", "Commented IP Access List Entries", "IPv6 Access Control
 * Lists", "ACL Support for Filtering on Noncontiguous Ports") and the IOS
 * Security Command Reference (`ip access-list`, `permit (IP)`, `ipv6
 * access-list`, `permit (IPv6)`, `remark`, `ip access-group`, `ipv6
 * traffic-filter`). The snippet is pasted in global configuration mode;
 * `ip access-list ...` and `interface ...` open sub-modes whose commands the
 * snippet indents by one blank, as `show running-config` does.
 */
import {
  familyCoverage,
  isIPv4,
  isIPv6,
  isPrefix,
  problemAt,
  snippetLines,
  type FamilyRule,
} from './grammar-helpers';
import type { SnippetCheck } from './types';
import { ipv4Number, NameTable, portRangeProblem } from './vendor-cli';

type Mode =
  | { kind: 'config' }
  | { kind: 'exec' }
  | { kind: 'acl'; family: 4 | 6; name: string; remark: string }
  | { kind: 'interface'; name: string };

/** `remark`: "Comment that describes the access list entry, up to 100 characters long." */
const REMARK_MAX = 100;

/**
 * `ip access-list`: names "cannot contain a space or quotation mark, and must
 * begin with an alphabetic character"; `ipv6 access-list`: names "cannot
 * contain a space or quotation mark, or begin with a numeric".
 */
function aclNameProblem(name: string | undefined, family: 4 | 6): string | undefined {
  if (name === undefined) return 'the access list name is missing';
  const valid = family === 4 ? /^[A-Za-z][^\s"]*$/ : /^[^\s"0-9][^\s"]*$/;
  if (!valid.test(name))
    return family === 4
      ? `"${name}" is not an IPv4 access list name (starts with a letter, no blanks or quotes)`
      : `"${name}" is not an IPv6 access list name (does not start with a digit, no blanks or quotes)`;
  return undefined;
}

/** `interface type number`: a type word and a slot/port number, optionally ".subinterface". */
function interfaceNameProblem(name: string | undefined): string | undefined {
  if (name === undefined) return 'the interface name is missing';
  if (!/^[A-Za-z][A-Za-z-]*[0-9]+(\/[0-9]+)*(\.[0-9]+)?$/.test(name))
    return `"${name}" is not an IOS interface name (a type and a number, e.g. GigabitEthernet0/1)`;
  return undefined;
}

/** `permit (IP)` and `permit (IPv6)`: the protocol names the two families accept, or a number 0-255. */
const PROTOCOLS: Record<4 | 6, Set<string>> = {
  4: new Set(['ip', 'tcp', 'udp', 'icmp', 'igmp', 'gre', 'esp', 'ahp', 'pim', 'ospf', 'eigrp']),
  6: new Set(['ipv6', 'tcp', 'udp', 'icmp', 'sctp', 'esp', 'ahp', 'pcp']),
};
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const isProtocolNumber = (word: string) => /^([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/.test(word);

/**
 * An address argument. IPv4 (`permit (IP)`): any | host A | A WILDCARD, where
 * the wildcard's one bits are the bits ignored, so the address has no bits set
 * there. IPv6 (`permit (IPv6)`): any | host A | A/prefix-length.
 */
function address(words: readonly string[], at: number, family: 4 | 6): { next: number; problem?: string } {
  const word = words[at];
  if (word === undefined) return { next: at, problem: 'an address is missing' };
  const other = family === 4 ? 6 : 4;
  const wrongFamily = (value: string) =>
    (family === 4 ? isIPv6(value.replace(/\/[0-9]+$/, '')) : isIPv4(value.replace(/\/[0-9]+$/, '')))
      ? `${value} is an IPv${other} address in an IPv${family} access list`
      : undefined;
  if (word === 'any') return { next: at + 1 };
  if (word === 'host') {
    const host = words[at + 1] ?? '';
    const valid = family === 4 ? isIPv4(host) : isIPv6(host);
    if (valid) return { next: at + 2 };
    return { next: at + 2, problem: wrongFamily(host) ?? `"host ${host}" needs an IPv${family} address` };
  }
  const misplaced = wrongFamily(word);
  if (misplaced) return { next: word.includes('/') || family === 6 ? at + 1 : at + 2, problem: misplaced };
  if (family === 6) {
    if (isPrefix(word, 6)) return { next: at + 1 };
    return { next: at + 1, problem: `"${word}" is not any, "host A" or "A/prefix-length"` };
  }
  if (word.includes('/'))
    return {
      next: at + 1,
      problem: `"${word}": an IPv4 entry takes "address wildcard" (e.g. 10.1.0.0 0.0.255.255), not a /prefix`,
    };
  if (!isIPv4(word)) return { next: at + 1, problem: `"${word}" is not any, "host A" or "A wildcard"` };
  const wildcard = words[at + 1] ?? '';
  if (!isIPv4(wildcard))
    return { next: at + 2, problem: `"${word}" needs a wildcard mask such as 0.0.255.255` };
  // IOS clears address bits under the wildcard's ones without a word: a set bit there means the wrong network was meant.
  if ((ipv4Number(word) & ipv4Number(wildcard)) >>> 0 !== 0)
    return { next: at + 2, problem: `${word} has bits set that the wildcard ${wildcard} ignores` };
  return { next: at + 2 };
}

/**
 * Port operators of `permit (IP)` / `permit (IPv6)`: eq, neq, lt, gt, range.
 * "ACL Support for Filtering on Noncontiguous Ports" lets an IPv4 entry give
 * eq and neq up to ten ports.
 */
function portOperator(
  words: readonly string[],
  at: number,
  family: 4 | 6,
): { next: number; problems: string[] } | undefined {
  const operator = words[at];
  if (operator === 'eq' || operator === 'neq') {
    let next = at + 1;
    const problems: string[] = [];
    while (next < words.length && /^[0-9]+$/.test(words[next]!)) {
      const problem = portRangeProblem(words[next]!, undefined);
      if (problem) problems.push(problem);
      next += 1;
    }
    const count = next - at - 1;
    if (count === 0) problems.push(`"${operator}" needs a port number`);
    if (count > (family === 4 ? 10 : 1))
      problems.push(
        family === 4
          ? `"${operator}" takes at most ten ports`
          : `"${operator}" takes one port in an IPv6 entry`,
      );
    return { next, problems };
  }
  if (operator === 'lt' || operator === 'gt') {
    const problem = portRangeProblem(words[at + 1] ?? '', undefined);
    return { next: at + 2, problems: problem ? [problem] : [] };
  }
  if (operator === 'range') {
    const problem = portRangeProblem(words[at + 1] ?? '', words[at + 2] ?? '');
    return { next: at + 3, problems: problem ? [problem] : [] };
  }
  return undefined;
}

/** One ` [sequence] permit|deny ...` entry of an access list. */
function entryProblems(words: readonly string[], family: 4 | 6): string[] {
  const problems: string[] = [];
  let at = /^[0-9]+$/.test(words[0] ?? '') ? 1 : 0;
  if (at === 1 && !/^[1-9][0-9]{0,9}$/.test(words[0]!))
    problems.push(`"${words[0]!}" is not a sequence number`);
  at += 1;
  const protocol = words[at] ?? '';
  if (!PROTOCOLS[family].has(protocol) && !isProtocolNumber(protocol))
    return [...problems, `"${protocol}" is not a protocol of an IPv${family} access list`];
  at += 1;
  const ports = PORT_PROTOCOLS.has(protocol);
  for (const side of ['source', 'destination'] as const) {
    const result = address(words, at, family);
    if (result.problem) problems.push(`${side}: ${result.problem}`);
    at = result.next;
    const port = portOperator(words, at, family);
    if (port) {
      if (!ports) problems.push(`ports need tcp, udp or sctp, not "${protocol}"`);
      problems.push(...port.problems);
      at = port.next;
    }
  }
  // Trailing options the snippets may use: established (TCP replies), log, log-input.
  while (at < words.length) {
    const word = words[at]!;
    if (word === 'established' && protocol === 'tcp') at += 1;
    else if (word === 'log' || word === 'log-input') at += 1;
    else {
      problems.push(`unexpected "${words.slice(at).join(' ')}" at the end of the entry`);
      break;
    }
  }
  return problems;
}

/** Exec-mode commands that save the configuration. */
const SAVE_COMMANDS = new Set(['write memory', 'copy running-config startup-config']);

export function checkIos(text: string): string[] {
  const problems: string[] = [];
  const lists = new NameTable();
  const rules: FamilyRule[] = [];
  const comments: string[] = [];
  let mode: Mode = { kind: 'config' };
  for (const line of snippetLines(text)) {
    const raw = line.text;
    if (raw.trim() === '') continue;
    // A line starting with "!" is a comment in every mode; it ends at the line break.
    if (/^\s*!/.test(raw)) {
      comments.push(raw);
      continue;
    }
    const words = raw.trim().split(/\s+/);
    const report = (messages: readonly (string | undefined)[]) => {
      for (const message of messages) if (message) problems.push(problemAt(line, message));
    };
    if (/^\s/.test(raw)) {
      if (words.length === 1 && words[0] === 'exit' && (mode.kind === 'acl' || mode.kind === 'interface')) {
        mode = { kind: 'config' };
        continue;
      }
      if (mode.kind === 'acl') {
        const action = /^[0-9]+$/.test(words[0] ?? '') ? words[1] : words[0];
        if (words[0] === 'remark') {
          const remark = raw.replace(/^\s*remark ?/, '').replace(/\s+$/, '');
          if (remark === '') report(['"remark" needs a text']);
          else if (remark.length > REMARK_MAX)
            report([`the remark is ${remark.length} characters long; IOS allows at most ${REMARK_MAX}`]);
          mode.remark = remark;
        } else if (action === 'permit' || action === 'deny') {
          report(entryProblems(words, mode.family));
          rules.push({ family: mode.family, comment: mode.remark, line });
        } else {
          report([`"${words[0]!}" is not an access list command (permit, deny, remark, exit)`]);
        }
        continue;
      }
      if (mode.kind === 'interface') {
        const [command, first, second, third] = words;
        if (command === 'ip' && first === 'access-group') {
          // `ip access-group NAME {in | out}`.
          report([
            aclNameProblem(second, 4),
            third === 'in' || third === 'out' ? undefined : '"ip access-group NAME" needs in or out',
          ]);
          if (second !== undefined) lists.refer(['IPv4 access list'], second, line);
          if (words.length > 4) report([`unexpected "${words.slice(4).join(' ')}"`]);
        } else if (command === 'ipv6' && first === 'traffic-filter') {
          // `ipv6 traffic-filter NAME {in | out}`.
          report([
            aclNameProblem(second, 6),
            third === 'in' || third === 'out' ? undefined : '"ipv6 traffic-filter NAME" needs in or out',
          ]);
          if (second !== undefined) lists.refer(['IPv6 access list'], second, line);
          if (words.length > 4) report([`unexpected "${words.slice(4).join(' ')}"`]);
        } else if (command !== 'description') {
          report([
            `"${command ?? ''}" is not an interface command this check knows (ip access-group, ipv6 traffic-filter, description, exit)`,
          ]);
        }
        continue;
      }
      report(['an indented sub-mode command outside any access list or interface']);
      continue;
    }
    const command = raw.trim();
    const [first, second, third, fourth] = words;
    if (mode.kind === 'exec') {
      if (SAVE_COMMANDS.has(command)) continue;
      if (command === 'configure terminal') {
        mode = { kind: 'config' };
        continue;
      }
      report([
        `"${command}" is not an exec command this check knows (write memory, copy running-config startup-config, configure terminal)`,
      ]);
      continue;
    }
    mode = { kind: 'config' };
    if (first === 'ip' && second === 'access-list') {
      if (third !== 'extended') {
        report([`expected "ip access-list extended NAME", found "${command}"`]);
        continue;
      }
      const problem =
        aclNameProblem(fourth, 4) ??
        (words.length > 4 ? `unexpected "${words.slice(4).join(' ')}"` : undefined);
      if (problem) report([problem]);
      else {
        report([lists.define('IPv4 access list', fourth!, line)]);
        mode = { kind: 'acl', family: 4, name: fourth!, remark: '' };
      }
    } else if (first === 'ipv6' && second === 'access-list') {
      const problem =
        aclNameProblem(third, 6) ??
        (words.length > 3 ? `unexpected "${words.slice(3).join(' ')}"` : undefined);
      if (problem) report([problem]);
      else {
        report([lists.define('IPv6 access list', third!, line)]);
        mode = { kind: 'acl', family: 6, name: third!, remark: '' };
      }
    } else if (first === 'interface') {
      const problem =
        interfaceNameProblem(second) ??
        (words.length > 2 ? `unexpected "${words.slice(2).join(' ')}"` : undefined);
      report([problem]);
      mode = { kind: 'interface', name: second ?? '' };
    } else if (first === 'do' && SAVE_COMMANDS.has(words.slice(1).join(' '))) {
      continue;
    } else if (SAVE_COMMANDS.has(command)) {
      report([
        `"${command}" is an exec command: in configuration mode write "do ${command}", or "end" first`,
      ]);
    } else if (command === 'end') {
      mode = { kind: 'exec' };
    } else if (first === 'permit' || first === 'deny' || first === 'remark') {
      report([
        `"${first}" outside an access list (the access list entries are indented under "ip access-list" or "ipv6 access-list")`,
      ]);
    } else if (command === 'exit') {
      report([
        '"exit" in global configuration mode leaves configuration mode, and the lines after it would fail',
      ]);
    } else {
      report([
        `"${command}" is not a command this check knows (ip access-list extended, ipv6 access-list, interface, end)`,
      ]);
    }
  }
  problems.push(...lists.unresolved());
  // IPv4 and IPv6 entries live in separate lists; a rule missing from one family must say why.
  problems.push(...familyCoverage(rules, comments));
  return problems;
}

export const check: SnippetCheck = {
  name: 'Cisco IOS grammar',
  platforms: ['cisco-ios'],
  kind: 'grammar',
  source:
    'Cisco IOS XE Security Configuration Guide, Access Control Lists (IP access list overview, commented IP access list entries, IPv6 ACLs, noncontiguous ports) and the IOS Security Command Reference (ip access-list, permit (IP), ipv6 access-list, permit (IPv6), remark, ip access-group, ipv6 traffic-filter)',
  notChecked:
    'Port names (www, https) are refused rather than modelled; which interface and direction the lists are bound to on the device; whether the placeholder addresses were replaced; that inbound entries on an outside interface must name the public (pre-NAT) address.',
  unavailable: () => undefined,
  check: checkIos,
  planted: [
    {
      name: 'an IPv6 address inside an IPv4 access list',
      platform: 'cisco-ios',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(
          /(ip access-list extended \S+\n(?: .*\n)*? permit \S+ \S+(?: \S+)? host )[0-9.]+/,
          '$12001:db8::10',
        ),
    },
    {
      name: 'a /prefix written in an IPv4 entry',
      platform: 'cisco-ios',
      deployment: 'onsite',
      plant: (text) => text.replace(/( permit \S+ )any( host [0-9.]+)/, '$110.1.0.0/16$2'),
    },
    {
      name: 'a port range written backwards (range 35000 30000)',
      platform: 'cisco-ios',
      deployment: 'onsite',
      plant: (text) => text.replace('range 30000 35000', 'range 35000 30000'),
    },
    {
      name: 'a remark longer than 100 characters',
      platform: 'cisco-ios',
      deployment: 'cloud',
      plant: (text) =>
        text.replaceAll(
          ' remark pascom sip-tls: SIP connection\n',
          ` remark pascom sip-tls: SIP connection ${'x'.repeat(100)}\n`,
        ),
    },
    {
      name: 'a save command given in configuration mode without "do"',
      platform: 'cisco-ios',
      deployment: 'cloud',
      plant: (text) => `${text}write memory\n`,
    },
  ],
};
