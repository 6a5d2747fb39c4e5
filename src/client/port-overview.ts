// The overview's scripts as one entry, so the page fetches one file for them. Each module
// registers its own element or starter, and none depends on another having run first: late
// listeners hear the current tab and filter through the events' replay (events.ts). The
// filter and the snippet panel load their code on demand (on-demand.ts); the tabs start at once.
import './tabs';
import './filter-start';
import './snippets-start';
