/**
 * Money in other currencies (`currencies` in the fact vocabulary, rules/facts.yaml): the one place rates are
 * looked up and figures converted, for the user's figures (bot/understanding/currencies.ts) and for thresholds
 * a rule states in another currency ("100万美元", rules/conditions.ts). Exact: decimals through BigInt, any
 * fraction of a fen dropped.
 */
import { VOCABULARY } from "./facts.js";

/** One year's rate of a currency to 元, with its source. */
export interface Rate {
  year: number;
  yuanPer: string;
  source: string;
}

/** The currency's name (美元) and its rates, oldest first. */
export function currency(code: string): { name: string; rates: Rate[] } {
  const c = VOCABULARY.currencies[code]!;
  return { name: c.name, rates: [...c.rates].sort((a, b) => a.year - b.year) };
}

/** The rate of `year`, else the latest the vocabulary lists (`listed` says which). */
export function rateFor(code: string, year: number | undefined): Rate & { listed: boolean } {
  const { rates } = currency(code);
  const exact = rates.find((r) => r.year === year);
  return exact ? { ...exact, listed: true } : { ...rates[rates.length - 1]!, listed: false };
}

/** Whole fen from a decimal amount in the currency × a decimal rate, rounded down (exact: BigInt). */
export function fenAt(amount: string, rate: string): number {
  const scaled = (d: string) => {
    const [i = "0", f = ""] = d.split(".");
    return { n: BigInt(i + f), scale: 10n ** BigInt(f.length) };
  };
  const a = scaled(amount);
  const r = scaled(rate);
  return Number((a.n * r.n * 100n) / (a.scale * r.scale));
}

const POWER = { 亿: 8, 万: 4, 千: 3 } as const;

/**
 * A money literal of a rule file written in another currency, as the documents write it ("100万美元",
 * "50万美金"): its currency code and the amount in that currency as a decimal string; null for any other text.
 */
export function foreignMoneyLiteral(text: string): { code: string; amount: string; name: string } | null {
  for (const [code, c] of Object.entries(VOCABULARY.currencies)) {
    for (const w of c.words) {
      if (!text.endsWith(w)) continue;
      const m = /^(\d+)(?:\.(\d+))?(亿|万|千)?$/.exec(text.slice(0, -w.length));
      if (!m) continue;
      const power = m[3] ? POWER[m[3] as keyof typeof POWER] : 0;
      const frac = (m[2] ?? "").padEnd(power, "0");
      const whole = (m[1]! + frac.slice(0, power)).replace(/^0+(?=\d)/, "");
      const rest = frac.slice(power).replace(/0+$/, "");
      return { code, amount: rest ? `${whole}.${rest}` : whole, name: c.name };
    }
  }
  return null;
}
