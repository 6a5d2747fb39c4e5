/**
 * Grammar check for the OPNsense API script: every `api <endpoint> '<json>'`
 * call, its JSON body against OPNsense core's models, the order of the calls,
 * and the script's `api` wrapper, which must stop when the API answers HTTP 200
 * with a failure (shell syntax itself is shellcheck's job).
 *
 * Written from OPNsense core (repository opnsense/core, src/opnsense/mvc/app/):
 * - `models/OPNsense/Firewall/Filter.xml` (rules/rule: the fields, their types
 *   and option values) and `Filter.php` `performValidation()` (ports only for
 *   TCP/UDP, address family checks, "any" not combined);
 * - `models/OPNsense/Firewall/Alias.xml` (aliases/alias: fields and types),
 *   `FieldTypes/AliasNameField.php` (name pattern and reserved words) and
 *   `FieldTypes/AliasContentField.php` (host entries, one per line);
 * - `models/OPNsense/Base/FieldTypes/`: `BooleanField` ("0"/"1"),
 *   `ProtocolField` (upper-cased /etc/protocols names plus "TCP/UDP" from
 *   Filter.xml `AddOptions`), `PortField` (1-65535, well-known names, "low-high"),
 *   `NetworkAliasField` (any, interface nets, aliases, or a single address),
 *   `BaseListField` (a Multiple field is split on ","), `DescriptionField`
 *   (1-255 characters);
 * - `models/OPNsense/Firewall/FieldTypes/GroupNameField.php` (interface groups);
 * - `controllers/OPNsense/Base/ApiMutableModelControllerBase.php` (a failed
 *   validation answers HTTP 200 with `"result":"failed"` and `"validations"`),
 *   `controllers/OPNsense/Firewall/Api/AliasController.php` `reconfigureAction()`
 *   (`"status":"failed"`); `www/api.php` answers a UserException with HTTP 500.
 * Multiple values in `source_net`/`destination_net` (Filter.xml `<Multiple>Y`),
 * `ipprotocol` "inet46" and protocol "TCP/UDP" arrived in OPNsense 25.1 (core
 * commits 1293c51187, 0a408b3d57, bcb5bae3e6, first tagged 25.1).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressFamily, isHostName, isPortNumber, SnippetLines } from './bsd-firewall-values';
import type { SnippetCheck } from './types';

/** The API endpoints the script may call, under /api/firewall/, and the body each takes. */
const ENDPOINTS: Record<string, 'alias' | 'rule' | 'empty'> = {
  'alias/addItem': 'alias',
  'alias/reconfigure': 'empty',
  'filter/addRule': 'rule',
  'filter/apply': 'empty',
  'filter/savepoint': 'empty',
};

type FieldCheck = (value: string) => string | undefined;

const boolean: FieldCheck = (value) =>
  /^[01]$/.test(value) ? undefined : 'must be "0" or "1" (BooleanField)';
const options =
  (...allowed: string[]): FieldCheck =>
  (value) =>
    allowed.includes(value)
      ? undefined
      : `must be one of ${allowed.map((option) => `"${option}"`).join(', ')} (OptionField)`;
const integer =
  (min: number, max: number): FieldCheck =>
  (value) =>
    /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : `must be a whole number ${min}-${max} (IntegerField)`;
const text: FieldCheck = (value) => (/[\r\n]/.test(value) ? 'must be on one line' : undefined);
/** DescriptionField: `/^(.){1,255}$/`, no line breaks. */
const description: FieldCheck = (value) =>
  value.length >= 1 && value.length <= 255 && !/[\r\n]/.test(value)
    ? undefined
    : 'must be 1-255 characters on one line (DescriptionField)';

/**
 * ProtocolField: the names of /etc/protocols upper-cased (setValue applies
 * `internalChangeCase` UPPER), "any", and Filter.xml's `AddOptions` "TCP/UDP".
 * The /etc/protocols list here is the common part of FreeBSD's.
 */
