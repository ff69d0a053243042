/**
 * Conditions a user states about themselves: "普通C店 不是旗舰店", "县里认定的 不是市级的", "二级分拨中心",
 * "2018年才新建的网点", "入园第4年", "公司现在已经停业", "因为偷税漏税被处理过".
 * Every word comes from the fact vocabulary (rules/facts.yaml): `aliases` state a yes/no fact true, `denies`
 * false, and a negation before or right after a word flips it; enum facts list `words` per value (enums read
 * as phrases, `pick`, are bot/extractFacts.ts's). A fact's words count only `near` the words it names, when it
 * names some. Year and ordinal facts take the year or 第N年 next to their aliases.
 */
import { FACT_NAMES, FACTS, type FactName, type FactSpec } from "../../rules/facts.js";
import { breakAfter, breakBefore, CLAUSE_BREAK } from "./clauses.js";
import { deniedForSome } from "./exceptions.js";
import { WordFinder } from "./wordFinder.js";
import { relativeYearValue } from "./numbers.js";
import { literal } from "./literalPattern.js";
import { tailReader, tailTester } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** What the message states, and in which words (for showing them beside the clause's words). */
export interface StatedConditions {
  facts: Partial<Record<FactName, boolean | string | number>>;
  /** The user's own words for each fact: "不是旗舰店", "县里认定的". */
  said: Partial<Record<FactName, string>>;
}

export interface ConditionOptions {
  /** Facts the bot just asked for: a short reply ("市级的", "不是", "对") answers the first it fits. */
  expect?: readonly FactName[];
  /** "YYYY-MM-DD": today, for a year fact dated by 今年/去年 ("今年在村里新建了三个网点"). */
  asOf?: string;
}

/**
 * A negation ending right before a word ("不是旗舰店", "没有偷税漏税", "还没入园"), also across a word for
 * "ours" or "here" ("不是我们本地特产", "不算咱这的土特产") and a verb of getting ("没拿到平台的授牌").
 */
const NEGATION_BEFORE = /(没有|没|未|不是|不算|算不上|不属于|不(?![仅但只论过少止光])|无(?!论)|尚未|还没|并未|并非|非(?!常))(?:我们|咱们|俺们|我家|俺家|咱家|咱|俺)?(?:这边|这里|这儿|这|当地|本地)?(?:拿到|获得|取得|得到)?[^，,。！!？?；;\s]{0,3}$/;
/** NEGATION_BEFORE read in place: a copy of the words before is made only when a negation's first character is among them. */
const negatedBefore = headTester(NEGATION_BEFORE);
/** How far before a word a negation may start: the longest negation, "ours", "here" and three characters. */
const NEGATION_REACH = 10;
/**
 * A negation right after a word ("旗舰店不是", "社保没交"): at most three characters, read in place. Not the bound
 * of a figure that follows ("入驻园区不到半年", "不满一年"), nor "and more" (不少, 不止, 不光).
 */
const negatedAfter = tailTester(/^[^，,。！!？?；;\s]{0,2}(没(?!想到)|未|不(?![到满足少止光仅]))/);
/** The word is asked about or wished for, not stated: "能拿省里补贴吗", "想开旗舰店", "怎么申请首批". */
const askedBefore = headTester(/(能不能|可不可以|能否|能|可以|想要?|打算|准备|怎么|如何)(拿|领|申请|申报|享受|获得|评|开|办|入驻|搞)?[^，,。！!？?；;\s]{0,2}$/);
/**
 * The word names a provision rather than stating a fact about the asker: "卖土特产那个10万的奖", "旗舰店那个奖",
 * "土特产奖励" — the user may not meet it, which is what they ask.
 */
const NAMES_PROVISION_AFTER = tailReader(/^(那个|这个|那项|这项|那条|的)?[^，,。！!？?；;\s]{0,6}?(奖|补贴|补助|扶持|那个|这个|那项|这项|标准|条件里|要求里)/);
/** A selling verb: the goods the asker sells, not a provision's name. */
const SELLING = /卖|销售|经营/;
/**
 * Who the asker is, in the vocabulary's applicant words (企业, 网店, 合作社…): "卖土特产的网店有啥奖" describes
 * the asker by the goods they sell, as "我们卖土特产的网店" does; the award word after it asks what they get.
 */
const APPLICANT_WORDS: ReadonlySet<string> = new Set(
  [FACTS.entityType?.words, FACTS.entityType?.hints].flatMap((byValue) => Object.values(byValue ?? {}).flat() as string[]),
);
const LONGEST_APPLICANT = Math.max(0, ...[...APPLICANT_WORDS].map((w) => w.length));
/** A verb of the asker's trade just before the goods ("卖土特产", "销售农特产", "做本地特产"). */
const sellingBefore = headTester(/(卖|销售|经营|做)[^，,。！!？?；;\s的]{0,2}$/);
/** "卖土特产的网店…": the goods, then 的 and an applicant word: the asker's own line of business. */
function sellerDescribed(text: string, from: number, start: number, end: number): boolean {
  if (!sellingBefore(text, from, start) || text.charCodeAt(end) !== 0x7684 /* 的 */) return false;
  for (let n = 1; n <= LONGEST_APPLICANT; n++) if (APPLICANT_WORDS.has(text.slice(end + 1, end + 1 + n))) return true;
  return false;
}
/** Words right before it that state the fact after all: "评上淘宝村有什么奖励", "我们是旗舰店 有补贴吗". */
const statedBefore = headTester(/(评上|评为|评了|评成|拿到|拿了|获得|取得|成了|成为|(?<!不)是(?!不)|有了|认定为|授予|开了|开的|已经)[了过]?[^，,。！!？?；;\s]{0,3}$/);

/**
 * The word at [start, end) is asked about or names a provision ("有机食品认证奖励能拿吗", "新注册直播企业那个20万",
 * "淘宝村标准里…", "能不能申请首批"): it states nothing about the asker, unless a verb states it
 * ("评上淘宝村有什么奖励", "示范企业有奖励吗 我们评上了"). The words around it are read in place: this runs for
 * every vocabulary word of a message.
 */
export function namesProvision(text: string, start: number, end: number): boolean {
  const from = breakBefore(text, start, CLAUSE_BREAK, Math.max(0, start - 5));
  if (askedBefore(text, from, start)) return true;
  if (qualifiedTitle(text, start, end, from)) return false;
  const named = NAMES_PROVISION_AFTER(text, end, 12);
  if (named === null) return false;
  // "本地土特产网上卖有奖励不": selling it, said between the word and the award, is what the asker does.
  if (!named[1] && SELLING.test(named[0])) return false;
  if (sellerDescribed(text, from, start, end)) return false;
  return !statedBefore(text, from, start) && !statedLater(text, end);
}

/**
 * A verb later in the message states it after all: "示范企业有奖励吗 我们2018年评上了", "在京东开旗舰店能奖10万
 * 我们公司2020年9月开的" (not "还没评上", "还没开", "开的话").
 */
const STATED_LATER = /(?<!没|未|没有|还没|要是|如果|假如|想)(评上|评为|拿到|获得|取得|开)(了(?!的话)|过|的(?!话))/;
/** STATED_LATER over a whole message: where it last matches, found once per message (-1: nowhere). */
const STATED_LATER_ALL = new RegExp(STATED_LATER.source, "g");
const lastStatedLaterOf = { text: "", at: -1 };

/**
 * STATED_LATER in the words after `end`, as it reads text.slice(end), without reading the rest of the message
 * for every word that names a provision. Its matches cannot overlap (no verb it starts with is a letter inside
 * one), so a scan of the whole message finds them all, and from two characters after `end` on (the longest
 * negation it looks behind for) a match reads as it does in the slice. Only a match in the first two sees
 * less before it in the slice: those are read in a copy of the next few characters.
 */
function statedLater(text: string, end: number): boolean {
  if (lastStatedLaterOf.text !== text) {
    let at = -1;
    STATED_LATER_ALL.lastIndex = 0;
    for (let m = STATED_LATER_ALL.exec(text); m !== null; m = STATED_LATER_ALL.exec(text)) at = m.index;
    lastStatedLaterOf.text = text;
    lastStatedLaterOf.at = at;
  }
  if (lastStatedLaterOf.at >= end + 2) return true;
  // A verb and its 了/过/的 (three characters) starting in the first two, and what it looks ahead at.
  const first = STATED_LATER.exec(text.slice(end, end + 6));
  return first !== null && first.index < 2;
}

/** A level right before a title: "省级电商示范企业", "县级电商村". */
const levelBefore = headTester(/(?:国家|省|市|县|区)级$/);
const LEVEL_WORD = /^(?:国家|省|市|县|区)级$/;
const JI = "级".charCodeAt(0);
/** What may follow a level word that qualifies no title: "省级的", "市级那个", "省级奖励". */
const noTitleAfter = tailTester(/^[的那这奖补扶，,。！!？?；;\s]/);
/** "那个10万的奖", "这项补贴": the words point at the provision. */
const pointedAfter = tailTester(/^[^，,。！!？?；;\s]{0,8}?(那个|这个|那项|这项|那条)/);

/**
 * "省级电商示范企业奖多少", "县级电商村能奖吗": a title with its level is the asker's own (the question is what
 * that title gets), unless the words point at the provision ("市级电商村那个10万的奖"). `from`: where the words
 * before it that may hold the level start.
 */
function qualifiedTitle(text: string, start: number, end: number, from: number): boolean {
  const levelWord = text.charCodeAt(end - 1) === JI && LEVEL_WORD.test(text.slice(start, end));
  const qualified = levelBefore(text, from, start) || (levelWord && end < text.length && !noTitleAfter(text, end, 12));
  return qualified && !pointedAfter(text, end, 12);
}

const YES = /^(是的?|对的?|对|有的?|嗯+|没错|是啊|对啊|交了|签了|缴了|安排了|都有|当然|yes)[。！!，,\s啊呀的了]*$/i;
const NO = /^(不是|没有|没|不|无|否|还没|不对|no)[^，,。]{0,4}[。！!，,\s]*$/i;

interface Word {
  fact: FactName;
  /** The fact's place in FACT_NAMES. */
  index: number;
  /** For yes/no facts: what the word states; for enums: the value. */
  value: boolean | string;
  /** Only counts close to one of the fact's `near` words. */
  near?: Near;
}

/** A two-character verb-object word also read with 了 inside: 管饭 → 管了饭, 上机 → 上了机, 入园 → 入了园. */
function withAspect(word: string): string[] {
  return word.length === 2 ? [word, `${word[0]}了${word[1]}`] : [word];
}

/** Every stating word of the vocabulary, longest first so "不低于最低工资" wins over "低于最低工资". */
function vocabulary(): { finder: WordFinder; words: Map<string, Word[]> } {
  const words = new Map<string, Word[]>();
  const add = (w: string, entry: Word) => words.set(w.toUpperCase(), [...(words.get(w.toUpperCase()) ?? []), entry]);
  FACT_NAMES.forEach((fact, index) => {
    const spec: FactSpec = FACTS[fact];
    const near = spec.near && prepareNear(spec.near);
    if (spec.unit === "bool") {
      for (const w of spec.aliases) for (const form of withAspect(w)) add(form, { fact, index, value: true, near });
      for (const w of spec.denies ?? []) add(w, { fact, index, value: false, near });
    } else if (spec.unit === "enum" && spec.words && !spec.pick) {
      for (const [value, ws] of Object.entries(spec.words)) for (const w of ws) add(w, { fact, index, value, near });
    }
  });
  return { finder: new WordFinder(words.keys()), words };
}
const VOCABULARY = vocabulary();

function clauseBounds(text: string, start: number, end: number): [number, number] {
  return [breakBefore(text, start, CLAUSE_BREAK), breakAfter(text, end, CLAUSE_BREAK)];
}

const SPACE_AT = /\s/y;

/** text[at] is a blank (read in place: a one-character string of a Chinese character would be a copy). */
function spaceAt(text: string, at: number): boolean {
  SPACE_AT.lastIndex = at;
  return SPACE_AT.test(text);
}

/** A blank in text[from, to). */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (spaceAt(text, i)) return true;
  return false;
}

