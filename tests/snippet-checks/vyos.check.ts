/**
 * Grammar of the VyOS 1.4 snippets, written from the VyOS 1.4.0 interface
 * definitions (vyos-1x tag 1.4.0, commit 3f334ed0; the paths checked here are
 * the same on the sagitta branch and unchanged in circinus and current):
 * `interface-definitions/firewall.xml.in` and the `include/firewall/*.xml.i`
 * it pulls in, the value validators in `src/validators/`, and the commit-time
 * rules of `src/conf_mode/firewall.py` (`verify_rule`). Only the part of the tree
 * a firewall snippet uses is modelled; any other keyword is reported.
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

// `include/constraint/alpha-numeric-hyphen-underscore-dot.xml.i`: names of address, network and port groups.
const groupName = pattern(
  /[-_a-zA-Z0-9][\w\-.+]*/,
  'a group name is letters, digits and - _ . + (alpha-numeric-hyphen-underscore-dot)',
);
// firewall.xml.in `domain-group` constraint: no digit first.
const domainGroupName = pattern(
  /[a-zA-Z_][a-zA-Z0-9]?[\w\-.]*/,
  'a domain-group name starts with a letter or _ (firewall.xml.in domain-group)',
);
// `ipv4-custom-name.xml.i` / `ipv6-custom-name.xml.i`: ruleset names.
const rulesetName = pattern(
  /[a-zA-Z0-9][\w\-.]*/,
  'a ruleset name is a letter or digit, then letters, digits and - _ . (ipv4-custom-name.xml.i)',
);
// `generic-description.xml.i`: `.{0,255}`, "Description too long (limit 255 characters)".
const description = pattern(
  /.{0,255}/,
  'a description holds at most 255 characters (generic-description.xml.i)',
);
// `*-custom-name.xml.i` and the hook files: `<validator name="numeric" argument="--range 1-999999"/>`.
const ruleNumber = integer(1, 999999);
// `src/validators/fqdn`: `[A-Za-z0-9][-.A-Za-z0-9]*`.
const fqdn = pattern(/[A-Za-z0-9][-.A-Za-z0-9]*/, 'not a domain name (validators/fqdn)');
// `port.xml.i` with `src/validators/port-multi`: a comma-separated list, each item may be negated.
const portList: Validate = (value) => {
  const problems = value
    .split(',')
    .map((item) => negatable(portItem)(item))
    .filter((problem) => problem !== undefined);
  return problems.length === 0 ? undefined : problems.join(', ');
};
// `firewall-mark`-free subset of `common-rule-inet.xml.i`; `action.xml.i` lists every action.
const action = oneOf([
  'accept',
  'continue',
  'jump',
  'reject',
  'return',
  'drop',
  'queue',
  'offload',
  'synproxy',
]);
// `match-interface.xml.i`: an interface name or an interface group.
const interfaceName = pattern(
  /(!?)(bond|br|dum|en|ersp|eth|gnv|ifb|ipoe|lan|l2tp|l2tpeth|macsec|peth|ppp|pppoe|pptp|sstp|tun|veth|vti|vtun|vxlan|wg|wlan|wwan)([0-9]?)(\*?)(.+)?|(!?)lo/,
  'not an interface name VyOS accepts (match-interface.xml.i)',
);

/** `source` / `destination` of a rule: `address.xml.i` or `address-ipv6.xml.i`, `port.xml.i`, `fqdn.xml.i`, groups. */
function side(family: 4 | 6): ConfigNode {
  return node({
    // address.xml.i: ipv4-address, ipv4-prefix, ipv4-range and their "!" forms; address-ipv6.xml.i: ipv6, ipv6-range.
    address: leaf(
      negatable(
        family === 4
          ? anyOf(ipv4Address, ipv4Prefix(true), addressRange(4))
          : anyOf(ipv6Address, ipv6Prefix(false), addressRange(6)),
      ),
    ),
    port: leaf(portList),
    fqdn: leaf(fqdn),
    // source-destination-group.xml.i / -ipv6.xml.i: the same four leaf names in both families.
    group: node({
      'address-group': leaf(negatable(groupName)),
      'domain-group': leaf(negatable(domainGroupName)),
      'network-group': leaf(negatable(groupName)),
      'port-group': leaf(negatable(groupName)),
    }),
  });
}

