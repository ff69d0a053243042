/**
 * Money and rates, exactly.
 *
 * Amounts are integer fen (1 元 = 100 fen). Rates are rationals {num, den} of integers, parsed from the
 * decimal text of the document ("12.5%" → 1/8), never from a float. Products and quotients are done on
 * integers: when an intermediate value could leave the safe-integer range, BigInt takes over, so no
 * floating-point rounding ever touches an amount.
 *
 * Rounding (documented, and shown in traces by the mechanisms):
 * - any fraction of a fen is dropped (floor): an award never exceeds what the text allows;
 * - per-unit rules choose between whole units (floor the count of units first) and pro rata, see
 *   `mechanisms/perUnit.ts`.
 */

/** An exact non-negative rational; `den` > 0, reduced. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

/** Money written as in the documents: "2万元", "2.4万元", "2000元", "1亿元", "0.5万元", "15000万元". */
export const MONEY_LITERAL = /^(\d+(?:\.\d+)?)(亿|万|千)?元$/;
/** Quantities written as in the documents: "10万" (followers), "500万" (parcels), "30". */
export const QUANTITY_LITERAL = /^(\d+(?:\.\d+)?)(亿|万|千)?$/;

const UNIT_POWER = { 亿: 8, 万: 4, 千: 3 } as const;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(num: number, den: number): Ratio {
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** Exact value of a decimal literal times 10^power, as a ratio: ("2.4", 4) → 24000/1. */
function decimalRatio(digits: string, power: number): Ratio {
  const [whole, frac = ""] = digits.split(".");
  const scaled = BigInt(whole! + frac) * 10n ** BigInt(Math.max(0, power));
  const den = 10n ** BigInt(frac.length + Math.max(0, -power));
  const g = bigGcd(scaled, den);
  const num = scaled / g;
  const d = den / g;
  if (num > BigInt(Number.MAX_SAFE_INTEGER) || d > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`"${digits}" is out of range`);
  }
  return { num: Number(num), den: Number(d) };
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/**
 * Parses a money literal into integer fen. Throws when the text is not a money literal or is not a
 * whole number of fen ("0.001元").
 */
export function parseMoney(text: string): number {
  const m = MONEY_LITERAL.exec(text);
  if (!m) throw new SyntaxError(`"${text}" is not a money literal like "2万元" or "2000元"`);
  const r = decimalRatio(m[1]!, (m[2] ? UNIT_POWER[m[2] as keyof typeof UNIT_POWER] : 0) + 2);
  if (r.den !== 1) throw new RangeError(`"${text}" is not a whole number of fen`);
  return r.num;
}

/** Parses a quantity ("10万" → 100000). Throws when it is not a whole number. */
export function parseQuantity(text: string): number {
  const m = QUANTITY_LITERAL.exec(text);
  if (!m) throw new SyntaxError(`"${text}" is not a quantity like "10万" or "30"`);
  const r = decimalRatio(m[1]!, m[2] ? UNIT_POWER[m[2] as keyof typeof UNIT_POWER] : 0);
  if (r.den !== 1) throw new RangeError(`"${text}" is not a whole number`);
  return r.num;
}

/** Parses a percentage written as in the text ("50", "12.5", "50%") into an exact ratio. */
export function parsePercent(text: string | number): Ratio {
  const digits = String(text).replace(/%$/, "");
  if (!/^\d+(?:\.\d+)?$/.test(digits)) throw new SyntaxError(`"${text}" is not a percentage like "50%"`);
  return decimalRatio(digits, -2);
}

/** A ratio from integers (e.g. half days: 1/2). */
export function ratio(num: number, den = 1): Ratio {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) {
    throw new RangeError(`bad ratio ${num}/${den}`);
  }
  return reduce(num, den);
}

/** Exact product of ratios. */
export function mulRatios(a: Ratio, b: Ratio): Ratio {
  const num = a.num * b.num;
  const den = a.den * b.den;
  if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return reduce(num, den);
  const n = BigInt(a.num) * BigInt(b.num);
  const d = BigInt(a.den) * BigInt(b.den);
  const g = bigGcd(n, d);
  return { num: Number(n / g), den: Number(d / g) };
}

/**
 * floor(a × num / den) on integers. Exact: the safe-integer path uses the remainder, never a float
 * quotient; larger products go through BigInt.
 */
export function mulDivFloor(a: number, num: number, den: number): number {
  const x = a * num;
  if (Number.isSafeInteger(x)) return (x - (x % den)) / den;
  return Number((BigInt(a) * BigInt(num)) / BigInt(den));
}

/** floor(fen × ratio): a share of an amount, fractions of a fen dropped. */
export function applyRatio(fen: number, r: Ratio): number {
  return mulDivFloor(fen, r.num, r.den);
}

/** Whether a share lost a fraction of a fen to rounding (for traces). */
export function ratioIsExact(fen: number, r: Ratio): boolean {
  return Number((BigInt(fen) * BigInt(r.num)) % BigInt(r.den)) === 0;
}

/** "50%", "12.5%", "15%": a ratio written back as a percentage (exact for decimal percentages). */
export function formatPercent(r: Ratio): string {
  // Percent = num*100/den; documents only use terminating decimals, so a few digits suffice.
  let num = BigInt(r.num) * 100n;
  const den = BigInt(r.den);
  const whole = num / den;
  num %= den;
  let frac = "";
  for (let i = 0; i < 6 && num !== 0n; i++) {
    num *= 10n;
    frac += String(num / den);
    num %= den;
  }
  return `${whole}${frac ? "." + frac : ""}%`;
}

/**
 * Fen written for people, in the documents' style: "2万元", "10.8万元", "3300元", "40万元", "12.34元".
 * Whole hundreds of yuan at or above 1万 use 万元 (exact, up to 4 decimals); below, plain 元.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  if (fen < 0) return `-${formatFen(-fen)}`;
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  // 1.2亿元 reads better than 12000万元 once an amount is a round tenth of a hundred million.
  if (cents === 0 && yuan >= 100_000_000 && yuan % 10_000_000 === 0) {
    const tenths = yuan / 10_000_000;
    return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? "" : `.${tenths % 10}`}亿元`;
  }
  if (cents === 0 && yuan >= 10_000 && yuan % 100 === 0) {
    const rest = yuan % 10_000;
    const wan = (yuan - rest) / 10_000;
    if (rest === 0) return `${wan}万元`;
    return `${wan}.${String(rest).padStart(4, "0").replace(/0+$/, "")}万元`;
  }
  if (cents === 0) return `${yuan}元`;
  return `${yuan}.${cents % 10 === 0 ? cents / 10 : String(cents).padStart(2, "0")}元`;
}

/** An amount that may be a range: "2万元", "2.1万元至2.4万元", "5万元以上" (upper end Infinity). */
export function formatFenRange(low: number, high: number = low): string {
  if (high === low) return formatFen(low);
  if (!Number.isFinite(high)) return `${formatFen(low)}以上`;
  // A range open at a round figure ("六十来万" → up to 69999999 fen) reads "60万元至不足70万元".
  const next = formatFen(high + 1);
  return next.length < formatFen(high).length ? `${formatFen(low)}至不足${next}` : `${formatFen(low)}至${formatFen(high)}`;
}