/**
 * The user's words for a stated condition: the space-separated phrase around the word, within its clause
 * and a readable length ("不是旗舰店" out of "普通C店 不是旗舰店 那个开店奖"). Read in place, as it is quoted
 * for every condition a message states: the quote is the only copy.
 */
function ownWords(text: string, start: number, end: number): string {
  const from = breakBefore(text, start, CLAUSE_BREAK);
  const to = breakAfter(text, end, CLAUSE_BREAK);
  let a = Math.max(from, start - 8);
  let b = Math.min(to, end + 6);
  let spaceBefore = start - 1;
  while (spaceBefore >= a && !spaceAt(text, spaceBefore)) spaceBefore--;
  if (spaceBefore >= a) a = spaceBefore + 1;
  // No space to start at inside the clause: start at the word, with the negation or adverb before it
  // ("已经补满", "不是旗舰店"), not in the middle of another word ("们公司…").
  else if (a > from) a = start - leadWordsLength(text, a, start);
  for (let i = end; i < b; i++) {
    if (!spaceAt(text, i)) continue;
    b = i;
    break;
  }
  // "本地土特产网上卖有奖励不": the user's statement stops where their question starts.
  const question = askingAfter(text, end, b);
  if (question >= 0) b = end + question;
  // Never a piece of a figure: "…网上卖了三百|二十万" stops before the figure. (The start is a space or the
  // word itself, never inside a figure.)
  if (b < to && charIs(NUMBER_GOES_ON, text, b)) while (b > end && charIs(NUMERAL, text, b - 1)) b--;
  // Cut by length inside a word ("本地注册的市域电商物|流中心"): stop after the last 的 instead ("本地注册的").
  else if (b < to && hanAt(text, b)) {
    let de = b - 1;
    while (de >= end && text.charCodeAt(de) !== DE) de--;
    if (de >= end) b = de + 1;
  }
  return text.slice(a, b).trim();
}

