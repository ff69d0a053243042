/**
 * Facts from one chat message: "平阴 抖音15万粉丝，2021年带货卖了120万" →
 * { followers: 150000, activityYear: 2021, onlineRetailSales: 120000000 }.
 *
 * Attribution is driven by the fact vocabulary (rules/facts.yaml), never per sentence:
 *  1. `findNumbers` finds every number with its unit (万元, 人, 家, 平方米, 天…).
 *  2. Each number takes the nearest cue word before it ("粉丝15万") or right after it ("15万粉丝")
 *     whose fact accepts the number's unit (the vocabulary's `cues` and `written`). Weak cues (卖了, 带货) lose a tie to noun cues (粉丝).
 *     Stop words (奖励, 补贴, 带货达人…) hide a number from facts: "奖励是50万" is not a fact.
 *  3. Refinements read the surrounding words: 跨境 turns generic sales into cross-border sales,
 *     装修/设备 turn an investment into decoration/equipment investment, and so on.
 *  4. Years become the activity year (or a registration date next to 注册/成立), ranks come from
 *     排名第二 / 前3名, booleans from the aliases in rules/facts.yaml with negation, enums from phrases.
 * Every value is validated by the fact schema where the facts enter the session (`admitFacts`); bad ones go to
 * `rejected` with a Chinese reason.
 */
import { FACT_NAMES, FACTS, factValueError, VOCABULARY, VocabularyError, type FactName, type Facts, type Quantity, type QuantityPart } from "../rules/facts.js";
import { breakAfter, CLAUSE_BREAK, SENTENCE_BREAK as STRONG_BREAK } from "./understanding/clauses.js";
import type { Span } from "./understanding/applicant.js";
import { readConditions } from "./understanding/conditions.js";
import { correctionAsides, correctItem, inCorrectionAside, isCorrection } from "./understanding/corrections.js";
import { readOpenedToYearEnd } from "./understanding/yearEndSpan.js";
import { readHomeGoods } from "./understanding/localGoods.js";
import { findNumbers, parseChineseNumeral, type NumberMention, type NumberUnit } from "./understanding/numbers.js";
import { countsExceptions } from "./understanding/exceptions.js";
import { insideOther, otherPartySpans, type OtherSpan } from "./understanding/otherParties.js";
import { countsOtherThings, countsProvisions, introducesFigure, isActivityTotal, isEventCost, isSpeakerAlone, picksOneOf, statesCurrentValue } from "./understanding/figureRoles.js";
import { readKindSubset, readQualifiedSubsets } from "./understanding/subsets.js";
import { inPartFamily, totalOverParts } from "./understanding/totalOverParts.js";
import { readInstances, REST_OF_YEAR, type PartOf } from "./understanding/instances.js";
import { readComparedYears, readRestatements } from "./understanding/restatements.js";
import { convertForeign, foreignCurrency } from "./understanding/currencies.js";
import { isImplausible, meantInWan, saidAround, type DoubtfulFact } from "./understanding/plausibility.js";
import { intersectBounds, isMoney, isPolicyAmount, isRate, mentionToQuantity, quotesTier } from "./understanding/quantities.js";
import { fromParts } from "../rules/quantity.js";
import { firstStartingFrom, lastBreakBefore, Marks, nextBreakAfter } from "./understanding/spans.js";
import { readSameYear, readWholes, readYearsAfter } from "./understanding/derivedFacts.js";
import { scan, WordFinder, type Hit } from "./understanding/wordFinder.js";
import { NEGATION_BEFORE, namesEntity, readPhrases, scanPhrases } from "./understanding/phrases.js";
import { earlierFactOf, readEarlierYears, readOperatingSince, readYears } from "./understanding/years.js";
import { isRelativeRate, readRelativeFigures } from "./understanding/relativeFigures.js";
import { lineNoneAt, noneSaidAt } from "./understanding/noneStated.js";
import { literal } from "./understanding/literalPattern.js";
import { headTester } from "./understanding/windowTests.js";

/** Options of `extractFacts`. */
export interface ExtractOptions {
  /** "YYYY-MM-DD": today for 去年/今年/当年. */
  asOf: string;
  /**
   * Facts the bot just asked for, in order. A bare number with no cue word ("120万") fills the
   * first of them that accepts its unit and is not stated elsewhere in the message; a short
   * 是的 / 没有 answers the first yes/no fact among them.
   */
  expect?: readonly FactName[];
  /**
   * Spans of the message that name places (bot/understanding/places.ts): "孝直镇", "汨罗循环经济产业园".
   * They say where the user is; no applicant word inside one names the applicant.
   */
  places?: readonly Span[];
  /** Those of `places` inside a covered region: goods named after one ("卖平阴玫瑰的") are that region's own produce. */
  regionPlaces?: readonly Span[];
  /** Facts remembered from earlier turns: they narrow what is plausible ("首次创办小微型电商企业" → hundreds of jobs at most). */
  known?: Facts;
}

/** A value the user wrote that cannot be a fact (negative, absurd, out of range). */
export interface RejectedFact {
  fact: FactName;
  raw: string;
  /** Short Chinese reason, fit to show the user. */
  reason: string;
}

/** A ranking the user stated: 排名第二 → {value: 2, within: false}; 前3名 → {value: 3, within: true}. */
export interface RankStatement {
  value: number;
  /** "前N名": somewhere in the top N, not exactly N (facts.rank is then N, the least favourable place). */
  within: boolean;
  raw: string;
}

/** What `extractFacts` read from one message. */
export interface Extraction {
  /** The facts stated (each passes FactsSchema once `admitFacts` has checked them); absent = not stated. */
  facts: Facts;
  /** Short Chinese notes for the user (contradictions, text cut, assumptions). Numbers in them come from the user's text. */
  notes: string[];
  rejected: RejectedFact[];
  rank?: RankStatement;
  /** The message corrects an earlier value ("不对，是15万粉丝", "改成…", "应该是…"). */
  correction: boolean;
  /** The user's own words for each fact they stated, e.g. { followers: "15万", flagshipStore: "不是旗舰店" }. */
  sources: Partial<Record<FactName, string>>;
  /** Facts guessed rather than stated (e.g. entityType influencer from a follower count). */
  inferred: FactName[];
  /** Numbers no fact could be attributed to. */
  unattributed: NumberMention[];
  /**
   * Amounts the user says the policy gives ("听说奖励50万", "能拿10万不", "是不是有10万的奖励"): claims to check
   * against the engine, never facts. A rate quoted back ("每个站点2万的政策") names the provision and is no claim.
   */
  claims: NumberMention[];
  /** Figures outside their fact's plausible range: held back from `facts`, to be confirmed. */
  doubtful: DoubtfulFact[];
  /**
   * Values the message names only as the provision asked about ("有机食品认证奖励能拿吗", "示范企业奖励是多少"):
   * not facts about the asker; a short reply affirming them ("国家级的", "2021年评上了") may state them.
   */
  askedAbout: Partial<Record<FactName, string>>;
}

/** Longer messages are cut (with a note): facts are stated early, and reading stays fast. */
export const MAX_MESSAGE_CHARS = 2000;

/** "" = a number written without a unit. */
type UnitOrNone = NumberUnit | "";
/** Numeric facts (their names; a fact declared only in rules/facts.yaml has one too, unknown to TypeScript). */
type AttributableFact = FactName;

/**
 * What the vocabulary (rules/facts.yaml) says a chat number may be: each numeric fact's units
 * (`written`), the fact a unit alone implies (`byUnit`), and the cue words (`cues`, `notFacts`).
 * A cue word under several facts goes to the first that takes the number's unit ("培训" → trainees,
 * or trainingDays for 天). facts [] = a stop word: a number it governs is not a fact ("奖励是50万元").
 */
interface Cue {
  facts: readonly AttributableFact[];
  side: "b" | "a" | "ba";
  weak?: boolean;
  generic?: boolean;
  units?: readonly string[];
  /** A stop word naming what the policy gives: the amount it governs is the user's claim ("听说奖励50万"). */
  claim?: boolean;
}
const ACCEPTS = new Map<AttributableFact, readonly string[]>();
const UNIT_DEFAULT = new Map<string, AttributableFact>();
const CUES = new Map<string, Cue>();
const addCue = (owner: string, w: string, cue: Cue) => {
  const key = w.toUpperCase();
  const known = CUES.get(key);
  if (!known) return void CUES.set(key, cue);
  const same = known.side === cue.side && known.weak === cue.weak && known.generic === cue.generic && String(known.units) === String(cue.units);
  if (!same) throw new VocabularyError(`${VOCABULARY.source}: ${owner}: cue "${w}" is declared twice with different side/weak/generic/units`);
  CUES.set(key, { ...known, facts: [...known.facts, ...cue.facts] });
};
for (const [name, spec] of Object.entries(VOCABULARY.facts)) {
  const fact = name as AttributableFact;
  if (!spec.written) continue;
  ACCEPTS.set(fact, spec.written);
  for (const unit of spec.byUnit ?? []) UNIT_DEFAULT.set(unit, fact);
  for (const { words: ws, ...cue } of spec.cues ?? []) for (const w of ws) addCue(`fact "${name}"`, w, { ...cue, facts: [fact] });
}
for (const { words: ws, ...cue } of VOCABULARY.notFacts) for (const w of ws) addCue("notFacts", w, { ...cue, facts: [] });
const accepts = (fact: AttributableFact, unit: UnitOrNone) => ACCEPTS.get(fact)?.includes(unit) ?? false;
const SALES_FACTS: ReadonlySet<FactName> = new Set(["onlineRetailSales", "crossBorderSales", "platformSales"]);

