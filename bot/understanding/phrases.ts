/**
 * Enum facts read as phrases (rules/facts.yaml `pick`): who the applicant is (我们培训机构, 开了个淘宝店), what
 * they did (直播带货), which level or category they hold, each with negation ("没有交社保", "不是首次"). The
 * phrase words are found once per message (`scanPhrases`); `readPhrases` reads each one's surroundings.
 */
import { FACT_NAMES, FACTS, VOCABULARY, type FactName } from "../../rules/facts.js";
import { namesPlace, type Span } from "./applicant.js";
import { CLAUSE_BREAK } from "./clauses.js";
import { namesProvision } from "./conditions.js";
import { supposedSuccess } from "./supposition.js";
import { formatFactValue } from "../../rules/formatFact.js";
import { lastBreakBefore, nextBreakAfter } from "./spans.js";
import { tailTester } from "./tailReader.js";
import { WordFinder, type Hit } from "./wordFinder.js";
import { headTester, WordEarlierInClause } from "./windowTests.js";

/**
 * Enum facts read as phrases (rules/facts.yaml `pick`). Each word may carry several effects ("淘宝C店": a shop
 * and C2C). The applicant (pick applicant: entityType) is the one the speaker names as themselves (我们培训机构),
 * else the first named ("培训机构培训了20名主播" → trainingInstitution), skipping places (镇上的, 在园区), counted
 * things (32家电商企业, 40个人), the ones served (给电商企业) and modifiers (我们村的合作社). Its tiers: 2 = `words`,
 * 1 = `broad` (个人, 我们县: only when nothing more specific is named), 0 = `hints` and the kinds other facts'
 * values imply (在快手带货, 淘宝村): the applicant type is then a guess (`inferred`).
 */
type Effect =
  | { kind: "entity"; value: string; tier: 0 | 1 | 2; implied?: true }
  | { kind: "last"; fact: FactName; value: string }
  | { kind: "first"; fact: FactName; value: string; priority: number; notWith?: readonly string[] }
  | { kind: "stop" };

const PHRASES = new Map<string, Effect[]>();
const addEffect = (w: string, e: Effect) => PHRASES.set(w.toUpperCase(), [...(PHRASES.get(w.toUpperCase()) ?? []), e]);
const PHRASE_FACTS = FACT_NAMES.filter((f) => FACTS[f].pick);
/** The fact that says who is asking (entityType in the shipped vocabulary). */
const APPLICANT = PHRASE_FACTS.find((f) => FACTS[f].pick === "applicant");
for (const fact of PHRASE_FACTS) {
  const spec = FACTS[fact];
  if (spec.pick === "applicant") {
    const tiers = [[spec.words, 2], [spec.broad, 1], [spec.hints, 0]] as const;
    for (const [byValue, tier] of tiers) for (const [value, ws] of Object.entries(byValue ?? {})) for (const w of ws) addEffect(w, { kind: "entity", value, tier });
    continue;
  }
  Object.entries(spec.words ?? {}).forEach(([value, ws], priority) => {
    const notWith = spec.notWith?.[value];
    for (const w of ws) {
      addEffect(w, spec.pick === "first" ? { kind: "first", fact, value, priority, ...(notWith ? { notWith } : {}) } : { kind: "last", fact, value });
      // 淘宝村 implies a village, but only when no applicant is named.
      const kind = spec.applicant?.[value];
      if (kind && APPLICANT) addEffect(w, { kind: "entity", value: kind, tier: 0, implied: true });
    }
  });
}
/** pick first facts: the priority of the value listed last in `words`. */
const LEAST_SPECIFIC = new Map(PHRASE_FACTS.filter((f) => FACTS[f].pick === "first").map((f) => [f, Object.keys(FACTS[f].words ?? {}).length - 1]));
for (const w of VOCABULARY.notPhrases) if (!PHRASES.has(w.toUpperCase())) PHRASES.set(w.toUpperCase(), [{ kind: "stop" }]);
const PHRASE_WORDS = new WordFinder(PHRASES.keys());

