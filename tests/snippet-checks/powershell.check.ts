/**
 * The Windows snippet, a PowerShell script, parsed by the tree-sitter
 * PowerShell grammar (any ERROR or MISSING node is a syntax error), then read
 * from the tree: every statement must be a variable assignment of literal
 * strings or a `New-NetFirewallRule` call (its output may be piped to
 * `Out-Null`), with only the parameters that cmdlet documents and values it
 * accepts. Comments (`#Requires` is one) may say anything.
 *
 * Parameters and values follow Microsoft's reference page "New-NetFirewallRule"
 * (module NetSecurity, Windows Server 2025 docs, learn.microsoft.com): its
 * SYNTAX block, each parameter's "Aliases" and "Accepted values", and the
 * formats listed under -Protocol, -LocalPort, -RemotePort, -LocalAddress and
 * -RemoteAddress; the common parameters from about_CommonParameters.
 */
import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import {
  isIPv4,
  isIPv6,
  isNetmask,
  isPrefix,
  problemAt,
  snippetLines,
  type SnippetLine,
} from './grammar-helpers';
import type { SnippetCheck } from './types';

type SyntaxNode = Parser.SyntaxNode;

let parser: Parser | undefined;
let loadError: string | undefined;
try {
  // tree-sitter is CommonJS; the grammar package is an ES module with top-level await.
  const TreeSitter = createRequire(import.meta.url)('tree-sitter') as typeof Parser;
  const grammar = await import('tree-sitter-powershell');
  parser = new TreeSitter();
  parser.setLanguage(grammar.default);
} catch (error) {
  loadError = `tree-sitter or tree-sitter-powershell cannot be loaded: ${(error as Error).message.split('\n')[0]}`;
}

/** A parameter's value rule: a switch takes no value, the others one or more literal values. */
type ValueRule =
  'switch' | 'text' | 'texts' | 'number' | 'boolean' | 'protocol' | 'port' | 'address' | readonly string[];

/**
 * New-NetFirewallRule, SYNTAX and PARAMETERS: each parameter with its type
 * ("Accepted values" lists become the allowed words) and its "Aliases".
 */
const PARAMETERS: Record<string, { rule: ValueRule; aliases?: readonly string[] }> = {
  PolicyStore: { rule: 'text' },
  GPOSession: { rule: 'text' },
  Name: { rule: 'text', aliases: ['ID'] },
  DisplayName: { rule: 'text' },
  Description: { rule: 'text' },
  Group: { rule: 'text' },
  Enabled: { rule: ['True', 'False'] },
  Profile: { rule: ['Any', 'Domain', 'Private', 'Public', 'NotApplicable'] },
  Platform: { rule: 'texts' },
  Direction: { rule: ['Inbound', 'Outbound'] },
  Action: { rule: ['NotConfigured', 'Allow', 'Block'] },
  EdgeTraversalPolicy: { rule: ['Block', 'Allow', 'DeferToUser', 'DeferToApp'] },
  LooseSourceMapping: { rule: 'boolean', aliases: ['LSM'] },
  LocalOnlyMapping: { rule: 'boolean' },
  Owner: { rule: 'text' },
  LocalAddress: { rule: 'address' },
  RemoteAddress: { rule: 'address' },
  Protocol: { rule: 'protocol' },
  LocalPort: { rule: 'port' },
  RemotePort: { rule: 'port' },
  IcmpType: { rule: 'texts' },
  DynamicTarget: {
    rule: [
      'Any',
      'ProximityApps',
      'ProximitySharing',
      'WifiDirectPrinting',
      'WifiDirectDisplay',
      'WifiDirectDevices',
    ],
    aliases: ['DynamicTransport'],
  },
  Program: { rule: 'text' },
  Package: { rule: 'text' },
  Service: { rule: 'text' },
  InterfaceAlias: { rule: 'texts' },
  InterfaceType: { rule: ['Any', 'Wired', 'Wireless', 'RemoteAccess'] },
  LocalUser: { rule: 'text' },
  RemoteUser: { rule: 'text' },
  RemoteMachine: { rule: 'text' },
  Authentication: { rule: ['NotRequired', 'Required', 'NoEncap'] },
  Encryption: { rule: ['NotRequired', 'Required', 'Dynamic'] },
  OverrideBlockRules: { rule: 'boolean' },
  RemoteDynamicKeywordAddresses: { rule: 'texts' },
  CimSession: { rule: 'texts', aliases: ['Session'] },
  ThrottleLimit: { rule: 'number' },
  AsJob: { rule: 'switch' },
  WhatIf: { rule: 'switch', aliases: ['wi'] },
  Confirm: { rule: 'switch', aliases: ['cf'] },
  // about_CommonParameters: the common parameters and their aliases.
  Debug: { rule: 'switch', aliases: ['db'] },
  ErrorAction: {
    rule: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'],
    aliases: ['ea'],
  },
  ErrorVariable: { rule: 'text', aliases: ['ev'] },
  InformationAction: {
    rule: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'],
    aliases: ['infa'],
  },
  InformationVariable: { rule: 'text', aliases: ['iv'] },
  OutVariable: { rule: 'text', aliases: ['ov'] },
  OutBuffer: { rule: 'number', aliases: ['ob'] },
  PipelineVariable: { rule: 'text', aliases: ['pv'] },
  Verbose: { rule: 'switch', aliases: ['vb'] },
  WarningAction: {
    rule: ['Break', 'Continue', 'Ignore', 'Inquire', 'SilentlyContinue', 'Stop', 'Suspend'],
    aliases: ['wa'],
  },
  WarningVariable: { rule: 'text', aliases: ['wv'] },
};

