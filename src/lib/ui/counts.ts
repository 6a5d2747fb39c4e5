// How the filter and the diagrams word their counts, in the page's language. Apart from the filter's
// logic (filter-state.ts) because the build writes the first lines while the filter loads on demand.
import { formatText, type UiTexts } from '../texts';

/** The texts the counts are made of. */
export type CountTexts = Pick<
  UiTexts,
  | 'count.rule'
  | 'count.rules'
  | 'count.showingOnly'
  | 'count.showingAll'
  | 'count.showingSome'
  | 'count.tabAll'
  | 'count.tabSome'
  | 'count.connection'
  | 'count.connections'
  | 'count.someConnections'
>;

function rules(texts: CountTexts, count: number): string {
  return formatText(texts[count === 1 ? 'count.rule' : 'count.rules'], { count });
}

/** The result line above the tables, e.g. "Showing 4 of 9 rules". */
export function describeCount(texts: CountTexts, visible: number, total: number): string {
  if (visible === total) {
    return total === 1
      ? texts['count.showingOnly']
      : formatText(texts['count.showingAll'], { rules: rules(texts, total) });
  }
  return formatText(texts['count.showingSome'], { visible, rules: rules(texts, total) });
}

/** The count inside a tab's label, e.g. "(4 of 9 rules)", or "(9 rules)" when nothing is hidden. */
export function describeTabCount(texts: CountTexts, visible: number, total: number): string {
  const all = rules(texts, total);
  return visible === total
    ? formatText(texts['count.tabAll'], { rules: all })
    : formatText(texts['count.tabSome'], { visible, rules: all });
}

/** The count under a network diagram, e.g. "4 of 9 connections", or "9 connections" when none is faded. */
export function describeConnectionCount(texts: CountTexts, shown: number, total: number): string {
  const all = formatText(texts[total === 1 ? 'count.connection' : 'count.connections'], { count: total });
  return shown === total ? all : formatText(texts['count.someConnections'], { shown, connections: all });
}
