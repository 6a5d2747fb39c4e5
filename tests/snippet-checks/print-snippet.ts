/**
 * Prints one platform's snippet for one case, to read it or feed it to a tool:
 *   npx tsx tests/snippet-checks/print-snippet.ts <platform> <case> [<settings>]
 * e.g. `pf "onsite, all devices" "dual stack"`. Without arguments, lists the names.
 */
import { loadGenerator } from '../../src/lib/firewall/generator';
import { PLATFORM_IDS, isPlatformId } from '../../src/lib/firewall/platforms';
import { loadContent } from '../unit/helpers/load-content';
import { CHECK_SETTINGS, filterCases } from '../unit/helpers/snippet-cases';

const [platform = '', caseName = '', settingsName = 'none'] = process.argv.slice(2);
const cases = filterCases(loadContent());
const found = cases.find((item) => item.name === caseName);
const settings = CHECK_SETTINGS.find((item) => item.name === settingsName);
if (!isPlatformId(platform) || !found || !settings) {
  console.error(`platforms: ${PLATFORM_IDS.join(', ')}`);
  console.error(`cases: ${cases.map((item) => `"${item.name}"`).join(', ')}`);
  console.error(`settings: ${CHECK_SETTINGS.map((item) => `"${item.name}"`).join(', ')}`);
  process.exit(2);
}
process.stdout.write((await loadGenerator(platform))(found.input, settings.settings()));