/** Words around a number that narrow or redirect the fact its cue chose. */
interface Refinement {
  from: readonly AttributableFact[];
  when: RegExp;
  /** before: since the previous number; clause: between commas; sentence: since the previous sales figure. */
  scope: "before" | "clause" | "sentence";
  to: AttributableFact | null;
  /** Keep the original fact too (platform sales are also online retail sales). */
  also?: boolean;
  /** Only when the cue was a generic word (销售额, 卖了, 花了), not a specific one (网络零售额, 费用). */
  genericOnly?: boolean;
  /** Not when the cue word itself names the original kind ("快递整合了7家" beside "不搞货运" stays 快递). */
  unlessCue?: RegExp;
  /** Not when this stands between the previous number and the figure ("快递只整合了6家 也不做货运" stays 快递). */
  unlessBefore?: RegExp;
}
/** 跨境, or a word that says the business sells abroad (the vocabulary's crossBorderBusiness: 亚马逊, 速卖通…). */
const CROSS_BORDER = new RegExp(["跨境", ...(FACTS.crossBorderBusiness?.aliases ?? [])].map(literal).join("|"), "i");
const REFINEMENTS: readonly Refinement[] = [
  { from: ["onlineRetailSales", "transactionVolume"], when: CROSS_BORDER, scope: "sentence", to: "crossBorderSales", genericOnly: true },
  { from: ["onlineRetailSales"], when: /全国性|京东|天猫|淘宝|拼多多|苏宁|抖音|快手|1688|唯品会/, scope: "sentence", to: "platformSales", also: true },
  // "研发费用及购进软硬件费用" stays expenses (Miluo); "设备投入" / "装修花了" are the investments Yeji subsidises.
  { from: ["investment", "expenses"], when: /研发/, scope: "before", to: "expenses" },
  { from: ["investment", "expenses"], when: /年费/, scope: "before", to: "annualFee" },
  // "办了好几次直播大赛 每次都投了七万多": money put into a contest is what holding it cost, no investment.
  { from: ["investment"], when: /大赛|比赛|办赛/, scope: "before", to: "expenses" },
  { from: ["investment"], when: /装修|装饰|场所建设/, scope: "before", to: "decorationInvestment" },
  { from: ["investment"], when: /设备|软硬件|硬件|电脑|显示屏/, scope: "before", to: "equipmentInvestment" },
  // "研发费用62万 买软硬件18万": beside research costs, software and hardware bought are costs of the same R&D
  // (汨罗 三/(四) 研发费用及购进软硬件费用); they stay the equipment investment too.
  { from: ["equipmentInvestment"], when: /研发/, scope: "clause", to: "expenses", also: true },
  // "新建了5个农村电商服务网点 一共花了八万": money spent on building sites is what was invested in them.
  { from: ["expenses"], when: /服务网点|服务站|服务点|电商网点|站点/, scope: "before", to: "investment", genericOnly: true },
  { from: ["expenses"], when: /装修|装饰|场所建设/, scope: "before", to: "decorationInvestment", genericOnly: true },
  { from: ["expenses"], when: /设备|软硬件|硬件|电脑|显示屏/, scope: "before", to: "equipmentInvestment", genericOnly: true },
  { from: ["jobsCreated"], when: /残疾/, scope: "clause", to: "disabledEmployees" },
  { from: ["jobsCreated"], when: /贫困|建档立卡/, scope: "clause", to: "poorEmployees" },
  // "收了8个院校实训出来的学生": people trained elsewhere whom the applicant took on.
  { from: ["jobsCreated"], when: /(培训|参训|实训).*(就业|吸纳|招|收了|录用)|(就业|吸纳|招|收了|录用).*(培训|参训|实训)/, scope: "clause", to: "trainedHires" },
  { from: ["jobsCreated"], when: /培训/, scope: "clause", to: "trainees" },
  // "吸纳了…培训的学员8个人就业": trainees a business took into jobs are its hires, not a session's trainees.
  { from: ["trainees"], when: /(吸纳|录用|招用|聘用).*就业/, scope: "clause", to: "trainedHires" },
  { from: ["activeAnchors"], when: /培训/, scope: "clause", to: "anchorsTrained" },
  { from: ["trainees"], when: /主播/, scope: "clause", to: "anchorsTrained" },
  // "培训20名10万粉丝以上的主播", "培训了30个主播 可主播粉丝都就五六万": the anchors' followers, not the speaker's.
  { from: ["followers"], when: /培训/, scope: "clause", to: "trainedAnchorFollowers" },
  { from: ["area"], when: /租/, scope: "clause", to: "rentArea" },
  // 汨罗 counts courier and freight integration separately (快递物流整合8家 / 货运物流整合5家).
  { from: ["partnerCompanies", "residentCompanies"], when: /货运/, scope: "clause", to: "freightCompanies", unlessCue: /快递/, unlessBefore: /快递/ },
  { from: ["residentCompanies"], when: /整合|快递/, scope: "clause", to: "partnerCompanies" },
];

/** The refinements of each fact, in order. */
const REFINEMENTS_FROM = new Map<AttributableFact, Refinement[]>();
for (const r of REFINEMENTS) for (const f of r.from) REFINEMENTS_FROM.set(f, [...(REFINEMENTS_FROM.get(f) ?? []), r]);

/** A number with no cue, in a message about this, is this ("培训1天 40人" → 40 trainees). */
const CONTEXT_DEFAULTS: ReadonlyArray<readonly [units: readonly UnitOrNone[], when: RegExp, fact: AttributableFact]> = [
  [["人", "名", "位"], /培训/, "trainees"],
  [["人", "名", "位"], /就业|招|员工|岗位|用工/, "jobsCreated"],
  // Meals, lodging and computer practice are what a training session provides ("半天的，20个人，管了午饭").
  [["人", "名", "位"], /上机|食宿|吃住|午饭|管饭|就餐/, "trainees"],
  [["家"], /入驻|园区|基地/, "residentCompanies"],
  [["件", "单"], /派送|快递|物流|配送/, "parcelsPerYear"],
];

const CUE_WORDS = new WordFinder(CUES.keys());
/**
 * The cue words of facts written in % (`written: ["%"]`): a percentage is a quantity only in a clause naming
 * one ("整合了全县85%的快递单量"); any other ("补贴50%") is a rate the text sets, no fact about the asker.
 */
const PERCENT_CUES = [...CUES].filter(([, cue]) => cue.facts.some((f) => accepts(f, "%"))).map(([w]) => w);
const PERCENT_CUE_RE = PERCENT_CUES.length > 0 ? new RegExp(PERCENT_CUES.map(literal).join("|"), "i") : null;

const N = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const PLACE = "(?:全[市县区省国]|本[市县区])?";
/** What a ranking is among, between 排 and 第/前: "排全市乡镇第二", "位居同类企业前三". */
const AMONG = "[^，,。！!？?；;\\s\\d第前]{0,6}?";
/** 第二场, 第三次: an ordinal of events, not a place in a ranking. */
const NOT_PLACE_AFTER = "(?![场次期天个年届批轮笔])";
const RANK_RES: ReadonlyArray<readonly [RegExp, boolean]> = [
  [new RegExp(`(?:排名|排行|名列|位列|位居|(?<!安)排在?)${AMONG}前${N}(?:名|位)?${NOT_PLACE_AFTER}`, "g"), true],
  [new RegExp(`前${N}(?:名|位)`, "g"), true],
  [new RegExp(`(?:排名|排行|名列|位列|位居)${PLACE}第?${N}(?:名|位)?`, "g"), false],
  [new RegExp(`(?:排名|排行|名列|位列|位居|(?<!安)排在?)${AMONG}第${N}(?:名|位)?${NOT_PLACE_AFTER}`, "g"), false],
  [new RegExp(`${PLACE}第${N}(?:名|位)`, "g"), false],
  [new RegExp(`(?:全[市县区省国]|评定|评比|考核|评选)第${N}`, "g"), false],
  // "新企业里排12名", "排在十一", "排13": a place after 排 without 第 (a count of units after it is no place).
  [new RegExp(`(?<![安编彩])排在?${PLACE}${N}(?:名|位)?${NOT_PLACE_AFTER}(?![\\d十百千万亿元块人家号米])`, "g"), false],
  // "排老二": 老大 is first, 老二 second.
  [new RegExp(`(?:排名|排行|(?<!安)排在?)${PLACE}老([大二三四五六七八九十])`, "g"), false],
  // "评定拿了第一", "考核得了第二": a place won.
  [new RegExp(`(?:拿|得|获得?|夺得?)了?${PLACE}第${N}(?:名|位)?${NOT_PLACE_AFTER}`, "g"), false],
  // "全市排头一名", "拿了头名": 头名 is first.
  [new RegExp(`(头)一?名`, "g"), false],
];

const FACT_WORD: Partial<Record<FactName, string>> = { followers: "粉丝数" };
const labelOf = (f: FactName) => FACT_WORD[f] ?? FACTS[f].label;

/** Is any position in [start, end) marked? */
function covers(marks: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (marks[i]) return true;
  return false;
}

const unitOf = (m: NumberMention): UnitOrNone => m.unit ?? "";

