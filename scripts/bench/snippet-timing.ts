import { performance } from 'node:perf_hooks';
import { loadContent } from '../../tests/unit/helpers/load-content';
import { DEFAULT_SETTINGS } from '../../src/lib/firewall/settings';
import { PLATFORMS } from '../../src/lib/firewall/platforms';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { toSnippetInput } from '../../src/lib/firewall/plan';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Milliseconds to generate the snippets of every platform for both tabs, all
 * rules, default settings, from the content in `contentDir`: the median of
 * `rounds` runs.
 */
export async function timeSnippets(contentDir: string, rounds: number): Promise<number> {
  const data = loadContent(contentDir);
  const inputs = data.deployments.map((deployment) => toSnippetInput(deployment));
  const generators = await Promise.all(PLATFORMS.map((platform) => loadGenerator(platform.id)));
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const render of generators) for (const input of inputs) render(input, DEFAULT_SETTINGS);
    times.push(performance.now() - started);
  }
  return median(times);
}
