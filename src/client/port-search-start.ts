/**
 * Starts the site search's port answers (port-search.ts) on demand: its code loads
 * the first time a search holds a digit, and from then on hears every change of the
 * search box. Every other search is Pagefind's alone, and a reader who never searches
 * for a number fetches nothing. A plain import() rather than the overview's loader
 * (on-demand.ts): this runs on every page, and the loader would come with it as a
 * file of its own.
 */
let answers: Promise<typeof import('./port-search') | undefined> | undefined;

document.addEventListener(
  'input',
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.matches('#starlight__search input')) return;
    if (!answers && !/\d/.test(input.value)) return;
    answers ??= import('./port-search').catch(() => undefined);
    void answers.then((module) => module?.answerSearch(input));
  },
  { capture: true },
);
