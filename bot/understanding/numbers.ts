/**
 * Numbers as merchants write them in chat: `12万`, `10w+`, `1.2亿`, `2k`, `¥85,000`, `9.8万`,
 * `十二万`, `一亿二千万`, `1千2百万`, `13个w`, `百分之五十`, `2021年`, `二零二一年`, `去年`, `2022-12-31`…
 * and as they approximate them: `80来万`, `三十多万`, `十几万`, `七八个`, `18-20万`, `一百出头`,
 * `小两百万`, `将近200万`, `3500万左右`, `不到10万`, `超过30人`.
 *
 * `findNumbers` reports every mention with its position, so the fact extractor can read the words
 * around it and the number guard can point at an ungrounded one. Each mention carries the interval the
 * words allow and the words themselves (prefix and suffix qualifiers included), so a reply can quote
 * them instead of a figure the user never wrote. Exact values are computed from the digit string (not by
 * multiplying floats), so `9.8万` is exactly 98000 and `mentionToFen` is exact.
 */
import { Marks } from "./spans.js";
import { tailReader } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** Counting units recognised right after a number (after 万/亿 is applied: `20万元` → 元). */
export type NumberUnit =
  | "元" | "人" | "人次" | "名" | "位" | "个" | "家" | "户" | "间" | "笔" | "单" | "件" | "吨"
  | "平方米" | "天" | "年" | "月" | "次" | "场" | "期" | "%";

/** The values a mention allows, in the mention's unit (元 for money). `high` may be Infinity ("超过10万"). */
export interface Interval {
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/** One number found in a text. */
export interface NumberMention {
  /** UTF-16 offsets into the text given to `findNumbers`: text.slice(start, end) === raw. */
  start: number;
  end: number;
  raw: string;
  /** Where `words` start: before `start` when a qualifier or 好 was written before the figure ("将近200万"). */
  wordsStart: number;
  /** Signed value with 万/亿/w/k applied; for a year, the year (去年 → as-of year − 1). */
  value: number;
  /** Exact decimal string of |value| ("98000", "0.5"); absent for absurd values. */
  decimal?: string;
  /** Unit written after the number, normalised: 万元/块 → 元, 平米/㎡ → 平方米, 个月 → 月, ％ → %. */
  unit?: NumberUnit;
  /** Written as "10w+", "10万以上", "100多万", "超过10万": the true value is at least `value`. */
  atLeast?: true;
  /** Written as "不到10万", "接近100万", "不超过5万": the true value is below `value` (or at most it). */
  below?: true;
  /** A calendar year: "2021年", "二零二一年", "2022-12-31", or a relative word (去年/今年/前年/当年…). */
  isYear?: true;
  /** For relative year words: the word itself (当年 may mean a year named elsewhere). */
  relative?: string;
  /** A full date when written ("2022-12-31", "2022年12月31日"): YYYY-MM-DD. */
  date?: string;
  /** The month when written with the year ("2020年3月" → 3). */
  month?: number;
  /** A minus sign stood before the number ("粉丝-5", "-5万"). */
  negative?: true;
  /** Not finite, or beyond 1e12 in magnitude ("1e30"): no real fact is that large. */
  absurd?: true;
  /** Written with Chinese numerals (十二万, 两千). */
  chinese?: true;
  /** What the words allow: [value, value] for an exact figure; "80来万" → [800000, 900000). */
  interval: Interval;
  /** The user's words for it, qualifiers included: "80来万", "将近两百万", "3500万左右". */
  words: string;
  /** Written as an exact figure (the interval is one point). */
  exact: boolean;
}

/** Options of `findNumbers`. */
export interface FindNumbersOptions {
  /** "YYYY-MM-DD": resolves 去年/今年/前年/当年. Without it relative year words are not reported. */
  asOf?: string;
}

const ABSURD_VALUE = 1e12;
const LATIN_OR_DIGIT = /[a-zA-Z0-9²]/;
const WK = /^[wWkK]$/;

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
  // 俩 and 仨 are 两个 and 三个 in speech ("建了俩").
  俩: 2, 仨: 3,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** A decimal written in Chinese right before its magnitude: 一点六亿, 两点五万, 十二点五万. */
const CN_DECIMAL = /([一二两三四五六七八九十]{1,3})点([零〇一二三四五六七八九]{1,4})个?([万萬亿億]{1,2})/g;

/** Power of ten of a multiplier written after a number. */
const MULTIPLIER_EXP: Record<string, number> = {
  万亿: 12, 千万: 7, 百万: 6, 十万: 5, 亿: 8, 万: 4, 千: 3, 百: 2, w: 4, W: 4, k: 3, K: 3, M: 6, m: 6,
};
const MULTIPLIERS = ["万亿", "千万", "百万", "十万", "亿", "万", "千", "百", "w", "W", "k", "K", "M", "m"];
const NO_MULTIPLIERS: string[] = [];
// First characters of multipliers and of "million"/"billion": most numbers have none after them, so skip the tests.
const MULTIPLIER_START = charTable(MULTIPLIERS.map((m) => m[0]!).join(""));
const ENGLISH_START = charTable(" mMbB");

/** Unit words, longest first, with their normalised unit. */
const UNIT_WORDS: ReadonlyArray<readonly [string, NumberUnit]> = [
  ["平方米", "平方米"], ["个平方", "平方米"], ["平方", "平方米"], ["平米", "平方米"], ["㎡", "平方米"], ["m²", "平方米"], ["m2", "平方米"], ["平", "平方米"],
  ["块钱", "元"], ["人民币", "元"], ["元", "元"], ["块", "元"],
  ["人次", "人次"], ["个月", "月"], ["个人", "人"], ["人", "人"], ["名", "名"], ["位", "位"], ["个", "个"],
  ["家", "家"], ["户", "户"], ["间", "间"], ["笔", "笔"], ["单", "单"], ["件", "件"], ["吨", "吨"],
  ["天", "天"], ["年", "年"], ["月", "月"], ["次", "次"], ["回", "次"], ["场", "场"], ["期", "期"], ["%", "%"],
];

/** UNIT_WORDS by the code of their first character, in the same order: looked up after every number. */
const UNIT_WORDS_BY_FIRST = new Map<number, Array<(typeof UNIT_WORDS)[number]>>();
for (const entry of UNIT_WORDS) UNIT_WORDS_BY_FIRST.set(entry[0].charCodeAt(0), [...(UNIT_WORDS_BY_FIRST.get(entry[0].charCodeAt(0)) ?? []), entry]);

// Core number patterns. Full-width digits are normalised before matching (same string length).
/** Arabic digits mixed with Chinese place words: "1千2百万", "2千1百万" (read like 一千二百万). */
const MIXED = /(?<![\d.亿万])\d+[十百千](?:\d+[十百千]?)+[万亿]?/g;
const MIXED_AT = new RegExp(MIXED.source, "y");
/** A table of UTF-16 code units: 1 for each character of `chars`; looked up for every character of a message. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
/**
 * An Arabic number, read by `arabicAt` without a regex (it is the commonest mention, and a match array per
 * number is most of what reading allocates): `([-−﹣]\s?)?([¥￥]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([+-]?\d{1,3}))?`.
 */
const MINUS = charTable("-−﹣");
const YEN = charTable("¥￥");
/** `\s` of a regular expression (ECMAScript WhiteSpace and LineTerminator). */
const SPACE = charTable("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff");
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLatin = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Where the parts of the Arabic number found by `arabicAt` end; one record, reused (findNumbers reads it at once). */
const arabic = { signEnd: 0, digitStart: 0, intEnd: 0, grouped: false, fracEnd: 0, expStart: -1, end: 0 };

/** ",234": a comma and three digits. */
const isGroupAt = (text: string, at: number) =>
  text.charCodeAt(at) === 44 && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
/** 负 before a number: "负5万". */
const NEGATIVE_WORD = "负".charCodeAt(0);

/** Does an Arabic number start at `p`? Fills `arabic`. Each optional part is taken when it can be: no backtracking changes a match. */
function arabicAt(text: string, p: number): boolean {
  let q = p;
  if (MINUS[text.charCodeAt(q)]) {
    q++;
    if (SPACE[text.charCodeAt(q)]) q++;
  }
  arabic.signEnd = q;
  if (YEN[text.charCodeAt(q)]) {
    q++;
    if (SPACE[text.charCodeAt(q)]) q++;
  }
  if (!isDigit(text.charCodeAt(q))) return false;
  arabic.digitStart = q;
  let e = q;
  while (isDigit(text.charCodeAt(e))) e++;
  // 1,234,567: one to three digits, then groups of a comma and three digits.
  arabic.grouped = e - q <= 3 && isGroupAt(text, e);
  if (arabic.grouped) while (isGroupAt(text, e)) e += 4;
  arabic.intEnd = e;
  if (text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1))) {
    e += 2;
    while (isDigit(text.charCodeAt(e))) e++;
  }
  arabic.fracEnd = e;
  arabic.expStart = -1;
  const x = text.charCodeAt(e);
  if (x === 101 || x === 69) {
    const sign = text.charCodeAt(e + 1) === 43 || text.charCodeAt(e + 1) === 45 ? 1 : 0;
    let d = e + 1 + sign;
    const digitsFrom = d;
    while (d < digitsFrom + 3 && isDigit(text.charCodeAt(d))) d++;
    if (d > digitsFrom) {
      arabic.expStart = e + 1;
      e = d;
    }
  }
  arabic.end = e;
  return true;
}

/** Characters of Chinese numerals: every maximal run of them is tried as a number. */
const NUMERALS = "零〇一二两俩仨三四五六七八九十壹贰叁肆伍陆柒捌玖拾百佰千仟万萬亿億几";
const CHINESE = charTable(NUMERALS);
/** Each numeral character as a string, made once: a run of one numeral is not sliced. */
const NUMERAL_STRING = new Map([...NUMERALS].map((c) => [c.charCodeAt(0), c]));
/** Characters a numeral run may start with: a digit (not 零/〇: 零售额 is no zero), 十/拾, 几; 百/佰 only before 来 ("百来万"). */
const RUN_START = charTable(Object.keys(CN_DIGIT).filter((c) => c !== "零" && c !== "〇").join("") + "十拾几");
const HUNDRED = charTable("百佰");
const DATE = /(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})[日号]?/g;
const YEAR_MONTH = /((?:19|20)\d{2})年(\d{1,2})月(?![\d日号])/g;
const DATE_AT = new RegExp(DATE.source, "y");
const DATE_SEPARATOR = charTable("-/.年");
const YEAR_MONTH_AT = new RegExp(YEAR_MONTH.source, "y");
const YEAR_CHAR = "年".charCodeAt(0);
/** A year in Chinese digits, 二零二一年: the four characters before a 年. */
const CN_YEAR_DIGIT = charTable("零〇一二三四五六七八九");
const PERCENT_CN = /百分之([零〇一二两三四五六七八九十百]+|\d+(?:\.\d+)?)/g;
const HALF = /(大)?半(天|年|个月)/g;
/** "六位数", "7位数": how many digits a figure has. */
const DIGIT_COUNT = /([2-9]|[二两三四五六七八九十])位数/g;
/**
 * "百八十万", "千八百块": about a hundred (a thousand), said as "a hundred or eighty" — the whole run is
 * [百佰千仟][一二两三四五六七八九][十拾百佰][万萬亿億]?. Read by code into one record, reused; null for another run.
 */
