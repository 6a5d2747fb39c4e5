import { readFileSync } from 'node:fs';
import { formatError, UI_TEXTS_EN } from '../../src/lib/texts';
import { parse } from 'yaml';
import { ignoredFilterValues } from '../../src/lib/url/filter-state';
import { queryHasFilter } from '../../src/lib/url/params';
import { describeIgnoredFilter, describeUnknownPlatform } from '../../src/lib/url/notices';
import { platformInfo } from '../../src/lib/firewall/platforms';
import { SETTING_LABELS, type SettingField } from '../../src/lib/firewall/settings';
import {
  parseSnippetState,
  rejectedSnippetValues,
  usesInterfaceNames,
} from '../../src/lib/url/snippet-state';
import { SNIPPET_CODE_ID } from '../../src/client/snippets-form';
import { fuzzQueries } from '../unit/helpers/hostile-urls';
import { expect, test } from './fixtures';

/** Device ids in legend order, as the filter knows them. */
const DEVICES = (parse(readFileSync('content/devices.yaml', 'utf8')) as { id: string }[]).map(
  (device) => device.id,
);

/**
 * A small sample of the unit fuzz test's queries, run through the real page: the
 * first few from a fixed seed that the page must answer with a note or a marked
 * field, so each one checks something.
 */
const SAMPLE = fuzzQueries(0x5eed_2026, 400)
  .map((query) => new URL(`http://127.0.0.1/${query}`).search)
  .filter(
    (search) =>
      Object.keys(rejectedSnippetValues(search).form).length > 0 &&
      ignoredFilterValues(search, DEVICES).length > 0,
  )
  .slice(0, 6);

test('the sample is not empty', () => {
  expect(SAMPLE).toHaveLength(6);
});

for (const [index, search] of SAMPLE.entries()) {
  test(`seeded hostile link ${index + 1}: rejected values are named, nothing breaks`, async ({
    overview,
    snippets,
    page,
  }) => {
    // Any dialog would mean markup from the URL ran as script.
    page.on('dialog', (dialog) => {
      overview.errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await overview.open(`/${search}`);
    await snippets.reach();
    const state = parseSnippetState(search, null);
    const platform = state.platform;
    const rejected = rejectedSnippetValues(search);
    // Every setting the link gave that does not validate stands in its field, marked, with its error.
    for (const [field, value] of Object.entries(rejected.form) as [SettingField, string][]) {
      if ((field === 'in' || field === 'out') && (platform === undefined || !usesInterfaceNames(platform)))
        continue;
      const input = snippets.field(SETTING_LABELS[field].label);
      // A field that does not apply to the tab in view (the server address on Cloud) is hidden.
      if (!(await input.isVisible())) continue;
      const error = rejected.errors[field];
      const message = error === undefined ? '' : formatError(UI_TEXTS_EN, error);
      await expect(input, field).toHaveValue(value);
      await expect(input, field).toHaveAttribute('aria-invalid', 'true');
      await expect(input, field).toHaveAccessibleDescription(
        `${SETTING_LABELS[field].label}: ${message}. ${SETTING_LABELS[field].hint} ${
          platform !== undefined && usesInterfaceNames(platform) && (field === 'in' || field === 'out')
            ? `On ${platformInfo(platform).label}: ${platformInfo(platform)[field === 'in' ? 'inside' : 'outside']}.`
            : ''
        }`.trim(),
      );
    }
    // An unknown platform is named under the picker.
    if (rejected.platform !== undefined) {
      await expect(snippets.region.getByText('This link asks for the firewall platform')).toHaveText(
        describeUnknownPlatform(
          UI_TEXTS_EN,
          rejected.platform,
          platform === undefined ? undefined : platformInfo(platform).label,
        ),
      );
    }
    // The filter names every value it ignored.
    if (queryHasFilter(search)) {
      await expect(page.getByText('This link’s filter has')).toHaveText(
        describeIgnoredFilter(UI_TEXTS_EN, ignoredFilterValues(search, DEVICES)),
      );
    }
    // The rules (or the note that the filter leaves none) are there and hold none of the hostile text.
    const code = page.locator(`#${SNIPPET_CODE_ID}`);
    await expect(code).not.toHaveText('Loading the rules…');
    // With no platform in the link, the panel asks for one instead of assuming it.
    await expect(code).toContainText(
      platform === undefined
        ? UI_TEXTS_EN['snippets.choosePrompt']
        : /pascom firewall rules for|matches the filter above/,
    );
    const text = (await code.textContent()) ?? '';
    // The hostile values as the fuzzer writes them; the snippets' own advice may say "reboot" or use "$(" in a script.
    expect(text).not.toMatch(/; reboot|\$\(reboot\)|`id`|^-A INPUT|evil\.example|alert\(|onerror/m);
    expect(overview.errors).toEqual([]);
  });
}
