/**
 * Grammar of the Palo Alto PAN-OS snippets (`set` commands in configuration
 * mode), written from Palo Alto Networks' own definitions: the configuration
 * specs of PaloAltoNetworks/pan-os-codegen (`specs/objects/address.yaml`,
 * `service.yaml`, `address-group.yaml`, `service-group.yaml`,
 * `specs/policies/security-policy-rule.yaml`: paths, enumerations, lengths),
 * the PAN-OS CLI Quick Start (one `set` line may give several keyword-value
 * pairs of one object; lists are written `[ a b ]`; values with blanks are
 * quoted), and the object pages of the PAN-OS documentation for name rules
 * ("Addresses Fields", "Create a Custom Service", "Components of a Security
 * Policy Rule").
 */
import {
  isHostname,
  isIPv4,
  isIPv6,
  isPrefix,
  problemAt,
  snippetLines,
  type SnippetLine,
} from './grammar-helpers';
import type { SnippetCheck } from './types';
import { familyOf, NameTable, portRangeProblem, splitWords, type Word } from './vendor-cli';

type Validate = (value: string) => string | undefined;

/**
 * "Addresses Fields" and "Create a Custom Service": a name of up to 63
 * characters, "only letters, numbers, spaces, hyphens, and underscores"; the
 * same holds for security rule names ("Components of a Security Policy Rule":
 * a label of up to 63 characters).
 */
function objectName(what: string): Validate {
  return (value) => {
    if (value.length < 1 || value.length > 63)
      return `the ${what} name "${value}" is ${value.length} characters long; PAN-OS allows 1 to 63`;
    if (!/^[A-Za-z0-9 _-]+$/.test(value))
      return `the ${what} name "${value}" may hold only letters, digits, blanks, "-" and "_"`;
    return undefined;
  };
}
const addressName = objectName('address');
const serviceName = objectName('service');
const groupName = objectName('group');
const ruleName = objectName('security rule');

/** PAN-OS Web Interface Help, Network > Zones: a zone name of up to 31 letters, digits, blanks, hyphens, periods and underscores. */
const zoneName: Validate = (value) =>
  value === 'any' || /^[A-Za-z0-9 ._-]{1,31}$/.test(value)
    ? undefined
    : `"${value}" is not a zone name (up to 31 letters, digits, blanks, ".", "-", "_")`;

/** pan-os-codegen: `description` of address and service objects has length max 1023; of security rules, max 1024. */
function descriptionOf(max: number): Validate {
  return (value) =>
    value.length <= max
      ? undefined
      : `the description is ${value.length} characters long; PAN-OS allows ${max}`;
}

/** address.yaml variant fqdn: length 1-255; it is resolved by DNS, so a host name (RFC 1123 section 2.1). */
const fqdn: Validate = (value) =>
  value.length <= 255 && isHostname(value) ? undefined : `"${value}" is not a fully qualified domain name`;

/** "Addresses Fields", IP Netmask: an IPv4 or IPv6 address, with or without "/prefix-length". */
const ipNetmask: Validate = (value) =>
  isPrefix(value, 4) || isPrefix(value, 6) || isIPv4(value) || isIPv6(value)
    ? undefined
    : `"${value}" is not an IPv4 or IPv6 address or prefix`;

/** "Addresses Fields", IP Range: two addresses of one family joined by a hyphen. */
const ipRange: Validate = (value) => {
  const [low = '', high = '', ...rest] = value.split('-');
  const family = familyOf(low);
  return rest.length === 0 &&
    family !== undefined &&
    !low.includes('/') &&
    familyOf(high) === family &&
    !high.includes('/')
    ? undefined
    : `"${value}" is not an address range A-B of one family`;
};

/**
 * "Create a Custom Service": "the destination port number (0 to 65535) or
 * range of port numbers (port1-port2) ... Multiple ports or ranges must be
 * separated by commas"; service.yaml: port length max 1023.
 */
