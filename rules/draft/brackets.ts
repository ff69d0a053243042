/**
 * Joins drafts that the text writes as one table over several sentences:
 * - ranges by brackets: "达到50万元以上的前10名…1万元；100万元以上的前10名…2万元，10名以后的…1万元" →
 *   a tier table on the threshold whose tiers are rank tables;
 * - a tier table continued: "销售额达5万、20万、100万以上的，分别…；对销售额达到300万、500万、1000万以上的，分别…".
 * A sentence continues the previous one only when it names no new subject before its threshold and its
 * thresholds go on rising on the same fact.
 */
import { conditionText, type Amount, type Rule } from "../ruleSchema.js";
import { parseMoney, parseQuantity } from "../money.js";
import { thresholdWord, type DraftRule } from "./draftRule.js";
import { guessFact } from "./sentence.js";

const CONTINUES = /^对?[\u4e00-\u9fff]{0,6}?(?:达到|达|超过)?$/;

function numeric(v: number | string): number {
  return typeof v === "number" ? v : /元$/.test(v) ? parseMoney(v) : parseQuantity(v);
}

/** Adjacent sentences of one clause: their quotes joined stand in the text. */
const joinQuotes = (a: string, b: string) => a + b;

/** Joins rank bands under rising thresholds into one bracket table. */
function joinBrackets(run: DraftRule[]): DraftRule {
  const first = run[0]!;
  const b = first.bracket!;
  const fact = guessFact(b.sentence.text, b.figure)!;
  const reading = thresholdWord(b.sentence.text, b.figure)!;
  const value = (d: DraftRule) => (d.bracket!.figure.kind === "money" ? d.bracket!.figure.value : Number(d.bracket!.figure.value));
  const amount: Amount = { mechanism: "tierTable", fact, ...reading, tiers: run.map((d) => ({ threshold: value(d), amount: d.rule.amount! })) };
  const rule: Rule = {
    ...first.rule,
    quote: run.map((d) => d.rule.quote).reduce(joinQuotes),
    amount,
    conditions: [...new Set(run.flatMap((d) => d.rule.conditions ?? []))].filter((c) => !run.some((d) => conditionText(c).includes(d.bracket!.figure.literal))),
    upTo: run.some((d) => d.rule.upTo),
  };
  if (b.rest.when) rule.when = b.rest.when;
  else delete rule.when;
  return { shape: "brackets", rule };
}

function bracketOf(d: DraftRule): { fact: string | null; value: number; lead: string } | null {
  if (d.shape !== "ranks" || !d.bracket) return null;
  const { sentence, figure } = d.bracket;
  return { fact: guessFact(sentence.text, figure), value: numeric(figure.kind === "money" ? figure.value : figure.value), lead: sentence.text.slice(0, figure.at) };
}

function tierOf(d: DraftRule): { fact: string; first: number; last: number; lead: string } | null {
  const a = d.rule.amount;
  if (d.shape !== "tiers" || !a || typeof a === "string" || a.mechanism !== "tierTable" || !a.fact) return null;
  const values = a.tiers.map((t) => ("threshold" in t ? numeric(t.threshold) : NaN));
  return { fact: a.fact, first: values[0]!, last: values.at(-1)!, lead: d.lead ?? "" };
}

/** Joins the drafts of one clause that continue each other; other drafts pass through. */
export function joinTables(drafts: DraftRule[]): DraftRule[] {
  const out: DraftRule[] = [];
  let i = 0;
  while (i < drafts.length) {
    const head = drafts[i]!;
    const hb = bracketOf(head);
    if (hb?.fact) {
      const run = [head];
      let last = hb.value;
      for (let j = i + 1; j < drafts.length; j++) {
        const nb = bracketOf(drafts[j]!);
        if (!nb || nb.value <= last || !CONTINUES.test(nb.lead) || (nb.fact && nb.fact !== hb.fact)) break;
        run.push(drafts[j]!);
        last = nb.value;
      }
      if (run.length > 1) {
        out.push(joinBrackets(run));
        i += run.length;
        continue;
      }
    }
    const ht = tierOf(head);
    const next = drafts[i + 1];
    const nt = next && tierOf(next);
    if (ht && nt && nt.fact === ht.fact && nt.first > ht.last && CONTINUES.test(nt.lead)) {
      const a = head.rule.amount as Extract<Amount, { mechanism: "tierTable" }>;
      const b = next!.rule.amount as Extract<Amount, { mechanism: "tierTable" }>;
      out.push({ shape: "tiers", rule: { ...head.rule, quote: joinQuotes(head.rule.quote, next!.rule.quote), amount: { ...a, tiers: [...a.tiers, ...b.tiers] } } });
      i += 2;
      continue;
    }
    out.push(head);
    i++;
  }
  return out.map(({ bracket: _b, lead: _l, ...d }) => d);
}
