import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error';
import { parseYamlRecords } from '../../src/lib/content/yaml-records';
import { portRuleSchema } from '../../src/schemas/port-rule';
import { TEXT_LIMITS } from '../../src/schemas/common';
import { deviceSchema } from '../../src/schemas/device';
import { endpointSchema } from '../../src/schemas/endpoint';
import { deploymentSchema } from '../../src/schemas/deployment';
import { changelogEntrySchema } from '../../src/schemas/changelog';
import { loadContent } from './helpers/load-content';
import { contentWithBrokenCase, minimalContentDir } from './helpers/fixture-content';

/** The message bad content fails with, or a marker when it did not fail. */
function failureOf(caseName: string): string {
  const dir = contentWithBrokenCase(caseName);
  try {
    loadContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message.replaceAll(dir, '<dir>');
  }
  return 'did not fail';
}

test('the minimal fixture itself is valid, so each broken case fails for its own reason', () => {
  expect(loadContent(minimalContentDir).deployments.map((tab) => tab.placements.length)).toEqual([2, 2]);
});

describe('bad content fails with a message naming file, id and field', () => {
  test.each([
    ['yaml-syntax', /^<dir>\/rules\.yaml \(line \d+\): rule "sip-tls": YAML syntax error: /],
    ['not-a-list', /^<dir>\/rules\.yaml: must be a YAML list of rule entries/],
    ['missing-id', /^<dir>\/rules\.yaml \(line 1\): field "id": rule 1 has no id$/],
    [
      'duplicate-id',
      /^<dir>\/rules\.yaml \(line 11\): rule "sip-tls": field "id": duplicate id: already used on line 1$/,
    ],
    ['unknown-key', /^<dir>\/rules\.yaml \(line 1\): rule "sip-tls": field "priority": unknown field/],
    [
      'port-out-of-range',
      /^<dir>\/rules\.yaml \(line 1\): rule "sip-tls": field "ports\[0\]": port 70000 is outside the valid port range 1-65535$/,
    ],
    [
      'reversed-range',
      /^<dir>\/rules\.yaml \(line 11\): rule "rtp-voice": field "ports\[0\]": range "35000-30000" is reversed/,
    ],
    [
      'dangling-device',
      /^<dir>\/rules\.yaml: rule "sip-tls": field "devices\[0\]": unknown device "fax" \(known: phone, server\)$/,
    ],
    [
      'dangling-endpoint',
      /^<dir>\/rules\.yaml: rule "sip-tls": field "destinations\[0\]": unknown endpoint "pascom-moon"/,
    ],
    [
      'dangling-rule',
      /^<dir>\/deployments\.yaml: deployment "cloud": field "groups\[0\]\.rules\[2\]": unknown rule "chat-xmpp"$/,
    ],
  ])('%s', (caseName, expected) => {
    expect(failureOf(caseName)).toMatch(expected);
  });
});

describe('rule schema', () => {
  const parse = (yaml: string) => () =>
    parseYamlRecords(yaml, { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema });
  const rule = (overrides: string) => `- id: demo
  title: Demo
  purpose: Demo.
  ifBlocked: Demo.
  protocols: [tcp]
  devices: [phone]
  source: your-network
  destinations: [pascom-cloud]
  direction: outbound
${overrides}`;

  test.each([
    ['ports: [0]', /port 0 is outside/],
    ['ports: [65536]', /port 65536 is outside/],
    ['ports: ["5000-5000"]', /reversed or empty/],
    ['ports: ["80-x"]', /"80-x" is not a port or a range/],
    ['ports: [5.5]', /port 5.5 is outside/],
    ['ports: []', /needs at least one port/],
  ])('rejects %s', (ports, message) => {
    expect(parse(rule(`  ${ports}`))).toThrow(message);
  });

  test('accepts single ports, ranges and lists and turns them into ranges', () => {
    const [record] = parseYamlRecords(rule(`  ports: [80, 443, '30000-35000', '8080']`), {
      file: 'rules.yaml',
      entryLabel: 'rule',
      schema: portRuleSchema,
    });
    expect(record!.data.ports).toEqual([
      { from: 80, to: 80 },
      { from: 443, to: 443 },
      { from: 30000, to: 35000 },
      { from: 8080, to: 8080 },
    ]);
  });

  test('rejects a protocol outside the registry and a device listed twice', () => {
    expect(parse(rule('  ports: [1]').replace('[tcp]', '[sctp]'))).toThrow(
      /field "protocols\[0\]": must be one of: tcp, udp/,
    );
    expect(parse(rule('  ports: [1]').replace('[phone]', '[phone, phone]'))).toThrow(
      /field "devices\[1\]": "phone" is listed twice/,
    );
  });

  test('reports every problem of a file at once, not only the first', () => {
    const yaml = `${rule('  ports: [70000]')}\n${rule('  ports: [1]').replace('id: demo', 'id: other').replace('outbound', 'sideways')}`;
    expect(parse(yaml)).toThrow(/port 70000[\s\S]*rule "other": field "direction"/);
  });
});