/** Could the figure in `words` ("4位", "120万") be a value of `fact`, by the unit it was written with? */
export function fitsFact(fact: FactName, words: string): boolean {
  const m = findNumbers(words)[0];
  return m !== undefined && accepts(fact as AttributableFact, unitOf(m));
}

/** Adverbs that stand between a cue and its number without separating them, in the order they are tried at a position. */
const FILLERS: readonly string[] = ["也就", "都就", "就", "都", "才", "也", "大概", "差不多", "只有", "将近", "约"];
const FILLER_STARTS: ReadonlySet<number> = new Set(FILLERS.map((w) => w.charCodeAt(0)));

/**
 * The length of text[from, to) without its fillers, as `slice(from, to).replace(/也就|都就|…/g, "")` would leave
 * it, counted in place: this is asked for every cue word before every figure.
 */
function lengthWithoutFillers(text: string, from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; ) {
    let skip = 0;
    if (FILLER_STARTS.has(text.charCodeAt(i))) {
      for (const w of FILLERS) {
        if (i + w.length <= to && text.startsWith(w, i)) {
          skip = w.length;
          break;
        }
      }
    }
    if (skip > 0) i += skip;
    else {
      length++;
      i++;
    }
  }
  return length;
}

/** Does text[from, to) hold a clause break (，。！？；…)? A look-up in the message's break positions, no slice. */
const clauseBreakIn = (text: string, from: number, to: number) => from < to && breakAfter(text, from, CLAUSE_BREAK, to) < to;

/** Does text[from, to) hold white space (what /\s/ matches), read by character code? */
function blankIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** Does text[from, to) hold the character `code`? (Not indexOf, which would read on to the message's end.) */
function charIn(text: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}
const LE = "了".charCodeAt(0);

/** Measure words after which the counted noun may come a few words later ("5个农村电商服务网点"). */
const MEASURE_WORDS: ReadonlySet<UnitOrNone> = new Set(["个", "家", "间", "名", "位"]);

/**
 * The fact `cue` gives a number with `unit` standing on that side of it: null for a stop word,
 * undefined when the cue cannot claim the number.
 */
function cueFact(cue: Cue, unit: UnitOrNone, after: boolean): AttributableFact | null | undefined {
  if (after ? cue.side === "b" : cue.side === "a") return undefined;
  if (cue.units && !cue.units.includes(unit)) return undefined;
  if (cue.facts.length === 0) return null;
  for (const f of cue.facts) if (accepts(f, unit)) return f;
  return undefined;
}

/** What may stand between a noun cue and the verb cue telling what it did ("销售额也卖了", "社保交满半年"): up to two of these or blanks. */
const NOUN_VERB_GAP_CHARS: ReadonlySet<number> = new Set([..."也都就已经交缴"].map((c) => c.charCodeAt(0)));

/** Is text[from, to) a gap a noun and its verb may have between them (NOUN_VERB_GAP_CHARS), read in place? */
function nounVerbGap(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) if (!NOUN_VERB_GAP_CHARS.has(text.charCodeAt(i)) && !blankIn(text, i, i + 1)) return false;
  return true;
}

/**
 * "网上交易额做到了20万", "销售额卖了300万": a verb cue right after a noun cue tells what the noun did,
 * so the number is the noun's — when both announce the same kind of quantity ("直播间卖了100万" stays sales).
 */
function yieldsToNoun(hit: Hit, index: number, cueHits: Hit[], text: string, unit: UnitOrNone): boolean {
  const cue = CUES.get(hit.key)!;
  const own = cueFact(cue, unit, false);
  if (!cue.weak || !own) return false;
  const noun = cueHits[index - 1];
  if (!noun || !nounVerbGap(text, noun.end, hit.start)) return false;
  const nounCue = CUES.get(noun.key)!;
  const nounFact = nounCue.weak ? undefined : cueFact(nounCue, unit, false);
  return Boolean(nounFact) && FACTS[nounFact!].unit === FACTS[own].unit;
}

/**
 * How close the cue `hit` stands to claim a number `distance` away (lower is closer), or Infinity when it cannot
 * claim it: a score, so that `attribute` keeps only the best cue seen, with no candidate built per cue.
 */
function scoreOf(hit: Hit, distance: number, after: boolean, unit: UnitOrNone): number {
  const cue = CUES.get(hit.key)!;
  if (cueFact(cue, unit, after) === undefined) return Infinity;
  // A one-character verb (花, 卖, 招) far from the figure is more likely inside a word: 黄花菜, 花椒, 棉花.
  if (cue.weak && hit.word.length === 1 && distance > 3) return Infinity;
  return distance + (cue.weak ? 0.5 : 0) + (after ? 0.25 : 0);
}

/** What `attribute` chose for a figure: its fact (null: a stop word hides it), the cue (null: placed by its unit or context) and the cue's word. */
interface Choice {
  fact: AttributableFact | null;
  cue: Cue | null;
  word: string;
}
/** The one Choice record, rewritten by every `attribute` call: a long message has a hundred figures. */
const CHOICE: Choice = { fact: null, cue: null, word: "" };

function choose(fact: AttributableFact | null, cue: Cue | null, word: string): Choice {
  CHOICE.fact = fact;
  CHOICE.cue = cue;
  CHOICE.word = word;
  return CHOICE;
}

/**
 * Choose the fact a number belongs to from its cue words; null when none fits. The choice is valid until the
 * next call. `sentenceStart`: where the sentence holding the figure starts.
 */
function attribute(
  text: string,
  m: NumberMention,
  prevEnd: number,
  nextStart: number,
  nextQuantity: NumberMention | undefined,
  cueHits: Hit[],
  sentenceStart: number,
): Choice | null {
  const unit = unitOf(m);
  let best: Hit | undefined;
  let bestScore = Infinity;
  let bestAfter = false;
  const beforeFrom = Math.max(prevEnd, sentenceStart, m.start - 14);
  // "5个农村电商服务网点": after a measure word the counted noun may stand a few words later.
  const measured = MEASURE_WORDS.has(unit);
  const afterReach = measured ? 14 : 6;
  const afterTo = Math.min(nextStart, nextBreakAfter(text, m.end, CLAUSE_BREAK), m.end + afterReach);
  // Hits are sorted by start; jump to the window instead of scanning a long message from the top.
  // "上半年网零600万": a cue may start on the last character of the figure before (年网零 after 半年).
  const lo = firstStartingFrom(cueHits, beforeFrom === prevEnd && prevEnd > 0 ? prevEnd - 1 : beforeFrom);
  // The cue right before the next number belongs to it ("超过50万且年交易额达到1.5亿": 年交易额 is the 1.5亿's),
  // when it can claim that number: "9.9万粉丝 一年带货" keeps 粉丝 for the 9.9万 (粉丝 takes no 年).
  let nextOwnCue: Hit | undefined;
  for (let i = lo; nextQuantity !== undefined && i < cueHits.length && cueHits[i]!.end <= nextQuantity.start; i++) {
    const hit = cueHits[i]!;
    if (hit.start < m.end || nextQuantity.start - hit.end > 4) continue;
    const claims = cueFact(CUES.get(hit.key)!, unitOf(nextQuantity), false) !== undefined;
    if (claims && !clauseBreakIn(text, hit.end, nextQuantity.start)) nextOwnCue = hit;
  }
  // The mention's own qualifier ("不超过5万") bounds the number; it is no stop word hiding it.
  const wordsStart = m.wordsStart;
  for (let i = lo; i < cueHits.length && cueHits[i]!.start < afterTo; i++) {
    const hit = cueHits[i]!;
    if (hit.end <= m.start) {
      if (hit.start >= wordsStart || hit.end <= beforeFrom) continue;
      if (yieldsToNoun(hit, i, cueHits, text, unit)) continue;
      // "粉丝也就七八万", "主播粉丝都就五六万": adverbs between a noun and its figure add no distance.
      // "我们企业2017年新建了4个…网点": a noun before a finished action (了) did it; the measure word counts what
      // follows. A verb cue right before 了 ("吸纳了8个") still claims its figure.
      const done = measured && charIn(text, LE, hit.end + 1, m.start);
      const distance = lengthWithoutFillers(text, hit.end, m.start) + (clauseBreakIn(text, hit.end, m.start) ? 4 : 0) + (done ? 8 : 0);
      const score = scoreOf(hit, distance, false, unit);
      if (score < bestScore) {
        best = hit;
        bestScore = score;
        bestAfter = false;
      }
    } else if (hit.start >= m.end && hit.end <= afterTo && hit !== nextOwnCue) {
      // "六十个电商企业员工": a noun counted only by measure words (企业, 公司) before another noun modifies it.
      if (CUES.get(hit.key)!.units && (cueHits[i + 1]?.start === hit.end || cueHits[i + 2]?.start === hit.end)) continue;
      // A blank after the figure is a pause: "线上交易做了二十二万 站点能拿奖励不" names the 站点 anew.
      const pause = blankIn(text, m.end, hit.start) ? 2 : 0;
      const score = scoreOf(hit, hit.start - m.end + pause, true, unit);
      if (score < bestScore) {
        best = hit;
        bestScore = score;
        bestAfter = true;
      }
    }
  }
  if (best) {
    const cue = CUES.get(best.key)!;
    return choose(cueFact(cue, unit, bestAfter)!, cue, best.word);
  }
  const fallback = (m.unit ? UNIT_DEFAULT.get(m.unit) : undefined) ??
    (isFirstMilestone(text, m) ? "onlineRetailSales" : undefined) ??
    (isEventCost(text, m) || isActivityTotal(text, m) ? "expenses" : undefined) ??
    contextDefault(text, unit);
  return fallback ? choose(fallback, null, "") : null;
}

