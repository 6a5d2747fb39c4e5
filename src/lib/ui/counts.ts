// How the filter and the diagrams word their counts. Apart from the filter's logic (filter-state.ts) because the
// page's first script needs these lines while the filter itself loads on demand.

function rules(count: number): string {
  return `${count} ${count === 1 ? 'rule' : 'rules'}`;
}

/** The result line above the tables, e.g. "Showing 4 of 9 rules". */
export function describeCount(visible: number, total: number): string {
  if (visible === total) return total === 1 ? 'Showing the only rule' : `Showing all ${rules(total)}`;
  return `Showing ${visible} of ${rules(total)}`;
}

/** The count inside a tab's label, e.g. "(4 of 9 rules)", or "(9 rules)" when nothing is hidden. */
export function describeTabCount(visible: number, total: number): string {
  return visible === total ? `(${rules(total)})` : `(${visible} of ${rules(total)})`;
}

function connections(count: number): string {
  return `${count} ${count === 1 ? 'connection' : 'connections'}`;
}

/** The count under a network diagram, e.g. "4 of 9 connections", or "9 connections" when none is faded. */
export function describeConnectionCount(shown: number, total: number): string {
  return shown === total ? connections(total) : `${shown} of ${connections(total)}`;
}
