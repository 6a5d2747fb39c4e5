/**
 * Grammar check for SonicWall SonicOS 7 CLI snippets (classic mode): the
 * `configure` session, address objects, service objects and groups, access
 * rules with their sub-mode lines, `exit` and `commit`.
 *
 * Sources: the SonicOS 7 CLI Reference Guide (sonicwall.com technical
 * documentation, "sonicos-7-cli_reference_guide": address-object, service-object,
 * service-group, access-rule) and the SonicOS 7 Objects guide ("Addresses",
 * "Types of Address Objects": host, network, range and FQDN objects and their zones).
 */
import type { SnippetCheck } from './types';
import {
  familyCoverage,
  isHostname,
  isIPv4,
  isIPv6,
  isNetmask,
  portNumber,
  problemAt,
  snippetLines,
  type FamilyRule,
  type SnippetLine,
} from './grammar-helpers';

interface Word {
  value: string;
  quoted: boolean;
}

/** Words and double-quoted names; a name with spaces must be quoted (CLI Reference, "Command syntax"). */
function words(text: string): Word[] | string {
  const result: Word[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end === -1) return 'a quoted name is not closed';
      result.push({ value: rest.slice(1, end), quoted: true });
      rest = rest.slice(end + 1);
      if (rest.length > 0 && !/^\s/.test(rest)) return 'no space after a quoted name';
    } else {
      const value = /^\S+/.exec(rest)![0];
      if (value.includes('"')) return `a quote inside the word ${value}`;
      result.push({ value, quoted: false });
      rest = rest.slice(value.length);
    }
    rest = rest.trimStart();
  }
  return result;
}

/** A cursor over one command's words that names what it expected when it fails. */
class Words {
  private index = 0;
  constructor(private readonly list: Word[]) {}
  next(): Word | undefined {
    return this.list[this.index++];
  }
  peek(): Word | undefined {
    return this.list[this.index];
  }
  done(): boolean {
    return this.index >= this.list.length;
  }
  keyword(expected: string): boolean {
    const word = this.peek();
    if (word && !word.quoted && word.value === expected) {
      this.index += 1;
      return true;
    }
    return false;
  }
}

type AddressKind = 'ipv4' | 'ipv6' | 'fqdn';
type Mode = 'top' | 'config' | 'service-group' | 'access-rule';

/** Object names: 1-63 characters without a double quote (SonicOS object name field). */
function nameProblem(word: Word | undefined, what: string): string | undefined {
  if (!word) return `${what} name missing`;
  if (word.value.length === 0 || word.value.length > 63)
    return `${what} name "${word.value}" must be 1-63 characters`;
  if (!word.quoted && /\s/.test(word.value)) return `${what} name with spaces must be quoted`;
  return undefined;
}

/** Zone names are single words or quoted names (default zones LAN, WAN, DMZ, VPN, SSLVPN, MULTICAST, WLAN, or custom). */
function zoneProblem(word: Word | undefined): string | undefined {
  if (!word) return 'zone name missing';
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$/.test(word.value)) return `"${word.value}" is not a zone name`;
  return undefined;
}

interface State {
  problems: string[];
  addresses: Map<string, AddressKind>;
  serviceObjects: Set<string>;
  serviceGroups: Set<string>;
  rules: FamilyRule[];
}

/**
 * `address-object ipv4 NAME host IP | network IP MASK|/LEN | range IP IP zone ZONE`,
 * `address-object ipv6 NAME host IP6 | network IP6 /LEN | range IP6 IP6 zone ZONE`,
 * `address-object fqdn NAME domain NAME zone ZONE`.
 */