/** The fact a figure with `unit` is by default in a message naming its context (CONTEXT_DEFAULTS). */
function contextDefault(text: string, unit: UnitOrNone): AttributableFact | undefined {
  for (const [units, when, fact] of CONTEXT_DEFAULTS) if (units.includes(unit) && when.test(text)) return fact;
  return undefined;
}

/** The words of a first time (首次, 头一回…): the vocabulary's words for `firstTimeReached`, right before a figure. */
const FIRST_TIME_BEFORE = new RegExp(`(${VOCABULARY.facts.firstTimeReached?.aliases.map(literal).join("|") || "首次"})\\s?$`);

/**
 * "2019年头一回过了100万": money passed for the first time with no noun is the sales figure the
 * 首次突破 provisions count (a noun cue, 粉丝 or 投资, would have claimed it first).
 */
function isFirstMilestone(text: string, m: NumberMention): boolean {
  if (!isMoney(m) || m.interval.lowInclusive || m.below) return false;
  return FIRST_TIME_BEFORE.test(text.slice(Math.max(0, m.wordsStart - 4), m.wordsStart));
}

/** A ranking followed by its reward names the provision, not the asker's place: "排名前三有奖", "第一名奖3万". */
const NAMES_REWARD_AFTER = /(?:名|位)?的?(?:才|都)?(?:有奖|奖(?!励?多少))/y;
function namesReward(text: string, at: number): boolean {
  NAMES_REWARD_AFTER.lastIndex = at;
  return NAMES_REWARD_AFTER.test(text);
}

/**
 * The last ranking phrase in the text (排名第二, 全市第2名, 前3名), with its span: the asker's place before
 * one that names a reward ("排名前三有奖 我们镇是第二名"); alone, a ranking is the asker's whatever follows.
 */
function findRank(text: string, others: readonly OtherSpan[]): { rank: RankStatement; start: number; end: number } | undefined {
  const skipped = { any: false };
  return findRankOf(text, others, skipped) ?? (skipped.any ? findRankOf(text, others) : undefined);
}

/** With `skipped`: rankings naming a reward are passed over, and `skipped.any` says whether one was. */
function findRankOf(text: string, others: readonly OtherSpan[], skipped?: { any: boolean }): { rank: RankStatement; start: number; end: number } | undefined {
  for (const [re, within] of RANK_RES) {
    let found: { rank: RankStatement; start: number; end: number } | undefined;
    re.lastIndex = 0;
    for (let r = re.exec(text); r !== null; r = re.exec(text)) {
      if (others.length > 0 && insideOther(others, r.index, r.index + r[0].length)) continue;
      if (skipped && namesReward(text, r.index + r[0].length)) {
        skipped.any = true;
        continue;
      }
      const n = r[1] ?? "";
      const value = /\d/.test(n) ? Number(n) : n === "大" || n === "头" ? 1 : parseChineseNumeral(n);
      if (value && value >= 1) found = { rank: { value, within, raw: r[0] }, start: r.index, end: r.index + r[0].length };
    }
    if (found) return found;
  }
  return undefined;
}

const ARTICLE_UNITS: ReadonlySet<string> = new Set(["个", "家", "位", "名"]);
/** "三个行政村各建了一个服务网点": after 各 and its verb, 一个 is one each, a count. */
const EACH_BEFORE = /各[^，,。！!？?；;\s\d]{0,3}$/;

/** "一个电商企业", "一家公司": an article before the applicant's noun, not a count. */
function isDeterminer(text: string, m: NumberMention, phraseHits: readonly Hit[]): boolean {
  if (!m.chinese || m.value !== 1 || !ARTICLE_UNITS.has(m.unit ?? "")) return false;
  if (EACH_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) return false;
  return phraseHits.some(
    (h) => h.start >= m.end && h.start - m.end <= 2 && namesEntity(h.key),
  );
}

/** "2021届毕业生", "2019级": a graduating class or intake, named by its year, counts nothing (read by character code). */
const COHORT_AFTER: ReadonlySet<number> = new Set(["届".charCodeAt(0), "级".charCodeAt(0)]);
/** 第 before a figure: an ordinal ("第一年"), no quantity. */
const ORDINAL = "第".charCodeAt(0);

/** What a figure is worth as `fact`, as bounds ("头一回过了100万 一百一二十万": the bare figure says the one before it more precisely). */
const partOf: PartOf = (fact, m) => {
  const v = mentionToQuantity(fact, m, labelOf(fact));
  return "reason" in v ? null : typeof v.value === "number" ? { low: v.value, high: v.value } : { low: v.value.low, high: v.value.high };
};

interface Assigned {
  fact: AttributableFact;
  mention: NumberMention;
  cue?: string;
  /** No word placed the figure, only its unit or context (平 → 营运面积): the fact the bot asked about comes first. */
  byDefault?: boolean;
}

/**
 * Read the facts stated in one chat message. Never throws; `asOf` resolves relative years.
 * The values are not yet checked against the shared schema: {@link admitFacts} does that, once, where the
 * facts enter the session; admitted `facts` always pass `parseFacts`.
 */
export function extractFacts(input: string, options: ExtractOptions): Extraction {
  const out: Extraction = { facts: {}, notes: [], rejected: [], correction: false, sources: {}, inferred: [], unattributed: [], claims: [], doubtful: [], askedAbout: {} };
  try {
    read(input, options, out);
  } catch {
    // A reader bug must not cost the user a reply: answer without facts from this message.
    out.facts = {};
    out.notes.push("有一部分内容没能读懂，请换个说法再发一次。");
  }
  return out;
}

/**
 * A message's facts as they enter the session: a value the shared schema refuses ("培训了2.3天": 按半天计) moves
 * from `facts`, or from `doubtful`, to `rejected` with the schema's reason. This is the one zod check of what
 * was read (rules/facts.ts `factValueError`): a value it passes is remembered, so that parseFacts merging it
 * into the session takes it as it is. `read` does not check its values itself: they would be parsed twice on
 * every turn, and a long message states a dozen intervals, each a zod object parse.
 */
export function admitFacts(x: Extraction): Extraction {
  const facts = x.facts as Record<string, unknown>;
  for (const name in facts) {
    const fact = name as FactName;
    const reason = factValueError(fact, facts[fact]);
    if (reason === null) continue;
    x.rejected.push({ fact, raw: x.sources[fact] ?? String(facts[fact]), reason });
    delete facts[fact];
    delete x.sources[fact];
  }
  // A figure held back to be confirmed is checked now too: once confirmed, it enters the session unasked.
  x.doubtful = x.doubtful.filter((d) => {
    const reason = factValueError(d.fact, d.value);
    if (reason !== null) x.rejected.push({ fact: d.fact, raw: d.said, reason });
    return reason === null;
  });
  return x;
}

/** Marks kept between messages (see Marks): positions inside a number, and inside a phrase word. */
const IN_NUMBER = new Marks();
const IN_PHRASE = new Marks();

