/**
 * Plausibility: a figure outside its fact's plausible range (`plausible` in rules/facts.yaml) is asked
 * back ("2万个站点？请确认站点数"), never computed. The user may confirm it ("对，就是2万个").
 */
import { FACTS, type FactName, type FactSpec, type Quantity } from "../../rules/facts.js";
import type { NumberMention } from "./numbers.js";

/** A figure held back until the user confirms it. */
export interface DoubtfulFact {
  fact: FactName;
  value: Quantity;
  /** The user's words with the word that named the fact ("2万个站点"). */
  said: string;
  /**
   * Money written with no unit at all ("卖了一百二"), implausible in 元 but not in 万元: the value in 万元 that
   * the user most likely meant and that a "对" confirms.
   */
  meant?: Quantity;
  /** The same figure is asked back for another fact: no question of its own. */
  askedWith?: true;
}

/** Written with no unit and no 万/亿/w/k ("一百二", "80"): nothing says how large the figure is. */
export function isUnitless(m: NumberMention): boolean {
  return m.unit === undefined && !MAGNITUDE.test(m.raw);
}
const MAGNITUDE = /[万萬亿億wWkK]/;

/**
 * A money figure written with no unit that is implausible in 元 ("卖了一百二" = 120元 of yearly sales): its
 * reading in 万元 when that one is plausible, since chat leaves the 万 out ("卖了80" = 80万). Otherwise undefined.
 */
export function meantInWan(
  fact: FactName,
  value: Quantity,
  m: NumberMention,
  known?: Partial<Record<string, unknown>>,
  stated?: Partial<Record<string, unknown>>,
): Quantity | undefined {
  if (FACTS[fact]?.unit !== "fen" || !isUnitless(m) || !isImplausible(fact, value, known, stated)) return undefined;
  if (typeof value !== "number" && value.parts) return undefined;
  const meant: Quantity = typeof value === "number" ? value * WAN : { ...value, low: value.low * WAN, high: value.high === null ? null : value.high * WAN };
  return isImplausible(fact, meant, known, stated) ? undefined : meant;
}

const WAN = 10_000;

/**
 * Is `value` outside the fact's plausible range? An approximate value only when all of it is. Facts known
 * before (`known`) and stated in this message (`stated`, which wins) narrow the range (`plausibleWhen`: 3000
 * new jobs is no small business's). Two sources, not one merged copy: this runs for every fact of a message.
 */
export function isImplausible(
  fact: FactName,
  value: unknown,
  known?: Partial<Record<string, unknown>>,
  stated?: Partial<Record<string, unknown>>,
): boolean {
  const spec = FACTS[fact] as FactSpec | undefined;
  let min = -Infinity;
  let max = Infinity;
  let ranged = false;
  if (spec?.plausible !== undefined) {
    min = spec.plausible[0];
    max = spec.plausible[1];
    ranged = true;
  }
  const when = spec?.plausibleWhen;
  for (let k = 0; when !== undefined && k < when.length; k++) {
    const w = when[k]!;
    const holds = stated !== undefined && Object.hasOwn(stated, w.fact) ? stated[w.fact] : known?.[w.fact];
    if (holds !== w.is) continue;
    min = Math.max(min, w.range[0]);
    max = Math.min(max, w.range[1]);
    ranged = true;
  }
  if (!ranged) return false;
  if (typeof value === "number") return value < min || value > max;
  if (value !== null && typeof value === "object" && "low" in value) {
    const { low, high } = value as { low: number; high: number | null };
    return low > max || (high !== null && high < min);
  }
  return false;
}

/** The mention with the word that names its fact close after or before it: "2万个站点", "2万个电商服务站点", "站点2万个". */
export function saidAround(text: string, m: NumberMention, fact: FactName): string {
  const words = (FACTS[fact].cues ?? []).flatMap((c) => c.words);
  const after = text.slice(m.end, m.end + 8).split(BREAK)[0]!;
  // The first cue word after the number, run on through the cue words overlapping it (服务站 → 服务站点).
  const hits = words.map((w) => ({ at: after.indexOf(w), end: after.indexOf(w) + w.length })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at);
  if (hits.length > 0) return m.raw + after.slice(0, hits.reduce((end, h) => (h.at < end ? Math.max(end, h.end) : end), hits[0]!.end));
  const before = text.slice(Math.max(0, m.start - 8), m.start).split(BREAK).pop()!;
  // The last cue word before it, the longest of those ending there (高校毕业生, not 毕业生).
  const previous = words.map((w) => ({ at: before.lastIndexOf(w), end: before.lastIndexOf(w) + w.length })).filter((x) => x.at >= 0).sort((a, b) => b.end - a.end || a.at - b.at)[0];
  return previous ? before.slice(previous.at) + m.raw : m.raw;
}

const BREAK = /[，,。！!？?；;\n]/;

/** A short reply that confirms what the bot asked back ("对", "是的，没错", "确认"). */
const CONFIRMS = /^(是的?|对的?|对呀|是啊|没错|确认|确定|嗯+|真的|就是|是这么多|没有错|(是|对)?[，,\s]*(是|就是)?万元?的?)[，,。.!！\s]*(没错|就是这么多|确认|是的|万元?)?[。.!！]*$/;

/** Does this message confirm the figure the bot asked back? */
export function confirms(text: string): boolean {
  return CONFIRMS.test(text.trim());
}
