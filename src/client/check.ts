import {
  httpsOrigin,
  isHostPattern,
  parseInPageData,
  probeHost,
  type InPageData,
  type InPageProbe,
} from '../lib/checks/in-page';
import { parseSettings } from '../lib/firewall/settings';
import { isJsonObject, parseJson } from '../lib/json';
import { isDeployment } from '../schemas/registries';
import { CHECK_KEYS, formatText, parseTexts, textParts, type CheckTexts } from '../lib/texts';

/** The check's file (/checks/browser.json): each tab's plan, checked tab by tab, and the texts. */
async function checkFile(
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

/** How long a probe waits for an answer before it counts as blocked. */
const HTTPS_TIMEOUT_MS = 8000;
const STUN_TIMEOUT_MS = 5000;

type Outcome = { state: 'reachable' | 'blocked'; ms: number } | { state: 'not-tested'; reason: string };

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
    return { state: 'blocked', ms: Math.round(performance.now() - started) };
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
    const ok = await answered;
    return { state: ok ? 'reachable' : 'blocked', ms: Math.round(performance.now() - started) };
  } finally {
    connection.close();
  }
}

function outcomeText(probe: InPageProbe, outcome: Outcome, texts: CheckTexts): string {
  let result: string;
  if (outcome.state === 'not-tested')
    result = formatText(texts['check.notTested'], { reason: outcome.reason });
  else if (outcome.state === 'reachable') result = formatText(texts['check.reachable'], { ms: outcome.ms });
  else
    result = formatText(texts[probe.kind === 'stun' ? 'check.blockedStun' : 'check.blocked'], {
      ms: outcome.ms,
    });
  return `${texts['check.resultLabel']} ${probe.port}/${probe.kind === 'stun' ? 'UDP' : 'TCP'}: ${result}`;
}

/** The cell of a row where the check writes its result, emptied of an earlier run's. */
function resultCell(anchor: string): Element | null {
  const cell = document.getElementById(anchor)?.querySelector('.pf-function-cell') ?? null;
  for (const old of cell?.querySelectorAll('.pf-check-result') ?? []) old.remove();
  return cell;
}

function resultLine(state: string): HTMLParagraphElement {
  const line = document.createElement('p');
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

/** Runs the check of one `<pf-check>` and writes its results into the tab's rows. */
export async function runCheck(element: HTMLElement): Promise<void> {
  const status = element.querySelector('.pf-check-status');
  const button = element.querySelector('button');
  const deployment = element.dataset.deployment;
  if (!status || !button || !isDeployment(deployment)) return;
  const file = await checkFile(element.dataset.src);
  const data = file && parseInPageData(file.tabs[deployment]);
  const texts = file?.texts;
  if (!data || !texts) return;

  const input = element.querySelector('input');
  let instanceHost: string | undefined;
  const typed = input?.value.trim() ?? '';
  if (typed !== '') {
    const parsed = parseSettings({ host: typed });
    if (!parsed.ok) {
      status.textContent = texts['check.badInstance'];
      input?.setAttribute('aria-invalid', 'true');
      return;
    }
    instanceHost = parsed.settings.instanceHost;
  }
  input?.removeAttribute('aria-invalid');

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
  data.probes.forEach((probe, index) => {
    const outcome = outcomes[index]!;
    const line = resultLine(outcome.state);
    line.textContent = outcomeText(probe, outcome, texts);
    cells.get(probe.anchor)?.append(line);
  });
  markOtherRows(data, texts);
  const count = (state: Outcome['state']) => outcomes.filter((outcome) => outcome.state === state).length;
  status.textContent = formatText(texts['check.summary'], {
    reachable: count('reachable'),
    blocked: count('blocked'),
    notTested: count('not-tested'),
  });
  button.disabled = false;
}