const portList: Validate = (value) => {
  if (value.length > 1023) return `the port list is ${value.length} characters long; at most 1023`;
  const problems = value.split(',').map((item) => {
    const [from = '', to, ...rest] = item.split('-');
    return rest.length > 0 ? `"${item}" is not a port or range port1-port2` : portRangeProblem(from, to);
  });
  const found = problems.filter((problem): problem is string => problem !== undefined);
  return found.length > 0 ? found.join('; ') : undefined;
};

/** service.yaml, protocol tcp|udp override yes: timeout and halfclose-timeout 1-604800, timewait-timeout 1-600 seconds. */
function seconds(max: number): Validate {
  return (value) =>
    /^[1-9][0-9]*$/.test(value) && Number(value) <= max ? undefined : `"${value}" is not 1-${max} seconds`;
}

const yesNo: Validate = (value) =>
  value === 'yes' || value === 'no' ? undefined : `"${value}" is neither yes nor no`;
/** security-policy-rule.yaml, action: deny, allow, drop, reset-client, reset-server, reset-both. */
const ACTIONS = new Set(['deny', 'allow', 'drop', 'reset-client', 'reset-server', 'reset-both']);
const action: Validate = (value) =>
  ACTIONS.has(value) ? undefined : `"${value}" is not a rule action (${[...ACTIONS].join(', ')})`;
/** security-policy-rule.yaml, rule-type: universal, intrazone, interzone. */
const ruleType: Validate = (value) =>
  ['universal', 'intrazone', 'interzone'].includes(value)
    ? undefined
    : `"${value}" is not a rule type (universal, intrazone, interzone)`;
const word: Validate = (value) => (/^\S+$/.test(value) ? undefined : `"${value}" must be one word`);
const anyName: Validate = (value) =>
  value.length >= 1 && value.length <= 63 ? undefined : `"${value}" is not a name of 1-63 characters`;

/** A keyword that takes one value, or a list of values (`[ a b ]` or one value). */
interface Field {
  list: boolean;
  value: Validate;
}
const one = (value: Validate): Field => ({ list: false, value });
const many = (value: Validate): Field => ({ list: true, value });

/** address.yaml: the fields of an address object; fqdn, ip-netmask, ip-range and ip-wildcard are one choice (variant_group_id 0). */
const ADDRESS_FIELDS: Record<string, Field> = {
  fqdn: one(fqdn),
  'ip-netmask': one(ipNetmask),
  'ip-range': one(ipRange),
  description: one(descriptionOf(1023)),
  tag: many(anyName),
  'disable-override': one(yesNo),
};
const ADDRESS_TYPES = ['fqdn', 'ip-netmask', 'ip-range'];

/** service.yaml, protocol tcp|udp: port, source-port, override. */
const SERVICE_PROTOCOL_FIELDS: Record<string, Field> = { port: one(portList), 'source-port': one(portList) };
const OVERRIDE_FIELDS: Record<string, Field> = {
  timeout: one(seconds(604800)),
  'halfclose-timeout': one(seconds(604800)),
  'timewait-timeout': one(seconds(600)),
};

/** security-policy-rule.yaml: the fields of a security rule this check models. */
const RULE_FIELDS: Record<string, Field> = {
  from: many(zoneName),
  to: many(zoneName),
  source: many(anyName),
  destination: many(anyName),
  'source-user': many(anyName),
  category: many(anyName),
  application: many(anyName),
  service: many(anyName),
  action: one(action),
  description: one(descriptionOf(1024)),
  'log-start': one(yesNo),
  'log-end': one(yesNo),
  'log-setting': one(word),
  disabled: one(yesNo),
  'negate-source': one(yesNo),
  'negate-destination': one(yesNo),
  'icmp-unreachable': one(yesNo),
  'rule-type': one(ruleType),
  schedule: one(word),
  tag: many(anyName),
};
/**
 * "Components of a Security Policy Rule" lists name, zones, application and
 * action as required; PAN-OS also refuses at commit a rule that lacks source,
 * destination or service members.
 */
