/**
 * Which provisions a question is about. Signals, none tied to particular sentences: the rule's own topic
 * words (taken from its clause) in what the user wrote; the line of business both name (topics of
 * rules/topics.yaml: "快手带货" and "电商直播、短视频带货"); the clause's rank in hybrid retrieval; how many
 * of the measures the rule reads the user has given, a measure few rules read counting most; the rule's
 * own qualifiers the user's words meet (C2C, 特产, 推广…); and an amount of the clause the user quotes back
 * ("那个10万的奖"). A known entity type that the rule does not apply to lowers it; a rule whose qualifier the
 * user's words contradict while a sibling provision of the same clause meets it is for someone else.
 */
import type { StatedCheck } from "../rules/awardResult.js";
import type { RuleInfo } from "../rules/evaluatePolicy.js";
import { FACTS, type EntityType, type FactName, type Facts } from "../rules/facts.js";
import { exclusionNamed, type Exclusion } from "./understanding/exclusions.js";

/** What selection needs to know about a rule: the engine's own description of it, its topics and amounts. */
export type RuleProfile = Pick<RuleInfo, "policy" | "id" | "clause" | "title" | "quote" | "keywords" | "entityTypes" | "facts" | "gate"> & Partial<Pick<RuleInfo, "accepts" | "alternatives">> & {
  /** Topics (rules/topics.yaml) the clause speaks of. */
  topics?: readonly string[];
  /** Money amounts (fen) the clause states. */
  amountsFen?: readonly number[];
  /** What the clause leaves out of what it pays for ("不含土建" → 土建): naming it names the clause. */
  excluded?: readonly Exclusion[];
};

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
  /** Topics (rules/topics.yaml) the user's words speak of. */
  topics?: readonly string[];
  /** Policy amounts (fen) the user quoted back ("那个10万的奖励"). */
  quotedAmounts?: readonly number[];
  /** By rule key: the rule's qualifying tests the user's facts decided (the engine's `checks`). */
  checks?: ReadonlyMap<string, readonly StatedCheck[]>;
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
  /** Topics shared with the user's words, each weighted by how rare it is among the candidate rules (0..2). */
  topicWeight: number;
  /** The rule's qualifiers the user's facts meet, each weighted by how rare it is among the candidates. */
  qualifierFit: number;
  /** The user quoted an amount this clause states. */
  quotesAmount: boolean;
  /** What retrieval's rank of the clause added: the bot's guess, not the user's words. */
  retrieval: number;
  /** What the applicant type added (+ for the asker, − for another applicant, 0 unknown or anyone). */
  entityFit: number;
  /**
   * The user's facts contradict a qualifier of this rule that a sibling provision of the same clause meets
   * (C2C stated: the B2B/B2C provision is for someone else, not a ❌ for this user).
   */
  forSibling: boolean;
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
export function keywordHit(text: string, keyword: string, stemOf: (keyword: string) => string = stemFor): number {
  if (text.includes(keyword)) return 1;
  const stem = stemOf(keyword);
  return stem.length < keyword.length && text.includes(stem) ? 0.7 : 0;
}

const stemFor = (keyword: string) => keyword.slice(0, Math.max(3, keyword.length - 2));

/**
 * The text names a measure by a word of the fact vocabulary. Words of two characters (主播, 投资, 员工) also
 * stand for the asker or their business in general, so only longer ones (贫困户, 直播间, 交易额) count.
 */
function namesMeasure(text: string, fact: FactName): boolean {
  return FACTS[fact].aliases.some((a) => a.length >= 3 && text.includes(a));
}

/** `inner` is a clause under `outer` (it starts with `${outer}/`), checked without building that string. */
export const isInside = (inner: string, outer: string) => inner.length > outer.length && inner.charCodeAt(outer.length) === 47 && inner.startsWith(outer);

/** Rank of `clause` among retrieved ids, matching a parent or child clause too. */
function retrievalRank(clause: string, retrieved: readonly string[]): number {
  const i = retrieved.findIndex((id) => id === clause || isInside(clause, id) || isInside(id, clause));
  return i < 0 ? Infinity : i;
}

