/**
 * Applicability conditions: comparisons that keep the text's word, yes/no facts, enum membership, and
 * all/any/not over them. Three-valued: an unknown fact makes a condition unknown, never false.
 * Unknown results name the facts that would decide them; decided results name none.
 */
import { COMPARISON_WORDS, OP_SYMBOL, compare, defaultPhrase, type ComparisonOp, type ComparisonWord } from "./comparisonWords.js";
import { currency, fenAt, foreignMoneyLiteral } from "./currency.js";
import { FACTS, factLabel, type ApproxValue, type FactName, type FactSpec, type Facts } from "./facts.js";
import { formatFactValue, formatThreshold } from "./formatFact.js";
import { addMissing, addStraddles, indent, type ConditionEvaluator, type ConditionOutcome, type Straddle } from "./mechanisms/mechanism.js";
import { boundsOf, isApprox } from "./quantity.js";
import type { Condition, Value } from "./ruleSchema.js";
import { valueForFact } from "./ruleSchema.js";

/** The reading of a comparison as shown in traces: "含本数", or the interpretation for ambiguous words. */
export function readingNote(word: ComparisonWord, op: ComparisonOp, interpretation?: string): string {
  const reading = COMPARISON_WORDS[word] as { ambiguous?: true; basis: string };
  const inclusive = OP_SYMBOL[op].inclusive ? "含本数" : "不含本数";
  if (reading.ambiguous) return `解释：读作“${OP_SYMBOL[op].holds}”，${inclusive}${interpretation ? `——${interpretation}` : ""}`;
  return interpretation ? `${inclusive}；${interpretation}` : inclusive;
}

/** The operator a word means in this comparison (the schema has checked that `op` agrees). */
export function resolveOp(word: ComparisonWord, op?: ComparisonOp): ComparisonOp {
  return op ?? (COMPARISON_WORDS[word] as { op?: ComparisonOp }).op!;
}

/** A compiled comparison of one fact against a threshold. */
export interface Comparison {
  fact: FactName;
  op: ComparisonOp;
  threshold: number | string;
  /**
   * Evaluates it for a known value: holds?, and the trace line. For an approximate value: true or false
   * when the whole interval lies on one side, null (with the straddled line) when it lies on both.
   */
  check(actual: number | string | ApproxValue): { holds: boolean | null; line: string; straddle?: Straddle };
}

/** Compiles "fact word value" into a comparison whose trace shows the word and the reading. */
export function compileComparison(
  fact: FactName, word: ComparisonWord, value: Value, op?: ComparisonOp, interpretation?: string, phrase?: string,
  /** A threshold in another currency, converted: fen, and how it is shown (the text's figure with the basis). */
  converted?: { fen: number; shown: string },
): Comparison {
  const resolved = resolveOp(word, op);
  const threshold = converted?.fen ?? valueForFact(fact, value);
  const label = factLabel(fact);
  const shownThreshold = converted?.shown ?? formatThreshold(fact, threshold);
  const note = `（${phrase ?? defaultPhrase(word, String(value))}：${readingNote(word, resolved, interpretation)}）`;
  const { holds: yes, fails: no } = OP_SYMBOL[resolved];
  let lastActual: number | string | undefined;
  let lastShown = "";
  return {
    fact,
    op: resolved,
    threshold,
    check(actual) {
      if (isApprox(actual)) {
        const b = boundsOf(actual);
        const low = compare(b.low, resolved, threshold);
        const high = compare(b.high, resolved, threshold);
        const shown = `${label} ${actual.words} `;
        if (low === high) return { holds: low, line: `${shown}${low ? yes : no} ${shownThreshold}${note}${low ? " ✓" : " ✗"}` };
        return {
          holds: null,
          line: `${shown}跨过 ${shownThreshold} 这条线${note}：须核实准确数字`,
          straddle: { fact, words: actual.words, line: shownThreshold },
        };
      }
      const holds = compare(actual, resolved, threshold);
      // Tables compare one value with several thresholds: format it once.
      if (actual !== lastActual) {
        lastActual = actual;
        lastShown = `${label} ${formatFactValue(fact, actual)} `;
      }
      return { holds, line: `${lastShown}${holds ? yes : no} ${shownThreshold}${note}${holds ? " ✓" : " ✗"}` };
    },
  };
}