const RULE_REQUIRED = ['from', 'to', 'source', 'destination', 'application', 'service', 'action'];

/** Values of a field: one word, or the words between "[" and "]". Returns the values and the index after them. */
function readValues(
  words: readonly Word[],
  at: number,
  field: Field,
): { values: string[]; next: number; problem?: string } {
  const first = words[at];
  if (first === undefined) return { values: [], next: at, problem: 'a value is missing' };
  if (first.text === '[' && !first.quoted) {
    if (!field.list) return { values: [], next: at, problem: 'this field takes one value, not a list' };
    const close = words.findIndex((item, index) => index > at && item.text === ']' && !item.quoted);
    if (close === -1) return { values: [], next: words.length, problem: 'a list "[ ... ]" is not closed' };
    if (close === at + 1) return { values: [], next: close + 1, problem: 'the list "[ ]" is empty' };
    return { values: words.slice(at + 1, close).map((item) => item.text), next: close + 1 };
  }
  if (!first.quoted && (first.text === ']' || first.text === ''))
    return { values: [], next: at + 1, problem: `"${first.text}" is not a value` };
  return { values: [first.text], next: at + 1 };
}

/** Reads keyword-value pairs from `at` to the end of the line. */
function readFields(
  words: readonly Word[],
  at: number,
  fields: Record<string, Field>,
  where: string,
): { values: Map<string, string[]>; problems: string[] } {
  const values = new Map<string, string[]>();
  const problems: string[] = [];
  let index = at;
  while (index < words.length) {
    const keyword = words[index]!;
    const field = keyword.quoted ? undefined : fields[keyword.text];
    if (!field) {
      problems.push(
        `"${keyword.text}" is not a field of ${where} (expected ${Object.keys(fields).join(', ')})`,
      );
      break;
    }
    const read = readValues(words, index + 1, field);
    if (read.problem) {
      problems.push(`${keyword.text}: ${read.problem}`);
      break;
    }
    for (const value of read.values) {
      const problem = field.value(value);
      if (problem) problems.push(`${keyword.text}: ${problem}`);
    }
    values.set(keyword.text, [...(values.get(keyword.text) ?? []), ...read.values]);
    index = read.next;
  }
  return { values, problems };
}

/** One security rule, gathered over its `set` lines. */
interface Rule {
  name: string;
  line: SnippetLine;
  fields: Map<string, string[]>;
}

/** Services every PAN-OS firewall has without a definition. */
const BUILT_IN_SERVICES = new Set(['any', 'application-default', 'service-http', 'service-https']);

