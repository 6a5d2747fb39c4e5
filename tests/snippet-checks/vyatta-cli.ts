/**
 * What the VyOS and EdgeOS grammar checks share: reading a snippet as the
 * configuration-mode shell (vbash) reads it, walking each `set` command down a
 * configuration tree, and the value formats both trees use. The trees
 * themselves, with their sources, are in `vyos.check.ts` and `edgeos.check.ts`.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Checks one value; returns what is wrong with it, or undefined when it is valid. */
export type Validate = (value: string) => string | undefined;

/** A leaf: takes one value (or none, when `valueless`), possibly several times when `multi`. */
export interface LeafNode {
  kind: 'leaf';
  validate?: Validate;
  valueless?: true;
  multi?: true;
}

/** A plain node: a keyword followed by one of its children. */
export interface BranchNode {
  kind: 'node';
  children: Record<string, ConfigNode>;
}

/** A tag node: a keyword, a value naming the instance (a ruleset, a rule number), then a child. */
export interface TagNode {
  kind: 'tag';
  validate: Validate;
  children: Record<string, ConfigNode>;
}

export type ConfigNode = LeafNode | BranchNode | TagNode;

export const leaf = (validate: Validate, options: { multi?: true } = {}): LeafNode => ({
  kind: 'leaf',
  validate,
  ...options,
});
export const flag = (): LeafNode => ({ kind: 'leaf', valueless: true });
export const node = (children: Record<string, ConfigNode>): BranchNode => ({ kind: 'node', children });
export const tag = (validate: Validate, children: Record<string, ConfigNode>): TagNode => ({
  kind: 'tag',
  validate,
  children,
});

/** One `set` command, resolved against the tree. */
export interface SetCommand {
  /** 1-based line number in the snippet. */
  line: number;
  text: string;
  /** The keywords of the path, tag values replaced by `*`: "firewall ipv4 name * rule * action". */
  schema: string;
  /** The tag values in order: ruleset name, rule number, ... */
  tags: string[];
  /** The path up to the leaf, tag values included; identifies the leaf instance. */
  instance: string;
  /** The leaf's value; undefined for a valueless leaf. */
  value: string | undefined;
  multi: boolean;
}

/** "line 12 (set firewall ...): what is wrong". */
export function at(line: number, text: string, problem: string): string {
  return `line ${line} (${text}): ${problem}`;
}

/**
 * Splits a line into words as bash does for a simple command, or says why the
 * line is not one. Single quotes take everything literally; double quotes and
 * bare words may not hold characters the shell would act on (expansion,
 * history expansion, redirection, a second command, a comment, a continued
 * line), since the check would then no longer know what the router receives.
 */
