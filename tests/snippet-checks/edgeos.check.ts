/**
 * Grammar of the EdgeOS snippets. EdgeOS keeps the Vyatta firewall tree, so
 * the shared parts follow Vyatta's own templates as kept in vyos/vyatta-cfg-firewall
 * (branch helium, VyOS 1.1: `templates/firewall/name/...node.def`,
 * `templates/firewall/ipv6-name/...`, `templates/firewall/group/...`,
 * `scripts/firewall/valid_port_range.pl`, `lib/Vyatta/IpTables/AddressFilter.pm`;
 * branch crux for the group-name rules). The IPv6 groups are Ubiquiti's own
 * additions: `ipv6-address-group NAME ipv6-address X`, `ipv6-network-group NAME
 * ipv6-network X`, matched in `ipv6-name` rules as `group ipv6-address-group` /
 * `group ipv6-network-group` (EdgeOS CLI, Ubiquiti's EdgeRouter firewall
 * articles); VyOS's `address` member and `group address-group` in IPv6 rules
 * are not EdgeOS. Only the part of the tree a firewall snippet uses is modelled.
 */
import type { SnippetCheck } from './types';
import {
  addressRange,
  anyOf,
  at,
  flag,
  integer,
  ipv4Address,
  ipv4Prefix,
  ipv6Address,
  ipv6Prefix,
  leaf,
  negatable,
  node,
  oneOf,
  pattern,
  portItem,
  protocol,
  readSetCommands,
  replacedValues,
  tag,
  type ConfigNode,
  type SetCommand,
  type Validate,
} from './vyatta-cli';

/**
 * `templates/firewall/name/node.def` and `ipv6-name/node.def`: `^[[:graph:]]{1,28}$`,
 * no "-" first, none of `|;&$<>`, not "VZONE..." and not a reserved chain name.
 */
const rulesetName: Validate = (value) => {
  if (!/^[\x21-\x7e]{1,28}$/.test(value))
    return 'a ruleset name is 1 to 28 visible characters (name/node.def)';
  if (value.startsWith('-')) return 'a ruleset name cannot start with "-" (name/node.def)';
  if (/[|;&$<>]/.test(value)) return 'a ruleset name cannot contain shell punctuation (name/node.def)';
  if (value.startsWith('VZONE')) return 'a ruleset name cannot start with VZONE (name/node.def)';
  if (/(PREROUTING|POSTROUTING|CONNMARK|MARK|FILTER|FORWARD|INPUT|OUTPUT|VYATTA_.*_HOOK)/.test(value))
    return 'a reserved name (name/node.def)';
  return undefined;
};

/** `templates/firewall/group/<type>/node.def`: `^[[:graph:]]{1,31}$`, no "-" or "!" first, none of `|;&$<>`. */
const groupName: Validate = (value) => {
  if (!/^[\x21-\x7e]{1,31}$/.test(value))
    return 'a group name is 1 to 31 visible characters (group/<type>/node.def)';
  if (/^[-!]/.test(value)) return 'a group name cannot start with "-" or "!" (group/<type>/node.def)';
  if (/[|;&$<>]/.test(value)) return 'a group name cannot contain shell punctuation (group/<type>/node.def)';
  return undefined;
};

// `templates/firewall/name/node.tag/rule/node.def`: "firewall rule number must be between 1 and 9999".
const ruleNumber = integer(1, 9999);
// `rule/node.tag/description/node.def` and `group/<type>/node.tag/description/node.def`: type txt, one word of the shell.
const description = pattern(/[^\n]*/, 'a description is one line');
/**
 * `scripts/firewall/valid_port_range.pl`: `!?` then a comma-separated list of
 * numbers, ranges "low-high" and service names; the ports themselves 1-65535.
 */
const portList: Validate = (value) => {
  const list = value.startsWith('!') ? value.slice(1) : value;
  const problems = list
    .split(',')
    .map(portItem)
    .filter((problem) => problem !== undefined);
  return problems.length === 0 ? undefined : problems.join(', ');
};
// `rule/node.tag/action/node.def`: drop, reject, accept, inspect.
const action = oneOf(['drop', 'reject', 'accept', 'inspect']);
// `rule/node.tag/log/node.def` and `state/<state>/node.def`: enable or disable.
const enable = oneOf(['enable', 'disable']);

/** `rule/node.tag/source` / `destination`: address, port and the groups of the family. */
function side(family: 4 | 6): ConfigNode {
  return node({
    // name: address/node.def (ipv4, ipv4net, ipv4range, "!" forms, checked by AddressFilter.pm);
    // ipv6-name: address/node.def (`vyatta-validate-type ipv6_addr_param`).
    address: leaf(
      negatable(
        family === 4
          ? anyOf(ipv4Address, ipv4Prefix(false), addressRange(4))
          : anyOf(ipv6Address, ipv6Prefix(false), addressRange(6)),
      ),
    ),
    port: leaf(portList),
    group:
      family === 4
        ? node({
            'address-group': leaf(groupName),
            'network-group': leaf(groupName),
            'port-group': leaf(groupName),
          })
        : node({
            'ipv6-address-group': leaf(groupName),
            'ipv6-network-group': leaf(groupName),
            'port-group': leaf(groupName),
          }),
  });
}

