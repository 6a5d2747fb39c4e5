import { CHANGE_TYPE_TEXT, formatText, UI_TEXTS_EN, type UiTexts } from '../texts';
import { localPath } from '../lang';
import type { Lang } from '../../schemas/registries';
import type { Changelog, ChangedRule, Release } from '../content/changelog';
import { absoluteUrl, FEED_PATHS } from '../url/link-scheme';
import { escapeXml } from '../xml';

/** Anchor of a release on the changelog page, e.g. "v2026.11.26.1". */
export function releaseAnchor(version: string): string {
  return `v${version}`;
}

/** Atom needs a full timestamp; a version is published at the start of its day, UTC. */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}

/** The feed's language and its texts; English unless a German feed is asked for. */
export interface FeedLanguage {
  lang: Lang;
  texts: Pick<
    UiTexts,
    'atom.title' | 'atom.subtitle' | 'changeType.added' | 'changeType.changed' | 'changeType.removed'
  >;
}

const ENGLISH: FeedLanguage = { lang: 'en', texts: UI_TEXTS_EN };

function ruleHtml(rule: ChangedRule, site: URL, lang: Lang): string {
  const label = escapeXml(rule.id);
  return rule.url === undefined
    ? `<code>${label}</code>`
    : `<a href="${escapeXml(absoluteUrl(localPath(lang, rule.url), site))}"><code>${label}</code></a>`;
}

/** The body of an entry as HTML: one list item per change. */
function releaseHtml(release: Release, site: URL, { lang, texts }: FeedLanguage): string {
  const items = release.changes.map(
    (change) =>
      `<li><strong>${escapeXml(texts[CHANGE_TYPE_TEXT[change.type]])}</strong> ${change.rules.map((rule) => ruleHtml(rule, site, lang)).join(', ')}: ${escapeXml(change.summary)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

/** The changelog as an Atom 1.0 feed (RFC 4287), newest version first. */
export function renderChangelogAtom(
  changelog: Changelog,
  site: URL,
  siteTitle: string,
  language: FeedLanguage = ENGLISH,
): string {
  const { lang, texts } = language;
  const page = absoluteUrl(localPath(lang, FEED_PATHS.changelogPage), site);
  const self = absoluteUrl(localPath(lang, FEED_PATHS.atom), site);
  const entries = changelog.releases.map((release) => {
    const link = `${page}#${releaseAnchor(release.version)}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(link)}</id>`,
      `    <title>${escapeXml(`${release.version}: ${release.title}`)}</title>`,
      `    <updated>${timestamp(release.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <content type="html">${escapeXml(releaseHtml(release, site, language))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${escapeXml(page)}</id>`,
    `  <title>${escapeXml(formatText(texts['atom.title'], { site: siteTitle }))}</title>`,
    `  <subtitle>${escapeXml(formatText(texts['atom.subtitle'], { version: changelog.current.version }))}</subtitle>`,
    `  <updated>${timestamp(changelog.current.date)}</updated>`,
    `  <author><name>${escapeXml(siteTitle)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