const PROTOCOLS = new Set([
  'any',
  'TCP',
  'UDP',
  'TCP/UDP',
  'ICMP',
  'IPV6-ICMP',
  'ESP',
  'AH',
  'GRE',
  'IGMP',
  'PIM',
  'OSPF',
  'SCTP',
  'CARP',
  'PFSYNC',
  'IPENCAP',
  'ETHERIP',
]);
const protocol: FieldCheck = (value) => {
  const stored = value.toLowerCase() === 'any' ? 'any' : value.toUpperCase();
  if (PROTOCOLS.has(stored)) return undefined;
  const hint = stored === 'UDP/TCP' ? '; the combined option is "TCP/UDP"' : '';
  return `"${value}" is not a protocol option (ProtocolField: /etc/protocols names and Filter.xml AddOptions "TCP/UDP")${hint}`;
};

/** PortField with EnableWellKnown/EnableRanges/EnableAlias: 1-65535, "low-high" with low < high, a well-known name or a port alias. */
const WELL_KNOWN_PORTS = new Set([
  'http',
  'https',
  'ssh',
  'smtp',
  'domain',
  'ntp',
  'ldaps',
  'sip',
  'sip-tls',
  'nat-stun-port',
]);
function portProblem(value: string, aliases: Map<string, string>): string | undefined {
  if (isPortNumber(value) || WELL_KNOWN_PORTS.has(value) || aliases.get(value) === 'port') return undefined;
  const range = value.split('-');
  if (range.length === 2 && range.every(isPortNumber) && Number(range[0]) < Number(range[1]))
    return undefined;
  const hint = value.includes(':') ? '; OPNsense writes a range as "low-high"' : '';
  return `"${value}" is not a port 1-65535, a range "low-high" or a port alias (PortField)${hint}`;
}

/**
 * InterfaceField: a key of the firewall's <interfaces>, i.e. wan, lan, optN,
 * the dynamic openvpn, wireguard and enc0 (IPsec), or an interface group, which
 * GroupNameField limits to letters, digits and "_", at most 15, not starting or
 * ending with a digit.
 */
function interfaceProblem(name: string): string | undefined {
  if (/^(wan|lan|opt[1-9]\d*|enc0|openvpn|wireguard)$/.test(name)) return undefined;
  if (/^[A-Za-z_]([A-Za-z0-9_]{0,13}[A-Za-z_])?$/.test(name)) return undefined;
  return `"${name}" is not an OPNsense interface: use the identifier OPNsense assigns (wan, lan, opt1, ...) or an interface group name (letters, digits and "_", at most 15, not starting or ending with a digit; GroupNameField)`;
}

/** Fields of rules/rule in Filter.xml (the volatile sort_order and prio_group are not stored) and how each is checked. */
function ruleFields(): Record<string, FieldCheck> {
  return {
    enabled: boolean,
    statetype: options('keep', 'sloppy', 'modulate', 'synproxy', 'none'),
    'state-policy': options('', 'if-bound', 'floating'),
    sequence: integer(1, 999999),
    action: options('pass', 'block', 'reject'),
    quick: boolean,
    interfacenot: boolean,
    interface: (value) =>
      value
        .split(',')
        .map(interfaceProblem)
        .find((problem) => problem !== undefined),
    direction: options('in', 'out', 'any'),
    ipprotocol: options('inet', 'inet6', 'inet46'),
    protocol,
    icmptype: text,
    icmp6type: text,
    source_net: text,
    source_not: boolean,
    source_port: text,
    destination_net: text,
    destination_not: boolean,
    destination_port: text,
    'divert-to': text,
    gateway: text,
    replyto: text,
    disablereplyto: boolean,
    log: boolean,
    allowopts: boolean,
    nosync: boolean,
    nopfsync: boolean,
    statetimeout: integer(1, 2147483647),
    'udp-first': integer(1, 2147483647),
    'udp-multiple': integer(1, 2147483647),
    'udp-single': integer(1, 2147483647),
    'max-src-nodes': integer(1, 2147483647),
    'max-src-states': integer(1, 2147483647),
    'max-src-conn': integer(1, 2147483647),
    max: integer(1, 2147483647),
    'max-src-conn-rate': integer(1, 4294967),
    'max-src-conn-rates': integer(1, 2147483647),
    'max-pkt-rate-number': integer(1, 4294967),
    'max-pkt-rate-seconds': integer(1, 2147483647),
    overload: text,
    adaptivestart: integer(0, 2147483647),
    adaptiveend: integer(0, 2147483647),
    prio: options('', '0', '1', '2', '3', '4', '5', '6', '7'),
    'set-prio': options('', '0', '1', '2', '3', '4', '5', '6', '7'),
    'set-prio-low': options('', '0', '1', '2', '3', '4', '5', '6', '7'),
    tag: (value) =>
      /^[0-9a-zA-Z.,_-]{0,512}$/.test(value) ? undefined : 'invalid tag (StrictTextField mask)',
    tagged: (value) =>
      /^[0-9a-zA-Z.,_-]{0,512}$/.test(value) ? undefined : 'invalid tag (StrictTextField mask)',
    tcpflags1: text,
    tcpflags2: text,
    tcpflags_any: boolean,
    categories: text,
    sched: text,
    tos: text,
    shaper1: text,
    shaper2: text,
    description,
  };
}