function ruleset(family: 4 | 6): ConfigNode {
  return tag(rulesetName, {
    // name/node.tag/default-action/node.def: drop (the default), reject or accept.
    'default-action': leaf(oneOf(['drop', 'reject', 'accept'])),
    description: leaf(description),
    'enable-default-log': flag(),
    rule: tag(ruleNumber, {
      action: leaf(action),
      description: leaf(description),
      disable: flag(),
      log: leaf(enable),
      // protocol/node.def: a name of /etc/protocols, a number, all, tcp_udp, or "!" before one.
      protocol: leaf(protocol),
      state: node({
        established: leaf(enable),
        invalid: leaf(enable),
        new: leaf(enable),
        related: leaf(enable),
      }),
      source: side(family),
      destination: side(family),
    }),
  });
}

// EdgeOS interface names as the snippets' comments use them: ethN (vif, pppoe and others are not modelled).
const ethernetName = pattern(/eth\d+/, 'not an ethernet interface name (ethN)');

const TREE: Record<string, ConfigNode> = {
  firewall: node({
    group: node({
      // group/address-group/node.tag/address/node.def: ipv4 or ipv4range (ipset-check-member).
      'address-group': tag(groupName, {
        address: leaf(anyOf(ipv4Address, addressRange(4)), { multi: true }),
        description: leaf(description),
      }),
      // group/network-group/node.tag/network/node.def: ipv4net.
      'network-group': tag(groupName, {
        network: leaf(ipv4Prefix(true), { multi: true }),
        description: leaf(description),
      }),
      // EdgeOS: the IPv6 address group's member leaf is `ipv6-address`.
      'ipv6-address-group': tag(groupName, {
        'ipv6-address': leaf(anyOf(ipv6Address, addressRange(6)), { multi: true }),
        description: leaf(description),
      }),
      // EdgeOS: the IPv6 network group's member leaf is `ipv6-network`.
      'ipv6-network-group': tag(groupName, {
        'ipv6-network': leaf(ipv6Prefix(true), { multi: true }),
        description: leaf(description),
      }),
      // group/port-group/node.tag/port/node.def.
      'port-group': tag(groupName, {
        port: leaf(portItem, { multi: true }),
        description: leaf(description),
      }),
    }),
    name: ruleset(4),
    'ipv6-name': ruleset(6),
  }),
  // gen-interface-templates.pl: `interfaces ethernet ethX firewall in|out|local name|ipv6-name NAME`.
  interfaces: node({
    ethernet: tag(ethernetName, {
      firewall: node(
        Object.fromEntries(
          ['in', 'out', 'local'].map((direction) => [
            direction,
            node({ name: leaf(rulesetName), 'ipv6-name': leaf(rulesetName) }),
          ]),
        ),
      ),
    }),
  }),
};

