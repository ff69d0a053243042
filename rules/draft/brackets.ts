/**
 * Joins drafts that the text writes as one table over several sentences:
 * - ranges by brackets: "达到50万元以上的前10名…1万元；100万元以上的前10名…2万元，10名以后的…1万元" →
 *   a tier table on the threshold whose tiers are rank tables;
 * - a tier table continued: "销售额达5万、20万、100万以上的，分别…；对销售额达到300万、500万、1000万以上的，分别…";
 * - a table written as one fixed award per line or sentence ("年网络零售额500万元（含）至1000万元的，奖励5万元；
 *   …1000万元（含）至3000万元的，奖励10万元；…", "首次突破500万元的企业，奖励5万元；首次突破1000万元的，奖励10万元"):
 *   a tier table on the fact of the first (a later line may leave the fact unsaid).
 * A sentence continues the previous one only when it names no new subject before its threshold and its
 * thresholds go on rising on the same fact.
 */
import { COMPARISON_WORDS } from "../comparisonWords.js";
import { conditionText, type Amount, type Condition, type Rule } from "../ruleSchema.js";
import { parseMoney, parseQuantity } from "../money.js";
import { thresholdWord, type DraftRule } from "./draftRule.js";
import { guessFact } from "./sentence.js";
import { FIRST_TIME } from "./shapes/tiers.js";

const CONTINUES = /^对?[\u4e00-\u9fff]{0,6}?(?:达到|达|超过)?$/;

function numeric(v: number | string): number {
  return typeof v === "number" ? v : /元$/.test(v) ? parseMoney(v) : parseQuantity(v);
}

/** Adjacent sentences of one clause: their quotes joined stand in the text. */
const joinQuotes = (a: string, b: string) => a + b;
/** Every note of the joined drafts, once (a row's own, e.g. the 晋档 sentence run on after the table). */
const notesOf = (run: readonly DraftRule[]) => [...new Set(run.flatMap((d) => d.rule.notes ?? []))];

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
    notes: notesOf(run),
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

type Comparison = Extract<Condition, { word: unknown }>;
/** What a threshold's words mean: 以上 and （含） both read ≥. */
const opOf = (c: Comparison) => c.op ?? (COMPARISON_WORDS[c.word] as { op?: string }).op ?? c.word;
const MONEY_FIGURE = /\d+(?:\.\d+)?(?:万|亿)?元/g;

/**
 * A fixed award on one lower bound: its comparison (fact, word, value), or, for a line that leaves the fact
 * unsaid ("首次突破1000万元的，奖励10万元"), the figure of its one unchecked condition and the words before it.
 */
function fixedStep(d: DraftRule): { cmp?: Comparison; value: number; figure: string; lead: string } | null {
  if (d.shape !== "fixed" || typeof d.rule.amount !== "string") return null;
  const w = d.rule.when;
  if (w && "word" in w && (COMPARISON_WORDS[w.word] as { op?: string }).op !== "lte" && w.op !== "lte" && w.op !== "lt" && typeof w.value === "string") {
    return { cmp: w, value: numeric(w.value), figure: w.value, lead: "" };
  }
  const only = d.rule.conditions?.length === 1 ? conditionText(d.rule.conditions[0]!) : undefined;
  const figures = only?.match(MONEY_FIGURE) ?? [];
  if (w || !only || figures.length !== 1) return null;
  return { value: parseMoney(figures[0]!), figure: figures[0]!, lead: only.slice(0, only.indexOf(figures[0]!)).replace(/^[（(]?\d*[）)]?/, "") };
}

/** Joins fixed awards on rising lower bounds of one fact into a tier table. */
function joinSteps(run: DraftRule[], steps: NonNullable<ReturnType<typeof fixedStep>>[]): DraftRule {
  const head = run[0]!.rule;
  const { fact, word, op, interpretation } = steps[0]!.cmp!;
  const tiers = run.map((d, i) => ({ threshold: steps[i]!.figure, amount: d.rule.amount as string, value: steps[i]!.value }));
  const amount: Amount = {
    mechanism: "tierTable", fact, word, ...(op ? { op } : {}), ...(interpretation ? { interpretation } : {}),
    tiers: tiers.sort((a, b) => a.value - b.value).map(({ value: _, ...t }) => t),
  };
  const quote = run.map((d, i) => (i > 0 && d.lineStart ? `\n${d.rule.quote}` : d.rule.quote)).join("");
  const rule: Rule = { ...head, quote, amount, upTo: run.some((d) => d.rule.upTo), notes: notesOf(run) };
  delete rule.when;
  delete rule.conditions;
  // "对年网络零售额首次达到以下标准的…" above the table.
  if (/首次(?:达到|突破|超过)?(?:以下|下列|如下)/.test(head.quote)) rule.conditions = [FIRST_TIME];
  return { shape: "tiers", rule };
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
    const hs = fixedStep(head);
    if (hs?.cmp) {
      const run = [head];
      const steps = [hs];
      // A table may list its highest tier first ("一级 2000万元以上 10万元" / "二级 1000万元（含）至…"):
      // its rows then fall on each line, and the tiers are sorted when joined.
      let direction = 0;
      for (let j = i + 1; j < drafts.length; j++) {
        const ns = fixedStep(drafts[j]!);
        const sameFact = ns?.cmp ? ns.cmp.fact === hs.cmp.fact && opOf(ns.cmp) === opOf(hs.cmp) : ns !== null && CONTINUES.test(ns.lead);
        if (!ns || !sameFact || ns.value === steps.at(-1)!.value) break;
        const step = Math.sign(ns.value - steps.at(-1)!.value);
        if (step < 0 && !(drafts[j]!.lineStart && ns.cmp)) break;
        if (direction !== 0 && step !== direction) break;
        direction = step;
        run.push(drafts[j]!);
        steps.push(ns);
      }
      if (run.length > 1) {
        out.push(joinSteps(run, steps));
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
      out.push({ shape: "tiers", rule: { ...head.rule, quote: joinQuotes(head.rule.quote, next!.rule.quote), amount: { ...a, tiers: [...a.tiers, ...b.tiers] }, notes: notesOf([head, next!]) } });
      i += 2;
      continue;
    }
    out.push(head);
    i++;
  }
  return out.map(({ bracket: _b, lead: _l, lineStart: _s, ...d }) => d);
}
