import { describe, expect, test } from 'vitest';
import { formatError, UI_TEXTS_EN } from '../../src/lib/texts';
import { MAX_QUERY_LENGTH, FILTER_PARAMS, PLATFORM_PARAM } from '../../src/lib/url/params';
import { ignoredFilterValues, parseFilterState, serialiseFilterState } from '../../src/lib/url/filter-state';
import { describeIgnoredFilter } from '../../src/lib/url/notices';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { PLATFORM_IDS } from '../../src/lib/firewall/platforms';
import { DEFAULT_SETTINGS, SETTING_FIELDS, parseSettings } from '../../src/lib/firewall/settings';
import {
  parseSnippetState,
  rejectedSnippetValues,
  serialiseSnippetState,
  settingsFormFromParams,
} from '../../src/lib/url/snippet-state';
import { loadContent } from './helpers/load-content';
import { fuzzQueries } from './helpers/hostile-urls';
import { checksFor } from '../snippet-checks';

/** Fixed, so every run checks the same queries and a failure names one that can be replayed. */
const SEED = 0x5eed_2026;
const COUNT = 3000;
const queries = fuzzQueries(SEED, COUNT);

const data = loadContent();
const devices = data.devices.map((device) => device.id);
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe(`${COUNT} seeded hostile queries through the filter`, () => {
  test('parse and serialise never throw, and a serialised filter reads back the same', () => {
    for (const search of queries) {
      const state = parseFilterState(search, devices);
      const written = serialiseFilterState(state, search);
      expect(parseFilterState(written, devices), search).toEqual(state);
      expect(serialiseFilterState(parseFilterState(written, devices), written), search).toBe(written);
      expect(state.query.length, search).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(state.query, search).not.toMatch(INVISIBLE);
    }
  });

  test('every value of a filter parameter is either used or named as ignored', () => {
    for (const search of queries) {
      const state = parseFilterState(search, devices);
      const ignored = ignoredFilterValues(search, devices);
      const named = new Set(ignored.map(({ name, value }) => `${name}=${value}`));
      const used: Record<string, (value: string) => boolean> = {
        [FILTER_PARAMS.device]: (value) => state.devices.includes(value),
        [FILTER_PARAMS.protocol]: (value) => value === state.protocol,
        [FILTER_PARAMS.direction]: (value) => value === state.direction,
      };
      for (const [name, value] of new URLSearchParams(search)) {
        const isUsed = Object.hasOwn(used, name) ? used[name] : undefined;
        if (!isUsed) continue;
        for (const piece of name === FILTER_PARAMS.device ? value.split(',') : [value]) {
          const trimmed = piece.trim();
          if (trimmed === '' || isUsed(trimmed.toLowerCase())) continue;
          expect(named.has(`${name}=${trimmed}`), `${search}: ${name}=${JSON.stringify(trimmed)}`).toBe(true);
        }
      }
      // The notice quoting them reads as plain text.
      expect(describeIgnoredFilter(UI_TEXTS_EN, ignored), search).not.toMatch(INVISIBLE);
    }
  });
});

describe(`${COUNT} seeded hostile queries through the snippet panel`, () => {
  test('every setting is either used or rejected with an error; the platform likewise', () => {
    for (const search of queries) {
      const state = parseSnippetState(search, null);
      const rejected = rejectedSnippetValues(search);
      const given = settingsFormFromParams(new URLSearchParams(search));
      for (const field of SETTING_FIELDS) {
        const value = given[field]?.trim() ?? '';
        if (value === '') continue;
        if (state.form[field] !== undefined) {
          expect(state.form[field], search).toBe(value);
          expect(rejected.form[field], search).toBeUndefined();
        } else {
          expect(rejected.form[field], `${search}: ${field}`).toBeDefined();
          expect(rejected.form[field], search).not.toMatch(INVISIBLE);
          const error = rejected.errors[field];
          const message = error === undefined ? undefined : formatError(UI_TEXTS_EN, error);
          expect(message, `${search}: ${field}`).toMatch(/\w{3,}/);
          expect(message, search).not.toMatch(INVISIBLE);
        }
      }
      const platform = new URLSearchParams(search).get(PLATFORM_PARAM)?.trim() ?? '';
      if (platform !== '')
        expect(state.platform === platform || rejected.platform === platform, search).toBe(true);
    }
  });

  test('the state written to the address reads back the same', () => {
    for (const search of queries) {
      const state = parseSnippetState(search, null);
      const written = serialiseSnippetState(search, state);
      expect(parseSnippetState(written, null), search).toEqual(state);
      expect(serialiseSnippetState(written, state), search).toBe(written);
      // The filter's parameters are left as they were.
      expect(parseFilterState(written, devices), search).toEqual(parseFilterState(search, devices));
    }
  });

  test('every snippet made from accepted settings passes the hostile-text checks', async () => {
    const inputs = data.deployments.map((view) => toSnippetInput(view));
    let rendered = 0;
    for (const [index, search] of queries.entries()) {
      const state = parseSnippetState(search, null);
      if (Object.keys(state.form).length === 0) continue;
      const settings = parseSettings(state.form);
      expect(settings.ok, search).toBe(true);
      if (!settings.ok) continue;
      // Every platform in turn, and both tabs, so each generator sees its share of the settings.
      const platform = PLATFORM_IDS[index % PLATFORM_IDS.length]!;
      const render = await loadGenerator(platform);
      for (const input of inputs) {
        const text = render(input, settings.settings);
        rendered += 1;
        // Shell substitutions and the like appear only where the platform's own syntax has them.
        const injections = (snippet: string) => snippet.match(/\$\(|`|^-A INPUT|<\/descr>\s*<!--/gm) ?? [];
        expect(injections(text), `${platform} ${search}`).toEqual(
          injections(render(input, DEFAULT_SETTINGS)),
        );
        expect(text, `${platform} ${search}`).not.toContain('evil.example');
        // The platform's grammar checks read every line, as they do for the published snippets.
        for (const check of checksFor(platform).filter((known) => known.kind === 'grammar')) {
          expect(check.check(text), `${check.name}: ${platform} ${search}`).toEqual([]);
        }
        expect(text, `${platform} ${search}`).not.toMatch(
          // Control characters other than tab and line feed are what this looks for.
          // eslint-disable-next-line no-control-regex -- the control characters are the point.
          /[\p{Cf}\p{Zl}\p{Zp}\r\u0000-\u0008\u000b-\u001f]/u,
        );
        // Words from hostile values appear only as often as the platform's own text has them ("reboot" in the advice).
        const words = (snippet: string) => snippet.match(/reboot|alert\(|onerror/g) ?? [];
        expect(words(text), `${platform} ${search}`).toEqual(words(render(input, DEFAULT_SETTINGS)));
      }
    }
    // The seed must reach the generators often, or this test would check little.
    expect(rendered).toBeGreaterThan(COUNT / 4);
  });
});
