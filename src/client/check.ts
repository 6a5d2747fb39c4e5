import {
  failureKind,
  httpsOrigin,
  isHostPattern,
  SNIPPETS_HEADING_ID,
  parseInPageData,
  probeHost,
  type InPageData,
  type InPageProbe,
} from '../lib/checks/in-page';
import { parseSettings } from '../lib/firewall/settings';
import { isJsonObject, parseJson } from '../lib/json';
import { isDeployment } from '../schemas/registries';
import { showInvisible } from '../lib/visible-text';
import { CHECK_KEYS, formatText, parseTexts, textParts, type CheckTexts } from '../lib/texts';

type CheckFile = { tabs: Record<string, unknown>; texts: CheckTexts } | undefined;
const files = new Map<string, Promise<CheckFile>>();

/** The check's file, fetched once for every element and every run. */
function checkFile(src: string | undefined): Promise<CheckFile> {
  const key = src ?? '';
  let file = files.get(key);
  if (file === undefined) {
    file = fetchCheckFile(src);
    files.set(key, file);
  }
  return file;
}

/** The check's file (/checks/browser.json): each tab's plan, checked tab by tab, and the texts. */
async function fetchCheckFile(
  src: string | undefined,
): Promise<{ tabs: Record<string, unknown>; texts: CheckTexts } | undefined> {
  if (!src?.startsWith('/')) return undefined;
  try {
    const response = await fetch(src);
    const raw = parseJson(await response.text());
    if (!isJsonObject(raw) || !isJsonObject(raw.tabs)) return undefined;
    const texts = parseTexts(raw.texts, CHECK_KEYS);
    return texts && { tabs: raw.tabs, texts };
  } catch {
    return undefined;
  }
}

/** How long a probe waits for an answer; a failure before that failed at once. */
const HTTPS_TIMEOUT_MS = 8000;
const STUN_TIMEOUT_MS = 5000;

type Outcome =
  | { state: 'reachable' | 'failed'; ms: number }
  | { state: 'no-answer'; ms: number; timeoutMs: number }
  | { state: 'not-tested'; reason: string };

/** A failed probe's outcome: no answer within the time, or a failure well before it. */
function failure(started: number, timeoutMs: number): Outcome {
  const ms = Math.round(performance.now() - started);
  return failureKind(ms, timeoutMs) === 'no-answer'
    ? { state: 'no-answer', ms, timeoutMs }
    : { state: 'failed', ms };
}

/** An HTTPS request to the host; any answer, even an error page, proves the connection got through. */
async function httpsProbe(host: string, port: number): Promise<Outcome> {
  const started = performance.now();
  const url = `${httpsOrigin(host, port)}/`;
  try {
    await fetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(HTTPS_TIMEOUT_MS),
    });
    return { state: 'reachable', ms: Math.round(performance.now() - started) };
  } catch {
    return failure(started, HTTPS_TIMEOUT_MS);
  }
}

/**
 * Asks the STUN server for this browser's public address through WebRTC's ICE gathering: a
 * server-reflexive candidate is the server's answer, so UDP got there and back.
 */
async function stunProbe(host: string, port: number, texts: CheckTexts): Promise<Outcome> {
  if (typeof RTCPeerConnection === 'undefined')
    return { state: 'not-tested', reason: texts['check.reason.noWebRtc'] };
  const started = performance.now();
  const connection = new RTCPeerConnection({ iceServers: [{ urls: `stun:${host}:${port}` }] });
  try {
    const answered = new Promise<boolean>((resolve) => {
      connection.addEventListener('icecandidate', (event) => {
        if (event.candidate?.type === 'srflx') resolve(true);
        else if (event.candidate === null) resolve(false);
      });
      setTimeout(() => resolve(false), STUN_TIMEOUT_MS);
    });
    connection.createDataChannel('check');
    await connection.setLocalDescription(await connection.createOffer());
    if (await answered) return { state: 'reachable', ms: Math.round(performance.now() - started) };
    return failure(started, STUN_TIMEOUT_MS);
  } finally {
    connection.close();
  }
}

/** What a probe found, e.g. "443/TCP: reachable, 12 ms". */
function outcomeText(probe: InPageProbe, outcome: Outcome, texts: CheckTexts): string {
  let result: string;
  if (outcome.state === 'not-tested')
    result = formatText(texts['check.notTested'], { reason: outcome.reason });
  else if (outcome.state === 'reachable') result = formatText(texts['check.reachable'], { ms: outcome.ms });
  else if (outcome.state === 'no-answer')
    result = formatText(texts['check.noAnswer'], { s: Math.round(outcome.timeoutMs / 1000) });
  else result = formatText(texts['check.failedAtOnce'], { ms: outcome.ms });
  return `${probe.port}/${probe.kind === 'stun' ? 'UDP' : 'TCP'}: ${result}`;
}

/** A sentence with its `{panel}` placeholder a link to the snippet panel's instance field. */
function withPanelLink(line: Element, text: string, texts: CheckTexts): void {
  line.replaceChildren();
  for (const part of textParts(text)) {
    if (typeof part === 'string') line.append(part);
    else {
      const link = document.createElement('a');
      link.href = `#${SNIPPETS_HEADING_ID}`;
      link.textContent = texts['check.panelLink'];
      line.append(link);
    }
  }
}

