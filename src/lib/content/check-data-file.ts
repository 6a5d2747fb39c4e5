import { inPagePlan, type InPageData } from '../checks/in-page';
import type { Deployment, Lang } from '../../schemas/registries';
import { CHECK_KEYS, pickTexts, UNTESTABLE_TEXT, formatText, type CheckTexts } from '../texts';
import { loadPortDataIn } from './load-port-data';
import { uiTexts } from './ui-texts';

/** The anchor of a tab's check scripts on the overview, where rows the browser cannot test link to. */
export function checkScriptsAnchor(deployment: Deployment): string {
  return `${deployment}-check-scripts`;
}

/**
 * The in-page check's file (/checks/browser.json, /de/checks/browser.json): what the check
 * tests in each tab and its texts, in one language. The check fetches it when the reader
 * presses its button, so the page does not carry it.
 */
export async function checkDataFile(lang: Lang): Promise<string> {
  const data = await loadPortDataIn(lang);
  const texts = uiTexts(lang);
  const tabs: Partial<Record<Deployment, InPageData>> = {};
  for (const view of data.deployments) {
    const plan = inPagePlan(view);
    tabs[view.id] = {
      probes: plan.probes,
      others: plan.others.map(({ anchor, ruleId, why }) => {
        if (why === 'script') return { anchor, script: true };
        const reason = data.rules.find((rule) => rule.id === ruleId)?.untestable;
        return {
          anchor,
          script: false,
          text: formatText(texts['check.untestableRow'], {
            reason: reason ? texts[UNTESTABLE_TEXT[reason]] : '',
          }),
        };
      }),
      scriptsAnchor: checkScriptsAnchor(view.id),
    };
  }
  const body: { tabs: typeof tabs; texts: CheckTexts } = { tabs, texts: pickTexts(texts, CHECK_KEYS) };
  return JSON.stringify(body);
}
