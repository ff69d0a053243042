/**
 * From a number the user wrote to the value of a numeric fact: exact figures stay plain numbers in the
 * fact's unit (fen, count, 平方米, 天, months); approximate ones become an interval of whole units with
 * the user's words ("80来万" → { low: 80000000, high: 89999999, words: "80来万" }).
 */
import { FACTS, type FactName, type Quantity } from "../../rules/facts.js";
import { mentionToFen, type Interval, type NumberMention } from "./numbers.js";
import { tailTester } from "./tailReader.js";
import { headTester } from "./windowTests.js";

/** Upper bounds of believable values per unit (money in yuan): larger is a typo or a test. */
const LIMITS = { fen: 1e12, count: 1e10, sqm: 1e9, day: 3650 } as const;

/** Months facts: counts the vocabulary writes in 月 (and 年 = 12 months): 经营月数, 社保缴纳月数. */
const MONTHS: ReadonlySet<FactName> = new Set((Object.keys(FACTS) as FactName[]).filter((f) => FACTS[f].unit === "count" && FACTS[f].written?.includes("月")));
/** Durations count completed units: "一年多" is at least 12 whole months. */
const COMPLETED_UNITS: ReadonlySet<FactName> = new Set([...MONTHS, "trainingDays"]);

/** What a mention is worth as `fact`, or a Chinese reason why it cannot be one. `label` names the fact. */
export function mentionToQuantity(fact: FactName, m: NumberMention, label: string): { value: Quantity } | { reason: string } {
  if (m.negative) return { reason: `${label}不能是负数` };
  const unit = FACTS[fact].unit;
  if (m.absurd) return tooLarge(label);
  const scale = unit === "fen" ? 100 : MONTHS.has(fact) && m.unit === "年" ? 12 : 1;
  const limit = unit === "fen" ? LIMITS.fen : unit === "sqm" ? LIMITS.sqm : unit === "day" ? LIMITS.day : LIMITS.count;
  if (m.exact) {
    // An exact figure's interval is its value to the fen: compared without building the interval.
    if (Math.round(m.value * 100) / 100 > limit) return tooLarge(label);
    if (unit === "fen") {
      const fen = mentionToFen(m);
      return fen === null ? tooLarge(label) : { value: fen };
    }
    let v = m.value * scale;
    if (unit === "sqm") v = Math.round(v);
    if (unit !== "day" && !Number.isInteger(v)) v = Math.floor(v);
    return { value: v };
  }
  if (m.interval.low > limit) return tooLarge(label);
  const step = unit === "day" ? 0.5 : 1;
  const value = toWholeUnits(m.interval, COMPLETED_UNITS.has(fact), scale, step, unit === "day" ? 0.5 : 0, m.words);
  return value === null ? tooLarge(label) : { value };
}

const tooLarge = (label: string) => ({ reason: `${label}大得不合理，请核对` });

/**
 * An interval in whole steps of the fact's unit; a single point becomes a plain number. `completed`: its low end
 * counts as reached, open or not (durations: "一年多" is 12 whole months at least).
 */
function toWholeUnits(iv: Interval, completed: boolean, scale: number, step: number, floor: number, words: string): Quantity | null {
  const lowRaw = iv.low * scale;
  const highRaw = iv.high * scale;
  let low = Math.ceil(lowRaw / step - 1e-9) * step;
  if (!iv.lowInclusive && !completed && low === lowRaw) low += step;
  let high: number | null = null;
  if (Number.isFinite(highRaw)) {
    high = Math.floor(highRaw / step + 1e-9) * step;
    if (!iv.highInclusive && high === highRaw) high -= step;
  }
  low = Math.max(low, floor);
  if (high !== null && high < low) high = low;
  if (!Number.isSafeInteger(Math.round(low)) || (high !== null && !Number.isSafeInteger(Math.round(high)))) return null;
  return high === low ? low : { low, high, words };
}

/**
 * Several bounds stated for one figure ("头一回过200万 还没到500万", "过了100万 一百一二十万"): their common
 * part, with the words of each; an exact figure within the bounds is the figure ("过了100万 120万").
 * Null when they do not meet, or when no bound is among them (then the last figure stated counts).
 */
