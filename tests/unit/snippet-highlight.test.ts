import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { highlightSnippet, type Token } from '../../src/lib/firewall/highlight';

const GOLDEN = join(import.meta.dirname, 'golden');
// Every golden snippet, English (golden/<deployment>/) and German (golden/de/<deployment>/).
const goldens = readdirSync(GOLDEN, { recursive: true, encoding: 'utf8' })
  .filter((path) => statSync(join(GOLDEN, path)).isFile())
  .sort();

const kinds = (tokens: Token[]) => tokens.filter((token) => token.kind !== 'text');

describe('highlightSnippet', () => {
  test.each(goldens)('the tokens of %s join back into the snippet exactly', (file) => {
    const text = readFileSync(join(GOLDEN, file), 'utf8');
    const tokens = highlightSnippet(text);
    expect(tokens.map((token) => token.text).join('')).toBe(text);
    // Every generator opens with a comment header.
    expect(
      tokens.some(
        (token) => token.kind === 'comment' && /pascom (firewall rules|Firewall-Regeln)/.test(token.text),
      ),
    ).toBe(true);
  });

  test('hash and exclamation lines are comments, to the end of the line only', () => {
    expect(highlightSnippet('# one\n! two\nadd 5061')).toEqual([
      { kind: 'comment', text: '# one' },
      { kind: 'text', text: '\n' },
      { kind: 'comment', text: '! two' },
      { kind: 'text', text: '\nadd ' },
      { kind: 'number', text: '5061' },
    ]);
  });

  test('a hash after a space starts a comment; inside a word it does not', () => {
    expect(kinds(highlightSnippet('table <t> { 192.0.2.10 }  # acme.pascom.cloud'))).toEqual([
      { kind: 'number', text: '192.0.2.10' },
      { kind: 'comment', text: '# acme.pascom.cloud' },
    ]);
    expect(kinds(highlightSnippet('a#b'))).toEqual([]);
  });

  test('an exclamation mark inside a line is not a comment', () => {
    expect(kinds(highlightSnippet('if ! true'))).toEqual([]);
  });

  test('quoted strings, with escaped quotes, and a comment marker inside them', () => {
    expect(kinds(highlightSnippet(`set name "a \\"b\\" # c" 'd # e'`))).toEqual([
      { kind: 'string', text: '"a \\"b\\" # c"' },
      { kind: 'string', text: "'d # e'" },
    ]);
  });

  test('an unclosed quote is plain text and does not swallow the next line', () => {
    expect(kinds(highlightSnippet("it's\n5061"))).toEqual([{ kind: 'number', text: '5061' }]);
  });

  test('numbers stand alone: not the digits of ether1 or 4th', () => {
    expect(kinds(highlightSnippet('ether1 4th 30000-35000 10.1.0.0/16'))).toEqual([
      { kind: 'number', text: '30000' },
      { kind: 'number', text: '35000' },
      { kind: 'number', text: '10.1.0.0' },
      { kind: 'number', text: '16' },
    ]);
  });

  test('XML comments span lines', () => {
    expect(highlightSnippet('<!--\n  a\n--><rule/>')).toEqual([
      { kind: 'comment', text: '<!--\n  a\n-->' },
      { kind: 'text', text: '<rule/>' },
    ]);
  });

  test('empty text gives no tokens', () => {
    expect(highlightSnippet('')).toEqual([]);
  });
});
