import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

// The contract dispatches on `document`; an EventTarget stands in for it outside a browser.
beforeAll(() => {
  Object.assign(globalThis, { document: new EventTarget() });
});

const events = () => import('../../src/client/events');

describe('the events between the overview elements', () => {
  test('a listener hears announced details, and only well-formed ones', async () => {
    const { announce, EVENTS, listen } = await events();
    const heard: unknown[] = [];
    const controller = new AbortController();
    listen(EVENTS.filterChange, (detail) => heard.push(detail), { signal: controller.signal });
    announce(EVENTS.filterChange, { deployment: 'cloud', ruleIds: ['sip-tls'], deviceIds: ['phone'] });
    // Another script's malformed events never reach the handler.
    for (const detail of [
      undefined,
      null,
      { deployment: 'moon', ruleIds: [], deviceIds: [] },
      { deployment: 'cloud', ruleIds: 'all', deviceIds: [] },
      { deployment: 'cloud', ruleIds: [] },
      { deployment: 'cloud', ruleIds: [], deviceIds: [1] },
    ])
      document.dispatchEvent(new CustomEvent(EVENTS.filterChange, { detail }));
    document.dispatchEvent(new Event(EVENTS.filterChange));
    expect(heard).toEqual([{ deployment: 'cloud', ruleIds: ['sip-tls'], deviceIds: ['phone'] }]);
    // Aborting stops the listening.
    controller.abort();
    announce(EVENTS.filterChange, { deployment: 'onsite', ruleIds: [], deviceIds: [] });
    expect(heard).toHaveLength(1);
  });

  test('a late listener hears the current state at once when it asks for the replay', async () => {
    const { announce, EVENTS, latest, listen } = await events();
    announce(EVENTS.tabChange, { deployment: 'onsite' });
    const replayed: unknown[] = [];
    const live: unknown[] = [];
    listen(EVENTS.tabChange, (detail) => replayed.push(detail), { replay: true });
    listen(EVENTS.tabChange, (detail) => live.push(detail));
    expect(replayed).toEqual([{ deployment: 'onsite' }]);
    expect(live).toEqual([]);
    expect(latest(EVENTS.tabChange)).toEqual({ deployment: 'onsite' });
    announce(EVENTS.tabChange, { deployment: 'cloud' });
    expect(live).toEqual([{ deployment: 'cloud' }]);
  });
});

test('no client module but the contract names an event, dispatches one or reads a detail', () => {
  const folder = 'src/client';
  const offending = readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && file !== 'events.ts')
    .flatMap((file) => {
      const code = readFileSync(join(folder, file), 'utf8');
      const found = [/['"`]pf-[a-z]+-change['"`]/, /new CustomEvent\b/, /\.detail\b/].filter((pattern) =>
        pattern.test(code),
      );
      return found.map((pattern) => `${file}: ${String(pattern)}`);
    });
  expect(offending).toEqual([]);
});
