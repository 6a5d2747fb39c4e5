// The overview's scripts as one entry, so the page fetches one file for them. Each module
// registers its own element or starter, and none depends on another having run first: late
// listeners hear the current tab and filter through the events' replay (events.ts). The
// filter, the snippet panel and the diagrams load their code on demand (on-demand.ts); the tabs
// start at once.
import './tabs';
import './filter-start';
import './snippets-start';
import './diagram-start';
import './check-start';
import './instance-start';
