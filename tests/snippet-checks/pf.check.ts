/**
 * Grammar check for the pf.conf anchor file: table definitions, pass rules and
 * comments, read the way pfctl reads them.
 *
 * Written from OpenBSD's pfctl parser, `sbin/pfctl/parse.y` (rev. 1.715): its
 * lexer `yylex()` (words, quoting, comments, backslash continuation), the
 * productions `tabledef`, `pfrule`, `fromto`, `ipspec`, `host`, `portspec`,
 * `filter_opt` and `keep`, the keyword table in `lookup()`, `parseport()`,
 * `getservice()` and `rule_label()`; and from `sys/net/pfvar.h` for the limits
 * `PF_RULE_LABEL_SIZE` (64) and `PF_TABLE_NAME_SIZE` (32).
 */
import { addressFamily, SnippetLines, type Family } from './bsd-firewall-values';
import type { SnippetCheck } from './types';

/** pfvar.h `PF_RULE_LABEL_SIZE`: a label holds at most 63 bytes (parse.y `rule_label()`, "rule label too long"). */
const RULE_LABEL_SIZE = 64;
/** pfvar.h `PF_TABLE_NAME_SIZE`: a table name holds at most 31 bytes (parse.y `tabledef`, "table name too long"). */
const TABLE_NAME_SIZE = 32;
/** net/if.h `IFNAMSIZ`: an interface name holds at most 15 bytes (parse.y `if_item`, "interface name too long"). */
const IFNAMSIZ = 16;

/** Protocol names `getprotobyname()` knows on OpenBSD and FreeBSD (/etc/protocols), as parse.y `protoval` takes them. */
const PROTOCOLS = new Set([
  'tcp',
  'udp',
  'icmp',
  'icmp6',
  'ipv6-icmp',
  'esp',
  'ah',
  'gre',
  'sctp',
  'igmp',
  'ospf',
  'pim',
  'carp',
  'pfsync',
  'etherip',
]);
/** parse.y `rule_consistent()`: "port only applies to tcp/udp" (sctp on FreeBSD). */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
/** State timeout names of pfctl's `pf_timeouts` table, accepted by parse.y `state_opt_item: STRING NUMBER`. */
const STATE_TIMEOUTS = new Set([
  'tcp.first',
  'tcp.opening',
  'tcp.established',
  'tcp.closing',
  'tcp.finwait',
  'tcp.closed',
  'udp.first',
  'udp.single',
  'udp.multiple',
  'icmp.first',
  'icmp.error',
  'other.first',
  'other.single',
  'other.multiple',
  'frag',
  'interval',
  'src.track',
  'adaptive.start',
  'adaptive.end',
]);

interface Token {
  /** `word` (parse.y STRING or NUMBER), `quoted` (a quoted STRING), `punct` (one of `{ } < > ( ) ! = / , -` or an operator). */
  kind: 'word' | 'quoted' | 'punct' | 'newline';
  text: string;
  line: number;
}

