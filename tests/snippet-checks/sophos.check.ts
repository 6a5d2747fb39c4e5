/**
 * Check of Sophos Firewall XML API requests: well-formed XML, the
 * `<Request>` / `<Login>` / `<Set>` frame, and for each entity the children,
 * enumerations, formats and length limits of Sophos' API reference. The
 * comment block on top must stay usable: the `curl` command an admin copies
 * from it may hold no XML entities (a comment does not expand them) and no
 * comment may hold "--".
 *
 * Sources: Sophos Firewall API help (docs.sophos.com/nsg/sophos-firewall/21.0/API),
 * entity pages "FQDNHost", "IPHost", "Services", "ServiceGroup" and
 * "FirewallRule" ("Attribute/Parameter Information"); XML 1.0 (W3C), section
 * 2.5 "Comments" and section 4.4.5 (entity references are not recognised in comments).
 */
import { SyntaxValidator } from 'fast-xml-validator';
import { XMLParser } from 'fast-xml-parser';
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

/** One element of the parsed tree with the line it starts on. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: SnippetLine;
}

type OrderedNode = Record<string, unknown>;

/** Turns fast-xml-parser's ordered output into elements, locating each on its line. */
function toElements(nodes: OrderedNode[], text: string, lines: SnippetLine[]): XmlElement[] {
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const lineAt = (index: number) => {
    const number = text.slice(0, index).split('\n').length;
    return lines[number - 1] ?? lines[0]!;
  };
  const convert = (list: OrderedNode[]): XmlElement[] => {
    const result: XmlElement[] = [];
    for (const node of list) {
      const name = Object.keys(node).find((key) => key !== ':@');
      if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) continue;
      const inner = (node[name] as OrderedNode[] | undefined) ?? [];
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries((node[':@'] as Record<string, string> | undefined) ?? {})) {
        attributes[key.replace(/^@_/, '')] = value;
      }
      const start = (node[meta] as { startIndex?: number } | undefined)?.startIndex ?? 0;
      result.push({
        name,
        attributes,
        children: convert(inner),
        text: inner
          .filter((child) => '#text' in child)
          .map((child) => String(child['#text']))
          .join(''),
        line: lineAt(start),
      });
    }
    return result;
  };
  return convert(nodes);
}

/** What an entity field may hold, after the "confines to" notes of the API reference. */
interface Field {
  required?: boolean;
  /** "Only '…' are allowed." */
  values?: readonly string[];
  /** "Maximum characters allowed are N." */
  maxLength?: number | undefined;
  /** "Character not allowed: Comma (,)". */
  noComma?: boolean;
  /** A container of repeated children of this name (Type is 'ARRAY'). */
  list?: string;
  /** Further format rules. */
  format?: (value: string, entity: XmlElement) => string | undefined;
  /** A container with its own fields. */
  fields?: Record<string, Field>;
}

const ENABLE_DISABLE = ['Enable', 'Disable'] as const;

/** "Name … Maximum characters allowed are 60 … Character not allowed: Comma (,)" (FQDNHost, IPHost, ServiceGroup, FirewallRule). */
const NAME: Field = { required: true, maxLength: 60, noComma: true };

function family(entity: XmlElement): 4 | 6 {
  return entity.children.find((child) => child.name === 'IPFamily')?.text === 'IPv6' ? 6 : 4;
}

function ipAddressFormat(value: string, entity: XmlElement): string | undefined {
  const ok = family(entity) === 4 ? isIPv4(value) : isIPv6(value);
  return ok ? undefined : `"${value}" is not an IPv${family(entity)} address (IPFamily IPv${family(entity)})`;
}

/** Ports "n" or "n:m" within 1-65535 (Services, "SourcePort"/"DestinationPort"); a range uses ":". */
function portFormat(value: string): string | undefined {
  if (value.includes('-'))
    return `"${value}": a port range is written "from:to" in the Sophos API, not with "-"`;
  const [from = '', to = from, extra] = value.split(':');
  const first = portNumber(from);
  const last = portNumber(to);
  if (extra !== undefined || first === undefined || last === undefined)
    return `"${value}" is not a port or "from:to" range within 1-65535`;
  if (first > last) return `"${value}": the range runs backwards`;
  return undefined;
}

