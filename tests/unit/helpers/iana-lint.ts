import type { PortRange } from '../../../src/lib/ports';
import type { Protocol } from '../../../src/schemas/registries';

/**
 * Cross-checks rules against the IANA service registry as a system ships it in
 * /etc/services (Debian: package netbase). That file lists a selection of IANA's
 * assignments, so a port it does not list proves nothing and is never a finding.
 *
 * The lint, for every port (or range) and protocol a rule opens:
 *
 * 1. Single port N, protocol P, and the registry lists N/P: the rule must name
 *    one of the services listed there (name or alias) in `ianaNames`; otherwise
 *    the port belongs to a service the rule does not claim ("unclaimed-service").
 * 2. Single port N, protocol P, and the registry lists port N only for other
 *    protocols, such as 123/tcp where only ntp 123/udp exists: "wrong-protocol".
 * 3. Range A-B, protocol P: every registry entry M/P with A <= M <= B is an
 *    "unclaimed-service" unless named in `ianaNames`. Entries of other protocols
 *    inside a range are ignored: a range is a pool of ports, not a claim on each.
 * 4. Every name in `ianaNames` must be listed at one of the rule's port/protocol
 *    pairs; a name listed nowhere there is an "unknown-name" (a wrong claim).
 *
 * Findings of kinds 1 to 3 about "N/P" are acknowledged by an entry
 * `{ service: "N/P", reason }` in the rule's `iana` list, which then says why
 * pascom's use differs from the registry. An acknowledgement that covers no
 * finding is itself a finding ("stale-acknowledgement"), so explanations do not
 * outlive the reason for them. Kinds 4 and stale acknowledgements cannot be
 * acknowledged: fix the data instead.
 */

/** One line of /etc/services: "ntp  123/udp  [aliases]  [# comment]". */
export interface ServiceEntry {
  name: string;
  port: number;
  protocol: string;
  aliases: string[];
}

/** Reads /etc/services, skipping comments and blank lines; throws on a line it cannot read. */
export function parseServices(text: string): ServiceEntry[] {
  const entries: ServiceEntry[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [name, portProtocol, ...aliases] = line.split(/\s+/);
    const match = /^(\d+)\/([a-z]+)$/.exec(portProtocol ?? '');
    if (name === undefined || !match) {
      throw new Error(
        `services line ${index + 1}: expected "name port/protocol [aliases]", got "${rawLine}"`,
      );
    }
    entries.push({ name, port: Number(match[1]), protocol: match[2]!, aliases });
  });
  return entries;
}

/** What the lint needs of a rule. */
export interface IanaLintRule {
  id: string;
  ports: readonly PortRange[];
  protocols: readonly Protocol[];
  ianaNames: readonly string[];
  iana: readonly { service: string; reason: string }[];
}

type IanaFindingKind = 'unclaimed-service' | 'wrong-protocol' | 'unknown-name' | 'stale-acknowledgement';

export interface IanaFinding {
  ruleId: string;
  kind: IanaFindingKind;
  /** The port/protocol pair concerned, e.g. "123/tcp"; absent for "unknown-name". */
  service?: string;
  /** A sentence naming the rule, what the registry says and how to fix it. */
  message: string;
}

function describe(entry: ServiceEntry): string {
  return `${entry.name} ${entry.port}/${entry.protocol}`;
}

function names(entry: ServiceEntry): string[] {
  return [entry.name, ...entry.aliases];
}

/** Every finding for one rule before acknowledgements are applied. */
function rawFindings(rule: IanaLintRule, services: readonly ServiceEntry[]): IanaFinding[] {
  const findings: IanaFinding[] = [];
  const claimed = new Set(rule.ianaNames);
  const namesSeen = new Set<string>();
  for (const { from, to } of rule.ports) {
    for (const protocol of rule.protocols) {
      const sameProtocol = services.filter(
        (entry) => entry.protocol === protocol && entry.port >= from && entry.port <= to,
      );
      sameProtocol.forEach((entry) => names(entry).forEach((name) => namesSeen.add(name)));
      const byPort = new Map<number, ServiceEntry[]>();
      for (const entry of sameProtocol) byPort.set(entry.port, [...(byPort.get(entry.port) ?? []), entry]);
      for (const [port, entries] of byPort) {
        if (entries.some((entry) => names(entry).some((name) => claimed.has(name)))) continue;
        const service = `${port}/${protocol}`;
        findings.push({
          ruleId: rule.id,
          kind: 'unclaimed-service',
          service,
          message: `rule "${rule.id}": ${service} is registered as ${entries.map(describe).join(', ')}; if the rule is that service, add "${entries[0]!.name}" to its ianaNames, otherwise explain the difference under iana`,
        });
      }
      if (from === to && sameProtocol.length === 0) {
        const otherProtocols = services.filter((entry) => entry.port === from);
        if (otherProtocols.length > 0) {
          const service = `${from}/${protocol}`;
          findings.push({
            ruleId: rule.id,
            kind: 'wrong-protocol',
            service,
            message: `rule "${rule.id}": ${service} is not registered; the registry lists port ${from} only as ${otherProtocols.map(describe).join(', ')}. Check the protocol, or explain the difference under iana`,
          });
        }
      }
    }
  }
  for (const name of rule.ianaNames) {
    if (!namesSeen.has(name)) {
      findings.push({
        ruleId: rule.id,
        kind: 'unknown-name',
        message: `rule "${rule.id}": ianaNames lists "${name}", but the registry lists no such service at the rule's ports and protocols`,
      });
    }
  }
  return findings;
}

/** The findings for one rule that no acknowledgement covers, plus acknowledgements that cover nothing. */
export function lintRule(rule: IanaLintRule, services: readonly ServiceEntry[]): IanaFinding[] {
  const findings = rawFindings(rule, services);
  const acknowledged = new Set(rule.iana.map((acknowledgement) => acknowledgement.service));
  const open = findings.filter(
    (finding) => finding.service === undefined || !acknowledged.has(finding.service),
  );
  const covered = new Set(findings.map((finding) => finding.service));
  const stale = rule.iana
    .filter((acknowledgement) => !covered.has(acknowledgement.service))
    .map((acknowledgement): IanaFinding => ({
      ruleId: rule.id,
      kind: 'stale-acknowledgement',
      service: acknowledgement.service,
      message: `rule "${rule.id}": the iana acknowledgement for ${acknowledgement.service} covers no difference from the registry; remove it`,
    }));
  return [...open, ...stale];
}

/** Lints every rule; an empty list means the data agrees with the registry or explains why not. */
export function lintRules(rules: readonly IanaLintRule[], services: readonly ServiceEntry[]): IanaFinding[] {
  return rules.flatMap((rule) => lintRule(rule, services));
}