/** Is the word (its key) one of the applicant's words: "一家公司" is then an article, no count. */
export const namesEntity = (key: string) => PHRASES.get(key)?.some((e) => e.kind === "entity") ?? false;

/** A negation right before a word ("没有交社保", "不是首次"), within its clause. */
export const NEGATION_BEFORE = /(没有|没|未|不是|不(?![仅但只论过])|无(?!论)|尚未|还没|并未|非(?!常))[^，,。！!？?；;\s]{0,3}$/;
// The tests of the words before a phrase word read the message in place (windowTests.ts): no copy per word.
const NEGATED_BEFORE = headTester(NEGATION_BEFORE);
// A 不/没 that ends the question is its A-not-A tag ("运营补助能拿不", "社保交了没"), no negation.
const NEGATION_AFTER = tailTester(/^[^，,。！!？?；;\s]{0,2}(没|未|不)(?=[^，,。！!？?；;\s吗呢啊呀])/);
/** "培训机构培训过的", "县里认定的": the word is the agent of a clause describing something else. */
const RELATIVE_AGENT = tailTester(/^(培训|认定|评定|评|授予|推荐|组织|认证|审核|授牌)(过|了)?的/);
/** The speaker names themselves: 我们培训机构, 我们是合作社, 本公司, 咱们村. */
const SPEAKER_BEFORE = headTester(/(我们|咱们|我|咱|本)(是|这个|这家|这边|这里的?)?$/);
/** The entity is served, not the applicant: 给企业培训, 为合作社, 帮商户, 替网店 (but 作为企业 is the applicant). */
const OBJECT_BEFORE = headTester(/(给|(?<![作成评认称因])为|帮|替|帮助)$/);
/** 给培训机构补多少, 给企业奖励: the one given the money, unlike 给企业培训 (the one served). */
const PAID_AFTER = tailTester(/^[^，,。！!？?；;\s]{0,1}(补|奖|发钱|拨)/);
/** 培训了三十来个10万粉丝以上的主播, 孵化出20个主播: the people the speaker trains or hires, not the speaker. */
const TRAINED_BEFORE = headTester(/(培训|培养|孵化|招聘|招募|招了|聘用|聘了|聘请|吸纳|签约)(了|过|出来|出)?[^，,。！!？?；;]{0,14}$/);
/** 企业员工, 公司职工: the word names whose staff, not who is asking. */
const EMPLOYEES_AFTER = tailTester(/^(员工|职工)/);
/** The other party of an agreement: 跟聊城本地企业签了合同, 和企业合作 (the one signing with it is the applicant). */
const COUNTERPART_BEFORE = headTester(/(跟|和|与|同)[^，,。！!？?；;\s]{0,6}$/);
const COUNTERPART_AFTER = tailTester(/^[^，,。！!？?；;\s]{0,3}?(签|合作|对接)/);

const isStopWord = (key: string) => PHRASES.get(key)?.[0]?.kind === "stop";

/**
 * The phrase words of a message (PHRASE_WORDS's list, valid until the next message: see HitList). A stop word
 * (主播培训, 农村) hides the words inside it, but not one that starts inside it and runs past its end: in
 * "主播培训学校" the head noun 培训学校 names the kind, not 主播.
 */
export function scanPhrases(text: string): Hit[] {
  const words = PHRASE_WORDS;
  const hits = words.hits;
  hits.begin();
  let stopEnd = -1;
  let from = 0;
  for (let start = words.find(text, 0); start >= 0; start = words.find(text, from)) {
    const end = words.end;
    // Next from the end of this word, or, inside a stop word, from the next position (see above).
    from = end;
    if (end <= stopEnd) {
      from = start + 1;
      continue;
    }
    const key = words.key(text, start);
    hits.add(start, end, words.word(text, start), key);
    if (isStopWord(key)) {
      stopEnd = end;
      from = start + 1;
    }
  }
  return hits.end();
}