/** Rules the Vyatta scripts apply when the ruleset is committed, as far as a snippet alone shows them. */
function verify(commands: readonly SetCommand[]): string[] {
  const problems: string[] = [];
  const report = (command: SetCommand, problem: string) =>
    problems.push(at(command.line, command.text, problem));
  const kinds = ['address-group', 'network-group', 'ipv6-address-group', 'ipv6-network-group', 'port-group'];
  const groups = new Map<string, { kind: string; command: SetCommand }>();
  for (const command of commands) {
    const match = /^firewall group (\S+) \*/.exec(command.schema);
    if (!match) continue;
    const name = command.tags[0]!;
    const known = groups.get(name);
    // crux group/<type>/node.def: `vyatta-ipset.pl --action=is-group-defined`: one name, one group type.
    if (known && known.kind !== match[1])
      report(command, `group name "${name}" is already a ${known.kind} (line ${known.command.line})`);
    else if (!known) groups.set(name, { kind: match[1]!, command });
  }
  const rulesets = { name: new Set<string>(), 'ipv6-name': new Set<string>() };
  const rules = new Map<string, { first: SetCommand; leaves: Map<string, SetCommand[]> }>();
  for (const command of commands) {
    const match = /^firewall (name|ipv6-name) \* (?:rule \* (.+)|.+)$/.exec(command.schema);
    if (!match) continue;
    rulesets[match[1] as 'name' | 'ipv6-name'].add(command.tags[0]!);
    if (match[2] === undefined) continue;
    const key = `firewall ${match[1]} ${command.tags[0]} rule ${command.tags[1]}`;
    const known = rules.get(key) ?? { first: command, leaves: new Map<string, SetCommand[]>() };
    rules.set(key, known);
    known.leaves.set(match[2], [...(known.leaves.get(match[2]) ?? []), command]);
  }
  for (const [key, { first, leaves }] of rules) {
    const value = (leafName: string) => leaves.get(leafName)?.at(-1)?.value;
    const where = (leafName: string) => leaves.get(leafName)?.at(-1) ?? first;
    // rule/node.tag/action/node.def: "Rule action [REQUIRED]".
    if (value('action') === undefined) report(first, `${key} has no action (action/node.def: REQUIRED)`);
    for (const sideName of ['source', 'destination']) {
      const present = (leafName: string) => leaves.has(`${sideName} ${leafName}`);
      // AddressFilter.pm `_protocolswithports`: ports only with tcp, udp, tcp_udp (or 6, 17).
      if (
        (present('port') || present('group port-group')) &&
        !['tcp', 'udp', 'tcp_udp', '6', '17'].includes(value('protocol') ?? '')
      )
        report(
          where(`${sideName} port`),
          `${key}: a port needs protocol tcp, udp or tcp_udp (AddressFilter.pm)`,
        );
      // AddressFilter.pm: "Can't mix ... group and ...", "Can't combine network and address group".
      const addressGroups = [
        'address-group',
        'network-group',
        'ipv6-address-group',
        'ipv6-network-group',
      ].filter((kind) => present(`group ${kind}`));
      if (addressGroups.length > 1)
        report(
          where(`${sideName} group ${addressGroups[1]}`),
          `${key}: ${sideName} combines ${addressGroups.join(' and ')} (AddressFilter.pm)`,
        );
      if (addressGroups.length > 0 && present('address'))
        report(
          where(`${sideName} address`),
          `${key}: ${sideName} has an address beside a group (AddressFilter.pm)`,
        );
      if (present('port') && present('group port-group'))
        report(
          where(`${sideName} port`),
          `${key}: ${sideName} has a port beside a port-group (AddressFilter.pm)`,
        );
      // group references: rule/.../group/<type>/node.def `vyatta-ipset.pl --action=check-set-type`.
      for (const kind of kinds) {
        for (const command of leaves.get(`${sideName} group ${kind}`) ?? []) {
          const known = groups.get(command.value!);
          if (known?.kind !== kind)
            report(
              command,
              `"${command.value}" is no "firewall group ${kind}" in the snippet (check-set-type)`,
            );
        }
      }
    }
  }
  // interfaces ... firewall: the ruleset must exist in the matching tree.
  for (const command of commands) {
    const match = /^interfaces ethernet \* firewall \S+ (name|ipv6-name)$/.exec(command.schema);
    if (match && !rulesets[match[1] as 'name' | 'ipv6-name'].has(command.value!))
      report(command, `"${command.value}" is no "firewall ${match[1]}" in the snippet`);
  }
  return problems;
}

function checkSnippet(text: string): string[] {
  const { commands, problems } = readSetCommands(text, TREE, 'EdgeOS');
  return [...problems, ...replacedValues(commands), ...verify(commands)];
}

export const check: SnippetCheck = {
  name: 'EdgeOS grammar',
  platforms: ['edgeos'],
  kind: 'grammar',
  source:
    'Vyatta firewall templates (vyos/vyatta-cfg-firewall, helium and crux: templates/firewall, valid_port_range.pl, AddressFilter.pm); EdgeOS IPv6 groups from Ubiquiti EdgeOS CLI articles',
  notChecked:
    'EdgeOS source is not public: the IPv6 group syntax follows Ubiquiti articles, not a definition file; only the firewall paths a snippet uses; whether the rulesets are bound.',
  unavailable: () => undefined,
  check: checkSnippet,
  planted: [
    {
      name: 'VyOS 1.4 ruleset path "firewall ipv4 name"',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) => text.replace(/^set firewall name /m, 'set firewall ipv4 name '),
    },
    {
      name: 'VyOS member "address" in an ipv6-address-group',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(/^(set firewall group ipv6-address-group \S+) ipv6-address /m, '$1 address '),
    },
    {
      name: 'VyOS reference "group address-group" in an ipv6-name rule',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(
          /^(set firewall ipv6-name \S+ rule \d+ destination group) ipv6-address-group /m,
          '$1 address-group ',
        ),
    },
    {
      name: 'IPv4 address in an ipv6-address-group',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(/^(set firewall group ipv6-address-group \S+ ipv6-address )\S+/m, '$1192.0.2.10'),
    },
    {
      name: 'rule refers to an address group the snippet does not define',
      platform: 'edgeos',
      deployment: 'onsite',
      plant: (text) => text.replace(/(destination group address-group )\S+/, '$1pascom_missing_v4'),
    },
    {
      name: 'IPv6 rule refers to the IPv4 group of the same host',
      platform: 'edgeos',
      deployment: 'onsite',
      plant: (text) =>
        text.replace(/(ipv6-name \S+ rule \d+ destination group ipv6-address-group \S+)_v6/, '$1_v4'),
    },
    {
      name: 'rule number above 9999',
      platform: 'edgeos',
      deployment: 'onsite',
      plant: (text) => text.replace(/(^set firewall name \S+ rule )10 /gm, '$110000 '),
    },
    {
      name: 'ruleset name longer than 28 characters',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) => text.replace(/ PASCOM_OUT /g, ` PASCOM_OUT_${'X'.repeat(20)} `),
    },
    {
      name: 'unterminated quote swallowing the next line',
      platform: 'edgeos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( rule 10 description '[^']*)'/, '$1'),
    },
  ],
};
