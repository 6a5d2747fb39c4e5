/**
 * Small building blocks shared by the grammar checks: line-numbered messages,
 * address and name syntax, port numbers, and the rule that no rule may vanish
 * from one address family without a comment saying why.
 */

/** One physical line of a snippet, numbered from 1 as an editor shows it. */
export interface SnippetLine {
  number: number;
  text: string;
}

export function snippetLines(text: string): SnippetLine[] {
  return text.split('\n').map((line, index) => ({ number: index + 1, text: line.replace(/\r$/, '') }));
}

/** "line 12 `add chain=…`: <problem>", so a failing test names the place and the fault. */
export function problemAt(line: SnippetLine, problem: string): string {
  const shown = line.text.length > 160 ? `${line.text.slice(0, 157)}...` : line.text;
  return `line ${line.number} \`${shown.trim()}\`: ${problem}`;
}

/** Dotted quad, each part 0-255 without leading zeros (RFC 791 text form as the CLIs read it). */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255)
  );
}

/** RFC 4291 section 2.2 text forms, including "::" compression and a trailing dotted quad. */
export function isIPv6(value: string): boolean {
  let text = value;
  const lastColon = text.lastIndexOf(':');
  if (lastColon === -1) return false;
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  if (!/^[0-9A-Fa-f:]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const hex = (group: string) => /^[0-9A-Fa-f]{1,4}$/.test(group);
  if (halves.length === 1) {
    const all = groups(text);
    return all.length === 8 && all.every(hex);
  }
  const head = groups(halves[0]!);
  const rest = groups(halves[1]!);
  return head.every(hex) && rest.every(hex) && head.length + rest.length <= 7;
}

/** "address/prefix" of the given family, prefix within 0-32 or 0-128. */
export function isPrefix(value: string, family: 4 | 6): boolean {
  const match = /^([^/]+)\/([0-9]{1,3})$/.exec(value);
  if (!match) return false;
  const length = Number(match[2]);
  return family === 4 ? isIPv4(match[1]!) && length <= 32 : isIPv6(match[1]!) && length <= 128;
}

/** A dotted IPv4 netmask: contiguous ones, e.g. 255.255.0.0. */
export function isNetmask(value: string): boolean {
  if (!isIPv4(value)) return false;
  const bits = value
    .split('.')
    .map((part) => Number(part).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits);
}

/**
 * A DNS name as RFC 1123 section 2.1 allows it: labels of letters, digits and
 * hyphens, 1-63 characters, not starting or ending with a hyphen, 253 in all.
 * With `wildcard`, a leading "*." is allowed.
 */
export function isHostname(value: string, wildcard = false): boolean {
  const name = wildcard && value.startsWith('*.') ? value.slice(2) : value;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.replace(/\.$/, '').split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) &&
    !/^[0-9]+$/.test(labels[labels.length - 1]!)
  );
}

/** A decimal port number within the given bounds (TCP/UDP ports are 16 bits, RFC 793 / RFC 768). */
export function portNumber(value: string, min = 1, max = 65535): number | undefined {
  if (!/^(0|[1-9][0-9]{0,4})$/.test(value)) return undefined;
  const port = Number(value);
  return port >= min && port <= max ? port : undefined;
}

/** One allow rule as it appears for one address family, for the family coverage check. */
export interface FamilyRule {
  family: 4 | 6;
  /** The rule's comment or description, the same in both families. */
  comment: string;
  line: SnippetLine;
}

/**
 * The project's generators name every rule's permanent id in its comment
 * ("pascom <id>: <title> (<direction>)"); the id ties a rule to the comment
 * that explains why it is missing in one family.
 */
function ruleIdOf(comment: string): string {
  return /pascom ([A-Za-z0-9_+-]+):/.exec(comment)?.[1] ?? comment;
}

/**
 * A rule written for one address family but not the other must come with a
 * comment naming the rule and the missing family; otherwise the admin cannot
 * tell that part of the traffic stays blocked. Platforms that keep IPv4 and
 * IPv6 rules apart (RouterOS menus, SonicOS `access-rule ipv4|ipv6`, the
 * Sophos `IPFamily` field) are checked with this.
 */
export function familyCoverage(rules: readonly FamilyRule[], comments: readonly string[]): string[] {
  const problems: string[] = [];
  const families = new Map<string, Set<4 | 6>>();
  for (const rule of rules) {
    const seen = families.get(rule.comment) ?? new Set<4 | 6>();
    seen.add(rule.family);
    families.set(rule.comment, seen);
  }
  const reported = new Set<string>();
  for (const rule of rules) {
    const seen = families.get(rule.comment)!;
    if (seen.size === 2 || reported.has(rule.comment)) continue;
    reported.add(rule.comment);
    const missing = rule.family === 4 ? 6 : 4;
    const id = ruleIdOf(rule.comment);
    const explained = comments.some((text) => text.includes(id) && text.includes(`IPv${missing}`));
    if (!explained) {
      problems.push(
        problemAt(
          rule.line,
          `rule "${rule.comment}" exists for IPv${rule.family} only; no comment says why it is left out for IPv${missing} (a silently dropped rule)`,
        ),
      );
    }
  }
  return problems;
}
