/**
 * The bot's single view of what it knows: the policies and their clauses (knowledge/) and the rules
 * (rules/). Opened once at start-up; everything on the per-turn path is synchronous and in memory.
 */
import type { AwardResult } from "../rules/awardResult.js";
import { evaluatePolicy, listRules, ruleBook, type RuleInfo } from "../rules/evaluatePolicy.js";
import type { Facts } from "../rules/facts.js";
import { openKnowledgeBase, type KnowledgeBase, type OpenKnowledgeBaseOptions } from "../knowledge/knowledgeBase.js";
import type { PolicyMeta } from "../knowledge/policyMeta.js";
import type { Citation } from "./answer.js";
import { amountInWords, EXAMPLE_TRACE, FORMULA_TRACE, qualifyingFacts } from "./describeProvision.js";
import { readPlaces, readRegistration, type PlaceReading, type Registration } from "./understanding/places.js";

/** How many clauses retrieval contributes to rule selection. */
const RETRIEVE_K = 8;

export class PolicyCatalog {
  readonly policies: readonly PolicyMeta[];
  readonly #kb: KnowledgeBase;
  readonly #rules: RuleInfo[];
  readonly #ruleByKey: Map<string, RuleInfo>;
  readonly #keywords: string[];

  private constructor(kb: KnowledgeBase) {
    this.#kb = kb;
    const served = new Set(kb.policies.map((p) => p.meta.id));
    this.policies = kb.policies.map((p) => p.meta);
    this.#rules = listRules().filter((r) => served.has(r.policy));
    this.#ruleByKey = new Map(this.#rules.map((r) => [`${r.policy}/${r.id}`, r]));
    this.#keywords = [...new Set(this.#rules.flatMap((r) => r.keywords))];
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
  readPlaces(text: string, current: readonly string[] = []): PlaceReading & { registration?: Registration } {
    const reading = readPlaces(text, this.policies, { current });
    return { ...reading, registration: readRegistration(text, reading) };
  }

  /** Clause ids ranked by hybrid retrieval within `policyIds`. */
  retrieve(text: string, policyIds: readonly string[]): string[] {
    return this.#kb.search(text, { policyIds, k: RETRIEVE_K }).map((hit) => hit.clause.id);
  }

  /** The rules of these policies. */
  rulesOf(policyIds: readonly string[]): RuleInfo[] {
    const wanted = new Set(policyIds);
    return this.#rules.filter((r) => wanted.has(r.policy));
  }

  /** true when the text names any rule's topic word (带货达人, 旗舰店…): it is about these policies. */
  matchesAnyKeyword(text: string): boolean {
    return this.#keywords.some((k) => text.includes(k));
  }

  /** Evaluate `rules` (grouped by policy) for `facts`; results keep document order within a policy. */
  evaluate(policyIds: readonly string[], facts: Facts, asOf: string, rules: readonly { policy: string; id: string }[]): AwardResult[] {
    return policyIds.flatMap((policy) => {
      const ruleIds = rules.filter((r) => r.policy === policy).map((r) => r.id);
      return ruleIds.length === 0 ? [] : evaluatePolicy(policy, facts, { asOf, ruleIds });
    });
  }

  /** Unchecked conditions that every award of these policies carries (扶持范围, credit record…). */
  generalConditions(policyIds: readonly string[]): Set<string> {
    return new Set(policyIds.flatMap((id) => ruleBook().files.get(id)?.conditions ?? []));
  }

  /** true for an eligibility gate (扶持范围) rather than an award. */
  isGate(result: AwardResult): boolean {
    return this.#ruleByKey.get(`${result.policy}/${result.rule}`)?.gate ?? false;
  }

  /**
   * What the provision grants an applicant who meets it (at its top tier), evaluated by the engine on
   * facts read off the rule; when the amount scales with an input or adds parts, its formula in the
   * clause's words (amount null).
   */
  describe(policyId: string, ruleId: string, asOf: string): AwardResult | undefined {
    const file = ruleBook().files.get(policyId);
    const rule = file?.rules.find((r) => r.id === ruleId);
    if (!file || !rule || rule.kind === "gate") return undefined;
    const facts = qualifyingFacts(rule, file);
    const [result] = facts ? evaluatePolicy(policyId, facts, { asOf, ruleIds: [ruleId] }) : [];
    if (result?.eligible === true) return { ...result, trace: [EXAMPLE_TRACE, ...result.trace] };
    // No single figure (it scales with an input, or adds parts): the clause's formula in its own words.
    const formula = rule.amount && amountInWords(rule.amount, rule.quote);
    const [base] = evaluatePolicy(policyId, {}, { asOf, ruleIds: [ruleId] });
    if (!formula || !base) return undefined;
    return { ...base, eligible: true, amountFen: null, missing: [], trace: [FORMULA_TRACE, formula] };
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
    const clause = this.#kb.policy(policyId)?.clauses.find((c) => c.childIds.length === 0 && /有效期至/.test(c.text));
    if (!clause) return undefined;
    const sentence = clause.text.split(/(?<=。)/).find((s) => s.includes("有效期至")) ?? clause.text;
    return { clause: clause.id, quote: sentence.trim() };
  }
}
