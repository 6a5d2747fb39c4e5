import { describe, expect, test } from 'vitest';
import { buildLinkIndex, linkFragments, resolveFragment } from '../../src/lib/url/link-index';
import { rulePageEntries } from '../../src/lib/content/rule-pages';
import { rulePageUrl } from '../../src/lib/url/link-scheme';
import { loadContent } from './helpers/load-content';

// tests/fixtures/renamed-rule is content/ after two renames that kept their old ids as aliases.
const RENAMES: Record<string, string> = { 'sip-tls': 'sip-signalling', 'ntp-time': 'time-server' };
const before = loadContent('content');
const after = loadContent('tests/fixtures/renamed-rule');
const indexBefore = buildLinkIndex(before);
const indexAfter = buildLinkIndex(after);

describe('links published before a rule was renamed', () => {
  test.each(linkFragments(indexBefore))('#%s still lands on the same rule in the same tab', (fragment) => {
    const old = resolveFragment(fragment, indexBefore);
    const now = resolveFragment(fragment, indexAfter);
    expect(old).toBeDefined();
    const ruleId = old?.ruleId === undefined ? undefined : (RENAMES[old.ruleId] ?? old.ruleId);
    expect(now?.deployment).toBe(old?.deployment);
    expect(now?.ruleId).toBe(ruleId);
    // The row the page scrolls to is a real row of the renamed site.
    if (now?.ruleId !== undefined) {
      const rows = after.deployments.flatMap((deployment) => deployment.placements.map((row) => row.anchor));
      expect(rows).toContain(now.anchor);
    }
  });

  test('the old row anchor of a renamed rule opens the renamed row', () => {
    expect(resolveFragment('onsite-ntp-time', indexAfter)).toEqual({
      deployment: 'onsite',
      anchor: 'onsite-time-server',
      ruleId: 'time-server',
    });
  });

  test('the old rule page becomes a redirect to the renamed rule page', () => {
    const entries = rulePageEntries(after);
    expect(entries.find((entry) => entry.id === 'ntp-time')).toMatchObject({
      kind: 'alias',
      target: rulePageUrl('time-server'),
    });
    expect(entries.find((entry) => entry.id === 'time-server')?.kind).toBe('rule');
    // Every rule page published before the rename still exists, as a page or a redirect.
    const ids = new Set(entries.map((entry) => entry.id));
    for (const entry of rulePageEntries(before)) expect(ids).toContain(entry.id);
  });
});