/** A character of a written figure, and one that may continue a figure ("三百|来万", "12|w"). */
const NUMERAL = /[0-9０-９零〇一二两三四五六七八九十百千万亿点.]/y;
const NUMBER_GOES_ON = /[0-9０-９零〇一二两三四五六七八九十百千万亿点.来多余几wWkK]/y;
const HAN = /\p{Script=Han}/uy;
const DE = "的".charCodeAt(0);

/** The one-character class `sticky` matches text[at] (in place). */
function charIs(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

/** text[at] is a Chinese character on its own (half of a surrogate pair is none). */
function hanAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code < 0xd800 || code > 0xdfff) && charIs(HAN, text, at);
}

/** Where a question starts after a stated word: 有奖励/有补贴…, 能/可以…, 吗. */
const ASKING_AFTER = /有?(奖|补|扶持|政策)|能|可以|吗/;
/** The characters a question of ASKING_AFTER starts with: without one in the words, no copy of them is read. */
const ASKING_FIRST = new Set(Array.from("有奖补扶政能可吗", (c) => c.charCodeAt(0)));

/** Offset from `from` where a question starts in text[from, to), or -1. */
function askingAfter(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (ASKING_FIRST.has(text.charCodeAt(i))) return text.slice(from, to).search(ASKING_AFTER);
  return -1;
}