/** -Protocol: "Protocols by number: 0-255. Protocols by name: TCP, UDP, ICMPv4, or ICMPv6"; "The default value is Any". */
const PROTOCOL_NAMES = ['TCP', 'UDP', 'ICMPv4', 'ICMPv6', 'Any'];
/** -LocalPort and -RemotePort keywords: "PlayToDiscovery or Any"; without -Protocol RPC, RPCEPMap (RPC-EPMap), Teredo, IPHTTPSIn, IPHTTPSOut, IPHTTPS. */
const PORT_KEYWORDS = [
  'Any',
  'PlayToDiscovery',
  'RPC',
  'RPCEPMap',
  'RPC-EPMap',
  'Teredo',
  'IPHTTPSIn',
  'IPHTTPSOut',
  'IPHTTPS',
];
/** -RemoteAddress keywords, each optionally restricted to a family by a trailing 4 or 6. */
const ADDRESS_KEYWORDS = [
  'Any',
  'LocalSubnet',
  'DNS',
  'DHCP',
  'WINS',
  'DefaultGateway',
  'Internet',
  'Intranet',
  'IntranetRemoteAccess',
  'PlayToDevice',
];

/** A parameter name as PowerShell binds it: the full name, an alias, or an unambiguous prefix of either, in any case. */
function resolveParameter(written: string): { name?: string; problem?: string } {
  const wanted = written.toLowerCase();
  const names = Object.entries(PARAMETERS).flatMap(([name, info]) =>
    [name, ...(info.aliases ?? [])].map((spelling) => ({ name, spelling: spelling.toLowerCase() })),
  );
  const exact = names.find((entry) => entry.spelling === wanted);
  if (exact) return { name: exact.name };
  const matches = [
    ...new Set(names.filter((entry) => entry.spelling.startsWith(wanted)).map((entry) => entry.name)),
  ];
  if (matches.length === 1) return { name: matches[0]! };
  if (matches.length > 1) return { problem: `parameter -${written} is ambiguous (${matches.join(', ')})` };
  return { problem: `New-NetFirewallRule has no parameter -${written}` };
}

/** A literal value in the script, or a variable to look up. */
type Value = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