function read(input: string, options: ExtractOptions, out: Extraction): void {
  let text = typeof input === "string" ? input : "";
  if (text.length > MAX_MESSAGE_CHARS) {
    text = text.slice(0, MAX_MESSAGE_CHARS);
    out.notes.push("消息太长，只读取了开头部分。");
  }
  if (!text.trim()) return;
  out.correction = isCorrection(text);

  const mentions = findNumbers(text, { asOf: options.asOf });
  const phraseHits = phrasesOutsideNumbers(text, mentions);
  const facts: Record<string, unknown> = {};

  // "第一名那家卖了3个亿", "同行卖了500万": another party's figures and place are none of the asker's.
  const others = otherPartySpans(text);
  const rank = findRank(text, others);
  if (rank) {
    out.rank = rank.rank;
    facts.rank = rank.rank.value;
    if (rank.rank.within) out.notes.push(`“${rank.rank.raw}”按第${rank.rank.value}名计算。`);
  }
  const dated = new Map<FactName, string>();
  const yearsNote = readYears(text, mentions, facts, out.sources, dated, (m) => (m.unit !== "%" || isRelativeRate(text, m)) && !quotesTier(text, m) && !isPolicyAmount(text, m), options.known);

  const policyAmounts: NumberMention[] = [];
  const figures = figuresToAttribute(text, mentions, rank, phraseHits, policyAmounts);
  const uncued: NumberMention[] = [];
  const cueHits = scan(CUE_WORDS, text);
  // "不对 是180多万 少说了个1": the digit a correction says was missed or typed too many is no figure.
  const asides = out.correction ? correctionAsides(text) : [];
  const own = others.length === 0 && asides.length === 0 ? figures : figures.filter((m) => !insideOther(others, m.start, m.end) && !inCorrectionAside(asides, m));
  const assigned = attributeAll(text, own, mentions, out, uncued, cueHits);
  addRestatements(text, assigned, mentions, uncued, out);
  if (uncued.length > 0) addSubsets(text, assigned, mentions, uncued, out);
  if (uncued.length > 0) addKindSubset(text, assigned, uncued, out);
  addClaims(text, policyAmounts, out.claims);

  // "粉丝是15万 不是9万5": a figure right after 不是 is the value denied, never one to fill in.
  dropDenied(text, out.unattributed);
  if (options.expect !== undefined && options.expect.length > 0) answerExpected(text, options.expect, assigned, facts, out.unattributed, options.known);

  // Several instances of one fact: "一场花了5w 一场花了8w", "3期 每期40人", "3个…和1个…", "一期2天 一期1天".
  const instances = readInstances(text, assigned, mentions, uncued, partOf, out.correction);
  for (const i of instances) {
    // Instances keep their parts, so that caps apply per event and per year; items of one sum are one value to the engine.
    facts[i.fact] = i.items ? { ...fromParts(i.parts, i.adds, i.words), items: true } : fromParts(i.parts, i.adds, i.words);
    out.sources[i.fact] = i.words;
    out.unattributed = out.unattributed.filter((m) => !i.mentions.includes(m));
    out.notes.push(`${labelOf(i.fact)}按你说的各项分别计算${i.adds ? "再相加" : ""}：${i.words}${restOfYearUnsaid(i.parts) ? "；全年其余月份未说，按不少于这个数计算" : ""}。`);
  }
  // Figures dated by several years are computed year by year; otherwise the last year named counts.
  if (yearsNote && !datedBySeveralYears(instances)) out.notes.push(yearsNote);

  // Money in another currency (20万美元) is converted at the vocabulary's rate for the year, basis stated.
  const quantityOf = (fact: FactName, m: NumberMention) => quantityIn(text, fact, m, facts, out.notes);
  const byFact = groupByFact(assigned, instances);
  for (let f = 0; f < byFact.facts.length; f++) {
    const fact = byFact.facts[f]!;
    const list = readEarlierYears(fact, byFact.lists[f]!, mentions, facts, out.sources, quantityOf);
    byFact.last[f] = list[list.length - 1]!.mention;
    settleFact(text, fact, list, facts, out, quantityOf);
  }
  if (assigned.length > 0) addRelativeFigures(text, mentions, assigned, facts, out, quantityOf);

  if (out.correction && options.known) correctItems(assigned, byFact, options.known, facts, out.sources);
  const none = readNone(text, cueHits, facts, out.sources);
  out.notes.push(...readWholes(facts, out.sources, labelOf));
  readPhrases(text, phraseHits, facts, out, options.places ?? []);
  readOperatingSince(text, options.asOf, facts, out.sources);
  readOpenedToYearEnd(text, options.asOf, facts, out.sources, dated);
  readSubsidiesReceived(text, facts);
  // Yes/no, level and category conditions, from the vocabulary's words (bot/understanding/conditions.ts).
  readConditions(text, { expect: options.expect, asOf: options.asOf }, { facts, said: out.sources });
  if (facts.localSpecialty === undefined) readLocalGoods(text, options.regionPlaces ?? [], facts, out.sources);
  if (facts.localSpecialty === undefined) {
    const home = readHomeGoods(text);
    if (home) [facts.localSpecialty, out.sources.localSpecialty] = [true, home];
  }
  const knownYear = options.known?.activityYear;
  readSameYear(facts, out.sources, dated, { asked: options.expect, knownYear: typeof knownYear === "number" ? knownYear : undefined });
  readYearsAfter(facts, out.sources);
  holdImplausible(text, facts, none, byFact, out, options.known);
  out.facts = facts as Facts;
}

/** "一季度卖了20万 二季度35万": the parts of a year read leave the rest of it unsaid. */
const restOfYearUnsaid = (parts: readonly QuantityPart[]) => parts.some((p) => p.words === REST_OF_YEAR);

/**
 * "2020年卖了60万 2021年翻了一倍", "差两万到100万": the value the words give replaces the figure read (another
 * year's, or the target); the base figure of an earlier year is that year's best, for 首次突破.
 */
function addRelativeFigures(
  text: string,
  mentions: readonly NumberMention[],
  assigned: readonly Assigned[],
  facts: Record<string, unknown>,
  out: Extraction,
  quantityOf: (fact: FactName, m: NumberMention) => Conversion,
): void {
  const activity = typeof facts.activityYear === "number" ? facts.activityYear : undefined;
  const valueOf = (fact: FactName, m: NumberMention) => {
    const v = quantityOf(fact, m);
    return "value" in v ? v.value : null;
  };
  for (const r of readRelativeFigures(text, mentions, assigned, activity, valueOf)) {
    facts[r.fact] = { low: r.low, high: Number.isFinite(r.high) ? r.high : null, words: r.words };
    out.sources[r.fact] = r.words;
    const label = `${labelOf(r.fact)}前后说了`;
    out.notes = out.notes.filter((n) => !n.startsWith(label));
    const earlier = earlierFactOf(r.fact);
    if (earlier && r.base && r.baseYear !== undefined && activity !== undefined && r.baseYear < activity && facts[earlier] === undefined) {
      const b = valueOf(r.fact, r.base);
      if (b !== null) {
        const [low, high] = typeof b === "number" ? [b, b] : [b.low, b.high];
        const words = `${r.baseYear}年${r.base.words}`;
        facts[earlier] = { low, high, words };
        out.sources[earlier] = words;
      }
    }
  }
}

/** The phrase words of the message, but for those starting inside a number: "40个人" counts people, it names no 个人 applicant. */
function phrasesOutsideNumbers(text: string, mentions: readonly NumberMention[]): Hit[] {
  const inNumber = IN_NUMBER.take(text.length);
  for (let k = 0; k < mentions.length; k++) inNumber.fill(1, mentions[k]!.start + 1, mentions[k]!.end);
  // A copy (the phrase finder's own list is rewritten by its next scan), kept in place: one array of the list's size.
  const hits = scanPhrases(text).slice();
  let kept = 0;
  for (let k = 0; k < hits.length; k++) if (!inNumber[hits[k]!.start]) hits[kept++] = hits[k]!;
  hits.length = kept;
  IN_NUMBER.give(inNumber);
  return hits;
}

/**
 * The figures to attribute to facts, in order. Numbers inside a ranking ("排名第2"), an ordinal ("第一年"), a name
 * ("1688平台"), a percentage or an article ("一家公司") are not quantities; a tier quoted back ("300万那档") is
 * neither a fact nor a claimed amount; the policy's own amounts ("那个每户2万的奖励") go to `policyAmounts`.
 */
function figuresToAttribute(
  text: string,
  mentions: readonly NumberMention[],
  rank: { start: number; end: number } | undefined,
  phraseHits: readonly Hit[],
  policyAmounts: NumberMention[],
): NumberMention[] {
  const inPhrase = IN_PHRASE.take(text.length);
  for (let k = 0; k < phraseHits.length; k++) inPhrase.fill(1, phraseHits[k]!.start, phraseHits[k]!.end);
  const figures: NumberMention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (!isQuantity(text, m, rank, inPhrase, phraseHits) || quotesTier(text, m)) continue;
    if (isPolicyAmount(text, m)) policyAmounts.push(m);
    else figures.push(m);
  }
  IN_PHRASE.give(inPhrase);
  return figures;
}

/** Is `m` a quantity at all (see figuresToAttribute)? `inPhrase` marks the positions inside a phrase word. */
function isQuantity(text: string, m: NumberMention, rank: { start: number; end: number } | undefined, inPhrase: Uint8Array, phraseHits: readonly Hit[]): boolean {
  return !m.isYear && (m.unit !== "%" || percentCued(text, m)) && text.charCodeAt(m.start - 1) !== ORDINAL && !COHORT_AFTER.has(text.charCodeAt(m.end)) &&
    !(rank && m.start < rank.end && m.end > rank.start) && !covers(inPhrase, m.start, m.end) &&
    !isDeterminer(text, m, phraseHits) && !countsOtherThings(text, m) && !countsExceptions(text, m) && !introducesFigure(text, m) && !picksOneOf(text, m) && !countsProvisions(text, m);
}

/** "培训了30个主播 10万粉以上的只有十五六个": the count of those meeting a condition replaces the total. */
function addSubsets(text: string, assigned: Assigned[], mentions: readonly NumberMention[], uncued: NumberMention[], out: Extraction): void {
  const subsets = readQualifiedSubsets(text, assigned, mentions, uncued);
  for (const s of subsets) {
    assigned.splice(0, assigned.length, ...assigned.filter((a) => !(a.mention === s.replaces && a.fact === s.fact)));
    assigned.push({ fact: s.fact, mention: s.mention });
    uncued.splice(uncued.indexOf(s.mention), 1);
    out.unattributed = out.unattributed.filter((m) => m !== s.mention);
  }
}

/** "招了5个 2个是登记失业人员 1个是应届毕业的大学生 另外俩是亲戚": only the counts of the kind the policy counts are the fact. */
function addKindSubset(text: string, assigned: Assigned[], uncued: NumberMention[], out: Extraction): void {
  const subset = readKindSubset(text, assigned, uncued);
  if (!subset) return;
  assigned.splice(0, assigned.length, ...assigned.filter((a) => !(a.fact === subset.fact && subset.replaces.includes(a.mention))));
  for (const m of subset.counts) {
    assigned.push({ fact: subset.fact, mention: m });
    uncued.splice(uncued.indexOf(m), 1);
  }
  for (const m of subset.others) uncued.splice(uncued.indexOf(m), 1);
  out.unattributed = out.unattributed.filter((m) => !subset.counts.includes(m) && !subset.others.includes(m));
  out.notes.push(`${labelOf(subset.fact)}只按你说的${FACTS[FACTS[subset.fact].qualifiedBy as FactName].label.replace(/^吸纳的是/, "")}计算：${subset.counts.map((m) => m.words).join("、")}。`);
}