/** Negations and adverbs that belong to the word after them in the user's words. */
const LEAD_WORDS = /(?:不是|没有|还没有?|并未|尚未|并非|没|未|不|已经|已|曾经|曾|才|都|也|还|就)*$/;
/** The characters LEAD_WORDS end with: a word after none of them has no lead words. */
const LEAD_WORDS_LAST = new Set(Array.from("是有没未非不经已曾才都也还就", (c) => c.charCodeAt(0)));

/** How many characters of lead words stand right before `start` in text[from, start). */
function leadWordsLength(text: string, from: number, start: number): number {
  if (start <= from || !LEAD_WORDS_LAST.has(text.charCodeAt(start - 1))) return 0;
  return LEAD_WORDS.exec(text.slice(from, start))?.[0].length ?? 0;
}

/** A fact's `near` words, with the first character of each and the longest length, to look for them in place. */
interface Near {
  words: readonly string[];
  within: number;
  firstChars: ReadonlySet<number>;
  longest: number;
}

function prepareNear(near: NonNullable<FactSpec["near"]>): Near {
  const firstChars = new Set(near.words.map((w) => w.charCodeAt(0)));
  return { words: near.words, within: near.within, firstChars, longest: Math.max(0, ...near.words.map((w) => w.length)) };
}

/**
 * Distance from [start, end) to the nearest of the `near` words in the same clause; Infinity when none is within
 * `near.within` (a farther one may then count as none). Only the stretch where a word that close can start is
 * read: a clause of a long message can run for hundreds of characters.
 */
