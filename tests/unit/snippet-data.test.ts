import { describe, expect, test } from 'vitest';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { parseSnippetData, serializeSnippetData, type SnippetData } from '../../src/lib/snippet-data';
import { scriptJson } from '../../src/lib/script-json';
import { loadContent } from './helpers/load-content';

const data = loadContent();
const embedded: SnippetData = Object.fromEntries(
  data.deployments.map((view) => [view.id, toSnippetInput(view)]),
);

describe('embedded snippet data', () => {
  test('survives the round trip through the page', () => {
    expect(parseSnippetData(serializeSnippetData(embedded))).toEqual(embedded);
  });

  test('holds every row of both tabs', () => {
    expect(embedded.cloud?.rules).toHaveLength(9);
    expect(embedded.onsite?.rules).toHaveLength(12);
  });

  test('cannot end its script element, whatever a title says', () => {
    const hostile = structuredClone(embedded);
    hostile.cloud!.rules[0]!.title = '</script><script>alert(1)</script><!--';
    const json = serializeSnippetData(hostile);
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(parseSnippetData(json)?.cloud?.rules[0]?.title).toBe('</script><script>alert(1)</script><!--');
  });

  test.each([
    ['missing', null],
    ['empty', ''],
    ['not JSON', '{"cloud":'],
    ['a list', '[]'],
    ['no tabs', '{}'],
    ['a tab under the wrong name', JSON.stringify({ onsite: embedded.cloud })],
    [
      'a rule without ports',
      JSON.stringify({ cloud: { ...embedded.cloud, rules: [{ id: 'x', title: 'x' }] } }),
    ],
    [
      'a port out of range',
      JSON.stringify({
        cloud: {
          ...embedded.cloud,
          rules: [{ ...embedded.cloud!.rules[0], ports: [{ from: 0, to: 70000 }] }],
        },
      }),
    ],
    [
      'an unknown protocol',
      JSON.stringify({
        cloud: { ...embedded.cloud, rules: [{ ...embedded.cloud!.rules[0], protocols: ['icmp'] }] },
      }),
    ],
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