/** A blank in text[from, to), tested in place (sticky, at each position): no copy of the gap. */
const BLANK = /\s/y;
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    BLANK.lastIndex = i;
    if (BLANK.test(text)) return true;
  }
  return false;
}

/** What `readPhrases` reports besides the facts: values only asked about, and facts guessed rather than stated. */
export interface PhraseOut {
  askedAbout: Partial<Record<FactName, string>>;
  inferred: FactName[];
  /** The user's words for a fact read here, when they are not the word itself (a supposed title). */
  sources: Partial<Record<FactName, string>>;
  notes: string[];
}

/** The word is also one of the applicant's own words (淘宝C店, 网店): it says what kind the asker is. */
const namesApplicant = (hit: Hit) => PHRASES.get(hit.key)?.some((e) => e.kind === "entity" && e.tier === 2) ?? false;

/** "网店要多少家", "需要几个主播": the thing is counted by the question. */
const COUNTED_AFTER = tailTester(/^[^，,。！!？?；;\s]{0,3}?(要|需要|得|至少|有)?(多少|几)[家个名位间]/);
const COUNTED_BEFORE = headTester(/(多少|几)[家个名位间]$/);
/**
 * "标准里…", "条件中…": what follows in the clause is the provision's wording. Anywhere in the clause before the
 * word, as /(标准|…)(里|…)[^，,。！!？?；;\n]*$/ on the clause up to it; found once per message (WordEarlierInClause).
 */
const IN_STANDARD = new WordEarlierInClause(
  ["标准", "条件", "要求", "规定", "条文", "文件", "政策"].flatMap((w) => ["里", "中", "上", "里面", "当中"].map((place) => w + place)),
  CLAUSE_BREAK,
);

/** "淘宝村标准里活跃网店要多少家", "评选条件里要有多少个淘宝村": what a provision's standard counts, not the asker. */
function inStandard(text: string, hit: Hit, clauseStart: number, beforeFrom: number): boolean {
  return COUNTED_AFTER(text, hit.end, 8) || COUNTED_BEFORE(text, beforeFrom, hit.start) || IN_STANDARD.test(text, clauseStart, hit.start);
}

// The word's surroundings that make an applicant word no applicant (module constants: a regex literal in the
// loop would be a new RegExp for every word found).
/** 镇上的园区, 村里, 在园区: a place. */
const PLACE_AFTER = tailTester(/^(上|里|内|中(?!心))/);
const PLACE_BEFORE = headTester(/(在|入驻|进入|进|到|入)$/);
/** 产业园房租补贴, 孵化园的租金: the park is where the rent is paid; the one renting in it asks. */
const RENT_AFTER = tailTester(/^的?(房租|租金|房屋租金|场地租金|场租|租房|租赁)/);
/** 32家电商企业: counted. */
/** 活跃主播40人, 主播人数超过30人: people counted by the figure after them, not the applicant. */
const COUNTED_BY_AFTER = tailTester(/^(?:人数|数量|数)?(?:超过|达到|有|共|约)?\s*(?:\d+|[一二两三四五六七八九十百几]+)\s*[人名位]/);
const COUNTED_BY_BEFORE = headTester(/(\d|[二两三四五六七八九十几多])\s*[家个名位]$/);
/** A word starting with a measure word (家庭农场) right after a numeral: the numeral counts with it. */
const MEASURE_FIRST = /^[家个名位]/;
const NUMERAL_BEFORE = headTester(/(\d|[一二两三四五六七八九十百千几多])$/);

/** Does an applicant word end right where `hit` starts ("主播个人")? */
function followsEntityWord(hits: readonly Hit[], hit: Hit): boolean {
  for (const h of hits) if (h.end === hit.start && namesEntity(h.key)) return true;
  return false;
}

/** Does the clause around `hit` hold one of `words`? Found in the text: the first one after the clause start ends inside it if any does. */
function clauseHolds(text: string, hit: Hit, words: readonly string[]): boolean {
  const from = lastBreakBefore(text, hit.start, CLAUSE_BREAK);
  const to = nextBreakAfter(text, hit.end, CLAUSE_BREAK);
  for (const w of words) {
    const at = text.indexOf(w, from);
    if (at >= 0 && at + w.length <= to) return true;
  }
  return false;
}