function distanceToNear(text: string, start: number, end: number, near: Near): number {
  const from = Math.max(breakBefore(text, start, CLAUSE_BREAK), start - near.within - near.longest);
  const to = Math.min(breakAfter(text, end, CLAUSE_BREAK), end + near.within + 1);
  let best = Infinity;
  for (let at = from; at < to; at++) {
    if (!near.firstChars.has(text.charCodeAt(at))) continue;
    for (const w of near.words) {
      if (!text.startsWith(w, at)) continue;
      const d = at >= end ? at - end : at + w.length <= start ? start - (at + w.length) : 0;
      best = Math.min(best, d);
    }
  }
  return best;
}

/**
 * A contract term shorter than a year, before the word ("签了半年合同", "3个月的合同") or after it in its clause
 * ("劳动合同只签了半年", "合同签的8个月"): it does not meet "一年及以上…合同". "半年以上" is no such term.
 */
function contractUnderAYear(before: string, after: string): boolean {
  return termUnderAYear(CONTRACT_TERM_BEFORE.exec(before)) || termUnderAYear(CONTRACT_TERM_AFTER.exec(after));
}
/** Months of a term, not the months after whole years ("一年零三个月"), nor an open one ("半年以上"). */
const TERM = "(?<![年零又])(半年|(\\d+|[一二两三四五六七八九十]{1,2})个?月)(?!以上|多|往上)";
/** A few characters that are no figure: between the term and 合同 (的劳动), or between 合同 and the term (只签了, 签的是). */
const GAP = "[^，,。！!？?；;\\s\\d一二两三四五六七八九十半]{0,4}";
const CONTRACT_TERM_BEFORE = new RegExp(`${TERM}${GAP}$`);
const CONTRACT_TERM_AFTER = new RegExp(`^${GAP}${TERM}`);

function termUnderAYear(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  if (m[2] === undefined) return true;
  return (/\d/.test(m[2]) ? Number(m[2]) : chineseCount(m[2])) < 12;
}

/** 一…九十九 written in Chinese (两 = 2). */
function chineseCount(s: string): number {
  const digit = (c: string | undefined) => (c === undefined ? 0 : c === "两" ? 2 : "零一二三四五六七八九".indexOf(c));
  const ten = s.indexOf("十");
  if (ten < 0) return digit(s[0]);
  return (ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]);
}

const CHINESE_DIGITS = "零一二两三四五六七八九十";
function ordinal(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === "十") return 10;
  if (s.length === 1) {
    const i = CHINESE_DIGITS.indexOf(s);
    return i <= 0 ? null : i === 3 ? 2 : i > 3 ? i - 1 : i;
  }
  return null;
}

/** Each fact's place in FACT_NAMES: per-fact records of a message are kept in arrays indexed by it. */
const FACT_INDEX = new Map<FactName, number>(FACT_NAMES.map((f, i) => [f, i]));

/**
 * What one message's reading has found per fact, in arrays kept between messages (a long message states
 * dozens of conditions, and maps and records per message were most of what this reader allocated). Each list
 * of facts keeps the order facts were first put in it, as the quotes and values are written in that order.
 */
class FactRecords {
  /** 1 for a fact this message states (the target objects may hold other readers' facts). */
  readonly stated = new Uint8Array(FACT_NAMES.length);
  /** Where the first word of a yes/no fact stands (-1: none yet): later words in its phrase quote from it. */
  readonly firstWord = new Int32Array(FACT_NAMES.length);
  /** The span of the last statement of each yes/no fact, quoted once the message is read, in `spanned` order. */
  readonly spanFrom = new Int32Array(FACT_NAMES.length);
  readonly spanEnd = new Int32Array(FACT_NAMES.length);
  readonly spanned = new Int32Array(FACT_NAMES.length);
  spannedCount = 0;
  /** The enum value read closest to its `near` words, per fact, in `enumOrder` order. */
  readonly enumValue: string[] = FACT_NAMES.map(() => "");
  readonly enumDistance = new Float64Array(FACT_NAMES.length);
  readonly enumStart = new Int32Array(FACT_NAMES.length);
  readonly enumEnd = new Int32Array(FACT_NAMES.length);
  readonly enumOrder = new Int32Array(FACT_NAMES.length);
  enumCount = 0;

