/**
 * Parts of one year, each with its own figure: "21年上半年卖了60万 下半年卖了70万", "一季度20万 二季度35万 三季度…",
 * "3月卖了8万 4月卖了12万". Figures of different parts of a year are parts of the year's figure: they add up.
 * Parts covering the year (上半年 and 下半年, four quarters, 一季度 二季度 下半年, twelve months) give the year's figure;
 * fewer give at least their sum.
 */

/** A part of a year: a half, a quarter or a month, as written before its figure. */
const YEAR_PART = /(上半年|前半年|下半年|后半年)|(?:第?([一二三四1-4])季度|[Qq]([1-4]))|(?<!\d)(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![底末初中])/g;
/** A running or whole-year total is no part: "到6月底累计卖了50万", "全年130万". */
const WHOLE = /累计|全年|整年|一整年|总共|一共|合计|加起来/;

const HALF: Record<string, number> = { 上半年: 1, 前半年: 1, 下半年: 2, 后半年: 2 };
const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const numberOf = (s: string) => DIGIT[s] ?? Number(s);

/** The parts of a year a list of figures is said of, and whether they make the whole year. */
export interface YearParts {
  whole: boolean;
}

/**
 * When every figure (given by where its words start, `starts`, and where the one before ends, `ends`) has its own
 * part of a year before it (since the figure before; for the first, within 12 characters), no two overlapping:
 * the parts, else null.
 */
export function readYearParts(text: string, starts: readonly number[], ends: readonly number[]): YearParts | null {
  if (starts.length < 2) return null;
  // The months each figure covers, as bits 0–11: "一季度 … 二季度 … 下半年" covers the whole year, no month twice.
  let covered = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = i === 0 ? Math.max(0, starts[0]! - 12) : ends[i - 1]!;
    const stretch = text.slice(from, starts[i]!);
    if (WHOLE.test(stretch)) return null;
    let months = 0;
    YEAR_PART.lastIndex = 0;
    for (let hit = YEAR_PART.exec(stretch); hit !== null; hit = YEAR_PART.exec(stretch)) {
      months = hit[1] ? monthsOf(6 * HALF[hit[1]]! - 5, 6) : hit[2] || hit[3] ? monthsOf(3 * numberOf(hit[2] ?? hit[3]!) - 2, 3) : monthsOf(numberOf(hit[4]!), 1);
    }
    if (months === 0 || (covered & months) !== 0) return null;
    covered |= months;
  }
  return { whole: covered === ALL_MONTHS };
}

const ALL_MONTHS = (1 << 12) - 1;
/** Months first … first + count − 1 (1–12) as bits. */
const monthsOf = (first: number, count: number) => ((1 << count) - 1) << (first - 1);