function roughAt(text: string, start: number, end: number): { upper: number; digit: number; lower: number; big: number } | null {
  if (end - start !== 3 && end - start !== 4) return null;
  const upper = text.charCodeAt(start);
  const digit = text.charCodeAt(start + 1);
  const lower = text.charCodeAt(start + 2);
  if (!ROUGH_UPPER[upper] || !ROUGH_DIGIT[digit] || !ROUGH_LOWER[lower]) return null;
  const big = end - start === 4 ? BIG_UNIT_CODE.get(text.charCodeAt(start + 3)) : 1;
  if (big === undefined) return null;
  ROUGH.upper = SMALL_UNIT_CODE.get(upper)!;
  ROUGH.digit = DIGIT_CODE.get(digit)!;
  ROUGH.lower = SMALL_UNIT_CODE.get(lower)!;
  ROUGH.big = big;
  return ROUGH;
}
const ROUGH = { upper: 0, digit: 0, lower: 0, big: 1 };
const ROUGH_UPPER = charTable("百佰千仟");
const ROUGH_DIGIT = charTable("一二两三四五六七八九");
const ROUGH_LOWER = charTable("十拾百佰");
/** "万把块", "千把块": about one of that place. */
const ONE_OR_SO_CODE = charTable("百佰千仟万萬");
/** The value of a place word: 百 100, 万 10000. */
const placeValue = (code: number) => SMALL_UNIT_CODE.get(code) ?? BIG_UNIT_CODE.get(code)!;
/** "七成五" 75%, "八成" 80%: tenths in chat, not before a word that 成 starts (成交, 成功, 一成不变). */
const TENTHS = /([一二两三四五六七八九])成([一二三四五六七八九](?![十百千万亿]))?(?![交功为立本员都果绩品型熟长不了])/g;
/** "1万5", "1亿2千万"; after 零 the tail skips a place: "1亿零500万", "1万零5" (零 joins a lower place). */
const readCompoundTail = tailReader(/^(零?)(\d{1,4})(千万|百万|万|千|百)?(?![\d.%])/);
/** "18-20万", "30到40人": a second number after a range sign shares the first one's multiplier and unit. */
const readRangeTail = tailReader(/^\s?[-~～—–到至]\s?(\d+)(\.\d+)?/);
/**
 * Words in which 一 is no numeral: "一共150人次" is not the number 1 followed by 150; 头一回/头一年 is an ordinal.
 * Each word contains one 一; a lone 一 at that place is skipped.
 */
const NOT_NUMERAL_YI = /头一|一共|一起|一下|一直|一定|一般|一样|一些|一点|一次性|一旦|一律|一致|一边|一同|一切|一再|一站式|一键|统一|唯一|万一|第一次|这一|那一|哪一|某一|同一|每一|任一|其一/g;
/** NOT_NUMERAL_YI from one place: matched where a 一 stands or one character before it (no word has it later). */
const NOT_NUMERAL_YI_AT = new RegExp(NOT_NUMERAL_YI.source, "y");
/**
 * Marks (NOT_NUMERAL_YI_KIND in `kinds`) where the 一 of each NOT_NUMERAL_YI word stands, the words found as
 * text.matchAll finds them (leftmost, not overlapping).
 */
function markNotNumeralYi(text: string): void {
  let lastEnd = 0;
  for (let yi = text.indexOf("一"); yi >= 0; yi = text.indexOf("一", yi + 1)) {
    for (let at = Math.max(yi - 1, lastEnd); at <= yi; at++) {
      NOT_NUMERAL_YI_AT.lastIndex = at;
      // Tested in place, no match array: the word's one 一 is the first from where it starts.
      if (!NOT_NUMERAL_YI_AT.test(text)) continue;
      kinds[text.indexOf("一", at)]! |= NOT_NUMERAL_YI_KIND;
      lastEnd = NOT_NUMERAL_YI_AT.lastIndex;
      break;
    }
  }
}
/** "过百万", "上千万", "破亿": a bare magnitude (十万, 百万, 千万, 亿) after 过/上/破/超/逾 means at least that much. */
const BARE_MAGNITUDE_AFTER = charTable("过上破超逾");
const TENS_OF_WAN = charTable("十百千");
/** "三到五万", "十八至二十万": a Chinese range; trailing 万/亿 of the second number apply to both. */
const readCnRangeTail = tailReader(/^\s?[-~到至]\s?([零〇一二两三四五六七八九十百千]+)([万亿]*)/);
const readYearRangeTail = tailReader(/^\s?[-—–~～至到]\s?(19|20)\d{2}\s?年/);
const PLACE_WORD = /[十拾百佰千仟万亿]/;
const BIG_PLACE_WORD = /[万亿]/;
const readEnglishMagnitude = tailReader(/^ ?(million|billion)(?![a-z])/i);

const RELATIVE_YEAR = /(本年度|上一年度|上年度|去年|今年|前年|明年|当年|本年|上一年|上年)/g;
const RELATIVE_OFFSET: Record<string, number> = {
  去年: -1, 今年: 0, 前年: -2, 明年: 1, 当年: 0, 本年: 0, 本年度: 0, 上年: -1, 上一年: -1, 上年度: -1, 上一年度: -1,
};
/** The calendar year a word counted from today names ("去年" in 2026 → 2025), or null for another word. */
export function relativeYearValue(word: string, asOfYear: number): number | null {
  const offset = RELATIVE_OFFSET[word];
  return offset === undefined ? null : asOfYear + offset;
}

/** A year written as a word counted from today (去年, 今年, 当年), not as a calendar year ("2023年"). */
export function isRelativeYear(words: string): boolean {
  return new RegExp(RELATIVE_YEAR.source).test(words) && !/\d|[零〇一二三四五六七八九]{4}/.test(words);
}

/** "在京东上年销售额" is "on JD, annual sales", not "last year": 上 after a place is locative. */
const LOCATIVE_BEFORE_SHANG = /(京东|淘宝|天猫|拼多多|平台|网|抖音|快手|店|线|苏宁)$/;

/**
 * Qualifiers written before a number, and the interval they make of it. Longest words first within
 * each; "小" only when it touches a numeral ("小两百万": just under two million).
 */
const QUALIFIERS_BEFORE: ReadonlyArray<readonly [RegExp, Qualifier]> = [
  // A ceiling: a negated "more than" ("不超过5万", "没破百万") or a word for "at most" ("顶多也就5万"); 不过 is "but".
  [/((不|没有?|未|并未|还没有?|从没有?)(超过|超出|突破|高于|大于|多于|超|破)|(没有?|未|还没有?|从没有?)过|(最多|顶多|至多|撑死|充其量|顶天)(也就|也|就|才|只有|只)?)\s?$/, "atMost"],
  // Before "below": 不少于 holds 少于.
  [/(至少|起码|最少|不低于|不少于|不小于|(?<![放装容住])不下于?)\s?$/, "atLeast"],
  [/(不到|不足|不满|未满|未达到|没到|没达到|没有达到|还没到|没有|低于|少于|小于|不够)\s?$/, "below"],
  // 过 after a verb is an aspect marker ("办过3期"), and 不过 is "but": neither is "more than".
  [/(不止|不只|(超过|超出|突破)了?|高于|大于|多于|过了|逾|超|破了?|(?<![做办搞拿受请开加训领用去来建干见听试跑卖投招没不])过)\s?$/, "above"],
  [/(差不多|大概|大约|约莫|约|估计|大致|预计|左右)\s?$/, "around"],
  [/(将近|接近|差一点|差点|(?<![最附])近|(?<![很太])快)\s?$/, "near"],
  [/小$/, "near"],
];
/** Two-character words right after a number (the first that stands there counts). */
const QUALIFIERS_AFTER: ReadonlyArray<readonly [string, Qualifier]> = [
  ["左右", "around"], ["上下", "around"],
  ["不到", "below"],
  // 以下/以内 include the figure, as in the policies' own wording: only the figure's line can be in doubt.
  ["以下", "atMost"], ["以内", "atMost"], ["封顶", "atMost"],
];
type Qualifier = "below" | "atMost" | "atLeast" | "above" | "around" | "near";
/** Each of QUALIFIERS_BEFORE tested on the text in place: the window is sliced only for the one that matches. */
const QUALIFIER_TESTS = QUALIFIERS_BEFORE.map(([re, q]) => [re, q, headTester(re)] as const);
/** The last characters of the words QUALIFIERS_BEFORE match (before an optional blank): no pattern is tried elsewhere. */
const QUALIFIER_END = charTable("过出破于超多死量天就也才有只少码到足满够止了逾概约莫计致右近点快小下");
/** The first characters of QUALIFIERS_AFTER. */
const QUALIFIER_AFTER_START = charTable(QUALIFIERS_AFTER.map(([w]) => w[0]).join(""));
/** "将近两百万", "大概80万": at most this fraction away from the figure… */
const NEAR_SPAN = 0.1;
/** …and at most half the place of its last written digit: "650万左右" is 645万–655万, "大概100万" 90万–110万. */
const spread = (value: number, place: number) => Math.min(value * NEAR_SPAN, place / 2);
/** "一百出头": at most this fraction above the figure. */
const CHUTOU_SPAN = 0.2;

/** Control characters and terminal escape sequences carry no quantity: "\x1b[31m" is no 31; they read as a blank. */
const CONTROL_SEQUENCE = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

const HAS_CONTROL = /[\x00-\x1f\x7f]/;

/** Full-width signs and letters as ASCII (full-width digits are shifted by code). */
const HALF_WIDTH: Readonly<Record<string, string>> = { "．": ".", "％": "%", "＋": "+", "－": "-", Ｗ: "W", ｗ: "w", Ｋ: "K", ｋ: "k", "～": "~" };

