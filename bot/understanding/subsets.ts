/**
 * A qualified subset: "培训了30个主播 不过10万粉以上的只有十五六个", "其中10万粉以上的有12个", "粉丝过10万的就8个",
 * "其中12个是10万粉以上的". A count of those among the things counted before that meet a condition (itself a
 * stated figure) is the count that meets it: it takes the place of the total for the total's fact.
 */
import { FACTS, type FactName } from "../../rules/facts.js";
import type { Stated } from "./instances.js";
import type { NumberMention } from "./numbers.js";
import { tailTester } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** Between the condition's figure and the count: "以上的只有", "的就", "粉以上的有" — the condition's words, 的, an adverb. */
const CONDITION_THEN_COUNT = /^[^\d\s，,。！!？?；;]{0,6}?的\s?(?:也就|就只有|只有|也只有|就|才|有|是|一共|共)?\s?$/;
/** The most characters CONDITION_THEN_COUNT matches: figures further apart are not sliced to be tested. */
const CONDITION_THEN_COUNT_MAX = 12;
/** Right before the count: 其中 ("其中12个是10万粉以上的"). Tested in place, as is the condition after it: most counts have neither. */
const AMONG_BEFORE = headTester(/其中\s?(?:只有|有|就|才)?\s?$/);
/** After such a count, the condition: "是10万粉以上的", "粉丝过了10万". */
const CONDITION_AFTER = tailTester(/^\s?(?:是|的)?[^\d\s，,。！!？?；;]{0,4}\d/);
/** Units a count of people or things is written with. */
const COUNT_UNITS: ReadonlySet<string | undefined> = new Set([undefined, "个", "名", "位", "人", "家"]);

/** A subset's count, as a statement of the total's fact, and the total it replaces. */
export interface Subset extends Stated {
  replaces: NumberMention;
}

/**
 * The counts of `uncued` that count a qualified subset of a total stated before them: each as a statement of
 * the total's fact. `stated` are the figures attributed so far, in the order written.
 */
export function readQualifiedSubsets(text: string, stated: readonly Stated[], mentions: readonly NumberMention[], uncued: readonly NumberMention[]): Subset[] {
  const out: Subset[] = [];
  for (const u of uncued) {
    if (u.isYear || !COUNT_UNITS.has(u.unit)) continue;
    const wordsStart = u.end - u.words.length;
    const i = mentions.indexOf(u);
    const prev = mentions[i - 1];
    const afterCondition = prev !== undefined && !prev.isYear && wordsStart - prev.end <= CONDITION_THEN_COUNT_MAX &&
      stated.some((s) => s.mention === prev) && CONDITION_THEN_COUNT.test(text.slice(prev.end, wordsStart));
    const among = AMONG_BEFORE(text, Math.max(0, wordsStart - 6), wordsStart) && CONDITION_AFTER(text, u.end, 8);
    if (!afterCondition && !among) continue;
    // The total: the last count stated before (before the condition's figure), of a fact that adds up things.
    const before = afterCondition ? prev!.start : wordsStart;
    let total: Stated | undefined;
    for (const s of stated) {
      if (s.mention.end > before || s.mention === prev) continue;
      const spec = FACTS[s.fact as FactName];
      if (spec.unit === "count" && spec.adds === true && COUNT_UNITS.has(s.mention.unit) && (!total || s.mention.start > total.mention.start)) total = s;
    }
    if (total) out.push({ fact: total.fact, mention: u, replaces: total.mention });
  }
  return out;
}