/** Alias.xml `OptionValues` of aliases/alias/type. */
const ALIAS_TYPES = [
  'host',
  'network',
  'port',
  'url',
  'urltable',
  'urljson',
  'geoip',
  'networkgroup',
  'mac',
  'asn',
  'dynipv6host',
  'authgroup',
  'internal',
  'external',
];
/** AliasNameField: pf keywords the name may not take (its `$reservedwords`, after pfctl's parse.y). */
const RESERVED_ALIAS_NAMES = new Set([
  'all',
  'allow-opts',
  'altq',
  'anchor',
  'antispoof',
  'any',
  'bandwidth',
  'binat',
  'binat-anchor',
  'bitmask',
  'block',
  'block-policy',
  'buckets',
  'cbq',
  'code',
  'codelq',
  'crop',
  'debug',
  'divert-reply',
  'divert-to',
  'drop',
  'drop-ovl',
  'dup-to',
  'fail-policy',
  'fairq',
  'fastroute',
  'file',
  'fingerprints',
  'flags',
  'floating',
  'flush',
  'for',
  'fragment',
  'from',
  'global',
  'group',
  'hfsc',
  'hogs',
  'hostid',
  'icmp-type',
  'icmp6-type',
  'if-bound',
  'in',
  'include',
  'inet',
  'inet6',
  'interval',
  'keep',
  'label',
  'limit',
  'linkshare',
  'load',
  'log',
  'loginterface',
  'max',
  'max-mss',
  'max-src-conn',
  'max-src-conn-rate',
  'max-src-nodes',
  'max-src-states',
  'min-ttl',
  'modulate',
  'nat',
  'nat-anchor',
  'no',
  'no-df',
  'no-route',
  'no-sync',
  'on',
  'optimization',
  'os',
  'out',
  'overload',
  'pass',
  'port',
  'prio',
  'priority',
  'priq',
  'probability',
  'proto',
  'qlimit',
  'queue',
  'quick',
  'random',
  'random-id',
  'rdr',
  'rdr-anchor',
  'realtime',
  'reassemble',
  'reply-to',
  'require-order',
  'return',
  'return-icmp',
  'return-icmp6',
  'return-rst',
  'round-robin',
  'route',
  'route-to',
  'rtable',
  'rule',
  'ruleset-optimization',
  'scrub',
  'set',
  'set-tos',
  'skip',
  'sloppy',
  'source-hash',
  'source-track',
  'state',
  'state-defaults',
  'state-policy',
  'static-port',
  'sticky-address',
  'synproxy',
  'table',
  'tag',
  'tagged',
  'target',
  'tbrsize',
  'timeout',
  'to',
  'tos',
  'ttl',
  'upperlimit',
  'urpf-failed',
  'user',
]);
/** AliasNameField: a letter or one "_" first, under 32 characters of letters, digits and "_". */
const ALIAS_NAME = /^([a-zA-Z]|(([_a-zA-Z][a-zA-Z0-9]|[a-zA-Z][_a-zA-Z0-9])[_a-zA-Z0-9]{0,29}))$/;