/** What each full-width sign or blank becomes, by code (0: stays); full-width digits are shifted by code. */
const WIDTH_TO = new Uint16Array(0x10000);
for (const [c, h] of Object.entries(HALF_WIDTH)) WIDTH_TO[c.charCodeAt(0)] = h.charCodeAt(0);
for (const c of "\u3000\u00a0\t") WIDTH_TO[c.charCodeAt(0)] = 32;
for (let d = 0; d < 10; d++) WIDTH_TO[0xff10 + d] = 48 + d;
/** Codes that `CONTROL_SEQUENCE` may remove: [\x00-\x08\x0b\x0c\x0e-\x1f\x7f] (every escape sequence starts with \x1b). */
const CONTROL_CODE = charTable("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f");
const FULL_COMMA = "，".charCodeAt(0);
const isAnyDigit = (code: number) => isDigit(code) || (code >= 0xff10 && code <= 0xff19);
/** Kinds of characters the passes of `readNumbers` look for, by code. */
const DIGIT_KIND = 1;
const NUMERAL_KIND = 2;
const ARABIC_START_KIND = 4;
const BEFORE_MAGNITUDE_KIND = 8;
/** Set by `markNotNumeralYi` (not from the table): the 一 of a word in which it is no numeral. */
const NOT_NUMERAL_YI_KIND = 16;
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  KIND[c] = (isDigit(c) ? DIGIT_KIND : 0) | (CHINESE[c] ? NUMERAL_KIND : 0) | (isDigit(c) || MINUS[c] || YEN[c] ? ARABIC_START_KIND : 0) |
    (BARE_MAGNITUDE_AFTER[c] ? BEFORE_MAGNITUDE_KIND : 0);
}
/**
 * The kind of each character of the normalised message, filled while it is normalised (one look at each code), so
 * the passes that look for digits, numerals and signs read a byte each, not the string (kinds[length] is 0).
 */
let kinds = new Uint8Array(256);
/** Did the message given to `readNumbers` hold a control character? (Else no words need control characters dropped.) */
let hadControl = false;
/**
 * Turn full-width digits, signs and spaces into ASCII without changing string length (offsets stay valid);
 * blank out control characters; a full-width comma between thousands groups is a separator ("1，200，000元").
 * One look at each code: the text itself is returned when nothing changes (most messages).
 */
function normaliseWidth(input: string): string {
  let control = false;
  let changes = false;
  const n = input.length;
  if (kinds.length <= n) kinds = new Uint8Array(Math.max(n + 1, 2 * kinds.length));
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (CONTROL_CODE[c]) control = true;
    else if (WIDTH_TO[c] || (c === FULL_COMMA && isAnyDigit(input.charCodeAt(i - 1)))) changes = true;
    // A separator comma is no digit, numeral or sign either: the kind of its character is right.
    kinds[i] = KIND[WIDTH_TO[c] || c]!;
  }
  kinds[n] = 0;
  hadControl = control;
  if (!control && !changes) return input;
  // Escape sequences span several characters: the pattern finds them (rare in chat).
  const text = control ? input.replace(CONTROL_SEQUENCE, (c) => " ".repeat(c.length)) : input;
  if (control) for (let i = 0; i < n; i++) kinds[i] = KIND[WIDTH_TO[text.charCodeAt(i)] || text.charCodeAt(i)]!;
  // The unchanged stretches are sliced, not copied: a message has a few such characters at most.
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to = WIDTH_TO[c];
    // (?<=\d)，(?=\d{3}(?![\d.])) on the text with widths turned: only full-width digits and points turn into those.
    if (c === FULL_COMMA && isAnyDigit(text.charCodeAt(i - 1)) && isAnyDigit(text.charCodeAt(i + 1)) && isAnyDigit(text.charCodeAt(i + 2)) &&
      isAnyDigit(text.charCodeAt(i + 3)) && !isAnyDigit(text.charCodeAt(i + 4)) && WIDTH_TO[text.charCodeAt(i + 4)] !== 46 && text.charCodeAt(i + 4) !== 46) to = 44;
    if (!to) continue;
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Exact decimal string of digits × 10^exp (digits without a point, `fracLen` of them after it).
 * "98" frac 1 exp 4 → "9.8"×10^4 → "98000".
 */
function shiftDecimal(intPart: string, frac: string, exp: number): string {
  // The common case, a whole number with no leading zero: the digits and the zeros of the multiplier.
  if (frac === "" && exp >= 0 && intPart.length > 0 && intPart.charCodeAt(0) !== 48) return exp === 0 ? intPart : intPart + "0".repeat(exp);
  const digits = (intPart + frac).replace(LEADING_ZEROS, "");
  const shift = exp - frac.length;
  let s: string;
  if (shift >= 0) s = digits + "0".repeat(shift);
  else {
    const pointAt = digits.length + shift;
    s = pointAt > 0 ? `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}` : `0.${"0".repeat(-pointAt)}${digits}`;
    s = s.replace(TRAILING_ZEROS, "");
  }
  return s.replace(LEADING_ZEROS, "") || "0";
}
const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * A figure as `finish` takes it: a number whose decimal is String(number) (a whole number read from digits and
 * scaled, below 1e15, or a value computed as a number), or the exact decimal string (fractions, larger figures).
 */
type Figure = number | string;

/** base × 10^exp: a number while that is exact (a whole base, below 1e15), else its exact decimal string. */
function scaled(base: number, exp: number): Figure {
  const value = base * 10 ** exp;
  return Number.isInteger(base) && value <= 1e15 ? value : shiftDecimal(String(base), "", exp);
}

/** The whole number written by the digits of [from, to) (at most 15 of them: exact), read by code. */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}
const TRAILING_ZEROS = /\.?0+$/;

