import { describe, expect, test } from 'vitest';
import { foldNotes } from '../../src/lib/firewall/notes-fold';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { PLATFORM_IDS } from '../../src/lib/firewall/platforms';
import { DEFAULT_SETTINGS } from '../../src/lib/firewall/settings';
import { loadContent } from './helpers/load-content';
import { filterCases } from './helpers/snippet-cases';

const inputs = filterCases(loadContent()).filter((item) => item.name.endsWith('all devices'));

describe('foldNotes', () => {
  test('a script keeps its #! line in view and folds the comments after it', () => {
    const folded = foldNotes('#!/bin/sh\n# one\n# two\n#\n# four\nset -e\nufw allow 1\n');
    expect(folded).toEqual({
      before: '#!/bin/sh\n',
      notes: '# one\n# two\n#\n# four\n',
      after: 'set -e\nufw allow 1\n',
      lines: 4,
    });
  });

  test('an XML file folds its comment after the declaration', () => {
    const folded = foldNotes('<?xml version="1.0"?>\n<!--\n  a\n  b\n-->\n<rules/>\n');
    expect(folded?.notes).toBe('<!--\n  a\n  b\n-->\n');
    expect(folded?.after).toBe('<rules/>\n');
  });

  test('two comment lines are not worth folding', () => {
    expect(foldNotes('# a\n# b\nadd table inet filter\n')).toBeUndefined();
  });

  // Every snippet, both tabs: the fold leaves the text whole, and the first line after the notes is a command.
  test.each(PLATFORM_IDS)(
    '%s: the notes fold away, the first command comes next, nothing is lost',
    async (id) => {
      const render = await loadGenerator(id);
      for (const { input } of inputs) {
        const text = render(input, DEFAULT_SETTINGS);
        const folded = foldNotes(text);
        expect(folded, `${id} ${input.deployment.id}`).toBeDefined();
        expect(folded!.before + folded!.notes + folded!.after).toBe(text);
        expect(folded!.after.split('\n')[0]).not.toMatch(/^\s*(?:#|!|<!--|$)/);
        expect(folded!.before.split('\n').length).toBeLessThanOrEqual(2);
      }
    },
  );
});