function shellWords(text: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let index = 0;
  while (index < text.length) {
    while (text[index] === ' ' || text[index] === '\t') index += 1;
    if (index >= text.length) break;
    if (text[index] === '#') return { error: 'a "#" starting a word makes the rest of the line a comment' };
    let word = '';
    while (index < text.length && text[index] !== ' ' && text[index] !== '\t') {
      const char = text[index]!;
      if (char === "'") {
        const end = text.indexOf("'", index + 1);
        if (end < 0) return { error: 'a single quote is not closed, so the shell would join the next line' };
        word += text.slice(index + 1, end);
        index = end + 1;
      } else if (char === '"') {
        const end = text.indexOf('"', index + 1);
        if (end < 0) return { error: 'a double quote is not closed, so the shell would join the next line' };
        const inner = text.slice(index + 1, end);
        if (/[$`\\!]/.test(inner))
          return { error: `"${inner}" holds $, \`, \\ or !, which the shell expands inside double quotes` };
        word += inner;
        index = end + 1;
      } else if (/[|&;<>()$`\\!*?[\]{}~"]/.test(char)) {
        return { error: `an unquoted "${char}" means something to the shell; quote the value` };
      } else {
        word += char;
        index += 1;
      }
    }
    words.push(word);
  }
  return { words };
}

/**
 * Reads a snippet: comment lines (`#` first, any text: a comment ends at the
 * line's end, a trailing backslash included) and blank lines are skipped, every
 * other line must be `set` and a path of the tree. Returns the commands and
 * every problem, one message each, naming the line.
 */
export function readSetCommands(
  text: string,
  root: Record<string, ConfigNode>,
  platform: string,
): { commands: SetCommand[]; problems: string[] } {
  const commands: SetCommand[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, offset) => {
    const line = offset + 1;
    if (raw.trim() === '' || /^\s*#/.test(raw)) return;
    if (raw.includes('\r')) {
      problems.push(at(line, raw, 'carriage return in the line'));
      return;
    }
    const split = shellWords(raw);
    if ('error' in split) {
      problems.push(at(line, raw, split.error));
      return;
    }
    const [verb, ...path] = split.words;
    if (verb !== 'set') {
      problems.push(
        at(line, raw, `"${verb}" is not a configuration command this check accepts (only "set")`),
      );
      return;
    }
    const resolved = walk(path, root, platform);
    if ('error' in resolved) problems.push(at(line, raw, resolved.error));
    else commands.push({ line, text: raw, ...resolved });
  });
  return { commands, problems };
}

function walk(
  path: readonly string[],
  root: Record<string, ConfigNode>,
  platform: string,
): Omit<SetCommand, 'line' | 'text'> | { error: string } {
  let children = root;
  const schema: string[] = [];
  const tags: string[] = [];
  const instance: string[] = [];
  let index = 0;
  while (index < path.length) {
    const word = path[index]!;
    const child = Object.hasOwn(children, word) ? children[word] : undefined;
    if (child === undefined) {
      const known = Object.keys(children).join(', ');
      return {
        error: `"${word}" is not a keyword of ${platform} after "${schema.join(' ') || 'set'}" (known here: ${known})`,
      };
    }
    schema.push(word);
    instance.push(word);
    index += 1;
    if (child.kind === 'node') {
      children = child.children;
      continue;
    }
    if (child.kind === 'tag') {
      const value = path[index];
      if (value === undefined) return { error: `"${schema.join(' ')}" needs a name or number after it` };
      const wrong = child.validate(value);
      if (wrong !== undefined) return { error: `${schema.join(' ')} "${value}": ${wrong}` };
      schema.push('*');
      tags.push(value);
      instance.push(value);
      index += 1;
      children = child.children;
      continue;
    }
    const rest = path.slice(index);
    if (child.valueless) {
      if (rest.length > 0)
        return { error: `"${schema.join(' ')}" takes no value, found "${rest.join(' ')}"` };
      return { schema: schema.join(' '), tags, instance: instance.join(' '), value: undefined, multi: false };
    }
    if (rest.length !== 1)
      return {
        error: `"${schema.join(' ')}" takes exactly one value, found ${rest.length === 0 ? 'none' : `"${rest.join(' ')}"`}`,
      };
    const wrong = child.validate?.(rest[0]!);
    if (wrong !== undefined) return { error: `${schema.join(' ')} "${rest[0]}": ${wrong}` };
    return {
      schema: schema.join(' '),
      tags,
      instance: instance.join(' '),
      value: rest[0],
      multi: child.multi === true,
    };
  }
  return { error: `"${schema.join(' ') || 'set'}" is incomplete: a node needs a child and a value` };
}

/** A leaf set twice with different values: the second silently replaces the first. */
export function replacedValues(commands: readonly SetCommand[]): string[] {
  const seen = new Map<string, SetCommand>();
  const problems: string[] = [];
  for (const command of commands) {
    if (command.multi) continue;
    const earlier = seen.get(command.instance);
    if (earlier && earlier.value !== command.value)
      problems.push(
        at(
          command.line,
          command.text,
          `replaces "${earlier.value}" set on line ${earlier.line}; this leaf holds one value`,
        ),
      );
    seen.set(command.instance, command);
  }
  return problems;
}

/** Accepts the value when the regex matches all of it, as VyOS and Vyatta anchor their patterns. */
export function pattern(regex: RegExp, what: string): Validate {
  const whole = new RegExp(`^(?:${regex.source})$`, regex.flags);
  return (value) => (whole.test(value) ? undefined : what);
}

export function oneOf(values: readonly string[]): Validate {
  return (value) => (values.includes(value) ? undefined : `must be one of ${values.join(', ')}`);
}

export function integer(min: number, max: number): Validate {
  return (value) =>
    /^[1-9]\d*$|^0$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
}

/** The first validator that accepts the value wins; otherwise every complaint is listed. */
export function anyOf(...validators: Validate[]): Validate {
  return (value) => {
    const complaints: string[] = [];
    for (const validate of validators) {
      const wrong = validate(value);
      if (wrong === undefined) return undefined;
      complaints.push(wrong);
    }
    return complaints.join('; or ');
  };
}

/** Allows a leading "!" (match everything except) before a value the validator accepts. */
export function negatable(validate: Validate): Validate {
  return (value) => validate(value.startsWith('!') ? value.slice(1) : value);
}

function ipv4Number(address: string): bigint {
  return address.split('.').reduce((sum, byte) => sum * 256n + BigInt(byte), 0n);
}

function ipv6Number(address: string): bigint {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Number(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((sum, group) => sum * 65536n + BigInt(`0x${group}`), 0n);
}

export const ipv4Address: Validate = (value) => (isIPv4(value) ? undefined : 'not an IPv4 address');
export const ipv6Address: Validate = (value) =>
  isIPv6(value) && !value.includes('%') ? undefined : 'not an IPv6 address';

/** "a.b.c.d/n": a network address, host bits zero when `strict`. */
export function ipv4Prefix(strict: boolean): Validate {
  return (value) => {
    const match = /^([^/]+)\/(\d{1,2})$/.exec(value);
    if (!match || !isIPv4(match[1]!) || Number(match[2]) > 32) return 'not an IPv4 prefix (address/length)';
    const hostBits = 32n - BigInt(match[2]!);
    if (strict && ipv4Number(match[1]!) % (1n << hostBits) !== 0n)
      return 'has host bits set; give the network address';
    return undefined;
  };
}

/** "x::/n": a network prefix, host bits zero when `strict`. */
export function ipv6Prefix(strict: boolean): Validate {
  return (value) => {
    const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
    if (!match || ipv6Address(match[1]!) !== undefined || Number(match[2]) > 128)
      return 'not an IPv6 prefix (address/length)';
    const hostBits = 128n - BigInt(match[2]!);
    if (strict && ipv6Number(match[1]!) % (1n << hostBits) !== 0n)
      return 'has host bits set; give the network address';
    return undefined;
  };
}

/** "first-last", both addresses of the family, first below last. */
export function addressRange(family: 4 | 6): Validate {
  return (value) => {
    const parts = value.split('-');
    const valid = family === 4 ? ipv4Address : ipv6Address;
    if (parts.length !== 2 || parts.some((part) => valid(part) !== undefined))
      return `not an IPv${family} range (first-last)`;
    const number = family === 4 ? ipv4Number : ipv6Number;
    return number(parts[0]!) < number(parts[1]!)
      ? undefined
      : 'the first address of the range must be below the last';
  };
}

/**
 * Service names a port list may hold (a few of `/etc/services`); the generators
 * write numbers, so any other name is reported rather than guessed at.
 */
const SERVICE_NAMES = [
  'ftp',
  'ssh',
  'telnet',
  'smtp',
  'domain',
  'http',
  'ntp',
  'https',
  'ldaps',
  'sip',
  'sips',
];

/** One port: a number 1-65535, a range "low-high" of them, or a service name. */
export const portItem: Validate = (value) => {
  const range = /^(\d{1,5})-(\d{1,5})$/.exec(value);
  const valid = (port: string) => Number(port) >= 1 && Number(port) <= 65535;
  if (range) {
    if (!valid(range[1]!) || !valid(range[2]!)) return `"${value}": ports run from 1 to 65535`;
    return Number(range[1]) <= Number(range[2]) ? undefined : `"${value}": the range runs backwards`;
  }
  if (/^\d{1,5}$/.test(value)) return valid(value) ? undefined : `"${value}": ports run from 1 to 65535`;
  return SERVICE_NAMES.includes(value)
    ? undefined
    : `"${value}" is not a port, a range or a known service name`;
};

/** IP protocol names of `/etc/protocols` the firewall trees accept, plus numbers 0-255. */
const PROTOCOL_NAMES = [
  'all',
  'ip',
  'hopopt',
  'icmp',
  'igmp',
  'ggp',
  'ipencap',
  'st',
  'tcp',
  'egp',
  'igp',
  'pup',
  'udp',
  'tcp_udp',
  'hmp',
  'xns-idp',
  'rdp',
  'iso-tp4',
  'dccp',
  'xtp',
  'ddp',
  'idpr-cmtp',
  'ipv6',
  'ipv6-route',
  'ipv6-frag',
  'idrp',
  'rsvp',
  'gre',
  'esp',
  'ah',
  'skip',
  'ipv6-icmp',
  'icmpv6',
  'ipv6-nonxt',
  'ipv6-opts',
  'rspf',
  'vmtp',
  'eigrp',
  'ospf',
  'ax.25',
  'ipip',
  'etherip',
  'encap',
  'pim',
  'ipcomp',
  'vrrp',
  'l2tp',
  'isis',
  'sctp',
  'fc',
  'mobility-header',
  'udplite',
  'mpls-in-ip',
  'manet',
  'hip',
  'shim6',
  'wesp',
  'rohc',
] as const;

export const protocol: Validate = negatable((value) =>
  (PROTOCOL_NAMES as readonly string[]).includes(value) || (/^\d{1,3}$/.test(value) && Number(value) <= 255)
    ? undefined
    : 'not a protocol name, number (0-255), "all" or "tcp_udp"',
);
