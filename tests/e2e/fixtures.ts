import { readFileSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { loadContent, loadGermanContent } from '../unit/helpers/load-content';
import { localPath } from '../../src/lib/lang';
import type { PortData } from '../../src/lib/model';
import type { Deployment, Lang } from '../../src/schemas/registries';
import { UI_KEYS, UI_TEXTS_EN, formatText, type UiKey, type UiTexts } from '../../src/lib/texts';

export type { Lang };

/**
 * Texts of Starlight's frame (not in UI_TEXTS_EN): Starlight's own translations, as the built
 * pages show them.
 */
const FRAME_TEXTS = {
  en: { 'frame.search': 'Search' },
  de: { 'frame.search': 'Suchen' },
} as const satisfies Record<Lang, Record<string, string>>;
type FrameKey = keyof (typeof FRAME_TEXTS)['en'];

/** An interface text of the page's language, with its placeholders filled: t('count.rules', { count: 9 }). */
export type Texts = (key: UiKey | FrameKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * The interface texts of a language, read independently of the site's own loading: English from
 * UI_TEXTS_EN, German from content/de/ui.yaml (flat keys such as `tabs.label`).
 */
function uiTexts(lang: Lang): UiTexts {
  if (lang === 'en') return UI_TEXTS_EN;
  const german = parse(readFileSync('content/de/ui.yaml', 'utf8')) as Record<string, unknown>;
  const texts: Partial<Record<UiKey, string>> = {};
  for (const key of UI_KEYS) {
    const text = german[key];
    if (typeof text !== 'string') throw new Error(`content/de/ui.yaml has no text for ${key}`);
    texts[key] = text;
  }
  return texts as UiTexts;
}

export function textsOf(lang: Lang): Texts {
  const texts = uiTexts(lang);
  return (key, values) =>
    formatText(key.startsWith('frame.') ? FRAME_TEXTS[lang][key as FrameKey] : texts[key as UiKey], values);
}

/** The link text of a text with one Markdown link: "[All rules](/rules/) lists …" gives "All rules". */
export function linkTextOf(text: string): string {
  const match = /\[([^\]]+)\]\(/.exec(text);
  if (!match?.[1]) throw new Error(`no link in "${text}"`);
  return match[1];
}

/** Texts of the content (content/*.yaml, content/de/*.yaml) in a language, by id. */
export class SiteContent {
  constructor(readonly data: PortData) {}

  private find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
    const found = list.find((item) => item.id === id);
    if (!found) throw new Error(`no ${what} "${id}" in the content`);
    return found;
  }

  /** A device's name: device('phone') is "IP phone" or "IP-Telefon". */
  device(id: string): string {
    return this.find(this.data.devices, id, 'device').name;
  }

  /** A rule's title. */
  rule(id: string): string {
    return this.find(this.data.rules, id, 'rule').title;
  }

  /** A tab's name. */
  tab(id: Deployment): string {
    return this.find(this.data.deployments, id, 'tab').name;
  }

  /** The heading of a table of a tab. */
  group(id: string): string {
    return this.find(
      this.data.deployments.flatMap((deployment) => deployment.groups),
      id,
      'group',
    ).heading;
  }

  /** An endpoint's footnote. */
  footnote(id: string): string {
    return this.find(this.data.endpoints, id, 'endpoint').footnote ?? '';
  }
}

const contents = new Map<Lang, SiteContent>();
export function contentOf(lang: Lang): SiteContent {
  let content = contents.get(lang);
  if (!content) {
    content = new SiteContent(lang === 'en' ? loadContent('content') : loadGermanContent('content'));
    contents.set(lang, content);
  }
  return content;
}

/** Console errors and uncaught exceptions the page reports from now on, collected as they come. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A tab, by its English name; the page objects look up its name in the page's language. */
export type TabName = 'Cloud' | 'Onsite';

/** The port overview page, seen the way a reader uses it, in the language of the test. */
export class PortOverviewPage {
  readonly tablist: Locator;
  /** The note under the tabs on a link whose fragment leads nowhere. */
  readonly linkNote: Locator;
  /** Console errors and uncaught exceptions seen while the page was open. */
  readonly errors: string[];
  private readonly content: SiteContent;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
    readonly t: Texts = textsOf(lang),
  ) {
    this.content = contentOf(lang);
    this.tablist = page.getByRole('tablist', { name: t('tabs.label') });
    // The note's text up to the fragment it quotes: "This link points to".
    const noteStart = (t('notice.missingFragment').split('{fragment}')[0] ?? '').trimEnd();
    this.linkNote = page.getByRole('status').filter({ hasText: noteStart });
    this.errors = collectPageErrors(page);
  }

  /** Opens a site path given as in English: '/?device=phone#cloud' is '/de/?device=phone#cloud' in German. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(localPath(this.lang, path));
  }

  /** A tab's name in the page's language. */
  tabName(name: TabName): string {
    return this.content.tab(name === 'Cloud' ? 'cloud' : 'onsite');
  }

  tab(name: TabName): Locator {
    return this.tablist.getByRole('tab', { name: new RegExp(`^${this.tabName(name)}`) });
  }

  panel(name: TabName): Locator {
    return this.page.getByRole('tabpanel', { name: new RegExp(`^${this.tabName(name)}`) });
  }

  /** Data rows of every table in a panel. */
  rows(scope: Locator): Locator {
    return scope.locator('tbody tr');
  }

  /** The network diagram at the top of a tab, as the reader's screen shows it (wide or narrow). */
  diagram(name: TabName): Locator {
    // The diagram's title up to its colon: "Network diagram of pascom Cloud".
    const title = this.t('diagram.title', { tab: this.tabName(name) }).split(':')[0] ?? '';
    return this.panel(name).getByRole('img', { name: title, exact: false });
  }
}