/** An applicant word that may name the asker, as `readPhrases` weighs them. */
interface Candidate {
  value: string;
  tier: number;
  start: number;
  end: number;
  modifier: boolean;
  speaker: boolean;
}

/**
 * The candidates of one reading, in records kept between readings: a long message names dozens of applicant words,
 * and an object per word was most of what readPhrases allocated. Valid until the next `begin`.
 */
class Candidates {
  readonly #records: Candidate[] = [];
  count = 0;

  begin(): void {
    this.count = 0;
  }

  add(value: string, tier: number, start: number, end: number, modifier: boolean, speaker: boolean): void {
    const record = this.#records[this.count++];
    if (record === undefined) {
      this.#records.push({ value, tier, start, end, modifier, speaker });
      return;
    }
    record.value = value;
    record.tier = tier;
    record.start = start;
    record.end = end;
    record.modifier = modifier;
    record.speaker = speaker;
  }

  at(i: number): Candidate {
    return this.#records[i]!;
  }
}
const CANDIDATES = new Candidates();

/** Enum facts read as phrases (`pick` in rules/facts.yaml), with negation ("没有交社保", "不是首次"). */
export function readPhrases(text: string, hits: readonly Hit[], facts: Record<string, unknown>, out: PhraseOut, places: readonly Span[]): void {
  const entities = CANDIDATES;
  entities.begin();
  const firsts = new Map<FactName, { value: string; priority: number }>();
  IN_STANDARD.begin();
  for (const hit of hits) {
    const effects = PHRASES.get(hit.key);
    // A stop word (notPhrases) has no other effect: nothing to read around it.
    if (!effects || (effects.length === 1 && effects[0]!.kind === "stop")) continue;
    const clauseStart = lastBreakBefore(text, hit.start, CLAUSE_BREAK);
    // The five characters before the word, within its clause.
    const before = Math.max(clauseStart, hit.start - 5);
    // The three characters after the word are read in place (tailTester), not sliced for every word.
    const negated = NEGATED_BEFORE(text, before, hit.start) || NEGATION_AFTER(text, hit.end, 4);
    // Read when an effect needs it (most hits are settled before).
    let standard: boolean | undefined;
    for (const e of effects) {
      switch (e.kind) {
        case "entity": {
          if (negated || namesPlace(text, hit, places)) break;
          // 镇上的园区, 村里, 在园区: a place, not the applicant; 32家电商企业: counted, not the applicant.
          if (PLACE_AFTER(text, hit.end, 3) || PLACE_BEFORE(text, before, hit.start)) break;
          if (e.value === "park" && RENT_AFTER(text, hit.end, 5)) break;
          if (COUNTED_BY_BEFORE(text, before, hit.start)) break;
          if (e.value === "influencer" && COUNTED_BY_AFTER(text, hit.end, 8)) break;
          if (MEASURE_FIRST.test(hit.word) && NUMERAL_BEFORE(text, before, hit.start)) break;
          if ((standard ??= inStandard(text, hit, clauseStart, before))) break;
          // "淘宝村奖励能拿吗": a title naming the provision hints at no applicant ("想开网店" still hints at a shop).
          if (e.implied && namesProvision(text, hit.start, hit.end)) break;
          // 给电商企业员工做培训: the one served is not the applicant; 给培训机构补多少: the one paid is.
          if (OBJECT_BEFORE(text, before, hit.start) && !PAID_AFTER(text, hit.end, 3)) break;
          if (e.value === "influencer" && TRAINED_BEFORE(text, Math.max(clauseStart, hit.start - 16), hit.start)) break;
          // 电商企业员工技能培训: whose staff are trained, not who is asking.
          if (EMPLOYEES_AFTER(text, hit.end, 3)) break;
          if (COUNTERPART_AFTER(text, hit.end, 6) && COUNTERPART_BEFORE(text, Math.max(clauseStart, hit.start - 8), hit.start)) break;
          // 主播个人, 公司个人: 个人 right after another applicant word belongs to it ("给主播个人的").
          if (e.tier === 1 && followsEntityWord(hits, hit)) break;
          // 我们村的合作社: a modifier; 白名单培训机构培训过的(人): the agent of a relative clause, not the speaker.
          const modifier = text.startsWith("的", hit.end) || RELATIVE_AGENT(text, hit.end, 6);
          entities.add(e.value, e.tier, hit.start, hit.end, modifier, !modifier && SPEAKER_BEFORE(text, before, hit.start));
          break;
        }
        case "last":
          if (negated || (standard ??= inStandard(text, hit, clauseStart, before))) break;
          // "有机食品认证奖励能拿吗", "淘宝村那个奖": the word names the provision asked about, not what the asker has
          // (a word naming the asker's own kind, "淘宝C店的奖励", still describes the asker).
          if (!namesApplicant(hit) && namesProvision(text, hit.start, hit.end)) {
            // "想创淘宝村 成了能给多少": the title supposed theirs, to compute what it brings.
            const supposed = supposedSuccess(text, hit.start, hit.end);
            if (!supposed) out.askedAbout[e.fact] = e.value;
            else {
              facts[e.fact] = e.value;
              out.sources[e.fact] = supposed;
              out.notes.push(`按你假设的${FACTS[e.fact].label}“${formatFactValue(e.fact, e.value)}”计算。`);
            }
          } else facts[e.fact] = e.value;
          break;
        case "first": {
          // The least specific value (listed last, 公共服务中心) in a question naming the provision states nothing.
          if (negated) break;
          if (e.priority === LEAST_SPECIFIC.get(e.fact) && namesProvision(text, hit.start, hit.end)) {
            out.askedAbout[e.fact] ??= e.value;
            break;
          }
          // "培训20名主播" (anchor training) and "吸纳经培训的人员就业" (trained hires) are not training sessions.
          if (e.notWith && clauseHolds(text, hit, e.notWith)) break;
          const known = firsts.get(e.fact);
          if (!known || e.priority < known.priority) firsts.set(e.fact, { value: e.value, priority: e.priority });
          break;
        }
        case "stop":
          break;
      }
    }
  }
  // Within a tier, the entity the speaker names as themselves (我们培训机构…) wins. 我们村的合作社, 贫困村电商服务站: a
  // modifier loses to the noun it modifies; otherwise the first named wins.
  let best = -1;
  let bestRank = -1;
  for (let i = 0; i < entities.count; i++) {
    const c = entities.at(i);
    let next: Candidate | undefined;
    for (let j = i + 1; j < entities.count && !next; j++) if (entities.at(j).tier > 0) next = entities.at(j);
    // Across a blank the next word starts anew: "物流中心 镇村都覆盖" is no 物流中心 of a 镇.
    const modifier = c.modifier || (next !== undefined && next.start - c.end <= 2 && next.start >= c.end && !blankBetween(text, c.end, next.start));
    // A broad word (个人) only counts when nothing more specific is named, not even a hint ("我是个人 想开网店").
    const rank = (c.tier === 2 ? 8 : c.tier === 0 ? 4 : 0) + (c.speaker ? 2 : modifier ? 0 : 1);
    if (best < 0 || rank > bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  if (best >= 0 && APPLICANT) {
    const chosen = entities.at(best);
    facts[APPLICANT] = chosen.value;
    // A hint (在快手带货, 淘宝村) or only a modifier (白名单培训机构培训过的) is a guess, not the speaker saying who they are.
    if (chosen.tier === 0 || bestRank % 4 === 0) out.inferred.push(APPLICANT);
  } else if (facts.followers !== undefined) {
    // Someone stating a follower count is a livestreamer unless they said otherwise.
    facts.entityType = "influencer";
    out.inferred.push("entityType");
  }
  for (const [fact, { value }] of firsts) facts[fact] = value;
}