export function checkPanos(text: string): string[] {
  const problems: string[] = [];
  const names = new NameTable();
  const addressTypes = new Map<string, { type: string; line: SnippetLine }>();
  const serviceProtocols = new Map<string, { protocol: string; line: SnippetLine }>();
  /** What each address and service object stands for, to compare rules by what they match rather than by names. */
  const meaning = new Map<string, string>();
  const rules = new Map<string, Rule>();
  for (const line of snippetLines(text)) {
    const raw = line.text;
    if (raw.trim() === '') continue;
    // A line starting with "#" is a comment; it ends at the line break.
    if (/^\s*#/.test(raw)) continue;
    const report = (messages: readonly (string | undefined)[]) => {
      for (const message of messages) if (message) problems.push(problemAt(line, message));
    };
    const { words, problem: split } = splitWords(raw);
    if (split) {
      report([split]);
      continue;
    }
    const texts = words.map((item) => item.text);
    if (texts[0] !== 'set') {
      report([`expected a "set" command, found "${texts[0] ?? ''}"`]);
      continue;
    }
    const [, kind, name] = texts;
    if (kind === 'address') {
      const problem = name === undefined ? 'the address name is missing' : addressName(name);
      if (problem) {
        report([problem]);
        continue;
      }
      report([names.define('address', name!, line)]);
      const read = readFields(words, 3, ADDRESS_FIELDS, `address "${name!}"`);
      report(read.problems);
      for (const type of ADDRESS_TYPES.filter((item) => read.values.has(item))) {
        meaning.set(`address ${name!}`, `${type} ${read.values.get(type)!.join()}`);
        const earlier = addressTypes.get(name!);
        if (earlier && earlier.type !== type)
          report([
            `address "${name!}" is already of type ${earlier.type} (line ${earlier.line.number}); an address has one type`,
          ]);
        else addressTypes.set(name!, { type, line });
      }
    } else if (kind === 'address-group' || kind === 'service-group') {
      const problem = name === undefined ? 'the group name is missing' : groupName(name);
      if (problem) {
        report([problem]);
        continue;
      }
      report([names.define(kind, name!, line)]);
      const members = kind === 'address-group' ? 'static' : 'members';
      const read = readFields(
        words,
        3,
        { [members]: many(anyName), description: one(descriptionOf(1023)), tag: many(anyName) },
        `${kind} "${name!}"`,
      );
      report(read.problems);
      for (const member of read.values.get(members) ?? [])
        names.refer(
          kind === 'address-group' ? ['address', 'address-group'] : ['service', 'service-group'],
          member,
          line,
        );
    } else if (kind === 'service') {
      const problem = name === undefined ? 'the service name is missing' : serviceName(name);
      if (problem) {
        report([problem]);
        continue;
      }
      report([names.define('service', name!, line)]);
      if (texts[3] === 'protocol') {
        const protocol = texts[4];
        if (protocol !== 'tcp' && protocol !== 'udp') {
          report([`"${protocol ?? ''}" is not a service protocol (tcp, udp)`]);
          continue;
        }
        const earlier = serviceProtocols.get(name!);
        if (earlier && earlier.protocol !== protocol)
          report([
            `service "${name!}" is already ${earlier.protocol} (line ${earlier.line.number}); a service has one protocol`,
          ]);
        else serviceProtocols.set(name!, { protocol, line });
        const overrideAt = texts.indexOf('override', 5);
        const read = readFields(
          words.slice(0, overrideAt === -1 ? words.length : overrideAt),
          5,
          SERVICE_PROTOCOL_FIELDS,
          `protocol ${protocol}`,
        );
        report(read.problems);
        const ports = (read.values.get('port') ?? []).flatMap((list) => list.split(',')).sort();
        meaning.set(
          `service ${name!}`,
          `${protocol} ${ports.join(',')} from ${read.values.get('source-port')?.join() ?? 'any'}`,
        );
        if (overrideAt !== -1) {
          const choice = texts[overrideAt + 1];
          if (choice === 'no' && overrideAt + 2 === texts.length) continue;
          if (choice !== 'yes') {
            report(['"override" takes "no", or "yes" followed by timeouts']);
            continue;
          }
          const fields = protocol === 'udp' ? { timeout: OVERRIDE_FIELDS.timeout! } : OVERRIDE_FIELDS;
          report(readFields(words, overrideAt + 2, fields, 'override yes').problems);
        }
      } else {
        report(
          readFields(
            words,
            3,
            { description: one(descriptionOf(1023)), tag: many(anyName) },
            `service "${name!}"`,
          ).problems,
        );
      }
    } else if (kind === 'rulebase' && texts[2] === 'security' && texts[3] === 'rules') {
      const rule = texts[4];
      const problem = rule === undefined ? 'the rule name is missing' : ruleName(rule);
      if (problem) {
        report([problem]);
        continue;
      }
      const read = readFields(words, 5, RULE_FIELDS, `security rule "${rule!}"`);
      report(read.problems);
      const entry = rules.get(rule!) ?? { name: rule!, line, fields: new Map<string, string[]>() };
      rules.set(rule!, entry);
      for (const [field, values] of read.values) {
        if (
          !RULE_FIELDS[field]!.list &&
          entry.fields.has(field) &&
          entry.fields.get(field)!.join() !== values.join()
        )
          report([
            `${field} is already ${entry.fields.get(field)!.join(' ')} for this rule; the second value replaces it`,
          ]);
        entry.fields.set(
          field,
          RULE_FIELDS[field]!.list ? [...new Set([...(entry.fields.get(field) ?? []), ...values])] : values,
        );
        for (const value of values) {
          if (
            (field === 'source' || field === 'destination') &&
            value !== 'any' &&
            familyOf(value) === undefined &&
            ipRange(value) !== undefined
          )
            names.refer(['address', 'address-group'], value, line);
          if (field === 'service' && !BUILT_IN_SERVICES.has(value))
            names.refer(['service', 'service-group'], value, line);
        }
      }
    } else {
      report([
        `"${texts.slice(0, 3).join(' ')}" is not a command this check knows (set address, address-group, service, service-group, rulebase security rules)`,
      ]);
    }
  }
  const seen = new Map<string, Rule>();
  for (const rule of rules.values()) {
    const missing = RULE_REQUIRED.filter((field) => !rule.fields.has(field));
    if (missing.length > 0)
      problems.push(problemAt(rule.line, `security rule "${rule.name}" has no ${missing.join(', ')}`));
    // A rule matching exactly what an earlier rule matches is never reached:
    // PAN-OS reports it as shadowed at commit ("Shadowed Rules"). Objects are
    // compared by what they hold, so two services of the same ports count as one.
    const meant = (field: string, value: string) =>
      meaning.get(`${field === 'service' ? 'service' : 'address'} ${value}`) ?? value;
    const key = ['from', 'to', 'source', 'destination', 'application', 'service']
      .map((field) =>
        [...new Set((rule.fields.get(field) ?? []).map((value) => meant(field, value)))].sort().join(' '),
      )
      .join(' | ');
    const earlier = seen.get(key);
    if (earlier)
      problems.push(
        problemAt(
          rule.line,
          `security rule "${rule.name}" matches exactly what rule "${earlier.name}" (line ${earlier.line.number}) matches, so it is shadowed and never used`,
        ),
      );
    else seen.set(key, rule);
  }
  problems.push(...names.unresolved());
  return problems;
}

export const check: SnippetCheck = {
  name: 'PAN-OS grammar',
  platforms: ['panos'],
  kind: 'grammar',
  source:
    'PaloAltoNetworks/pan-os-codegen configuration specs (objects/address, service, address-group, service-group; policies/security-policy-rule), the PAN-OS CLI Quick Start, and the PAN-OS documentation pages "Addresses Fields", "Create a Custom Service", "Components of a Security Policy Rule"',
  notChecked:
    'That the zones exist on the device; App-ID names other than "any"; whether a line starting with "#" is taken as a comment by every PAN-OS release (the CLI Quick Start does not say); the order of the new rules among the device\'s own, and rules shadowed by a broader earlier rule rather than an identical one.',
  unavailable: () => undefined,
  check: checkPanos,
  planted: [
    {
      name: 'two security rules matching the same traffic (a shadowed rule)',
      platform: 'panos',
      deployment: 'onsite',
      plant: (text) => {
        const rule = /^set rulebase security rules (\S+) (from .*)$/m.exec(text);
        return rule ? `${text}set rulebase security rules pascom-duplicate ${rule[2]!}\n` : text;
      },
    },
    {
      name: 'a rule name longer than 63 characters',
      platform: 'panos',
      deployment: 'cloud',
      plant: (text) => text.replace(/rules (pascom-1-\S+)/g, `rules $1-${'x'.repeat(60)}`),
    },
    {
      name: 'a rule naming a service the snippet does not define',
      platform: 'panos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( service )pascom-\S+( action)/, '$1pascom-undefined-service$2'),
    },
    {
      name: 'a port range written backwards (30000-35000 reversed)',
      platform: 'panos',
      deployment: 'cloud',
      plant: (text) => text.replace('port 30000-35000', 'port 35000-30000'),
    },
  ],
};