/** Figures restated ("卖了120万 就是一百二十来万") or compared by year take the fact of the figure they restate. */
function addRestatements(text: string, assigned: Assigned[], mentions: readonly NumberMention[], uncued: NumberMention[], out: Extraction): void {
  const restated = readRestatements(text, assigned, mentions, uncued, partOf);
  const compared = readComparedYears(text, assigned, mentions, uncued);
  // Most messages restate nothing: then nothing is copied.
  if (restated.length === 0 && compared.length === 0) return;
  const all = [...restated, ...compared];
  assigned.push(...all);
  const said = new Set(all.map((r) => r.mention));
  uncued.splice(0, uncued.length, ...uncued.filter((m) => !said.has(m)));
  out.unattributed = out.unattributed.filter((m) => !said.has(m));
}

/**
 * The policy's amounts join the amounts claimed, in the order written; a rate quoted back ("每个站点2万") is no claim.
 * Both lists are in the order written already: merged from the back, in place, with no sort.
 */
function addClaims(text: string, policyAmounts: readonly NumberMention[], claims: NumberMention[]): void {
  let c = claims.length - 1;
  let p = policyAmounts.length - 1;
  for (let to = claims.length + policyAmounts.length - 1; p >= 0; to--) {
    claims[to] = c >= 0 && claims[c]!.start > policyAmounts[p]!.start ? claims[c--]! : policyAmounts[p--]!;
  }
  let kept = 0;
  for (let k = 0; k < claims.length; k++) if (!isRate(text, claims[k]!)) claims[kept++] = claims[k]!;
  claims.length = kept;
}

/**
 * A bare number answers the question the bot just asked, as a fact it plausibly is: in a message that states
 * other facts, "一百零几万" is no count of employees. A lone figure goes to the fact asked for even when
 * implausible, so that it is asked back ("2万个站点？") and can be confirmed.
 */
function answerExpected(
  text: string,
  asked: readonly FactName[],
  assigned: Assigned[],
  facts: Record<string, unknown>,
  unattributed: NumberMention[],
  known: Facts | undefined,
): void {
  const expect = asked.filter((f) => ACCEPTS.has(f));
  const plausible = (fact: FactName, m: NumberMention) => {
    const q = mentionToQuantity(fact, m, labelOf(fact));
    return !("value" in q) || !isImplausible(fact, q.value, known, facts);
  };
  const lone = assigned.length === 0;
  const fits = (fact: FactName, m: NumberMention) =>
    plausible(fact, m) || (lone && !expect.some((g) => g !== fact && accepts(g, unitOf(m)) && plausible(g, m)));
  for (const fact of expect) {
    if (assigned.some((a) => a.fact === fact)) continue;
    // "刚又谈下来2家 现在是6家了": the figure stated as the value now answers, not the one added to it.
    const candidates = unattributed.filter((x) => accepts(fact, unitOf(x)) && fits(fact, x));
    const m = candidates.length > 1 ? (candidates.find((x) => statesCurrentValue(text, x)) ?? candidates[0]) : candidates[0];
    if (!m) {
      // "租了120平" then "不好意思 是210平": a figure only its unit placed is the area asked about, not 营运面积.
      const placed = assigned.find((a) => a.byDefault && !expect.includes(a.fact) && accepts(fact, unitOf(a.mention)) && fits(fact, a.mention));
      if (placed && !assigned.some((a) => a !== placed && a.mention === placed.mention)) placed.fact = fact as AttributableFact;
      continue;
    }
    unattributed.splice(unattributed.indexOf(m), 1);
    assigned.push({ fact, mention: m });
    // "过500万 还没到1000万": the opposite bound narrows the same figure, it is no second fact.
    const bound = (x: NumberMention) => (x.atLeast ? "atLeast" : x.below ? "below" : null);
    const other = bound(m) && unattributed.find((x) => bound(x) !== null && bound(x) !== bound(m) && accepts(fact, unitOf(x)) && fits(fact, x));
    if (other) {
      unattributed.splice(unattributed.indexOf(other), 1);
      assigned.push({ fact, mention: other });
    }
  }
}

/**
 * The figures of each fact not read as instances: the facts in the order first stated, each one's figures, and
 * (pushed as each is settled) the figure that counts. Arrays side by side, not maps: a message states a few dozen facts.
 */
interface ByFact {
  facts: AttributableFact[];
  lists: Assigned[][];
  last: NumberMention[];
}

function groupByFact(assigned: readonly Assigned[], instances: readonly { fact: FactName }[]): ByFact {
  // Counted first, so that every array is made at its final size (pushed one by one, each would grow in steps).
  FIGURES_OF.fill(0);
  FILLED.fill(0);
  let count = 0;
  for (let k = 0; k < assigned.length; k++) {
    const a = assigned[k]!;
    if (isInstanceFact(instances, a.fact)) continue;
    const i = FACT_INDEX.get(a.fact)!;
    const figures = FIGURES_OF[i]!;
    if (figures === 0) SLOT_OF[i] = count++;
    FIGURES_OF[i] = figures + 1;
  }
  const byFact: ByFact = { facts: new Array(count), lists: new Array(count), last: new Array(count) };
  for (let k = 0; k < assigned.length; k++) {
    const a = assigned[k]!;
    if (isInstanceFact(instances, a.fact)) continue;
    const i = FACT_INDEX.get(a.fact)!;
    const slot = SLOT_OF[i]!;
    let list = byFact.lists[slot];
    if (list === undefined) {
      byFact.facts[slot] = a.fact;
      list = byFact.lists[slot] = new Array(FIGURES_OF[i]!);
    }
    const filled = FILLED[slot]!;
    list[filled] = a;
    FILLED[slot] = filled + 1;
  }
  return byFact;
}

/** Per fact (by its place in FACT_NAMES): its figures while grouping, and its slot in ByFact; tables kept between messages. */
const FACT_INDEX: ReadonlyMap<FactName, number> = new Map(FACT_NAMES.map((f, i) => [f, i]));
const FIGURES_OF = new Int32Array(FACT_NAMES.length);
const SLOT_OF = new Int32Array(FACT_NAMES.length);
/** Per slot: how many of its figures are in its list so far. */
const FILLED = new Int32Array(FACT_NAMES.length);

/** Was `fact` read as instances? (A loop, not `some` with a closure per figure.) */
function isInstanceFact(instances: readonly { fact: FactName }[], fact: FactName): boolean {
  for (let k = 0; k < instances.length; k++) if (instances[k]!.fact === fact) return true;
  return false;
}

/** The figure that counts for `fact`, once settled. */
function lastMentionOf(byFact: ByFact, fact: FactName): NumberMention | undefined {
  const at = byFact.facts.indexOf(fact as AttributableFact);
  return at >= 0 ? byFact.last[at] : undefined;
}

type Conversion = ReturnType<typeof mentionToQuantity>;

/** A figure's value as `fact`; money in another currency (20万美元) at the vocabulary's rate for the year, its basis noted once. */
function quantityIn(text: string, fact: FactName, m: NumberMention, facts: Record<string, unknown>, notes: string[]): Conversion {
  const money = foreignCurrency(text, m);
  if (!money) return mentionToQuantity(fact, m, labelOf(fact));
  if (FACTS[fact].unit !== "fen") return { reason: `${text.slice(money.start, money.end)}是金额，不是${labelOf(fact)}` };
  const converted = convertForeign(text, m, money, facts.activityYear as number | undefined);
  if ("basis" in converted && !notes.includes(converted.basis)) notes.push(converted.basis);
  return converted;
}

/**
 * One value for a fact stated by several figures: the last one stated wins, and a contradiction is pointed out.
 * "过200万 还没到500万": bounds on one figure narrow it instead. Once the figures read so far have no value in
 * common, none of all of them do: the rest are not converted (a long message names sales twenty times), only the
 * last, which counts, and any in a foreign currency, for its note. The values are collected only while they agree.
 */
function settleFact(
  text: string,
  fact: AttributableFact,
  list: readonly Assigned[],
  facts: Record<string, unknown>,
  out: Extraction,
  quantityOf: (fact: FactName, m: NumberMention) => Conversion,
): void {
  const last = list[list.length - 1]!.mention;
  let given: Quantity[] | null = null;
  let first: Quantity | undefined;
  let firstExactAt = -1;
  let lastValue: Conversion | undefined;
  let low = -Infinity;
  let high = Infinity;
  for (let k = 0; k < list.length; k++) {
    const m = list[k]!.mention;
    if (high < low && k < list.length - 1) {
      if (foreignCurrency(text, m)) quantityOf(fact, m);
      continue;
    }
    const v = quantityOf(fact, m);
    lastValue = v;
    if (!("value" in v)) continue;
    const value = v.value;
    if (typeof value === "number" && firstExactAt < 0) firstExactAt = k;
    low = Math.max(low, typeof value === "number" ? value : value.low);
    high = Math.min(high, typeof value === "number" ? value : (value.high ?? Infinity));
    if (high < low) given = null;
    else if (first === undefined) first = value;
    else if (given === null) given = [first, value];
    else given.push(value);
  }
  const narrowed = high < low || given === null ? null : intersectBounds(given);
  if (narrowed !== null) {
    facts[fact] = narrowed;
    // An exact figure inside the bounds said beside it ("卖了三百二十万 首次突破三百万") is the figure, in its words.
    out.sources[fact] = typeof narrowed === "number" ? list[firstExactAt]!.mention.words : wordsOf(list);
    return;
  }
  if (!allSameNumber(list, last.value)) {
    out.notes.push(`${labelOf(fact)}前后说了${wordsOf(list)}，按最后的${last.words}计算。`);
  }
  // "公司就俺自己一个人": the speaker alone is none of the people a fact counts apart from the applicant.
  const v = FACTS[fact].othersOnly && isSpeakerAlone(text, last) ? { value: 0 } : lastValue!;
  if ("reason" in v) out.rejected.push({ fact, raw: last.raw, reason: v.reason });
  else {
    facts[fact] = v.value;
    out.sources[fact] = last.words;
  }
}

