/**
 * Turns engine results into the reply a merchant reads in a chat bubble: the amount first (with 最高 when
 * the text says so), the conditions still to meet, the policy's status, the verbatim citation, and a
 * one-line note that the competent department decides. Every fixed phrase comes from prompts/.
 */
import type { AwardResult } from "../rules/awardResult.js";
import { FACTS, factLabel, type FactName } from "../rules/facts.js";
import type { Answer, Award, Citation } from "./answer.js";
import { EXAMPLE_TRACE, FORMULA_TRACE, isDescription, type DescribedResult } from "./describeProvision.js";
import { NOT_COMPUTABLE_PREFIX } from "../rules/mechanisms/notComputable.js";
import { ROUTE_NOT_TAKEN_PREFIX } from "../rules/conditions.js";
import { formatFen, formatFenRange } from "../rules/money.js";
import { formatFactValue } from "../rules/formatFact.js";
import { findNumbers } from "./understanding/numbers.js";
import { mentionToQuantity } from "./understanding/quantities.js";
import { documentName, placeName, statusLine, type PolicyInfo } from "./policyStatus.js";
import { render, type Templates } from "./templates.js";

/** The longest quote shown in the bubble; the full quote is always in `citations`. */
const QUOTE_SHOWN_MAX = 150;
/** Conditions listed in the bubble; staff and `ask --json` see them all. */
const CONDITIONS_SHOWN_MAX = 3;

/** Conditions that change what is paid (only one award a year, no double funding) come first. */
const MONEY_CONDITION = /只享受|不重复|不再重复|不得超过|总额|未计入/;

/**
 * The order a merchant needs: conditions about the money, then the provision's own, then the policy's
 * general ones (registration, credit record…), which apply to every award alike.
 */
export function orderConditions(conditions: string[], general: ReadonlySet<string> = new Set()): string[] {
  const rank = (c: string) => (MONEY_CONDITION.test(c) ? 0 : general.has(c) ? 2 : 1);
  return [...conditions].sort((a, b) => rank(a) - rank(b));
}

