import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lintRule, lintRules, parseServices, type IanaLintRule } from './helpers/iana-lint';
import { parseYamlRecords } from '../../src/lib/content/yaml-records';
import { portRuleSchema } from '../../src/schemas/port-rule';
import { loadContent } from './helpers/load-content';

const services = parseServices(readFileSync('tests/fixtures/iana/services', 'utf8'));

function rule(overrides: Partial<IanaLintRule>): IanaLintRule {
  return {
    id: 'test-rule',
    ports: [{ from: 123, to: 123 }],
    protocols: ['udp'],
    ianaNames: [],
    iana: [],
    ...overrides,
  };
}

describe('the services fixture', () => {
  test('is the netbase registry: ntp only on UDP, no STUN entry', () => {
    expect(services.length).toBeGreaterThan(300);
    expect(services.filter((entry) => entry.port === 123)).toEqual([
      { name: 'ntp', port: 123, protocol: 'udp', aliases: [] },
    ]);
    expect(services.find((entry) => entry.name === 'smtp')).toMatchObject({
      port: 25,
      protocol: 'tcp',
      aliases: ['mail'],
    });
  });

  test('a line that is not "name port/protocol" is refused', () => {
    expect(() => parseServices('ntp 123\n')).toThrow('services line 1');
  });
});

describe('the published rules', () => {
  test('agree with the IANA registry, or explain why not', () => {
    const findings = lintRules(loadContent().rules, services);
    expect(findings.map((finding) => finding.message)).toEqual([]);
  });

  test('a planted mismatch fails: the NTP rule switched to 123/tcp, as the original table had it', () => {
    const ntp = loadContent().rules.find((candidate) => candidate.id === 'ntp-time')!;
    const findings = lintRules([{ ...ntp, protocols: ['tcp'] }], services);
    expect(findings.map((finding) => finding.kind)).toEqual(['wrong-protocol', 'unknown-name']);
    expect(findings[0]?.message).toBe(
      'rule "ntp-time": 123/tcp is not registered; the registry lists port 123 only as ntp 123/udp. Check the protocol, or explain the difference under iana',
    );
  });
});

describe('deliberately bad rules (tests/fixtures/iana/bad-rules.yaml)', () => {
  const file = 'tests/fixtures/iana/bad-rules.yaml';
  const bad = parseYamlRecords(readFileSync(file, 'utf8'), {
    file,
    entryLabel: 'rule',
    schema: portRuleSchema,
  });

  test.each([
    ['ntp-over-tcp', ['wrong-protocol', 'unknown-name']],
    ['mail-without-name', ['unclaimed-service']],
    ['stale-acknowledgement', ['stale-acknowledgement']],
  ])('%s gives the findings %j', (id, kinds) => {
    const record = bad.find((candidate) => candidate.id === id)!.data;
    expect(lintRule(record, services).map((finding) => finding.kind)).toEqual(kinds);
  });
});

describe('the lint rule by rule', () => {
  test.each<[string, Partial<IanaLintRule>, string[]]>([
    ['a registered port named by the rule', { ianaNames: ['ntp'] }, []],
    [
      'a registered port named by an alias',
      { ports: [{ from: 25, to: 25 }], protocols: ['tcp'], ianaNames: ['mail'] },
      [],
    ],
    ['a registered port the rule does not name', {}, ['unclaimed-service']],
    ['a port the registry does not list', { ports: [{ from: 8884, to: 8884 }], protocols: ['tcp'] }, []],
    ['a port registered only for the other protocol', { protocols: ['tcp'] }, ['wrong-protocol']],
    ["a name the rule's ports do not carry", { ianaNames: ['ntp', 'smtp'] }, ['unknown-name']],
    ['a UDP range around a TCP-only service', { ports: [{ from: 30000, to: 35000 }] }, []],
    [
      'a TCP range around a TCP service',
      { ports: [{ from: 30000, to: 35000 }], protocols: ['tcp'] },
      ['unclaimed-service'],
    ],
  ])('%s', (_label, overrides, kinds) => {
    expect(lintRule(rule(overrides), services).map((finding) => finding.kind)).toEqual(kinds);
  });

  test('an acknowledgement covers the finding for its port and protocol only', () => {
    const acknowledged = rule({
      protocols: ['tcp', 'udp'],
      iana: [{ service: '123/tcp', reason: 'Explained.' }],
    });
    expect(lintRule(acknowledged, services).map((finding) => `${finding.kind} ${finding.service}`)).toEqual([
      'unclaimed-service 123/udp',
    ]);
  });

  test('the finding for a range names the registered port inside it', () => {
    const [finding] = lintRule(rule({ ports: [{ from: 30000, to: 35000 }], protocols: ['tcp'] }), services);
    expect(finding?.service).toBe('30865/tcp');
    expect(finding?.message).toContain('csync2 30865/tcp');
  });
});

describe('ianaNames in a rule', () => {
  test.each([['NTP'], ['-ntp'], ['ntp--time'], ['123'], ['a-very-long-service-name']])(
    '"%s" is refused',
    (name) => {
      const result = portRuleSchema.safeParse({
        id: 'x',
        title: 'x',
        purpose: 'x',
        ifBlocked: 'x',
        ports: [123],
        protocols: ['udp'],
        devices: ['server'],
        source: 'your-network',
        destinations: ['ntp-pool'],
        direction: 'outbound',
        ianaNames: [name],
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['ianaNames', 0]);
    },
  );
});