/** NetworkPolicy children of the FirewallRule page (Network policy type). */
const NETWORK_POLICY: Record<string, Field> = {
  Action: { values: ['Accept', 'Drop', 'Reject'] },
  LogTraffic: { values: ENABLE_DISABLE },
  SkipLocalDestined: { values: ENABLE_DISABLE },
  SourceZones: { list: 'Zone' },
  SourceNetworks: { list: 'Network' },
  Services: { list: 'Service' },
  Schedule: {},
  DestinationZones: { list: 'Zone' },
  DestinationNetworks: { list: 'Network' },
  WebFilter: {},
  WebCategoryBaseQoSPolicy: {},
  BlockQuickQuic: { values: ENABLE_DISABLE },
  ScanVirus: { values: ENABLE_DISABLE },
  ZeroDayProtection: { values: ENABLE_DISABLE },
  ScanFTP: { values: ENABLE_DISABLE },
  ProxyMode: { values: ['Enable', 'Disable', 'true', 'false'] },
  DecryptHTTPS: { values: ENABLE_DISABLE },
  SourceSecurityHeartbeat: { values: ENABLE_DISABLE },
  MinimumSourceHBPermitted: { values: ['GREEN', 'YELLOW', 'No Restriction', 'NoRestriction'] },
  DestSecurityHeartbeat: { values: ENABLE_DISABLE },
  MinimumDestinationHBPermitted: { values: ['GREEN', 'YELLOW', 'No Restriction', 'NoRestriction'] },
  ApplicationControl: {},
  ApplicationBaseQoSPolicy: {},
  IntrusionPrevention: {},
  TrafficShapingPolicy: {},
  DSCPMarking: {},
  ScanSMTP: { values: ENABLE_DISABLE },
  ScanSMTPS: { values: ENABLE_DISABLE },
  ScanIMAP: { values: ENABLE_DISABLE },
  ScanIMAPS: { values: ENABLE_DISABLE },
  ScanPOP3: { values: ENABLE_DISABLE },
  ScanPOP3S: { values: ENABLE_DISABLE },
};