/** "pingyin-2020:三/(三)/3" → "三(三)3", the way the documents are cited in speech. */
export function clauseLabel(clauseId: string): string {
  const path = clauseId.slice(clauseId.indexOf(":") + 1);
  return path.replace(/\//g, "");
}

/**
 * The award as `ask --json` prints it. `described`: the result describes the provision as the text gives it
 * (a worked example, a formula) and is no verdict on the asker — undecided, with no amount of theirs; the
 * example stays in the trace.
 */
export function toAward(result: AwardResult, described = false): Award {
  return {
    policy: result.policy,
    clause: result.clause,
    title: result.title,
    eligible: described ? null : result.eligible,
    amountFen: described ? null : result.amountFen,
    ...(result.amountRange ? { amountRange: { lowFen: result.amountRange.lowFen, highFen: result.amountRange.highFen } } : {}),
    upTo: result.upTo,
    inForce: result.inForce,
    conditions: result.conditions,
    trace: result.trace,
  };
}

/** Citations for the awards shown, one per clause and sentence, in order. */
export function citationsOf(results: AwardResult[]): Citation[] {
  const seen: Citation[] = [];
  // Two provisions of one clause (六: 直播电商企业 and 直播基地) each cite their own sentence.
  for (const r of results) {
    if (!seen.some((c) => c.clause === r.clause && c.quote.includes(r.quote))) seen.push({ clause: r.clause, quote: r.quote });
  }
  return seen;
}

/** Shorten a verbatim quote for the bubble at a sentence or clause boundary, keeping the amount sentence. */
export function shortQuote(quote: string): string {
  if (quote.length <= QUOTE_SHOWN_MAX) return quote;
  const sentences = quote.split(/(?<=[。；;])/);
  let out = "";
  for (const s of sentences) {
    if ((out + s).length > QUOTE_SHOWN_MAX) break;
    out += s;
  }
  return out ? `${out}…` : `${quote.slice(0, QUOTE_SHOWN_MAX)}…`;
}

/** The first failed check of an ineligible award, from its trace, without the reading note in brackets. */
export function failureReason(result: AwardResult): string {
  // An exclusivity or exception line decides over a tier that was merely not reached on the way up.
  const decisive = result.trace.find((line) => /^(不重复享受|例外)/.test(line.trim()) && /✗/.test(line));
  const failed = decisive ?? result.trace.find((line) => /✗/.test(line)) ?? result.trace.find((line) => /不满足|未达到|不符合|不足|排除|不再|不适用|限于/.test(line));
  // An exclusivity line quotes the clause before a dash; the bubble needs only what it decided.
  const decided = decisive?.includes("——") ? decisive.slice(decisive.indexOf("——") + 2) : failed;
  const reason = (decided ?? "").replace(/[✓✗×]/g, "").replace(/（[^（）]*(含本数|不含本数|解释)[^（）]*）/g, "").trim();
  return reason || "条件未满足";
}

/**
 * The route of an either-or the user described fails and another is open (汨罗 三/(三)/1 货运 or 快递): what to
 * say before asking for the other route's facts. Null otherwise.
 */
export function otherRouteNote(result: AwardResult, t: Templates): string | null {
  const line = result.trace.find((l) => l.trimStart().startsWith(ROUTE_NOT_TAKEN_PREFIX));
  if (!line) return null;
  return render(t.needsInfo.otherRoute, { reason: failureReason(result), route: line.trim().slice(ROUTE_NOT_TAKEN_PREFIX.length) });
}

/** Human names of missing facts: "粉丝数、年网络零售额、是否签订一年及以上劳动合同". */
export function missingLabels(missing: readonly string[]): string {
  return missing
    .map((m) => (m === "region" ? "所在地区" : `${FACTS[m as FactName].unit === "bool" ? "是否" : ""}${factLabel(m as FactName)}`))
    .join("、");
}

/** Why an award has no figure: the rule's own reason (notComputable), else that the text gives none. */
function noAmountReason(r: AwardResult, t: Templates): string {
  const line = r.trace.map((l) => l.trim()).find((l) => l.startsWith(NOT_COMPUTABLE_PREFIX));
  return line ? render(t.award.noAmountBecause, { reason: line.slice(NOT_COMPUTABLE_PREFIX.length) }) : t.award.noAmountReason;
}

/** An engine amount range as the reply states it: "2.1万元至2.4万元", "5万元以上". */
export function rangeText(range: NonNullable<AwardResult["amountRange"]>): string {
  return formatFenRange(range.lowFen, range.highFen ?? Infinity);
}

/**
 * What to ask when an approximate figure leaves a provision open: the line it straddles ("你说的80来万正好
 * 跨过85万元这条线…"), or the amount range it leaves when that range is too wide to help. Null otherwise.
 */
export function askExactFigure(r: AwardResult, t: Templates): { text: string; missing: FactName[] } | null {
  const straddles = r.straddles ?? [];
  if (straddles.length > 0) {
    const text = straddles.slice(0, 2).map((s) => render(t.needsInfo.straddle, { words: s.words, line: s.line, fact: factLabel(s.fact) })).join("\n");
    return { text, missing: [...new Set(straddles.map((s) => s.fact))] };
  }
  const range = r.amountRange;
  if (range && r.missing.some((f) => range.facts.includes(f))) {
    const text = render(t.needsInfo.rangeTooWide, { words: range.words.join("、"), topic: r.title, range: rangeText(range), fact: range.facts.map(factLabel).join("、") });
    return { text, missing: range.facts };
  }
  return null;
}

const MEASURES: ReadonlySet<string> = new Set(["fen", "count", "sqm", "day"]);

/** The value `words` state exactly for `fact` ("9.8万" → 98000 粉丝), when they state one exact figure. */
function exactValueOf(fact: FactName, words: string): number | undefined {
  if (!MEASURES.has(FACTS[fact].unit)) return undefined;
  const mentions = findNumbers(words);
  if (mentions.length !== 1 || !mentions[0]!.exact) return undefined;
  const read = mentionToQuantity(fact, mentions[0]!, "");
  return "value" in read && typeof read.value === "number" ? read.value : undefined;
}

/** The user's own words for `value` of `fact`, when what they said ("9.8万", "八百万") is exactly that value. */
export function userWordsFor(fact: FactName, value: unknown, said: Partial<Record<string, string>>): string | undefined {
  const words = said[fact];
  return words !== undefined && exactValueOf(fact, words) === value ? words : undefined;
}

/**
 * An engine line that states the user's figure in its own form ("粉丝数 98000 < 100000") shows the user's
 * words instead ("粉丝数 9.8万 < 100000"): a reply never restates a figure in a form the user did not write.
 */
export function inUserWords(line: string, said: Partial<Record<string, string>>): string {
  return ownFigures(said)(line);
}

/**
 * Puts the user's form of each figure they stated exactly in place of the engine's ("粉丝数 98000 " →
 * "粉丝数 9.8万 "), fact by fact in the order said. The engine's form starts with the fact's label, so a
 * line without it has nothing to replace: a figure is read (numbers parsed) only when a line names its fact.
 */
function ownFigures(said: Partial<Record<string, string>>): (line: string) => string {
  const stated = Object.entries(said)
    .filter((e): e is [FactName, string] => !!e[1] && e[0] in FACTS)
    .map(([fact, words]) => ({ fact, words, label: `${factLabel(fact)} ` }));
  const figures = new Map<FactName, [engine: string, user: string] | null>();
  const figureOf = (fact: FactName, words: string) => {
    let figure = figures.get(fact);
    if (figure === undefined) {
      const value = exactValueOf(fact, words);
      figures.set(fact, (figure = value === undefined ? null : [`${factLabel(fact)} ${formatFactValue(fact, value)} `, `${factLabel(fact)} ${words} `]));
    }
    return figure;
  };
  return (line) => {
    for (const { fact, words, label } of stated) {
      if (!line.includes(label)) continue;
      const figure = figureOf(fact, words);
      if (figure) line = line.replace(figure[0], figure[1]);
    }
    return line;
  };
}

/** One line per award, compact enough for several in one bubble. */
export function awardLine(r: AwardResult, t: Templates, excludedBy?: string): string {
  const title = r.title;
  if (r.eligible === true) {
    if (r.amountFen === null) {
      if (r.trace[0] === FORMULA_TRACE) return render(t.explain.awardFormula, { title, formula: r.trace[1]! });
      if (r.trace[0] === EXAMPLE_TRACE) return render(t.explain.awardNoAmount, { title, noAmountReason: noAmountReason(r, t) });
      if (r.amountRange && r.missing.length === 0) return render(t.award.eligibleRange, { title, words: r.amountRange.words.join("、"), range: rangeText(r.amountRange) });
      // Nothing was checked (no condition the engine can test): not a verdict, only what the clause grants
      // or what it still needs ("租了办公室" says nothing of a service centre's fit-out).
      const checked = r.trace.some((line) => line.includes("✓"));
      if (r.missing.length > 0) return render(checked ? t.award.eligibleNeedsFacts : t.award.undecided, { title, missing: missingLabels(r.missing) });
      if (!checked) return render(t.explain.awardNoAmount, { title, noAmountReason: noAmountReason(r, t) });
      return render(t.award.eligibleNoAmount, { title, noAmountReason: noAmountReason(r, t) });
    }
    const amount = render(r.upTo ? t.award.upTo : t.award.exact, { amount: formatFen(r.amountFen) });
    if (r.trace[0] === EXAMPLE_TRACE) return render(t.explain.award, { title, amount });
    // Conditions met, but in a year the policy did not cover: the amount must not read as a promise.
    if (r.inForce === false) return render(t.award.eligibleOutOfForce, { title, amount });
    return render(t.award.eligible, { title, amount }) + (excludedBy ? render(t.award.excluded, { other: excludedBy }) : "");
  }
  if (r.eligible === false) return render(t.award.notEligible, { title, reason: failureReason(r) });
  return render(t.award.undecided, { title, missing: missingLabels(r.missing) });
}

/**
 * A provision explained as a rule before any example ("怎么算"): whom it is for, its conditions and how the
 * amount is set in the clause's words, then a worked example labelled as one — never the asker's amount.
 */
export function explainLines(r: DescribedResult, t: Templates): string[] {
  const words = r.words;
  if (!words) return [awardLine(r, t)];
  const lines = [render(t.explain.rule, { title: r.title })];
  if (words.who.length > 0) lines.push(render(t.explain.who, { who: words.who.join("、") }));
  if (words.conditions.length > 0) lines.push(render(t.explain.conditions, { items: words.conditions.join("；") }));
  lines.push(render(r.upTo ? t.explain.amountUpTo : t.explain.amount, { amount: words.amount ?? noAmountReason(r, t) }));
  if (words.example && r.amountFen !== null) {
    const amount = render(r.upTo ? t.award.upTo : t.award.exact, { amount: formatFen(r.amountFen) });
    lines.push(render(t.explain.example, { facts: words.example, who: words.who[0] ?? t.explain.applicant, amount }));
  }
  return lines;
}

export interface ComposeInput {
  status: Answer["status"];
  /** Lines said before the result: corrections, rejected values, the injection notice. */
  notes: string[];
  /** The policies the answer is about, in order. */
  policies: PolicyInfo[];
  /** The awards shown, already chosen and ordered. */
  results: AwardResult[];
  missing: string[];
  asOf: string;
  activityYear?: number;
  /** The activity's month (1–12), when the user wrote it with the activity year. */
  activityMonth?: number;
  /** Replace the award lines by this text (needs_info, explain, validity…). */
  body?: string;
  /** Skip status, citation and disclaimer (help, out of scope). */
  bare?: boolean;
  /** Skip the status line (the body already is about status). */
  noStatus?: boolean;
  /**
   * Described provisions are explained as rules with a labelled example ({@link explainLines}), and `awards`
   * reports them undecided with no amount: the example is not the asker's award.
   */
  explainRules?: boolean;
  /** The text's figure is the answer (a claimed amount checked against the provision): described awards keep it. */
  figureAnswers?: boolean;
  /** Many provisions at once (an overview): one citation line naming the clauses; full quotes stay in `citations`. */
  compactCitations?: boolean;
  /** "文件里咋说的": the question asks for the text itself, so quotes are shown whole, not cut to their first sentences. */
  wholeQuotes?: boolean;
  /** A line after the award lines (e.g. what to tell us to check eligibility). */
  trailer?: string;
  /** Facts the trailer or body asks for (they join `missing`, and the answer then needs info). */
  asks?: string[];
  /** Extra citations (e.g. the validity clause) not tied to an award. */
  extraCitations?: Citation[];
  /** Policies an extra citation may quote besides `policies` (another region's provision named in the reply). */
  citedPolicies?: PolicyInfo[];
  /** Conditions that every award of the policy carries (shown after the provision's own). */
  generalConditions?: ReadonlySet<string>;
  /** The user's own words for the facts they stated ("不是旗舰店"), shown beside the clause's words. */
  said?: Partial<Record<string, string>>;
  /** The document numbers named in citation lines, quoted from the documents themselves (not printed as lines). */
  documentCitations?: Citation[];
}

/** "折合每年3.6万元、每月3000元": an eligible support paid over time, per period, as the engine computed it. */
function periodLines(r: AwardResult, t: Templates): string[] {
  if (r.eligible !== true || r.amountFen === null || !r.perPeriod?.length) return [];
  const amounts = [...r.perPeriod].reverse().map((p) => `每${p.period}${formatFen(p.amountFen)}`);
  return [render(t.award.perPeriod, { amounts: amounts.join("、") })];
}

/** ✅/❌ lines for the conditions the user's own words decided: their words beside the clause's. */
export function statedLines(r: AwardResult, said: Partial<Record<string, string>>, t: Templates): string[] {
  const seen = new Set<string>();
  return (r.checks ?? []).flatMap((c) => {
    // One phrase may state two facts ("已经补满10万了": the cap reached, 10万 received): show it once.
    const phrases = [...new Set(c.facts.flatMap((f) => said[f] ?? []))];
    const words = phrases.filter((p) => !phrases.some((q) => q !== p && q.includes(p))).join("，");
    if (!words || seen.has(c.text)) return [];
    seen.add(c.text);
    return [render(t.award.stated, { mark: c.holds ? "✅" : "❌", said: words, text: c.text })];
  });
}

/** The body (notes + award lines + conditions): the part a language model may reword. */
export function composeBody(input: ComposeInput, t: Templates): string {
  const lines = [...input.notes];
  if (input.body) lines.push(input.body);
  else {
    const byPolicy = groupByPolicy(input.results);
    // One reading for all award lines.
    const inOwnWords = ownFigures(input.said ?? {});
    for (const policy of input.policies) {
      const results = byPolicy.get(policy.id) ?? [];
      if (results.length === 0) continue;
      const region = placeName(policy);
      if (!input.compactCitations) lines.push(results.length > 1 ? render(t.heading.several, { region, count: results.length }) : render(t.heading.one, { region }));
      for (const r of results) {
        if (input.explainRules && isDescription(r)) lines.push(...explainLines(r, t));
        else lines.push(inOwnWords(awardLine(r, t)), ...periodLines(r, t), ...statedLines(r, input.said ?? {}, t));
      }
      if (input.compactCitations) continue;
      // Readings for staff ("解释：…") stay in the trace and `ask --json`; the owner reads what to meet.
      const conditions = orderConditions(
        unique(results.filter((r) => r.eligible !== false).flatMap((r) => r.conditions)).filter((c) => !c.startsWith("解释")),
        input.generalConditions,
      );
      if (conditions.length > 0) lines.push(render(t.conditions, { items: conditions.slice(0, CONDITIONS_SHOWN_MAX).map((c) => c.replace(/[。；]$/, "")).join("；") }));
    }
  }
  if (input.trailer) lines.push(input.trailer);
  return lines.join("\n");
}

/** Status, citation and disclaimer lines: never reworded by a model. */
export function composeFooter(input: ComposeInput, t: Templates): string {
  if (input.bare) return "";
  const lines: string[] = [];
  if (!input.noStatus) for (const policy of input.policies) lines.push(statusLine(policy, t, input.asOf, input.activityYear, input.activityMonth));
  const byId = new Map([...(input.citedPolicies ?? []), ...input.policies].map((p) => [p.id, p]));
  if (input.compactCitations) {
    for (const policy of input.policies) {
      const clauses = citationsOf(input.results).filter((c) => c.clause.startsWith(`${policy.id}:`)).map((c) => clauseLabel(c.clause));
      if (clauses.length > 0) lines.push(render(t.citationList, { doc: documentName(policy), clauses: clauses.join("、") }));
    }
    if (input.results.length > 0) lines.push(t.disclaimer);
    return lines.join("\n");
  }
  for (const c of [...citationsOf(input.results), ...(input.extraCitations ?? [])]) {
    const policy = byId.get(c.clause.slice(0, c.clause.indexOf(":")));
    const doc = policy ? documentName(policy) : "";
    lines.push(render(t.citation, { doc, clause: clauseLabel(c.clause), quote: input.wholeQuotes ? c.quote : shortQuote(c.quote) }));
  }
  if (input.results.length > 0) lines.push(t.disclaimer);
  return lines.join("\n");
}

/** true when the award's line asks for facts (an undecided award, or an amount waiting for a fact). */
export function lineAsks(r: AwardResult): boolean {
  return r.missing.length > 0 && (r.eligible === null || (r.eligible === true && r.amountFen === null));
}

/**
 * What the reply asks for, most relevant first: the facts the branch named, then those its award lines and
 * trailer ask for. A reply that asks for anything is `needs_info` with the facts in `missing` (shared/spec/ask.md).
 */
export function settleStatus(input: ComposeInput): ComposeInput {
  const missing = missingOf(input);
  return { ...input, missing, status: input.status === "answered" && missing.length > 0 ? "needs_info" : input.status };
}

/** The facts the answer asks for: {@link settleStatus}'s `missing`, without a copy of the input around it. */
export function missingOf(input: ComposeInput): string[] {
  const fromLines = input.body ? [] : input.results.filter(lineAsks).flatMap((r) => r.missing);
  return unique([...input.missing, ...(input.asks ?? []), ...fromLines]);
}

/** Build the full answer object. `body` may be a model's rewording of `composeBody`. */
export function composeAnswer(input: ComposeInput, t: Templates, body = composeBody(input, t)): Answer {
  input = settleStatus(input);
  const footer = composeFooter(input, t);
  return {
    status: input.status,
    text: [body, footer].filter(Boolean).join("\n"),
    policies: input.policies.map((p) => p.id),
    // A provision as the text gives it (an overview line, a rule explained) is no verdict on this asker.
    awards: input.results.map((r) => toAward(r, !input.figureAnswers && isDescription(r))),
    missing: input.missing,
    citations: [...citationsOf(input.results), ...(input.extraCitations ?? []), ...(input.bare ? [] : input.documentCitations ?? [])],
  };
}

function groupByPolicy(results: AwardResult[]): Map<string, AwardResult[]> {
  const map = new Map<string, AwardResult[]>();
  for (const r of results) map.set(r.policy, [...(map.get(r.policy) ?? []), r]);
  return map;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
