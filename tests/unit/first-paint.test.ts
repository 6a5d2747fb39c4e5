import { createContext, Script } from 'node:vm';
import { CLIENT_KEYS, pickTexts, UI_TEXTS_EN } from '../../src/lib/texts';
import { describe, expect, test } from 'vitest';
import {
  FIRST_PAINT_FILTER_STYLE_ID,
  FIRST_PAINT_TAB_STYLE_ID,
  firstPaintScript,
  fragmentTabs,
} from '../../src/lib/ui/first-paint';
import { buildOverviewData, linkIndexOf } from '../../src/lib/ui/overview-data';
import { linkFragments, type LinkIndex } from '../../src/lib/url/link-index';
import { parseFragment } from '../../src/lib/url/fragment';
import { normaliseQuery, parseFilterState } from '../../src/lib/url/filter-state';
import { DEPLOYMENTS } from '../../src/schemas/registries';
import { fuzzQueries, seededRandom } from './helpers/hostile-urls';
import { loadContent } from './helpers/load-content';

const data = buildOverviewData(loadContent('content'), 'en', pickTexts(UI_TEXTS_EN, CLIENT_KEYS));
const realIndex = linkIndexOf(data);

/** What the inline script left behind: the tab it marked and the text of each style it added. */
interface FirstPaint {
  tab: string | undefined;
  styles: Record<string, string>;
}

/** The script compiled once per link index, and one sandbox whose page is replaced before each run. */
const scripts = new Map<LinkIndex, Script>();
const sandbox = createContext({
  URLSearchParams,
  addEventListener: () => undefined,
  customElements: { get: () => undefined },
});

/** Runs the inline script as the browser would, on an address given as its query and fragment. */
function run(search: string, hash: string, index: LinkIndex = realIndex): FirstPaint {
  const dataset: Record<string, string> = {};
  const added: { id: string; textContent: string }[] = [];
  const document = {
    documentElement: { dataset },
    createElement: () => ({ id: '', textContent: '' }),
    head: { append: (element: { id: string; textContent: string }) => added.push(element) },
    getElementById: () => null,
  };
  let script = scripts.get(index);
  if (!script) {
    script = new Script(firstPaintScript({ index, devices: data.devices }));
    scripts.set(index, script);
  }
  Object.assign(sandbox, { document, location: { search, hash } });
  script.runInContext(sandbox);
  const styles = Object.fromEntries(added.map((element) => [element.id, element.textContent]));
  return { tab: dataset.pfTab, styles };
}

/** The tab the full scripts end up on for a fragment: the one it resolves to, or the first. */
function finalTab(hash: string, index: LinkIndex = realIndex): string {
  return parseFragment(hash, index)?.deployment ?? DEPLOYMENTS[0];
}

