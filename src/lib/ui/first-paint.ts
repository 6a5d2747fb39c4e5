import { DEPLOYMENTS, DIRECTIONS, PROTOCOLS, isDeployment, type Deployment } from '../../schemas/registries';
import { scriptJson } from '../json';
import { linkFragments, resolveFragment, type LinkIndex } from '../url/link-index';
import { FILTER_PARAMS } from '../url/params';

/**
 * Linked views right at the first paint. The overview's scripts are modules
 * that arrive after the HTML (seconds later on a slow connection), yet a link
 * to `/#onsite` or `/?device=phone#onsite` must show that tab, and only the
 * rows the filter keeps, from the first frame. A small inline script, placed
 * in the page before the filter and the tabs, reads the address and adds two
 * style elements for exactly that address:
 *
 * - the tab the fragment leads to (`#onsite`, `#onsite-ntp-time`, a bare or
 *   old rule id) is shown, its tab button looks selected and the filter's
 *   count line is the one of that tab, until `<pf-tabs>` has started and
 *   removes the style; the tab is also kept on `<html data-pf-tab>`, where the
 *   tabs read it, so they start on the same tab and nothing switches;
 * - rows outside the address's device, protocol and direction filter are
 *   hidden, and so are tables left empty, until `<pf-filter>` has applied the
 *   same filter and removes the style. Free text (`q`) cannot be written as
 *   CSS, so with free text the tables stay hidden until the filter has
 *   applied it; if the page's scripts never run at all, the page load ends the
 *   wait and every row shows.
 *
 * A link to a row or anything else in the page applies no filter at first: a
 * link to a row wins over the filter, which the filter decides once it runs.
 * Without JavaScript nothing of this runs and every row is shown.
 *
 * The script stays small because the build resolves the fragments for it: it
 * carries only the fragments whose tab does not follow from their first word
 * (a bare rule id listed only in a later tab, say). Unit tests run it against
 * the same parsers the full scripts use (resolveFragment, parseFilterState).
 */

/** The element ids of the two style elements; the filter removes the second once it has applied. */
export const FIRST_PAINT_TAB_STYLE_ID = 'pf-first-paint-tab';
export const FIRST_PAINT_FILTER_STYLE_ID = 'pf-first-paint-filter';

/** Where the script leaves the tab it showed, as `<html data-pf-tab>`. */
const TAB_KEY = 'pfTab';

/**
 * The fragments whose tab the script cannot tell from their first word
 * ("onsite-…" is Onsite, anything else is the first tab): bare rule ids and
 * old ids of rules whose first row is in a later tab, and rule ids or old ids
 * behind a tab the rule is not in (which land on its first row).
 */
export function fragmentTabs(index: LinkIndex): Record<string, Deployment> {
  const ids = [...Object.keys(index.rules), ...Object.keys(index.aliases)];
  const candidates = new Set([
    ...linkFragments(index),
    ...DEPLOYMENTS.flatMap((deployment) => ids.map((id) => `${deployment}-${id}`)),
  ]);
  const tabs: Record<string, Deployment> = {};
  for (const fragment of candidates) {
    const deployment = resolveFragment(fragment, index)?.deployment ?? DEPLOYMENTS[0];
    if (deployment !== guessedTab(fragment)) tabs[fragment] = deployment;
  }
  return tabs;
}

/** The script's own rule: the fragment's first word when that names a tab, else the first tab. */
function guessedTab(fragment: string): Deployment {
  const word = fragment.split('-')[0] ?? '';
  const named = isDeployment(word) && (fragment === word || fragment.length > word.length + 1);
  return named ? word : DEPLOYMENTS[0];
}

export interface FirstPaintInput {
  index: LinkIndex;
  /** Device ids in legend order. */
  devices: readonly string[];
}

/**
 * The inline script. Every value it writes into CSS comes from the lists the
 * build gives it (tabs, devices, protocols, directions), never from the
 * address as typed.
 *
 * It also applies the filter's controls until the filter's code has arrived
 * (it loads on demand, seconds later on a slow connection): a chip pressed, a
 * select changed or text typed is written into the address at once, the chip
 * shows as pressed, and the stylesheet above is made again from the new
 * address, so the rows follow within a frame. The filter reads the address
 * when it starts, so nothing done meanwhile is lost; from then on it handles
 * every press itself and this listener stands aside.
 */
