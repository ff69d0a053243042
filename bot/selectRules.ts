/**
 * Which provisions a question is about. Three signals, none tied to particular sentences:
 * the rule's own topic words (taken from its clause) in what the user wrote, the clause's rank in
 * hybrid retrieval, and how many of the facts the rule reads the user has given. A known entity type
 * that the rule does not apply to rules it out.
 */
import type { EntityType, FactName, Facts } from "../rules/facts.js";

/** What selection needs to know about a rule. */
export interface RuleProfile {
  policy: string;
  id: string;
  clause: string;
  title: string;
  /** Words from the clause that signal this provision (带货达人, 旗舰店, 跨境…). */
  keywords: readonly string[];
  /** Applicants the rule is for; empty = anyone. */
  entityTypes: readonly EntityType[];
  /** Facts the rule reads. */
  facts: readonly FactName[];
  /** An eligibility gate for the whole policy (扶持范围), not an award of its own. */
  gate: boolean;
}

export interface SelectionInput {
  /** What the user wrote in this conversation about the topic (current message first). */
  text: string;
  facts: Facts;
  /** Ranked clause ids from retrieval for `text`. */
  retrieved: readonly string[];
  /** Rules of the policies in question. */
  rules: readonly RuleProfile[];
  /** Rule ids the conversation was about before (follow-ups keep them). */
  topic?: readonly string[];
}

export interface ScoredRule {
  rule: RuleProfile;
  score: number;
  /** How many of the rule's topic words the user wrote. */
  keywordHits: number;
  /** Share of the rule's numeric facts the user gave (0..1). */
  factFit: number;
}

/** Facts that describe the applicant rather than a measure; they do not make a rule relevant by themselves. */
const CONTEXT_FACTS = new Set<FactName>(["entityType", "activityYear", "registrationDate", "higherLevelFunding", "tradeMode"]);

/** Rank of `clause` among retrieved ids, matching a parent or child clause too. */
function retrievalRank(clause: string, retrieved: readonly string[]): number {
  const i = retrieved.findIndex((id) => id === clause || clause.startsWith(`${id}/`) || id.startsWith(`${clause}/`));
  return i < 0 ? Infinity : i;
}

/** Score every rule; higher is more relevant. Rules excluded by entity type are dropped. */
export function scoreRules(input: SelectionInput): ScoredRule[] {
  const known = new Set(Object.keys(input.facts) as FactName[]);
  const entity = input.facts.entityType as EntityType | undefined;
  const topic = new Set(input.topic ?? []);
  const scored: ScoredRule[] = [];
  for (const rule of input.rules) {
    if (entity && rule.entityTypes.length > 0 && !rule.entityTypes.includes(entity)) continue;
    const keywordHits = rule.keywords.filter((k) => input.text.includes(k)).length;
    const measures = rule.facts.filter((f) => !CONTEXT_FACTS.has(f));
    const factFit = measures.length === 0 ? 0 : measures.filter((f) => known.has(f)).length / measures.length;
    const rank = retrievalRank(rule.clause, input.retrieved);
    const retrieval = rank === Infinity ? 0 : 1 / (1 + rank);
    const entityBonus = entity && rule.entityTypes.includes(entity) ? 0.5 : 0;
    const topicBonus = topic.has(`${rule.policy}/${rule.id}`) ? 2 : 0;
    const score = 2 * Math.min(keywordHits, 3) + 2 * retrieval + 3 * factFit + entityBonus + topicBonus;
    scored.push({ rule, score, keywordHits, factFit });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** A rule worth evaluating: named by its words, by retrieval near the top, or fed by the user's facts. */
export function isRelevant(s: ScoredRule): boolean {
  return s.keywordHits > 0 || s.factFit > 0 || s.score >= 1.5;
}