function addressObject(cursor: Words, line: SnippetLine, state: State): void {
  const fail = (problem: string) => state.problems.push(problemAt(line, problem));
  const kind = cursor.next()?.value;
  if (kind !== 'ipv4' && kind !== 'ipv6' && kind !== 'fqdn') {
    fail(`address-object type "${kind ?? ''}" is not ipv4, ipv6 or fqdn`);
    return;
  }
  const name = cursor.next();
  const badName = nameProblem(name, 'address object');
  if (badName) return void fail(badName);
  // Registered before its details are checked, so one bad value is reported once, not again at every use.
  if (state.addresses.has(name!.value)) fail(`address object "${name!.value}" is defined twice`);
  state.addresses.set(name!.value, kind);
  const isAddress = kind === 'ipv4' ? isIPv4 : isIPv6;
  if (kind === 'fqdn') {
    if (!cursor.keyword('domain')) return void fail('an FQDN address object needs "domain <name>"');
    const domain = cursor.next()?.value ?? '';
    if (!isHostname(domain, true)) return void fail(`"${domain}" is not a domain name`);
  } else if (cursor.keyword('host')) {
    const host = cursor.next()?.value ?? '';
    if (!isAddress(host)) return void fail(`host "${host}" is not an ${kind.toUpperCase()} address`);
  } else if (cursor.keyword('network')) {
    const network = cursor.next()?.value ?? '';
    const mask = cursor.next()?.value ?? '';
    if (!isAddress(network)) return void fail(`network "${network}" is not an ${kind.toUpperCase()} address`);
    const length = /^\/([0-9]{1,3})$/.exec(mask);
    const maskOk = length
      ? Number(length[1]) <= (kind === 'ipv4' ? 32 : 128)
      : kind === 'ipv4' && isNetmask(mask);
    if (!maskOk)
      return void fail(
        `"${mask}" is not a ${kind === 'ipv4' ? 'netmask or /prefix' : '/prefix'} for the network`,
      );
  } else if (cursor.keyword('range')) {
    const first = cursor.next()?.value ?? '';
    const last = cursor.next()?.value ?? '';
    if (!isAddress(first) || !isAddress(last))
      return void fail(`range "${first} ${last}" needs two ${kind.toUpperCase()} addresses`);
  } else {
    return void fail(`unknown keyword "${cursor.peek()?.value ?? ''}" (expected host, network or range)`);
  }
  // Objects guide, "Addresses": host, network, range and FQDN objects carry an explicit zone.
  if (!cursor.keyword('zone'))
    return void fail(`expected "zone <zone>", found "${cursor.peek()?.value ?? 'end of line'}"`);
  const badZone = zoneProblem(cursor.next());
  if (badZone) return void fail(badZone);
  if (!cursor.done()) return void fail(`unknown keyword "${cursor.peek()!.value}" after the zone`);
}

/** `service-object NAME TCP|UDP BEGIN END`: ports 1-65535, the first not above the last. */
function serviceObject(cursor: Words, line: SnippetLine, state: State): void {
  const fail = (problem: string) => state.problems.push(problemAt(line, problem));
  const name = cursor.next();
  const badName = nameProblem(name, 'service object');
  if (badName) return void fail(badName);
  if (state.serviceObjects.has(name!.value) || state.serviceGroups.has(name!.value))
    fail(`service "${name!.value}" is defined twice`);
  state.serviceObjects.add(name!.value);
  const protocol = cursor.next()?.value ?? '';
  if (protocol !== 'TCP' && protocol !== 'UDP') return void fail(`protocol "${protocol}" is not TCP or UDP`);
  const begin = cursor.next()?.value ?? '';
  const end = cursor.next()?.value ?? '';
  const first = portNumber(begin);
  const last = portNumber(end);
  if (first === undefined) return void fail(`first port "${begin}" is not within 1-65535`);
  if (last === undefined) return void fail(`last port "${end}" is not within 1-65535`);
  if (first > last) return void fail(`first port ${first} is above last port ${last}`);
  if (!cursor.done()) return void fail(`unknown keyword "${cursor.peek()!.value}" after the ports`);
}

/** `any | name NAME | group NAME` of an access rule's address or service field. */
function reference(
  cursor: Words,
  field: string,
  resolve: (kind: 'name' | 'group', name: string) => string | undefined,
  fail: (problem: string) => void,
): boolean {
  if (cursor.keyword('any')) return true;
  const kind = cursor.next()?.value;
  if (kind !== 'name' && kind !== 'group') {
    fail(`${field}: expected any, name or group, found "${kind ?? 'end of line'}"`);
    return false;
  }
  const target = cursor.next();
  if (!target) {
    fail(`${field}: ${kind} needs an object name`);
    return false;
  }
  const problem = resolve(kind, target.value);
  if (problem) {
    fail(`${field} ${kind} "${target.value}": ${problem}`);
    return false;
  }
  return true;
}

/**
 * `access-rule ipv4|ipv6 from ZONE to ZONE action allow|deny|discard
 *  [source address REF] [source port REF] [service REF] [destination address REF]`,
 * where REF is `any`, `name <object>` or `group <group>`; the command opens
 * the rule's sub-mode.
 */