/** The outcome of a condition on an unknown fact; built once per fact and frozen (outcomes are read-only). */
const UNKNOWN = new Map<FactName, ConditionOutcome>();
function unknownFact(fact: FactName): ConditionOutcome {
  let outcome = UNKNOWN.get(fact);
  if (!outcome) {
    outcome = Object.freeze({ value: null, lines: Object.freeze([`${factLabel(fact)}：未知`]) as string[], missing: Object.freeze([fact]) as FactName[] });
    UNKNOWN.set(fact, outcome);
  }
  return outcome;
}

/** Compiles a condition tree into an evaluator (done once at load). */
export function compileCondition(c: Condition): ConditionEvaluator {
  if ("all" in c || "any" in c) {
    const isAll = "all" in c;
    const parts = (isAll ? c.all : c.any).map(compileCondition);
    const decisive = !isAll; // any: true decides; all: false decides
    const routes = isAll ? null : routesOf(c.any);
    return (facts: Facts) => {
      const lines: string[] = [];
      const missing: FactName[] = [];
      const straddles: Straddle[] = [];
      let decided = false;
      let unknown = false;
      for (const part of parts) {
        const r = part(facts);
        lines.push(...r.lines);
        if (r.value === decisive) decided = true;
        else if (r.value === null) {
          unknown = true;
          addMissing(missing, r.missing);
          addStraddles(straddles, r.straddles);
        }
      }
      if (decided) return { value: decisive, lines, missing: [] };
      const byRoute = unknown && routes ? judgeByRoute(routes, facts) : null;
      if (byRoute?.line) lines.push(byRoute.line);
      if (unknown) return { value: null, lines, missing: byRoute?.missing ?? missing, ...(straddles.length > 0 ? { straddles } : {}) };
      return { value: !decisive, lines, missing: [] };
    };
  }
  if ("not" in c) {
    const inner = compileCondition(c.not);
    return (facts) => {
      const r = inner(facts);
      return { value: r.value === null ? null : !r.value, lines: [`并非：`, ...indent(r.lines)], missing: r.missing, ...(r.straddles ? { straddles: r.straddles } : {}) };
    };
  }
  const fact = c.fact;
  if ("word" in c) {
    const foreign = FACTS[fact].unit === "fen" && typeof c.value === "string" ? foreignMoneyLiteral(c.value) : null;
    if (foreign) return compileForeignComparison(c, foreign.code);
    const cmp = compileComparison(fact, c.word, c.value, c.op, c.interpretation, c.text);
    const unknown = unknownFact(fact);
    return (facts) => {
      const actual = facts[fact] as number | string | ApproxValue | undefined;
      if (actual === undefined) return unknown;
      const { holds, line, straddle } = cmp.check(actual);
      if (holds === null) return { value: null, lines: [line], missing: [fact], straddles: [straddle!] };
      return { value: holds, lines: [line], missing: [] };
    };
  }
  const label = factLabel(fact);
  if ("is" in c) {
    const want = c.is;
    const phrase = c.text ? `（${c.text}）` : "";
    const unknown = unknownFact(fact);
    return (facts) => {
      const actual = facts[fact] as boolean | undefined;
      if (actual === undefined) return unknown;
      const holds = actual === want;
      return { value: holds, lines: [`${label}：${actual ? "是" : "否"}${phrase}${holds ? " ✓" : " ✗"}`], missing: [] };
    };
  }
  const allowed = new Set(c.oneOf);
  const spec: FactSpec = FACTS[fact];
  const wanted = c.oneOf.map((v) => spec.values?.[v] ?? v).join("、");
  const phrase = c.text ? `（${c.text}）` : "";
  const unknown = unknownFact(fact);
  return (facts) => {
    const actual = facts[fact] as string | undefined;
    if (actual === undefined) return unknown;
    const holds = allowed.has(actual);
    return {
      value: holds,
      lines: [`${label}：${formatFactValue(fact, actual)}${holds ? "" : `，本项限于${wanted}`}${phrase}${holds ? " ✓" : " ✗"}`],
      missing: [],
    };
  };
}

type WordCondition = Extract<Condition, { word: unknown }>;

/**
 * "跨境电商零售额100万美元以上": the threshold converts at the rate of the activity year, the one the user's own
 * 美元 figures take (rules/currency.ts), and each line cites the rate's source and the rule's conversion. With no
 * year, or one without a listed rate, the verdict must be the same at every listed rate; else it is unknown and
 * the year is asked for. No converted figure is shown: the text's figure with its basis.
 */