/** parse.y `allowed_in_string()`: punctuation that ends a word. */
const WORD_BREAKERS = new Set(['(', ')', '{', '}', '<', '>', '!', '=', '/', '#', ',']);
function allowedInWord(c: string): boolean {
  return /[A-Za-z0-9]/.test(c) || (/[!-/:-@[-`{-~]/.test(c) && !WORD_BREAKERS.has(c));
}
/** parse.y `allowed_to_end_number()`. */
function endsNumber(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c) || c === ')' || c === ',' || c === '/' || c === '}' || c === '=';
}

/** Splits the file into tokens the way parse.y `yylex()` does, reporting what would make pfctl read it differently. */
function tokenize(text: string, lines: SnippetLines, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      // parse.y `lgetc()`: a backslash before the newline joins the next line.
      i += 2;
      line += 1;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (c === '\n') {
      // parse.y `optnl`: newlines inside a { } list belong to the list.
      if (depth === 0) tokens.push({ kind: 'newline', text: '\n', line });
      line += 1;
      i += 1;
      continue;
    }
    if (c === '#') {
      // parse.y `yylex()`: a comment runs to the end of the line; `lgetc()` still joins a backslash-newline,
      // so a comment ending in a backslash swallows the following line.
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      if (text.slice(i, end).endsWith('\\') && end < text.length) {
        problems.push(
          lines.message(
            line,
            'the comment ends with a backslash, so pfctl joins the next line into the comment',
          ),
        );
      }
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      // parse.y `yylex()`: a quoted string; a backslash escapes only the quote, a space or a tab.
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const d = text[j]!;
        if (d === '\n') break;
        if (d === '\\' && (text[j + 1] === c || text[j + 1] === ' ' || text[j + 1] === '\t')) {
          value += text[j + 1]!;
          j += 2;
          continue;
        }
        if (d === c) {
          closed = true;
          break;
        }
        value += d;
        j += 1;
      }
      if (!closed) {
        // pfctl would carry the string over into the following lines.
        problems.push(lines.message(line, `the string opened with ${c} is not closed on this line`));
        tokens.push({ kind: 'quoted', text: value, line });
        i = j;
        continue;
      }
      tokens.push({ kind: 'quoted', text: value, line });
      i = j + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '<=' || two === '><' || two === '>=') {
      tokens.push({ kind: 'punct', text: two, line });
      i += 2;
      continue;
    }
    if (c === '-' || /\d/.test(c)) {
      // parse.y `yylex()`: digits make a NUMBER only when a separator follows; otherwise they start a word.
      let j = i + 1;
      while (j < text.length && /\d/.test(text[j]!)) j += 1;
      if (j > i + 1 || c !== '-') {
        if (endsNumber(text[j])) {
          tokens.push({ kind: 'word', text: text.slice(i, j), line });
          i = j;
          continue;
        }
      } else {
        tokens.push({ kind: 'punct', text: '-', line });
        i += 1;
        continue;
      }
    }
    if (/[A-Za-z0-9:_-]/.test(c)) {
      let j = i + 1;
      while (j < text.length && allowedInWord(text[j]!)) j += 1;
      tokens.push({ kind: 'word', text: text.slice(i, j), line });
      i = j;
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') depth = Math.max(0, depth - 1);
    tokens.push({ kind: 'punct', text: c, line });
    i += 1;
  }
  tokens.push({ kind: 'newline', text: '\n', line });
  return tokens;
}

/** One table referenced by a rule, to be matched against the definitions. */
interface TableUse {
  name: string;
  line: number;
}

class StatementParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly lines: SnippetLines,
    private readonly problems: string[],
    private readonly tableUses: TableUse[],
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.pos];
    this.pos += 1;
    return token;
  }

  private lineOf(): number {
    return (this.peek() ?? this.tokens[this.tokens.length - 1])?.line ?? 1;
  }

  private fail(problem: string, line = this.lineOf()): false {
    this.problems.push(this.lines.message(line, problem));
    return false;
  }

  private isWord(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.text === text;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  private describe(token: Token | undefined): string {
    if (token === undefined || token.kind === 'newline') return 'the end of the line';
    return `"${token.text}"`;
  }

  private expectPunct(text: string, what: string): boolean {
    if (this.isPunct(text)) {
      this.pos += 1;
      return true;
    }
    return this.fail(`expected ${what} but found ${this.describe(this.peek())}`);
  }

  /** parse.y `comma`: list items may be separated by a comma. */
  private skipComma(): void {
    if (this.isPunct(',')) this.pos += 1;
  }

  /** Parses a list `{ item item, item }`, calling `item` for each; returns false on the first error. */
  private list(item: () => boolean, what: string): boolean {
    if (!this.expectPunct('{', `"{" to open the ${what} list`)) return false;
    let count = 0;
    while (!this.isPunct('}')) {
      if (this.peek() === undefined || this.peek()?.kind === 'newline')
        return this.fail(`the ${what} list is not closed with "}"`);
      if (!item()) return false;
      count += 1;
      this.skipComma();
    }
    this.pos += 1;
    if (count === 0 && what !== 'table address') return this.fail(`the ${what} list is empty`);
    return true;
  }

  /** Runs the parser over every statement; each ends at a newline outside braces. */
  parseAll(tables: Map<string, number>): void {
    while (this.pos < this.tokens.length) {
      const first = this.peek()!;
      if (first.kind === 'newline') {
        this.pos += 1;
        continue;
      }
      const ok =
        first.kind === 'word' && first.text === 'table'
          ? this.tabledef(tables)
          : first.kind === 'word' && first.text === 'pass'
            ? this.passRule()
            : this.fail(
                `unknown statement ${this.describe(first)}: this snippet holds only "table" definitions and "pass" rules (parse.y \`ruleset\`)`,
              );
      if (ok && this.peek()?.kind !== 'newline') {
        this.fail(`unexpected ${this.describe(this.peek())} after the end of the statement`);
      }
      while (this.pos < this.tokens.length && this.peek()?.kind !== 'newline') this.pos += 1;
    }
  }

  /** parse.y `tabledef: TABLE '<' STRING '>' table_opts`. */
  private tabledef(tables: Map<string, number>): boolean {
    const line = this.lineOf();
    this.pos += 1;
    if (!this.expectPunct('<', '"<" before the table name')) return false;
    const name = this.next();
    if (name?.kind !== 'word')
      return this.fail(`expected a table name but found ${this.describe(name)}`, line);
    if (tables.has(name.text)) {
      return this.fail(`table <${name.text}> is already defined on line ${tables.get(name.text)}`, line);
    }
    // Recorded even when the name is rejected, so its uses are not reported again.
    tables.set(name.text, line);
    if (!this.tableName(name.text, line)) return false;
    if (!this.expectPunct('>', '">" after the table name')) return false;
    // parse.y `table_opt`: const, persist, counters, an address list, or file "path".
    while (this.peek() !== undefined && this.peek()?.kind !== 'newline') {
      const token = this.peek()!;
      if (token.kind === 'word' && ['const', 'persist', 'counters'].includes(token.text)) {
        this.pos += 1;
      } else if (token.kind === 'word' && token.text === 'file') {
        this.pos += 1;
        if (this.next()?.kind !== 'quoted')
          return this.fail('"file" needs a quoted path (parse.y `table_opt`)');
      } else if (token.kind === 'punct' && token.text === '{') {
        if (!this.list(() => this.tableEntry(), 'table address')) return false;
      } else {
        return this.fail(`invalid table option ${this.describe(token)} (parse.y \`table_opt\`)`);
      }
    }
    return true;
  }

  private tableName(name: string, line: number): boolean {
    if (Buffer.byteLength(name) >= TABLE_NAME_SIZE) {
      return this.fail(
        `table name "${name}" is ${Buffer.byteLength(name)} characters; pf allows at most ${TABLE_NAME_SIZE - 1} (PF_TABLE_NAME_SIZE in pfvar.h)`,
        line,
      );
    }
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/.test(name)) return this.fail(`invalid table name "${name}"`, line);
    return true;
  }

  /** parse.y `tablespec`/`host` inside a table: an address or network, optionally negated. */
  private tableEntry(): boolean {
    if (this.isPunct('!')) this.pos += 1;
    const family = this.literalAddress();
    if (family === undefined) return false;
    return true;
  }

  /** A literal address, optionally "/prefix", as parse.y `host: STRING | STRING '/' NUMBER`. */
  private literalAddress(): Family | undefined {
    const token = this.next();
    if (token?.kind !== 'word') {
      this.fail(`expected an address but found ${this.describe(token)}`);
      return undefined;
    }
    let text = token.text;
    if (this.isPunct('/')) {
      this.pos += 1;
      const prefix = this.next();
      text += `/${prefix?.text ?? ''}`;
    }
    const family = addressFamily(text);
    if (family === undefined) {
      this.fail(
        `"${text}" is not an IPv4 or IPv6 address or network (parse.y \`host\`; names are resolved only once, at load, so the snippet writes addresses)`,
        token.line,
      );
    }
    return family;
  }

  /** parse.y `pfrule: action dir logquick interface af proto fromto filter_opts`. */
  private passRule(): boolean {
    const line = this.lineOf();
    this.pos += 1;
    // parse.y `dir`
    if (this.isWord('in') || this.isWord('out')) this.pos += 1;
    // parse.y `logquick`: log and quick in either order.
    for (let n = 0; n < 2; n += 1) {
      if (this.isWord('quick')) this.pos += 1;
      else if (this.isWord('log')) {
        this.pos += 1;
        if (this.isPunct('(')) {
          while (!this.isPunct(')') && this.peek()?.kind !== 'newline' && this.peek() !== undefined)
            this.pos += 1;
          if (!this.expectPunct(')', '")" to close the log options')) return false;
        }
      }
    }
    // parse.y `interface`
    if (this.isWord('on')) {
      this.pos += 1;
      const item = (): boolean => {
        if (this.isPunct('!')) this.pos += 1;
        const name = this.next();
        if (name?.kind !== 'word')
          return this.fail(`expected an interface name but found ${this.describe(name)}`);
        if (Buffer.byteLength(name.text) >= IFNAMSIZ) {
          return this.fail(
            `interface name "${name.text}" is longer than ${IFNAMSIZ - 1} characters (IFNAMSIZ)`,
          );
        }
        return true;
      };
      if (this.isPunct('{') ? !this.list(item, 'interface') : !item()) return false;
    }
    // parse.y `af`
    let family: Family | undefined;
    if (this.isWord('inet')) family = 4;
    else if (this.isWord('inet6')) family = 6;
    if (family !== undefined) this.pos += 1;
    // parse.y `proto`
    const protocols: string[] = [];
    if (this.isWord('proto')) {
      this.pos += 1;
      const item = (): boolean => {
        const proto = this.next();
        if (proto?.kind !== 'word') return this.fail(`expected a protocol but found ${this.describe(proto)}`);
        const number = /^\d+$/.test(proto.text) ? Number(proto.text) : undefined;
        if (number !== undefined ? number < 1 || number > 255 : !PROTOCOLS.has(proto.text)) {
          return this.fail(`unknown protocol "${proto.text}" (parse.y \`protoval\`: getprotobyname)`);
        }
        protocols.push(proto.text);
        return true;
      };
      if (this.isPunct('{') ? !this.list(item, 'protocol') : !item()) return false;
    }
    // parse.y `fromto: ALL | from os to`
    let hasPort = false;
    if (this.isWord('all')) this.pos += 1;
    else {
      for (const keyword of ['from', 'to']) {
        if (!this.isWord(keyword)) continue;
        this.pos += 1;
        const spec = this.ipportspec(family);
        if (spec === undefined) return false;
        hasPort ||= spec;
      }
    }
    if (this.isWord('from')) return this.fail('"from" must come before "to" (parse.y `fromto`)');
    if (hasPort && (protocols.length === 0 || protocols.some((proto) => !PORT_PROTOCOLS.has(proto)))) {
      return this.fail('a port only applies to tcp and udp: give "proto tcp", "proto udp" or both', line);
    }
    return this.filterOpts();
  }

  /** parse.y `ipportspec: ipspec | ipspec PORT portspec | PORT portspec`; returns whether a port was given. */
  private ipportspec(family: Family | undefined): boolean | undefined {
    if (!this.isWord('port')) {
      if (!this.ipspec(family)) return undefined;
    }
    if (!this.isWord('port')) return false;
    this.pos += 1;
    const ok = this.isPunct('{') ? this.list(() => this.portItem(), 'port') : this.portItem();
    return ok ? true : undefined;
  }

  /** parse.y `ipspec: ANY | xhost | '{' host_list '}'`. */
  private ipspec(family: Family | undefined): boolean {
    if (this.isWord('any')) {
      this.pos += 1;
      return true;
    }
    if (this.isPunct('{')) return this.list(() => this.xhost(family), 'address');
    return this.xhost(family);
  }

  /** parse.y `xhost: not host | not NOROUTE | not URPFFAILED` with `host: '<' STRING '>' | address`. */
  private xhost(family: Family | undefined): boolean {
    if (this.isPunct('!')) this.pos += 1;
    if (this.isWord('no-route') || this.isWord('urpf-failed') || this.isWord('self')) {
      this.pos += 1;
      return true;
    }
    if (this.isPunct('<')) {
      this.pos += 1;
      const name = this.next();
      if (name?.kind !== 'word') return this.fail(`expected a table name but found ${this.describe(name)}`);
      if (!this.tableName(name.text, name.line)) return false;
      this.tableUses.push({ name: name.text, line: name.line });
      return this.expectPunct('>', '">" after the table name');
    }
    const token = this.peek();
    const addressFamilyOf = this.literalAddress();
    if (addressFamilyOf === undefined) return false;
    if (family !== undefined && addressFamilyOf !== family) {
      // parse.y `expand_rule()` skips the combination; with nothing left: "rule expands to no valid combination".
      return this.fail(
        `IPv${addressFamilyOf} address in an ${family === 4 ? 'inet' : 'inet6'} rule: pfctl finds no address of the rule's family`,
        token?.line,
      );
    }
    return true;
  }

  /** parse.y `port_item: portrange | unaryop portrange | portrange PORTBINARY portrange`. */
  private portItem(): boolean {
    const unary = this.peek();
    if (unary?.kind === 'punct' && ['=', '!=', '<', '<=', '>', '>='].includes(unary.text)) {
      this.pos += 1;
      return this.portRange(false);
    }
    if (!this.portRange(true)) return false;
    const binary = this.peek();
    if (binary?.kind === 'punct' && (binary.text === '<>' || binary.text === '><')) {
      this.pos += 1;
      return this.portRange(false);
    }
    return true;
  }

  /** parse.y `portrange` and `parseport()`: a number 0-65535 (getservice) or "low:high" with low <= high. */
  private portRange(allowRange: boolean): boolean {
    const token = this.next();
    if (token?.kind !== 'word') return this.fail(`expected a port but found ${this.describe(token)}`);
    const parts = token.text.split(':');
    if (parts.length > 2 || (parts.length === 2 && !allowRange)) {
      return this.fail(`port "${token.text}" is invalid (parse.y \`parseport\`)`, token.line);
    }
    for (const part of parts) {
      if (!/^\d+$/.test(part)) {
        const hint = part.includes('-') ? '; pf writes a range as "low:high"' : '';
        return this.fail(
          `unknown port "${part}": ports are numbers here, service names depend on /etc/services (parse.y \`getservice\`)${hint}`,
          token.line,
        );
      }
      if (Number(part) > 65535)
        return this.fail(`illegal port value ${part} (parse.y \`getservice\`)`, token.line);
    }
    if (parts.length === 2 && Number(parts[0]) > Number(parts[1])) {
      return this.fail(`invalid port range "${token.text}" (parse.y \`validate_range\`)`, token.line);
    }
    return true;
  }

  /** parse.y `filter_opts`: the options this snippet may use, each at most once. */
  private filterOpts(): boolean {
    let label = false;
    let keep = false;
    while (this.peek() !== undefined && this.peek()?.kind !== 'newline') {
      const token = this.peek()!;
      if (token.kind !== 'word') return this.fail(`unexpected ${this.describe(token)} in the rule options`);
      if (['keep', 'modulate', 'synproxy', 'no'].includes(token.text)) {
        // parse.y `keep: NO STATE | KEEP STATE state_opt_spec | MODULATE STATE ... | SYNPROXY STATE ...`.
        if (keep)
          return this.fail('"modulate or keep cannot be redefined" (parse.y `filter_opt`)', token.line);
        keep = true;
        this.pos += 1;
        if (!this.isWord('state'))
          return this.fail(`"${token.text}" must be followed by "state" (parse.y \`keep\`)`);
        this.pos += 1;
        if (token.text !== 'no' && this.isPunct('(') && !this.stateOptions()) return false;
      } else if (token.text === 'label') {
        // parse.y `filter_opt: LABEL label`, checked by `rule_label()` against PF_RULE_LABEL_SIZE.
        if (label) return this.fail('"label cannot be redefined" (parse.y `filter_opt`)', token.line);
        label = true;
        this.pos += 1;
        const value = this.next();
        if (value === undefined || (value.kind !== 'quoted' && value.kind !== 'word')) {
          return this.fail(`"label" needs a string but found ${this.describe(value)}`, token.line);
        }
        const bytes = Buffer.byteLength(value.text);
        if (bytes >= RULE_LABEL_SIZE) {
          return this.fail(
            `rule label too long: "${value.text}" is ${bytes} characters, pf allows at most ${RULE_LABEL_SIZE - 1} (PF_RULE_LABEL_SIZE in pfvar.h, parse.y \`rule_label\`); pfctl rejects the whole file`,
            value.line,
          );
        }
        if (value.text.includes('$')) {
          return this.fail(
            'the label contains "$", which pfctl expands as a label macro (parse.y `expand_label`)',
          );
        }
      } else if (token.text === 'flags') {
        // parse.y `flags: FLAGS flag '/' flag | FLAGS '/' flag | FLAGS ANY`.
        this.pos += 1;
        if (this.isWord('any')) this.pos += 1;
        else {
          if (this.peek()?.kind === 'word') {
            if (!/^[FSRPAUEW]+$/.test(this.next()!.text))
              return this.fail('bad flags (parse.y `flag`)', token.line);
          }
          if (!this.expectPunct('/', '"/" in the flags')) return false;
          const mask = this.next();
          if (mask?.kind !== 'word' || !/^[FSRPAUEW]+$/.test(mask.text)) {
            return this.fail('bad flags (parse.y `flag`)', token.line);
          }
        }
      } else if (token.text === 'allow-opts') {
        this.pos += 1;
      } else {
        return this.fail(
          `unknown or unsupported rule option "${token.text}" (parse.y \`filter_opt\`; this snippet uses keep state, label, flags)`,
          token.line,
        );
      }
    }
    return true;
  }

  /** parse.y `state_opt_spec: '(' state_opt_list ')'`. */
  private stateOptions(): boolean {
    this.pos += 1;
    for (;;) {
      const option = this.next();
      if (option?.kind !== 'word')
        return this.fail(`expected a state option but found ${this.describe(option)}`);
      const numeric = ['max', 'max-src-nodes', 'max-src-states', 'max-src-conn'];
      if (numeric.includes(option.text) || STATE_TIMEOUTS.has(option.text)) {
        const value = this.next();
        if (value?.kind !== 'word' || !/^\d+$/.test(value.text)) {
          return this.fail(`state option "${option.text}" needs a number (parse.y \`state_opt_item\`)`);
        }
      } else if (option.text === 'max-src-conn-rate') {
        const value = this.next();
        if (
          value?.kind !== 'word' ||
          !/^\d+$/.test(value.text) ||
          !this.expectPunct('/', '"/" in the rate')
        ) {
          return this.fail('"max-src-conn-rate" needs "number/seconds" (parse.y `state_opt_item`)');
        }
        if (!/^\d+$/.test(this.next()?.text ?? ''))
          return this.fail('"max-src-conn-rate" needs "number/seconds"');
      } else if (option.text === 'source-track') {
        if (this.isWord('rule') || this.isWord('global')) this.pos += 1;
      } else if (!['no-sync', 'sloppy', 'pflow', 'if-bound', 'floating'].includes(option.text)) {
        return this.fail(`unknown state option "${option.text}" (parse.y \`state_opt_item\`)`, option.line);
      }
      if (this.isPunct(',')) {
        this.pos += 1;
        continue;
      }
      return this.expectPunct(')', '")" to close the state options');
    }
  }
}