describe('prose fields are one line of limited length', () => {
  const parseRules = (yaml: string) => () =>
    parseYamlRecords(yaml, { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema });
  const rule = (fields: Record<string, string>) =>
    `- id: demo\n${Object.entries({
      title: 'Demo',
      purpose: 'Demo.',
      ifBlocked: 'Demo.',
      ports: '[1]',
      protocols: '[tcp]',
      devices: '[phone]',
      source: 'your-network',
      destinations: '[pascom-cloud]',
      direction: 'outbound',
      ...fields,
    })
      .map(([key, value]) => `  ${key}: ${value}`)
      .join('\n')}\n`;

  test('a "|" block with a line break is refused, naming the entry and the field', () => {
    const yaml = rule({ purpose: '|\n    Calls.\n    0-65535/tcp evil.example' });
    expect(parseRules(yaml)).toThrow(
      /rules\.yaml \(line 1\): rule "demo": field "purpose": must be one line, but has a line break \(U\+000A\)/,
    );
  });

  test.each([
    ['title', '"Demo\\r\\nmore"', /field "title": must be one line/],
    ['ifBlocked', '"Demo\\u2028more"', /field "ifBlocked": must be one line/],
    [
      'purpose',
      '"Reads \\u202Edaer\\u202C backwards"',
      /field "purpose": has an invisible control character \(U\+202E\)/,
    ],
  ])('%s with %s is refused', (field, value, message) => {
    expect(parseRules(rule({ [field]: value }))).toThrow(message);
  });

  test('a folded ">" block is one line and accepted', () => {
    const [record] = parseRules(rule({ purpose: '>\n    Calls and\n    video.' }))();
    expect(record!.data.purpose).toBe('Calls and video.');
  });

  test.each([
    ['title', TEXT_LIMITS.title],
    ['purpose', TEXT_LIMITS.prose],
    ['ifBlocked', TEXT_LIMITS.prose],
  ])('%s is capped at %i characters, and the message names the field', (field, limit) => {
    expect(parseRules(rule({ [field]: 'a'.repeat(limit) }))()).toHaveLength(1);
    expect(parseRules(rule({ [field]: 'a'.repeat(limit + 1) }))).toThrow(
      new RegExp(
        `rule "demo": field "${field}": is ${limit + 1} characters long; at most ${limit} are allowed`,
      ),
    );
  });

  test('a 5 MB purpose fails at once instead of building a 10 MB page', () => {
    expect(parseRules(rule({ purpose: 'a'.repeat(5_000_000) }))).toThrow(
      /field "purpose": is 5000000 characters long; at most 500 are allowed/,
    );
  });

  test.each([
    [
      'device name',
      deviceSchema,
      { id: 'phone', description: 'A phone.', icon: 'phone' },
      'name',
      TEXT_LIMITS.name,
    ],
    [
      'device description',
      deviceSchema,
      { id: 'phone', name: 'Phone', icon: 'phone' },
      'description',
      TEXT_LIMITS.prose,
    ],
    [
      'endpoint name',
      endpointSchema,
      { id: 'x', description: 'X.', kind: 'network' },
      'name',
      TEXT_LIMITS.name,
    ],
    [
      'endpoint description',
      endpointSchema,
      { id: 'x', name: 'X', kind: 'network' },
      'description',
      TEXT_LIMITS.prose,
    ],
    [
      'tab name',
      deploymentSchema,
      { id: 'cloud', summary: 'S.', groups: [{ id: 'g', heading: 'G', rules: ['a'] }] },
      'name',
      TEXT_LIMITS.name,
    ],
    [
      'changelog title',
      changelogEntrySchema,
      { id: '2026.01.02.1', date: '2026-01-02', changes: [{ type: 'added', rules: ['a'], summary: 'S.' }] },
      'title',
      TEXT_LIMITS.headline,
    ],
  ] as const)('%s: one line, at most the limit', (_label, schema, base, field, limit) => {
    const issues = (value: string) =>
      schema
        .safeParse({ ...base, [field]: value })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(issues('a'.repeat(limit))).toEqual([]);
    expect(issues('a'.repeat(limit + 1))).toEqual([
      `${field}: is ${limit + 1} characters long; at most ${limit} are allowed`,
    ]);
    expect(issues('two\nlines')[0]).toMatch(new RegExp(`^${field}: must be one line`));
  });
});