export function firstPaintScript({ index, devices }: FirstPaintInput): string {
  const constants = [
    `T=${scriptJson(DEPLOYMENTS)}`,
    `M=${scriptJson(fragmentTabs(index))}`,
    `D=${scriptJson(devices)}`,
    `P=${scriptJson(PROTOCOLS)}`,
    `R=${scriptJson(DIRECTIONS)}`,
  ].join(',');
  const { device, protocol, direction, query } = FILTER_PARAMS;
  // Written out by hand, and kept short: it runs in every visit before anything is drawn. Device
  // ids are quoted in the CSS, as an id may begin with a digit.
  return [
    `(()=>{const h=document.documentElement,${constants},`,
    `a=(s,n)=>s.getAll(n).map(x=>x.trim().toLowerCase()),`,
    // A style element given new text (one change for the browser to restyle), or taken out.
    `c=(i,t)=>{let e=document.getElementById(i);if(!t)return e?.remove();e||(e=document.createElement("style"),e.id=i,document.head.append(e));e.textContent=t},`,
    // The address's filter: its parameters, the devices it names, and its rows as a selector.
    `v=()=>{const s=new URLSearchParams(location.search),e=a(s,"${device}").flatMap(x=>x.split(",")).map(x=>x.trim()).filter(x=>D.includes(x)),`,
    `p=a(s,"${protocol}").find(x=>P.includes(x)),r=a(s,"${direction}").find(x=>R.includes(x));`,
    `return[s,e,(e.length?":is("+e.map(x=>'[data-devices~="'+x+'"]')+")":"")+(p?"[data-protocols~="+p+"]":"")+(r?"[data-direction="+r+"]":""),`,
    `/[^\\s\\p{Cc}\\p{Cf}]/u.test(s.get("${query}")??"")]},`,
    // The filter: on screen only, as a printout has every row (print.css).
    `w=()=>{const[,,m,q]=v();c("${FIRST_PAINT_FILTER_STYLE_ID}",q||m?"@media screen{"+(q?".pf-tabs .pf-group":".pf-tabs tr[data-rule]:not("+m+"),.pf-tabs .pf-group:not(:has(tr"+m+"))")`,
    `+"{display:none!important}.pf-filter-count,.pf-tab-count{visibility:hidden}}":"")};`,
    `let f=location.hash.slice(1),t;try{f=decodeURIComponent(f)}catch{f=""}`,
    `t=f.split("-")[0];t=Object.hasOwn(M,f)?M[f]:T.includes(t)&&(f==t||f[t.length+1])?t:T[0];h.dataset.${TAB_KEY}=t;`,
    // The tab: its panel, its line of the filter's count, and the look of a selected tab (tabs.css).
    `c("${FIRST_PAINT_TAB_STYLE_ID}",".pf-tabs:not([data-enhanced]) .pf-panel:not(#"+t+"),[data-count-for]:not([data-count-for="+t+"]){display:none}`,
    `.pf-tabs:not([data-enhanced]) .pf-tab[data-deployment="+t+"]{color:var(--sl-color-white);border-bottom-color:var(--sl-color-accent)}");`,
    // A link to a row applies no filter at first (the link wins); a press later does.
    `(!f||T.includes(f))&&w();`,
    `const g=n=>{const o=n.target;if(customElements.get("pf-filter")||!o.closest?.("pf-filter"))return;const[s,e]=v();`,
    `if(n.type=="click"){const d=o.closest("[data-device]")?.dataset.device;if(!D.includes(d))return;`,
    `const i=e.indexOf(d);i<0?e.push(d):e.splice(i,1);s.delete("${device}");for(const x of D)e.includes(x)&&s.append("${device}",x);`,
    `o.closest("[data-device]").setAttribute("aria-pressed",i<0)}`,
    // The fields behind "More filters" are named by their parameter (Filter.astro, data-filter).
    `else{const d=o.dataset.filter;if(!d)return;o.value.trim()?s.set(d,o.value):s.delete(d)}`,
    `const u=""+s;history.replaceState(history.state,"",location.pathname+(u&&"?"+u)+location.hash);w()};`,
    `for(const x of["click","input","change"])addEventListener(x,g);`,
    // If the page's scripts never run (blocked, offline), the load ends the wait for them.
    `addEventListener("load",()=>customElements.get("pf-tabs")||c("${FIRST_PAINT_FILTER_STYLE_ID}"))`,
    `})()`,
  ].join('');
}

/** The tab the first paint showed, if the script ran; the tabs start there. */
export function firstPaintTab(root: HTMLElement = document.documentElement): Deployment | undefined {
  const tab = root.dataset[TAB_KEY];
  return isDeployment(tab) ? tab : undefined;
}

/** Ends the first paint's tab: `<pf-tabs>` shows it now, and the filter's starter its count line. */
export function endFirstPaintTab(doc: Document = document): void {
  doc.getElementById(FIRST_PAINT_TAB_STYLE_ID)?.remove();
}

/** Ends the first paint's filter: the filter has applied the address's filter itself, or cannot. */
export function endFirstPaintFilter(doc: Document = document): void {
  doc.getElementById(FIRST_PAINT_FILTER_STYLE_ID)?.remove();
}