function checkPf(text: string): string[] {
  const lines = new SnippetLines(text);
  const problems: string[] = [];
  const tokens = tokenize(text, lines, problems);
  const tables = new Map<string, number>();
  const uses: TableUse[] = [];
  new StatementParser(tokens, lines, problems, uses).parseAll(tables);
  // The snippet is loaded into an anchor of its own; a table it does not define would be created empty and match nothing.
  for (const use of uses) {
    if (!tables.has(use.name)) {
      problems.push(lines.message(use.line, `table <${use.name}> is used but not defined in this file`));
    }
  }
  if (!tokens.some((token) => token.kind === 'word' && token.text === 'pass')) {
    problems.push('the snippet holds no pass rule');
  }
  return problems;
}

/** Replaces the first line that matches `pattern` using `change`. */
function changeFirstLine(text: string, pattern: RegExp, change: (line: string) => string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index === -1) return text;
  lines[index] = change(lines[index]!);
  return lines.join('\n');
}

export const check: SnippetCheck = {
  name: 'pf.conf grammar',
  platforms: ['pf'],
  kind: 'grammar',
  source:
    'OpenBSD sbin/pfctl/parse.y (yylex, tabledef, pfrule, fromto, host, portspec, parseport, filter_opt, keep, rule_label) and sys/net/pfvar.h (PF_RULE_LABEL_SIZE 64, PF_TABLE_NAME_SIZE 32)',
  notChecked:
    'whether the placeholder addresses are replaced, interface names exist on the machine, and what pfctl decides at load time about routing, anchors and state limits',
  unavailable: () => undefined,
  check: checkPf,
  planted: [
    {
      name: 'label longer than 63 characters (PF_RULE_LABEL_SIZE)',
      platform: 'pf',
      deployment: 'cloud',
      plant: (text) =>
        changeFirstLine(text, /^pass .* label "/, (line) =>
          line.replace(
            /label "[^"]*"/,
            'label "pascom mypascom-services: Updates, push, fax, voicemail, recordings"',
          ),
        ),
    },
    {
      name: 'port range written with "-" instead of ":"',
      platform: 'pf',
      deployment: 'cloud',
      plant: (text) =>
        changeFirstLine(text, /^pass .* port \d+ /, (line) =>
          line.replace(/ port (\d+) /, ' port $1-35000 '),
        ),
    },
    {
      name: 'rule uses a table that is not defined',
      platform: 'pf',
      deployment: 'onsite',
      plant: (text) =>
        changeFirstLine(text, /^pass .*<\w+>/, (line) => line.replace(/<\w+>/, '<pascom_undefined>')),
    },
    {
      name: 'unknown keyword in a rule',
      platform: 'pf',
      deployment: 'onsite',
      plant: (text) =>
        changeFirstLine(text, /^pass .* keep state/, (line) => line.replace(' keep state', ' keep-state')),
    },
  ],
};
