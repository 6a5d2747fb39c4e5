import { describe, expect, test } from 'vitest';
import { parseYamlRecords } from '../../src/lib/content/yaml-records';
import { portRuleSchema } from '../../src/schemas/port-rule';
import { loadContent } from './helpers/load-content';

// The connectivity check and the check scripts test a rule only as its `checks` say.
describe('how each rule can be checked (content/rules.yaml)', () => {
  const rules = loadContent('content').rules;

  test('every rule says how a client can test it, or why none can', () => {
    const undescribed = rules.filter((rule) => rule.checks.length === 0 && rule.untestable === undefined);
    expect(undescribed.map((rule) => rule.id)).toEqual([]);
  });

  test('the STUN services answer where the data says (3478 and 19302)', () => {
    const stun = rules.flatMap((rule) =>
      rule.checks.filter((check) => check.kind === 'stun').map((c) => c.port),
    );
    expect(stun.sort()).toEqual([19302, 3478]);
  });
});

describe('the checks field is validated against the rule', () => {
  const parse = (checks: string) => () =>
    parseYamlRecords(
      `- id: demo
  title: Demo
  purpose: Demo.
  ifBlocked: Demo.
  ports: [5061, '30000-35000']
  protocols: [tcp]
  devices: [phone]
  source: your-network
  destinations: [pascom-cloud]
  direction: outbound
${checks}`,
      { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema },
    );

  test.each([
    [
      '  checks: [{ port: 5060, kind: tls }]',
      /field "checks\[0\]\.port": 5060 is not one of the rule's single ports/,
    ],
    ['  checks: [{ port: 30000, kind: tcp }]', /30000 is not one of the rule's single ports/],
    ['  checks: [{ port: 5061, kind: stun }]', /field "checks\[0\]\.kind": a stun check needs UDP/],
    ['  checks: [{ port: 5061, kind: ping }]', /must be one of: tcp, tls, https, http, stun/],
    ['  checks: [{ port: 5061, kind: tls }, { port: 5061, kind: tcp }]', /5061\/tcp is checked twice/],
    ['  checks: [{ port: 5061, kind: tls }]\n  untestable: media-range', /a rule with `checks` is testable/],
    ['  untestable: too-hard', /must be one of: media-range, udp-service/],
  ])('rejects %s', (checks, message) => {
    expect(parse(checks)).toThrow(message);
  });

  test('accepts a check of one of its ports with a protocol the rule opens', () => {
    expect(parse('  checks: [{ port: 5061, kind: tls }]')).not.toThrow();
  });
});
