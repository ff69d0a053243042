/**
 * The bot's single view of what it knows: the policies and their clauses (knowledge/) and the rules
 * (rules/). Opened once at start-up; everything on the per-turn path is synchronous and in memory. The rule
 * lists follow the rule book: a rule staff confirm answers from the next question on, without a restart.
 */
import type { AwardResult, StatedCheck } from "../rules/awardResult.js";
import { pendingRules, undraftedSentences } from "../rules/draft/draftFile.js";
import { textNotes } from "../rules/draft/clauseNotes.js";
import { checkRules, evaluatePolicy, listRules, ruleBook, validityOf, type RuleBook, type RuleInfo } from "../rules/evaluatePolicy.js";
import { judgeInForce } from "../rules/validity.js";
import { FACTS, type FactName, type FactSpec, type Facts } from "../rules/facts.js";
import { openKnowledgeBase, type KnowledgeBase, type OpenKnowledgeBaseOptions } from "../knowledge/knowledgeBase.js";
import type { PolicyMeta } from "../knowledge/policyMeta.js";
import type { Clause } from "../knowledge/clause.js";
import type { ClauseNote, Rule } from "../rules/ruleSchema.js";
import { walkAmount } from "../rules/amountFacts.js";
import type { Citation } from "./answer.js";
import type { RuleProfile } from "./selectRules.js";
import { conditionText } from "../rules/ruleSchema.js";
import { compileCondition, conditionFacts } from "../rules/conditions.js";
import { amountInWords, EXAMPLE_TRACE, exampleInWords, FORMULA_TRACE, qualifyingFacts, ruleInWords, type DescribedResult } from "./describeProvision.js";
import { policiesHeldBy, readHomeElsewhere, readPlaces, readRegistration, type HomeElsewhere, type PlaceReading, type Registration } from "./understanding/places.js";
import { readSpecialty } from "./understanding/specialties.js";
import { readGoodsFromElsewhere } from "./understanding/goodsFromElsewhere.js";
import { findNumbers, mentionToFen } from "./understanding/numbers.js";
import { topicsIn } from "./understanding/topics.js";
import { termAsked, termsOf, type DocumentTerm } from "./understanding/definitions.js";
import { exclusionsOf } from "./understanding/exclusions.js";
import { asksTarget, statesAim, targetAsked, targetSentences } from "./understanding/targets.js";
import { asksDuty, dutyAsked, dutySentences } from "./understanding/duties.js";
import { asksSanction, sanctionAsked, sanctionSentences } from "./understanding/sanctions.js";
import { noStackingSentences } from "./understanding/noStacking.js";
import type { ClauseSentence } from "./clauseSentences.js";

/** An amount tree with tiers or ranks. */
const TIERED = /"(?:tiers|places)":/;

/** How many clauses retrieval contributes to rule selection. */
const RETRIEVE_K = 8;
/** A clause counts as what a question is about when it leads both the word and the meaning search. */
const RELATED_LEXICAL_RANK = 2;
const RELATED_DENSE_RANK = 3;
const RELATED_DENSE_RANK_WHEN_FIRST = 5;

/**
 * A clause note of the rule data, with the fields selection scores it by (it competes with the rules).
 * Kind "pending": a drafted rule staff have not confirmed yet; it answers with its quote only.
 */
export type NoteInfo = Omit<ClauseNote, "kind"> & { kind: ClauseNote["kind"] | "pending" } & RuleProfile;

/** A rule with what selection reads off its clause: topics and stated amounts. */
export type ProfiledRule = RuleInfo & Required<Pick<RuleProfile, "topics" | "amountsFen">> & Pick<RuleProfile, "excluded">;

/** The topics a provision's words speak of, and the money amounts (元) its quote states, in fen. */
function profile(p: { title: string; quote: string; keywords: readonly string[] }): Required<Pick<RuleProfile, "topics" | "amountsFen">> {
  const amountsFen = findNumbers(p.quote).flatMap((m) => (m.unit === "元" && !m.isYear ? (mentionToFen(m) ?? []) : []));
  return { topics: topicsIn([p.title, p.quote, ...p.keywords].join(" ")), amountsFen: [...new Set(amountsFen)] };
}