/** Expression wrappers the grammar nests around a plain value; they add nothing when they hold one child. */
const WRAPPERS = new Set([
  'pipeline',
  'pipeline_chain',
  'logical_expression',
  'bitwise_expression',
  'comparison_expression',
  'additive_expression',
  'multiplicative_expression',
  'format_expression',
  'range_expression',
  'unary_expression',
]);

/**
 * The literal values an argument or assigned value holds: strings, numbers,
 * bare words and variables, alone, in a comma list or in @( ). Anything computed
 * (operators, sub-expressions, commands, expandable strings) is refused.
 */
function literalValues(node: SyntaxNode): Value[] | string {
  switch (node.type) {
    case 'string_literal': {
      const text = node.text;
      if (text.startsWith("'")) return [{ kind: 'text', text: text.slice(1, -1).replace(/''/g, "'") }];
      if (/[$`]/.test(text.slice(1, -1))) return `expandable string ${text} is computed, not a literal value`;
      return [{ kind: 'text', text: text.slice(1, -1) }];
    }
    case 'integer_literal':
    case 'generic_token':
      return [{ kind: 'text', text: node.text }];
    case 'variable':
      return [{ kind: 'variable', name: node.text.slice(1).toLowerCase() }];
    case 'array_literal_expression':
    case 'statement_list': {
      const values: Value[] = [];
      for (const child of node.namedChildren) {
        if (child.type === 'comment') continue;
        const found = literalValues(child);
        if (typeof found === 'string') return found;
        values.push(...found);
      }
      return values;
    }
    case 'array_expression': {
      const list = node.namedChildren.find((child) => child.type === 'statement_list');
      return list ? literalValues(list) : [];
    }
    default:
      if (WRAPPERS.has(node.type) && node.namedChildCount === 1 && node.childCount === 1) {
        return literalValues(node.namedChildren[0]!);
      }
      return `\`${node.text.slice(0, 60)}\` is not a literal value`;
  }
}

function isPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) <= 65535;
}

/** -LocalPort / -RemotePort: "Port range: 0-65535", "Port number: 80", or a keyword. */
function portProblem(text: string): string | undefined {
  if (PORT_KEYWORDS.some((word) => word.toLowerCase() === text.toLowerCase())) return undefined;
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    if (!isPort(range[1]!) || !isPort(range[2]!)) return `port range ${text} goes beyond 0-65535`;
    return Number(range[1]) <= Number(range[2]) ? undefined : `port range ${text} runs backwards`;
  }
  return isPort(text) ? undefined : `${text} is not a port, a port range (0-65535) or a port keyword`;
}

/** -LocalAddress / -RemoteAddress: single address, subnet by bit count or mask, range within a family, or keyword. */
function addressProblem(text: string): string | undefined {
  const keyword = text.replace(/[46]$/, '').toLowerCase();
  if (ADDRESS_KEYWORDS.some((word) => word.toLowerCase() === keyword)) return undefined;
  if (isIPv4(text) || isIPv6(text) || isPrefix(text, 4) || isPrefix(text, 6)) return undefined;
  const masked = /^([^/]+)\/([0-9.]+)$/.exec(text);
  if (masked && isIPv4(masked[1]!) && isNetmask(masked[2]!)) return undefined;
  const range = /^([^-]+)-([^-]+)$/.exec(text);
  if (range && ((isIPv4(range[1]!) && isIPv4(range[2]!)) || (isIPv6(range[1]!) && isIPv6(range[2]!)))) {
    return undefined;
  }
  return `${text} is not an address, subnet, range or address keyword`;
}

