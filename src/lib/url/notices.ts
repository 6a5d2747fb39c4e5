/**
 * What a reader is told when a link (from a support article, a chat, a ticket)
 * carries values the page cannot use. The page still opens and ignores them;
 * these notices say so, so nobody takes the view for what the link meant.
 */
import { showInvisible } from '../visible-text';
import { formatText, type UiTexts } from '../texts';

/** The texts the notices are made of. */
export type NoticeTexts = Pick<UiTexts, 'notice.and' | 'notice.ignoredOne' | 'notice.ignoredMany'>;

/** A value a link gave that was not used, under the name the reader knows it by. */
export interface IgnoredValue {
  /** The setting, as the page's labels name it: "device", "direction". */
  name: string;
  value: string;
}

/** Longest value quoted back, so a crafted link cannot fill the page. */
export const MAX_QUOTED_LENGTH = 40;

/**
 * A value as quoted in a notice: long values cut short (never inside a character),
 * and invisible characters written out ("[U+202E]"), so a right-to-left override
 * or a line break in a crafted link cannot make the notice read otherwise.
 */
export function quoteValue(value: string): string {
  // Code points are meant: spreading never splits a surrogate pair, which is all "never inside a
  // character" promises; the limit counts code points, not what a reader sees as one letter.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points, as said above.
  const characters = [...value.trim()];
  const short =
    characters.length > MAX_QUOTED_LENGTH
      ? `${characters.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…`
      : characters.join('');
  return `“${showInvisible(short)}”`;
}

/** "a", "a and b", "a, b and c". */
function listOf(texts: NoticeTexts, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${texts['notice.and']} ${items.at(-1)}`;
}

/**
 * The filter's notice for values of its link it ignored, or "" when there are
 * none: `This link's filter has values the page does not know, so they are
 * ignored: device “toaster” and direction “sideways”.`
 */
export function describeIgnoredFilter(texts: NoticeTexts, ignored: readonly IgnoredValue[]): string {
  if (ignored.length === 0) return '';
  const values = listOf(
    texts,
    ignored.map(({ name, value }) => `${name} ${quoteValue(value)}`),
  );
  return formatText(texts[ignored.length === 1 ? 'notice.ignoredOne' : 'notice.ignoredMany'], { values });
}

/**
 * The snippet panel's notice for a platform its link named that is not on the
 * list: which platform the rules are for instead (one the reader chose on an
 * earlier visit), or, with none, that the reader chooses.
 */
export function describeUnknownPlatform(
  texts: Pick<UiTexts, 'notice.unknownPlatform' | 'notice.unknownPlatformNone'>,
  asked: string,
  shown: string | undefined,
): string {
  return shown === undefined
    ? formatText(texts['notice.unknownPlatformNone'], { asked: quoteValue(asked) })
    : formatText(texts['notice.unknownPlatform'], { asked: quoteValue(asked), shown });
}