  begin(): void {
    this.stated.fill(0);
    this.firstWord.fill(-1);
    this.spanEnd.fill(-1);
    this.enumDistance.fill(-1);
    this.spannedCount = 0;
    this.enumCount = 0;
  }

  span(fact: number, from: number, end: number): void {
    if (this.spanEnd[fact] === -1) this.spanned[this.spannedCount++] = fact;
    this.spanFrom[fact] = from;
    this.spanEnd[fact] = end;
  }

  /** The enum value at [start, end), unless one closer to its `near` words was read before (-1 distance: none). */
  enumHit(fact: number, value: string, distance: number, start: number, end: number): void {
    const previous = this.enumDistance[fact]!;
    if (previous >= 0 && distance > previous) return;
    if (previous < 0) this.enumOrder[this.enumCount++] = fact;
    this.enumValue[fact] = value;
    this.enumDistance[fact] = distance;
    this.enumStart[fact] = start;
    this.enumEnd[fact] = end;
  }
}
const RECORDS = new FactRecords();

/** Sets `fact` in `out` and marks it stated by this message. */
function state(out: StatedConditions, fact: FactName, value: boolean | string | number, said?: string): void {
  out.facts[fact] = value;
  if (said !== undefined) out.said[fact] = said;
  RECORDS.stated[FACT_INDEX.get(fact)!] = 1;
}

/** This message has stated `fact` (other readers' facts in the same objects do not count). */
function stated(fact: FactName): boolean {
  return RECORDS.stated[FACT_INDEX.get(fact)!] === 1;
}

/**
 * Read the conditions a message states. Later statements win over earlier ones in the same message;
 * a word negated ("不是市级的") states nothing for an enum and the opposite for a yes/no fact.
 * Written into `out` (extraction passes its own facts and sources, so nothing is copied), which is returned.
 */
export function readConditions(text: string, options: ConditionOptions = {}, out: StatedConditions = { facts: {}, said: {} }): StatedConditions {
  const records = RECORDS;
  records.begin();
  const finder = VOCABULARY.finder;
  for (let start = finder.find(text, 0), end = finder.end; start >= 0; start = finder.find(text, end), end = finder.end) {
    const word = finder.word(text, start);
    const key = finder.key(text, start);
    const clauseStart = breakBefore(text, start, CLAUSE_BREAK);
    const negated = negatedBefore(text, Math.max(clauseStart, start - NEGATION_REACH), start) || negatedAfter(text, end, 3);
    if (namesProvision(text, start, end)) continue;
    // "有两个没签合同": denied for two of a group, not for the asker.
    if (negated && deniedForSome(text, start)) continue;
    for (const w of VOCABULARY.words.get(key)!) {
      const distance = w.near ? distanceToNear(text, start, end, w.near) : 0;
      if (w.near && distance > w.near.within) continue;
      const fact = w.index;
      if (typeof w.value === "boolean") {
        let value = negated ? !w.value : w.value;
        // "签了半年合同": a contract shorter than a year meets no "一年及以上…合同".
        if (value && word.includes("合同") && contractUnderAYear(text.slice(Math.max(clauseStart, start - 10), start), text.slice(end, breakAfter(text, end, CLAUSE_BREAK)))) value = false;
        // Several words of one fact in one phrase ("偷税漏税被处理过") are one statement: quote it whole.
        const first = records.firstWord[fact]!;
        const from = first >= 0 && first >= clauseStart && !hasSpace(text, first, start) ? first : start;
        if (from === start) records.firstWord[fact] = start;
        records.span(fact, from, end);
        // Quoted once the last statement of the fact is known (a key now, to keep the order facts were stated in).
        state(out, w.fact, value, "");
        continue;
      }
      if (negated) continue;
      records.enumHit(fact, w.value, distance, start, end);
    }
  }
  for (let i = 0; i < records.spannedCount; i++) {
    const fact = records.spanned[i]!;
    out.said[FACT_NAMES[fact]!] = ownWords(text, records.spanFrom[fact]!, records.spanEnd[fact]!);
  }
  for (let i = 0; i < records.enumCount; i++) {
    const fact = records.enumOrder[i]!;
    state(out, FACT_NAMES[fact]!, records.enumValue[fact]!, ownWords(text, records.enumStart[fact]!, records.enumEnd[fact]!));
  }
  readComparedToLine(text, out);
  readYearFacts(text, out, options.asOf);
  readOrdinalFacts(text, out);
  answerBare(text, options.expect ?? [], out);
  return out;
}