function compileForeignComparison(c: WordCondition, code: string): ConditionEvaluator {
  const { fact } = c;
  const { name, rates } = currency(code);
  const amount = foreignMoneyLiteral(String(c.value))!.amount;
  const atRate = new Map(rates.map((r) => {
    const shown = `${c.value}（按${r.year}年人民币对${name}平均汇率${r.yuanPer}折算，${r.source}；折算办法：${c.conversion}）`;
    return [r.year, compileComparison(fact, c.word, c.value, c.op, c.interpretation, c.text, { fen: fenAt(amount, r.yuanPer), shown })];
  }));
  const unknown = unknownFact(fact);
  const span = `${rates[0]!.year}–${rates[rates.length - 1]!.year}`;
  return (facts) => {
    const actual = facts[fact] as number | string | ApproxValue | undefined;
    if (actual === undefined) return unknown;
    const year = facts.activityYear as number | undefined;
    const own = year === undefined ? undefined : atRate.get(year);
    if (own) {
      const { holds, line, straddle } = own.check(actual);
      if (holds === null) return { value: null, lines: [line], missing: [fact], straddles: [straddle!] };
      return { value: holds, lines: [line], missing: [] };
    }
    const results = [...atRate.values()].map((cmp) => cmp.check(actual));
    const verdict = results[0]!.holds;
    const when = year === undefined ? "未说明业绩年度" : `${year}年的汇率未列入`;
    if (verdict !== null && results.every((r) => r.holds === verdict)) {
      return { value: verdict, lines: [`${results[results.length - 1]!.line}（${when}；按${span}年各年汇率结论相同）`], missing: [] };
    }
    return {
      value: null,
      lines: [`${factLabel(fact)}与${c.value}的比较取决于折算汇率（${when}，${span}年各年汇率结论不同）：须说明业绩年度`],
      missing: year === undefined ? ["activityYear"] : [],
    };
  };
}

/** Starts the trace line naming the routes the applicant did not describe (the reply quotes it). */
export const ROUTE_NOT_TAKEN_PREFIX = "按你说的途径不符合；另一途径：";

/** A route of an `any`: a set of requirements met together ("货运物流整合5家以上企业、全年货运发送量达50万吨以上"). */
interface Route {
  facts: Set<FactName>;
  evaluate: ConditionEvaluator;
  text: string;
}

/**
 * The branches of an `any` when each is a route of two or more requirements on facts no other branch reads
 * (汨罗 三/(三)/1: 快递 8家 & 500万件, or 货运 5家 & 50万吨); null otherwise.
 */
function routesOf(branches: readonly Condition[]): Route[] | null {
  if (branches.length < 2 || !branches.every((b) => "all" in b && b.all.length >= 2)) return null;
  const routes = branches.map((b) => ({
    facts: conditionFacts(b),
    evaluate: compileCondition(b),
    text: (b as { all: Condition[] }).all.map((x) => ("text" in x && typeof x.text === "string" ? x.text : "")).filter(Boolean).join("、"),
  }));
  const seen = new Set<FactName>();
  for (const r of routes) for (const f of r.facts) {
    if (seen.has(f)) return null;
    seen.add(f);
  }
  return routes;
}

/**
 * An applicant who describes some routes and says nothing of the others: when a described route is still open,
 * only its facts are asked (not another route's); when every described route fails, the others stay open (the
 * applicant may take one) and a trace line says so, naming them. Null when no route, or every route, is described.
 */
function judgeByRoute(routes: readonly Route[], facts: Facts): { missing?: FactName[]; line?: string } | null {
  const said = (r: Route) => [...r.facts].some((f) => facts[f] !== undefined);
  const described = routes.filter(said);
  if (described.length === 0 || described.length === routes.length) return null;
  const outcomes = described.map((r) => r.evaluate(facts));
  if (outcomes.every((o) => o.value === false)) {
    const others = routes.filter((r) => !said(r)).map((r) => r.text || [...r.facts].map(factLabel).join("、"));
    return { line: `${ROUTE_NOT_TAKEN_PREFIX}${others.join("；")}` };
  }
  const missing: FactName[] = [];
  for (const o of outcomes) if (o.value === null) addMissing(missing, o.missing);
  return missing.length > 0 ? { missing } : null;
}

/** Every fact a condition reads. */
export function conditionFacts(c: Condition, out: Set<FactName> = new Set()): Set<FactName> {
  if ("all" in c) c.all.forEach((x) => conditionFacts(x, out));
  else if ("any" in c) c.any.forEach((x) => conditionFacts(x, out));
  else if ("not" in c) conditionFacts(c.not, out);
  else {
    out.add(c.fact);
    // A threshold in another currency converts at the activity year's rate.
    if ("word" in c && typeof c.value === "string" && foreignMoneyLiteral(c.value)) out.add("activityYear");
  }
  return out;
}