function valueProblem(parameter: string, rule: ValueRule, texts: string[]): string | undefined {
  const single = ['text', 'number', 'boolean', 'protocol'].includes(rule as string) || Array.isArray(rule);
  const multiple = parameter === 'Profile' || rule === 'texts' || rule === 'port' || rule === 'address';
  if (texts.length === 0) return `-${parameter} has no value`;
  if (single && !multiple && texts.length > 1) return `-${parameter} takes one value, not ${texts.length}`;
  for (const text of texts) {
    let problem: string | undefined;
    // Not Array.isArray: it narrows a readonly list to `any[]`, and the words would lose their type.
    if (typeof rule !== 'string') {
      // -Profile: "Separate multiple entries with a comma".
      const words = parameter === 'Profile' ? text.split(',') : [text];
      const bad = words.find((word) => !rule.some((allowed) => allowed.toLowerCase() === word.toLowerCase()));
      if (bad !== undefined) problem = `-${parameter} ${bad} is not one of ${rule.join(', ')}`;
    } else if (rule === 'number' && !/^\d+$/.test(text)) problem = `-${parameter} ${text} is not a number`;
    else if (rule === 'boolean' && !/^\$?(true|false)$/i.test(text))
      problem = `-${parameter} ${text} is not a Boolean`;
    else if (rule === 'protocol') {
      const known = PROTOCOL_NAMES.some((name) => name.toLowerCase() === text.toLowerCase());
      if (!known && !(/^\d{1,3}$/.test(text) && Number(text) <= 255)) {
        problem = `-Protocol ${text} is not one of ${PROTOCOL_NAMES.join(', ')} or a number 0-255`;
      }
    } else if (rule === 'port') problem = portProblem(text) && `-${parameter}: ${portProblem(text)!}`;
    else if (rule === 'address') problem = addressProblem(text) && `-${parameter}: ${addressProblem(text)!}`;
    if (problem) return problem;
  }
  return undefined;
}

function lineOf(lines: SnippetLine[], node: SyntaxNode): SnippetLine {
  return lines[node.startPosition.row] ?? { number: node.startPosition.row + 1, text: node.text };
}

/** Every ERROR and MISSING node of the tree, as "syntax error" messages. */
function syntaxErrors(node: SyntaxNode, lines: SnippetLine[], messages: string[]): void {
  if (node.type === 'ERROR') {
    messages.push(problemAt(lineOf(lines, node), `PowerShell syntax error at \`${node.text.slice(0, 40)}\``));
    return;
  }
  if (node.isMissing) {
    messages.push(problemAt(lineOf(lines, node), `PowerShell syntax error: missing ${node.type}`));
    return;
  }
  if (node.hasError) for (const child of node.children) syntaxErrors(child, lines, messages);
}

/** A block comment must not hide code: a line inside it that reads like a command or assignment is reported. */
function commentProblem(node: SyntaxNode, lines: SnippetLine[]): string | undefined {
  if (node.startPosition.row === node.endPosition.row) return undefined;
  const inner = node.text.split('\n').slice(1);
  const index = inner.findIndex((text) => /^\s*([A-Za-z]+-[A-Za-z]+\s|\$\w+\s*=)/.test(text));
  if (index === -1) return undefined;
  const line = lines[node.startPosition.row + 1 + index]!;
  return problemAt(
    line,
    `this line is inside a block comment that starts on line ${node.startPosition.row + 1}`,
  );
}

