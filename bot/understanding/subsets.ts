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

/** After a count, the kind of those counted: "是登记失业人员", "是21年应届毕业的大学生", "登记失业的". */
const KIND_AFTER = /^\s?(?:都是|是|为)?([^\s，,。！!？?；;、]{1,14})/;
/** Right after a total, the words naming what it counts, up to a pause or the next figure. */
const OWN_KIND_AFTER = /^([^\s\d，,。！!？?；;、]{1,14})/;
/** After a count, 都/全 says it is all of those counted before ("五个人都签了两年合同"). */
const ALL_OF_THEM_AFTER = /^\s?(?:都|全)/;
/** A sentence ends: a breakdown is read within the sentence of its total. */
const SENTENCE_END = /[。！!？?；;\n]/;

/** The counts of a total's qualifying kind, the statements of the total they replace (the total and its restatements). */
export interface KindSubset {
  fact: FactName;
  counts: NumberMention[];
  replaces: NumberMention[];
  /** The counts of other kinds ("另外俩是亲戚"): none of the fact. */
  others: NumberMention[];
}

/**
 * "招了5个 2个是登记失业人员 1个是应届毕业的大学生 另外俩是亲戚 五个人都签了两年合同": a total of a fact the policy counts
 * only of a kind (the vocabulary's `qualifiedBy`), broken down by kind after it. The counts whose kind is named by
 * the qualifying fact's words are the fact (2 + 1); the total and the total said again (五个人都…) are replaced.
 * Null when the breakdown names no qualifying kind, or its qualifying counts make up the whole total anyway.
 */
export function readKindSubset(text: string, stated: readonly Stated[], uncued: readonly NumberMention[]): KindSubset | null {
  for (const total of stated) {
    const qualifier = (FACTS[total.fact] as { qualifiedBy?: string }).qualifiedBy as FactName | undefined;
    const t = total.mention;
    if (!qualifier || !COUNT_UNITS.has(t.unit) || !t.exact) continue;
    const words = FACTS[qualifier].aliases;
    // "招了3个登记失业人员和1个…": a count of the kind is one of the kinds listed, no total of them.
    const ownKind = OWN_KIND_AFTER.exec(text.slice(t.end, t.end + 16))?.[1];
    // "招了两个失业登记的 一个…": a count followed by a kind closed by 的 is a kind too.
    if (ownKind !== undefined && (ownKind.endsWith("的") || words.some((w) => ownKind.includes(w)))) continue;
    const end = sentenceEndAfter(text, t.end);
    const counts: NumberMention[] = [];
    let sum = 0;
    const others: NumberMention[] = [];
    for (const u of uncued) {
      if (u.start < t.end || u.start >= end || u.isYear || !u.exact || !COUNT_UNITS.has(u.unit)) continue;
      const kind = KIND_AFTER.exec(text.slice(u.end, u.end + 16))?.[1];
      if (kind === undefined) continue;
      if (words.some((w) => kind.includes(w))) {
        counts.push(u);
        sum += u.value;
      } else others.push(u);
    }
    if (counts.length === 0 || sum > t.value || (sum === t.value && others.length === 0)) continue;
    const replaces = [t];
    for (const s of stated) {
      const m = s.mention;
      if (s.fact === total.fact && m !== t && m.start > t.end && m.exact && m.value === t.value && ALL_OF_THEM_AFTER.test(text.slice(m.end, m.end + 3))) replaces.push(m);
    }
    return { fact: total.fact, counts, replaces, others };
  }
  return null;
}

function sentenceEndAfter(text: string, from: number): number {
  const at = text.slice(from).search(SENTENCE_END);
  return at < 0 ? text.length : from + at;
}
