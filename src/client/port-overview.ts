// The overview's scripts as one entry, so the page fetches one file for them.
// The filter's loader comes first: it listens for the tabs' first tab change.
import './port-filter-loader';
import './port-tabs';
