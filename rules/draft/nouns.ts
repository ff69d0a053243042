/**
 * The nouns of a provision's sentence that name it among the policy's clauses ("冷库" in "对新建冷库库容500立方米
 * 以上…的"): jieba dictionary nouns (tag n), so verbs and places (获得, 新建, 中国, 江苏) are never taken, found in
 * few of the policy's clauses, so words every provision shares (企业, 农产品) say nothing.
 */
import type { Clause } from "../../knowledge/clause.js";
import { wordTag, type Segmenter } from "../../knowledge/segmenter.js";

/** In at most this many clauses of the policy: a word naming one provision (and its heading or attachment). */
const RARE = 2;

/** Returns the distinct nouns of a text that at most {@link RARE} of these clauses contain, in text order. */
export function rareNouns(clauses: readonly Clause[], segment: Segmenter): (text: string, skip?: ReadonlySet<string>) => string[] {
  const leaves = clauses.filter((c) => c.childIds.length === 0).map((c) => c.text);
  const spread = new Map<string, number>();
  const count = (w: string) => spread.get(w) ?? spread.set(w, leaves.filter((t) => t.includes(w)).length).get(w)!;
  return (text, skip) => [...new Set(segment(text))].filter((w) => w.length >= 2 && !skip?.has(w) && wordTag(w) === "n" && count(w) <= RARE);
}