function aliasFields(): Record<string, FieldCheck> {
  return {
    enabled: boolean,
    name: (value) => {
      if (!ALIAS_NAME.test(value)) {
        return `alias name "${value}" must start with a letter or single "_", be under 32 characters of letters, digits and "_" (AliasNameField)`;
      }
      if (RESERVED_ALIAS_NAMES.has(value) || PROTOCOLS.has(value.toUpperCase())) {
        return `alias name "${value}" is a reserved keyword or protocol name (AliasNameField)`;
      }
      return undefined;
    },
    type: options(...ALIAS_TYPES),
    path_expression: text,
    proto: (value) =>
      value.split(',').every((item) => ['IPv4', 'IPv6'].includes(item))
        ? undefined
        : 'must be IPv4, IPv6 or both',
    interface: (value) => interfaceProblem(value),
    counters: boolean,
    updatefreq: (value) => (/^\d*(\.\d+)?$/.test(value) ? undefined : 'must be numeric (NumericField)'),
    content: () => undefined,
    password: text,
    username: text,
    authtype: options('', 'Basic', 'Bearer', 'Header'),
    expire: integer(60, 999999999),
    categories: text,
    description,
  };
}

/** AliasContentField `validateHost()`: each line an address, "a-b" range, "!address", alias or domain name. */
function hostEntryProblem(entry: string, aliases: Map<string, string>): string | undefined {
  const bare = entry.startsWith('!') ? entry.slice(1) : entry;
  if (addressFamily(bare) !== undefined && !bare.includes('/')) return undefined;
  if (!entry.startsWith('!') && (isHostName(entry) || aliases.has(entry))) return undefined;
  const range = entry.split('-');
  if (range.length === 2 && range.every((part) => addressFamily(part) !== undefined && !part.includes('/'))) {
    return undefined;
  }
  return `"${entry}" is not a host address, range, alias or domain name (AliasContentField validateHost)`;
}

/** Reads one shell word made of single-quoted parts and \' escapes, as shellQuote writes it. */
function readSingleQuotedWord(source: string): { value: string; rest: string } | undefined {
  let value = '';
  let i = 0;
  if (!source.startsWith("'") && !source.startsWith("\\'")) return undefined;
  while (i < source.length && source[i] !== ' ' && source[i] !== '\t') {
    if (source[i] === "'") {
      const end = source.indexOf("'", i + 1);
      if (end === -1) return undefined;
      value += source.slice(i + 1, end);
      i = end + 1;
    } else if (source.startsWith("\\'", i)) {
      value += "'";
      i += 2;
    } else {
      return undefined;
    }
  }
  return { value, rest: source.slice(i) };
}

/** JSON object values of a body, which the API expects as strings. */
function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const API_CALL = /^api\s+(\S+)(?:\s+(.*))?$/;
const FUNCTION_START = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(\)\s*\{?/;

/** The commands before the first API call (comments left out): the setup the wrapper test runs. */
function preambleOf(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => API_CALL.test(line.trim()));
  return lines
    .slice(0, first === -1 ? lines.length : first)
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
}

