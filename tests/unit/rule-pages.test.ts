import { expect, test } from 'vitest';
import { rulePageEntries } from '../../src/lib/content/rule-pages';
import { readRuleNavigation } from '../../src/lib/content/rule-navigation';
import { loadContent } from './helpers/load-content';

const data = loadContent('content');

test('every rule gets a page listing each of its rows in tab order', () => {
  const entries = rulePageEntries(data);
  expect(entries.map((entry) => entry.id)).toEqual(data.rules.map((rule) => rule.id));
  const sip = entries.find((entry) => entry.id === 'sip-tls');
  expect(sip?.kind === 'rule' && sip.rows.map((row) => [row.placement.anchor, row.deploymentName])).toEqual([
    ['cloud-sip-tls', 'Cloud'],
    ['onsite-sip-tls', 'Onsite'],
  ]);
  // In Onsite the shared cloud rules are re-read as inbound to your pascom server.
  const onsite = sip?.kind === 'rule' ? sip.rows[1] : undefined;
  expect(onsite?.placement.direction).toBe('inbound');
  expect(onsite?.groupHeading).toBe('Inbound, from devices on the internet to your pascom server');
});

test('only old ids get redirect pages', () => {
  const navigation = readRuleNavigation('tests/fixtures/renamed-rule/rules.yaml');
  expect(navigation.redirectPaths.sort()).toEqual(['/rules/ntp-time/', '/rules/sip-tls/']);
});
