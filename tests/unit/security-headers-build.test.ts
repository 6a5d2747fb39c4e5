import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { chromium } from '@playwright/test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../scripts/headers-file.mjs';
import { CHROMIUM_ARGS, HEADLESS_SHELL_PATH } from '../../scripts/chromium.mjs';
import { securityHeadersIntegration } from '../../src/integrations/security-headers';
import { SCRIPTED_MARK_SCRIPT } from '../../src/lib/site/own-scripts';
import { inlineScripts, scriptHash } from '../../src/lib/site/security-headers';
import { minimalContentDir } from './helpers/fixture-content';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

// The build step that writes the Content-Security-Policy, run for real: on content with
// titles that try to break out of <title>, on content that adds a host the connectivity check
// would fetch, and on pages with a script nobody wrote.

const scratch = mkdtempSync(join(tmpdir(), 'csp-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a real `astro build` of a content folder into a folder of its own. */
function build(contentDir: string, outDir: string) {
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, PORT_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of a content folder with `from` replaced by `to` in each named file; each must occur. */
function plantedContent(source: string, edits: [file: string, from: string, to: string][]): string {
  const dir = mkdtempSync(join(scratch, 'content-'));
  cpSync(source, dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    writeFileSync(join(dir, file), text.replace(from, to));
  }
  return dir;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a page's <title>, as the browser reads it. */
function titleOf(html: string): string | undefined {
  const find = (node: ParentNode): string | undefined => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'title')
        return child.childNodes.map((text) => ('value' in text ? text.value : '')).join('');
      const found = find(child);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find(parse(html));
}

const script = '</title><script>alert(document.domain)</script>';
/** Each planted title, where it is written and the page that shows it. */
const planted = [
  { file: 'rules.yaml', from: 'title: SIP connection', title: `SIP${script}`, page: '/rules/sip-tls/' },
  // The stealth variant: a script the browser does not run swallows the rest of the head.
  {
    file: 'rules.yaml',
    from: 'title: RTP voice',
    title: 'RTP</title><script type=text/plain>',
    page: '/rules/rtp-voice/',
  },
  {
    file: 'de/rules.yaml',
    from: 'title: RTP-Sprachdaten',
    title: `RTP${script}`,
    page: '/de/rules/rtp-voice/',
  },
  {
    file: 'de/rules.yaml',
    from: 'title: SIP-Verbindung',
    title: 'SIP</title><meta http-equiv=refresh content="0;url=https://evil.example/">',
    page: '/de/rules/sip-tls/',
  },
  {
    file: 'de/ui.yaml',
    from: 'changelog.title: Änderungsprotokoll',
    title: `Änderungen${script}`,
    page: '/de/changelog/',
  },
];

describe('titles that try to break out of <title>', () => {
  const outDir = join(scratch, 'titles');
  // The German interface texts are the project's own, as in every content fixture.
  const content = plantedContent(minimalContentDir, []);
  mkdirSync(join(content, 'de'), { recursive: true });
  cpSync('content/de/ui.yaml', join(content, 'de', 'ui.yaml'));
  const dir = plantedContent(
    content,
    planted.map(({ file, from, title }) => [
      file,
      from,
      `${from.split(':')[0]}: '${title.replaceAll("'", "''")}'`,
    ]),
  );
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build(dir, outDir);
  }, 300_000);
  const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
  const scriptSrc = (text: string) =>
    /script-src ([^;\n]*)/
      .exec(text)?.[1]
      ?.split(' ')
      .filter((part) => part.startsWith("'sha256-")) ?? [];

  test('the site builds and each title is text on its page, in both languages', () => {
    expect(result.status, result.output).toBe(0);
    for (const { title, page: path } of planted) {
      const html = page(path);
      expect(titleOf(html), path).toMatch(new RegExp(`^${escapeRegExp(title)} \\| `));
      expect(
        inlineScripts(html).filter(({ text, type }) => /alert|evil/.test(text) || type === 'text/plain'),
        path,
      ).toEqual([]);
    }
  });

  test('no planted script is signed: the policy lists exactly the scripts the build wrote', () => {
    const hashes = scriptSrc(readFileSync(join(outDir, '_headers'), 'utf8'));
    const onPages = new Set(
      readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
        .flatMap((entry) => inlineScripts(readFileSync(join(entry.parentPath, entry.name), 'utf8')))
        .filter(({ type }) => type !== 'application/json')
        .map(({ text }) => scriptHash(text)),
    );
    expect(hashes).not.toContain(scriptHash('alert(document.domain)'));
    expect(new Set(hashes)).toEqual(onPages);
    const counts = new RegExp(
      `allows ${hashes.length} inline scripts by hash, each written by the build \\((\\d+) Starlight, (\\d+) bundled component scripts, (\\d+) the project's own\\)`,
    ).exec(result.output);
    expect(counts, result.output).not.toBeNull();
    expect(counts!.slice(1).reduce((sum, count) => sum + Number(count), 0)).toBe(hashes.length);
  });

  test('Chromium opens each page without a dialog or a redirect, under the built policy', async () => {
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    const browser = await chromium.launch({ executablePath: HEADLESS_SHELL_PATH, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      const dialogs: string[] = [];
      const foreign: string[] = [];
      const seen: { path: string; url: string; title: string }[] = [];
      // The built files, served from an address of their own with the headers of _headers.
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.host !== 'ports.test') {
          foreign.push(url.href);
          return route.abort();
        }
        const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
        const headers = Object.fromEntries(
          [...headersForPath(rules, url.pathname).values()].map(({ name, value }) => [name, value]),
        );
        const type = {
          '.html': 'text/html',
          '.js': 'text/javascript',
          '.css': 'text/css',
          '.svg': 'image/svg+xml',
        }[extname(path)];
        try {
          await route.fulfill({
            body: readFileSync(join(outDir, path)),
            headers: { ...headers, 'content-type': type ?? 'application/octet-stream' },
          });
        } catch {
          await route.fulfill({ status: 404 });
        }
      });
      for (const { page: path } of planted) {
        const tab = await context.newPage();
        tab.on('dialog', (dialog) => {
          dialogs.push(`${path}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        await tab.goto(`https://ports.test${path}`, { waitUntil: 'load' });
        // A refresh of 0 seconds would have left by now.
        await tab.waitForTimeout(300);
        seen.push({ path, url: tab.url(), title: await tab.title() });
        await tab.close();
      }
      // No script ran, nothing left for another site, and each title reads as written.
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      for (const { title, page: path } of planted) {
        const { url, title: shown } = seen.find((entry) => entry.path === path)!;
        expect(url, path).toBe(`https://ports.test${path}`);
        expect(shown, path).toMatch(new RegExp(`^${escapeRegExp(title)} \\| `));
      }
    } finally {
      await browser.close();
    }
  });
});

test('a host added in content that is not on the allow-list stops the build, naming the endpoint', () => {
  const dir = plantedContent('content', [
    ['endpoints.yaml', '    - mypascom.net\n', "    - mypascom.net\n    - '*.co.uk'\n"],
  ]);
  const { status, output } = build(dir, join(scratch, 'connect'));
  expect(status).not.toBe(0);
  expect(output).toContain('the connectivity check would fetch https://*.co.uk from endpoint "mypascom"');
  expect(output).toContain("which is not on connect-src's allow-list (connectSources in astro.config.mjs)");
});

test('an inline script the build did not write stops the build, naming the page', async () => {
  // Two pages with the scripts the project writes; one also has a script from elsewhere.
  const outDir = mkdtempSync(join(scratch, 'dist-'));
  const own = `<script>${SCRIPTED_MARK_SCRIPT}</script>`;
  mkdirSync(join(outDir, 'rules', 'sip-tls'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><title>a</title>${own}`);
  const planted = `<!doctype html><title>SIP</title>${own}<script>alert(document.domain)</script>`;
  writeFileSync(join(outDir, 'rules', 'sip-tls', 'index.html'), planted);
  const done = securityHeadersIntegration({ connectSources: [] }).hooks['astro:build:done']!;
  const messages: string[] = [];
  const logger = { info: (message: string) => messages.push(message) };
  const run = () =>
    done({ dir: new URL(`file://${outDir}/`), logger } as unknown as Parameters<typeof done>[0]);
  await expect(run()).rejects.toThrow(
    /rules\/sip-tls\/index\.html: an inline script the build did not write: "alert\(document\.domain\)"/,
  );
  // Without it, the policy lists the one script the pages have.
  writeFileSync(join(outDir, 'rules', 'sip-tls', 'index.html'), `<!doctype html><title>SIP</title>${own}`);
  await run();
  expect(messages).toEqual([
    expect.stringMatching(
      /allows 1 inline scripts by hash, each written by the build \(0 Starlight, 0 bundled component scripts, 1 the project's own\)/,
    ),
  ]);
});