let stubDirectory: string | undefined;
/** A fake `curl` that answers with $STUB_STATUS and $STUB_BODY, honouring -f, -o, -w and -D like curl. */
const CURL_STUB = `#!/bin/sh
fail=0; out=; fmt=; hdr=
while [ $# -gt 0 ]; do
  a=$1; shift
  case $a in
    --fail|--fail-with-body) fail=1 ;;
    -o|--output) out=$1; shift ;;
    -w|--write-out) fmt=$1; shift ;;
    -D|--dump-header) hdr=$1; shift ;;
    -u|--user|-H|--header|-d|--data|--data-raw|--data-binary|-X|--request|-m|--max-time|--connect-timeout|--cacert|-K|--config|-A|--user-agent) shift ;;
    --*) ;;
    -?*)
      case $a in *f*) fail=1 ;; esac
      case $a in
        *o) out=$1; shift ;;
        *w) fmt=$1; shift ;;
        *D) hdr=$1; shift ;;
        *[uHdXmKA]) shift ;;
      esac ;;
  esac
done
if [ "$hdr" = - ]; then printf 'HTTP/1.1 %s\\r\\n\\r\\n' "$STUB_STATUS"; elif [ -n "$hdr" ]; then printf 'HTTP/1.1 %s\\r\\n\\r\\n' "$STUB_STATUS" > "$hdr"; fi
if [ "$fail" = 1 ] && [ "$STUB_STATUS" -ge 400 ]; then
  echo "curl: (22) The requested URL returned error: $STUB_STATUS" >&2
  exit 22
fi
if [ -n "$out" ] && [ "$out" != - ]; then printf '%s' "$STUB_BODY" > "$out"; else printf '%s' "$STUB_BODY"; fi
if [ -n "$fmt" ]; then printf '%b' "$(printf '%s' "$fmt" | sed "s/%{http_code}/$STUB_STATUS/g; s/%{response_code}/$STUB_STATUS/g")"; fi
exit 0
`;

function curlStub(): string {
  if (stubDirectory !== undefined) return stubDirectory;
  stubDirectory = mkdtempSync(join(tmpdir(), 'opnsense-api-'));
  const stub = join(stubDirectory, 'curl');
  writeFileSync(stub, CURL_STUB);
  chmodSync(stub, 0o755);
  return stubDirectory;
}

/** Answers the API gives, and whether the wrapper must stop the script on them. */
const ANSWERS: { status: number; body: string; failure: boolean; what: string }[] = [
  {
    status: 200,
    body: '{"result":"saved","uuid":"0f2c6a4e-1b7d-4c51-9a43-6c1e2f3a4b5c"}',
    failure: false,
    what: 'a saved item',
  },
  { status: 200, body: '{"status":"ok"}', failure: false, what: 'a successful reconfigure' },
  { status: 200, body: '{"status":"OK\\n\\n"}', failure: false, what: 'a successful apply' },
  {
    status: 200,
    body: '{"result":"failed","validations":{"rule.protocol":"Option not in list."}}',
    failure: true,
    what: 'HTTP 200 with "result":"failed" and validation errors (ApiMutableModelControllerBase)',
  },
  {
    status: 200,
    body: '{"status":"failed"}',
    failure: true,
    what: 'HTTP 200 with "status":"failed" (AliasController reconfigureAction)',
  },
  { status: 500, body: '{"errorMessage":"Internal Error"}', failure: true, what: 'HTTP 500' },
];

const wrapperVerdicts = new Map<string, string[]>();
/**
 * Runs the script's setup with a fake curl and calls `api` once per answer: it
 * must return success for a saved item and stop (non-zero) on every failure,
 * whatever way the wrapper is written.
 */