/** No clause break nor blank: the comparison stays within one statement. */
const IN_CLAUSE = "[^，,。！!？?；;\\s]";
/**
 * Yes/no facts that hold at or above a line (`atLeast` in the vocabulary), each with one pattern: the user's figure
 * set below the line ("比当地最低工资低一点", "比最低工资标准还少", "没到最低工资") or above it ("比最低工资高").
 */
const LINE_FACTS = FACT_NAMES.flatMap((fact) => {
  const line = (FACTS[fact] as FactSpec).atLeast;
  if (FACTS[fact].unit !== "bool" || !line) return [];
  const words = `(?:${line.map(literal).join("|")})(?:标准|线)?`;
  const re = new RegExp(
    `(?<below>(?<!不)比${IN_CLAUSE}{0,4}${words}${IN_CLAUSE}{0,2}?(?:低|少)|(?:没到|不到|没达到|达不到|够不上)${IN_CLAUSE}{0,4}${words})` +
      `|(?<above>(?<!不)比${IN_CLAUSE}{0,4}${words}${IN_CLAUSE}{0,2}?(?:高|多))`,
  );
  return [{ fact, re }];
});

/** "工资给的比当地最低工资低一点": a comparison with the line states the fact, unless a word of it already did. */
function readComparedToLine(text: string, out: StatedConditions): void {
  for (const { fact, re } of LINE_FACTS) {
    if (stated(fact)) continue;
    const m = re.exec(text);
    if (!m) continue;
    state(out, fact, m.groups!.above !== undefined, ownWords(text, m.index, m.index + m[0].length));
  }
}

/**
 * "2018年才新建的网点", "今年在村里新建了": a year fact takes the year standing just before one of its words,
 * written as a calendar year or, when today is known, as a word counted from today.
 */
function readYearFacts(text: string, out: StatedConditions, asOf?: string): void {
  const asOfYear = asOf ? Number(asOf.slice(0, 4)) : null;
  for (const fact of FACT_NAMES) {
    if (FACTS[fact].unit !== "year" || fact === "activityYear") continue;
    for (const alias of FACTS[fact].aliases) {
      for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
        if (!yearCharBefore(text, at)) continue;
        const window = text.slice(Math.max(0, at - 10), at);
        const year = YEAR_BEFORE.exec(window);
        // "2020年没虚报过": a year of what did not happen.
        if (!year || NOT_BEFORE.test(year[0])) continue;
        const value = year[1] !== undefined ? (year[1].length === 2 ? 2000 + Number(year[1]) : Number(year[1])) : asOfYear === null ? null : relativeYearValue(year[2]!, asOfYear);
        if (value === null) continue;
        state(out, fact, value, ownWords(text, at - (window.length - year.index), at + alias.length));
      }
    }
  }
}

/** A year, then at most six other characters up to the fact's word: "2018年才", "今年在村里", "2020年申报的时候", "21年报材料时". */
const YEAR_BEFORE = /(?:(?<!\d)(\d{4}|[12]\d)年|(去年|今年|前年|本年|上年))[^\d，,。]{0,6}$/;
const NOT_BEFORE = /(?:没|未|不|无|没有)$/;
const NIAN = "年".charCodeAt(0);
/** A 年 within the seven characters before `at`, as YEAR_BEFORE needs: most words of a year fact have none, and no slice is read. */
function yearCharBefore(text: string, at: number): boolean {
  for (let i = Math.max(0, at - 7); i < at; i++) if (text.charCodeAt(i) === NIAN) return true;
  return false;
}

/** "入园第4年", "运营第一年": an ordinal fact takes 第N年 in a clause that names one of its words. */
function readOrdinalFacts(text: string, out: StatedConditions): void {
  for (const m of text.matchAll(/第(\d{1,2}|[一二两三四五六七八九十])年/g)) {
    const n = ordinal(m[1]!);
    if (n === null) continue;
    const [from, to] = clauseBounds(text, m.index, m.index + m[0].length);
    const clause = text.slice(from, to);
    const fact = FACT_NAMES.find((f) => (FACTS[f] as FactSpec).ordinal && FACTS[f].aliases.some((a) => clause.includes(a)));
    if (!fact) continue;
    state(out, fact, n, ownWords(text, m.index, m.index + m[0].length));
  }
}

