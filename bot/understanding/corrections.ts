/**
 * Corrections: "说错了 是105万", "不对不对，是80来万块钱", "看错报表了 是8500万". A correction changes the fact it
 * names, else the remembered fact whose unit and size match the new figure — never simply the first one.
 */
import { FACTS, type ApproxValue, type FactName, type Facts, type Quantity } from "../../rules/facts.js";
import { boundsOf, fromParts, isApprox } from "../../rules/quantity.js";
import { countsExceptions } from "./exceptions.js";
import { findNumbers, mentionToFen, type NumberMention } from "./numbers.js";

/** Words that mark a message as correcting what was said before. */
export const CORRECTION =
  /不对|不是[^，,。]{0,10}?是|改成|改为|改一下|应该是|更正|纠正|说错|打错|写错|看错|记错|算错|搞错|弄错|报错|其实是|准确地?说|重新说|[少多漏](?:说|打|写|输|敲|按|填)了?一?个[\d零〇]/;

/**
 * What a correction says went wrong in the figure: "少说了个1", "多打了个0", "少写了一个零", "后面少了个0". The digit
 * in it is no figure of anything; `ratio` is what the figure said before was over the figure meant (10 for one 0
 * typed too many, 1/10 for one left out), when the digit was a zero.
 */
const ASIDE = /([少多漏])(?:(?:说|打|写|输|敲|按|加|填|报)了?|了)([一两二三俩]?)个?([\d零〇])/g;

export interface CorrectionAside {
  start: number;
  end: number;
  ratio?: number;
}

/** The asides of a correction in `text` ("多打了个0"), in order. */
export function correctionAsides(text: string): CorrectionAside[] {
  const out: CorrectionAside[] = [];
  ASIDE.lastIndex = 0;
  for (let r = ASIDE.exec(text); r !== null; r = ASIDE.exec(text)) {
    const aside: CorrectionAside = { start: r.index, end: r.index + r[0].length };
    if (/[0零〇]/.test(r[3]!)) {
      const zeros = r[2] === "两" || r[2] === "二" || r[2] === "俩" ? 2 : r[2] === "三" ? 3 : 1;
      aside.ratio = r[1] === "多" ? 10 ** zeros : 10 ** -zeros;
    }
    out.push(aside);
  }
  return out;
}

/** Is the figure `m` the digit of a correction's aside ("少说了个1": the 1)? */
export function inCorrectionAside(asides: readonly CorrectionAside[], m: NumberMention): boolean {
  return asides.some((a) => m.start < a.end && m.end > a.start);
}

/** true when the message corrects an earlier statement. */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(text);
}

const MONEY_UNITS = new Set(["元"]);
const COUNT_UNITS = new Set(["人", "名", "个", "位", "家", "件", "单", "笔", "间"]);

/** Money words a few characters after a figure ("80来万块钱"), even where the figure's unit was not read. */
const MONEY_AFTER = /^[^，,。\d]{0,3}(块|元|钱)/;

/** Can a figure written with this unit be a value of this fact? */
function unitFits(fact: FactName, m: NumberMention, text: string): boolean {
  const unit = FACTS[fact].unit;
  if ((m.unit && MONEY_UNITS.has(m.unit)) || MONEY_AFTER.test(text.slice(m.end))) return unit === "fen";
  if (m.unit && COUNT_UNITS.has(m.unit)) return unit === "count";
  if (m.unit === "平方米") return unit === "sqm";
  return unit === "fen" || unit === "count" || unit === "sqm";
}

/** The figure in the fact's own unit (fen for money). */
function valueIn(fact: FactName, m: NumberMention): number | null {
  return FACTS[fact].unit === "fen" ? mentionToFen(m) : m.value;
}

/** A remembered quantity's size: the figure, or the lower end of a figure said roughly ("八十多万"). */
function sizeOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  const low = (value as { low?: unknown } | undefined)?.low;
  return typeof low === "number" ? low : null;
}

/**
 * The facts a correction's bare figure may revise, best first: those whose label or cue word the message
 * names, then those whose unit fits, the one closest in size to the figure first ("说错了 是105万" after
 * "粉丝11万 卖了95万" revises the sales). Facts whose unit does not fit are dropped.
 */
export function correctionTargets(text: string, candidates: readonly FactName[], facts: Facts, asOf: string): FactName[] {
  const asides = correctionAsides(text);
  const figure = findNumbers(text, { asOf }).find((m) => !m.isYear && m.unit !== "%" && !countsExceptions(text, m) && !inCorrectionAside(asides, m));
  if (!figure) return [...candidates];
  const named = (f: FactName) => FACTS[f].aliases.some((a) => a.length >= 2 && text.includes(a));
  // "多打了个0 是15万": the figure said before was ten times the one meant (150万), whatever is closest to 15万.
  const ratio = asides.find((a) => a.ratio !== undefined)?.ratio ?? 1;
  const distance = (f: FactName) => {
    const known = sizeOf(facts[f]);
    const value = valueIn(f, figure);
    if (known === null || known <= 0 || value === null || value <= 0) return Infinity;
    return Math.abs(Math.log10((value * ratio) / known));
  };
  return [...new Set(candidates)]
    .filter((f) => unitFits(f, figure, text))
    .sort((a, b) => Number(named(b)) - Number(named(a)) || distance(a) - distance(b));
}

/**
 * A corrected figure revises every fact it fed: "2018年在天猫卖了1000万" gave both the online retail sales and
 * the national-platform sales, so "说错了 是500万" changes both. `corrected` (what the correction read, with the
 * user's words in `said`) gains each remembered fact that held the same value from the same words as a fact it
 * revises.
 */
export function alsoFed(
  corrected: { facts: Facts; said: Partial<Record<FactName, string>> },
  remembered: { facts: Facts; said?: Partial<Record<FactName, string>> },
): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const f of Object.keys(corrected.facts) as FactName[]) {
    const before = remembered.facts[f];
    const words = remembered.said?.[f];
    if (before === undefined || words === undefined || same(before, corrected.facts[f])) continue;
    for (const g of Object.keys(remembered.facts) as FactName[]) {
      if (g in corrected.facts || FACTS[g].unit !== FACTS[f].unit || remembered.said?.[g] !== words || !same(remembered.facts[g], before)) continue;
      (corrected.facts as Record<string, unknown>)[g] = corrected.facts[f];
      if (corrected.said[f] !== undefined) corrected.said[g] = corrected.said[f];
    }
  }
}


/**
 * "设备买了70万 软件10万" then "不对 设备是60万": a correction naming one item of a remembered sum (by the word
 * that named it) replaces that item only; the others stay (60万 + 10万). Null when `remembered` holds no such item.
 */
export function correctItem(remembered: unknown, cue: string, value: Quantity, words: string): ApproxValue | null {
  if (!isApprox(remembered) || !remembered.items || !remembered.parts?.some((p) => p.cue === cue)) return null;
  const { low, high } = boundsOf(value);
  const parts = remembered.parts.map((p) => (p.cue === cue ? { low, high: Number.isFinite(high) ? high : null, words, cue } : p));
  return { ...fromParts(parts, true), items: true };
}
