// The overview's scripts as one entry, so the page fetches one file for them. The
// filter and the snippet panel load their code on demand; the tabs start at once.
// The filter's loader comes first: it listens for the tabs' first tab change.
import './port-filter-loader';
import './port-tabs';
import './snippet-loader';