/** The rule children a snippet uses, from `common-rule-ipv4.xml.i` / `common-rule-ipv6.xml.i`. */
function rule(family: 4 | 6, hook: 'name' | 'forward' | 'input' | 'output'): ConfigNode {
  return tag(ruleNumber, {
    action: leaf(action),
    description: leaf(description),
    disable: flag(),
    log: flag(),
    protocol: leaf(protocol),
    // state.xml.i: multi leaf, `(established|invalid|new|related)`.
    state: leaf(oneOf(['established', 'invalid', 'new', 'related']), { multi: true }),
    'jump-target': leaf(rulesetName),
    source: side(family),
    destination: side(family),
    // inbound-interface.xml.i is in every hook but output; outbound-interface.xml.i in every hook but input.
    ...(hook !== 'output'
      ? { 'inbound-interface': node({ name: leaf(interfaceName), group: leaf(groupName) }) }
      : {}),
    ...(hook !== 'input'
      ? { 'outbound-interface': node({ name: leaf(interfaceName), group: leaf(groupName) }) }
      : {}),
  });
}

/** `ipv4-hook-*.xml.i` / `ipv6-hook-*.xml.i`: base chains, default-action from default-action-base-chains.xml.i. */
function baseChain(family: 4 | 6, hook: 'forward' | 'input' | 'output'): ConfigNode {
  return node({
    filter: node({
      'default-action': leaf(oneOf(['drop', 'accept'])),
      description: leaf(description),
      rule: rule(family, hook),
    }),
  });
}

function familyTree(family: 4 | 6): ConfigNode {
  return node({
    forward: baseChain(family, 'forward'),
    input: baseChain(family, 'input'),
    output: baseChain(family, 'output'),
    // ipv4-custom-name.xml.i / ipv6-custom-name.xml.i, default-action from default-action.xml.i.
    name: tag(rulesetName, {
      'default-action': leaf(oneOf(['drop', 'jump', 'reject', 'return', 'accept', 'continue'])),
      'default-jump-target': leaf(rulesetName),
      'default-log': flag(),
      description: leaf(description),
      rule: rule(family, 'name'),
    }),
  });
}

const TREE: Record<string, ConfigNode> = {
  firewall: node({
    // firewall.xml.in `group`.
    group: node({
      'address-group': tag(groupName, {
        // validators ipv4-address, ipv4-range.
        address: leaf(anyOf(ipv4Address, addressRange(4)), { multi: true }),
        include: leaf(groupName, { multi: true }),
        description: leaf(description),
      }),
      'ipv6-address-group': tag(groupName, {
        // validators ipv6-address, ipv6-range: the member leaf is `address`, as in the IPv4 group.
        address: leaf(anyOf(ipv6Address, addressRange(6)), { multi: true }),
        include: leaf(groupName, { multi: true }),
        description: leaf(description),
      }),
      'network-group': tag(groupName, {
        // validator ipv4-prefix (ipaddrcheck --is-ipv4-net: a network address).
        network: leaf(ipv4Prefix(true), { multi: true }),
        include: leaf(groupName, { multi: true }),
        description: leaf(description),
      }),
      'ipv6-network-group': tag(groupName, {
        network: leaf(ipv6Prefix(true), { multi: true }),
        include: leaf(groupName, { multi: true }),
        description: leaf(description),
      }),
      'port-group': tag(groupName, {
        // validator port-range: one port, range or service name per value.
        port: leaf(portItem, { multi: true }),
        include: leaf(groupName, { multi: true }),
        description: leaf(description),
      }),
      'domain-group': tag(domainGroupName, {
        address: leaf(fqdn, { multi: true }),
        description: leaf(description),
      }),
    }),
    // global-options.xml.i: the resolver of domain groups.
    'global-options': node({
      'resolver-cache': flag(),
      'resolver-interval': leaf(integer(10, 3600)),
    }),
    ipv4: familyTree(4),
    ipv6: familyTree(6),
  }),
};

interface Rule {
  family: 4 | 6;
  key: string;
  first: SetCommand;
  leaves: Map<string, SetCommand[]>;
}