test('YAML anchors and aliases are resolved, so editors can reuse a list', () => {
  const yaml = `- id: one
  title: One
  purpose: One.
  ifBlocked: One.
  ports: [1]
  protocols: &both [tcp, udp]
  devices: &clients [desktop, mobile]
  source: your-network
  destinations: [pascom-cloud]
  direction: outbound
- id: two
  title: Two
  purpose: Two.
  ifBlocked: Two.
  ports: [2]
  protocols: *both
  devices: *clients
  source: your-network
  destinations: [pascom-cloud]
  direction: outbound
`;
  const records = parseYamlRecords(yaml, { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema });
  expect(records[1]!.data.protocols).toEqual(['tcp', 'udp']);
  expect(records[1]!.data.devices).toEqual(['desktop', 'mobile']);
});

test('aliases that expand without bound are refused with a message naming the file, entry and key', () => {
  // Each level repeats the one before nine times: the "billion laughs" shape.
  const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level <= 12; level++) {
    levels.push(
      `l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  const yaml = `- id: zero\n  title: Zero\n- id: one\n  ${levels.join('\n  ')}\n`;
  expect(() =>
    parseYamlRecords(yaml, { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema }),
  ).toThrow(/^rules\.yaml \(line 7\): rule "one": field "l3": cannot be read: Excessive alias count/);
});

test('a key given twice is refused with a message naming the entry and the key', () => {
  const yaml = [
    '- id: zero',
    '  title: Zero',
    '- id: one',
    '  title: One',
    '  ports: [1]',
    '  corrections:',
    '    - field: ports',
    '      note: first',
    '      note: second',
    '  title: Again',
  ].join('\n');
  const message = (() => {
    try {
      parseYamlRecords(yaml, { file: 'rules.yaml', entryLabel: 'rule', schema: portRuleSchema });
    } catch (error) {
      return (error as Error).message;
    }
    return 'did not fail';
  })();
  expect(message.split('\n')).toEqual([
    expect.stringMatching(
      /^rules\.yaml \(line 9\): rule "one": field "corrections\[0\]\.note": YAML syntax error: Map keys must be unique/,
    ),
    expect.stringMatching(
      /^rules\.yaml \(line 10\): rule "one": field "title": YAML syntax error: Map keys must be unique/,
    ),
  ]);
});

test('an id written as a mapping is named by its content, not as "[object Object]"', () => {
  const message = (() => {
    try {
      parseYamlRecords('- id: { name: sip }\n  title: SIP\n', {
        file: 'rules.yaml',
        entryLabel: 'rule',
        schema: portRuleSchema,
      });
    } catch (error) {
      return (error as Error).message;
    }
    return 'did not fail';
  })();
  expect(message).toMatch(/^rules\.yaml \(line 1\): rule "\{"name":"sip"\}": field "id": /);
  expect(message).not.toContain('[object Object]');
});
