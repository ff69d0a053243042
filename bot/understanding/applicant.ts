/**
 * Whether an applicant word names the applicant or only where they are. "俺是孝直镇的", "平阴县锦水街道",
 * "汨罗白水镇" say where the user is; "我们镇", "孝直镇政府" name a town as the applicant. Used by the
 * applicant reading in bot/extractFacts.ts.
 */

/** A stretch of the message, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Applicant words that also end place names (孝直镇, 锦水街道, 白水村); titles such as 淘宝村 are whole words. */
const PLACE_NOUNS: ReadonlySet<string> = new Set(["镇", "乡", "街道", "乡镇", "村", "行政村"]);
/** Before 镇/村…, these make it the common noun ("我们镇", "本村", "这个乡"); any other Han character ends a name ("孝直镇"). */
const COMMON_NOUN_BEFORE = /[们咱我俺本该全各每这那个是的在为和与及或、]$/;
/** The place itself acting is an applicant: "孝直镇政府", "街道办事处". */
const PLACE_ACTS = /^(人民)?政府|^党委|^办事处|^办/;
const HAN = /\p{Script=Han}/u;

/**
 * true when the applicant word at `word` is part of a place name: one of `places` (the names the places
 * vocabulary found: 锦水街道, 汨罗循环经济产业园), or any name ending in 镇/乡/街道/村 ("我们是XX村的").
 */
export function namesPlace(text: string, word: Span & { word: string }, places: readonly Span[]): boolean {
  if (PLACE_ACTS.test(text.slice(word.end))) return false;
  if (places.some((p) => p.start <= word.start && word.end <= p.end)) return true;
  if (!PLACE_NOUNS.has(word.word)) return false;
  const before = text[word.start - 1];
  return before !== undefined && HAN.test(before) && !COMMON_NOUN_BEFORE.test(before);
}