/** Digits only, no leading zero, at most 15 of them: the decimal that String(Number(decimal)) writes again. */
function isPlainWhole(decimal: string): boolean {
  const n = decimal.length;
  if (n === 0 || n > 15 || (n > 1 && decimal.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) if (!isDigit(decimal.charCodeAt(i))) return false;
  return true;
}

/** The place of the last significant digit: 80 → 10, 1500 → 100, 12 → 1, 3.5 → 0.1. */
function placeOf(n: number): number {
  if (n <= 0 || !Number.isFinite(n)) return 1;
  if (!Number.isInteger(n)) return 10 ** -((String(n).split(".")[1] ?? "").length);
  let p = 1;
  while (n % (p * 10) === 0) p *= 10;
  return p;
}

/**
 * Parse a run of Chinese numerals: 十二万 → 120000, 一亿二千万 → 120000000, 二零二一 → 2021,
 * 一万五 → 15000 (a trailing digit after a unit means the next lower place). Arabic digit groups may
 * stand for digits ("1千2百万" → 12000000). Returns null for runs that are not a number (千万 as in
 * "千万别", a lone 万).
 */
export function parseChineseNumeral(run: string): number | null {
  // Read as the tokens of /\d+|./gu (a run of ASCII digits, or one character; line breaks skipped),
  // by index: no token strings.
  let i = skipBreaks(run, 0);
  if (i >= run.length) return null;
  const first = run.charCodeAt(i);
  if (!DIGIT_CODE.has(first) && !isDigit(first) && first !== TEN && first !== TEN_FORMAL) return null;
  // A pure digit sequence (二零二一) reads positionally.
  let count = 0;
  let positional = 0;
  for (let j = i; j < run.length; j = skipBreaks(run, j + 1)) {
    const c = run.charCodeAt(j);
    if (!DIGIT_CODE.has(c) || c === LIANG) {
      count = -1;
      break;
    }
    count++;
    positional = positional * 10 + DIGIT_CODE.get(c)!;
  }
  if (count > 1) {
    if (count <= 15) return positional;
    let digits = "";
    for (let j = i; j < run.length; j = skipBreaks(run, j + 1)) digits += DIGIT_CODE.get(run.charCodeAt(j))!;
    return Number(digits);
  }
  let total = 0; // everything above the current 万 section
  let section = 0; // within the current 万 section
  let digit = 0;
  let lastUnit = 0;
  for (; i < run.length; i = skipBreaks(run, i + 1)) {
    const c = run.charCodeAt(i);
    let d = DIGIT_CODE.get(c);
    if (isDigit(c)) {
      let end = i + 1;
      while (isDigit(run.charCodeAt(end))) end++;
      if (end - i <= 15) {
        d = 0;
        for (let k = i; k < end; k++) d = d * 10 + (run.charCodeAt(k) - 48);
      } else d = Number(run.slice(i, end));
      i = end - 1;
    }
    if (d !== undefined) {
      digit = d;
      if (d === 0) lastUnit = 0; // 一千零五: the 五 is units, not hundreds
      continue;
    }
    const small = SMALL_UNIT_CODE.get(c);
    if (small !== undefined) {
      section += (digit || (small === 10 ? 1 : 0) || (section === 0 && total === 0 ? 1 : 0)) * small;
      digit = 0;
      lastUnit = small;
      continue;
    }
    const big = BIG_UNIT_CODE.get(c);
    if (big === undefined) return null;
    if (section === 0 && digit === 0 && total === 0) return null;
    if (big === 1e8) {
      total = (total + section + digit) * big;
    } else {
      total += (section + digit) * big;
    }
    section = 0;
    digit = 0;
    lastUnit = big;
  }
  // 一万五 = 15000, 三千五 = 3500: a bare trailing digit takes the place below the last unit.
  if (digit > 0 && digit < 10 && lastUnit >= 100) digit *= lastUnit / 10;
  return total + section + digit;
}

/** CN_DIGIT, CN_SMALL_UNIT and CN_BIG_UNIT by UTF-16 code unit (each numeral is one). */
const byCode = (table: Record<string, number>) => new Map(Object.entries(table).map(([c, v]) => [c.charCodeAt(0), v]));
const DIGIT_CODE = byCode(CN_DIGIT);
const SMALL_UNIT_CODE = byCode(CN_SMALL_UNIT);
const BIG_UNIT_CODE = byCode(CN_BIG_UNIT);
const [TEN, TEN_FORMAL, LIANG, YI] = ["十", "拾", "两", "一"].map((c) => c.charCodeAt(0)) as [number, number, number, number];

/** The first index from `i` that is no line break (`.` of a regular expression skips them). */
function skipBreaks(run: string, i: number): number {
  for (let c = run.charCodeAt(i); c === 10 || c === 13 || c === 0x2028 || c === 0x2029; c = run.charCodeAt(++i));
  return i;
}

/**
 * A run with a vague digit or two neighbouring digits, read as its lowest and highest value:
 * 十几 → 11..19, 几十 → 20..90, 七八 → 7..8, 五六十 → 50..60, 十八九 → 18..19, 三千五六百 → 3500..3600.
 */
function parseVagueNumeral(run: string): { low: number; high: number; vague: boolean } | null {
  const ji = run.indexOf("几");
  // "几千几万", "几十几百": from a few of the first place to a few of the second.
  const second = ji === 0 ? run.indexOf("几", 1) : -1;
  if (second > 0) {
    const from = parseVagueNumeral(run.slice(0, second));
    const to = parseVagueNumeral(run.slice(second));
    return from && to && from.low < to.low ? { low: from.low, high: to.high, vague: true } : null;
  }
  if (ji >= 0) {
    // 十几 / 二十几: any of 1–9; 几十 / 几万 / 好几: several, so 2–9.
    const lowDigit = ji > 0 && /[十拾]/.test(run[ji - 1]!) ? "一" : "二";
    const low = parseChineseNumeral(run.slice(0, ji) + lowDigit + run.slice(ji + 1));
    const high = parseChineseNumeral(run.slice(0, ji) + "九" + run.slice(ji + 1));
    return low === null || high === null ? null : { low, high, vague: true };
  }
  for (let i = 0; i + 1 < run.length; i++) {
    const a = DIGIT_CODE.get(run.charCodeAt(i));
    const b = DIGIT_CODE.get(run.charCodeAt(i + 1));
    if (a === undefined || b === undefined || a === 0 || b !== a + 1) continue;
    const low = parseChineseNumeral(run.slice(0, i + 1) + run.slice(i + 2));
    const high = parseChineseNumeral(run.slice(0, i) + run.slice(i + 1));
    return low === null || high === null ? null : { low, high, vague: false };
  }
  return null;
}

/**
 * Parse one amount as a user writes it ("12万", "10w+", "¥85,000", "一百五十万", "1.2亿元").
 * Returns the first number found in `raw`, or null when there is none.
 */
export function parseChineseAmount(raw: string): NumberMention | null {
  return findNumbers(raw)[0] ?? null;
}

/**
 * Money in integer fen from a mention, computed from its exact decimal string (9.8万 → 9800000).
 * Null when the value is absurd or has a fraction of a fen.
 */
export function mentionToFen(m: NumberMention): number | null {
  const decimal = m.decimal;
  if (m.absurd || decimal === undefined) return null;
  // The digits read as one integer of fen, the fraction padded to two places (no strings built: it runs per figure);
  // an exponent form ("1e-7" of "1e-7元") by string.
  if (decimal.includes("e")) return fenOfExponent(decimal, m.negative === true);
  const point = decimal.indexOf(".");
  const fracLength = point < 0 ? 0 : decimal.length - point - 1;
  if (fracLength > 2) return null;
  let fen = 0;
  for (let i = 0; i < decimal.length; i++) if (i !== point) fen = fen * 10 + (decimal.charCodeAt(i) - 48);
  for (let k = fracLength; k < 2; k++) fen *= 10;
  if (!Number.isSafeInteger(fen)) return null;
  return m.negative ? -fen : fen;
}

function fenOfExponent(decimal: string, negative: boolean): number | null {
  const [intPart = "0", frac = ""] = decimal.split(".");
  if (frac.length > 2) return null;
  const fen = Number(intPart + frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(fen)) return null;
  return negative ? -fen : fen;
}

/** Does [s, e) touch a position already read as part of a number? */
function overlaps(taken: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (taken[i]) return true;
  return false;
}

/**
 * How the words after a number widen it: 多/余 (more than), 来 (about, not less), 出头 (a little over),
 * + (the figure and some: "10w+"), 以上 (at least, no upper bound).
 */
type Approx = "many" | "lai" | "chutou" | "plus" | "orMore";

/**
 * After the core number: 多/余/来, a multiplier (万/亿/w/k…), 多/+, a unit, 以上/多/出头. Returns how far
 * the mention extends and what it adds. `approxAfterMultiplier`: "八万多" blurs the 万 place, "八十多万" the ten.
 */
function readSuffix(text: string, pos: number, allowMultiplier: boolean, coreHasMultiplier: boolean, into: Suffix): Suffix {
  let i = pos;
  let exp = 0;
  let approx: Approx | undefined;
  let approxAfterMultiplier = false;
  let unit: NumberUnit | undefined;
  let half = false;
  // "12 万" is one number, but a unit binds only to adjacent text: "年薪11万 人才" is not 11万人. A run of
  // blanks counts as one space: a control sequence between number and unit is blanked, not a break.
  let spaceFrom = i;
  // (Plain statements, no closures: this runs for every number and every numeral run of a message.)
  approx = approxAt(text, i);
  if (approx) i += approxWidth(text, i);
  let j = blanksBefore(text, i, isMultiplierChar);
  if (j !== i) {
    spaceFrom = i;
    i = j;
  }
  if (allowMultiplier) {
    // "1个亿", "两个多亿", "13个w": the measure word 个 may stand before 亿 or w (never before 万: "3个万达" is no amount).
    // "一个半亿": 个半 adds half of the multiplier.
    GE_MULTIPLIER_AT.lastIndex = i;
    if (text[i] === "个" && GE_MULTIPLIER_AT.test(text)) {
      i++;
      if (text[i] === "半") {
        half = true;
        i++;
      }
      const after = approxAt(text, i);
      if (after) {
        approx = after;
        approxAfterMultiplier = false;
        i += approxWidth(text, i);
      }
    }
    // English magnitudes as merchants paste them from platform dashboards: "1.2M", "150k", "1.5 million".
    const english = ENGLISH_START[text.charCodeAt(i)] ? readEnglishMagnitude(text, i, 9) : null;
    if (english) {
      exp = english[1]!.toLowerCase() === "million" ? 6 : 9;
      i += english[0].length;
    }
    for (const m of exp > 0 || !MULTIPLIER_START[text.charCodeAt(i)] ? NO_MULTIPLIERS : MULTIPLIERS) {
      if (text.startsWith(m, i)) {
        // "2k" but not "2kg"; "10w" but not "10wifi"; "1.2M" but not "10m2" (an area) or "5min"
        // "1w2", "3k5": one digit after w or k is the next place down (as in "1万2"), not an area or a code.
        if (isLatin(m.charCodeAt(0)) && LATIN_OR_DIGIT.test(text[i + 1] ?? "") && !(WK.test(m) && isDigit(text.charCodeAt(i + 1)) && !LATIN_OR_DIGIT.test(text[i + 2] ?? "") && text[i + 2] !== ".")) break;
        exp = MULTIPLIER_EXP[m] ?? 0;
        i += m.length;
        break;
      }
    }
    if (!approx) {
      approx = approxAt(text, i);
      if (approx) {
        approxAfterMultiplier = true;
        i += approxWidth(text, i);
      }
      // "9千来万", "3千多万": the approximation sits between 千 and the 万 it counts in.
      if (approx && exp < 4 && (text[i] === "万" || text[i] === "亿")) {
        exp += text[i] === "万" ? 4 : 8;
        i++;
      }
    }
  }
  if (text[i] === "+") {
    approx = "plus";
    i++;
  }
  // "招了3 个人", "120 平": a space before a unit, but not after a multiplier ("年薪11万 人才", "年薪十一万八 人才").
  if (exp === 0 && !coreHasMultiplier) {
    j = blanksBefore(text, i, notBlank);
    if (j !== i) {
    spaceFrom = i;
    i = j;
  }
  }
  // "一整天", "两整年": 整 stresses a whole unit of time; the unit follows it.
  const whole = text[i] === "整" && (text[i + 1] === "天" || text[i + 1] === "年") ? 1 : 0;
  const unitWords = UNIT_WORDS_BY_FIRST.get(text.charCodeAt(i + whole)) ?? NO_UNIT_WORDS;
  for (let k = 0; k < unitWords.length; k++) {
    const word = unitWords[k]![0];
    if (text.startsWith(word, i + whole)) {
      i += whole;
      if (word === "m2" && LATIN_OR_DIGIT_CODE[text.charCodeAt(i + 2)]) continue;
      // "150平" is square metres; "1688平台", "10万平阴" are not.
      if (word === "平" && NOT_AREA_AFTER_PING[text.charCodeAt(i + 1)]) continue;
      unit = unitWords[k]![1];
      i += word.length;
      break;
    }
  }
  if (!unit && text[i - 1] === " ") i = spaceFrom;
  if (unit && (unit === "天" || unit === "年") && text[i] === "半") {
    half = true;
    i++;
  }
  if (text.startsWith("以上", i) || text.startsWith("及以上", i)) {
    approx = "orMore";
    i += text.startsWith("及以上", i) ? 3 : 2;
  } else if (text.startsWith("出头", i)) {
    approx = "chutou";
    i += 2;
  } else if (unit && !approx && (text[i] === "多" || text[i] === "余" || text[i] === "+")) {
    // "两年多": the unit's own place is the blurred one.
    approx = text[i] === "+" ? "plus" : "many";
    approxAfterMultiplier = true;
    i++;
  }
  into.end = i;
  into.exp = exp;
  into.approx = approx;
  into.approxAfterMultiplier = approxAfterMultiplier;
  into.unit = unit;
  into.half = half;
  return into;
}

/** What `readSuffix` read after a number; three records, reused: a figure, the second end of its range, a compound tail. */
interface Suffix {
  end: number;
  exp: number;
  approx: Approx | undefined;
  approxAfterMultiplier: boolean;
  unit: NumberUnit | undefined;
  half: boolean;
}
const newSuffix = (): Suffix => ({ end: 0, exp: 0, approx: undefined, approxAfterMultiplier: false, unit: undefined, half: false });
const SUFFIX = newSuffix();
const HIGH_SUFFIX = newSuffix();
const TAIL_SUFFIX = newSuffix();

const NO_UNIT_WORDS: typeof UNIT_WORDS = [];
/** 个 before 亿 or w, tested in place ("1个亿", "两个多亿", "13个w", "一个半亿"). */
const GE_MULTIPLIER_AT = /个[多半]?(?:亿|[wW](?![a-zA-Z]))/y;
const LATIN_OR_DIGIT_CODE = charTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
const NOT_AREA_AFTER_PING = charTable("台均阴安等时常稳原");
const MULTIPLIER_CHAR = charTable("万亿千百wWkK");
/** Any character but a blank (`[^\s]`); NaN past the end is none. */
const notBlank = (code: number) => code === code && !SPACE[code];
const isMultiplierChar = (code: number) => MULTIPLIER_CHAR[code] === 1;

/** Where the text goes on after the spaces at `i`, when a character fitting `next` follows them; else `i` (read by code: this runs per figure). */
function blanksBefore(text: string, i: number, next: (code: number) => boolean): number {
  let j = i;
  while (text.charCodeAt(j) === 32) j++;
  return j > i && next(text.charCodeAt(j)) ? j : i;
}

/** An approximation word at `i`: 多/余 (one character), 出头 (two), 来 before what it counts (one). Read by code: this runs per figure. */
function approxAt(text: string, i: number): Approx | undefined {
  const c = text.charCodeAt(i);
  if (c === DUO || c === YU) return "many";
  // "两百出头万"
  if (c === CHU && text.charCodeAt(i + 1) === TOU) return "chutou";
  // 来 only between a numeral and what it counts ("80来万", "20来人"), never "回来", "来了".
  if (c === LAI && COUNTED_AFTER_LAI[text.charCodeAt(i + 1)]) return "lai";
  // "九十好几万", "二十好几个人": several more, as 多.
  if (c === HAO && text.charCodeAt(i + 1) === JI && COUNTED_AFTER_HAOJI[text.charCodeAt(i + 2)]) return "many";
  return undefined;
}
const [DUO, YU, CHU, TOU, LAI, HAO, JI] = ["多", "余", "出", "头", "来", "好", "几"].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number];
const COUNTED_AFTER_LAI = charTable("万亿千百wWkK个人名位家间件单吨平天年场次期");
const COUNTED_AFTER_HAOJI = charTable("万亿千个人名位家间件单吨天场次期");