/** The sentence the HTML had, before any instance replaced it. */
const noInstanceSentence = new WeakMap<Element, Node[]>();

/**
 * Names the instance the check will test: the one the snippet panel announced, else the
 * address's `host` when it is valid (a bare name completed under pascom.cloud), with the
 * reason when it is not; with neither, the HTML's sentence linking to the panel's field.
 */
export async function showInstance(element: HTMLElement, announced: string | undefined): Promise<void> {
  const line = element.querySelector('.pf-check-instance');
  const texts = (await checkFile(element.dataset.src))?.texts;
  if (!line || !texts) return;
  if (!noInstanceSentence.has(line)) noInstanceSentence.set(line, [...line.childNodes]);
  let host = announced;
  const given = new URLSearchParams(window.location.search).get('host')?.slice(0, 300) ?? '';
  if (host === undefined && given !== '') {
    const parsed = parseSettings({ host: given });
    if (parsed.ok) host = parsed.settings.instanceHost;
    else if (parsed.errors.host) {
      // The reasons the instance field can give are in the check's texts; another says the field's general one.
      const reasons: Partial<Record<string, string>> = texts;
      const reason = formatText(
        reasons[parsed.errors.host.key] ?? texts['settings.error.hostname'],
        parsed.errors.host.values,
      );
      withPanelLink(
        line,
        formatText(texts['check.instanceRefused'], { value: showInvisible(given), reason }),
        texts,
      );
      delete element.dataset.instance;
      return;
    }
  }
  if (host === undefined) {
    delete element.dataset.instance;
    line.replaceChildren(...(noInstanceSentence.get(line) ?? []));
    return;
  }
  element.dataset.instance = host;
  line.textContent = formatText(texts['check.instance'], { host });
}

/** The cell of a row where the check writes its result, emptied of an earlier run's. */
function resultCell(anchor: string): Element | null {
  const cell = document.getElementById(anchor)?.querySelector('.pf-function-cell') ?? null;
  for (const old of cell?.querySelectorAll('.pf-check-result') ?? []) old.remove();
  return cell;
}

function resultLine(state: string, tag: 'p' | 'li' = 'p'): HTMLElement {
  const line = document.createElement(tag);
  line.className = 'pf-check-result';
  line.dataset.state = state;
  return line;
}

function markOtherRows(data: InPageData, texts: CheckTexts): void {
  for (const row of data.others) {
    const cell = resultCell(row.anchor);
    if (!cell) continue;
    const line = resultLine(row.script ? 'script' : 'untestable');
    if (!row.script) line.textContent = row.text;
    else
      for (const part of textParts(texts['check.scriptRow'])) {
        if (typeof part === 'string') line.append(part);
        else {
          const link = document.createElement('a');
          link.href = `#${data.scriptsAnchor}`;
          link.textContent = texts['check.scriptRowLink'];
          line.append(link);
        }
      }
    cell.append(line);
  }
}

/** Runs the check of one `<pf-check>`, writes its results into the tab's rows and lists them under the button. */
export async function runCheck(element: HTMLElement): Promise<void> {
  const status = element.querySelector('.pf-check-status');
  const button = element.querySelector('button');
  const deployment = element.dataset.deployment;
  if (!status || !button || !isDeployment(deployment)) return;
  const file = await checkFile(element.dataset.src);
  const data = file && parseInPageData(file.tabs[deployment]);
  const texts = file?.texts;
  if (!data || !texts) return;

  const instanceHost = element.dataset.instance;

  button.disabled = true;
  status.textContent = texts['check.running'];
  // Each tested row's cell, emptied of an earlier run's results before this run starts.
  const cells = new Map(data.probes.map((probe) => [probe.anchor, resultCell(probe.anchor)]));
  const outcomes = await Promise.all(
    data.probes.map((probe): Promise<Outcome> => {
      const host = probeHost(probe.host, instanceHost);
      if (host === undefined)
        return Promise.resolve({
          state: 'not-tested',
          reason: isHostPattern(probe.host) ? texts['check.reason.noInstance'] : '',
        });
      return probe.kind === 'https' ? httpsProbe(host, probe.port) : stunProbe(host, probe.port, texts);
    }),
  );
  // Each result in its row, and listed under the button with a link to the row.
  const list = document.createElement('ul');
  list.className = 'pf-check-results';
  data.probes.forEach((probe, index) => {
    const outcome = outcomes[index]!;
    const text = outcomeText(probe, outcome, texts);
    const line = resultLine(outcome.state);
    line.textContent = `${texts['check.resultLabel']} ${text}`;
    cells.get(probe.anchor)?.append(line);
    const item = resultLine(outcome.state, 'li');
    const link = document.createElement('a');
    link.href = `#${probe.anchor}`;
    link.textContent =
      document.getElementById(probe.anchor)?.querySelector('.pf-function')?.textContent.trim() ??
      probe.ruleId;
    item.append(link, ` ${text}`);
    list.append(item);
  });
  markOtherRows(data, texts);
  element.querySelector('.pf-check-results')?.remove();
  status.after(list);
  const count = (state: Outcome['state']) => outcomes.filter((outcome) => outcome.state === state).length;
  status.textContent = formatText(texts['check.summary'], {
    reachable: count('reachable'),
    noAnswer: count('no-answer'),
    failed: count('failed'),
    notTested: count('not-tested'),
  });
  button.disabled = false;
}