function checkCommand(
  command: SyntaxNode,
  lines: SnippetLine[],
  variables: Map<string, string[]>,
  messages: string[],
): void {
  const line = lineOf(lines, command);
  const elements = command.namedChildren.find((child) => child.type === 'command_elements');
  const parts = (elements?.namedChildren ?? []).filter((child) => child.type !== 'command_argument_sep');
  const given = new Map<string, string[]>();
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if (part.type !== 'command_parameter') {
      // SYNTAX: every parameter of New-NetFirewallRule is "Position: Named".
      messages.push(
        problemAt(line, `New-NetFirewallRule takes no positional argument \`${part.text.slice(0, 40)}\``),
      );
      continue;
    }
    const written = part.text.replace(/^-/, '').replace(/:$/, '');
    const { name, problem } = resolveParameter(written);
    if (!name) {
      messages.push(problemAt(line, problem!));
      // Its value, if any, belongs to it rather than standing alone.
      if (parts[index + 1] && parts[index + 1]!.type !== 'command_parameter') index += 1;
      continue;
    }
    if (given.has(name)) messages.push(problemAt(line, `-${name} is given twice`));
    const rule = PARAMETERS[name]!.rule;
    const next = parts[index + 1];
    if (rule === 'switch') {
      given.set(name, []);
      continue;
    }
    if (!next || next.type === 'command_parameter') {
      messages.push(problemAt(line, `-${name} needs a value`));
      given.set(name, []);
      continue;
    }
    index += 1;
    const values = literalValues(next);
    if (typeof values === 'string') {
      messages.push(problemAt(line, `-${name}: ${values}`));
      given.set(name, []);
      continue;
    }
    const texts: string[] = [];
    for (const value of values) {
      if (value.kind === 'text') texts.push(value.text);
      else if (['true', 'false', 'null'].includes(value.name)) {
        // -Enabled: "the type of this parameter is not boolean, therefore $true and $false ... are not acceptable".
        if (rule === 'boolean' && value.name !== 'null') texts.push(`$${value.name}`);
        else messages.push(problemAt(line, `-${name}: $${value.name} is not an accepted value`));
      } else if (variables.has(value.name)) texts.push(...variables.get(value.name)!);
      else
        messages.push(problemAt(line, `-${name}: variable $${value.name} is not assigned before this line`));
    }
    given.set(name, texts);
    const problem2 = valueProblem(name, rule, texts);
    if (problem2) messages.push(problemAt(line, problem2));
  }
  // -DisplayName: "When creating a rule this parameter is required."
  if (!given.has('DisplayName')) messages.push(problemAt(line, 'New-NetFirewallRule needs -DisplayName'));
  // -Protocol: "If a port number is identified by using numeric values ..., then this parameter must be set to TCP or UDP."
  const protocol = given.get('Protocol')?.[0]?.toUpperCase();
  for (const port of ['LocalPort', 'RemotePort']) {
    const numeric = (given.get(port) ?? []).some((text) => /^\d/.test(text));
    if (numeric && protocol !== 'TCP' && protocol !== 'UDP') {
      messages.push(problemAt(line, `-${port} with port numbers needs -Protocol TCP or UDP`));
    }
  }
}

function hasArguments(command: SyntaxNode): boolean {
  const elements = command.namedChildren.find((child) => child.type === 'command_elements');
  return (elements?.namedChildren ?? []).some((child) => child.type !== 'command_argument_sep');
}

function checkPipeline(
  pipeline: SyntaxNode,
  lines: SnippetLine[],
  variables: Map<string, string[]>,
  messages: string[],
): void {
  const line = lineOf(lines, pipeline);
  const first = pipeline.namedChildren[0];
  if (first?.type === 'assignment_expression') {
    const [target, operator, value] = first.namedChildren;
    const variable = target?.descendantsOfType('variable') ?? [];
    if (!target || variable.length !== 1 || target.text !== variable[0]!.text) {
      messages.push(problemAt(line, `only a plain variable can be assigned, not \`${target?.text ?? ''}\``));
      return;
    }
    if (operator?.text !== '=')
      messages.push(problemAt(line, `assignment operator ${operator?.text ?? ''} is not "="`));
    const values = value ? literalValues(value) : 'no value';
    if (typeof values === 'string') {
      messages.push(problemAt(line, `${variable[0]!.text} = ${values}`));
      return;
    }
    const texts = values.flatMap((item) =>
      item.kind === 'text' ? [item.text] : (variables.get(item.name) ?? [`$${item.name}`]),
    );
    variables.set(variable[0]!.text.slice(1).toLowerCase(), texts);
    return;
  }
  if (pipeline.namedChildren.length !== 1 || first?.type !== 'pipeline_chain') {
    messages.push(problemAt(line, `unexpected statement \`${pipeline.text.slice(0, 60)}\``));
    return;
  }
  const commands = first.namedChildren.filter((child) => child.type !== 'comment');
  commands.forEach((command, index) => {
    const name = command.namedChildren.find((child) => child.type === 'command_name')?.text ?? '';
    if (command.type !== 'command' || name === '') {
      messages.push(problemAt(line, `unexpected expression \`${command.text.slice(0, 60)}\``));
    } else if (index === 0 && name.toLowerCase() === 'new-netfirewallrule') {
      checkCommand(command, lines, variables, messages);
    } else if (
      index === commands.length - 1 &&
      index > 0 &&
      name.toLowerCase() === 'out-null' &&
      !hasArguments(command)
    ) {
      // Out-Null drops the rule object New-NetFirewallRule writes.
    } else {
      messages.push(
        problemAt(
          line,
          `unexpected command ${name}: each statement is New-NetFirewallRule (its output piped to Out-Null) or an assignment`,
        ),
      );
    }
  });
}

