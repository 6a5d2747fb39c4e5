/**
 * FortiGate (FortiOS 7.x) CLI configuration.
 *
 * Syntax follows the FortiOS CLI reference
 * (https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference):
 * `config firewall address` with `set type fqdn` (a leading "*." makes it a
 * wildcard FQDN address), `config firewall service custom` with
 * `tcp-portrange` / `udp-portrange` ("30000-35000", lists separated by spaces),
 * and `config firewall policy` with `edit 0`, which takes the next free id and
 * appends the policy. FortiGate resolves FQDN addresses itself and follows their
 * changes, so the policies name the hosts directly.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { ruleZones, skippedIn, type Peer, type SnippetPlan } from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

/**
 * Appends a `config … end` block. A loop rather than a spread into push(): the
 * body grows with the rules, and a spread of some hundred thousand lines
 * overflows the call stack.
 */
function configBlock(lines: string[], header: string, body: readonly string[]): void {
  lines.push(header);
  for (const line of body) lines.push(line);
  lines.push('end');
}

function addressNames(peer: Peer, plan: SnippetPlan): { v4: string; v6: string } {
  const names = baseNames(peer, plan);
  // IPv6 objects live in their own table; a suffix keeps their names apart from the IPv4 ones.
  return { v4: names.v4, v6: names.v6 === 'all' || names.v6 === 'none' ? names.v6 : `${names.v6}_v6` };
}

function baseNames(peer: Peer, plan: SnippetPlan): { v4: string; v6: string } {
  switch (peer.kind) {
    case 'any':
      return { v4: 'all', v6: 'all' };
    case 'network':
      return peer.v4 === undefined && peer.v6 === undefined
        ? { v4: 'all', v6: 'all' }
        : { v4: peer.v4 ? 'pascom_your_network' : 'none', v6: peer.v6 ? 'pascom_your_network' : 'none' };
    case 'server':
      return { v4: peer.v4 ? 'pascom_server' : 'none', v6: peer.v6 ? 'pascom_server' : 'none' };
    case 'set': {
      const wildcard = plan.sets.some((set) => set === peer.set && set.placeholderHost && set.wildcard);
      return {
        v4: wildcard ? `${peer.set.name}_any` : peer.set.name,
        v6: wildcard ? `${peer.set.name}_any` : peer.set.name,
      };
    }
  }
}

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  if (plan.sets.some((set) => set.placeholderHost && set.wildcard)) {
    lines.push(`# ${plan.texts.fortigateWildcard}`);
  }
  const used = (name: string) =>
    plan.rules.some((rule) =>
      [rule.source, rule.destination].some((peer) => Object.values(baseNames(peer, plan)).includes(name)),
    );
  const v4: string[] = [];
  const v6: string[] = [];
  const object = (target: string[], name: string, body: string[]) =>
    target.push(
      `    edit ${name === '0' ? name : doubleQuote(name)}`,
      ...body.map((line) => `        ${line}`),
      '    next',
    );
  for (const set of plan.sets) {
    const wildcard = set.placeholderHost && set.wildcard !== undefined;
    const name = wildcard ? `${set.name}_any` : set.name;
    const fqdn = wildcard ? set.wildcard! : set.hosts[0]!;
    const body = ['set type fqdn', `set fqdn ${doubleQuote(fqdn)}`, `set comment ${doubleQuote(set.label)}`];
    object(v4, name, body);
    object(v6, `${name}_v6`, body);
  }
  if (used('pascom_your_network')) {
    if (plan.network.v4) object(v4, 'pascom_your_network', [`set subnet ${plan.network.v4.cidr}`]);
    if (plan.network.v6) object(v6, 'pascom_your_network_v6', [`set ip6 ${plan.network.v6.cidr}`]);
  }
  if (used('pascom_server') && plan.server) {
    if (plan.server.v4) object(v4, 'pascom_server', [`set subnet ${plan.server.v4}/32`]);
    if (plan.server.v6) object(v6, 'pascom_server_v6', [`set ip6 ${plan.server.v6}/128`]);
  }
  if (v4.length > 0) configBlock(lines, 'config firewall address', v4);
  if (v6.length > 0) configBlock(lines, 'config firewall address6', v6);

  const services: string[] = [];
  for (const service of plan.services) {
    const range = service.ports.map((port) => formatPortRange(port, '-')).join(' ');
    object(services, service.name, [
      ...service.protocols.map((protocol) => `set ${protocol}-portrange ${range}`),
      `set comment ${doubleQuote(service.comment)}`,
    ]);
  }
  configBlock(lines, 'config firewall service custom', services);
  lines.push('config firewall policy');
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    const source = addressNames(rule.source, plan);
    const destination = addressNames(rule.destination, plan);
    const families = ([4, 6] as const).filter((family) =>
      family === 4
        ? source.v4 !== 'none' && destination.v4 !== 'none'
        : source.v6 !== 'none' && destination.v6 !== 'none',
    );
    for (const family of [4, 6] as const) {
      const reason = skippedIn(rule, family);
      if (reason !== undefined) lines.push(`    # ${reason}`);
    }
    if (families.length === 0) continue;
    const body = [
      // Policy names are at most 35 characters; the index keeps split rules apart.
      `set name ${doubleQuote(`pascom-${index + 1}-${rule.id}`.slice(0, 35))}`,
      `set srcintf ${doubleQuote(zone.from)}`,
      `set dstintf ${doubleQuote(zone.to)}`,
      'set action accept',
      ...(families.includes(4)
        ? [`set srcaddr ${doubleQuote(source.v4)}`, `set dstaddr ${doubleQuote(destination.v4)}`]
        : []),
      ...(families.includes(6)
        ? [`set srcaddr6 ${doubleQuote(source.v6)}`, `set dstaddr6 ${doubleQuote(destination.v6)}`]
        : []),
      'set schedule "always"',
      `set service ${doubleQuote(rule.service.name)}`,
      // Outbound policies translate your private addresses to the outgoing interface's (see the header).
      ...(rule.direction === 'outbound' ? ['set nat enable'] : []),
      `set comments ${doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}`,
    ];
    object(lines, '0', body);
  }
  lines.push('end', '');
  return lines.join('\n');
};

/** The FortiOS configuration for the selected rules. */
export const render = snippetRenderer('fortigate', spell);
