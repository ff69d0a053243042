/**
 * Tiers: "达到1000万元、2000万元、5000万元以上的企业，分别给予…20万元、40万元、100万元" — one list of
 * thresholds, one list of amounts of the same length, lowest first. Several threshold lists joined by
 * 或/且 ("就业达到100人、200人以上，或…，且销售额达到300万元、500万元以上") make condition tiers.
 */
import type { Amount, Condition } from "../../ruleSchema.js";
import { awardStart, conditionsBefore, draftRule, thresholdWord, type DraftRule, type RuleBase } from "../draftRule.js";
import { guessFact, type Figure, type Sentence } from "../sentence.js";

/** Runs of two or more figures of one kind separated only by 、 (a written list). */
export function figureLists(s: Sentence, from: number, to: number): Figure[][] {
  const lists: Figure[][] = [];
  let run: Figure[] = [];
  for (const f of s.figures.filter((x) => x.at >= from && x.at < to && x.kind !== "percent")) {
    const prev = run.at(-1);
    if (prev && prev.kind === f.kind && /^\s*[、,，]?\s*$/.test(s.text.slice(prev.end, f.at)) && s.text.slice(prev.end, f.at).includes("、")) run.push(f);
    else {
      if (run.length > 1) lists.push(run);
      run = [f];
    }
  }
  if (run.length > 1) lists.push(run);
  return lists;
}

/** 首次达到…: a tier is awarded once; whether it was reached before is not a fact we hold. */
export const FIRST_TIME = "首次达到该档（以前年度未达到过）";

const valueOf = (f: Figure) => (f.kind === "money" ? f.value : Number(f.value));

export function tiers(s: Sentence, base: RuleBase): DraftRule[] | null {
  // The amounts are the list after 分别; the thresholds are lists before it.
  const start = s.text.indexOf("分别");
  if (start < 0 || awardStart(s.text) < 0) return null;
  const awardLists = figureLists(s, start, s.text.length).filter((l) => l[0]!.kind === "money");
  const awards = awardLists[0];
  if (!awards) return null;
  const lists = figureLists(s, 0, start).filter((l) => l.length === awards.length);
  if (lists.length === 0) return null;
  const reads = lists.map((l) => ({ list: l, fact: guessFact(s.text, l[0]!), reading: thresholdWord(s.text, l[0]!, l.at(-1)) }));
  if (reads.some((r) => !r.fact || !r.reading)) return null;
  const used = new Set<Figure>([...awards, ...lists.flat()]);
  const { when, conditions } = conditionsBefore(s, used, start);
  let amount: Amount;
  if (reads.length === 1) {
    const { list, fact, reading } = reads[0]!;
    amount = { mechanism: "tierTable", fact: fact!, ...reading!, tiers: list.map((f, i) => ({ threshold: valueOf(f), amount: awards[i]!.value })) };
  } else {
    // Lists joined by 或 are alternatives; otherwise all must hold.
    const tierWhen = (i: number): Condition =>
      reads.slice(1).reduce<Condition>((acc, r, j) => {
        const between = s.text.slice(reads[j]!.list.at(-1)!.end, r.list[0]!.at);
        const c = { fact: r.fact!, ...r.reading!, value: valueOf(r.list[i]!) } as Condition;
        return /或/.test(between) ? { any: [acc, c] } : { all: [acc, c] };
      }, { fact: reads[0]!.fact!, ...reads[0]!.reading!, value: valueOf(reads[0]!.list[i]!) } as Condition);
    amount = { mechanism: "tierTable", tiers: awards.map((a, i) => ({ when: tierWhen(i), amount: a.value })) };
  }
  const notes = reads.flatMap((r) => (r.reading!.interpretation ? [r.reading!.interpretation] : []));
  // "首次达到1000万元、5000万元…".
  const lead = s.text.slice(0, lists[0]![0]!.at);
  if (/首次[^，,；]{0,4}$/.test(lead)) conditions.push(FIRST_TIME);
  return [{ ...draftRule("tiers", base, s.text, amount, { when, conditions, notes }), lead }];
}