/** "不对 设备是60万": a correction naming one item of a remembered sum replaces that item only. */
function correctItems(assigned: readonly Assigned[], byFact: ByFact, known: Facts, facts: Record<string, unknown>, sources: Partial<Record<FactName, string>>): void {
  for (let f = 0; f < byFact.facts.length; f++) {
    const fact = byFact.facts[f]!;
    const m = byFact.last[f]!;
    const cue = assigned.find((a) => a.mention === m && a.fact === fact)?.cue;
    const value = facts[fact] as Quantity | undefined;
    const fixed = cue !== undefined && value !== undefined ? correctItem(known[fact], cue, value, sources[fact] ?? m.words) : null;
    if (!fixed) continue;
    facts[fact] = fixed;
    sources[fact] = fixed.words;
  }
}

/**
 * A figure no applicant could have (2万个站点) is asked back, never computed; a figure feeding two facts
 * (在天猫卖了三千五: sales and platform sales) once, in the words naming it the most.
 */
function holdImplausible(
  text: string,
  facts: Record<string, unknown>,
  none: ReadonlySet<FactName>,
  byFact: ByFact,
  out: Extraction,
  known: Facts | undefined,
): void {
  // Most messages state no implausible figure: then the facts are not enumerated (a key list per message).
  if (!anyImplausible(facts, known)) return;
  const askedFor = new Map<NumberMention, DoubtfulFact>();
  for (const name in facts) {
    const fact = name as FactName;
    const value = facts[fact];
    // A quantity said to be none is no misread figure, whatever the range of figures it may have.
    if (none.has(fact) || !isImplausible(fact, value, known, facts)) continue;
    const m = lastMentionOf(byFact, fact);
    const meant = m && meantInWan(fact, value as Quantity, m, known, facts);
    const doubt: DoubtfulFact = { fact, value: value as Quantity, said: m ? saidAround(text, m, fact) : (out.sources[fact] ?? String(value)), ...(meant ? { meant } : {}) };
    const first = m && askedFor.get(m);
    if (first) (first.said.length >= doubt.said.length ? doubt : first).askedWith = true;
    if (m && (!first || first.askedWith)) askedFor.set(m, doubt);
    out.doubtful.push(doubt);
    delete facts[fact];
    delete out.sources[fact];
  }
}

/** The facts the vocabulary gives a plausible range (`plausible`, `plausibleWhen`): no other can be implausible. */
const RANGED_FACTS: readonly FactName[] = FACT_NAMES.filter((f) => FACTS[f].plausible !== undefined || FACTS[f].plausibleWhen !== undefined);

/** Does any stated fact lie outside its plausible range? Looked up per ranged fact, with no list of the stated ones. */
function anyImplausible(facts: Record<string, unknown>, known: Facts | undefined): boolean {
  for (let k = 0; k < RANGED_FACTS.length; k++) {
    const fact = RANGED_FACTS[k]!;
    const value = facts[fact];
    if (value !== undefined && isImplausible(fact, value, known, facts)) return true;
  }
  return false;
}

/**
 * "设备设施新增投入没有", "没有装修": a quantity that adds (costs, investments, people) named and said to be none is 0,
 * unless a figure of it was stated. The first word of a run names it ("设备设施新增投入" is the equipment).
 */
function readNone(text: string, cueHits: readonly Hit[], facts: Record<string, unknown>, sources: Partial<Record<FactName, string>>): ReadonlySet<FactName> {
  const none = new Set<FactName>();
  let until = -1;
  for (const hit of cueHits) {
    if (hit.start < until) continue;
    const cue = CUES.get(hit.key)!;
    if (cue.weak || cue.generic) continue;
    const fact = cueFact(cue, (cue.units?.[0] ?? "") as UnitOrNone, false);
    if (!fact || facts[fact] !== undefined) continue;
    // A count that does not add (货运 → 全年货运发送量) is none only when its line of business is not done ("不做货运").
    const adds = FACTS[fact].adds === true;
    if (!adds && FACTS[fact].unit !== "count") continue;
    const end = adds ? noneSaidAt(text, hit.start, hit.end) : lineNoneAt(text, hit.start, hit.end);
    if (end < 0) continue;
    until = end;
    facts[fact] = 0;
    sources[fact] = text.slice(Math.max(0, hit.start - (end === hit.end ? 2 : 0)), end);
    none.add(fact);
  }
  return none;
}

/** Equal as a Set counts values equal (SameValueZero: NaN is NaN). */
const sameNumber = (a: number, b: number) => a === b || (a !== a && b !== b);

/** Is every figure of `list` the number `value`? (A loop: no closure per settled fact.) */
function allSameNumber(list: readonly Assigned[], value: number): boolean {
  for (let k = 0; k < list.length; k++) if (!sameNumber(list[k]!.mention.value, value)) return false;
  return true;
}

/** The figures' words joined by 、 ("小两百万、150多万"). */
function wordsOf(list: readonly Assigned[]): string {
  return list.map((a) => a.mention.words).join("、");
}

function percentCued(text: string, m: NumberMention): boolean {
  return PERCENT_CUE_RE !== null &&
    PERCENT_CUE_RE.test(text.slice(lastBreakBefore(text, m.start, CLAUSE_BREAK), nextBreakAfter(text, m.end, CLAUSE_BREAK)));
}

/** 不是 / 而不是 / 并不是 right before a figure (not 是不是, which asks). */
const DENIED_BEFORE = /(?<!是)(?:而|并)?不是\s*$/;
const deniedBefore = headTester(DENIED_BEFORE);

/** Drops, in place, the figures right after 不是 (DENIED_BEFORE, read in place: no slice per figure). */
function dropDenied(text: string, figures: NumberMention[]): void {
  let kept = 0;
  for (let k = 0; k < figures.length; k++) {
    const m = figures[k]!;
    if (!deniedBefore(text, Math.max(0, m.start - 4), m.start)) figures[kept++] = m;
  }
  figures.length = kept;
}

/** Are the parts of some instances dated by more than one year (or some dated and some not)? */
function datedBySeveralYears(instances: readonly { parts: readonly { year?: number }[] }[]): boolean {
  for (const i of instances) for (let k = 1; k < i.parts.length; k++) if (i.parts[k]!.year !== i.parts[0]!.year) return true;
  return false;
}

/** One year or month written just before a figure ("一年是", "每个月大概", "一年才"): the period the figure is per. */
const PER_PERIOD = /^(?:一|每)(?:个)?(?:年|月)(?:下来)?(?:也就|都就|只有|就|都|才|也|只|是|有|能|大概|差不多|将近|约){0,2}\s*$/;
/** The characters PER_PERIOD starts with: a figure's words start with neither most of the time, and then no slice is taken. */
const PERIOD_STARTS: ReadonlySet<number> = new Set(["一".charCodeAt(0), "每".charCodeAt(0)]);

/** 俩, 仨: a count in itself ("招了俩"), unlike a lone 一/两. */
const PAIR_WORD = /[俩仨]/;