/** The commit-time rules of `firewall.py` that a snippet alone can break. */
function verify(commands: readonly SetCommand[]): string[] {
  const problems: string[] = [];
  const defined = (kind: string) =>
    new Set(
      commands
        .filter((command) => command.schema.startsWith(`firewall group ${kind} *`))
        .map((command) => command.tags[0]),
    );
  const groups: Record<string, Set<string | undefined>> = {};
  for (const kind of [
    'address-group',
    'ipv6-address-group',
    'network-group',
    'ipv6-network-group',
    'port-group',
    'domain-group',
  ])
    groups[kind] = defined(kind);
  const rulesets = {
    4: new Set(
      commands
        .filter((command) => command.schema.startsWith('firewall ipv4 name *'))
        .map((command) => command.tags[0]),
    ),
    6: new Set(
      commands
        .filter((command) => command.schema.startsWith('firewall ipv6 name *'))
        .map((command) => command.tags[0]),
    ),
  };

  const rules = new Map<string, Rule>();
  for (const command of commands) {
    const match =
      /^firewall ipv([46]) (name \*|forward filter|input filter|output filter) rule \* (.+)$/.exec(
        command.schema,
      );
    if (!match) continue;
    const family = match[1] === '4' ? 4 : 6;
    const key = `firewall ipv${family} ${match[2]!.replace('*', command.tags[0]!)} rule ${command.tags.at(-1)}`;
    const known = rules.get(key) ?? { family, key, first: command, leaves: new Map<string, SetCommand[]>() };
    rules.set(key, known);
    known.leaves.set(match[3]!, [...(known.leaves.get(match[3]!) ?? []), command]);
  }

  for (const { family, key, first, leaves } of rules.values()) {
    const value = (leafName: string) => leaves.get(leafName)?.at(-1)?.value;
    const where = (leafName: string) => leaves.get(leafName)?.at(-1) ?? first;
    const report = (command: SetCommand, problem: string) =>
      problems.push(at(command.line, command.text, problem));
    // verify_rule: "Rule action must be defined".
    if (value('action') === undefined)
      report(first, `${key} has no action (firewall.py: "Rule action must be defined")`);
    // verify_rule: jump needs jump-target, jump-target needs jump, and the target must exist in the same family.
    if (value('action') === 'jump' && value('jump-target') === undefined)
      report(where('action'), `${key} jumps without a jump-target (firewall.py)`);
    const target = value('jump-target');
    if (target !== undefined) {
      if (value('action') !== 'jump')
        report(where('jump-target'), `${key} has a jump-target but its action is not jump (firewall.py)`);
      if (!rulesets[family].has(target))
        report(
          where('jump-target'),
          `jump-target "${target}" is no "firewall ipv${family} name" in the snippet (firewall.py)`,
        );
    }
    // verify_rule: icmp in IPv6 rules and ipv6-icmp in IPv4 rules are refused.
    if (family === 6 && value('protocol') === 'icmp')
      report(where('protocol'), 'IPv6 rules use ipv6-icmp, not icmp (firewall.py)');
    if (family === 4 && value('protocol') === 'ipv6-icmp')
      report(where('protocol'), 'IPv4 rules use icmp, not ipv6-icmp (firewall.py)');
    for (const sideName of ['source', 'destination']) {
      const present = (leafName: string) => leaves.has(`${sideName} ${leafName}`);
      // verify_rule: "Only one of address, fqdn or geoip can be specified".
      if (present('address') && present('fqdn'))
        report(where(`${sideName} fqdn`), `${key}: ${sideName} has both address and fqdn (firewall.py)`);
      // verify_rule: one address-like group per side, and never beside an address or fqdn.
      const addressGroups = ['address-group', 'network-group', 'domain-group'].filter((kind) =>
        present(`group ${kind}`),
      );
      if (addressGroups.length > 1)
        report(
          where(`${sideName} group ${addressGroups[1]}`),
          `${key}: ${sideName} combines ${addressGroups.join(' and ')} (firewall.py)`,
        );
      if (addressGroups.length > 0 && (present('address') || present('fqdn')))
        report(
          where(`${sideName} group ${addressGroups[0]}`),
          `${key}: ${sideName} has a group beside an address or fqdn (firewall.py)`,
        );
      // verify_rule: a port needs protocol tcp, udp or tcp_udp.
      if (
        (present('port') || present('group port-group')) &&
        !['tcp', 'udp', 'tcp_udp'].includes(value('protocol') ?? '')
      )
        report(where(`${sideName} port`), `${key}: a port needs protocol tcp, udp or tcp_udp (firewall.py)`);
      if (present('port') && present('group port-group'))
        report(where(`${sideName} port`), `${key}: ${sideName} has both port and port-group (firewall.py)`);
      // verify_rule looks a group up as `ipv6_<group>` in IPv6 rules: address-group and network-group
      // then name an ipv6-address-group / ipv6-network-group; domain and port groups serve both families.
      for (const kind of ['address-group', 'network-group', 'domain-group', 'port-group']) {
        for (const command of leaves.get(`${sideName} group ${kind}`) ?? []) {
          const wanted =
            family === 6 && (kind === 'address-group' || kind === 'network-group') ? `ipv6-${kind}` : kind;
          const name = command.value!.replace(/^!/, '');
          if (!groups[wanted]!.has(name))
            report(
              command,
              `"${name}" is no "firewall group ${wanted}" in the snippet; an IPv${family} rule's ${kind} names one (firewall.py)`,
            );
        }
      }
    }
  }
  return problems;
}

