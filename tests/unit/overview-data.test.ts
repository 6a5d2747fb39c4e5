import { describe, expect, test } from 'vitest';
import { CLIENT_KEYS, pickTexts, UI_TEXTS_EN } from '../../src/lib/texts';
import {
  buildOverviewData,
  filterableRule,
  linkIndexOf,
  parseOverviewData,
  ruleIdsIn,
  serialiseOverviewData,
  type OverviewData,
} from '../../src/lib/ui/overview-data';
import { buildLinkIndex } from '../../src/lib/url/link-index';
import { compileFilter, emptyFilter } from '../../src/lib/url/filter-state';
import { loadContent, loadGermanContent } from './helpers/load-content';

const content = loadContent('content');
const data = buildOverviewData(content, 'en', pickTexts(UI_TEXTS_EN, CLIENT_KEYS));

describe('the overview data the build hands the browser', () => {
  test('holds each rule once, with the direction of its row in each tab', () => {
    expect(data.devices).toEqual(['server', 'desktop', 'mobile', 'phone', 'web']);
    expect(data.rules['sip-tls']).toEqual({
      tabs: { cloud: 'outbound', onsite: 'inbound' },
      devices: ['desktop', 'phone', 'mobile'],
      protocols: ['tcp'],
      ports: [[5061, 5061]],
      text: 'sip connection encrypted sip signalling (sip over tls). devices register with pascom and set up, transfer and end calls over it. tcp',
    });
    expect(data.deviceNames).toMatchObject({ phone: 'IP phone', server: 'pascom server' });
    expect(data.rules['rtp-voice']?.ports).toEqual([[30000, 35000]]);
    expect(ruleIdsIn(data, 'cloud')).toHaveLength(9);
    expect(ruleIdsIn(data, 'onsite')).toHaveLength(12);
  });

  test('gives the filter the rule of a row as it matched it from the markup before', () => {
    const rtp = filterableRule(data, 'onsite', 'rtp-voice');
    expect(rtp).toMatchObject({ id: 'rtp-voice', direction: 'inbound', ports: [{ from: 30000, to: 35000 }] });
    expect(compileFilter({ ...emptyFilter(), query: '31000' })(rtp!)).toBe(true);
    // A rule has no row in a tab that does not list it, and unknown ids have none anywhere.
    expect(filterableRule(data, 'cloud', 'ntp-time')).toBeUndefined();
    expect(filterableRule(data, 'cloud', 'toString')).toBeUndefined();
  });

  test('lets the free text find a rule by the names of its devices, in the page’s language', () => {
    const phone = (rules: OverviewData, id: string) =>
      compileFilter({ ...emptyFilter(), query: 'phone' })(filterableRule(rules, 'cloud', id)!);
    // The SIP connection serves IP phones, and its title and purpose do not say "phone"; chat
    // serves the desktop and mobile clients only.
    expect(phone(data, 'sip-tls')).toBe(true);
    expect(phone(data, 'chat-xmpp')).toBe(false);
    const german = buildOverviewData(loadGermanContent('content'), 'de', pickTexts(UI_TEXTS_EN, CLIENT_KEYS));
    const telefon = compileFilter({ ...emptyFilter(), query: 'Telefon' });
    expect(telefon(filterableRule(german, 'cloud', 'sip-tls')!)).toBe(true);
    expect(telefon(filterableRule(german, 'cloud', 'chat-xmpp')!)).toBe(false);
  });

  test('carries the link index, so links resolve as the build resolves them', () => {
    expect(linkIndexOf(data)).toEqual(buildLinkIndex(content));
  });

  test('survives the trip through the page and cannot break out of its script element', () => {
    const hostile: OverviewData = {
      ...data,
      aliases: { b: '</script><script>alert(1)' },
    };
    const json = serialiseOverviewData(hostile);
    expect(json).not.toContain('</script>');
    expect(parseOverviewData(json)).toEqual(hostile);
  });

  const rule = (changes: Record<string, unknown>) =>
    JSON.stringify({
      devices: ['phone'],
      deviceNames: { phone: 'IP phone' },
      rules: {
        a: {
          tabs: { cloud: 'outbound' },
          devices: [],
          protocols: ['tcp'],
          ports: [[1, 2]],
          text: '',
          ...changes,
        },
      },
      aliases: {},
      lang: 'en',
      texts: pickTexts(UI_TEXTS_EN, CLIENT_KEYS),
    });

  test.each([
    null,
    '',
    'not json',
    '[]',
    '{"devices":[],"rules":[],"aliases":{}}',
    '{"rules":{},"aliases":{}}',
    rule({ tabs: { moon: 'outbound' } }),
    rule({ tabs: { cloud: 'sideways' } }),
    rule({ protocols: ['sctp'] }),
    rule({ ports: [[1, 70000]] }),
    rule({ ports: [['1', 2]] }),
    rule({ text: 5 }),
  ])('damaged data (%s) is ignored, so the page stays as the HTML has it', (json) => {
    expect(parseOverviewData(json)).toBeUndefined();
  });

  test('the page’s language and texts must be there and complete', () => {
    const good = JSON.parse(rule({})) as Record<string, unknown>;
    expect(parseOverviewData(JSON.stringify({ ...good, lang: 'fr' }))).toBeUndefined();
    expect(
      parseOverviewData(JSON.stringify({ ...good, texts: { 'tabs.label': 'Deployment' } })),
    ).toBeUndefined();
    expect(parseOverviewData(JSON.stringify(good))?.texts['count.rules']).toBe('{count} rules');
  });

  test('a well-formed rule passes', () => {
    expect(parseOverviewData(rule({}))?.rules.a?.ports).toEqual([[1, 2]]);
  });
});