/** Attribute every quantity to a fact (or none), applying the refinements. */
function attributeAll(text: string, quantities: NumberMention[], mentions: NumberMention[], out: Extraction, uncued: NumberMention[], cueHits: Hit[]): Assigned[] {
  const assigned: Assigned[] = [];
  recordsUsed = 0;
  let lastSalesEnd = 0;
  let next = 0;
  for (let i = 0; i < quantities.length; i++) {
    const m = quantities[i]!;
    const prev = quantities[i - 1];
    // "贡献一年是40万", "一个月3万": a period right before the figure says what it is per; the cue before it still reaches.
    const perPeriod = prev !== undefined && PERIOD_STARTS.has(text.charCodeAt(prev.start)) && PER_PERIOD.test(text.slice(prev.start, m.start));
    const prevEnd = (perPeriod ? quantities[i - 2] : prev)?.end ?? 0;
    while (next < mentions.length && mentions[next]!.start < m.end) next++;
    const nextStart = mentions[next]?.start ?? text.length;
    const sentenceStart = lastBreakBefore(text, m.start, STRONG_BREAK);
    const chosen = attribute(text, m, prevEnd, nextStart, quantities[i + 1], cueHits, sentenceStart);
    if (!chosen || chosen.fact === null) {
      // Stop words (奖励是50万) silence a number on purpose; a lone 一/两 is no figure (两个 and 俩 are).
      if (!chosen) uncued.push(m);
      if (!chosen && !(m.chinese && m.value < 10 && !m.unit && !PAIR_WORD.test(m.raw))) out.unattributed.push(m);
      if (chosen?.cue?.claim && isMoney(m)) out.claims.push(m);
      continue;
    }
    // Read out of the choice record before anything else may choose.
    const fact = chosen.fact;
    const cueOf = chosen.cue;
    const word = chosen.word;
    const refined = refine(text, m, fact, cueOf, word, Math.max(prevEnd, sentenceStart), Math.max(lastSalesEnd, sentenceStart));
    let first = refined === undefined ? fact : refined.first;
    let second = refined === undefined ? null : refined.second;
    let named = refined?.named;
    // "装修和设备一共投了80万", "设备和软件 一共投了100万": a figure over items listed before it is what they make up.
    const partOfSum = (first !== null && inPartFamily(first)) || (second !== null && inPartFamily(second));
    const over = partOfSum ? totalOverParts(text.slice(Math.max(prevEnd, sentenceStart), m.start)) : undefined;
    let whole: AttributableFact | null = null;
    if (over && accepts(over.fact, unitOf(m))) {
      // The items' own facts give way to the sum's, and to the whole it makes up when it names one (at most one
      // of the two facts is no item: the figure was read as an item).
      const kept = first !== null && !inPartFamily(first) ? first : second !== null && !inPartFamily(second) ? second : null;
      if (kept !== null) [first, second, whole] = [kept, over.fact, over.whole ?? null];
      else [first, second, whole] = [over.fact, over.whole ?? null, null];
      named = undefined;
    }
    if (isSales(first) || isSales(second) || isSales(whole)) lastSalesEnd = m.end;
    // The cue word (研发费用, 软硬件) tells items of one sum apart: "研发费用62万 买软硬件18万" are two costs.
    // A loose cue (花了) redirected by a word (买设备花了40万) is named by that word.
    const cue = over ? undefined : cueOf && !cueOf.weak && !cueOf.generic && word ? word : named;
    const byDefault = cueOf === null;
    if (first !== null) assign(assigned, first, m, cue, byDefault);
    if (second !== null) assign(assigned, second, m, cue, byDefault);
    if (whole !== null) assign(assigned, whole, m, cue, byDefault);
  }
  return assigned;
}

const isSales = (fact: AttributableFact | null) => fact !== null && SALES_FACTS.has(fact);

/**
 * The records of the figures `attributeAll` assigns, kept between messages and rewritten by the next reading: a
 * long message assigns dozens of figures, and a record per figure was garbage per message. All of one shape (cue
 * and byDefault always set). Nothing a reading returns holds one: the extraction keeps the figures themselves.
 */
const RECORDS: Assigned[] = [];
let recordsUsed = 0;

function assign(assigned: Assigned[], fact: AttributableFact, m: NumberMention, cue: string | undefined, byDefault: boolean): void {
  let a = RECORDS[recordsUsed];
  if (a === undefined) {
    a = { fact, mention: m, cue, byDefault };
    RECORDS.push(a);
  } else {
    a.fact = fact;
    a.mention = m;
    a.cue = cue;
    a.byDefault = byDefault;
  }
  recordsUsed++;
  assigned.push(a);
}

/**
 * The first refinement of `fact` whose words stand in its scope decides (refinements do not chain): the facts
 * the figure goes to instead (first null: none; second: the fact kept beside, `also`) and the word that said
 * so; undefined when none applies. The words of a scope are sliced once per figure, for its fact's refinements only.
 */
function refine(
  text: string,
  m: NumberMention,
  fact: AttributableFact,
  cue: Cue | null,
  word: string,
  beforeFrom: number,
  sentenceFrom: number,
): { first: AttributableFact | null; second: AttributableFact | null; named: string } | undefined {
  const refinements = REFINEMENTS_FROM.get(fact);
  if (refinements === undefined) return undefined;
  let sliced = "";
  let slicedFrom = -1;
  let slicedTo = -1;
  for (const r of refinements) {
    if (r.genericOnly && !cue?.generic) continue;
    if (r.unlessCue && word && r.unlessCue.test(word)) continue;
    const from = r.scope === "before" ? beforeFrom : r.scope === "sentence" ? sentenceFrom : lastBreakBefore(text, m.start, CLAUSE_BREAK);
    const to = r.scope === "clause" ? nextBreakAfter(text, m.end, CLAUSE_BREAK) : m.start;
    if (from !== slicedFrom || to !== slicedTo) {
      sliced = text.slice(from, to);
      slicedFrom = from;
      slicedTo = to;
    }
    const refinedBy = r.when.exec(sliced);
    if (!refinedBy) continue;
    if (r.unlessBefore && r.unlessBefore.test(text.slice(beforeFrom, m.start))) continue;
    if (r.to === null) return { first: null, second: null, named: refinedBy[0] };
    if (!accepts(r.to, unitOf(m))) continue;
    return { first: r.to, second: r.also ? fact : null, named: refinedBy[0] };
  }
  return undefined;
}

/**
 * Support already received: "已经享受过省里的补贴了", "拿过补贴", "获得过上级扶持资金". A past marker
 * (已/曾 before, 过 after) tells it from a question ("能享受补贴吗"); a higher level named in between
 * (省里, 上级, 国家) also means higher-level funding.
 */
const SUBSIDY_RECEIVED = new RegExp(
  "(?:(?:已经?|曾经?)(?:享受|拿|领取?|获得|得到|申请到|给|发|批)(?:过|了|到)?|(?:享受|拿|领取?|获得|得到|申请到)(?:过|到过)|(?:给|发|批)过)" +
    "([^，,。！!？?；;]{0,8}?)(?:补贴|补助|扶持资金|扶持|资助)",
  "g",
);
/**
 * The support named first, then received: "省里那个补贴我们已经拿了", "补助早就领过了", "扶持资金还没拿到".
 * Not a question about it ("补贴能拿到多少", "补贴拿了吗").
 */
const SUBSIDY_THEN_RECEIVED =
  /(?:补贴|补助|扶持资金|资助)([^，,。！!？?；;\s]{0,6}?)(?:享受|拿|领取?|获得|得到|申请|给|发|批)(?:过|了|到了?|下来了?)(?![^，,。！!？?；;\s]{0,3}(?:多少|几|吗|没|不))/g;
/** "这笔费用县里已经给补过了", "市里补了": the verb of subsidising ending its clause, with no noun after it ("补了社保"). */
const SUBSIDISED = /(?:补贴|补助|资助|补)(?:过了?|了)(?=[\s，,。！!？?；;啊呀吧呢]|$)/g;
const ASKING_BETWEEN = /能|可以|可不可以|想|要|怎么|咋/;
const NOT_YET_BETWEEN = /没|未|不/;
const HIGHER_LEVEL = /省|上级|国家|中央|市里|市级/;

function readSubsidiesReceived(text: string, facts: Record<string, unknown>): void {
  for (const r of text.matchAll(SUBSIDY_RECEIVED)) {
    const before = text.slice(lastBreakBefore(text, r.index, CLAUSE_BREAK), r.index).slice(-5);
    const value = !NEGATION_BEFORE.test(before);
    facts.otherSubsidyReceived = value;
    // The giver may stand before the verb ("省里已经给过扶持资金了") or between ("拿过省里的补贴").
    if (HIGHER_LEVEL.test(before + (r[1] ?? ""))) facts.higherLevelFunding = value;
  }
  for (const r of text.matchAll(SUBSIDISED)) {
    const before = text.slice(lastBreakBefore(text, r.index, CLAUSE_BREAK), r.index).slice(-5);
    if (ASKING_BETWEEN.test(before)) continue;
    const value = !NOT_YET_BETWEEN.test(before);
    facts.otherSubsidyReceived = value;
    if (HIGHER_LEVEL.test(before)) facts.higherLevelFunding = value;
  }
  for (const r of text.matchAll(SUBSIDY_THEN_RECEIVED)) {
    const between = r[1] ?? "";
    if (ASKING_BETWEEN.test(between)) continue;
    const value = !NOT_YET_BETWEEN.test(between);
    facts.otherSubsidyReceived = value;
    // The giver stands before the support: "省里那个补贴", "上级的扶持资金".
    const before = text.slice(lastBreakBefore(text, r.index, CLAUSE_BREAK), r.index).slice(-5);
    if (HIGHER_LEVEL.test(before)) facts.higherLevelFunding = value;
  }
}

/** A selling verb right before a place name: the goods are named after it ("卖平阴玫瑰的", "主营汨罗粽子"). */
const SELLS_BEFORE = /(卖|销售|主营|经营)(的是)?$/;
/** After the place, a product name, not the place's own words (平阴县, 平阴的, 平阴这边). */
const GOODS_AFTER = /^(?![县市区镇乡村的这那里边地人])\p{Script=Han}/u;

/**
 * Goods named after a place of a covered region are local produce (销售本地土特产品): "卖平阴玫瑰的",
 * "我们主营汨罗粽子". Only when the message states nothing else about it.
 */
function readLocalGoods(text: string, regionPlaces: readonly Span[], facts: Record<string, unknown>, sources: Partial<Record<FactName, string>>): void {
  for (const place of regionPlaces) {
    const verb = SELLS_BEFORE.exec(text.slice(Math.max(0, place.start - 4), place.start));
    if (!verb || !GOODS_AFTER.test(text.slice(place.end, place.end + 1))) continue;
    facts.localSpecialty = true;
    const goods = /^[^\s，,。！!？?；;的]{1,6}/.exec(text.slice(place.end))![0];
    sources.localSpecialty = text.slice(place.start - verb[0].length, place.end + goods.length);
    return;
  }
}
