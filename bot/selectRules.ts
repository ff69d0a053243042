/**
 * Which provisions a question is about. Three signals, none tied to particular sentences:
 * the rule's own topic words (taken from its clause) in what the user wrote, the clause's rank in
 * hybrid retrieval, and how many of the facts the rule reads the user has given. A known entity type
 * that the rule does not apply to rules it out.
 */
import type { RuleInfo } from "../rules/evaluatePolicy.js";
import { FACTS, type EntityType, type FactName, type Facts } from "../rules/facts.js";

/** What selection needs to know about a rule: the engine's own description of it. */
export type RuleProfile = Pick<RuleInfo, "policy" | "id" | "clause" | "title" | "quote" | "keywords" | "entityTypes" | "facts" | "gate">;

export interface SelectionInput {
  /** What the user wrote in this conversation about the topic (current message first). */
  text: string;
  facts: Facts;
  /** Ranked clause ids from retrieval for `text`. */
  retrieved: readonly string[];
  /** Rules of the policies in question. */
  rules: readonly RuleProfile[];
  /** Rule keys ("policy/id") the conversation was about before (follow-ups keep them). */
  topic?: readonly string[];
}

export interface ScoredRule {
  rule: RuleProfile;
  score: number;
  /** Topic words the user wrote, each weighted by how rare it is among the candidate rules (0..3). */
  keywordWeight: number;
  /** Share of the rule's measures (amounts, counts, areas…) the user gave (0..1). */
  factFit: number;
  /** The conversation was about this rule before. */
  onTopic: boolean;
}

/**
 * Units of facts that measure the applicant's business. Yes/no and category facts qualify rather than
 * measure, and so does a rank: "排名第一" alone does not say which ranking.
 */
export const MEASURE_UNITS: ReadonlySet<string> = new Set(["fen", "count", "sqm", "day"]);

/**
 * How well `text` names a topic word: 1 when it contains it, 0.7 when it contains the word's stem (the
 * word less one or two trailing characters, at least three: 土特产 for 土特产品, 新注册 for 新注册登记), else 0.
 */
export function keywordHit(text: string, keyword: string): number {
  if (text.includes(keyword)) return 1;
  const stem = keyword.slice(0, Math.max(3, keyword.length - 2));
  return stem.length < keyword.length && text.includes(stem) ? 0.7 : 0;
}

/** Rank of `clause` among retrieved ids, matching a parent or child clause too. */
function retrievalRank(clause: string, retrieved: readonly string[]): number {
  const i = retrieved.findIndex((id) => id === clause || clause.startsWith(`${id}/`) || id.startsWith(`${clause}/`));
  return i < 0 ? Infinity : i;
}

/**
 * Score every rule; higher is more relevant. A topic word counts by its rarity: "带货达人" names one
 * provision, "企业" names most of them. A known entity type the rule is not for costs points but does not
 * hide the rule, because users often describe themselves loosely.
 */
export function scoreRules(input: SelectionInput): ScoredRule[] {
  const known = new Set(Object.keys(input.facts) as FactName[]);
  const entity = input.facts.entityType as EntityType | undefined;
  const topic = new Set(input.topic ?? []);
  const spread = (word: string) => Math.max(1, input.rules.filter((r) => r.quote.includes(word) || r.keywords.includes(word)).length);
  const scored: ScoredRule[] = [];
  for (const rule of input.rules) {
    const keywordWeight = Math.min(3, rule.keywords.reduce((sum, k) => sum + keywordHit(input.text, k) / spread(k), 0));
    const measures = rule.facts.filter((f) => MEASURE_UNITS.has(FACTS[f].unit));
    const factFit = measures.length === 0 ? 0 : measures.filter((f) => known.has(f)).length / measures.length;
    const rank = retrievalRank(rule.clause, input.retrieved);
    const retrieval = rank === Infinity ? 0 : 1 / (1 + rank);
    const entityFit = !entity || rule.entityTypes.length === 0 ? 0 : rule.entityTypes.includes(entity) ? 0.5 : -2;
    const onTopic = topic.has(`${rule.policy}/${rule.id}`);
    const score = 2 * keywordWeight + 3 * retrieval + 3 * factFit + entityFit + (onTopic ? 2 : 0);
    scored.push({ rule, score, keywordWeight, factFit, onTopic });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** A rule worth evaluating: named by its words, fed by the user's measures, the conversation's topic, or near the top of retrieval. */
export function isRelevant(s: ScoredRule): boolean {
  return s.score >= 1.5 && (s.keywordWeight > 0 || s.factFit > 0 || s.onTopic || s.score >= 2.5);
}

/** How far below the best score a rule may be and still be what the question is about. */
export const FOCUS_MARGIN = 1.5;

/** The rules the question is about: the relevant ones within {@link FOCUS_MARGIN} of the best. */
export function focusOf(relevant: readonly ScoredRule[]): ScoredRule[] {
  const best = relevant[0]?.score ?? 0;
  return relevant.filter((s) => s.score >= best - FOCUS_MARGIN);
}