/** How many candidates share each value `of` gives: the rarer, the more it says about the question. */
function spreadOf<T>(rules: readonly RuleProfile[], of: (r: RuleProfile, i: number) => readonly T[]): (value: T) => number {
  const counts = new Map<T, number>();
  for (let i = 0; i < rules.length; i++) {
    const values = of(rules[i]!, i);
    // Each value once per rule; most lists hold one value or none, with nothing to dedupe.
    for (const v of values.length < 2 ? values : new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return (value) => Math.max(1, counts.get(value) ?? 0);
}

/** `of` of each rule (or keyword) computed once: scoring asks for the same rule's values several times. */
function perRule<K, T>(of: (key: K) => T): (key: K) => T {
  const known = new Map<K, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, of(key));
    return known.get(key)!;
  };
}

const keyOf = (rule: RuleProfile) => `${rule.policy}/${rule.id}`;

const NO_FACTS: readonly FactName[] = [];
const NO_CHECKS: readonly StatedCheck[] = [];

const measuresRead = (rule: RuleProfile) => rule.facts.filter((f) => MEASURE_UNITS.has(FACTS[f].unit));

/** What scoring reads off the candidates alone (never the question): spreads of their topics, measures, amounts and words. */
interface CandidateTables {
  rules: readonly RuleProfile[];
  /** Each candidate's key ("policy/id"), by position: the engine's checks are looked up by it on every turn. */
  keys: readonly string[];
  measuresOf: (r: RuleProfile) => FactName[];
  topicSpread: (topic: string) => number;
  measureSpread: (fact: FactName) => number;
  amountSpread: (fen: number) => number;
  /** How many candidates use a word, by word, filled as words are asked about. */
  words: Map<string, number>;
  /** Each keyword's stem (see {@link keywordHit}), made once rather than on every miss. */
  stemOf: (keyword: string) => string;
}

/** Tables of the last candidate lists scored: a region's candidates are the same objects on every turn. */
const recentTables: CandidateTables[] = [];
const RECENT_TABLES = 8;

function tablesFor(rules: readonly RuleProfile[]): CandidateTables {
  const same = (t: CandidateTables) => t.rules.length === rules.length && t.rules.every((r, i) => r === rules[i]);
  let tables = recentTables.find(same);
  if (!tables) {
    const measures = perRule(measuresRead);
    tables = {
      rules: [...rules],
      keys: rules.map(keyOf),
      measuresOf: measures,
      topicSpread: spreadOf(rules, (r) => r.topics ?? []),
      measureSpread: spreadOf(rules, measures),
      amountSpread: spreadOf(rules, (r) => r.amountsFen ?? []),
      words: new Map(),
      stemOf: perRule(stemFor),
    };
    recentTables.unshift(tables);
    recentTables.length = Math.min(recentTables.length, RECENT_TABLES);
  }
  return tables;
}

/**
 * Score every rule; higher is more relevant. A topic word counts by its rarity: "带货达人" names one
 * provision, "企业" names most of them; so does a line of business and a measure. A known entity type the
 * rule is not for costs points but does not hide the rule, because users often describe themselves loosely.
 */