function checkSnippet(text: string): string[] {
  const { commands, problems } = readSetCommands(text, TREE, 'VyOS 1.4');
  return [...problems, ...replacedValues(commands), ...verify(commands)];
}

/** Replaces the first line matching `find` (a whole-line regex) with `lines`. */
function replaceLine(text: string, find: RegExp, lines: (found: string) => string[]): string {
  const all = text.split('\n');
  const index = all.findIndex((line) => find.test(line));
  if (index < 0) return text;
  all.splice(index, 1, ...lines(all[index]!));
  return all.join('\n');
}

export const check: SnippetCheck = {
  name: 'VyOS 1.4 grammar',
  platforms: ['vyos'],
  kind: 'grammar',
  source:
    'vyos-1x 1.4.0 (sagitta): interface-definitions/firewall.xml.in, include/firewall/*.xml.i, src/validators, src/conf_mode/firewall.py verify_rule',
  notChecked:
    'Only the firewall paths a snippet uses; whether the names resolve (domain groups) and whether the rulesets are bound; commit-time checks outside verify_rule.',
  unavailable: () => undefined,
  check: checkSnippet,
  planted: [
    {
      name: 'EdgeOS group member "ipv6-address" in an ipv6-address-group (VyOS names it address)',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) =>
        replaceLine(text, /^set firewall group domain-group \S+ address /, (found) => [
          found,
          'set firewall group ipv6-address-group pascom_cloud_v6 ipv6-address 2001:db8::10',
        ]),
    },
    {
      name: 'EdgeOS reference "destination group ipv6-address-group" in an IPv6 rule',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) =>
        replaceLine(text, /^set firewall ipv6 name \S+ rule \d+ destination group domain-group /, (found) => [
          found.replace(
            /destination group domain-group \S+/,
            'destination group ipv6-address-group pascom_cloud_v6',
          ),
        ]),
    },
    {
      name: 'EdgeOS ruleset path "firewall name" instead of "firewall ipv4 name"',
      platform: 'vyos',
      deployment: 'onsite',
      plant: (text) => text.replace(/^set firewall ipv4 name /m, 'set firewall name '),
    },
    {
      name: 'IPv4 address in an ipv6-address-group, referenced from an IPv6 rule',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) =>
        replaceLine(text, /^set firewall ipv6 name \S+ rule \d+ destination group domain-group /, (found) => [
          'set firewall group ipv6-address-group pascom_cloud_v6 address 192.0.2.10',
          found.replace(
            /destination group domain-group \S+/,
            'destination group address-group pascom_cloud_v6',
          ),
        ]),
    },
    {
      name: 'rule refers to a domain group the snippet does not define',
      platform: 'vyos',
      deployment: 'onsite',
      plant: (text) => text.replace(/(destination group domain-group )\S+/, '$1pascom_missing'),
    },
    {
      name: 'rule number above 999999',
      platform: 'vyos',
      deployment: 'onsite',
      plant: (text) => text.replace(/(^set firewall ipv4 name \S+ rule )10 /gm, '$11000000 '),
    },
    {
      name: 'description longer than 255 characters',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( rule 10 description ')[^']*'/, `$1${'x'.repeat(256)}'`),
    },
    {
      name: 'unquoted description with spaces',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( rule 10 description )'([^']*)'/, '$1$2'),
    },
    {
      name: 'comment marker inside a command line',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( rule 10 action accept)/, '$1 # allow'),
    },
    {
      name: 'port on a rule without protocol tcp, udp or tcp_udp',
      platform: 'vyos',
      deployment: 'cloud',
      plant: (text) => text.replace(/( rule 10 protocol )tcp\b/, '$1icmp'),
    },
  ],
};