/** Words of a short reply that say the asker has the thing just asked about: a level, a year won, 评上了, 有的. */
const AFFIRMS = /评上|评了|评为|拿到|拿了|获得|取得|认定|授予|授牌|有了|有的|是的|对|嗯|级|\d{4}年/;
const DENIES = /没|不|未|无|否/;

/**
 * A short reply affirming what the previous question named as the provision asked about: "国家级的" after
 * "示范企业奖励是多少", "2021年评上了" after "创建中国淘宝镇有奖励吗" — not "没有", "还没评上" or a bare "平阴的".
 */
export function affirmsAskedAbout(text: string, places: readonly { start: number; end: number }[] = []): boolean {
  // "我们是东营利津的 陈庄镇 2021年认定的": where the asker is, said beside the affirmation, is no new question.
  let rest = text;
  for (const p of [...places].sort((a, b) => b.start - a.start)) rest = rest.slice(0, p.start) + rest.slice(p.end);
  // "哦不对 是2021年认定的" corrects a detail of the reply; it denies nothing.
  const reply = rest.trim().replace(SELF_CORRECTION, "");
  return reply.length <= AFFIRMING_REPLY_MAX && AFFIRMS.test(reply) && !DENIES.test(reply);
}
/** The parts of an affirming reply that affirm ("2021年认定的" of "我们是东营利津的 陈庄镇 2021年认定的"), as written. */
export function affirmingWords(text: string, places: readonly { start: number; end: number }[] = []): string {
  const parts: string[] = [];
  for (const m of text.matchAll(/[^\s，,。！!；;]+/g)) {
    const end = m.index + m[0].length;
    if (AFFIRMS.test(m[0]) && !places.some((p) => p.start < end && m.index < p.end)) parts.push(m[0]);
  }
  return parts.length > 0 ? parts.join(" ") : text.trim();
}
const SELF_CORRECTION = /[哦噢啊]?(不对|说错了|搞错了|打错了)[，,。\s]*/g;
/** A reply affirming a title may add its level and year ("市级的 2021年认定的"), no more. */
const AFFIRMING_REPLY_MAX = 20;

/** Facts stated by level or category words alone ("市级的", "二级的"): a short reply may be one of them. */
const WORDED_ENUMS = FACT_NAMES.filter((f) => (FACTS[f] as FactSpec).words && !FACTS[f].pick);
/** What may stand beside a level word in a bare reply. */
const BARE_FILLER = /^[是就的了啊呀吧哦嗯那个种。，,！!\s]*(认定|评|评定|授予|命名)?[是就的了啊呀吧哦嗯那个种。，,！!\s]*$/;
/** A reply this short is an answer, not a new question. */
const BARE_REPLY_MAX = 10;

/**
 * A short reply answers the fact the bot just asked about: "市级的" (a level), "不是" / "对" (yes/no).
 * A level or category word on its own also answers a condition still open ("还需满足：市级认定").
 */
function answerBare(text: string, expect: readonly FactName[], out: StatedConditions): void {
  const reply = text.trim();
  if (reply.length > BARE_REPLY_MAX) return;
  for (const fact of [...expect, ...WORDED_ENUMS.filter((f) => !expect.includes(f))]) {
    if (stated(fact)) return;
    const spec: FactSpec = FACTS[fact];
    if (spec.unit === "bool") {
      const value = YES.test(reply) ? true : NO.test(reply) ? false : undefined;
      if (value === undefined) continue;
      state(out, fact, value, reply);
      return;
    }
    if (spec.unit === "enum" && spec.words && !spec.pick) {
      const found = Object.entries(spec.words).find(([, ws]) => ws.some((w) => reply.includes(w)));
      if (!found) continue;
      const word = found[1].find((w) => reply.includes(w))!;
      // Only the level and a few filler words ("市级的", "是县里认定的"): "省里没给过补贴" answers nothing.
      const rest = reply.replace(word, "");
      if (NEGATION_BEFORE.test(reply.slice(0, reply.indexOf(word))) || !BARE_FILLER.test(rest)) continue;
      state(out, fact, found[0], reply);
      return;
    }
  }
}
