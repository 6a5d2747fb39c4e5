import { describe, expect, test } from 'vitest';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { parseSnippetData, type SnippetData } from '../../src/lib/firewall/snippet-data';
import { scriptJson } from '../../src/lib/json';
import { loadContent } from './helpers/load-content';

const data = loadContent();
const published: SnippetData = Object.fromEntries(
  data.deployments.map((view) => [view.id, toSnippetInput(view)]),
);

describe('snippet data (/snippets/data.json)', () => {
  test('survives the round trip through JSON', () => {
    expect(parseSnippetData(JSON.stringify(published))).toEqual(published);
  });

  test('keeps the language of German input', () => {
    const german = { ...published, cloud: { ...published.cloud!, lang: 'de' as const } };
    expect(parseSnippetData(JSON.stringify(german))?.cloud?.lang).toBe('de');
  });

  test('holds every row of both tabs', () => {
    expect(published.cloud?.rules).toHaveLength(9);
    expect(published.onsite?.rules).toHaveLength(12);
  });

  test.each([
    ['missing', null],
    ['empty', ''],
    ['not JSON', '{"cloud":'],
    ['a list', '[]'],
    ['no tabs', '{}'],
    ['a tab under the wrong name', JSON.stringify({ onsite: published.cloud })],
    [
      'a rule without ports',
      JSON.stringify({ cloud: { ...published.cloud, rules: [{ id: 'x', title: 'x' }] } }),
    ],
    [
      'a port out of range',
      JSON.stringify({
        cloud: {
          ...published.cloud,
          rules: [{ ...published.cloud!.rules[0], ports: [{ from: 0, to: 70000 }] }],
        },
      }),
    ],
    [
      'an unknown protocol',
      JSON.stringify({
        cloud: { ...published.cloud, rules: [{ ...published.cloud!.rules[0], protocols: ['icmp'] }] },
      }),
    ],
    [
      'a check of an unknown kind',
      JSON.stringify({
        cloud: {
          ...published.cloud,
          rules: [{ ...published.cloud!.rules[0], checks: [{ port: 5061, kind: 'ping' }] }],
        },
      }),
    ],
    ['a language with no snippet texts', JSON.stringify({ cloud: { ...published.cloud, lang: 'fr' } })],
  ])('damaged data (%s) is refused', (_name, json) => {
    expect(parseSnippetData(json)).toBeUndefined();
  });
});

describe('scriptJson', () => {
  test('escapes every "<" and stays valid JSON', () => {
    const text = scriptJson({ a: '<b>', c: ['</script>'] });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ a: '<b>', c: ['</script>'] });
  });
});
