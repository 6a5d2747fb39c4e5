/**
 * Building blocks shared by the grammar checks of the line-oriented vendor
 * CLIs (Cisco ASA, Cisco IOS, Junos `set`, PAN-OS `set`): splitting a line into
 * words as those CLIs do, a table of named objects that rules refer to, port
 * ranges, and the address family of an address argument.
 */
import { isIPv4, isIPv6, portNumber, problemAt, type SnippetLine } from './grammar-helpers';

/** One word of a command line; `quoted` when it was written in double quotes. */
export interface Word {
  text: string;
  quoted: boolean;
}

/**
 * Splits a command line into words: blanks separate words, a double-quoted
 * string is one word (a backslash escapes the next character), and "[" and "]"
 * are words of their own. The Junos CLI User Guide and the PAN-OS CLI Quick
 * Start both quote a value that holds blanks, and both write value lists as
 * `[ a b ]`. Returns a problem when a quote is left open, because the CLI would
 * then read the next line as part of this one.
 */
export function splitWords(text: string): { words: Word[]; problem?: string } {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '"') {
      let value = '';
      index += 1;
      let closed = false;
      while (index < text.length) {
        const next = text[index]!;
        if (next === '\\' && index + 1 < text.length) {
          value += text[index + 1]!;
          index += 2;
          continue;
        }
        if (next === '"') {
          closed = true;
          index += 1;
          break;
        }
        value += next;
        index += 1;
      }
      if (!closed)
        return {
          words,
          problem: 'a quoted string is not closed on this line, so the CLI would read on into the next line',
        };
      if (index < text.length && !/\s/.test(text[index]!))
        return { words, problem: 'a closing quote must be followed by a blank' };
      words.push({ text: value, quoted: true });
      continue;
    }
    if (char === '[' || char === ']') {
      words.push({ text: char, quoted: false });
      index += 1;
      continue;
    }
    let value = '';
    while (index < text.length && !/[\s"[\]]/.test(text[index]!)) {
      value += text[index]!;
      index += 1;
    }
    if (index < text.length && text[index] === '"')
      return { words, problem: `a quote inside the word "${value}"` };
    words.push({ text: value, quoted: false });
  }
  return { words };
}

/** One definition or use of a named object, kept for the reference check. */
interface NamedUse {
  kind: string;
  name: string;
  line: SnippetLine;
}

/**
 * Named objects a snippet defines (network objects, services, applications)
 * and the places that refer to them. Every vendor here refuses a rule that
 * names an object it does not know, so each use must find a definition of a
 * kind it accepts.
 */
export class NameTable {
  private readonly defined = new Map<string, NamedUse>();
  private readonly uses: { accepts: readonly string[]; use: NamedUse; before: boolean }[] = [];

  /** The definition of `name`, if any. */
  find(name: string): { kind: string; line: SnippetLine } | undefined {
    return this.defined.get(name);
  }

  /**
   * Records a definition; returns a problem when the name already belongs to
   * an object of another kind (the vendors keep one name space per table).
   */
  define(kind: string, name: string, line: SnippetLine): string | undefined {
    const earlier = this.defined.get(name);
    if (earlier && earlier.kind !== kind)
      return `"${name}" is already the name of another kind of object, ${earlier.kind} (line ${earlier.line.number}); objects share one name space`;
    if (!earlier) this.defined.set(name, { kind, name, line });
    return undefined;
  }

  /**
   * Records a use. With `definedBefore`, the definition must come earlier in
   * the snippet (a CLI that checks references as each line is entered).
   */
  refer(accepts: readonly string[], name: string, line: SnippetLine, definedBefore = false): void {
    this.uses.push({ accepts, use: { kind: accepts.join(' or '), name, line }, before: definedBefore });
  }

  /** One message for each use that finds no definition of an accepted kind. */
  unresolved(): string[] {
    const problems: string[] = [];
    const article = (kind: string) => (/^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`);
    for (const { accepts, use, before } of this.uses) {
      const found = this.defined.get(use.name);
      if (!found) {
        problems.push(
          problemAt(use.line, `"${use.name}" is not defined in the snippet (expected ${article(use.kind)})`),
        );
      } else if (!accepts.includes(found.kind)) {
        problems.push(
          problemAt(
            use.line,
            `"${use.name}" is ${article(found.kind)} (line ${found.line.number}), but ${article(use.kind)} is needed here`,
          ),
        );
      } else if (before && found.line.number > use.line.number) {
        problems.push(
          problemAt(use.line, `"${use.name}" is used before its definition on line ${found.line.number}`),
        );
      }
    }
    return problems;
  }
}

/**
 * A port range "from-to" or a single port, both ends within 1-65535 (16-bit
 * ports, RFC 793 / RFC 768; port 0 is reserved and never a real destination),
 * and the lower end first. Returns the problem, or undefined when it is valid.
 */
export function portRangeProblem(from: string, to: string | undefined): string | undefined {
  const low = portNumber(from);
  if (low === undefined) return `"${from}" is not a port number 1-65535`;
  if (to === undefined) return undefined;
  const high = portNumber(to);
  if (high === undefined) return `"${to}" is not a port number 1-65535`;
  if (low > high) return `the port range ${from}-${to} runs backwards (the lower port comes first)`;
  if (low === high) return `the port range ${from}-${to} is a single port; write the port alone`;
  return undefined;
}

/** The address family of an address, with or without a "/prefix"; undefined when it is neither. */
export function familyOf(address: string): 4 | 6 | undefined {
  const base = address.replace(/\/[0-9]{1,3}$/, '');
  if (isIPv4(base)) return 4;
  if (isIPv6(base)) return 6;
  return undefined;
}

/** The 32-bit value of a dotted quad that `isIPv4` accepted. */
export function ipv4Number(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** Whether an IPv4 address has bits set outside the network part of a prefix of `length` bits. */
export function ipv4HostBitsSet(address: string, length: number): boolean {
  const hostBits = 32 - length;
  return hostBits > 0 && ipv4Number(address) % 2 ** hostBits !== 0;
}

/** The number of leading one bits of a netmask that `isNetmask` accepted. */
export function netmaskLength(mask: string): number {
  return ipv4Number(mask).toString(2).replace(/0+$/, '').length;
}
