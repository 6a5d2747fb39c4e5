import { describe, expect, test } from 'vitest';
import { PORT_SEARCH_KEYS, pickTexts, UI_TEXTS_EN } from '../../src/lib/texts';
import { answerPort, buildPortIndex, parsePortIndex } from '../../src/lib/ui/port-search';
import { loadContent, loadGermanContent } from './helpers/load-content';

const texts = pickTexts(UI_TEXTS_EN, PORT_SEARCH_KEYS);
const englishFile = JSON.stringify(buildPortIndex(loadContent('content'), 'en', texts));
const english = parsePortIndex(englishFile)!;
const german = parsePortIndex(JSON.stringify(buildPortIndex(loadGermanContent('content'), 'de', texts)))!;

describe('the site search’s port index', () => {
  test('holds every rule once, ranges as two numbers, so it stays small', () => {
    expect(english.rules).toHaveLength(12);
    expect(english.rules.find((rule) => rule.id === 'rtp-voice')?.ports).toEqual([[30000, 35000]]);
    expect(englishFile.length).toBeLessThan(4000);
  });

  test('answers 31000 with RTP voice, in the page’s language and with its page there', () => {
    expect(answerPort(english, '31000')).toEqual({
      port: 31000,
      listed: [{ title: 'RTP voice', path: '/rules/rtp-voice/', ports: '30000-35000/UDP' }],
    });
    const answer = answerPort(german, 'Port 31000');
    expect(answer?.listed[0]?.path).toBe('/de/rules/rtp-voice/');
    expect(answer?.listed[0]?.title).not.toBe('RTP voice');
  });

  test('answers a port no rule lists with the nearest listed one, and nothing else', () => {
    expect(answerPort(english, '5060')).toEqual({
      port: 5060,
      listed: [],
      nearest: { port: 5061, rule: { title: 'SIP connection', path: '/rules/sip-tls/', ports: '5061/TCP' } },
    });
    expect(answerPort(english, 'voicemail')).toBeUndefined();
    expect(answerPort(english, '80 443')).toBeUndefined();
  });

  test.each([
    '',
    'null',
    '{"rules":{}}',
    JSON.stringify({ ...english, rules: [{ ...english.rules[0], path: 'https://elsewhere.example/' }] }),
    JSON.stringify({ ...english, rules: [{ ...english.rules[0], ports: [[0, 5]] }] }),
    JSON.stringify({ ...english, rules: [{ ...english.rules[0], protocols: ['sctp'] }] }),
    JSON.stringify({ ...english, texts: {} }),
  ])('damaged data (%s) is refused, so the search stays Pagefind’s', (json) => {
    expect(parsePortIndex(json)).toBeUndefined();
  });
});