/**
 * How long a test waits for the snippet panel's form. It is the page's largest script and
 * fetches its rules too; on a busy 2-core machine that once took longer than the default 5 s.
 */
export const PANEL_LOAD_TIMEOUT = 15_000;

/** The "Firewall rules for your platform" panel below the tables, in the language of the test. */
export class SnippetPanel {
  readonly region: Locator;
  readonly platform: Locator;
  readonly code: Locator;
  readonly copy: Locator;
  readonly download: Locator;

  constructor(
    readonly page: Page,
    readonly t: Texts = textsOf('en'),
  ) {
    this.region = page.getByRole('region', { name: t('snippets.heading') });
    this.platform = this.region.getByRole('combobox', { name: t('snippets.platform') });
    // "Firewall rules for nftables, Cloud".
    this.code = this.region.getByRole('region', {
      name: new RegExp(`^${textPattern(t('snippets.codeFor'))}`),
    });
    this.copy = this.region.getByRole('button', { name: t('snippets.copy'), exact: true });
    // "Download pascom-cloud-nftables.nft".
    this.download = this.region.getByRole('button', {
      name: new RegExp(`^${textPattern(t('snippets.downloadFile'))}$`),
    });
  }

  /** Scrolls to the panel, whose script loads as it nears the screen, and waits for its controls. */
  async reach(): Promise<void> {
    await this.region.getByRole('heading', { name: this.t('snippets.heading') }).scrollIntoViewIfNeeded();
    await expect(this.platform).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
  }

  field(label: string): Locator {
    return this.region.getByRole('textbox', { name: label });
  }

  /** The snippet text exactly as shown. */
  async text(): Promise<string> {
    return (await this.code.textContent()) ?? '';
  }
}

export interface LanguageFixtures {
  /** The language of the pages under test; the nginx-de project sets 'de'. */
  lang: Lang;
  /** The interface texts of that language. */
  t: Texts;
  /** The content texts (devices, rules, tabs) of that language. */
  content: SiteContent;
  /** A site path given as in English, in that language: '/rules/' is '/de/rules/' in German. */
  at: (path: string) => string;
}

/** The language option and its texts; a spec that has its own page objects extends this one. */
export const languageTest = base.extend<LanguageFixtures>({
  lang: ['en', { option: true }],
  t: async ({ lang }, use) => {
    await use(textsOf(lang));
  },
  content: async ({ lang }, use) => {
    await use(contentOf(lang));
  },
  at: async ({ lang }, use) => {
    await use((path) => localPath(lang, path));
  },
});

export const test = languageTest.extend<{ overview: PortOverviewPage; snippets: SnippetPanel }>({
  overview: async ({ page, lang, t }, use) => {
    await use(new PortOverviewPage(page, lang, t));
  },
  snippets: async ({ page, t }, use) => {
    await use(new SnippetPanel(page, t));
  },
});

export { expect };

/** A text with the characters that mean something in a regular expression escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A text with placeholders as a pattern (without anchors) that matches it with any values:
 * "Copy link to {title}" gives "Copy link to .+".
 */
export function textPattern(text: string): string {
  return escapeRegExp(text).replace(/\\\{[a-zA-Z]+\\\}/g, '.+');
}
