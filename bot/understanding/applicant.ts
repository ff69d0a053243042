/**
 * Whether an applicant word names the applicant or only where they are. "俺是孝直镇的", "平阴县锦水街道",
 * "汨罗白水镇" say where the user is; "我们镇", "孝直镇政府" name a town as the applicant. Used by the
 * applicant reading in bot/extractFacts.ts.
 */
import { tailTester } from "./tailReader.js";

/** A stretch of the message, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Applicant words that also end place names (孝直镇, 锦水街道, 白水村); titles such as 淘宝村 are whole words. */
const PLACE_NOUNS: ReadonlySet<string> = new Set(["镇", "乡", "街道", "乡镇", "村", "行政村"]);
/**
 * The character before 镇/村… ends a name ("孝直镇") when it is a Han character other than those that make it the
 * common noun ("我们镇", "本村", "这个乡"). Read in place (sticky, at the character): no one-character string per word.
 */
const NAME_ENDS_BEFORE = /(?![们咱我俺本该全各每这那个是的在为和与及或、])\p{Script=Han}/uy;
/** The place itself acting is an applicant: "孝直镇政府", "街道办事处" (read in place, not in a copy of the rest of the message). */
const PLACE_ACTS = tailTester(/^((人民)?政府|党委|办事处|办)/);

/**
 * true when the applicant word at `word` is part of a place name: one of `places` (the names the places
 * vocabulary found: 锦水街道, 汨罗循环经济产业园), or any name ending in 镇/乡/街道/村 ("我们是XX村的").
 */
export function namesPlace(text: string, word: Span & { word: string }, places: readonly Span[]): boolean {
  // The longest act (人民政府) is four characters: the window holds it.
  if (PLACE_ACTS(text, word.end, 4)) return false;
  for (const p of places) if (p.start <= word.start && word.end <= p.end) return true;
  if (!PLACE_NOUNS.has(word.word)) return false;
  // A lone half of a surrogate pair is no Han character (the sticky /u copy would read the whole pair).
  const before = text.charCodeAt(word.start - 1);
  if (word.start === 0 || (before >= 0xd800 && before <= 0xdfff)) return false;
  NAME_ENDS_BEFORE.lastIndex = word.start - 1;
  return NAME_ENDS_BEFORE.test(text);
}