/** How many characters the approximation word at `i` takes: 出头 and 好几 two, the others one. */
function approxWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === CHU || c === HAO ? 2 : 1;
}

/**
 * How the number was written, for its interval: `rangeHigh` the highest value of a range ("七八个", "18-20万",
 * "十几万", units applied); `vagueTop` when that top is a vague digit (十几 may be 19.5: the interval runs to the
 * next place); `place` the place the approximation blurs, units applied ("80来万" → 100000).
 */
function intervalOf(value: number, rangeHigh: number | undefined, vagueTop: boolean, approx: Approx | undefined, place: number | undefined, qualifier: Qualifier | undefined): Interval {
  const p = place ?? placeOf(value);
  // Bounds as plain numbers, one object at the end: this runs for every mention.
  let low = value;
  let high = rangeHigh ?? value;
  let lowInclusive = true;
  let highInclusive = true;
  if (vagueTop) {
    high += p;
    highInclusive = false;
  }
  switch (approx) {
    case "many":
      low = value; high = value + p; lowInclusive = false; highInclusive = false;
      break;
    case "lai":
      low = value; high = value + p; lowInclusive = true; highInclusive = false;
      break;
    case "chutou":
      low = value; high = value * (1 + CHUTOU_SPAN); lowInclusive = false; highInclusive = false;
      break;
    case "plus":
      low = value; high = value + p; lowInclusive = true; highInclusive = false;
      break;
    case "orMore":
      low = value; high = Infinity; lowInclusive = true; highInclusive = false;
      break;
  }
  switch (qualifier) {
    case "below":
      return { low: 0, high: low, lowInclusive: true, highInclusive: false };
    case "atMost":
      return { low: 0, high, lowInclusive: true, highInclusive: true };
    case "atLeast":
      return { low, high: Infinity, lowInclusive, highInclusive: false };
    case "above":
      // "首次突破600万", "超过30人": a milestone named, so more than it but short of the next one on its
      // place (a merchant past 700万 would say so); "至少" and "以上" leave the top open.
      return { low, high: Math.max(high, low + p), lowInclusive: false, highInclusive: false };
    case "near":
      return { low: low - spread(low, p), high: low, lowInclusive: true, highInclusive: false };
    case "around":
      return { low: low - spread(low, p), high: high + spread(high, p), lowInclusive: true, highInclusive: true };
    default:
      return { low, high, lowInclusive, highInclusive };
  }
}

/** Flags of `finish` and bits of a mention: a minus sign or 负 stood before the figure; it is a calendar year; it is written in Chinese numerals… */
const NEGATIVE = 1;
const YEAR = 2;
const CHINESE_NUMERALS = 4;
const AT_LEAST = 8;
const BELOW = 16;
const ABSURD = 32;
const EXACT = 64;
/** The message held a control character: the words are shown without them (see `Mention.words`). */
const CONTROL = 128;

/** Bits 8–12 of a mention: its unit, as an index into UNITS (0: none). */
const UNITS: ReadonlyArray<NumberUnit | undefined> = [
  undefined, "元", "人", "人次", "名", "位", "个", "家", "户", "间", "笔", "单", "件", "吨", "平方米", "天", "年", "月", "次", "场", "期", "%",
];
const UNIT_SHIFT = 8;
const UNIT_MASK = 31;
/** Bits 13–18 of a mention: how many characters its words start before its figure ("将近200万": 2); a qualifier is at most 7. */
const LEAD_SHIFT = 13;
const LEAD_MASK = 63;
/**
 * Bits 19–29 of a mention: its length, end − start (a figure is a few characters; a joined range a few dozen).
 * LENGTH_MASK: too long for the bits ("1111…" pasted), its end is one of its rare parts. Bit 29 is the highest, so
 * the bits stay a small integer (a Smi), stored in the mention without a box.
 */
const LENGTH_SHIFT = 19;
const LENGTH_MASK = 2047;
const unitBits = (unit: NumberUnit | undefined) => UNITS.indexOf(unit) << UNIT_SHIFT;

/**
 * What few mentions have: a decimal that is not the value's own, a date, a month, a relative year word, an end too
 * far for the length bits; and the interval, when a mention has one of these parts too.
 */
class RareParts {
  decimal: string | undefined = undefined;
  date: string | undefined = undefined;
  month: number | undefined = undefined;
  relative: string | undefined = undefined;
  end = 0;
  interval: Interval | undefined;

  constructor(interval: Interval | undefined) {
    this.interval = interval;
  }
}

/**
 * A mention as `findNumbers` makes it. A long message holds a hundred of them, and most are only looked at for their
 * position, value and unit, so a mention is small (five fields): the flags, the unit, where the words start and the
 * length are bits of one number (the end is start + length); the strings (raw, words) are sliced when read; the
 * interval of an exact figure is built when first read (it is its value); the parts few mentions have are one record,
 * made only when one is set, which then holds the interval too. Every field is set in the constructor, so all
 * mentions share one shape.
 */
class Mention implements NumberMention {
  start: number;
  value: number;
  /** The message as given: raw and words are sliced from it. */
  readonly #input: string;
  /** Flags (NEGATIVE…CONTROL), unit (UNIT_SHIFT), the lead of the words (LEAD_SHIFT) and the length (LENGTH_SHIFT). */
  readonly #bits: number;
  /** The interval once built, or the rare parts (which then hold it). */
  #more: Interval | RareParts | undefined;

  constructor(input: string, start: number, end: number, wordsStart: number, value: number, decimal: string | undefined, unit: NumberUnit | undefined, bits: number, interval: Interval | undefined) {
    const length = Math.min(end - start, LENGTH_MASK);
    this.start = start;
    this.value = value;
    this.#input = input;
    this.#bits = bits | unitBits(unit) | ((start - wordsStart) << LEAD_SHIFT) | (length << LENGTH_SHIFT);
    this.#more = interval;
    // A decimal the value writes the same way ("2021", "20000") is not kept: most figures are whole numbers.
    if (decimal !== undefined && !isPlainWhole(decimal)) this.#rareParts().decimal = decimal;
    if (length === LENGTH_MASK) this.#rareParts().end = end;
  }