/**
 * Syntax only: every ERROR and MISSING node of the tree-sitter PowerShell parse,
 * for scripts that may run any command (the check scripts).
 */
export function powershellSyntaxErrors(text: string): string[] {
  if (!parser) return [loadError ?? 'no PowerShell parser'];
  const messages: string[] = [];
  syntaxErrors(parser.parse(text).rootNode, snippetLines(text), messages);
  return messages;
}

function checkPowerShell(text: string): string[] {
  if (!parser) return [loadError ?? 'no PowerShell parser'];
  const lines = snippetLines(text);
  const tree = parser.parse(text);
  const messages: string[] = [];
  syntaxErrors(tree.rootNode, lines, messages);
  if (messages.length > 0) return messages;
  const variables = new Map<string, string[]>();
  let rules = 0;
  const visit = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (child.type === 'comment') {
        const problem = commentProblem(child, lines);
        if (problem) messages.push(problem);
      } else if (child.type === 'statement_list') visit(child);
      else if (child.type === 'pipeline') {
        checkPipeline(child, lines, variables, messages);
        if (/^New-NetFirewallRule\b/i.test(child.text)) rules += 1;
      } else messages.push(problemAt(lineOf(lines, child), `unexpected ${child.type.replace(/_/g, ' ')}`));
    }
  };
  visit(tree.rootNode);
  if (rules === 0) messages.push('the script creates no rule (no New-NetFirewallRule)');
  return messages;
}

export const check: SnippetCheck = {
  name: 'PowerShell New-NetFirewallRule',
  platforms: ['windows'],
  kind: 'grammar',
  source:
    'tree-sitter-powershell grammar (syntax); New-NetFirewallRule reference, NetSecurity module, learn.microsoft.com (parameters, aliases, accepted values, address and port formats); about_CommonParameters',
  notChecked:
    'PowerShell itself does not run here: whether Windows accepts each combination (e.g. -EdgeTraversalPolicy only inbound) and whether the rules do what the comments say.',
  unavailable: () => loadError,
  check: checkPowerShell,
  planted: [
    {
      name: 'quote left open',
      platform: 'windows',
      deployment: 'cloud',
      plant: (text) => text.replace(/-DisplayName '([^']*)'/, "-DisplayName '$1"),
    },
    {
      name: 'unknown parameter',
      platform: 'windows',
      deployment: 'onsite',
      plant: (text) => text.replace(/^(New-NetFirewallRule )/m, "$1-Comment 'planted' "),
    },
    {
      name: '-Protocol TCPUDP',
      platform: 'windows',
      deployment: 'cloud',
      plant: (text) => text.replace(/-Protocol (TCP|UDP)\b/, '-Protocol TCPUDP'),
    },
    {
      name: 'port beyond 65535',
      platform: 'windows',
      deployment: 'onsite',
      plant: (text) => text.replace(/-LocalPort @\('(\d+)'/, "-LocalPort @('70000'"),
    },
    {
      name: 'other command',
      platform: 'windows',
      deployment: 'cloud',
      plant: (text) => text.replace(/^New-NetFirewallRule /m, 'Set-NetFirewallRule '),
    },
  ],
};