/** The filter the first paint's style expresses, read back from its selectors. */
function paintedFilter(paint: FirstPaint) {
  const css = paint.styles[FIRST_PAINT_FILTER_STYLE_ID];
  if (css === undefined) return undefined;
  return {
    devices: new Set([...css.matchAll(/\[data-devices~="([^"]+)"\]/g)].map((match) => match[1])),
    protocol: /\[data-protocols~=(\w+)\]/.exec(css)?.[1],
    direction: /\[data-direction=(\w+)\]/.exec(css)?.[1],
    query: css.startsWith('@media screen{.pf-tabs .pf-group{'),
  };
}

describe('the tab of the first paint', () => {
  test('the build lists only the fragments whose tab does not follow from their first word', () => {
    expect(fragmentTabs(realIndex)).toEqual({
      'licence-server': 'onsite',
      'mail-relay': 'onsite',
      'ntp-time': 'onsite',
      // A rule behind a tab it is not in lands on its first row.
      'cloud-licence-server': 'onsite',
      'cloud-mail-relay': 'onsite',
      'cloud-ntp-time': 'onsite',
    });
  });

  test('every permanent link shows the tab the tabs then select, so nothing switches', () => {
    for (const fragment of linkFragments(realIndex)) {
      expect(run('', `#${fragment}`).tab, fragment).toBe(finalTab(`#${fragment}`));
    }
  });

  test('with renamed rules too: old ids, alone or behind a tab the rule has left', () => {
    const index: LinkIndex = {
      rules: { 'sip-tls': ['cloud', 'onsite'], 'ntp-time': ['onsite'] },
      aliases: { 'sip-old': 'sip-tls', 'time-old': 'ntp-time' },
    };
    for (const fragment of [...linkFragments(index), 'cloud-time-old', 'cloud-ntp-time', 'onsite-sip-old']) {
      expect(run('', `#${fragment}`, index).tab, fragment).toBe(finalTab(`#${fragment}`, index));
    }
  });

  test('fragments that lead nowhere, or are garbage, show the first tab as the tabs do', () => {
    const random = seededRandom(0x7ab5);
    const pieces = [
      'cloud',
      'onsite',
      '-',
      '--',
      'ntp-time',
      'sip-tls',
      '%E0%A4%A',
      '%2D',
      '__proto__',
      'x',
      ' ',
    ];
    const fragments = Array.from({ length: 400 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(''),
    );
    for (const fragment of ['', 'onsite-', 'legend-heading', 'hasOwnProperty', ...fragments]) {
      expect(run('', `#${fragment}`).tab, fragment).toBe(finalTab(`#${fragment}`));
    }
  });

  test('the panel and the look of the selected tab follow the mark', () => {
    const css = run('', '#ntp-time').styles[FIRST_PAINT_TAB_STYLE_ID] ?? '';
    expect(css).toContain('.pf-panel:not(#onsite)');
    expect(css).toContain('.pf-tab[data-deployment=onsite]');
    expect(css).toContain('[data-count-for]:not([data-count-for=onsite])');
  });
});

describe('the filter of the first paint', () => {
  test('is the filter the full script reads, for every link the address fuzzer makes', () => {
    let filtered = 0;
    for (const query of fuzzQueries(0xf1257, 1500)) {
      const search = new URL(`http://127.0.0.1/${query}`).search;
      const state = parseFilterState(search, data.devices);
      const painted = paintedFilter(run(search, ''));
      const query_ = normaliseQuery(new URLSearchParams(search).get('q') ?? '') !== '';
      const expected =
        state.devices.length === 0 && !state.protocol && !state.direction && !query_
          ? undefined
          : query_
            ? { devices: new Set(), protocol: undefined, direction: undefined, query: true }
            : {
                devices: new Set(state.devices),
                protocol: state.protocol,
                direction: state.direction,
                query: false,
              };
      if (expected) filtered += 1;
      expect(painted, search).toEqual(expected);
    }
    // The fuzzer's links reach every branch: a good share of them filter.
    expect(filtered).toBeGreaterThan(300);
  });

  test('applies on links to a tab or to the page, not on links to a row, which win over the filter', () => {
    expect(paintedFilter(run('?device=phone', '#onsite'))?.devices).toEqual(new Set(['phone']));
    expect(paintedFilter(run('?device=phone', ''))?.devices).toEqual(new Set(['phone']));
    expect(run('?device=phone', '#cloud-vpn-tunnel').styles[FIRST_PAINT_FILTER_STYLE_ID]).toBeUndefined();
    expect(run('?device=phone', '#ntp-time').styles[FIRST_PAINT_FILTER_STYLE_ID]).toBeUndefined();
  });

  test('writes only values of the registries into the stylesheet, never the address as typed', () => {
    const paint = run('?device=%22%5D%7Bx%7D&protocol=tcp%5D&direction=in%22bound&q=', '');
    expect(paint.styles[FIRST_PAINT_FILTER_STYLE_ID]).toBeUndefined();
  });
});

describe('a press before the filter’s code has arrived', () => {
  /** A page on which the inline script runs, with the listeners it adds and the address it writes. */
  function page(search: string, hash = '', filterDefined = false) {
    const listeners: Record<string, (event: unknown) => void> = {};
    /** The style elements in the head, by id; the script may change an element's text later. */
    const head = new Map<string, { id: string; textContent: string; remove: () => void }>();
    const location = { pathname: '/', search, hash };
    const document = {
      documentElement: { dataset: {} },
      createElement: () => {
        const element = { id: '', textContent: '', remove: () => head.delete(element.id) };
        return element;
      },
      head: {
        append: (element: { id: string; textContent: string; remove: () => void }) =>
          head.set(element.id, element),
      },
      getElementById: (id: string) => head.get(id) ?? null,
    };
    const history = {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        const parsed = new URL(url, 'http://127.0.0.1');
        location.search = parsed.search;
        location.hash = parsed.hash;
      },
    };
    const context = createContext({
      URLSearchParams,
      document,
      location,
      history,
      customElements: { get: (name: string) => (filterDefined && name === 'pf-filter' ? {} : undefined) },
      addEventListener: (type: string, listener: (event: unknown) => void) => {
        listeners[type] = listener;
      },
    });
    new Script(firstPaintScript({ index: realIndex, devices: data.devices })).runInContext(context);
    const pressed: Record<string, string> = {};
    /** A control of the filter: a chip (data-device) or a field (data-filter). */
    const control = (dataset: Record<string, string>, value = '') => {
      const element = {
        dataset,
        value,
        closest: (selector: string) =>
          selector === 'pf-filter' || (selector === '[data-device]' && 'device' in dataset) ? element : null,
        setAttribute: (name: string, state: unknown) => {
          pressed[dataset.device ?? ''] = `${name}=${String(state)}`;
        },
      };
      return element;
    };
    return {
      location,
      pressed,
      filter: () =>
        paintedFilter({
          tab: undefined,
          styles: Object.fromEntries([...head].map(([id, element]) => [id, element.textContent])),
        }),
      click: (device: string) => listeners.click?.({ type: 'click', target: control({ device }) }),
      choose: (field: string, value: string) =>
        listeners.change?.({ type: 'change', target: control({ filter: field }, value) }),
      type: (text: string) => listeners.input?.({ type: 'input', target: control({ filter: 'q' }, text) }),
    };
  }

  test('a chip is shown pressed, written into the address and applied by the stylesheet', () => {
    const view = page('?fw=pf', '#onsite');
    view.click('phone');
    expect(view.pressed).toEqual({ phone: 'aria-pressed=true' });
    expect(view.location.search).toBe('?fw=pf&device=phone');
    expect(view.location.hash).toBe('#onsite');
    expect(view.filter()?.devices).toEqual(new Set(['phone']));
    // What the filter reads when it starts is what the stylesheet shows.
    expect(parseFilterState(view.location.search, data.devices).devices).toEqual(['phone']);

    // A second chip joins in legend order; pressing the first again lets it go.
    view.click('server');
    expect(view.location.search).toBe('?fw=pf&device=server&device=phone');
    view.click('phone');
    view.click('server');
    expect(view.pressed).toEqual({ phone: 'aria-pressed=false', server: 'aria-pressed=false' });
    expect(view.location.search).toBe('?fw=pf');
    expect(view.filter()).toBeUndefined();
  });

  test('the fields behind "More filters" are written into the address too', () => {
    const view = page('');
    view.choose('protocol', 'udp');
    expect(view.filter()).toMatchObject({ protocol: 'udp', query: false });
    view.type('5060');
    expect(view.location.search).toBe('?protocol=udp&q=5060');
    // Free text cannot be written as CSS: the tables wait for the filter's code.
    expect(view.filter()?.query).toBe(true);
    view.type('  ');
    view.choose('protocol', '');
    expect(view.location.search).toBe('');
    // Anything else is left alone.
    view.click('toaster');
    expect(view.location.search).toBe('');
  });

  test('a press on a link to a row applies, as a later press wins over the link', () => {
    const view = page('', '#cloud-vpn-tunnel');
    expect(view.filter()).toBeUndefined();
    view.click('phone');
    expect(view.filter()?.devices).toEqual(new Set(['phone']));
  });

  test('once the filter’s code runs, it handles every press and the script stands aside', () => {
    const view = page('', '', true);
    view.click('phone');
    view.type('5060');
    expect(view.pressed).toEqual({});
    expect(view.location.search).toBe('');
  });
});