export function intersectBounds(values: readonly Quantity[]): Quantity | null {
  if (values.length < 2 || values.every((v) => typeof v === "number")) return null;
  const exact = values.filter((v): v is number => typeof v === "number");
  const approx = values.filter((v): v is Exclude<Quantity, number> => typeof v !== "number");
  const low = Math.max(...approx.map((v) => v.low), ...exact);
  const highs = [...approx.map((v) => v.high).filter((h): h is number => h !== null), ...exact];
  const high = highs.length > 0 ? Math.min(...highs) : null;
  if (high !== null && high < low) return null;
  if (exact.length > 0) return exact[0]!;
  return { low, high, words: approx.map((v) => v.words).join("、") };
}

/** Money as a user writes an award: 元 or no unit, not a year, at least 100 (smaller ones are counts or ranks). */
export function isMoney(m: NumberMention): boolean {
  return !m.isYear && (m.unit === undefined || m.unit === "元") && m.value >= 100;
}

/** "每个站点2万", "每户2万": an amount per unit, not what the asker gets in all. */
export function isRate(text: string, m: NumberMention): boolean {
  return RATE_BEFORE(text, Math.max(0, m.start - 6), m.start);
}
/** Tested in place: asked for every money figure of a message, and a slice per look was a string per figure. */
const RATE_BEFORE = headTester(/每[^\d，,。！？!?\s]{0,4}$/);

/** Words after an amount that make it the policy's own ("那个每户2万的奖励", "开店那个5万奖励", "2万的政策"). */
const POLICY_AMOUNT_AFTER = tailTester(/^\s?(的(政策|奖励|奖金|补贴|补助|奖补|扶持|标准|那个|那项|那档)|那[个项]?(奖|补贴|补助|扶持|政策)|政策|标准)/);
/** "有2万块奖励", "给5万补贴": an award noun right after an amount that something gives. */
const GIVES_BEFORE = headTester(/(?<![只没才就])(有|给|发|拿)$/);
const AWARD_AFTER = tailTester(/^(奖励|奖金|补贴|补助|奖补)/);
/**
 * Words before it: a rate per unit ("每个站点2万"), what one can get ("能拿10万不"), or the policy's amount
 * pointed at ("有那15万不", "拿得到那5万吗"; not "有那么15万", the user's own rough figure).
 */
const POLICY_AMOUNT_BEFORE = /(?:(那个|每个|每户|每家|每人|每场|每次|每期|每平方?米?|能拿|可以拿|能领|能补|补|奖)[^\d，,。！？!?\s]{0,4}|(有|拿|领|到|给)那)$/;
/** POLICY_AMOUNT_BEFORE tested in place: the words before are sliced only when they match (few figures). */
const POLICY_AMOUNT_BEFORE_AT = headTester(POLICY_AMOUNT_BEFORE);

/** Verbs of the user's own spending or sales between 每场/每次 and the figure. */
const USER_SPENT = /花|投|用了|支出|开支|成本|卖|赚|收入/;
/** Support already received ("已经补了10万", "补满10万了"): a fact about the user, not the policy's amount. */
const USER_RECEIVED = /已|曾|(补|拿|领)(了|过|满)/;

/** A tier word right after a figure: "300万那档", "300万的那一档", "1000万那个档次" (not 档口, a stall; "卖了600万 这一档排第二" is the user's). */
const TIER_AFTER = tailTester(/^的?(那[一个]?)?(档次|档位|档(?!口)|级别)/);

/**
 * "之前300万那档已经拿过了", "1000万那个档次够不着": a tier of the policy quoted back (its threshold). It is no
 * fact about the user (not their sales) and no amount they claim the policy gives.
 */
export function quotesTier(text: string, m: NumberMention): boolean {
  return TIER_AFTER(text, m.end, 6);
}

/**
 * A money figure that quotes the policy back rather than states a fact about the user: "每个站点2万的政策",
 * "能拿10万不", "开店那个5万奖励". It may help choose the provision; it is never a count, sales or spend.
 */
export function isPolicyAmount(text: string, m: NumberMention): boolean {
  if (!isMoney(m)) return false;
  if (POLICY_AMOUNT_AFTER(text, m.end, 6)) return true;
  // The two characters before it are all the look-behind can see: no need to read the whole text before it.
  if (AWARD_AFTER(text, m.end, 6) && GIVES_BEFORE(text, Math.max(0, m.start - 2), m.start)) return true;
  // "每场实际花了8万" is what the user spent on each event, not the policy's rate.
  const from = Math.max(0, m.start - 8);
  if (!POLICY_AMOUNT_BEFORE_AT(text, from, m.start)) return false;
  const before = POLICY_AMOUNT_BEFORE.exec(text.slice(from, m.start))!;
  return !USER_SPENT.test(before[0]) && !USER_RECEIVED.test(before[0]);
}
