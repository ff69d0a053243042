/**
 * The conversation pipeline every channel uses:
 * message → flood control → facts and region → intent → rules (engine) → answer → optional rewording → review.
 * Amounts only ever come from the rule engine; the bot chooses which provisions to show and words them.
 */
import type { AwardResult } from "../rules/awardResult.js";
import { ENTITY_TYPES, factLabel, FACTS, parseFacts, type FactName, type Facts } from "../rules/facts.js";
import { formatFactValue } from "../rules/formatFact.js";
import type { Answer, Citation } from "./answer.js";
import { asksAmount, asksMoney, classifyIntent, looksLikeInjection, namesOnlyPlaces, type Intent } from "./classifyIntent.js";
import { askExactFigure, awardLine, clauseLabel, composeAnswer, composeBody, inUserWords, missingLabels, missingOf, otherRouteNote, settleStatus, shortQuote, statedLines, userWordsFor, type ComposeInput } from "./composeAnswer.js";
import { admitFacts, extractFacts, fitsFact, MAX_MESSAGE_CHARS, type Extraction } from "./extractFacts.js";
import { confirms } from "./understanding/plausibility.js";
import { exclusionNamed } from "./understanding/exclusions.js";
import { alsoFed, correctionTargets, isCorrection } from "./understanding/corrections.js";
import { registeredWhere } from "./understanding/places.js";
import { affirmingWords, affirmsAskedAbout } from "./understanding/conditions.js";
import { isTitleFact, statesRecognition, titleAsked } from "./understanding/askedTitle.js";
import { definingPassage } from "./understanding/definitions.js";
import { looselyNamed } from "./understanding/looseWords.js";
import { findNumbers } from "./understanding/numbers.js";
import { unreadStatements } from "./understanding/unreadStatements.js";
import { isExemptNumber } from "./numberGuard.js";
import { topics, topicsIn } from "./understanding/topics.js";
import type { Phraser } from "./llmPhraser.js";
import type { BotReply, ConversationHandler, IncomingMessage, SessionKey } from "./message.js";
import { activityOf, placeName, validityAnswer, type PolicyInfo } from "./policyStatus.js";
import { regionAliases } from "../knowledge/policyMeta.js";
import { RateLimiter, type FloodControl, type RateLimitOptions } from "./rateLimiter.js";
import type { ReviewGate } from "./reviewGate.js";
import { FOCUS_MARGIN, focusOf, isInside, isRelevant, MEASURE_UNITS, names, scoreRules, type RuleProfile, type ScoredRule } from "./selectRules.js";
import { MemorySessionStore, sessionKeyString, type Claim, type Session, type SessionStore } from "./sessionStore.js";
import { isRelativeYear, mentionToFen } from "./understanding/numbers.js";
import { EXAMPLE_TRACE } from "./describeProvision.js";
import { formatFen } from "../rules/money.js";
import { loadTemplates, render, type Templates } from "./templates.js";
import { PolicyCatalog, type NoteInfo } from "./policyCatalog.js";
import { asksWhoPays, nearestSentence, sentenceBeyond, sentencePointedAt, sentencesOf } from "./clauseSentences.js";
import { areaTotalAsked, limitPhrases, maximumAsked } from "./understanding/maximumQuestions.js";
import { givesStatedMoney } from "../rules/draft/draftRule.js";
import type { Clause } from "../knowledge/clause.js";

/** At most this many facts are asked for in one turn. */
const ASK_AT_MOST = 2;
/** An overview lists this many provisions with their figures; the rest by theme, so it fits one bubble. */
const OVERVIEW_LINES = 10;
/** At most this many awards are listed in one bubble. */
const SHOW_AT_MOST = 4;

export interface PolicyBotOptions {
  /** The policies, their clauses and rules; opened from knowledge/policies when absent. */
  catalog?: PolicyCatalog;
  sessions?: SessionStore;
  review?: ReviewGate;
  /** Optional language-model rewording; the template answer is used when absent or rejected. */
  phraser?: Phraser;
  /** "Today" for validity checks and 去年/今年 (YYYY-MM-DD); default: the real date. */
  asOf?: string;
  /** Sessions idle longer than this are forgotten. Default 30 minutes. */
  sessionIdleMs?: number;
  /** Per-user flood control, or false to disable (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Flood control shared with other processes (the database's); replaces the in-memory one of `rateLimit`. */
  floodControl?: FloodControl;
  /** Where operational log lines go (stderr by default). */
  log?: (line: string) => void;
}

/** The UTC day of the last turn, kept while it lasts: formatting a date on every turn costs more than comparing the time. */
let day = { from: 0, until: 0, iso: "" };
const today = () => {
  const now = Date.now();
  if (now < day.from || now >= day.until) {
    const iso = new Date(now).toISOString().slice(0, 10);
    const from = Date.parse(iso);
    day = { from, until: from + 86_400_000, iso };
  }
  return day.iso;
};

/** Text with at least one letter, digit or CJK character (not only emoji, punctuation or spaces). */
/** Provisions of other regions named when the asked one has none on the subject. */
const ELSEWHERE_AT_MOST = 5;
/** A question about holding several awards at once: "两个都拿", "能同时享受吗", "可以叠加吗". */
const STACKING = /(?:都|同时|一起|一块儿?|一并)(?:能|可以)?(?:拿|领|享受|申请|申报)|既[^，。？?]{0,16}又(?:能|可以)?(?:拿|领|享受|申请|申报)|叠加|兼得|重复(?:享受|拿|领|申请)/;
const MEANINGFUL = /[\p{L}\p{N}]/u;

export class PolicyBot implements ConversationHandler {
  readonly #catalog: PolicyCatalog;
  readonly #sessions: SessionStore;
  readonly #templates: Templates;
  readonly #limiter: FloodControl | null;
  readonly #options: PolicyBotOptions;
  readonly #log: (line: string) => void;
  /** Every name of the catalog's regions, policy by policy (the catalog does not change while the bot runs). */
  readonly #regionNames: readonly string[];

  private constructor(catalog: PolicyCatalog, options: PolicyBotOptions) {
    this.#catalog = catalog;
    this.#regionNames = catalog.policies.flatMap(regionAliases);
    this.#options = options;
    this.#sessions = options.sessions ?? new MemorySessionStore();
    this.#templates = loadTemplates();
    this.#limiter = options.rateLimit === false ? null : (options.floodControl ?? new RateLimiter(options.rateLimit));
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Open the knowledge base and rules (building the index if needed) and return a ready bot. */
  static async create(options: PolicyBotOptions = {}): Promise<PolicyBot> {
    const catalog = options.catalog ?? (await PolicyCatalog.open());
    return new PolicyBot(catalog, options);
  }

  /** Release resources (nothing to release today; kept so callers need not change when there is). */
  async close(): Promise<void> {}

  #asOf(): string {
    return this.#options.asOf ?? today();
  }

  /** @inheritdoc */
  async handle(msg: IncomingMessage): Promise<BotReply> {
    try {
      return await this.#handle(msg);
    } catch (error) {
      this.#log(`bot: turn failed for ${msg.channel}/${msg.chatId}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return this.#plain("out_of_scope", this.#templates.internalError);
    }
  }

  /** @inheritdoc */
  async describeFacts(key: SessionKey): Promise<string> {
    const session = await this.#loadSession(key);
    const lines = Object.entries(session.facts).map(([name, value]) => `· ${factLabel(name as FactName)}：${describeValue(name as FactName, value, session.said)}`);
    const region = session.policyIds.map((id) => this.#policy(id)).filter(Boolean).map((p) => placeName(p!));
    if (region.length > 0) lines.unshift(`· 地区：${region.join("、")}`);
    return lines.length === 0 ? this.#templates.factsNone : [this.#templates.factsHeader, ...lines].join("\n");
  }

  /** @inheritdoc */
  async reset(key: SessionKey): Promise<string> {
    await this.#sessions.delete(key);
    return this.#templates.reset;
  }

  /** @inheritdoc */
  async remember(key: SessionKey, update: { policyId?: string; facts?: Record<string, unknown> }): Promise<void> {
    const session = await this.#loadSession(key);
    if (update.policyId) {
      if (!this.#policy(update.policyId)) throw new Error(`unknown policy id "${update.policyId}"`);
      session.policyIds = [update.policyId];
    }
    if (update.facts) session.facts = parseFacts({ ...session.facts, ...update.facts });
    session.updatedAt = Date.now();
    await this.#sessions.set(key, session);
  }

  /** @inheritdoc */
  helpText(): string {
    return this.#catalogText(this.#templates.help);
  }

  /** A fixed text with the catalog's regions and an example question filled in (no list in the templates). */
  #catalogText(template: string): string {
    const regions = this.#catalog.policies.map(placeName).join("、");
    const first = this.#catalog.policies[0];
    const rule = first && this.#catalog.rulesOf([first.id]).find((r) => !r.gate);
    const example = first && rule ? `${placeName(first)}${rule.title}怎么算` : `${regions}有哪些扶持政策`;
    return render(template, { regions, example });
  }

  /** @inheritdoc */
  regions(): { id: string; name: string }[] {
    return this.#catalog.policies.map((p) => ({ id: p.id, name: placeName(p) }));
  }

  /** What the reply says about places it had to interpret: a near spelling, or a name two regions share. */
  #placeNotes(places: ReturnType<PolicyCatalog["readPlaces"]>): string[] {
    const t = this.#templates;
    const full = (policyId: string, name: string) => {
      const { region } = this.#catalog.policies.find((p) => p.id === policyId)!;
      const own = region.county ?? region.city ?? name;
      return name === own ? own : `${own}${name}`;
    };
    return places.mentions.flatMap((m) => {
      const name = full(m.policyId, m.name);
      if (m.alsoCould.length > 0) {
        const other = m.alsoCould.map((o) => full(o.policyId, o.name)).join("或");
        return [render(t.place.shared, { said: m.said, name, other })];
      }
      return m.nearMiss ? [render(t.place.understood, { said: m.said, name })] : [];
    });
  }

