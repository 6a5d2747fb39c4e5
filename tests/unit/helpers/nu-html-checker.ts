import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One message of the Nu HTML Checker's JSON output (`--format json`). */
interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  /** The checked file as a `file:` URL. */
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  /** Source text around the fault; `hiliteStart` and `hiliteLength` mark the fault in it. */
  extract?: string;
  hiliteStart?: number;
  hiliteLength?: number;
}

/** An error the checker found in one of our files. */
export interface HtmlError {
  /** The file, as it was passed to the checker. */
  file: string;
  line: number | undefined;
  message: string;
  /** The marked source text, e.g. the offending start tag. */
  source: string | undefined;
}

/** The checker itself, as the vnu-jar package ships it. */
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/**
 * Java options for one checker run. The schema validation recurses deeply, and with
 * Java's default thread stack it sometimes ends in a StackOverflowError instead of a
 * report. On a two-core machine the optimising compiler competes with the checker for
 * the cores and doubles the run time, so only the quick first-tier compiler runs.
 */
const JAVA_OPTIONS = ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

/**
 * Runs the Nu HTML Checker once, in one Java process, over all the given files and
 * returns its error messages. Throws when the checker does not produce a report, so a
 * crashed or missing checker can never pass for a clean result.
 */
function runNuChecker(files: string[]): NuMessage[] {
  if (files.length === 0) throw new Error('No HTML files to check.');
  const run = spawnSync(
    'java',
    [
      ...JAVA_OPTIONS,
      '-jar',
      VNU_JAR,
      '--format',
      'json',
      '--errors-only',
      '--exit-zero-always',
      '--stdout',
      ...files,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`The Nu HTML Checker did not start (java is needed): ${run.error.message}`);
  let report: { messages?: NuMessage[] };
  try {
    report = JSON.parse(run.stdout) as { messages?: NuMessage[] };
  } catch {
    throw new Error(`The Nu HTML Checker gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  if (run.status !== 0 || !Array.isArray(report.messages)) {
    throw new Error(`The Nu HTML Checker failed (exit ${run.status}):\n${run.stderr}`);
  }
  return report.messages.filter((message) => message.type !== 'info');
}

/** The marked part of a message's extract, e.g. the start tag the message is about. */
function markedSource(message: NuMessage): string | undefined {
  if (message.extract === undefined || message.hiliteStart === undefined) return undefined;
  return message.extract.slice(message.hiliteStart, message.hiliteStart + (message.hiliteLength ?? 0));
}

/** Character offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

const SIDEBAR_SCRIPT_MESSAGE = 'The “aria-hidden” attribute must not be specified on the “script” element.';
const SIDEBAR_SCRIPT_TAG = '<script aria-hidden="true">';
const SIDEBAR_PERSISTER = 'sl-sidebar-state-persist';

/**
 * Starlight's sidebar (SidebarPersister.astro) puts `aria-hidden="true"` on its two
 * inline scripts inside `<sl-sidebar-state-persist>`, because Safari with VoiceOver
 * reads script text out loud inside a `display: contents` container
 * (withastro/starlight#2633). The markup is Starlight's, not ours, so that error, and
 * only for exactly that start tag inside that element, is left to upstream.
 */
function isStarlightSidebarScript(message: NuMessage, html: string): boolean {
  if (message.message !== SIDEBAR_SCRIPT_MESSAGE || markedSource(message) !== SIDEBAR_SCRIPT_TAG)
    return false;
  if (message.lastLine === undefined || message.lastColumn === undefined) return false;
  // The checker's last column is the tag's closing ">", so the text up to and including it ends with the tag.
  const before = html.slice(0, offsetOf(html, message.lastLine, message.lastColumn) + 1);
  if (!before.endsWith(SIDEBAR_SCRIPT_TAG)) return false;
  return before.lastIndexOf(`<${SIDEBAR_PERSISTER}`) > before.lastIndexOf(`</${SIDEBAR_PERSISTER}>`);
}

/**
 * The checker's CSS validator predates CSS Containment Level 3 (a W3C Candidate
 * Recommendation, in every current browser), so it calls valid container queries
 * errors. The diagrams switch between their wide and narrow drawing by the width of
 * their container, which is what these two messages are about; they are the checker's
 * gap, not our markup's, and only these exact messages are passed over.
 */
const CONTAINER_QUERY_MESSAGES = new Set([
  "CSS: “container-type”: Property “container-type” doesn't exist.",
  'CSS: Unrecognized at-rule “@container”',
]);

/**
 * Checks the files with the Nu HTML Checker in one run and returns every error in our
 * own markup: everything it reports except Starlight's sidebar scripts (see
 * `isStarlightSidebarScript`) and container queries (see `CONTAINER_QUERY_MESSAGES`).
 */
export function findHtmlErrors(files: string[]): HtmlError[] {
  const byPath = new Map(files.map((file) => [resolve(file), file]));
  const sources = new Map<string, string>();
  const source = (file: string) => {
    if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8'));
    return sources.get(file)!;
  };
  const errors: HtmlError[] = [];
  for (const message of runNuChecker(files)) {
    const path = message.url === undefined ? undefined : fileURLToPath(new URL(message.url));
    const file = path === undefined ? undefined : (byPath.get(path) ?? path);
    if (file !== undefined && isStarlightSidebarScript(message, source(file))) continue;
    if (CONTAINER_QUERY_MESSAGES.has(message.message.trim())) continue;
    errors.push({
      file: file ?? '(checker)',
      line: message.lastLine,
      message: message.message,
      source: markedSource(message),
    });
  }
  return errors;
}