/** The entities this check knows, with the fields of their reference pages. */
const ENTITIES: Record<string, Record<string, Field>> = {
  FQDNHost: {
    Name: NAME,
    Description: { maxLength: 255 },
    // "FQDN … Maximum characters allowed are 253"; a DNS name, "*." for a wildcard host.
    FQDN: {
      required: true,
      maxLength: 253,
      noComma: true,
      format: (value) => (isHostname(value, true) ? undefined : `"${value}" is not a DNS name`),
    },
    FQDNHostGroupList: { list: 'FQDNHostGroup' },
  },
  IPHost: {
    Name: {
      ...NAME,
      format: (value) => (/^[#,]/.test(value) ? 'a name may not start with "#" or ","' : undefined),
    },
    IPFamily: { values: ['IPv4', 'IPv6'] },
    Description: { maxLength: 255 },
    HostType: { required: true, values: ['IP', 'Network', 'IPRange', 'IPList', 'System Host'] },
    IPAddress: { format: ipAddressFormat },
    // "Subnet … Datatype is 'IPADDRESS'": a dotted netmask for IPv4; IPv6 networks take a prefix length.
    Subnet: {
      format: (value, entity) => {
        if (family(entity) === 4) {
          return isNetmask(value)
            ? undefined
            : `IPv4 Subnet "${value}" must be a dotted netmask such as 255.255.0.0, not a prefix length`;
        }
        return /^[0-9]{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 128
          ? undefined
          : `IPv6 Subnet "${value}" must be a prefix length 1-128`;
      },
    },
    StartIPAddress: { format: ipAddressFormat },
    EndIPAddress: { format: ipAddressFormat },
    ListOfIPAddresses: {
      format: (value, entity) =>
        value
          .split(',')
          .map((item) => ipAddressFormat(item.trim(), entity))
          .find(Boolean),
    },
    HostGroupList: { list: 'HostGroup' },
  },
  Services: {
    Name: NAME,
    Description: { maxLength: 255 },
    Type: { required: true, values: ['TCPorUDP', 'IP', 'ICMP', 'ICMPv6'] },
    ServiceDetails: {
      required: true,
      list: 'ServiceDetail',
      fields: {
        SourcePort: { format: portFormat },
        DestinationPort: { format: portFormat },
        Protocol: { values: ['TCP', 'UDP'] },
        ProtocolName: {},
        ICMPType: {},
        ICMPCode: {},
        ICMPv6Type: {},
        ICMPv6Code: {},
      },
    },
  },
  FirewallRule: {
    Name: NAME,
    Description: {},
    Status: { values: ENABLE_DISABLE },
    IPFamily: { values: ['IPv4', 'IPv6'] },
    Position: { required: true, values: ['Top', 'Bottom', 'After', 'Before'] },
    Section: { values: ['Central_TOP', 'Local', 'Central_Bottom'] },
    After: { fields: { Name: NAME } },
    Before: { fields: { Name: NAME } },
    PolicyType: { required: true, values: ['Network', 'User', 'HTTPBased'] },
    NetworkPolicy: { fields: NETWORK_POLICY },
  },
};

/** Children of list containers that carry names limited to 60 characters ("Network", "Service" of FirewallRule). */
const LIST_ITEM_LIMIT: Record<string, number> = {
  Network: 60,
  Service: 60,
  FQDNHostGroup: 60,
  HostGroup: 60,
};

function checkFields(
  element: XmlElement,
  fields: Record<string, Field>,
  entity: XmlElement,
  where: string,
  problems: string[],
): void {
  const seen = new Set<string>();
  if (element.children.length > 0 && element.text.trim() !== '') {
    problems.push(problemAt(element.line, `<${element.name}> mixes text and elements`));
  }
  for (const child of element.children) {
    const field = fields[child.name];
    if (!field) {
      problems.push(problemAt(child.line, `<${child.name}> is not an element of ${where}`));
      continue;
    }
    if (seen.has(child.name) && !field.list)
      problems.push(problemAt(child.line, `<${child.name}> appears twice in ${where}`));
    seen.add(child.name);
    if (field.list) {
      if (child.text.trim() !== '')
        problems.push(problemAt(child.line, `<${child.name}> holds text; it takes <${field.list}> elements`));
      for (const item of child.children) {
        if (item.name !== field.list) {
          problems.push(
            problemAt(item.line, `<${item.name}> is not allowed in <${child.name}> (only <${field.list}>)`),
          );
          continue;
        }
        if (field.fields)
          checkFields(item, field.fields, entity, `${where} <${child.name}><${field.list}>`, problems);
        else checkValue(item, { maxLength: LIST_ITEM_LIMIT[item.name] }, entity, problems);
      }
      if (child.children.length === 0) problems.push(problemAt(child.line, `<${child.name}> is empty`));
      continue;
    }
    if (field.fields) {
      checkFields(child, field.fields, entity, `${where} <${child.name}>`, problems);
      continue;
    }
    if (child.children.length > 0) {
      problems.push(problemAt(child.line, `<${child.name}> takes a value, not elements`));
      continue;
    }
    checkValue(child, field, entity, problems);
  }
  for (const [name, field] of Object.entries(fields)) {
    if (field.required && !seen.has(name))
      problems.push(problemAt(element.line, `${where} has no <${name}> (mandatory)`));
  }
}

function checkValue(element: XmlElement, field: Field, entity: XmlElement, problems: string[]): void {
  const value = element.text;
  if (value.trim() !== value || value === '') {
    problems.push(problemAt(element.line, `<${element.name}> is empty or has spaces around its value`));
    return;
  }
  if (field.values && !field.values.includes(value)) {
    problems.push(
      problemAt(
        element.line,
        `<${element.name}>${value}</${element.name}>: only ${field.values.map((v) => `"${v}"`).join(', ')} are allowed`,
      ),
    );
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    problems.push(
      problemAt(
        element.line,
        `<${element.name}> has ${value.length} characters; at most ${field.maxLength} are allowed`,
      ),
    );
  }
  if (field.noComma && value.includes(','))
    problems.push(problemAt(element.line, `<${element.name}> may not contain a comma`));
  const problem = field.format?.(value, entity);
  if (problem) problems.push(problemAt(element.line, problem));
}

/**
 * Comments: XML 1.0 section 2.5 forbids "--" inside one, and entity
 * references are not expanded there (section 4.4.5 lists comments among the
 * places where they are not recognised), so `&quot;` in a copied command stays
 * `&quot;`. A quoted `curl` argument must also be closed on its line.
 */
function checkComments(text: string, lines: SnippetLine[], problems: string[]): void {
  for (const match of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    const start = text.slice(0, match.index).split('\n').length;
    const body = match[1]!.split('\n');
    body.forEach((content, offset) => {
      const line = lines[start - 1 + offset]!;
      const entity = /&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);/.exec(content);
      if (entity) {
        problems.push(
          problemAt(
            line,
            `"${entity[0]}" inside a comment is not expanded; the text an admin copies from here would contain it literally`,
          ),
        );
      }
      if (content.includes('--'))
        problems.push(problemAt(line, 'a comment may not contain "--" (XML 1.0, section 2.5)'));
      if (/\bcurl\b/.test(content) && (content.split('"').length - 1) % 2 === 1) {
        problems.push(problemAt(line, 'the curl command has an unbalanced double quote'));
      }
    });
  }
}

function checkSophos(text: string): string[] {
  const problems: string[] = [];
  const lines = snippetLines(text);
  checkComments(text, lines, problems);
  try {
    SyntaxValidator.validate(text, { invalidCharSequence: { comment: true } });
  } catch (error) {
    const { message, line = 1 } = error as { message: string; line?: number };
    problems.push(problemAt(lines[line - 1] ?? lines[0]!, `not well-formed XML: ${message}`));
    return problems;
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
  });
  const roots = toElements(parser.parse(text) as OrderedNode[], text, lines);
  const request = roots[0];
  if (roots.length !== 1 || request?.name !== 'Request') {
    problems.push(problemAt(request?.line ?? lines[0]!, 'the document must have one <Request> root element'));
    return problems;
  }
  // API help, "Request": APIVersion names the firmware's API version, e.g. "2000.1".
  if (!/^[0-9]+(\.[0-9]+)+$/.test(request.attributes.APIVersion ?? '')) {
    problems.push(problemAt(request.line, '<Request> needs an APIVersion attribute such as "2000.1"'));
  }
  const [login, ...operations] = request.children;
  if (login?.name !== 'Login') {
    problems.push(problemAt(login?.line ?? request.line, '<Login> must come first in <Request>'));
  } else {
    checkFields(
      login,
      { Username: { required: true }, Password: { required: true } },
      login,
      '<Login>',
      problems,
    );
  }

  const defined = new Map<string, { kind: string; family?: 4 | 6 | undefined }>();
  const rules: FirewallRuleRef[] = [];
  for (const operation of operations) {
    if (operation.name !== 'Set') {
      problems.push(
        problemAt(operation.line, `<${operation.name}> is not an operation this check accepts (only <Set>)`),
      );
      continue;
    }
    const mode = operation.attributes.operation;
    if (mode !== undefined && mode !== 'add' && mode !== 'update') {
      problems.push(
        problemAt(operation.line, `<Set operation="${mode}">: only "add" and "update" are allowed`),
      );
    }
    for (const entity of operation.children) {
      const fields = ENTITIES[entity.name];
      if (!fields) {
        problems.push(
          problemAt(
            entity.line,
            `<${entity.name}> is not an entity this check knows (FQDNHost, IPHost, Services, FirewallRule)`,
          ),
        );
        continue;
      }
      checkFields(entity, fields, entity, `<${entity.name}>`, problems);
      const name = entity.children.find((child) => child.name === 'Name')?.text ?? '';
      const kind = entity.name === 'Services' ? 'service' : entity.name === 'FirewallRule' ? 'rule' : 'host';
      const key = `${kind}:${name}`;
      if (defined.has(key))
        problems.push(problemAt(entity.line, `a ${kind} named "${name}" is defined twice`));
      defined.set(key, { kind, family: entity.name === 'IPHost' ? family(entity) : undefined });
      if (entity.name === 'IPHost') checkHostType(entity, problems);
      if (entity.name === 'Services') checkServiceType(entity, problems);
      if (entity.name === 'FirewallRule') rules.push({ entity, name });
    }
  }
  const coverage: FamilyRule[] = [];
  for (const { entity } of rules) checkRuleReferences(entity, defined, coverage, problems);
  const comments = [...text.matchAll(/<!--([\s\S]*?)-->/g)].flatMap((match) => match[1]!.split('\n'));
  return [...problems, ...familyCoverage(coverage, comments)];
}

interface FirewallRuleRef {
  entity: XmlElement;
  name: string;
}

function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}