function accessRule(cursor: Words, line: SnippetLine, state: State): 4 | 6 | undefined {
  const fail = (problem: string) => state.problems.push(problemAt(line, problem));
  const family = cursor.next()?.value;
  if (family !== 'ipv4' && family !== 'ipv6')
    return void fail(`access-rule family "${family ?? ''}" is not ipv4 or ipv6`);
  if (!cursor.keyword('from')) return void fail('expected "from <zone>"');
  const from = zoneProblem(cursor.next());
  if (from) return void fail(from);
  if (!cursor.keyword('to')) return void fail('expected "to <zone>"');
  const to = zoneProblem(cursor.next());
  if (to) return void fail(to);
  if (!cursor.keyword('action')) return void fail('expected "action allow|deny|discard"');
  const action = cursor.next()?.value ?? '';
  if (!['allow', 'deny', 'discard'].includes(action))
    return void fail(`action "${action}" is not allow, deny or discard`);
  const addressOk = (kind: 'name' | 'group', name: string) => {
    if (kind === 'group') return 'no address group of that name is defined in this snippet';
    const found = state.addresses.get(name);
    if (!found) return 'no address object of that name is defined in this snippet';
    if (found !== 'fqdn' && found !== family) return `is an ${found} object, not usable in an ${family} rule`;
    return undefined;
  };
  const serviceOk = (kind: 'name' | 'group', name: string) => {
    if (kind === 'name' && state.serviceObjects.has(name)) return undefined;
    if (kind === 'group' && state.serviceGroups.has(name)) return undefined;
    if (kind === 'name' && state.serviceGroups.has(name))
      return 'is a service group; refer to it with "service group"';
    if (kind === 'group' && state.serviceObjects.has(name))
      return 'is a service object; refer to it with "service name"';
    return 'no service of that name is defined in this snippet';
  };
  const seen = new Set<string>();
  while (!cursor.done()) {
    const word = cursor.next()!;
    let field: string;
    if (!word.quoted && (word.value === 'source' || word.value === 'destination')) {
      const part = cursor.next()?.value;
      if (part !== 'address' && !(word.value === 'source' && part === 'port')) {
        return void fail(`unknown keyword "${word.value} ${part ?? ''}"`);
      }
      field = `${word.value} ${part}`;
    } else if (!word.quoted && word.value === 'service') {
      field = 'service';
    } else {
      return void fail(`unknown keyword "${word.value}"`);
    }
    if (seen.has(field)) return void fail(`"${field}" is given twice`);
    seen.add(field);
    const resolve = field === 'service' || field === 'source port' ? serviceOk : addressOk;
    if (!reference(cursor, field, resolve, fail)) return undefined;
  }
  return family === 'ipv4' ? 4 : 6;
}

