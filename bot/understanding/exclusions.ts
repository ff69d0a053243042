/**
 * What a clause leaves out of what it pays for ("装修改造场所（不含土建）", "投资额（不含土地和房产投资款）"), and which
 * of those a message names ("土建花了200万"): the question is about that clause, and the reply says the clause does not
 * pay for it rather than counting it.
 */

/** "不含X", "不包括X", "不包含X": X in Han characters (a rank bound "不含第5名" names nothing a user spends). */
const EXCLUDED = /(?:不含|不包括|不包含)(\p{Script=Han}{2,12})/gu;
/** Items of one exclusion ("土地和房产投资款"). */
const ITEMS = /[和及与、]/;

/** A word a clause excludes, with the clause's own words excluding it ("不含土地和房产投资款"). */
export interface Exclusion {
  item: string;
  words: string;
}

/** What a clause's text excludes: each exclusion whole, and its items of two characters or more. */
export function exclusionsOf(clauseText: string): Exclusion[] {
  const out: Exclusion[] = [];
  for (const m of clauseText.matchAll(EXCLUDED)) {
    const whole = m[1]!;
    for (const item of new Set([whole, ...whole.split(ITEMS)])) if (item.length >= 2 && !out.some((e) => e.item === item)) out.push({ item, words: m[0] });
  }
  return out;
}

/** The first exclusion of a clause whose word the message names, or undefined. */
export function exclusionNamed(text: string, exclusions: readonly Exclusion[]): Exclusion | undefined {
  return exclusions.find((e) => text.includes(e.item));
}