/** IPHost page: each HostType needs its own fields. */
function checkHostType(host: XmlElement, problems: string[]): void {
  const needs: Record<string, string[]> = {
    IP: ['IPAddress'],
    Network: ['IPAddress', 'Subnet'],
    IPRange: ['StartIPAddress', 'EndIPAddress'],
    IPList: ['ListOfIPAddresses'],
  };
  for (const field of needs[childText(host, 'HostType') ?? ''] ?? []) {
    if (childText(host, field) === undefined)
      problems.push(
        problemAt(host.line, `an IPHost of type ${childText(host, 'HostType')} needs <${field}>`),
      );
  }
}

/** Services page: a TCPorUDP service lists ServiceDetail entries with SourcePort, DestinationPort and Protocol. */
function checkServiceType(service: XmlElement, problems: string[]): void {
  if (childText(service, 'Type') !== 'TCPorUDP') return;
  const details = service.children.find((child) => child.name === 'ServiceDetails')?.children ?? [];
  for (const detail of details) {
    for (const field of ['SourcePort', 'DestinationPort', 'Protocol']) {
      if (childText(detail, field) === undefined)
        problems.push(problemAt(detail.line, `a TCPorUDP <ServiceDetail> needs <${field}>`));
    }
  }
}

function checkRuleReferences(
  rule: XmlElement,
  defined: Map<string, { kind: string; family?: 4 | 6 | undefined }>,
  coverage: FamilyRule[],
  problems: string[],
): void {
  const ruleFamily = family(rule);
  const position = childText(rule, 'Position');
  if (
    (position === 'After' || position === 'Before') &&
    !rule.children.some((child) => child.name === position)
  ) {
    problems.push(
      problemAt(rule.line, `Position ${position} needs <${position}><Name>…</Name></${position}>`),
    );
  }
  const policyType = childText(rule, 'PolicyType');
  const policy = rule.children.find((child) => child.name === 'NetworkPolicy');
  if (policyType === 'Network' && !policy)
    problems.push(problemAt(rule.line, 'PolicyType Network needs <NetworkPolicy>'));
  if (policy) {
    for (const list of ['SourceNetworks', 'DestinationNetworks']) {
      for (const network of policy.children.find((child) => child.name === list)?.children ?? []) {
        const host = defined.get(`host:${network.text}`);
        if (!host) {
          problems.push(
            problemAt(network.line, `${list} "${network.text}" is not a host defined in this request`),
          );
        } else if (host.family !== undefined && host.family !== ruleFamily) {
          problems.push(
            problemAt(
              network.line,
              `${list} "${network.text}" is an IPv${host.family} host in an IPv${ruleFamily} rule`,
            ),
          );
        }
      }
    }
    for (const service of policy.children.find((child) => child.name === 'Services')?.children ?? []) {
      if (!defined.has(`service:${service.text}`)) {
        problems.push(problemAt(service.line, `service "${service.text}" is not defined in this request`));
      }
    }
  }
  coverage.push({
    family: ruleFamily,
    comment: childText(rule, 'Description') ?? childText(rule, 'Name') ?? '',
    line: rule.line,
  });
}