export function scoreRules(input: SelectionInput): ScoredRule[] {
  const known = new Set(Object.keys(input.facts) as FactName[]);
  const entity = input.facts.entityType as EntityType | undefined;
  const topic = new Set(input.topic ?? []);
  const userTopics = new Set(input.topics ?? []);
  const quoted = new Set(input.quotedAmounts ?? []);
  const { keys, measuresOf, topicSpread, measureSpread, amountSpread, words: spreads, stemOf } = tablesFor(input.rules);
  // Each candidate's checks by position, looked up once.
  const checksAt = keys.map((key) => input.checks?.get(key) ?? NO_CHECKS);
  // The characters of the text: a keyword (and its stem) can only be in it when its first character is.
  const inText = new Set<number>();
  for (let i = 0; i < input.text.length; i++) inText.add(input.text.charCodeAt(i));
  // How many candidates use a word: counted once per word (every candidate's keywords ask, each scanning all quotes).
  const spread = (word: string) => {
    let n = spreads.get(word);
    if (n === undefined) spreads.set(word, (n = Math.max(1, input.rules.filter((r) => r.quote.includes(word) || r.keywords.includes(word)).length)));
    return n;
  };
  // A line of business most candidates share says little; one a few share says much (1 for one rule, 0 for all).
  const rarity = (spread: number) => (input.rules.length <= 1 ? 1 : Math.log(input.rules.length / spread) / Math.log(input.rules.length));
  // Most candidates have no check the facts decide: they add nothing, and make no list.
  const checkSpread = spreadOf(input.rules, (_, i) => (checksAt[i]!.length === 0 ? NO_FACTS : checksAt[i]!.flatMap((c) => c.facts)));
  // A qualifier every provision has (registration, credit record) tells none apart.
  const evaluated = input.checks?.size ?? 0;
  const qualifierWeight = (f: FactName) => (checkSpread(f) >= evaluated ? 0 : 1 / checkSpread(f));
  // Facts on which some provision of each clause is met: a sibling that fails on one of them is not this user's.
  const metInClause = new Map<string, Set<FactName>>();
  input.rules.forEach((r, i) => {
    for (const c of checksAt[i]!) if (c.holds) for (const f of c.facts) metInClause.set(r.clause, (metInClause.get(r.clause) ?? new Set()).add(f));
  });
  // Whether the text names a measure by its words, looked for once per measure (many candidates read the same).
  const named = new Map<FactName, boolean>();
  const namesMeasureOnce = (f: FactName) => {
    let hit = named.get(f);
    if (hit === undefined) named.set(f, (hit = namesMeasure(input.text, f)));
    return hit;
  };
  const scored: ScoredRule[] = [];
  // Plain loops: this runs for every candidate on every turn, and the sums are added in the same order as before.
  for (let i = 0; i < input.rules.length; i++) {
    const rule = input.rules[i]!;
    const measures = measuresOf(rule);
    // A measure named without its figure ("招贫困户有补助不") names the provisions that read it, as its topic
    // words do: the fact vocabulary's words for it, counted by how many candidates read that measure.
    let measureWords = 0;
    let given = 0;
    // A measure few provisions read (全国性电商平台销售额, 粉丝数) points at those that do.
    let measureRarity = 0;
    for (const f of measures) {
      if (known.has(f)) {
        given++;
        measureRarity = Math.max(measureRarity, 1 / measureSpread(f));
      } else if (rule.alternatives !== undefined && rule.alternatives.length > 0 && rule.alternatives.some((g) => g.includes(f) && g.some((o) => known.has(o)))) {
        // "新招了120人": the disabled employees of the same 或 are not owed; nor the platform sales once the
        // online sales that bound them are stated.
        given++;
      } else if (namesMeasureOnce(f)) measureWords += 1 / measureSpread(f);
    }
    let keywords = 0;
    for (const k of rule.keywords) {
      if (k.length > 0 && !inText.has(k.charCodeAt(0))) continue;
      const hit = keywordHit(input.text, k, stemOf);
      // A stem counts by how many candidates use the stem: "网络零售额" of 网络零售额增幅 names no one clause.
      if (hit !== 0) keywords += hit / spread(hit === 1 ? k : stemOf(k));
    }
    // A word the clause excludes ("土建" of "场所（不含土建）") is asked about there, as much as by two of its own
    // words: the answer says it is not paid.
    if (rule.excluded && rule.excluded.length > 0 && exclusionNamed(input.text, rule.excluded) !== undefined) keywords += 2;
    const keywordWeight = Math.min(3, measureWords + keywords);
    let topicWeight = 0;
    if (userTopics.size > 0) {
      for (const t of rule.topics ?? []) if (userTopics.has(t)) topicWeight += rarity(topicSpread(t));
      topicWeight = Math.min(2, topicWeight);
    }
    const factFit = measures.length === 0 ? 0 : given / measures.length;
    const checks = checksAt[i]!;
    let qualifierFit = 0;
    let forSibling = false;
    if (checks.length > 0) {
      const met = metInClause.get(rule.clause);
      for (const c of checks) {
        if (c.holds) {
          let weight = -Infinity;
          for (const f of c.facts) weight = Math.max(weight, qualifierWeight(f));
          qualifierFit += weight;
        } else if (!forSibling && met) forSibling = c.facts.some((f) => met.has(f));
      }
    }
    let quotesAmount = false;
    let amountWeight = 0;
    if (quoted.size > 0) {
      let weight = -Infinity;
      for (const a of rule.amountsFen ?? []) {
        if (!quoted.has(a)) continue;
        quotesAmount = true;
        weight = Math.max(weight, 1 / amountSpread(a));
      }
      if (quotesAmount) amountWeight = weight;
    }
    const rank = retrievalRank(rule.clause, input.retrieved);
    const retrieval = rank === Infinity ? 0 : 3 / (1 + rank);
    const entityFit = !entity || rule.entityTypes.length === 0 ? 0 : rule.entityTypes.includes(entity) ? 0.5 : -2;
    const onTopic = topic.size > 0 && topic.has(keyOf(rule));
    const score =
      2 * keywordWeight + 2.5 * topicWeight + retrieval + 3 * factFit + measureRarity + 1.5 * qualifierFit + 1.5 * amountWeight +
      entityFit + (onTopic ? 2 : 0) - (forSibling ? 3 : 0);
    scored.push({ rule, score, keywordWeight, factFit, onTopic, topicWeight, qualifierFit, quotesAmount, forSibling, retrieval, entityFit });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * A rule worth evaluating: named by its words or its line of business, fed by the user's measures or
 * qualifiers, quoted by amount, the conversation's topic, or near the top of retrieval; never one that is
 * for someone else than a sibling the user fits.
 */
export function isRelevant(s: ScoredRule): boolean {
  const evidence = names(s) || s.topicWeight > 0 || s.onTopic;
  // The line of business the user named keeps its provisions in view whoever they are for: the reply says so.
  const about = s.topicWeight > 0 ? s.score - Math.min(0, s.entityFit) : s.score;
  return !s.forSibling && about >= 1.5 && (evidence || s.score >= 2.5);
}

/** The user's words name the rule or feed it: its topic words, a measure, a qualifier it tests, or its amount. */
export function names(s: ScoredRule): boolean {
  return s.keywordWeight > 0 || s.factFit > 0 || s.qualifierFit > 0 || s.quotesAmount;
}

/** How far below the best score a rule may be and still be what the question is about. */
export const FOCUS_MARGIN = 1.5;

/**
 * The rules the question is about: the relevant ones within {@link FOCUS_MARGIN} of the best. When the user
 * names a line of business, its provisions are told apart by the user's words (not by retrieval's rank of
 * their clauses), and a provision that only retrieval proposed is no longer what the question is about.
 */
export function focusOf(relevant: readonly ScoredRule[]): ScoredRule[] {
  const topical = relevant.filter((s) => s.topicWeight > 0);
  // "评上了能给多少" after "示范企业奖励怎么算": a provision only retrieval proposes does not displace the topic.
  const held = topical.length === 0 && !relevant.some(names) ? relevant.filter((s) => s.onTopic) : [];
  const candidates = held.length > 0 ? held : topical.length === 0 ? relevant : relevant.filter((s) => s.topicWeight > 0 || names(s));
  const best = Math.max(...candidates.map((s) => s.score));
  // The provisions sharing most of the named lines of business, compared without retrieval's rank.
  const bestTopic = Math.max(...topical.map((s) => s.topicWeight));
  const own = (s: ScoredRule) => s.score - s.retrieval;
  const named = topical.filter((s) => s.topicWeight >= bestTopic - 0.01);
  const bestOwn = Math.max(...named.map(own));
  const focus = candidates.filter((s) => s.score >= best - FOCUS_MARGIN || (named.includes(s) && own(s) >= bestOwn - FOCUS_MARGIN));
  // "网店迁回聊城": a line of business the user names that only this provision speaks of (回迁) leads a
  // provision that retrieval's rank put first with only lines many share (天猫) or none (网店 of 新增网上店铺).
  const lead = focus[0];
  if (lead && lead.topicWeight < 1) {
    const sole = focus.filter((s) => s.topicWeight >= 1 && own(s) > own(lead)).sort((a, b) => own(b) - own(a))[0];
    if (sole) return [sole, ...focus.filter((s) => s !== sole)];
  }
  return focus;
}
