import { FEED_PATHS } from '../lib/url/link-scheme';
import { linkIndexOf, readOverviewData } from '../lib/ui/overview-data';
import { quoteValue } from '../lib/url/notices';
import { missingFragment, parseFragment } from '../lib/url/fragment';
import type { Deployment } from '../schemas/registries';
import { localPath } from '../lib/lang';
import { textParts } from '../lib/texts';

/**
 * How `<pf-tabs>` follows URL fragments: "#onsite" opens a tab, "#onsite-sip-tls"
 * a row, and bare or old rule ids resolve through the link index of the page's
 * data. Loaded on demand, when the address has a fragment or gets one; until
 * then the first paint already shows the tab a fragment leads to.
 */
const HIGHLIGHT_CLASS = 'pf-highlight';
/** The note on a link that leads nowhere; tabs.ts removes it when the reader picks a tab. */
const NOTE_CLASS = 'pf-link-note';
const data = readOverviewData();
const links = data === undefined ? undefined : linkIndexOf(data);

/** The row the URL fragment links to, if it names one; with the link index, old and bare ids count. */
export function linkedRow(): HTMLElement | null {
  const target = parseFragment(window.location.hash, links);
  if (target?.anchor === undefined || target.ruleId === undefined) return null;
  return document.getElementById(target.anchor);
}

/**
 * Shows the tab (and row) the URL fragment names, through `select`; false when
 * it names none. A row is highlighted, scrolled to and focused.
 */
export function followFragment(tabs: HTMLElement, select: (deployment: Deployment) => boolean): boolean {
  const missing = missingFragment(window.location.hash, (id) => document.getElementById(id) !== null, links);
  showMissing(tabs, missing);
  const target = parseFragment(window.location.hash, links);
  if (!target || !select(target.deployment)) {
    // The link meant something in the tables: show the tabs and the note.
    if (missing !== undefined) tabs.scrollIntoView({ block: 'start' });
    return false;
  }
  const element = target.anchor ? document.getElementById(target.anchor) : null;
  for (const previous of tabs.querySelectorAll(`.${HIGHLIGHT_CLASS}`))
    previous.classList.remove(HIGHLIGHT_CLASS);
  if (element && target.ruleId !== undefined) {
    highlight(element);
  } else {
    (element ?? tabs).scrollIntoView({ block: 'start' });
  }
  return true;
}

/**
 * Marks the linked row, scrolls to it and moves focus there so screen readers
 * announce it. tabindex -1 makes the row focusable by script only, so it never
 * joins the tab order and Tab moves on from it as usual.
 */
function highlight(row: HTMLElement): void {
  row.classList.add(HIGHLIGHT_CLASS);
  if (!row.hasAttribute('tabindex')) row.tabIndex = -1;
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

/**
 * Says, under the tab names, that the link's fragment leads nowhere (usually a
 * rule removed since the link was written), instead of quietly showing the
 * first tab. The fragment is quoted as text. A fragment that leads somewhere
 * takes the note away.
 */
function showMissing(tabs: HTMLElement, fragment: string | undefined): void {
  tabs.querySelector(`.${NOTE_CLASS}`)?.remove();
  if (fragment === undefined || !data) return;
  const note = document.createElement('p');
  note.className = NOTE_CLASS;
  note.setAttribute('role', 'status');
  const changelog = document.createElement('a');
  changelog.href = localPath(data.lang, FEED_PATHS.changelogPage);
  changelog.textContent = data.texts['notice.changelogLink'];
  const filled: Record<string, string | Node> = { fragment: quoteValue(fragment), changelog };
  note.append(
    ...textParts(data.texts['notice.missingFragment']).map((part) =>
      typeof part === 'string' ? part : (filled[part.name] ?? ''),
    ),
  );
  tabs.querySelector('.pf-tablist')?.after(note);
}