  #policy(id: string): PolicyInfo | undefined {
    return this.#catalog.policies.find((p) => p.id === id);
  }

  async #loadSession(key: SessionKey): Promise<Session> {
    const found = await this.#sessions.get(key);
    const idle = this.#options.sessionIdleMs ?? 30 * 60_000;
    if (found && Date.now() - found.updatedAt <= idle) return found;
    return { facts: {}, policyIds: [], topic: [], awaiting: [], updatedAt: Date.now() };
  }

  #plain(status: Answer["status"], text: string): BotReply {
    return { toAsker: text.trim() === "" ? null : text, answer: { status, text, policies: [], awards: [], missing: [], citations: [] }, source: "template" };
  }

  async #handle(msg: IncomingMessage): Promise<BotReply> {
    const t = this.#templates;
    const key: SessionKey = { channel: msg.channel, chatId: msg.chatId, userId: msg.userId };
    if (this.#limiter) {
      const decision = await this.#limiter.check(sessionKeyString(key));
      if (decision === "drop") return this.#plain("out_of_scope", "");
      if (decision === "notice") return this.#plain("out_of_scope", t.rateLimited);
    }
    if (msg.kind === "non_text") return this.#plain("out_of_scope", this.#catalogText(t.nonText));
    let text = msg.text.trim();
    if (!MEANINGFUL.test(text)) return this.#plain("out_of_scope", this.#catalogText(t.empty));

    const notes: string[] = [];
    if (text.length > MAX_MESSAGE_CHARS) {
      text = text.slice(0, MAX_MESSAGE_CHARS);
      notes.push(t.truncated);
    }
    const asOf = this.#asOf();
    const session = await this.#loadSession(key);
    // A bare number answers what the bot just asked, else revises what the user said last ("那要是3亿呢").
    const pending = [...new Set([...session.awaiting, ...(session.recent ?? []), ...(session.open ?? [])])].filter((f): f is FactName => f in FACTS);
    // A correction revises the fact it names or the one its figure fits, not simply the first one pending.
    const expect = isCorrection(text)
      ? correctionTargets(text, [...pending, ...(Object.keys(session.facts) as FactName[]).filter((f) => MEASURE_UNITS.has(FACTS[f].unit))], session.facts, asOf)
      : pending;
    const places = this.#catalog.readPlaces(text, session.policyIds);
    // The one schema check of what was read (admitFacts): parseFacts below takes the values it passed as they are.
    const extraction = admitFacts(extractFacts(text, { asOf, expect, places: [...places.mentions, ...places.nearby], regionPlaces: places.mentions, known: session.facts }));
    confirmHeldFigures(text, extraction, session);
    const placeSpans = [...places.mentions, ...places.nearby, ...places.outside];
    adoptAskedAbout(text, extraction, session, placeSpans);
    answerAwaited(extraction, session.awaiting);
    const measures = (Object.keys(extraction.facts) as FactName[]).filter((f) => MEASURE_UNITS.has(FACTS[f].unit));
    if (measures.length > 0) session.recent = measures;
    for (const r of extraction.rejected) notes.push(render(t.rejectedFact, { raw: r.raw, reason: r.reason }));
    if (extraction.correction) {
      alsoFed({ facts: extraction.facts, said: extraction.sources }, session);
      const changed = (Object.keys(extraction.facts) as FactName[]).filter((f) => f in session.facts && JSON.stringify(session.facts[f]) !== JSON.stringify(extraction.facts[f]));
      if (changed.length > 0) notes.push(render(t.correction, { facts: changed.map(factLabel).join("、") }));
    }
    notes.push(...extraction.notes);
    if (looksLikeInjection(text)) notes.push(t.injection);
    // "我是聊城东阿县的主播 … 平阴那个奖励": only the region asked about is evaluated; the other is where the user is.
    const mentioned = places.home ? [places.home.asked] : places.policyIds;
    // Another region: the remembered situation carries over only when this message adds none of its own
    // ("那聊城呢"), and the reply says which facts it used; a message with its own situation starts clean.
    const switching = mentioned.length > 0 && session.policyIds.length > 0 && !mentioned.some((id) => session.policyIds.includes(id));
    if (switching && Object.keys(session.facts).length > 0) {
      if (statesNewSituation(extraction.facts, session.facts)) Object.assign(session, { facts: {}, said: {}, topic: [], recent: [], awaiting: [], inferred: [], unread: {} });
      else {
        const carried = describeFactValues(session.facts, session.said);
        if (carried) notes.push(render(t.place.reused, { facts: carried }));
      }
    }
    mergeGuesses(session, extraction);
    session.facts = parseFacts({ ...session.facts, ...extraction.facts });
    session.said = { ...session.said, ...extraction.sources };
    // The last amount claimed is the one asked about ("开店那个5万奖励…能拿10万不" asks about 10万).
    const claimed = extraction.claims.at(-1);
    const claimFen = claimed ? mentionToFen(claimed) : null;
    if (claimed && claimFen !== null) session.claim = { words: claimed.words, fen: claimFen };

    notes.push(...this.#placeNotes(places));
    // "卖的是广西砂糖橘" in a conversation about 平阴: the place is where the goods come from, not where the asker is.
    const broughtIn = extraction.facts.localSpecialty === undefined ? this.#catalog.goodsFromElsewhere(text, mentioned.length > 0 ? mentioned : session.policyIds) : undefined;
    const source = (p: { said: string }) => broughtIn?.includes(p.said) === true;
    // A place of a covered city outside its county policy ("济南长清区"), and nothing inside any region.
    const nearby = places.nearby.find((p) => !source(p));
    if (mentioned.length === 0 && nearby && !places.registration) {
      const region = placeName(this.#policy(nearby.policyId)!);
      return this.#plain("out_of_scope", this.#catalogText(render(t.place.nearby, { place: nearby.said, region })));
    }
    // A province or city holding no covered region ("滨州的企业"), and no region of ours named.
    const elsewhere = places.outside.find((p) => p.contains.length === 0 && !source(p));
    if (mentioned.length === 0 && elsewhere && !places.registration) {
      return this.#plain("out_of_scope", this.#catalogText(render(t.place.outside, { place: elsewhere.said })));
    }
    if (mentioned.length > 0) session.policyIds = mentioned;
    else if (session.policyIds.length === 0 && msg.defaultPolicy && this.#policy(msg.defaultPolicy)) session.policyIds = [msg.defaultPolicy];

    const specialty = session.facts.localSpecialty === undefined ? this.#catalog.sellsSpecialty(text, session.policyIds) : undefined;
    if (specialty) {
      session.facts = parseFacts({ ...session.facts, localSpecialty: true });
      session.said = { ...session.said, localSpecialty: specialty };
    }
    // "从新疆进的红枣", "卖的广西砂糖橘": goods of a place elsewhere are no local produce, unless this message says otherwise.
    if (broughtIn && !specialty) {
      session.facts = parseFacts({ ...session.facts, localSpecialty: false });
      session.said = { ...session.said, localSpecialty: broughtIn };
    }
    const registered = registeredWhere(places, session.policyIds, mentioned.length > 0, session.facts.registeredLocally !== undefined);
    if (registered) {
      session.facts = parseFacts({ ...session.facts, registeredLocally: registered.local });
      session.said = { ...session.said, registeredLocally: registered.said };
    }

    // A figure no applicant could have is asked back before anything is computed with it.
    if (extraction.doubtful.length > 0) {
      session.unconfirmed = extraction.doubtful;
      // The facts asked about first: a bare figure in reply ("是150万") answers the question as worded.
      session.awaiting = [...extraction.doubtful.filter((d) => !d.askedWith), ...extraction.doubtful.filter((d) => d.askedWith)].map((d) => d.fact);
      session.updatedAt = Date.now();
      await this.#sessions.set(key, session);
      const body = extraction.doubtful.filter((d) => !d.askedWith).map((d) => render(d.meant === undefined ? t.needsInfo.implausible : t.needsInfo.unitless, { said: d.said, fact: factLabel(d.fact) })).join("\n");
      return this.#finish(msg, text, { status: "needs_info", notes, policies: [], results: [], missing: session.awaiting, asOf, body, bare: true, said: session.said }, session.facts);
    }

    const hasNewFacts = Object.keys(extraction.facts).length > 0 || places.registration !== undefined || broughtIn !== undefined;
    // "六安的" answering where: a city that holds a covered region is a place of ours, and where is asked again.
    const holding = mentioned.length === 0 ? places.outside.filter((p) => p.contains.length > 0) : [];
    const namesHolding = holding.length > 0 && namesOnlyPlaces(text, holding);
    let intent = classifyIntent(text, {
      mentionsRegion: mentioned.length > 0 || namesHolding,
      namesOnlyRegion: namesHolding || namesOnlyPlaces(text, places.mentions),
      mentionsSeveralRegions: mentioned.length > 1,
      hasNewFacts,
      statesFigures: measures.length > 0,
      // A topic word, or a clause of the region's document that plainly relates, makes the message ours.
      matchesRuleKeyword: this.#catalog.matchesAnyKeyword(text) || (session.policyIds.length > 0 && this.#catalog.relatedClause(text, session.policyIds) !== undefined),
      previous: session.lastIntent as Intent | undefined,
      goodsOrigin: broughtIn,
    });
    // Facts after a question how it works or how to apply ("咋申请" then "我2020年办的公司…") ask what they give.
    if (intent === "followUp") intent = (session.lastIntent === "explain" || session.lastIntent === "apply") && hasNewFacts ? "amount" : ((session.lastIntent as Intent) ?? "amount");

    let reply: Reply;
    switch (intent) {
      case "help":
        return this.#plain("out_of_scope", this.helpText());
      case "thanks":
        // A courtesy inside the conversation is answered, not out of scope (shared/spec/ask.md: out_of_scope = not about these policies).
        return this.#plain("answered", t.thanks);
      case "outOfScope":
        return this.#plain("out_of_scope", this.#catalogText(t.outOfScope));
      case "validity":
        reply = { input: this.#validity(session, notes, asOf) };
        break;
      case "compare":
        reply = { input: this.#compare(text, session, notes, asOf) };
        break;
      case "apply":
        reply = this.#apply(text, session, notes, asOf);
        break;
      default:
        reply = this.#amountOrExplain(intent, text, session, notes, asOf);
    }
    // "两个奖能不能都拿": what the document says about holding several awards, beside whatever else is answered.
    if ((intent === "amount" || intent === "explain") && STACKING.test(text)) {
      const said = this.#catalog.exclusiveOf(session.policyIds, new Set(reply.topic ?? []));
      const region = session.policyIds.map((id) => placeName(this.#policy(id)!)).join("、");
      const lines = said.map((c) => render(t.stacking, { region, quote: c.quote }));
      if (said.length > 0 && reply.input.status === "needs_info") {
        // The question asked is answered by the text; the provisions it names are quoted, nothing is asked.
        const asked = reply.input.results.map((r) => ({ clause: r.clause, quote: r.quote }));
        reply = { ...reply, awaiting: [], input: { ...reply.input, status: "answered", results: [], missing: [], body: lines.join("\n"), bare: false, extraCitations: [...asked, ...said] } };
      } else if (said.length > 0) {
        reply.input = { ...reply.input, notes: [...reply.input.notes, ...lines], extraCitations: [...(reply.input.extraCitations ?? []), ...said] };
      }
    }
    session.lastIntent = intent;
    if (reply.topic) session.topic = reply.topic;
    session.awaiting = reply.awaiting ?? missingOf(reply.input);
    const open = reply.input.status === "needs_info" ? reply.input.results.flatMap((r) => r.missing) : [];
    session.open = [...new Set(open)].filter((f) => !session.awaiting.includes(f) && f in FACTS && MEASURE_UNITS.has(FACTS[f as FactName].unit));
    session.updatedAt = Date.now();
    await this.#sessions.set(key, session);
    return this.#finish(msg, text, { ...reply.input, said: session.said }, session.facts);
  }

  /** Word the answer (template, or a model's rewording that passed the guard) and apply review mode. */
  async #finish(msg: IncomingMessage, text: string, input: ComposeInput, facts: Facts): Promise<BotReply> {
    const t = this.#templates;
    input = settleStatus({ ...input, generalConditions: this.#catalog.generalConditions(input.policies.map((p) => p.id)) });
    const templateBody = composeBody(input, t);
    let body = templateBody;
    let source: BotReply["source"] = "template";
    if (this.#options.phraser && input.status === "answered" && input.results.length > 0) {
      const amountsFen = input.results.filter((r) => r.eligible === true && r.amountFen !== null).map((r) => r.amountFen!);
      const phrased = await this.#options.phraser.phrase({
        question: text,
        body: templateBody,
        amountsFen,
        grounding: {
          userTexts: [describeFactValues(facts, input.said)],
          quotes: input.results.map((r) => r.quote),
          amountsFen,
          extraTexts: input.results.flatMap((r) => [...r.trace, ...r.conditions]),
        },
      });
      body = phrased.text;
      source = phrased.source;
    }
    const documentCitations = input.policies.flatMap((p) => this.#catalog.documentNumberCitation(p.id) ?? []);
    const answer = composeAnswer({ ...input, documentCitations }, t, body);
    const review = this.#options.review;
    return review && (await review.isReviewed(msg.channel, msg.chatId)) ? holdForReview(review, msg, facts, answer, source) : { toAsker: answer.text, answer, source };
  }

  #validity(session: Session, notes: string[], asOf: string): ComposeInput {
    const t = this.#templates;
    const policies = session.policyIds.map((id) => this.#policy(id)!).filter(Boolean);
    if (policies.length === 0) {
      const regions = this.#catalog.policies.map(placeName).join("、");
      return { status: "needs_info", notes, policies: [], results: [], missing: ["region"], asOf, body: render(t.needsInfo.askRegionAll, { regions }), bare: true };
    }
    const extraCitations: Citation[] = policies.flatMap((p) => this.#catalog.validityCitation(p.id) ?? []);
    return {
      status: "answered",
      notes,
      policies,
      results: [],
      missing: [],
      asOf,
      body: policies.map((p) => validityAnswer(p, t, asOf)).join("\n"),
      extraCitations,
      noStatus: true,
    };
  }

  #compare(text: string, session: Session, notes: string[], asOf: string): ComposeInput {
    const t = this.#templates;
    const ids = session.policyIds.length > 1 ? session.policyIds : this.#catalog.policies.map((p) => p.id);
    const policies = ids.map((id) => this.#policy(id)!).filter(Boolean);
    const results: AwardResult[] = [];
    for (const policy of policies) {
      const chosen = this.#choose(text, session, [policy.id], asOf);
      const awards = chosen.results.filter((r) => !this.#catalog.isGate(r));
      // The region's best award; failing that, the provision it would turn on once a fact is known.
      const best =
        awards.filter((r) => r.eligible === true && (r.amountFen ?? 0) > 0).sort((a, b) => b.amountFen! - a.amountFen!)[0] ??
        awards.find((r) => chosen.focusKeys.has(resultKey(r)) && isUndecided(r));
      if (best) results.push(best);
    }
    const shown = policies.filter((p) => results.some((r) => r.policy === p.id));
    const without = policies.filter((p) => !shown.includes(p)).map(placeName);
    return {
      status: "answered",
      notes: [...notes, results.length > 0 ? t.compare.intro : t.compare.none],
      policies: shown,
      results,
      missing: [],
      asOf,
      ...activityOf(session.facts),
      trailer: results.length > 0 && without.length > 0 ? render(t.compare.noneFor, { regions: without.join("、") }) : undefined,
    };
  }

  /**
   * A condition the engine would count as met while unknown, of which the user said something no reader
   * understood ("园区那边我们没去"): the provision is left undecided, the condition asked for in their words.
   * Kept in the session until the user states the fact.
   */
  #holdUnread(text: string, session: Session, results: AwardResult[], notes: string[], shownKeys: ReadonlySet<string>): ReadonlySet<FactName> {
    const rules = new Map(this.#catalog.rulesOf(session.policyIds).map((r) => [ruleKey(r), r]));
    const assumedOf = (r: AwardResult) => (rules.get(resultKey(r))?.assumed ?? []).filter((f) => session.facts[f] === undefined);
    const open = results.filter((r) => r.eligible !== false);
    const unread: NonNullable<Session["unread"]> = {};
    for (const [fact, u] of Object.entries(session.unread ?? {})) if (session.facts[fact as FactName] === undefined) unread[fact] = u;
    for (const u of unreadStatements(text, [...new Set(open.flatMap(assumedOf))])) unread[u.fact] ??= { said: u.said, kind: u.kind };
    session.unread = unread;
    const asked = new Set<FactName>();
    for (const r of open) {
      const held = assumedOf(r).filter((f) => f in unread);
      if (held.length === 0) continue;
      r.eligible = null;
      r.missing = [...held, ...r.missing.filter((f) => !held.includes(f))];
      for (const f of held) {
        r.trace.push(`${factLabel(f)}：你说“${unread[f]!.said}”，未按成立计算`);
        // Asked in the reply only for a provision the reply is about.
        if (shownKeys.has(resultKey(r))) asked.add(f);
      }
    }
    const t = this.#templates.needsInfo;
    for (const f of asked) notes.push(render(unread[f]!.kind === "negated" ? t.unreadNegated : t.unreadDoubted, { said: unread[f]!.said, fact: factLabel(f) }));
    return asked;
  }

  /**
   * Score the rules of `policyIds` for this question, evaluate the relevant ones, and say which the
   * question is about (focus) and which others the user's own measures make worth mentioning (extras).
   */
  #choose(text: string, session: Session, policyIds: readonly string[], asOf: string) {
    // Clause notes (a fund, a loan, praise…) compete with the rules: the best-scored one may be the answer.
    const rules = this.#catalog.rulesOf(policyIds);
    const candidates = [...rules, ...this.#catalog.notesOf(policyIds)];
    // Every rule's qualifiers (C2C, 特产, 推广…) as the user's facts decide them: they tell siblings apart.
    const checks = this.#catalog.checks(policyIds, session.facts, asOf, rules);
    const scored = scoreRules({
      text,
      facts: session.facts,
      retrieved: this.#catalog.retrieve(text, policyIds),
      rules: candidates,
      topic: session.topic,
      topics: topicsIn(text),
      quotedAmounts: session.claim ? [session.claim.fen] : [],
      checks,
    });
    const isNote = (s: ScoredRule) => this.#catalog.note(ruleKey(s.rule)) !== undefined;
    const top = focusOf(scored.filter(isRelevant))[0];
    // A note needs evidence beyond the meaning search alone: its words or line of business (the user's
    // words, not a guess), or its clause leading both searches.
    // A drafted rule's note is also named by the measures it reads that the user gave (factFit).
    const noteOf = (s: ScoredRule) => ({ ...this.#catalog.note(ruleKey(s.rule))!, named: s.keywordWeight > 0 || s.topicWeight > 0 || s.factFit > 0 });
    const candidate = top && isNote(top) ? noteOf(top) : undefined;
    // A note that only explains (a definition), named only by a line of business (the platforms it lists),
    // yields to a clause of no provision of its own leading both searches ("跟抖音京东有没有合作 能对接流量不" →
    // 政企合作, not 电商特色村's definition).
    const byLineOnly = candidate?.named && EXPLAINS_ONLY.has(candidate.kind) && top!.keywordWeight === 0 && top!.factFit === 0;
    const related = candidate && (!candidate.named || byLineOnly) ? this.#catalog.relatedClause(text, policyIds) : undefined;
    const bare = related !== undefined && related.id !== candidate!.clause && !candidates.some((r) => r.clause === related.id || isInside(r.clause, related.id));
    const relevant = scored.filter((s) => isRelevant(s) && !isNote(s));
    // A note only the searches propose does not displace a provision the user's own figures feed ("网零2亿5千万 能补多少").
    const fed = relevant.some((s) => s.factFit > 0);
    const note = candidate && (candidate.named ? !bare : related?.id === candidate.clause && !fed) ? candidate : undefined;
    const focus = focusOf(relevant);
    // "承办了一场直播带货大赛": the chosen provision's own activity, in looser words than the vocabulary's.
    const loose = looselyNamed(text, focus.map((s) => s.rule), session.facts);
    if (loose) {
      session.facts = parseFacts({ ...session.facts, [loose.fact]: loose.value });
      session.said = { ...session.said, [loose.fact]: loose.said };
    }
    // A note of a focus provision's own clause that the question names by its words ("配送中心 用地上有啥说法").
    const best = Math.max(...focus.map((s) => s.score));
    const companions = scored
      .filter((s) => isNote(s) && s.keywordWeight > 0 && s.score >= best - FOCUS_MARGIN && focus.some((f) => f.rule.clause === s.rule.clause))
      .map((s) => this.#catalog.note(ruleKey(s.rule))!);
    const entity = session.facts.entityType;
    // Another provision is worth a line only when the user's own figures feed it and it is for them.
    const extras = relevant.filter((s) => s.factFit >= 0.5 && (s.rule.entityTypes.length === 0 || (entity !== undefined && s.rule.entityTypes.includes(entity))));
    const results = this.#catalog.evaluate(policyIds, session.facts, asOf, relevant.map((s) => s.rule), guessedFacts(session));
    return {
      results,
      focus,
      focusKeys: new Set(focus.map((s) => ruleKey(s.rule))),
      extraKeys: new Set(extras.map((s) => ruleKey(s.rule))),
      /** The question names or feeds something specific (not only retrieval's best guess or a line of business). */
      specific: focus.some(names),
      /** The clause note that scored above every rule: the question is about a clause without an award. */
      note,
      /** Notes of the focus provisions' clauses the question names besides them. */
      companions,
    };
  }

  /** The sentence of a focus provision's clause that sets the whole area's budget, its limit phrases and its citation. */
  #areaBudget(focus: readonly AwardResult[]): { phrases: string[]; citation: Citation } | undefined {
    for (const r of focus.slice(0, 2)) {
      const clause = this.#catalog.clause(r.clause);
      const sentence = clause && sentencesOf(clause.text).find((x) => AREA_WORDS.test(x) && limitPhrases(x, "area").length > 0);
      if (sentence) return { phrases: limitPhrases(sentence, "area").filter((p) => AREA_WORDS.test(p)), citation: { clause: r.clause, quote: sentence } };
    }
    return undefined;
  }

  /**
   * "河口区孤岛镇的一个村 2021年市里认定的", "我们镇2022年被市里认定了 能拿多少": recognised, no title named, while the
   * provisions asked about need one — the one title of theirs the asker's kind can hold is the asker's.
   */
  #adoptTitleStated(text: string, session: Session, focus: readonly ScoredRule[]): boolean {
    const stated = statesRecognition(text);
    if (!stated) return false;
    const rules = focus.map((s) => this.#catalog.rule(s.rule.policy, s.rule.id)).filter((r) => r !== undefined);
    let adopted = false;
    for (const fact of new Set(rules.flatMap((r) => Object.keys(r.accepts) as FactName[]))) {
      if (!isTitleFact(fact) || session.facts[fact] !== undefined) continue;
      const value = titleAsked(fact, rules, session.facts.entityType as string | undefined);
      if (value === undefined) continue;
      session.facts = parseFacts({ ...session.facts, [fact]: value });
      session.said = { ...session.said, [fact]: stated };
      adopted = true;
    }
    return adopted;
  }

  #amountOrExplain(intent: Intent, text: string, session: Session, notes: string[], asOf: string): Reply {
    const t = this.#templates;
    if (session.policyIds.length === 0) {
      const all = this.#catalog.policies.map((p) => p.id);
      const { focus, specific } = this.#choose(text, session, all, asOf);
      const matching = specific ? [...new Set(focus.filter(names).map((s) => s.rule.policy))] : [];
      const regions = (matching.length > 0 ? matching : all).map((id) => placeName(this.#policy(id)!)).join("、");
      const body = render(matching.length > 0 ? t.needsInfo.askRegion : t.needsInfo.askRegionAll, { regions });
      return {
        input: { status: "needs_info", notes, policies: [], results: [], missing: ["region"], asOf, body, bare: true },
        topic: specific ? focus.map((s) => ruleKey(s.rule)) : [],
      };
    }
    const policies = session.policyIds.map((id) => this.#policy(id)!).filter(Boolean);
    // "两中心一站点是指啥", "淘宝村要够啥标准": the clause defining the term, not a provision sharing a word with it.
    // A standard asked with the asker's figures ("网上卖多少才够", "3200万 这够淘宝镇的条件不") is still the
    // definition's; a question for money ("评上了给多少钱") is the award's.
    const term =
      intent === "explain" && !asksAmount(text)
        ? this.#catalog.termAsked(text, session.policyIds)
        : (intent === "explain" || intent === "amount") && !asksMoney(text)
          ? this.#catalog.termAsked(text, session.policyIds, true)
          : undefined;
    const defining = term && this.#catalog.clause(term.clauseId);
    if (term && defining) return { input: this.#informClause(defining, text, policies, notes, asOf, session, definingPassage(defining.text, term)), topic: [] };
    const said = this.#documentSentence(text, session, policies, notes, asOf);
    if (said) return { input: said, topic: [] };
    const elsewhere = this.#noProvision(text, session, policies, notes, asOf);
    if (elsewhere) return { input: elsewhere, topic: [] };
    let chosen = this.#choose(text, session, session.policyIds, asOf);
    if (this.#adoptTitleStated(text, session, chosen.focus)) chosen = this.#choose(text, session, session.policyIds, asOf);
    const { results, focus, focusKeys, extraKeys, specific, note, companions } = chosen;
    const askedUnread = this.#holdUnread(text, session, results, notes, new Set([...focusKeys, ...extraKeys]));
    // "土建花了200万 能按50%补吗": what a provision's clause excludes, named by the user, is said not to be paid.
    for (const s of focus) {
      const excluded = s.rule.excluded && exclusionNamed(text, s.rule.excluded);
      if (excluded) notes.push(render(t.excludedNamed, { title: s.rule.title, words: excluded.words, item: excluded.item }));
    }
    // What the clause also says without money, when the question names it: before the provision, quoted.
    const withCompanions = (input: ComposeInput): ComposeInput => {
      if (companions.length === 0) return input;
      const lines = companions.flatMap((n) => this.#noteLines(n, placeName(this.#policy(n.policy)!)));
      return { ...input, notes: [...input.notes, ...lines], extraCitations: [...(input.extraCitations ?? []), ...companions.map((n) => ({ clause: n.clause, quote: n.quote }))] };
    };
    // A list request is an overview unless it names the clause; beside a provision the question names, a
    // clause that only explains (a definition, a procedure…) answers only a request for an explanation.
    // "快递物流配送这块 文件里咋说的": what the document says, where the clause both searches lead with holds no
    // provision (the provisions sharing its subject are named after it).
    const documentSaid = this.#documentSays(text, session, focus);
    if (documentSaid) {
      const input = this.#informClause(documentSaid.clause, text, policies, notes, asOf, session, documentSaid.passage);
      return { input: { ...input, body: [input.body, ...documentSaid.lines].join("\n"), wholeQuotes: true }, topic: [] };
    }
    const noteAnswers = note && (note.named || !OVERVIEW.test(text)) && !(specific && intent !== "explain" && EXPLAINS_ONLY.has(note.kind));
    if (noteAnswers) return { input: this.#inform(note, text, policies, notes, asOf, session), topic: [ruleKey(note)] };
    if (!specific) {
      // "外贸企业出口转内销有啥政策", "直播电商创业大赛一年搞几回": a clause without a provision that plainly
      // relates is the answer, not the list nor a provision that only shares a line of business.
      const related = this.#catalog.relatedClause(text, session.policyIds);
      // (A clause with a note answers only when the question uses its words, handled above.)
      const covered = (clause: string) => related && (clause === related.id || clause.startsWith(`${related.id}/`) || related.id.startsWith(`${clause}/`));
      const holdsRules = this.#catalog.rulesOf(session.policyIds).some((r) => covered(r.clause));
      // The best provision, of a line of business the user named, beats a clause that speaks of none of the
      // lines they share ("这么大的项目有没有特殊的扶持办法": 一事一议, not the office space retrieval ranks first).
      const lead = focus[0];
      const named = related && lead && lead.topicWeight > 0 ? topicsIn(text).filter((id) => lead.rule.topics?.includes(id)) : [];
      const offLine = named.length > 0 && !topicsIn(related!.text).some((id) => named.includes(id));
      if (related && !holdsRules && !offLine && !this.#asksForList(text)) return { input: this.#informClause(related, text, policies, notes, asOf, session), topic: [] };
      if (OVERVIEW.test(text)) return { input: this.#overview(policies, session, notes, asOf), topic: [] };
    }
    const isGate = (r: AwardResult) => this.#catalog.isGate(r);
    // The provisions asked about, best-scored first; gates only ever block, they are not an answer.
    const byKey = new Map(results.map((r) => [resultKey(r), r]));
    const focusResults = focus.flatMap((s) => byKey.get(ruleKey(s.rule)) ?? []).filter((r) => !isGate(r));
    const gateFailures = results.filter((r) => isGate(r) && r.eligible === false);
    const topic = focusResults.map(resultKey);

    // An amount the user claims is checked against the engine: on their own figures when they gave any
    // (`awards` then speaks only of them), else against the provision as the text gives it.
    const claim = session.claim;
    const checkClaim = (results: AwardResult[]) => {
      if (!claim || results.length === 0) return;
      const line = this.#checkClaim(claim, results);
      notes.unshift(line.text);
      if (line.settled) delete session.claim;
    };
    const ownFigures = claim !== undefined && hasMeasures(session.facts);
    // "示范企业奖励是多少": the question names what the provision requires; the text answers it, then asks.
    const namedOnly = (r: AwardResult) => r.missing.some((f) => f in (session.askedAbout ?? {}));
    // "一场最多给多少" before any figure of the asker's: the clause's own limits answer it.
    // The whole area's budget is the document's, whatever the asker's standing ("全市一共多少额度").
    const maximum = focusResults.every(isUndecided) || (areaTotalAsked(text) && !hasMeasures(session.facts)) ? maximumAsked(text) : null;
    if (focusResults.length > 0 && !ownFigures && (intent === "explain" || maximum !== null || (focusResults.every(isUndecided) && (looksLikeClaim(text) || focusResults.some(namedOnly))))) {
      // "这钱是市里出还是县区出" asks who pays, not what the asker gets.
      const limits = maximum === null ? [] : [...new Set(focusResults.slice(0, 2).flatMap((r) => limitPhrases(r.quote, maximum)))];
      // "两项奖励金额全市不超过100万元": an area's budget is often a sentence of the clause beyond the provision's quote.
      const budget = maximum === "area" && !limits.some((l) => AREA_WORDS.test(l)) ? this.#areaBudget(focusResults) : undefined;
      if (budget) limits.unshift(...budget.phrases);
      if (limits.length > 0) notes.unshift(render(t.explain.limits, { limits: limits.map((l) => `“${l}”`).join("，") }));
      const explained = this.#explain(focusResults, text, session, policies, notes, asOf, (asksAmount(text) && !asksWhoPays(text)) || hasMeasures(session.facts));
      const cited = (c: Citation) => (explained.extraCitations ?? []).some((x) => x.clause === c.clause && x.quote === c.quote);
      const input = budget && !cited(budget.citation) ? { ...explained, extraCitations: [...(explained.extraCitations ?? []), budget.citation] } : explained;
      checkClaim(input.results);
      input.figureAnswers = claim !== undefined;
      return { input: withCompanions(input), topic, awaiting: [...new Set(focusResults.flatMap((r) => r.missing))].slice(0, ASK_AT_MOST) };
    }
    checkClaim(focusResults);

    const shown = pickShown(results, focusKeys, extraKeys, isGate);
    const undecided = focusResults.filter(isUndecided);
    // Nothing decided to say yet: ask for what the best-matching provision still needs.
    if (gateFailures.length === 0 && undecided.length > 0 && (focusResults.every(isUndecided) || shown.length === 0)) {
      const best = undecided[0]!;
      const topicName = undecided.length === 1 ? best.title : t.needsInfo.topicFallback;
      const known = describeFactValues(session.facts, session.said);
      // An approximate figure that leaves the answer open: ask for the exact one, naming what it decides.
      const exact = askExactFigure(best, t);
      const missing = exact ? exact.missing.slice(0, ASK_AT_MOST) : best.missing.slice(0, ASK_AT_MOST);
      // The conditions asked about in the user's words above need no second question.
      const ask = exact ? exact.text : missing.every((f) => askedUnread.has(f as FactName)) ? render(t.needsInfo.askAbove, { topic: topicName }) : render(t.needsInfo.ask, { topic: topicName, facts: missingLabels(missing) });
      const body = [known ? render(t.needsInfo.alsoKnown, { facts: known }) : "", this.#cases(undecided), exact ? "" : inUserWords(otherRouteNote(best, t) ?? "", session.said ?? {}), ask].filter(Boolean).join("\n");
      return { input: withCompanions({ status: "needs_info", notes, policies, results: undecided, missing, asOf, ...activityOf(session.facts), body }), topic };
    }
    // Every decided provision fails while one the question is about waits for a fact: ask for it beside the ❌.
    const open = undecided.find((r) => !shown.includes(r));
    if (open && gateFailures.length === 0 && shown.length > 0 && shown.every((r) => r.eligible === false)) shown.push(open);

    if (shown.length === 0) {
      // After a region switch: say plainly that this region's document has no counterpart.
      const previous = this.#catalog
        .rulesOf(this.#catalog.policies.map((p) => p.id))
        .filter((r) => session.topic.includes(ruleKey(r)) && !session.policyIds.includes(r.policy));
      if (previous.length > 0) {
        const region = policies.map(placeName).join("、");
        const body = render(t.needsInfo.noCounterpart, { region, titles: [...new Set(previous.map((r) => r.title))].join("、") });
        return { input: { status: "answered", notes, policies, results: [], missing: [], asOf, body, noStatus: true }, topic: session.topic };
      }
      // No provision, but a clause of the text plainly relates: quote it and say what it means.
      const related = this.#catalog.relatedClause(text, session.policyIds);
      if (related) return { input: this.#informClause(related, text, policies, notes, asOf, session), topic };
      // Nothing this question points at: ask about the user's situation rather than answer with nothing.
      const missing = session.facts.entityType === undefined ? ["entityType"] : [];
      return { input: { status: "needs_info", notes, policies, results: [], missing, asOf, body: t.needsInfo.askSituation, bare: true }, topic };
    }
    return {
      input: withCompanions({ status: "answered", notes, policies, results: shown, missing: [], asOf, ...activityOf(session.facts) }),
      topic,
    };
  }

  /**
   * What the question asks that the quotes shown do not answer, when a sentence of their clause does ("综合评定
   * 多久搞一次" → "每年进行综合考核", "这钱市里出还是县区出" → "分级负担"): that sentence, quoted verbatim.
   */
  #sentencesBeyond(clauseIds: readonly string[], quoted: readonly string[], text: string): Citation[] {
    // The region's name ("聊城" in "聊城市建设分拨中心") points at no sentence.
    text = this.#withoutRegionNames(text);
    // A long quote is shown shortened: what it cuts off is not shown.
    quoted = quoted.map((q) => shortQuote(q).replace(/…$/, ""));
    return clauseIds.flatMap((id) => {
      const clause = this.#catalog.clause(id);
      const sentence = clause && sentenceBeyond(clause.text, quoted, text);
      return sentence ? [{ clause: id, quote: sentence }] : [];
    });
  }

  /**
   * A question for what the document says about a subject ("文件里咋说的", "政策里咋说") with no figure of the
   * asker's and no amount asked: the clause both searches lead with, when it holds no provision (nor a note) and
   * the user's figures feed none in focus. Its whole text when short, with the provisions in focus, which pay
   * for the subject, named after it.
   */
  #documentSays(text: string, session: Session, focus: readonly ScoredRule[]): { clause: Clause; passage?: string; lines: string[] } | undefined {
    if (!ASKS_DOCUMENT.test(text) || hasMeasures(session.facts) || asksAmount(text)) return undefined;
    if (focus.some((s) => s.factFit > 0 || s.quotesAmount)) return undefined;
    const clause = this.#catalog.relatedClause(text, session.policyIds);
    if (!clause) return undefined;
    const inside = (id: string) => id === clause.id || isInside(id, clause.id) || isInside(clause.id, id);
    const candidates = [...this.#catalog.rulesOf(session.policyIds), ...this.#catalog.notesOf(session.policyIds)];
    if (candidates.some((r) => inside(r.clause))) return undefined;
    const titles = [...new Set(focus.filter((s) => !this.#catalog.note(ruleKey(s.rule)) && !/\d/.test(s.rule.title)).map((s) => s.rule.title))];
    const region = placeName(this.#policy(clause.policyId)!);
    const lines = titles.length > 0 ? [render(this.#templates.inform.alsoProvisions, { titles: titles.map((x) => `「${x}」`).join("、"), example: `${region}${titles[0]}` })] : [];
    // The whole clause when short (shown whole: the question asks what the text says), else the sentence the
    // question clearly points at.
    const pointed = () => sentencePointedAt(text, sentencesOf(clause.text).map((sentence) => ({ sentence }))).best?.sentence;
    return { clause, passage: clause.text.length <= DOCUMENT_PASSAGE_MAX ? clause.text : pointed(), lines };
  }

  /** "平阴有哪些电商扶持政策": a list request with nothing beside the region and words every such request uses. */
  #asksForList(text: string): boolean {
    if (!OVERVIEW.test(text)) return false;
    return this.#withoutRegionNames(text.replace(OVERVIEW, "")).replace(LIST_WORDS, "").length <= 2;
  }

  #withoutRegionNames(text: string): string {
    for (const name of this.#regionNames) if (text.includes(name)) text = text.split(name).join(" ");
    return text;
  }

  /**
   * "茌平 村级服务站有补贴吗": the line of business asked about has no provision in the region's document.
   * Said plainly, with the covered regions whose documents do have one, rather than answering with an
   * unrelated provision. Only for a question naming no figure of the asker's (those choose a provision
   * by what they measure); a clause of the region that mentions the subject without money is quoted.
   */
  #noProvision(text: string, session: Session, policies: PolicyInfo[], notes: string[], asOf: string): ComposeInput | undefined {
    const named = topicsIn(text);
    const here = session.policyIds;
    if (named.length === 0 || this.#readsMeasureGiven(here, session.facts)) return undefined;
    if (named.some((topic) => this.#catalog.aboutTopic(here, topic).length > 0)) return undefined;
    // "重大项目能一事一议不": a provision of the region named by its own words answers it.
    if (this.#catalog.rulesOf(here).some((r) => r.keywords.some((k) => text.includes(k)))) return undefined;
    const others = this.#catalog.policies.map((p) => p.id).filter((id) => !here.includes(id));
    const topic = named.find((id) => this.#catalog.aboutTopic(others, id).some((r) => !this.#catalog.note(ruleKey(r))));
    if (!topic) return undefined;
    const t = this.#templates;
    const label = topics().find((x) => x.id === topic)!.label;
    const provisions = this.#catalog.aboutTopic(others, topic).filter((r) => !this.#catalog.note(ruleKey(r))).slice(0, ELSEWHERE_AT_MOST);
    const list = provisions.map((r) => `${placeName(this.#policy(r.policy)!)}「${r.title}」（${clauseLabel(r.clause)}）`).join("、");
    const example = `${placeName(this.#policy(provisions[0]!.policy)!)}${provisions[0]!.title}`;
    const lines = [render(t.noProvision, { region: policies.map(placeName).join("、"), topic: label }), render(t.provisionElsewhere, { list, example })];
    // A title's own figure ("首批入驻1688平台…") stands in its clause, quoted so the number is the text's.
    const extraCitations = provisions.filter((r) => findNumbers(r.title).some((m) => !isExemptNumber(m))).map((r) => ({ clause: r.clause, quote: r.quote }));
    const citedPolicies = [...new Set(extraCitations.map((c) => c.clause.slice(0, c.clause.indexOf(":"))))].map((id) => this.#policy(id)!);
    // The region's text may still speak of it (a direction without money): quote that sentence.
    const related = this.#catalog.relatedClause(text, here);
    if (related && topicsIn(related.text).includes(topic)) {
      const input = this.#informClause(related, text, policies, notes, asOf, session);
      return { ...input, notes: [...input.notes, ...lines], extraCitations: [...(input.extraCitations ?? []), ...extraCitations], citedPolicies };
    }
    // Else the sentence nearest the question, among those of the clauses retrieval found that speak of it
    // without money ("开展分层电商培训", beside a talent award).
    const speaking = this.#catalog.retrieve(text, here).flatMap((id) => {
      const clause = this.#catalog.clause(id);
      return clause ? sentencesOf(clause.text).filter((x) => topicsIn(x).includes(topic) && !givesStatedMoney(x)).map((quote) => ({ clause, quote })) : [];
    });
    if (speaking.length > 0) {
      const nearest = nearestSentence(speaking.map((x) => x.quote).join("\n"), text);
      const { clause } = speaking.find((x) => x.quote === nearest) ?? speaking[0]!;
      const title = clause.title || clause.headingPath.filter(Boolean).at(-1) || clauseLabel(clause.id);
      const body = [render(t.inform.heading, { region: policies.map(placeName).join("、"), title }), t.clauseKind.direction, ...lines].join("\n");
      return { status: "answered", notes, policies, results: [], missing: [], asOf, body, extraCitations: [{ clause: clause.id, quote: nearest }, ...extraCitations], citedPolicies };
    }
    return { status: "answered", notes, policies, results: [], missing: [], asOf, body: lines.join("\n"), extraCitations, citedPolicies };
  }

  /** Some rule of these policies reads a measure the user gave (a figure that chooses a provision). */
  #readsMeasureGiven(policyIds: readonly string[], facts: Facts): boolean {
    const given = (Object.keys(facts) as FactName[]).filter((f) => MEASURE_UNITS.has(FACTS[f].unit));
    return given.length > 0 && policyIds.some((id) => given.some((f) => this.#catalog.factsNamed(id).has(f)));
  }

  /**
   * What the engine says to an amount the user claims: it is right, it is not (the engine's amount instead),
   * the provision does not apply, or it depends on facts still missing. `settled`: the claim got its answer.
   */
  #checkClaim(claim: Claim, focus: AwardResult[]): { text: string; settled: boolean } {
    const t = this.#templates.claim;
    const example = (r: AwardResult) => r.trace[0] === EXAMPLE_TRACE;
    const fill = (template: string, r: AwardResult) => {
      // The text's figure for a worked example is a limit or a sum of the provision, not the asker's award.
      const [upTo, exact] = example(r) ? [t.limit, t.fixed] : [this.#templates.award.upTo, this.#templates.award.exact];
      const amount = r.amountFen === null ? "" : render(r.upTo ? upTo : exact, { amount: formatFen(r.amountFen) });
      return render(template, { claim: claim.words, title: r.title, amount, missing: missingLabels(r.missing) });
    };
    const decided = focus.filter((r) => r.eligible === true && r.amountFen !== null);
    const same = decided.find((r) => r.amountFen === claim.fen);
    if (same) return { text: fill(example(same) ? t.exampleMatches : t.matches, same), settled: true };
    if (decided[0]) return { text: fill(example(decided[0]) ? t.exampleDiffers : t.differs, decided[0]), settled: true };
    // "开店第一年卖了八笔 能拿1000块不": the claim is the amount of the provision that failed, not of another still open.
    const states = (r: AwardResult) => this.#catalog.rule(r.policy, r.rule)?.amountsFen.includes(claim.fen) ?? false;
    const failedStating = focus.find((r) => r.eligible === false && states(r));
    if (failedStating && !focus.some((r) => r.eligible !== false && states(r))) return { text: fill(t.notEligible, failedStating), settled: true };
    const open = focus.find((r) => r.eligible === null || r.missing.length > 0);
    // A clause stating several sums (1万 or 2万 by tier) waiting on a measure may give another one.
    const tiered = (r: AwardResult) => this.#catalog.hasTiers(r.policy, r.rule) && r.missing.some((f) => f in FACTS && MEASURE_UNITS.has(FACTS[f as FactName].unit));
    if (open?.amountFen != null && !tiered(open)) {
      // A fixed sum does not wait on the missing facts: the claim is answered now, eligibility later.
      const amount = render(open.upTo ? t.limit : t.fixed, { amount: formatFen(open.amountFen) });
      const template = open.amountFen === claim.fen ? t.undecidedMatches : t.undecidedDiffers;
      return { text: render(template, { claim: claim.words, title: open.title, amount, missing: missingLabels(open.missing) }), settled: true };
    }
    if (open) return { text: fill(t.undecided, open), settled: false };
    const failed = focus.find((r) => r.eligible === false);
    if (failed) return { text: fill(t.notEligible, failed), settled: true };
    return { text: fill(t.noAmount, focus[0]!), settled: true };
  }

  /**
   * Provisions of one clause the question may mean (B2B/B2C and C2C of 叶集 五14): whom each is for, in the
   * clause's words, so the user can say which they are. Empty unless several siblings are open.
   */
  #cases(open: AwardResult[]): string {
    const siblings = open.filter((r) => r.clause === open[0]?.clause);
    const qualifiersOf = (r: AwardResult) => this.#catalog.rule(r.policy, r.rule)?.qualifiers ?? [];
    // A test every case shares (首次突破) sets none apart.
    const shared = new Set(siblings.length > 0 ? qualifiersOf(siblings[0]!).filter((q) => siblings.every((r) => qualifiersOf(r).includes(q))) : []);
    const lines = siblings.flatMap((r) => {
      const rule = this.#catalog.rule(r.policy, r.rule);
      const who = [...(rule?.entityTypes ?? []).map((e) => ENTITY_TYPES[e]), ...qualifiersOf(r).filter((q) => !shared.has(q))].join("，");
      return who ? [render(this.#templates.needsInfo.case, { title: r.title, who })] : [];
    });
    return lines.length < 2 ? "" : [this.#templates.needsInfo.cases, ...lines].join("\n");
  }

  /**
   * "去哪申请？要啥材料": each policy's procedure as the text states it (who applies, to whom, review steps,
   * deadlines) and what it leaves unstated; without one, that the text states none and the department it
   * names — for a provision asked about, the lead units its own clause names.
   */
  #apply(text: string, session: Session, notes: string[], asOf: string): Reply {
    const t = this.#templates;
    if (session.policyIds.length === 0) {
      const regions = this.#catalog.policies.map(placeName).join("、");
      return { input: { status: "needs_info", notes, policies: [], results: [], missing: ["region"], asOf, body: render(t.needsInfo.askRegionAll, { regions }), bare: true } };
    }
    const policies = session.policyIds.map((id) => this.#policy(id)!).filter(Boolean);
    const said = this.#documentSentence(text, session, policies, notes, asOf);
    if (said) return { input: said, topic: [] };
    const { focus, specific } = this.#choose(text, session, session.policyIds, asOf);
    const lines: string[] = [];
    const citations: Citation[] = [];
    for (const policy of policies) {
      const region = placeName(policy);
      const own = this.#catalog.notesOf([policy.id]);
      const provision = specific ? focus.find((s) => s.rule.policy === policy.id)?.rule : undefined;
      const procedures = own.filter((n) => n.kind === "procedure");
      lines.push(render(procedures.length > 0 ? t.apply.heading : t.apply.noProcedure, { region }));
      for (const n of procedures) {
        // Procedure notes read off the text share their kind's sentence: say it once, quote each clause.
        const plain = n.plain ?? t.clauseKind.procedure;
        if (lines.at(-1) !== plain) lines.push(plain);
        if (n.notStated?.length) lines.push(render(t.inform.notStated, { items: n.notStated.join("、") }));
        citations.push({ clause: n.clause, quote: n.quote });
      }
      if (provision && procedures.length > 0) lines.push(render(t.apply.provision, { title: provision.title }));
      const lead = provision ? this.#catalog.leadUnits(provision.clause) : undefined;
      const contacts = own.filter((n) => n.kind === "contact");
      if (lead) {
        lines.push(render(t.apply.contact, { departments: lead.units }));
        citations.push({ clause: provision!.clause, quote: lead.quote });
      } else if (contacts.length > 0) {
        lines.push(render(t.apply.contact, { departments: contacts.map((n) => n.title).join("、") }));
        citations.push(...contacts.map((n) => ({ clause: n.clause, quote: n.quote })));
      }
    }
    // A sentence the shortened quote of a clause leaves out, when the question points at it ("镇里啥时候之前要初审完"
    // → "每年1月底前…完成上一年度…初审").
    citations.push(...this.#sentencesBeyond([...new Set(citations.map((c) => c.clause))], citations.map((c) => c.quote), text));
    const input: ComposeInput = { status: "answered", notes, policies, results: [], missing: [], asOf, body: lines.join("\n"), extraCitations: citations };
    return { input, topic: specific ? focus.map((s) => ruleKey(s.rule)) : session.topic };
  }

  /**
   * A clause without an award of its own (a fund, a loan, praise, land…): its quote and one plain sentence
   * (the note's own, else its kind's), and for a procedure what the text does not state.
   */
  #inform(note: NoteInfo, text: string, policies: PolicyInfo[], notes: string[], asOf: string, session?: Session): ComposeInput {
    const t = this.#templates;
    const policy = policies.find((p) => p.id === note.policy) ?? policies[0]!;
    // The clause's other notes too ("迁入店铺": praise for counties, and services for the shops that move).
    const same = [note, ...this.#catalog.notesOf([note.policy]).filter((n) => n.clause === note.clause && n.id !== note.id)];
    // What an applicant gets without money (free office space, land, praise) is a provision with no amount;
    // what it requires (一次性投资2000万元以上) is checked against the user's facts.
    const grants = new Map(same.filter((n) => GRANTS_NO_MONEY.has(n.kind)).map((n) => [n, this.#catalog.grantWithoutAmount(n, asOf, session?.facts)]));
    const verdict = (r: AwardResult | undefined) => {
      if (!r || r.eligible === null) return [];
      // The verdict line states the user's figure in their own words ("投资额 一千五百万 < 2000万元"), as an award's does.
      return [...(r.eligible === false ? [inUserWords(awardLine(r, t), session?.said ?? {})] : []), ...statedLines(r, session?.said ?? {}, t)];
    };
    // Notes that read alike (three drafted tiers of one clause, all pending) are said once.
    const lines = [...new Set(same.map((n) => [...this.#noteLines(n, placeName(policy)), ...verdict(grants.get(n))].join("\n")))];
    const results = [...grants.values()];
    const extraCitations = [
      ...same.filter((n) => !GRANTS_NO_MONEY.has(n.kind)).map((n) => ({ clause: n.clause, quote: n.quote })),
      ...this.#sentencesBeyond([note.clause], same.map((n) => n.quote), text),
    ];
    return { status: "answered", notes, policies: [policy], results, missing: [], asOf, body: lines.join("\n"), extraCitations };
  }

  /**
   * "大方向是啥", "全县零售额要冲到多少" (an aim), "资金拨付归哪个部门管" (a duty), "弄虚作假会咋样" (a sanction):
   * the sentence of the region's document stating it, quoted under its clause's heading with what kind of
   * sentence it is (never an award, though an aim holds figures). One region only.
   */
  #documentSentence(text: string, session: Session, policies: PolicyInfo[], notes: string[], asOf: string): ComposeInput | undefined {
    if (policies.length !== 1) return undefined;
    const policy = policies[0]!;
    const found = this.#catalog.sentenceAsked(this.#withoutRegionNames(text), policy.id, { figures: hasMeasures(session.facts), asksAward: asksAmount(text) });
    if (!found) return undefined;
    const quoted = { clause: found.clauseId, quote: found.sentence };
    // The clause's own note (its plain sentence written for it) speaks for it, the sentence quoted beside.
    const own = this.#catalog.notesOf([policy.id]).filter((n) => n.clause === found.clauseId);
    const note = own.find((n) => n.quote.includes(found.sentence) || found.sentence.includes(n.quote)) ?? own[0];
    if (note) {
      const input = this.#inform(note, text, policies, notes, asOf, session);
      const shown = input.extraCitations?.some((c) => c.quote.includes(found.sentence)) ?? false;
      return shown ? input : { ...input, extraCitations: [...(input.extraCitations ?? []), quoted] };
    }
    const t = this.#templates;
    const clause = this.#catalog.clause(found.clauseId);
    const title = clause?.title || clause?.headingPath.filter(Boolean).at(-1) || clauseLabel(found.clauseId);
    const kind = { target: t.clauseKind.target, direction: t.clauseKind.direction, duty: t.clauseKind.organisation, sanction: t.inform.sanction }[found.kind];
    const body = [render(t.inform.heading, { region: placeName(policy), title }), kind].join("\n");
    return { status: "answered", notes, policies: [policy], results: [], missing: [], asOf, body, extraCitations: [quoted] };
  }

  /** A note in plain words: its heading, its sentence (the note's own, else its kind's), what the text leaves unstated. */
  #noteLines(n: NoteInfo, region: string): string[] {
    const t = this.#templates;
    return [
      render(t.inform.heading, { region, title: n.title }),
      n.kind === "pending" ? t.inform.pending : (n.plain ?? t.clauseKind[n.kind]),
      ...(n.notStated?.length ? [render(t.inform.notStated, { items: n.notStated.join("、") })] : []),
    ];
  }

  /**
   * A clause retrieval found with no note or award of its own: its note when it has one, the provisions it
   * holds when it has any, else the clause quoted (its sentence nearest the question) as a direction.
   */
  #informClause(clause: Clause, text: string, policies: PolicyInfo[], notes: string[], asOf: string, session: Session, passage?: string): ComposeInput {
    const note = this.#catalog.notesOf([clause.policyId]).find((n) => n.clause === clause.id);
    if (note) return this.#inform(note, text, policies, notes, asOf, session);
    const rules = this.#catalog.rulesOf([clause.policyId]).filter((r) => !r.gate && (r.clause === clause.id || r.clause.startsWith(`${clause.id}/`)));
    const described = rules.flatMap((r) => this.#catalog.describe(r.policy, r.id, asOf) ?? []);
    if (described.length > 0) return this.#explain(described, text, session, policies, notes, asOf, false);
    const t = this.#templates;
    const policy = policies.find((p) => p.id === clause.policyId) ?? policies[0]!;
    const title = clause.title || clause.headingPath.filter(Boolean).at(-1) || clauseLabel(clause.id);
    // A clause that states money but has no confirmed rule (not drafted, or drafted and not yet confirmed)
    // quotes its money sentence with no amount of ours, never called one without money.
    const money = sentencesOf(clause.text).filter(givesStatedMoney);
    const quote = passage ?? nearestSentence(money.length > 0 ? money.join("\n") : clause.text, text);
    const statesMoney = passage ? givesStatedMoney(passage) : money.length > 0;
    const body = [render(t.inform.heading, { region: placeName(policy), title }), statesMoney ? t.inform.unchecked : t.clauseKind.direction].join("\n");
    return { status: "answered", notes, policies: [policy], results: [], missing: [], asOf, body, extraCitations: [{ clause: clause.id, quote }] };
  }

  /**
   * "平阴有哪些政策": every provision the text states on its own terms (its top figure, its formula, or that it
   * gives none). Those for the asker's role come first, and the facts the first of them needs are asked;
   * past {@link OVERVIEW_LINES} lines the rest are named by theme (their heading) so the list fits one bubble.
   */
  #overview(policies: PolicyInfo[], session: Session, notes: string[], asOf: string): ComposeInput {
    const t = this.#templates;
    const entity = session.facts.entityType;
    const rules = this.#catalog.rulesOf(policies.map((p) => p.id)).filter((r) => !r.gate);
    const forRole = (rule: (typeof rules)[number]) => entity !== undefined && rule.entityTypes.includes(entity);
    // The provisions only for this role before those shared with others (带货达人 before 土特产品 for a streamer).
    const ordered = [...rules.filter(forRole).sort((a, b) => a.entityTypes.length - b.entityTypes.length), ...rules.filter((r) => !forRole(r))];
    const results = ordered.flatMap((r) => this.#catalog.describe(r.policy, r.id, asOf) ?? []);
    const shown = results.slice(0, OVERVIEW_LINES);
    const themes = new Map<string, string[]>();
    for (const r of results.slice(OVERVIEW_LINES)) {
      const clause = this.#catalog.clause(r.clause);
      const parent = clause?.parentId ? this.#catalog.clause(clause.parentId) : undefined;
      const theme = parent?.title || clause?.title || clauseLabel(r.clause);
      themes.set(theme, [...(themes.get(theme) ?? []), r.title]);
    }
    // The asker's role named: what the first provision for it still needs is the next question.
    const first = ordered.find(forRole);
    const pending = first ? this.#catalog.evaluate([first.policy], session.facts, asOf, [first], guessedFacts(session))[0] : undefined;
    const asks = pending && isUndecided(pending) ? pending.missing.slice(0, ASK_AT_MOST) : [];
    const lines = [
      render(t.explain.overview, { region: policies.map(placeName).join("、"), count: results.length }),
      ...shown.map((r) => awardLine(r, t)),
      ...[...themes].map(([theme, titles]) => render(t.explain.overviewTheme, { theme, titles: titles.join("、") })),
      asks.length > 0
        ? render(t.needsInfo.ask, { topic: first!.title, facts: missingLabels(asks) })
        : results[0] ? render(t.explain.overviewAsk, { example: `${placeName(policies[0]!)}${results[0].title}怎么算` }) : "",
    ];
    return {
      status: "answered",
      notes,
      policies,
      results,
      missing: [],
      asks,
      asOf,
      ...activityOf(session.facts),
      compactCitations: true,
      body: lines.filter(Boolean).join("\n"),
    };
  }


  /** The provision as the text gives it: what it grants an applicant who meets it, and what to tell us to check. */
  #explain(focus: AwardResult[], text: string, session: Session, policies: PolicyInfo[], notes: string[], asOf: string, wantsOwnAmount: boolean): ComposeInput {
    // A provision with a single figure is shown as a worked example; one that scales with an input is shown
    // as evaluated on the user's facts so far (undecided), which still cites it and says what to tell us.
    const described = focus.slice(0, 2).map((r) => this.#catalog.describe(r.policy, r.rule, asOf) ?? r);
    // "怎么规定的" is answered by the text; "能拿多少 怎么算的" also waits for the asker's figures.
    const missing = wantsOwnAmount ? [...new Set(focus.flatMap((r) => r.missing))].slice(0, ASK_AT_MOST) : [];
    return {
      status: "answered",
      notes,
      policies,
      results: described,
      missing: [],
      asks: missing,
      asOf,
      ...activityOf(session.facts),
      trailer: missing.length > 0 ? render(this.#templates.explain.askFacts, { facts: missingLabels(missing) }) : undefined,
      explainRules: true,
      extraCitations: this.#sentencesBeyond([...new Set(described.map((r) => r.clause))], described.map((r) => r.quote), text),
    };
  }
}

/**
 * Review mode: the answer becomes a draft for staff and the asker gets only the acknowledgement (or nothing).
 * Asking again in a chat nothing can push to (`ask`) reports the staff decision instead of a second draft.
 */
async function holdForReview(review: ReviewGate, msg: IncomingMessage, facts: Facts, answer: Answer, source: BotReply["source"]): Promise<BotReply> {
  const ack = review.acknowledgement(msg.channel, msg.chatId);
  const earlier = await review.recall?.(msg);
  if (earlier?.state === "approved") return { toAsker: earlier.text, answer: { ...earlier.answer, text: earlier.text }, source: "template" };
  if (earlier?.state === "rejected") {
    return { toAsker: earlier.text, answer: { status: "out_of_scope", text: earlier.text, policies: [], awards: [], missing: [], citations: [] }, source: "template" };
  }
  const held = earlier ?? { draftId: await review.holdDraft({ message: msg, facts, answer }), answer };
  return { toAsker: ack, answer: { ...held.answer, status: "pending_review" }, source, held: { draftId: held.draftId, text: held.answer.text } };
}

/**
 * A reply to the bot's question answers that question: when the bot asked for one measure (e.g.
 * 全国性电商平台销售额) and the reply states one other measure of the same unit ("去年卖了25万" → 网络零售额),
 * the value is the one asked for.
 */
/** Figures of what was sold: one may answer a question for another (网络零售额 for 全国性电商平台销售额). */
const SALES_KINDS: ReadonlySet<string> = new Set(["onlineRetailSales", "platformSales", "crossBorderSales", "transactionVolume", "earlierSales"]);

function answerAwaited({ facts, sources }: Extraction, awaiting: readonly string[]): void {
  const stated = (Object.keys(facts) as FactName[]).filter((f) => MEASURE_UNITS.has(FACTS[f].unit));
  const open = awaiting.filter((f): f is FactName => f in FACTS && MEASURE_UNITS.has(FACTS[f as FactName].unit) && !(f in facts));
  if (stated.length !== 1 || open.length !== 1 || awaiting.includes(stated[0]!)) return;
  const [from, to] = [stated[0]!, open[0]!];
  // "4位" (people) never answers a question about months, though both are counts.
  if (FACTS[from].unit !== FACTS[to].unit || !fitsFact(to, sources[from] ?? "")) return;
  // What was sold ("头一次过了200万 两百三十万") answers a question for another sales figure only, never for tax or costs.
  if (SALES_KINDS.has(from) && !SALES_KINDS.has(to)) return;
  (facts as Record<string, unknown>)[to] = facts[from];
  delete facts[from];
  sources[to] = sources[from];
  delete sources[from];
}

/**
 * Guessed facts (the applicant type from a follower count) never override stated ones, and stay marked as
 * guesses so they rule no provision out; a fact stated now stops being a guess.
 */
function mergeGuesses(session: Session, extraction: Extraction): void {
  const guessed = new Set(session.inferred ?? []);
  for (const fact of Object.keys(extraction.facts) as FactName[]) {
    if (!extraction.inferred.includes(fact)) guessed.delete(fact);
    else if (session.facts[fact] !== undefined && !guessed.has(fact)) delete extraction.facts[fact];
    else guessed.add(fact);
  }
  session.inferred = [...guessed];
}

/**
 * Facts too weak to rule a provision out: guesses, and an activity year counted from today (今年, 去年) rather
 * than a calendar year the user wrote, which alone may put the year outside a policy's period.
 */
const guessedFacts = (session: Session): FactName[] => [
  ...(session.inferred ?? []).filter((f): f is FactName => f in FACTS),
  ...(session.said?.activityYear !== undefined && isRelativeYear(session.said.activityYear) ? ["activityYear" as const] : []),
];

/**
 * The message describes another applicant: a different kind of applicant, or measures the remembered
 * situation does not have. Revising a remembered figure ("那回到汨罗，投资5万呢") continues the situation.
 */
function statesNewSituation(facts: Facts, remembered: Facts): boolean {
  if (facts.entityType !== undefined && remembered.entityType !== undefined && facts.entityType !== remembered.entityType) return true;
  return (Object.keys(facts) as FactName[]).some((f) => f !== "activityYear" && f !== "entityType" && FACTS[f].unit !== "bool" && !(f in remembered));
}

/** "policy/rule": how sessions remember a topic and how results are matched to the rules chosen. */
/** What a branch of the pipeline hands back: the answer to compose, the topic, and what to await next. */
interface Reply {
  input: ComposeInput;
  topic?: string[];
  /** Facts a bare reply next turn should fill (default: the answer's `missing`). */
  awaiting?: string[];
}

function ruleKey(rule: RuleProfile): string {
  return `${rule.policy}/${rule.id}`;
}

function resultKey(result: AwardResult): string {
  return `${result.policy}/${result.rule}`;
}

/** "是50万元，对吧" / "是不是" — the user states a figure and asks us to confirm it. */
function looksLikeClaim(text: string): boolean {
  return /对吧|对吗|是吗|是不是|没错吧|真的吗/.test(text);
}

/** No figure yet: undecided, or eligible with the amount waiting on a fact (e.g. the number of sites). */
function isUndecided(r: AwardResult): boolean {
  return r.eligible === null || (r.eligible === true && r.amountFen === null && r.missing.length > 0);
}

/** Clause kinds that grant something without money: reported in `awards` with no amount. */
const GRANTS_NO_MONEY: ReadonlySet<NoteInfo["kind"]> = new Set(["inKind", "land", "praise"]);

/** Clause kinds that explain something rather than say what an applicant gets (or does not get). */
const EXPLAINS_ONLY: ReadonlySet<NoteInfo["kind"]> = new Set(["definition", "procedure", "contact", "organisation", "direction"]);

/** Words any request for the list uses ("我们这边有啥电商扶持政策可以享受吗"): what is left names a subject. */
const LIST_WORDS = /电子商务|电商|扶持|政策|措施|补贴|补助|奖励|奖补|优惠|支持|文件|意见|可以|能|拿|领|享受|申请|我们|我|咱|俺|这边|那边|这里|都|有|的|呢|吗|啊|[县市区镇]|[\p{P}\s]/gu;

/** "有哪些政策 / 有什么扶持": a request for the list of provisions rather than one of them. */
/** "文件里咋说的", "政策里是怎么规定的", "有啥说法": what the document says about a subject. */
const ASKS_DOCUMENT = /(文件|政策|条文|意见|规定)[里上中]?(是|都|又)?(咋|怎么|如何|怎样)(说|讲|写|规定)|(咋|怎么|如何)(说|讲|写|规定)的|有(啥|什么)说法|说了(啥|什么)/;
/** A limit of the whole area's budget ("两项奖励金额全市不超过100万元"). */
const AREA_WORDS = /全市|全县|全区|总额/;
/** A clause this short is quoted whole when the question asks what the document says. */
const DOCUMENT_PASSAGE_MAX = 260;
const OVERVIEW = /哪些|有什么|什么(政策|扶持|奖励|补贴)|都有啥|有啥|介绍|列一下|列出/;

/**
 * What to list: every decided focus result, every extra (fed by the user's figures) that is eligible with
 * an amount, and any failed gate (it blocks the rest). Eligible awards first, largest first.
 */
function pickShown(results: AwardResult[], focusKeys: Set<string>, extraKeys: Set<string>, isGate: (r: AwardResult) => boolean): AwardResult[] {
  const shown = results.filter((r) => {
    // A gate (扶持范围) is news only when it fails: then it blocks every award.
    if (isGate(r)) return r.eligible === false;
    if (focusKeys.has(resultKey(r))) return r.eligible !== null;
    return extraKeys.has(resultKey(r)) && r.eligible === true && (r.amountFen ?? 0) > 0;
  });
  // An award not paid because a larger one of its group is kept: the kept one is the answer, and is shown.
  for (const r of [...shown]) {
    const kept = r.keptInstead === undefined ? undefined : results.find((k) => k.policy === r.policy && k.rule === r.keptInstead);
    if (kept && !shown.includes(kept)) shown.push(kept);
  }
  // A provision for another kind of applicant or activity is not news to this user, unless it is all there is.
  const aboutUser = shown.filter((r) => !(r.eligible === false && isForSomeoneElse(r)));
  const list = aboutUser.length > 0 ? aboutUser : shown;
  const rank = (r: AwardResult) => (r.eligible === true ? 0 : r.eligible === false ? 1 : 2);
  return list.sort((a, b) => rank(a) - rank(b) || (b.amountFen ?? 0) - (a.amountFen ?? 0)).slice(0, SHOW_AT_MOST);
}

/** Failed only because the provision is for another applicant type or activity (the engine's words). */
function isForSomeoneElse(r: AwardResult): boolean {
  const failed = r.trace.find((line) => line.includes("✗")) ?? "";
  return /本条适用于|本项限于/.test(failed);
}

/** The user has given a measure of their business (an amount, a count, an area…). */
function hasMeasures(facts: Facts): boolean {
  return (Object.keys(facts) as FactName[]).some((f) => MEASURE_UNITS.has(FACTS[f].unit));
}

/** A fact's value as the user wrote it, else the engine's wording with round counts in 万 (15万粉丝). */
function describeValue(name: FactName, value: unknown, said: Partial<Record<string, string>> = {}): string {
  const own = userWordsFor(name, value, said);
  if (own !== undefined) return own;
  const unit = FACTS[name].unit;
  if (unit === "year") return `${value}年`;
  if (unit === "count" && typeof value === "number" && value >= 10_000 && value % 1_000 === 0) return `${value / 10_000}万`;
  return formatFactValue(name, value);
}

/** The facts the bot understood, as one line (also the user-side grounding for a model's rewording). */
function describeFactValues(facts: Facts, said: Partial<Record<string, string>> = {}): string {
  return Object.entries(facts)
    .map(([name, value]) => `${factLabel(name as FactName)}：${describeValue(name as FactName, value, said)}`)
    .join("；");
}

/**
 * "示范企业奖励是多少" named a title only as the provision asked about; a short reply affirming it ("国家级的",
 * "2021年评上了") states that the asker holds it. What this message names only as asked about waits for the next.
 */
function adoptAskedAbout(text: string, extraction: Extraction, session: Session, places: readonly { start: number; end: number }[]): void {
  const asked = session.askedAbout ?? {};
  const affirms = affirmsAskedAbout(text, places);
  // "B2B网商奖励" then "运行满一年 年销售额第一次突破五千万": one's own figures right after asking about what one
  // does (askedMeansOwn: a mode of business, a matter) are of one who does it; a title still needs a yes.
  const ownFigures = (Object.keys(extraction.facts) as FactName[]).some((f) => MEASURE_UNITS.has(FACTS[f].unit));
  for (const [fact, value] of Object.entries(asked)) {
    if (fact in extraction.facts || !(fact in FACTS)) continue;
    if (!affirms && !(ownFigures && FACTS[fact as FactName].askedMeansOwn)) continue;
    (extraction.facts as Record<string, unknown>)[fact] = value;
    if (affirms) extraction.sources[fact as FactName] = affirmingWords(text, places);
  }
  session.askedAbout = Object.keys(extraction.askedAbout).length > 0 ? (extraction.askedAbout as Record<string, string>) : undefined;
}

/**
 * Figures asked back last turn as implausible: "对" (and no other figure for the fact) or the same figure
 * again confirms them, so they count from now on (a unitless one in 万元, as asked); anything else drops them.
 */
function confirmHeldFigures(text: string, extraction: Extraction, session: Session): void {
  const held = session.unconfirmed ?? [];
  delete session.unconfirmed;
  for (const h of held) {
    const again = extraction.doubtful.find((d) => d.fact === h.fact && JSON.stringify(d.value) === JSON.stringify(h.value));
    if (!again && !(confirms(text) && extraction.facts[h.fact] === undefined)) continue;
    extraction.doubtful = extraction.doubtful.filter((d) => d !== again);
    extraction.facts = { ...extraction.facts, [h.fact]: h.meant ?? h.value };
    extraction.sources[h.fact] = h.said;
  }
}