/** The facts a drafted rule reads (its conditions and its amount), as a compiled rule lists them. */
function draftedFacts(rule: Rule): FactName[] {
  const facts = rule.when ? conditionFacts(rule.when) : new Set<FactName>();
  if (rule.amount) walkAmount(rule.amount, facts);
  return [...facts];
}

/** Words of a document's own period: 有效期三年, 自2025年4月1日起施行, 自印发之日起执行. */
/** Per rule file, so a reloaded rule book is read again. */
const generalCache = new WeakMap<object, readonly string[]>();
/** A policy's general conditions: its own, and those written on at least half of its (three or more) provisions. */
function generalOf(policyId: string): readonly string[] {
  const file = ruleBook().files.get(policyId);
  if (!file) return [];
  const cached = generalCache.get(file);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const rule of file.rules) for (const text of new Set((rule.conditions ?? []).map(conditionText))) counts.set(text, (counts.get(text) ?? 0) + 1);
  const repeated = file.rules.length >= 3 ? [...counts].filter(([, n]) => n * 2 >= file.rules.length).map(([text]) => text) : [];
  const general = [...(file.conditions ?? []).map(conditionText), ...repeated];
  generalCache.set(file, general);
  return general;
}

const PERIOD_WORDS = /有效期|自[^。，]{1,16}之?日起(?:施行|执行|实施)/;

/** What the catalog lists of the rule book: its rules, clause notes and pending drafts, and their keywords. */
interface RuleLists {
  book: RuleBook;
  rules: ProfiledRule[];
  ruleByKey: Map<string, ProfiledRule>;
  keywords: string[];
  notes: NoteInfo[];
  /** Notes by selection key ("policy/note-N"); the first of a key, as a search through the list finds it. */
  noteByKey: Map<string, NoteInfo>;
  /** {@link PolicyCatalog.rulesOf} and {@link PolicyCatalog.notesOf} by the policies asked (ids joined): asked several times a turn. */
  rulesFor: Map<string, readonly ProfiledRule[]>;
  notesFor: Map<string, readonly NoteInfo[]>;
}

/** Lists remembered per set of policies at most (a few regions are asked; past it they start again). */
const LISTS_AT_MOST = 64;

function listFor<T extends { policy: string }>(cache: Map<string, readonly T[]>, all: readonly T[], policyIds: readonly string[]): T[] {
  const key = policyIds.join("\n");
  let list = cache.get(key);
  if (!list) {
    if (cache.size >= LISTS_AT_MOST) cache.clear();
    const wanted = new Set(policyIds);
    list = all.filter((r) => wanted.has(r.policy));
    cache.set(key, list);
  }
  // A copy: callers own what they are given, as before.
  return list.slice();
}

export class PolicyCatalog {
  readonly policies: readonly PolicyMeta[];
  readonly #kb: KnowledgeBase;
  readonly #served: ReadonlySet<string>;
  #lists: RuleLists | undefined;
  readonly #terms = new Map<string, DocumentTerm[]>();
  readonly #sentences = new Map<string, ClauseSentence[]>();
  /** By rule book (staff confirmations load a new one) and policy. */
  readonly #factsNamed = new WeakMap<RuleBook, Map<string, ReadonlySet<string>>>();

  private constructor(kb: KnowledgeBase) {
    this.#kb = kb;
    this.#served = new Set(kb.policies.map((p) => p.meta.id));
    this.policies = kb.policies.map((p) => p.meta);
  }