export const check: SnippetCheck = {
  name: 'Sophos Firewall API request',
  platforms: ['sophos'],
  kind: 'grammar',
  source:
    'XML 1.0 well-formedness (fast-xml-validator); Sophos Firewall API help, entity pages FQDNHost, IPHost, Services, ServiceGroup, FirewallRule',
  notChecked:
    'Whether the zones exist on the firewall, the API version the firmware accepts, the login, and limits of the Services page not seen here (its Name limit is taken as 60, like the other entities)',
  unavailable: () => undefined,
  check: checkSophos,
  planted: [
    {
      name: 'an XML entity in the comment, which breaks the copied curl command',
      platform: 'sophos',
      deployment: 'cloud',
      plant: (text) => text.replace('-->', '  curl -F &quot;reqxml=&lt;this-file&quot;\n-->'),
    },
    {
      name: 'an element FirewallRule does not have',
      platform: 'sophos',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(
          '<PolicyType>Network</PolicyType>',
          '<PolicyType>Network</PolicyType>\n      <Colour>red</Colour>',
        ),
    },
    {
      name: 'a Services Type outside its enumeration',
      platform: 'sophos',
      deployment: 'cloud',
      plant: (text) => text.replace('<Type>TCPorUDP</Type>', '<Type>TCP</Type>'),
    },
  ],
};