function checkSonicWall(text: string): string[] {
  const state: State = {
    problems: [],
    addresses: new Map(),
    serviceObjects: new Set(),
    serviceGroups: new Set(),
    rules: [],
  };
  const comments: string[] = [];
  let mode: Mode = 'top';
  let opened: SnippetLine | undefined;
  let group: { name: string; members: number } | undefined;
  let rule: { family: 4 | 6; line: SnippetLine; comment?: string } | undefined;
  let committed = true;

  const closeRule = () => {
    if (rule)
      state.rules.push({
        family: rule.family,
        comment: rule.comment ?? rule.line.text.trim(),
        line: rule.line,
      });
    rule = undefined;
  };

  for (const line of snippetLines(text)) {
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      comments.push(trimmed);
      continue;
    }
    const parsed = words(trimmed);
    if (typeof parsed === 'string') {
      state.problems.push(problemAt(line, parsed));
      continue;
    }
    const cursor = new Words(parsed);
    const command = cursor.next()!.value;
    const fail = (problem: string) => state.problems.push(problemAt(line, problem));

    if (mode === 'top') {
      if (command === 'configure' || command === 'config') mode = 'config';
      else fail(`"${command}" before "configure": configuration commands need configuration mode`);
      continue;
    }
    if (command === 'commit') {
      // "commit" applies the pending changes; it is accepted in configuration mode and in sub-modes.
      committed = true;
      continue;
    }
    committed = false;
    if (mode === 'service-group') {
      if (command === 'exit') {
        if (group?.members === 0) fail(`service group "${group.name}" has no members`);
        mode = 'config';
        group = undefined;
      } else if (command === 'service-object' || command === 'service-group') {
        const member = cursor.next();
        const known = command === 'service-object' ? state.serviceObjects : state.serviceGroups;
        if (!member || !known.has(member.value))
          fail(`${command} "${member?.value ?? ''}" is not defined before this group`);
        else if (!cursor.done()) fail(`unknown keyword "${cursor.peek()!.value}"`);
        if (group) group.members += 1;
      } else {
        fail(`"${command}" inside the service-group sub-mode (missing "exit" after line ${opened?.number})`);
      }
      continue;
    }
    if (mode === 'access-rule') {
      if (command === 'exit') {
        closeRule();
        mode = 'config';
      } else if (command === 'comment' || command === 'name') {
        const value = cursor.next();
        if (!value) fail(`"${command}" needs a quoted text`);
        else if (!value.quoted && !cursor.done()) fail(`a ${command} with spaces must be quoted`);
        else if (!cursor.done()) fail(`unknown keyword "${cursor.peek()!.value}" after the ${command}`);
        else if (command === 'comment' && rule) rule.comment = value.value;
      } else if (['enable', 'logging'].includes(command) && cursor.done()) {
        // Switches of the rule sub-mode; "no enable" and "no logging" turn them off.
      } else if (
        command === 'no' &&
        ['enable', 'logging'].includes(cursor.next()?.value ?? '') &&
        cursor.done()
      ) {
        // As above.
      } else {
        fail(
          `"${command}" is not an access-rule sub-mode command (missing "exit" after line ${opened?.number}?)`,
        );
      }
      continue;
    }
    // Configuration mode.
    switch (command) {
      case 'address-object':
        addressObject(cursor, line, state);
        break;
      case 'service-object':
        serviceObject(cursor, line, state);
        break;
      case 'service-group': {
        const name = cursor.next();
        const badName = nameProblem(name, 'service group');
        if (badName) fail(badName);
        else if (!cursor.done()) fail(`unknown keyword "${cursor.peek()!.value}" after the group name`);
        else if (state.serviceGroups.has(name!.value) || state.serviceObjects.has(name!.value))
          fail(`service "${name!.value}" is defined twice`);
        else state.serviceGroups.add(name!.value);
        group = { name: name?.value ?? '', members: 0 };
        mode = 'service-group';
        opened = line;
        break;
      }
      case 'access-rule': {
        const family = accessRule(cursor, line, state);
        rule = family === undefined ? undefined : { family, line };
        mode = 'access-rule';
        opened = line;
        break;
      }
      case 'exit':
      case 'end':
        mode = 'top';
        break;
      default:
        fail(`unknown command "${command}"`);
    }
  }
  const last = snippetLines(text)
    .filter((line) => line.text.trim() !== '')
    .pop();
  if (mode === 'service-group' || mode === 'access-rule') {
    state.problems.push(problemAt(opened!, `the ${mode} sub-mode opened here is never closed with "exit"`));
  }
  if (!committed && last) state.problems.push(problemAt(last, 'the changes are never saved with "commit"'));
  return [...state.problems, ...familyCoverage(state.rules, comments)];
}

export const check: SnippetCheck = {
  name: 'SonicOS 7 CLI grammar',
  platforms: ['sonicwall'],
  kind: 'grammar',
  source:
    'SonicOS 7 CLI Reference Guide (address-object, service-object, service-group, access-rule, commit) and SonicOS 7 Objects guide (address object types and zones)',
  notChecked:
    'Whether the zones exist on the device; whether one-line address objects leave the CLI in their object sub-mode (no SonicOS 7 CLI session here to confirm); "#" comment lines are assumed to be accepted; name length limits beyond 63 characters',
  unavailable: () => undefined,
  check: checkSonicWall,
  planted: [
    {
      name: 'a service port out of range (above 65535)',
      platform: 'sonicwall',
      deployment: 'cloud',
      plant: (text) => text.replace(/(service-object "[^"]+" (?:TCP|UDP) \d+) \d+/, '$1 70000'),
    },
    {
      name: 'an unknown keyword in an access rule',
      platform: 'sonicwall',
      deployment: 'cloud',
      plant: (text) => text.replace(' destination address ', ' destination adress '),
    },
    {
      name: 'a missing exit after an access rule sub-mode',
      platform: 'sonicwall',
      deployment: 'cloud',
      plant: (text) => text.replace(/(access-rule [^\n]+\n {4}comment [^\n]+\n) {4}exit\n/, '$1'),
    },
  ],
};