  /**
   * The lists of the current rule book, rebuilt when it was reloaded (a rule confirmed or rejected on the
   * staff 政策 page reloads it), so the next question is answered by the rules as they are now.
   */
  get #current(): RuleLists {
    const book = ruleBook();
    if (this.#lists?.book === book) return this.#lists;
    const rules = listRules()
      .filter((r) => this.#served.has(r.policy))
      // What its clause excludes ("（不含土建）") is often written in the clause's conditions, not the quote.
      .map((r) => ({ ...r, ...profile(r), excluded: exclusionsOf(this.#kb.clause(r.clause)?.text ?? r.quote) }));
    const notes = [...this.#served].flatMap((policy) => [
      // A policy whose staff wrote no notes yet (just added): its procedure and definitions as its text states them.
      ...(book.files.get(policy)?.clauseNotes ?? textNotes(this.#kb.policy(policy)?.clauses ?? [])).map((n, i) => ({ ...n, ...profile(n), policy, id: `note-${i + 1}`, entityTypes: [], facts: [], gate: false })),
      // Only confirmed rules compute amounts; a drafted one answers its questions with the clause quoted.
      // The measures it reads point at it as a confirmed rule's do ("租了500平" → its 租赁面积).
      ...pendingRules(policy).map((r) => {
        const note = { clause: r.clause, kind: "pending" as const, title: r.title, quote: r.quote, keywords: r.keywords };
        return { ...note, ...profile(note), policy, id: `pending-${r.id}`, entityTypes: r.entityTypes, facts: draftedFacts(r), gate: false };
      }),
      // A sentence with an amount the drafter left to staff answers the same way until its rule is written.
      ...undraftedSentences(policy).map((u, i) => {
        const clause = this.#kb.clause(u.clause);
        const title = u.title || clause?.title || clause?.headingPath.filter(Boolean).at(-1) || u.quote.slice(0, 12);
        const note = { clause: u.clause, kind: "pending" as const, title, quote: u.quote, keywords: u.keywords ?? (clause?.text.includes(title) ? [title] : []) };
        return { ...note, ...profile(note), policy, id: `undrafted-${i + 1}`, entityTypes: [], facts: [], gate: false };
      }),
    ]);
    this.#lists = {
      book,
      rules,
      ruleByKey: new Map(rules.map((r) => [`${r.policy}/${r.id}`, r])),
      keywords: [...new Set([...rules, ...notes].flatMap((r) => r.keywords))],
      notes,
      noteByKey: new Map([...notes].reverse().map((n) => [`${n.policy}/${n.id}`, n])),
      rulesFor: new Map(),
      notesFor: new Map(),
    };
    return this.#lists;
  }

  /** Load policies, rules and the search index (rebuilt when a policy file changed). */
  static async open(options: OpenKnowledgeBaseOptions = {}): Promise<PolicyCatalog> {
    return new PolicyCatalog(await openKnowledgeBase(options));
  }

  /** Policy ids whose region the text names, in order of mention. */
  policiesMentioned(text: string): string[] {
    return this.#kb.policiesMentioned(text);
  }

  /** The places the text names, read against the policies' regions; `current` settles shared names. */
  readPlaces(text: string, current: readonly string[] = []): PlaceReading & { registration?: Registration; home?: HomeElsewhere } {
    // A name two regions share ("东阿") goes to the one whose rules or notes speak of the message's subject.
    const speaksOf = (policyId: string) => [...this.rulesOf([policyId]), ...this.notesOf([policyId])].some((r) => r.keywords.some((k) => text.includes(k)));
    // A name typed by sound ("业集 淘宝C店…") also fits a policy with a provision for a kind the message names.
    // So does one whose provisions read a figure the message announces in the vocabulary's words (网零, 粉丝, 纳税额).
    const fits = (policyId: string) =>
      speaksOf(policyId) || this.rulesOf([policyId]).some((r) => acceptsNamed(text, r.accepts) || r.facts.some((f) => figureCues(f).some((w) => text.includes(w))));
    const read = readPlaces(text, this.policies, { current, speaksOf, fits });
    const registration = readRegistration(text, read);
    // "在平阴办公 但是注册在东营": of the regions named, the one the business is registered in is the one whose policy applies.
    const registeredIn = registration?.policyId;
    const reading = registeredIn && read.policyIds.length > 1 && read.policyIds.includes(registeredIn) ? { ...read, policyIds: [registeredIn] } : read;
    return { ...reading, registration, home: readHomeElsewhere(text, reading) };
  }

  /** The user's words selling goods that the documents of `policyIds` name as their region's own ("卖玫瑰花茶的"). */
  sellsSpecialty(text: string, policyIds: readonly string[]): string | undefined {
    return readSpecialty(text, this.policies.filter((p) => policyIds.includes(p.id)).flatMap((p) => p.specialties));
  }

  /**
   * The user's words saying what they sell comes from a place outside the regions of `policyIds` ("从新疆进的红枣",
   * "卖的广西砂糖橘"); a place that holds or lies in one of them (山东, 济南 for 平阴) says nothing.
   */
  goodsFromElsewhere(text: string, policyIds: readonly string[]): string | undefined {
    if (policyIds.length === 0) return undefined;
    return readGoodsFromElsewhere(text, (name, after) => {
      const held = policiesHeldBy(name, this.policies, after);
      return held && !held.some((id) => policyIds.includes(id));
    });
  }

  /** Clause ids ranked by hybrid retrieval within `policyIds`. */
  retrieve(text: string, policyIds: readonly string[]): string[] {
    return this.#kb.search(text, { policyIds, k: RETRIEVE_K }).map((hit) => hit.clause.id);
  }

  /** The rules of these policies. */
  rulesOf(policyIds: readonly string[]): ProfiledRule[] {
    const lists = this.#current;
    return listFor(lists.rulesFor, lists.rules, policyIds);
  }

  /** One rule by policy and rule id. */
  rule(policy: string, id: string): ProfiledRule | undefined {
    return this.#current.ruleByKey.get(`${policy}/${id}`);
  }

  /** The clause notes (what clauses without an award say) of these policies. */
  notesOf(policyIds: readonly string[]): NoteInfo[] {
    const lists = this.#current;
    return listFor(lists.notesFor, lists.notes, policyIds);
  }

  /** The note with this selection key ("policy/note-N"), if the key is a note's. */
  note(key: string): NoteInfo | undefined {
    return this.#current.noteByKey.get(key);
  }

  /** A clause of the served documents by id. */
  clause(id: string): Clause | undefined {
    return this.#kb.clause(id);
  }

  /**
   * The clause of `policyIds` a question is plainly about: the top search hit, when it leads both the
   * word search and the meaning search. Undefined when nothing in the documents relates to the text.
   */
  relatedClause(text: string, policyIds: readonly string[]): Clause | undefined {
    const [top] = this.#kb.search(text, { policyIds, k: 1 });
    const lexical = top?.lexicalRank ?? Infinity;
    const dense = top?.denseRank ?? Infinity;
    // Leading the word search outright, the meaning search need only rank it near the top.
    const leads = (lexical <= RELATED_LEXICAL_RANK && dense <= RELATED_DENSE_RANK) || (lexical === 1 && dense <= RELATED_DENSE_RANK_WHEN_FIRST);
    return top && leads ? top.clause : undefined;
  }

  /**
   * The units a clause names as responsible, as the text writes them ("（牵头单位：市商务投资促进局、市财政局；
   * 参与单位：市统计局）"): the verbatim parenthesis and the lead units in it.
   */
  leadUnits(clauseId: string): { quote: string; units: string } | undefined {
    const match = this.#kb.clause(clauseId)?.text.match(/[（(](?:牵头单位|责任单位)[:：]([^）)]*)[）)]/);
    return match ? { quote: match[0], units: match[1]!.split(/[；;]/)[0]!.trim() } : undefined;
  }

  /** The term of these policies' documents the question asks the meaning or standard of ("两中心一站点是指啥"). */
  termAsked(text: string, policyIds: readonly string[], standardOnly = false): DocumentTerm | undefined {
    return termAsked(text, policyIds.flatMap((id) => this.#termsOf(id)), standardOnly);
  }

  /**
   * The sentence of a policy's document a question asks about, by what it asks: what follows a wrongdoing
   * (sanction), who is responsible (duty), or what the document aims at (target, or direction for a purpose
   * with nothing to reach). A message with the asker's
   * own figures asks about their case, not the document's aims or sanctions; nor does one asking for an award.
   */
  sentenceAsked(text: string, policyId: string, asker: { figures: boolean; asksAward: boolean }): (ClauseSentence & { kind: "sanction" | "duty" | "target" | "direction" }) | undefined {
    const found = !asker.figures && asksSanction(text, asker.asksAward)
      ? { kind: "sanction" as const, sentence: sanctionAsked(text, this.#sentencesOf("sanction", policyId, sanctionSentences)) }
      : asksDuty(text)
        ? { kind: "duty" as const, sentence: dutyAsked(text, this.#sentencesOf("duty", policyId, dutySentences)) }
        : !asker.figures && asksTarget(text)
          ? { kind: "target" as const, sentence: targetAsked(text, this.#sentencesOf("target", policyId, targetSentences)) }
          : undefined;
    if (!found?.sentence) return undefined;
    // A purpose stated without a figure or date to reach (指导思想) is a direction, not a target.
    const kind = found.kind === "target" && !statesAim(found.sentence.sentence) ? "direction" : found.kind;
    return { clauseId: found.sentence.clauseId, sentence: found.sentence.sentence, kind };
  }

  #sentencesOf<T extends ClauseSentence>(reader: string, policyId: string, read: (clauses: readonly Clause[]) => T[]): T[] {
    const key = `${reader}:${policyId}`;
    let sentences = this.#sentences.get(key) as T[] | undefined;
    if (!sentences) this.#sentences.set(key, (sentences = read(this.#kb.policy(policyId)?.clauses ?? [])));
    return sentences;
  }

  #termsOf(policyId: string): DocumentTerm[] {
    let terms = this.#terms.get(policyId);
    if (!terms) this.#terms.set(policyId, (terms = termsOf(this.#kb.policy(policyId)?.clauses ?? [])));
    return terms;
  }

  /** The rule's amount differs by tier or rank (1万 at 50万, 2万 at 100万), rather than being one sum. */
  hasTiers(policyId: string, ruleId: string): boolean {
    const amount = ruleBook().files.get(policyId)?.rules.find((r) => r.id === ruleId)?.amount;
    return amount !== undefined && TIERED.test(JSON.stringify(amount));
  }

  /** Every fact a policy's rule file names anywhere (gates, conditions, amounts), or its drafts before it has one; read once per policy. */
  factsNamed(policyId: string): ReadonlySet<string> {
    const book = ruleBook();
    let byPolicy = this.#factsNamed.get(book);
    if (!byPolicy) this.#factsNamed.set(book, (byPolicy = new Map()));
    let named = byPolicy.get(policyId);
    if (!named) {
      const file = book.files.get(policyId);
      named = file ? new Set(Array.from(JSON.stringify(file).matchAll(/"fact":"(\w+)"/g), (m) => m[1]!)) : new Set(pendingRules(policyId).flatMap(draftedFacts));
      byPolicy.set(policyId, named);
    }
    return named;
  }

  /** true when the text names any rule's or clause note's topic word (带货达人, 旗舰店, 齐鲁电商贷…). */
  matchesAnyKeyword(text: string): boolean {
    return this.#current.keywords.some((k) => text.includes(k));
  }

  /**
   * Evaluate `rules` (grouped by policy) for `facts`; results keep document order within a policy.
   * `guessed`: facts inferred, not stated (see EvaluateOptions).
   */
  evaluate(policyIds: readonly string[], facts: Facts, asOf: string, rules: readonly { policy: string; id: string }[], guessed: readonly FactName[] = []): AwardResult[] {
    return policyIds.flatMap((policy) => {
      const ruleIds = rules.filter((r) => r.policy === policy).map((r) => r.id);
      return ruleIds.length === 0 ? [] : evaluatePolicy(policy, facts, { asOf, ruleIds, guessed });
    });
  }

  /**
   * The qualifiers (C2C, 特产, 推广…) of `rules` as `facts` decide them, by "policy/rule": the `checks`
   * {@link evaluate} would give each result, without evaluating the rules.
   */
  checks(policyIds: readonly string[], facts: Facts, asOf: string, rules: readonly { policy: string; id: string }[]): Map<string, StatedCheck[]> {
    const checks = new Map<string, StatedCheck[]>();
    for (const policy of policyIds) {
      const ruleIds = rules.filter((r) => r.policy === policy).map((r) => r.id);
      if (ruleIds.length > 0) for (const c of checkRules(policy, facts, { asOf, ruleIds })) checks.set(`${policy}/${c.rule}`, c.checks);
    }
    return checks;
  }

  /**
   * Unchecked conditions that every award of these policies carries (扶持范围, credit record…), and a provision
   * condition written on most of a policy's provisions (东营's and 叶集's 位于…注册登记): the policy's scope, not
   * the provision's own, so listed after the provision's own conditions.
   */
  generalConditions(policyIds: readonly string[]): Set<string> {
    return new Set(policyIds.flatMap((id) => generalOf(id)));
  }

  /** The rules and clause notes of these policies whose clause speaks of `topic` (rules/topics.yaml). */
  aboutTopic(policyIds: readonly string[], topic: string): (ProfiledRule | NoteInfo)[] {
    return [...this.rulesOf(policyIds), ...this.notesOf(policyIds)].filter((r) => !r.gate && (r.topics ?? []).includes(topic));
  }

  /**
   * What the documents of `policyIds` say about holding several awards ("申报主体年度内只享受其中一项扶持政策"):
   * the groups that cover every rule or one of `ruleIds`, each with its clause and quote.
   */
  exclusiveOf(policyIds: readonly string[], ruleIds: ReadonlySet<string>): Citation[] {
    return policyIds.flatMap((policy) => {
      const file = ruleBook().files.get(policy);
      // A policy added without rules yet: the sentences of its text that say awards do not stack.
      if (!file) return this.#sentencesOf("exclusive", policy, noStackingSentences).map((x) => ({ clause: x.clauseId, quote: x.sentence }));
      return (file.exclusive ?? [])
        .filter((g) => g.rules === "all" || g.rules.some((id) => ruleIds.has(`${policy}/${id}`)))
        .map((g) => ({ clause: g.clause, quote: g.quote }));
    });
  }

  /** true for an eligibility gate (扶持范围) rather than an award. */
  isGate(result: AwardResult): boolean {
    return this.#current.ruleByKey.get(`${result.policy}/${result.rule}`)?.gate ?? false;
  }

  /**
   * What the provision grants an applicant who meets it (at its top tier), evaluated by the engine on
   * facts read off the rule; when the amount scales with an input or adds parts, its formula in the
   * clause's words (amount null).
   */
  describe(policyId: string, ruleId: string, asOf: string): DescribedResult | undefined {
    const file = ruleBook().files.get(policyId);
    const rule = file?.rules.find((r) => r.id === ruleId);
    if (!file || !rule || rule.kind === "gate") return undefined;
    const words = ruleInWords(rule);
    const facts = qualifyingFacts(rule, file);
    const [result] = facts ? evaluatePolicy(policyId, facts, { asOf, ruleIds: [ruleId] }) : [];
    if (result?.eligible === true) {
      const example = result.amountFen === null ? undefined : exampleInWords(facts!);
      return { ...result, trace: [EXAMPLE_TRACE, ...result.trace], words: { ...words, example } };
    }
    // No single figure (it scales with an input, or adds parts): the clause's formula in its own words.
    const formula = rule.amount && amountInWords(rule.amount, rule.quote);
    const [base] = evaluatePolicy(policyId, {}, { asOf, ruleIds: [ruleId] });
    if (!formula || !base) return undefined;
    return { ...base, eligible: true, amountFen: null, missing: [], trace: [FORMULA_TRACE, formula], words };
  }

  /**
   * A clause note that grants something without money (free office space, land, praise) as the provision it
   * is: no amount, no verdict on the asker (nothing the engine can check), in force as the policy is.
   */
  grantWithoutAmount(note: NoteInfo, asOf: string, facts: Facts = {}): AwardResult {
    const { inForce, line } = judgeInForce(validityOf(note.policy), undefined, asOf);
    const grant = note.kind === "praise" ? "只有通报表扬，没有奖金" : "不发钱：条文给的是场地、用地等支持，没有金额";
    const result: AwardResult = { policy: note.policy, rule: note.id, clause: note.clause, title: note.title, eligible: null, amountFen: null, upTo: false, inForce, conditions: [], missing: [], trace: [grant, line], quote: note.quote };
    // What the grant requires, decided by the user's facts: a verdict (still no amount), else no verdict.
    const outcome = note.when && compileCondition(note.when)(facts);
    if (!outcome || outcome.value === null) return result;
    const decidedBy = [...conditionFacts(note.when!)].filter((f) => facts[f] !== undefined);
    const phrase = "text" in note.when! && note.when.text ? note.when.text : note.title;
    const check = { facts: decidedBy, text: phrase, holds: outcome.value };
    return { ...result, eligible: outcome.value, trace: [grant, ...outcome.lines, line], checks: [check] };
  }

  /** The document number as the document itself writes it (e.g. in its 序言), so citing it is quoting it. */
  documentNumberCitation(policyId: string): Citation | undefined {
    const policy = this.#kb.policy(policyId);
    const number = policy?.meta.docNumber;
    const clause = number ? policy.clauses.find((c) => c.text.includes(number)) : undefined;
    return clause && number ? { clause: clause.id, quote: number } : undefined;
  }

  /** The clause that states the policy's validity period, quoted, if the document has one. */
  validityCitation(policyId: string): Citation | undefined {
    const clauses = this.#kb.policy(policyId)?.clauses.filter((c) => c.childIds.length === 0) ?? [];
    // "有效期至…" first; else the sentence that states the period some other way ("自印发之日起施行，有效期三年").
    for (const words of [/有效期至/, PERIOD_WORDS]) {
      const clause = clauses.find((c) => words.test(c.text));
      if (!clause) continue;
      const sentence = clause.text.split(/(?<=。)/).find((s) => words.test(s)) ?? clause.text;
      return { clause: clause.id, quote: sentence.trim() };
    }
    return undefined;
  }
}

/** A category value a provision is for, named in the message in the vocabulary's words (淘宝C店 → tradeMode c2c). */
function acceptsNamed(text: string, accepts: RuleInfo["accepts"]): boolean {
  for (const [fact, values] of Object.entries(accepts) as [FactName, readonly string[]][]) {
    const words = (FACTS[fact] as FactSpec).words as Record<string, readonly string[]> | undefined;
    if (words && values.some((v) => (words[v] ?? []).some((w) => text.includes(w)))) return true;
  }
  return false;
}

const FIGURE_UNITS: ReadonlySet<string> = new Set(["fen", "count", "sqm", "rank"]);
const figureCueCache = new Map<FactName, readonly string[]>();
/** The words that announce a figure of `fact` (its strong cues of two characters or more; none for other units). */
function figureCues(fact: FactName): readonly string[] {
  let words = figureCueCache.get(fact);
  if (!words) {
    const spec = FACTS[fact] as FactSpec;
    words = FIGURE_UNITS.has(spec.unit) ? (spec.cues ?? []).filter((c) => !c.weak && !c.generic).flatMap((c) => c.words).filter((w) => w.length >= 2) : [];
    figureCueCache.set(fact, words);
  }
  return words;
}