function checkWrapperBehaviour(preamble: string): string[] {
  const cached = wrapperVerdicts.get(preamble);
  if (cached !== undefined) return cached;
  const problems: string[] = [];
  const directory = curlStub();
  for (const answer of ANSWERS) {
    const result = spawnSync('sh', ['-c', `${preamble}\napi filter/addRule '{"rule":{}}'`], {
      encoding: 'utf8',
      timeout: 10_000,
      env: {
        PATH: `${directory}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        OPN: 'https://firewall.invalid',
        KEY: 'key',
        SECRET: 'secret',
        STUB_STATUS: String(answer.status),
        STUB_BODY: answer.body,
      },
    });
    const stopped = result.status !== 0;
    if (answer.failure && !stopped) {
      problems.push(
        `the api function lets the script go on after ${answer.what}: curl -f and set -e do not see it, so the item goes silently missing; the wrapper must read the answer and exit non-zero`,
      );
    } else if (!answer.failure && stopped) {
      problems.push(
        `the api function stops the script on ${answer.what} (exit ${result.status}): ${(result.stderr || result.stdout).trim().slice(0, 200)}`,
      );
    }
  }
  wrapperVerdicts.set(preamble, problems);
  return problems;
}

function shellAvailable(): boolean {
  return spawnSync('sh', ['-c', 'exit 0']).status === 0;
}

function checkOpnsense(text: string): string[] {
  const lines = new SnippetLines(text);
  const problems: string[] = [];
  const fail = (line: number, problem: string): void => {
    problems.push(lines.message(line, problem));
  };
  const aliases = new Map<string, string>();
  const calls: { line: number; endpoint: string }[] = [];
  let functionDepth = 0;
  let apiDefined = false;
  let needs251: { line: number; why: string } | undefined;
  const comments: string[] = [];
  const rule = ruleFields();
  const alias = aliasFields();

  for (const [number, raw] of lines.entries()) {
    const line = raw.trim();
    if (number === 1) {
      if (!/^#!\/bin\/(sh|bash)$|^#!\/usr\/bin\/env (sh|bash)$/.test(line))
        fail(1, 'the script must start with #!/bin/sh');
      continue;
    }
    if (line === '') continue;
    if (line.startsWith('#')) {
      comments.push(line);
      continue;
    }
    // The api wrapper and any helper function: their bodies are shell, left to shellcheck.
    if (functionDepth > 0 || FUNCTION_START.test(line)) {
      const name = FUNCTION_START.exec(line)?.[1];
      if (functionDepth === 0 && name === 'api') {
        apiDefined = true;
        if (calls.length > 0) fail(number, 'the api function must be defined before the first call');
      }
      functionDepth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (functionDepth < 0) functionDepth = 0;
      continue;
    }
    const call = API_CALL.exec(line);
    if (!call) {
      // Before the first call: "set -eu" and parameter checks such as : "${OPN:?...}".
      if (
        calls.length === 0 &&
        (/^set\s+-[a-z]+$/.test(line) || /^:(\s+"\$\{[A-Za-z_]+:\?[^"}]*\}")+$/.test(line))
      )
        continue;
      fail(number, 'unexpected command: after the setup the script holds only api calls and comments');
      continue;
    }
    const endpoint = call[1]!;
    calls.push({ line: number, endpoint });
    const kind = ENDPOINTS[endpoint];
    if (kind === undefined) {
      fail(
        number,
        `unknown endpoint "${endpoint}": the script uses ${Object.keys(ENDPOINTS).join(', ')} under /api/firewall/`,
      );
      continue;
    }
    const word = readSingleQuotedWord((call[2] ?? '').trim());
    if (word?.rest.trim() !== '') {
      fail(number, 'the JSON body must be one single-quoted shell word');
      continue;
    }
    let body: unknown;
    try {
      body = JSON.parse(word.value);
    } catch (error) {
      fail(number, `the body is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const object = objectOf(body);
    if (object === undefined) {
      fail(number, 'the body must be a JSON object');
      continue;
    }
    if (kind === 'empty') {
      if (Object.keys(object).length > 0) fail(number, `${endpoint} takes an empty body {}`);
      continue;
    }
    const keys = Object.keys(object);
    const item = objectOf(object[kind]);
    if (keys.length !== 1 || item === undefined) {
      fail(number, `the body must be {"${kind}":{...}}, as the model's mount point names it`);
      continue;
    }
    const fields = kind === 'rule' ? rule : alias;
    const values = new Map<string, string>();
    for (const [field, value] of Object.entries(item)) {
      const checkField = fields[field];
      if (checkField === undefined) {
        fail(
          number,
          `"${field}" is not a field of ${kind === 'rule' ? 'Filter.xml rules/rule' : 'Alias.xml aliases/alias'}; OPNsense ignores it silently`,
        );
        continue;
      }
      if (typeof value !== 'string') {
        fail(number, `"${field}" must be a JSON string, as the API stores every field as text`);
        continue;
      }
      values.set(field, value);
      const problem = checkField(value);
      if (problem !== undefined) fail(number, `"${field}": ${problem}`);
    }
    if (kind === 'alias') {
      const name = values.get('name');
      const type = values.get('type');
      if (name === undefined || type === undefined) {
        fail(number, 'an alias needs "name" and "type" (Alias.xml Required)');
        continue;
      }
      if (aliases.has(name))
        fail(number, `alias "${name}" is added twice ("An alias with this name already exists.")`);
      if (type === 'host') {
        for (const entry of (values.get('content') ?? '').split('\n')) {
          const problem = hostEntryProblem(entry, aliases);
          if (problem !== undefined) fail(number, problem);
        }
      }
      aliases.set(name, type);
      continue;
    }

    // Filter.xml: interface has no default for this purpose, and ipprotocol defaults to inet.
    const ipprotocol = values.get('ipprotocol') ?? 'inet';
    const proto = (values.get('protocol') ?? 'any').toUpperCase();
    if (!values.has('interface')) fail(number, 'the rule names no "interface"');
    if (ipprotocol === 'inet46') needs251 ??= { line: number, why: 'ipprotocol "inet46"' };
    if (proto === 'TCP/UDP') needs251 ??= { line: number, why: 'protocol "TCP/UDP"' };
    for (const side of ['source', 'destination'] as const) {
      const net = values.get(`${side}_net`) ?? 'any';
      const items = net.split(',');
      for (const entry of items) {
        const family = addressFamily(entry);
        if (family !== undefined) {
          // NetworkAliasField getValidators(): an address is accepted only as the field's whole value.
          if (items.length > 1) {
            fail(
              number,
              `"${side}_net" lists the address "${entry}" among several values: OPNsense accepts a literal address only as the single value ("${entry} is not a valid source IP address or alias", NetworkAliasField); put the addresses into a network alias`,
            );
          } else if (ipprotocol !== (family === 4 ? 'inet' : 'inet6')) {
            // Filter.php performValidation(): "Source/Destination address type should match selected TCP/IP protocol version."
            fail(
              number,
              `"${side}_net" "${entry}" is an IPv${family} address but ipprotocol is "${ipprotocol}": "${side === 'source' ? 'Source' : 'Destination'} address type should match selected TCP/IP protocol version." (Filter.php)`,
            );
          }
        } else if (entry === 'any') {
          if (items.length > 1)
            fail(number, `"${side}_net": "Any can not be combined with other aliases" (Filter.php)`);
        } else if (!/^(\(self\)|(wan|lan|opt\d+)(ip)?)$/.test(entry)) {
          if (aliases.has(entry) && aliases.get(entry) === 'port') {
            fail(
              number,
              `"${side}_net" names the port alias "${entry}" (NetworkAliasField lists no port aliases)`,
            );
          } else if (!aliases.has(entry)) {
            fail(
              number,
              `"${side}_net" names "${entry}", which is neither an address, "any", an interface net nor an alias added earlier in the script (NetworkAliasField)`,
            );
          }
        }
      }
      if (items.length > 1) needs251 ??= { line: number, why: `several values in "${side}_net"` };
      const port = values.get(`${side}_port`);
      if (port !== undefined && port !== '') {
        const problem = portProblem(port, aliases);
        if (problem !== undefined) fail(number, `"${side}_port": ${problem}`);
        // Filter.php performValidation(): "Destination ports are only valid for tcp or udp type rules."
        else if (!['TCP', 'UDP', 'TCP/UDP'].includes(proto) && PROTOCOLS.has(proto)) {
          fail(number, `"${side}_port" needs protocol TCP, UDP or TCP/UDP (Filter.php)`);
        }
      }
    }
  }

  // Order: aliases before the rules that name them and reconfigured; every rule followed by filter/apply.
  const lastAlias = calls.findLastIndex((call) => call.endpoint === 'alias/addItem');
  const lastRule = calls.findLastIndex((call) => call.endpoint === 'filter/addRule');
  if (lastAlias !== -1 && !calls.slice(lastAlias).some((call) => call.endpoint === 'alias/reconfigure')) {
    fail(
      calls[lastAlias]!.line,
      'the aliases are never loaded: call "api alias/reconfigure \'{}\'" after the last alias',
    );
  }
  if (lastRule !== -1 && !calls.slice(lastRule).some((call) => call.endpoint === 'filter/apply')) {
    fail(
      calls[lastRule]!.line,
      'the rules are never applied: call "api filter/apply \'{}\'" after the last rule',
    );
  }
  if (lastRule === -1) problems.push('the script adds no rule (api filter/addRule)');
  if (!apiDefined) problems.push('the script defines no api function');
  else if (shellAvailable()) problems.push(...checkWrapperBehaviour(preambleOf(text)));
  else if (!/"?(result|status)"?.*failed|validations/.test(preambleOf(text))) {
    problems.push('the api function does not look at the answer for "result":"failed" or "status":"failed"');
  }
  if (needs251 !== undefined && !comments.some((comment) => /\b25\.1\b/.test(comment))) {
    fail(
      needs251.line,
      `${needs251.why} needs OPNsense 25.1 or later (Filter.xml, core commits 1293c51187/0a408b3d57/bcb5bae3e6); a comment must say so`,
    );
  }
  return problems;
}

/** The wrapper today's generator wrote: curl -f and set -e only, which miss HTTP 200 failures. */
const UNCHECKED_WRAPPER =
  'api() { curl -fsS -u "$KEY:$SECRET" -H \'Content-Type: application/json\' -d "$2" "$OPN/api/firewall/$1"; }';

/** Replaces the script's api function (one line or several) with `replacement`. */
function replaceApiFunction(text: string, replacement: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^api\s*\(\)/.test(line.trim()));
  if (start === -1) return text;
  let depth = 0;
  let end = start;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    end = index;
    if (depth <= 0) break;
  }
  lines.splice(start, end - start + 1, replacement);
  return lines.join('\n');
}

export const check: SnippetCheck = {
  name: 'OPNsense API grammar',
  platforms: ['opnsense'],
  kind: 'grammar',
  source:
    'OPNsense core models/OPNsense/Firewall/Filter.xml, Filter.php performValidation(), Alias.xml, FieldTypes/AliasNameField.php, AliasContentField.php, GroupNameField.php; Base/FieldTypes ProtocolField, PortField, NetworkAliasField, BaseListField, BooleanField, DescriptionField; ApiMutableModelControllerBase, AliasController reconfigureAction(), www/api.php; the api wrapper is run with a fake curl under sh',
  notChecked:
    'whether the interfaces, groups and alias names exist or clash on the target firewall, the full /etc/protocols and /etc/services lists, the API key rights, and shell syntax (shellcheck)',
  unavailable: () => undefined,
  check: checkOpnsense,
  planted: [
    {
      name: 'protocol "UDP/TCP" (the option is "TCP/UDP")',
      platform: 'opnsense',
      deployment: 'cloud',
      plant: (text) => text.replace(/"protocol":"(TCP|UDP)"/, '"protocol":"UDP/TCP"'),
    },
    {
      name: 'api wrapper that does not check the answer for "result":"failed"',
      platform: 'opnsense',
      deployment: 'cloud',
      plant: (text) => replaceApiFunction(text, UNCHECKED_WRAPPER),
    },
    {
      name: 'port range written with ":"',
      platform: 'opnsense',
      deployment: 'cloud',
      plant: (text) => text.replace(/"destination_port":"(\d+)-(\d+)"/, '"destination_port":"$1:$2"'),
    },
    {
      name: 'field that is not in the model',
      platform: 'opnsense',
      deployment: 'onsite',
      plant: (text) => text.replace('"destination_port":', '"dst_port":'),
    },
  ],
};