  get end(): number {
    const length = (this.#bits >> LENGTH_SHIFT) & LENGTH_MASK;
    return length === LENGTH_MASK ? (this.#more as RareParts).end : this.start + length;
  }
  get wordsStart(): number {
    return this.start - ((this.#bits >> LEAD_SHIFT) & LEAD_MASK);
  }
  get unit(): NumberUnit | undefined {
    return UNITS[(this.#bits >> UNIT_SHIFT) & UNIT_MASK];
  }
  get raw(): string {
    return this.#input.slice(this.start, this.end);
  }
  get words(): string {
    const words = this.#input.slice(this.wordsStart, this.end);
    return this.#bits & CONTROL && HAS_CONTROL.test(words) ? words.replace(CONTROL_SEQUENCE, "") : words;
  }
  get decimal(): string | undefined {
    return this.#bits & ABSURD ? undefined : (this.#rare()?.decimal ?? String(Math.abs(this.value)));
  }
  get date(): string | undefined {
    return this.#rare()?.date;
  }
  set date(date: string | undefined) {
    this.#rareParts().date = date;
  }
  get month(): number | undefined {
    return this.#rare()?.month;
  }
  set month(month: number | undefined) {
    this.#rareParts().month = month;
  }
  get relative(): string | undefined {
    return this.#rare()?.relative;
  }
  set relative(word: string | undefined) {
    this.#rareParts().relative = word;
  }
  #rare(): RareParts | undefined {
    const more = this.#more;
    return more instanceof RareParts ? more : undefined;
  }
  #rareParts(): RareParts {
    const more = this.#more;
    return more instanceof RareParts ? more : (this.#more = new RareParts(more));
  }
  get interval(): Interval {
    const more = this.#more;
    if (more instanceof RareParts) return (more.interval ??= this.#point());
    return more ?? (this.#more = this.#point());
  }
  /** The interval of an exact figure: its value, to the fen. */
  #point(): Interval {
    return intervalFor(Math.abs(this.value), undefined, false, undefined, undefined, undefined, (this.#bits & NEGATIVE) !== 0);
  }
  get exact(): boolean {
    return (this.#bits & EXACT) !== 0;
  }
  get atLeast(): true | undefined {
    return this.#bits & AT_LEAST ? true : undefined;
  }
  get below(): true | undefined {
    return this.#bits & BELOW ? true : undefined;
  }
  get isYear(): true | undefined {
    return this.#bits & YEAR ? true : undefined;
  }
  get negative(): true | undefined {
    return this.#bits & NEGATIVE ? true : undefined;
  }
  get absurd(): true | undefined {
    return this.#bits & ABSURD ? true : undefined;
  }
  get chinese(): true | undefined {
    return this.#bits & CHINESE_NUMERALS ? true : undefined;
  }
}

/**
 * A mention kept for the life of the process. A mention's hidden class is reached from the class only through
 * transitions that a full GC drops when no mention is alive (none is between messages); every optimised reader
 * that handled mentions was then deoptimised, and the next ~60 readings ran 3–4× slower.
 */
export const KEPT_MENTION: NumberMention = new Mention("", 0, 0, 0, 0, undefined, undefined, 0, undefined);

/** The interval of a figure of |value| `value`, rounded to the fen, with its sign applied. */
function intervalFor(value: number, rangeHigh: number | undefined, vagueTop: boolean, approx: Approx | undefined, place: number | undefined, qualifier: Qualifier | undefined, negative: boolean): Interval {
  const interval = intervalOf(value, rangeHigh, vagueTop, approx, place, qualifier);
  // Spans computed by ratio (将近, 左右, 出头) are rounded to the fen: 0.9 × 80万 is 720000, not 719999.99….
  interval.low = Math.round(interval.low * 100) / 100;
  if (Number.isFinite(interval.high)) interval.high = Math.round(interval.high * 100) / 100;
  if (negative) {
    const low = interval.low;
    interval.low = -interval.high;
    interval.high = -low;
  }
  return interval;
}

/**
 * The mention of [start, end): its qualifiers read around it, its interval. `wordsFrom`: where its words start when
 * no qualifier stands before it ("好几个亿"). The caller adds date/month/relative.
 */
function finish(
  input: string,
  text: string,
  start: number,
  end: number,
  decimal: Figure,
  flags: number,
  unit: NumberUnit | undefined,
  rangeHigh?: number,
  vagueTop = false,
  approx?: Approx,
  place?: number,
  ownQualifier?: Qualifier,
  wordsFrom = start,
): Mention {
  const negative = (flags & NEGATIVE) !== 0;
  let value = typeof decimal === "number" ? decimal : Number(decimal);
  if (negative) value = -value;
  // Qualifiers: "将近两百万", "3500万左右"; years, dates and percentages take none.
  let qualifier: Qualifier | undefined;
  let wordsStart = wordsFrom;
  if ((flags & YEAR) === 0) {
    const last = SPACE[text.charCodeAt(start - 1)] && start - 1 > Math.max(0, start - 6) ? start - 2 : start - 1;
    if (QUALIFIER_END[text.charCodeAt(last)]) {
      const from = Math.max(0, start - 6);
      for (const [re, q, stands] of QUALIFIER_TESTS) {
        const m = stands(text, from, start) ? re.exec(text.slice(from, start)) : null;
        if (m) {
          qualifier = q;
          wordsStart = start - m[0].length;
          break;
        }
      }
    }
    if (QUALIFIER_AFTER_START[text.charCodeAt(end)]) for (const [word, q] of QUALIFIERS_AFTER) {
      if (text.startsWith(word, end)) {
        qualifier ??= q;
        end += word.length;
        break;
      }
    }
  }
  qualifier ??= ownQualifier;
  const absurd = !Number.isFinite(value) || Math.abs(value) > ABSURD_VALUE;
  const below = qualifier === "below" || qualifier === "atMost" || qualifier === "near";
  const atLeast = !below && (approx === "many" || approx === "plus" || approx === "orMore" || approx === "chutou" || qualifier === "above" || qualifier === "atLeast");
  // An exact figure's interval is built when it is read (most never are).
  const point = rangeHigh === undefined && !vagueTop && approx === undefined && qualifier === undefined && Number.isFinite(value);
  const interval = point ? undefined : intervalFor(Math.abs(value), rangeHigh, vagueTop, approx, place, qualifier, negative);
  const bits = (flags & (NEGATIVE | YEAR | CHINESE_NUMERALS)) | (atLeast ? AT_LEAST : 0) | (below ? BELOW : 0) | (absurd ? ABSURD : 0) |
    (point || interval!.low === interval!.high ? EXACT : 0) | (hadControl ? CONTROL : 0);
  return new Mention(input, start, end, wordsStart, value, typeof decimal === "string" ? decimal : undefined, unit, bits, interval);
}

/** A month right after a two-digit year's 年 ("23年3月份"). */
const SHORT_YEAR_MONTH = /^(\d{1,2})月/;

/** Does a two-digit number followed by 年 read as a year ("21年卖了…") rather than a duration ("做了15年")? */
/**
 * "2021 卖了120来个w", "2022 GMV 5200w": a four-digit 20xx standing alone (a turn's start, a space or a stop
 * before it) right before what was done in a year is that year written without 年, never a count of 2021.
 */
const BARE_YEAR_NEXT = /^[ \t\u3000]*(?:卖|销售|网零|网络零售|零售|营业|成交|GMV|gmv|纳税|交税|注册|开了|开的|办了|花了|评上|认定)/;
function isBareYear(text: string, start: number, end: number): boolean {
  const prev = text[start - 1];
  if (prev !== undefined && !/[\s，,。；;！!？?：:、]/.test(prev)) return false;
  return BARE_YEAR_NEXT.test(text.slice(end, end + 10));
}

function isShortYear(text: string, start: number, end: number, value: number): boolean {
  if (value < 15 || value > 30 || text[end] !== "年") return false;
  const next = text[end + 1] ?? "";
  const prev = text[start - 1] ?? "";
  return !/[多余以来内间半左右个前后经]/.test(next) && !/[了满近过超第每约达这那做干开\d]/.test(prev);
}

/** The place an approximation blurs: "八万多" the 万, "八十多万" the ten thousands. */
function approxPlace(core: number, suffix: { exp: number; approxAfterMultiplier: boolean }): number {
  return suffix.approxAfterMultiplier ? 10 ** suffix.exp : placeOf(core) * 10 ** suffix.exp;
}

/**
 * Every number in `text`, in order of position. Dates and years are single mentions flagged
 * `isYear`; relative year words are reported only when `asOf` is given.
 */
export function findNumbers(input: string, options: FindNumbersOptions = {}): NumberMention[] {
  // Positions read so far, marked rather than listed: a long message holds a hundred numbers.
  const taken = TAKEN.take(input.length);
  try {
    return readNumbers(input, options, taken);
  } finally {
    TAKEN.give(taken);
  }
}
const TAKEN = new Marks();
/** The mentions of the message being read, in the order the passes find them: kept across calls, grown as needed. */
const FOUND: Array<NumberMention | undefined> = [];

function readNumbers(input: string, options: FindNumbersOptions, taken: Uint8Array): NumberMention[] {
  // normaliseWidth keeps the length: `taken` covers every position of `text`.
  const text = normaliseWidth(input);
  let count = 0;
  const push = (m: NumberMention) => {
    FOUND[count++] = m;
    taken.fill(1, m.start, m.end);
  };

  // DATE, YEAR_MONTH and MIXED are tried only where a match can start (a matchAll tries every position of the
  // message): their four digits end where a run of digits ends, MIXED starts where one starts. A match is skipped
  // over as matchAll does.
  let lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(kinds[i]! & DIGIT_KIND)) continue;
    const runStart = i;
    while (kinds[i + 1]! & DIGIT_KIND) i++;
    const at = i - 3;
    if (at < runStart || at < lastEnd) continue;
    // A date's year is followed by a separator, after one blank at most.
    const sepAt = SPACE[text.charCodeAt(i + 1)] ? i + 2 : i + 1;
    if (!DATE_SEPARATOR[text.charCodeAt(sepAt)]) continue;
    DATE_AT.lastIndex = at;
    const d = DATE_AT.exec(text);
    if (d === null) continue;
    lastEnd = at + d[0].length;
    i = lastEnd - 1;
    const [, y = "", mo = "", da = ""] = d;
    const month = Number(mo);
    const day = Number(da);
    const sep = d[0].includes("年") ? "年" : null;
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // "2022年12月31" needs 月; "2022-12-31" needs a consistent separator
    if (sep === null && !/^\d{4}\s?([-/.])\s?\d{1,2}\s?\1/.test(d[0])) continue;
    const date = `${y}-${mo.padStart(2, "0")}-${da.padStart(2, "0")}`;
    const m = finish(input, text, d.index, d.index + d[0].length, y, YEAR, undefined);
    m.date = date;
    push(m);
  }

  lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(kinds[i]! & DIGIT_KIND)) continue;
    const runStart = i;
    while (kinds[i + 1]! & DIGIT_KIND) i++;
    const at = i - 3;
    if (at < runStart || at < lastEnd || text.charCodeAt(i + 1) !== YEAR_CHAR) continue;
    YEAR_MONTH_AT.lastIndex = at;
    const d = YEAR_MONTH_AT.exec(text);
    if (d === null) continue;
    lastEnd = at + d[0].length;
    i = lastEnd - 1;
    const month = Number(d[2]);
    if (month < 1 || month > 12 || overlaps(taken, d.index, d.index + d[0].length)) continue;
    const m = finish(input, text, d.index, d.index + d[0].length, d[1] ?? "", YEAR, undefined);
    m.month = month;
    push(m);
  }

  // 二零二一年: four Chinese digits before a 年 (two such years cannot overlap: 年 is no digit).
  for (let at = text.indexOf("年", 4); at >= 0; at = text.indexOf("年", at + 1)) {
    const start = at - 4;
    if (!(CN_YEAR_DIGIT[text.charCodeAt(start)] && CN_YEAR_DIGIT[text.charCodeAt(start + 1)] &&
      CN_YEAR_DIGIT[text.charCodeAt(start + 2)] && CN_YEAR_DIGIT[text.charCodeAt(start + 3)])) continue;
    if (overlaps(taken, start, at + 1)) continue;
    const value = parseChineseNumeral(text.slice(start, at));
    if (value === null || value < 1900 || value > 2100) continue;
    push(finish(input, text, start, at + 1, value, YEAR | CHINESE_NUMERALS, undefined));
  }

  if (text.includes("百分之")) for (const p of text.matchAll(PERCENT_CN)) {
    const body = p[1] ?? "";
    const value = /\d/.test(body) ? body : String(parseChineseNumeral(body) ?? "");
    if (!value) continue;
    push(finish(input, text, p.index, p.index + p[0].length, value, /\d/.test(body) ? 0 : CHINESE_NUMERALS, "%"));
  }

  if (text.includes("成")) for (const p of text.matchAll(TENTHS)) {
    if (overlaps(taken, p.index, p.index + p[0].length) || CHINESE[text.charCodeAt(p.index - 1)]) continue;
    const value = (CN_DIGIT[p[1]!] ?? 0) * 10 + (p[2] ? CN_DIGIT[p[2]]! : 0);
    push(finish(input, text, p.index, p.index + p[0].length, value, CHINESE_NUMERALS, "%"));
  }

  // "六位数", "7位数": a figure of that many digits, [10^(n−1), 10^n) — never six of anything.
  if (text.includes("位数")) for (const d of text.matchAll(DIGIT_COUNT)) {
    const end = d.index + d[0].length;
    const n = isDigit(d[1]!.charCodeAt(0)) ? Number(d[1]) : CN_DIGIT[d[1]!] ?? 0;
    if (n < 2 || n > 12 || overlaps(taken, d.index, end) || CHINESE[text.charCodeAt(d.index - 1)] || isDigit(text.charCodeAt(d.index - 1))) continue;
    const m = finish(input, text, d.index, end, String(10 ** (n - 1)), isDigit(d[1]!.charCodeAt(0)) ? 0 : CHINESE_NUMERALS, undefined, 10 ** n);
    m.interval.highInclusive = false;
    push(m);
  }

  lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(kinds[i]! & DIGIT_KIND)) continue;
    const runStart = i;
    while (kinds[i + 1]! & DIGIT_KIND) i++;
    if (runStart < lastEnd || !TENS_OF_WAN[text.charCodeAt(i + 1)]) continue;
    MIXED_AT.lastIndex = runStart;
    const x = MIXED_AT.exec(text);
    if (x === null) continue;
    lastEnd = runStart + x[0].length;
    i = lastEnd - 1;
    if (overlaps(taken, x.index, x.index + x[0].length)) continue;
    const base = parseChineseNumeral(x[0]);
    if (base === null) continue;
    const suffix = readSuffix(text, x.index + x[0].length, false, false, SUFFIX);
    const place = suffix.approx ? placeOf(base) : undefined;
    push(finish(input, text, x.index, suffix.end, base, 0, suffix.unit, undefined, false, suffix.approx, place));
  }

  for (let p = 0; p < text.length; p++) {
    if (!(kinds[p]! & ARABIC_START_KIND) || !arabicAt(text, p)) continue;
    const { signEnd, digitStart, intEnd, fracEnd, expStart, end: coreEnd } = arabic;
    let start = p;
    p = coreEnd - 1;
    if (overlaps(taken, start, coreEnd)) continue;
    const minus = signEnd > start;
    // B2B, C2C, O2O, 5G in the middle of a word: not quantities
    if (isLatin(text.charCodeAt(digitStart - 1)) && isLatin(text.charCodeAt(coreEnd))) continue;
    // "2020-2022": a hyphen right after a digit is a range, not a minus sign
    let negative = minus && !/[\d.]/.test(text[start - 1] ?? "");
    if (minus && !negative) start = signEnd;
    if (!minus && text.charCodeAt(start - 1) === NEGATIVE_WORD) {
      negative = true;
      start--;
    }
    const expRaw = expStart < 0 ? undefined : text.slice(expStart, coreEnd);
    // A plain whole number (most figures) is read from its digit codes: its strings are built only if a reply reads them.
    const whole = !arabic.grouped && expStart < 0 && fracEnd === intEnd && intEnd - digitStart <= 15;
    const intPart = whole ? "" : arabic.grouped ? text.slice(digitStart, intEnd).replace(/,/g, "") : text.slice(digitStart, intEnd);
    const intLength = whole ? intEnd - digitStart : intPart.length;
    const intValue = whole ? digitsValue(text, digitStart, intEnd) : 0;
    const frac = fracEnd > intEnd ? text.slice(intEnd + 1, fracEnd) : "";
    let suffix = readSuffix(text, coreEnd, expRaw === undefined, false, SUFFIX);
    let decimal: Figure;
    if (expRaw !== undefined) {
      decimal = String(Number(`${intPart}.${frac || "0"}e${expRaw}`));
    } else {
      decimal = whole ? scaled(intValue, suffix.exp) : shiftDecimal(intPart, frac, suffix.exp);
      if (suffix.half) decimal = Number(decimal) + 0.5 * 10 ** suffix.exp;
    }
    let rangeHigh: number | undefined;
    // "18-20万", "30到40人": the second number lends its multiplier and unit to the first.
    const rangeTail = expRaw === undefined && !suffix.unit && !suffix.approx && suffix.exp === 0
      ? readRangeTail(text, suffix.end, 16) : null;
    if (rangeTail) {
      const [t, hiInt = "", hiFrac] = rangeTail;
      const hiSuffix = readSuffix(text, suffix.end + t.length, true, false, HIGH_SUFFIX);
      const lowDigits = whole ? text.slice(digitStart, intEnd) : intPart;
      const loValue = Number(shiftDecimal(lowDigits, frac, hiSuffix.exp));
      const hiDecimal = shiftDecimal(hiInt, hiFrac ? hiFrac.slice(1) : "", hiSuffix.exp);
      const looksLikeYears = intLength === 4 && hiInt.length === 4;
      if (!looksLikeYears && Number(hiDecimal) > loValue) {
        decimal = shiftDecimal(lowDigits, frac, hiSuffix.exp);
        rangeHigh = Number(hiDecimal);
        suffix = hiSuffix;
      }
    }
    // "1万5" = 15000, "2千5" = 2500, "1亿2千万" = 120000000: a smaller place written after the multiplier.
    if (expRaw === undefined && !frac && !suffix.unit && !suffix.approx && suffix.exp >= 3 && rangeHigh === undefined) {
      const tail = readCompoundTail(text, suffix.end, 8);
      if (tail) {
        const [t, zero, digits = "", mult] = tail;
        const tailExp = mult ? (MULTIPLIER_EXP[mult] ?? -1) : zero ? 0 : digits.length === 1 ? suffix.exp - 1 : -1;
        const after = readSuffix(text, suffix.end + t.length, false, false, TAIL_SUFFIX);
        if (tailExp >= 0 && tailExp + digits.length <= suffix.exp && (after.unit === undefined || after.unit === "元")) {
          decimal = (BigInt(decimal) + BigInt(digits) * 10n ** BigInt(tailExp)).toString();
          suffix.end = after.end;
          suffix.unit = after.unit;
          suffix.approx = after.approx;
          suffix.approxAfterMultiplier = true;
          suffix.exp = tailExp;
        }
      }
    }
    let flags = negative ? NEGATIVE : 0;
    let unit = suffix.unit;
    let approx: Approx | undefined;
    let place: number | undefined;
    const value = Number(decimal);
    // "2021年", "2021年度", and the first year of a range "2020—2022年"
    const isFourDigitYear = suffix.exp === 0 && !frac && intLength === 4 && value >= 1900 && value <= 2100 && !suffix.approx &&
      (suffix.unit === "年" || text.startsWith("年度", coreEnd) || readYearRangeTail(text, coreEnd, 8) !== null ||
        (suffix.unit === undefined && rangeHigh === undefined && !negative && value >= 2000 && isBareYear(text, start, coreEnd)));
    let end = suffix.end;
    let month: number | undefined;
    if (isFourDigitYear) {
      unit = undefined;
      flags |= YEAR;
      rangeHigh = undefined;
    } else if (suffix.exp === 0 && !frac && !negative && intLength === 2 && isShortYear(text, digitStart, coreEnd, value)) {
      decimal = 2000 + value;
      unit = undefined;
      flags |= YEAR;
      // "23年3月份成立": the month written with a two-digit year is that year's, as with four digits, never 3 months.
      const mo = SHORT_YEAR_MONTH.exec(text.slice(end, end + 3));
      if (mo && Number(mo[1]) >= 1 && Number(mo[1]) <= 12) {
        month = Number(mo[1]);
        end += mo[0].length;
      }
    } else if (suffix.approx) {
      approx = suffix.approx;
      place = approxPlace(whole ? intValue : Number(shiftDecimal(intPart, frac, 0)), suffix);
    }
    const m = finish(input, text, start, end, decimal, flags, unit, rangeHigh, false, approx, place);
    if (month !== undefined) m.month = month;
    push(m);
  }

  // "一点六亿", "两点五万": a decimal written in Chinese before its magnitude (一点 alone is "a little").
  if (text.includes("点")) {
    for (const d of text.matchAll(CN_DECIMAL)) {
      const end = d.index + d[0].length;
      const whole = parseChineseNumeral(d[1]!);
      if (whole === null || overlaps(taken, d.index, end)) continue;
      const frac = [...d[2]!].map((c) => CN_DIGIT[c]).join("");
      const exp = [...d[3]!].reduce((e, c) => e + Math.log10(CN_BIG_UNIT[c]!), 0);
      const suffix = readSuffix(text, end, true, true, SUFFIX);
      push(finish(input, text, d.index, suffix.end, shiftDecimal(String(whole), frac, exp + suffix.exp), CHINESE_NUMERALS, suffix.unit));
    }
  }
  // Marked when a lone 一 is first met: most messages have none.
  let yiMarked = false;
  // Runs found by character code: most characters of a message are none, and a regex match allocates per run.
  for (let i = 0; i < text.length; i++) {
    if (!(kinds[i]! & NUMERAL_KIND)) continue;
    let start = i;
    while (i + 1 < text.length && kinds[i + 1]! & NUMERAL_KIND) i++;
    const runEnd = i + 1;
    // Trim leading characters that cannot start a number (千万别, 万一 → skip the 万/千 prefix;
    // 零售额 → a lone 零 is a word, not zero). 百 may start one: "百来万" is about a hundred 万.
    // Read only for a run that starts with a place word (most runs start with a digit), by code.
    const rough = !RUN_START[text.charCodeAt(start)] && roughAt(text, start, runEnd);
    const upper = rough ? rough.upper : runEnd - start === 1 && ONE_OR_SO_CODE[text.charCodeAt(start)] && text[runEnd] === "把" ? placeValue(text.charCodeAt(start)) : 0;
    if (upper > 0 && !overlaps(taken, start, runEnd)) {
      // "百八十万": from eighty to a hundred-odd 万; "万把块", "千把万": about one of it, a little under or over.
      const lower = rough ? rough.lower : upper;
      const big = rough ? rough.big : 1;
      const suffix = readSuffix(text, rough ? runEnd : runEnd + 1, big === 1, big > 1, SUFFIX);
      const scale = big * 10 ** suffix.exp;
      const low = rough ? rough.digit * lower * scale : upper * scale;
      push(rough
        ? finish(input, text, start, suffix.end, String(low), CHINESE_NUMERALS, suffix.unit, upper * scale, false, undefined, lower * scale, "around")
        : finish(input, text, start, suffix.end, String(low), CHINESE_NUMERALS, suffix.unit, 1.5 * low, false, undefined, low, "around"));
      continue;
    }
    const beforeLai = text[runEnd] === "来";
    while (start < runEnd && !RUN_START[text.charCodeAt(start)] && !(beforeLai && HUNDRED[text.charCodeAt(start)])) start++;
    if (start === runEnd || overlaps(taken, start, runEnd)) continue;
    if (runEnd - start === 1 && text.charCodeAt(start) === YI) {
      if (!yiMarked) {
        markNotNumeralYi(text);
        yiMarked = true;
      }
      if (kinds[start]! & NOT_NUMERAL_YI_KIND) continue;
    }
    // Most runs are one numeral: its string is made once, not sliced per run.
    const run = runEnd - start === 1 ? NUMERAL_STRING.get(text.charCodeAt(start))! : text.slice(start, runEnd);
    const suffix = readSuffix(text, start + run.length, true, BIG_PLACE_WORD.test(run), SUFFIX);
    // 几 alone asks a question ("有几个站点"); it is a figure only with a place word or a magnitude, or after 好
    // with a unit ("运行好几年了", "好几个人": several, never a question).
    const several = run === "几" && text[start - 1] === "好" && Boolean(suffix.unit);
    if (run.includes("几") && !several && (run === "几" ? suffix.exp === 0 : !PLACE_WORD.test(run)) && suffix.exp === 0) continue;
    const vague = parseVagueNumeral(run);
    let base = vague ? vague.low : parseChineseNumeral(run[0] === "百" || run[0] === "佰" ? `一${run}` : run);
    if (base === null) continue;
    let rangeHigh: number | undefined;
    let place: number | undefined;
    const rangeTail = !vague && suffix.exp === 0 && !suffix.unit && !suffix.approx && !BIG_PLACE_WORD.test(run)
      ? readCnRangeTail(text, suffix.end, 12) : null;
    if (rangeTail) {
      const [t, hiCore = "", big = ""] = rangeTail;
      const hi = parseChineseNumeral(hiCore);
      const mult = [...big].reduce((f, c) => f * (CN_BIG_UNIT[c] ?? 1), 1);
      const hiSuffix = readSuffix(text, suffix.end + t.length, true, false, HIGH_SUFFIX);
      const scale = mult * 10 ** hiSuffix.exp;
      if (hi !== null && hi > base) {
        rangeHigh = hi * scale;
        base *= scale;
        suffix.end = hiSuffix.end;
        suffix.unit = hiSuffix.unit;
        suffix.exp = 0;
        suffix.half = false;
      }
    }
    let decimal = scaled(base, suffix.exp);
    if (suffix.half) decimal = Number(decimal) + 0.5 * 10 ** suffix.exp;
    let flags = CHINESE_NUMERALS;
    if (text[start - 1] === "负") {
      flags |= NEGATIVE;
      start--;
    }
    let wordsFrom = start;
    // "好几个亿": several, so at least two.
    if (text[start - 1] === "好" && run.startsWith("几")) wordsFrom--;
    if (vague) {
      rangeHigh = Number(scaled(vague.high, suffix.exp));
      place = placeOf(vague.high) * 10 ** suffix.exp;
    }
    if (suffix.approx) place = approxPlace(base, suffix);
    // "大几十万" is the upper half of the tens (50–99万), "小几十万" the lower (10–39万), not "just under 几十万".
    const size = vague && run[0] === "几" && !suffix.approx && wordsFrom === start ? text[start - 1] : "";
    if (size === "大" || size === "小") {
      const p = (vague!.low / 2) * 10 ** suffix.exp;
      const interval: Interval = size === "大" ? { low: 5 * p, high: 10 * p, lowInclusive: true, highInclusive: false } : { low: p, high: 4 * p, lowInclusive: false, highInclusive: false };
      push(new Mention(input, start, suffix.end, start - 1, interval.low, String(interval.low), suffix.unit, CHINESE_NUMERALS | (hadControl ? CONTROL : 0), interval));
      continue;
    }
    push(finish(input, text, start, suffix.end, decimal, flags, suffix.unit, rangeHigh, vague ? vague.vague : false, suffix.approx, place, undefined, wordsFrom));
  }

  for (let at = 1; at < text.length; at++) {
    if (!(kinds[at - 1]! & BEFORE_MAGNITUDE_KIND)) continue;
    const word = text[at] === "亿" ? "亿" : TENS_OF_WAN[text.charCodeAt(at)] && text[at + 1] === "万" ? text.slice(at, at + 2) : "";
    if (!word || overlaps(taken, at, at + word.length)) continue;
    const suffix = readSuffix(text, at + word.length, false, false, SUFFIX);
    // 上 is no qualifier word before a figure ("上3期"), but before a bare magnitude it is "more than": 上亿, 上百万.
    push(finish(input, text, at, suffix.end, shiftDecimal("1", "", MULTIPLIER_EXP[word] ?? 0), CHINESE_NUMERALS, suffix.unit, undefined, false, undefined, undefined, "above", at - 1));
  }

  if (text.includes("半")) for (const h of text.matchAll(HALF)) {
    if (overlaps(taken, h.index, h.index + h[0].length)) continue;
    const unit: NumberUnit = h[2] === "天" ? "天" : h[2] === "年" ? "年" : "月";
    // "大半年": more than half of it, less than the whole.
    push(h[1]
      ? new Mention(input, h.index, h.index + h[0].length, h.index, 0.5, "0.5", unit, CHINESE_NUMERALS, { low: 0.5, high: 1, lowInclusive: false, highInclusive: false })
      : finish(input, text, h.index, h.index + h[0].length, "0.5", CHINESE_NUMERALS, unit));
  }

  if (options.asOf) {
    const asOfYear = Number(options.asOf.slice(0, 4));
    for (const r of text.matchAll(RELATIVE_YEAR)) {
      const word = r[1] ?? "";
      if (overlaps(taken, r.index, r.index + word.length)) continue;
      if (word.startsWith("上") && LOCATIVE_BEFORE_SHANG.test(text.slice(Math.max(0, r.index - 3), r.index))) continue;
      const value = asOfYear + (RELATIVE_OFFSET[word] ?? 0);
      const m = finish(input, text, r.index, r.index + word.length, value, YEAR, undefined);
      m.relative = word;
      push(m);
    }
  }

  // Copied out at their final count (a growing array is copied at every doubling); the kept array lets them go.
  const out = FOUND.slice(0, count) as NumberMention[];
  FOUND.fill(undefined, 0, count);
  // Each pass found its mentions in order: an insertion sort (stable, as Array.prototype.sort) merges them cheaply.
  for (let i = 1; i < out.length; i++) {
    const m = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.start > m.start) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = m;
  }
  return joinRanges(input, text, out);
}

/** The signs between the two ends of a range ("98万到105万", "18万-20万", "三万至五万"). */
const RANGE_SIGN = /^\s?[-~～—–到至]\s?$/;
/** Words between two figures that offer the second as an alternative: "12万也可能是8万", "8万或者12万", "8万还是12万", "要么8万要么12万". */
const ALTERNATIVE = /^\s?(?:[，,]\s?)?(?:也有?可能是?|可能是|或者是?|或是|或|还是|要么|也许是?|又或者)\s?$/;
/** First characters of the words of RANGE_SIGN and ALTERNATIVE (after an optional space or comma): most neighbours stand apart, and need no slice. */
const JOIN_START = charTable("-~～—–到至也可或还要又，, \u3000");
/** Units of points in time: "3月到5月" names months of a year, no range of durations. */
const TIME_UNITS: ReadonlySet<NumberUnit | undefined> = new Set(["年", "月", "天"]);

/**
 * Two exact figures joined by a range sign, each written with its own multiplier or unit ("98万到105万",
 * "九十八万到一百零五万", "30人到40人"), are one range: the passes above join a range only when its first end
 * borrows the second's multiplier ("18-20万"). Mentions are in order, so one walk pairs neighbours.
 * A range with an approximate end ("大概8万到12万", "10万到20万左右") and two figures offered as alternatives
 * ("12万也可能是8万", "8万或者12万") are the hull of both: the user's quantity may lie anywhere in it.
 */
function joinRanges(input: string, text: string, mentions: NumberMention[]): NumberMention[] {
  for (let i = mentions.length - 2; i >= 0; i--) {
    const lo = mentions[i]!;
    const hi = mentions[i + 1]!;
    if (lo.isYear || hi.isYear || lo.negative || lo.absurd || hi.absurd) continue;
    if (lo.unit !== undefined && hi.unit !== undefined && lo.unit !== hi.unit) continue;
    // "8万-10万": the hyphen after 万 was read as the second figure's minus sign.
    const betweenEnd = hi.negative && MINUS[text.charCodeAt(hi.start)] ? hi.start + 1 : hi.wordsStart;
    // The signs are one to seven characters: most neighbours stand further apart, and need no slice.
    if (betweenEnd - lo.end > 7 || betweenEnd <= lo.end || !JOIN_START[text.charCodeAt(lo.end)]) continue;
    const between = text.slice(lo.end, betweenEnd);
    if (RANGE_SIGN.test(between)) {
      if (TIME_UNITS.has(hi.unit)) continue;
      const high = Math.abs(hi.value);
      if (high <= lo.value) continue;
      if (lo.exact && hi.exact) {
        if (lo.unit !== undefined && lo.unit !== hi.unit) continue;
        mentions.splice(i, 2, finish(input, text, lo.start, hi.end, lo.decimal!, lo.chinese ? CHINESE_NUMERALS : 0, hi.unit, high));
      } else {
        mentions.splice(i, 2, hull(input, lo, hi));
      }
    } else if (!hi.negative && hi.unit !== "月" && ALTERNATIVE.test(between) && lo.value !== hi.value) {
      mentions.splice(i, 2, hull(input, lo, hi));
    }
  }
  return mentions;
}

/** One mention for two figures whose hull the user's quantity lies in, quoting all the words between them. */
function hull(input: string, a: NumberMention, b: NumberMention): NumberMention {
  const lowEnd = a.interval.low < b.interval.low || (a.interval.low === b.interval.low && a.interval.lowInclusive) ? a : b;
  const highEnd = a.interval.high > b.interval.high || (a.interval.high === b.interval.high && a.interval.highInclusive) ? a : b;
  const interval: Interval = {
    low: lowEnd.interval.low,
    high: highEnd.interval.high,
    lowInclusive: lowEnd.interval.lowInclusive,
    highInclusive: highEnd.interval.highInclusive,
  };
  // The value and how it was written are the lower figure's.
  const low = a.value <= b.value ? a : b;
  const bits = (low.negative ? NEGATIVE : 0) | (low.chinese ? CHINESE_NUMERALS : 0) | (interval.high === Infinity ? AT_LEAST : 0) | (hadControl ? CONTROL : 0);
  return new Mention(input, a.start, b.end, a.wordsStart, low.value, low.decimal, a.unit ?? b.unit, bits, interval);
}
