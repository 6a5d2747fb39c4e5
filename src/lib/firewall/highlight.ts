/**
 * A deliberately small syntax highlighter for the generated firewall rules. It
 * knows only what every platform's output shares: comments (`#` and `!` lines,
 * `#` after a space, XML `<!-- -->`), quoted strings and numbers (ports,
 * addresses). The result is a list of tokens whose texts join back into the
 * input exactly, so the page can build the highlighted block from text nodes
 * and what the reader copies is what the generator wrote.
 */
type TokenKind = 'comment' | 'string' | 'number' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const WORD = /[A-Za-z0-9_]/;
const NUMBER = /\d+(?:\.\d+)*/y;

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Index after the closing quote on the same line, or -1 when the quote is not closed. */
function stringEnd(text: string, from: number): number {
  const quote = text[from];
  const end = lineEnd(text, from);
  for (let index = from + 1; index < end; index += 1) {
    // Backslash escapes only exist in double-quoted strings; shell single quotes have none.
    if (quote === '"' && text[index] === '\\') index += 1;
    else if (text[index] === quote) return index + 1;
  }
  return -1;
}

function atLineStart(text: string, index: number): boolean {
  for (let before = index - 1; before >= 0; before -= 1) {
    const char = text[before];
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

export function highlightSnippet(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, part: string) => {
    const last = tokens.at(-1);
    if (kind === 'text' && last?.kind === 'text') last.text += part;
    else tokens.push({ kind, text: part });
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (text.startsWith('<!--', index)) {
      const close = text.indexOf('-->', index + 4);
      const end = close < 0 ? text.length : close + 3;
      push('comment', text.slice(index, end));
      index = end;
      continue;
    }
    const previous = text[index - 1];
    if (
      (char === '#' && (previous === undefined || /\s/.test(previous))) ||
      (char === '!' && atLineStart(text, index))
    ) {
      const end = lineEnd(text, index);
      push('comment', text.slice(index, end));
      index = end;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = stringEnd(text, index);
      if (end > 0) {
        push('string', text.slice(index, end));
        index = end;
        continue;
      }
    }
    if (/\d/.test(char) && (index === 0 || !WORD.test(text[index - 1]!))) {
      NUMBER.lastIndex = index;
      const match = NUMBER.exec(text);
      const end = index + (match?.[0].length ?? 1);
      if (end >= text.length || !WORD.test(text[end]!)) {
        push('number', text.slice(index, end));
        index = end;
        continue;
      }
    }
    push('text', char);
    index += 1;
  }
  return tokens;
}
