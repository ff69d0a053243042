/**
 * Validity windows from knowledge/policies/policies.json. A policy is judged in force for the activity
 * year the user names (the year overlaps the window) or, when the user wrote its month too, for that month,
 * else on the as-of date. A document that states no period (Miluo, Yeji) gives null: unknown, not false.
 */
export interface ValidityWindow {
  /** First day in force ("YYYY-MM-DD"), or null when the document does not state it. */
  from: string | null;
  /** Last day in force, or null when not stated. */
  until: string | null;
  /** The document's words stating the period, verbatim, when known. */
  quote?: string;
}

export interface InForceJudgement {
  inForce: boolean | null;
  line: string;
}

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The activity's month (1–12) the facts state: only while it lies in the activity year ("2023年9月办的大赛"). */
export function activityMonth(facts: { activityYear?: number; activityMonth?: string }): number | undefined {
  const date = facts.activityMonth;
  return date !== undefined && Number(date.slice(0, 4)) === facts.activityYear ? Number(date.slice(5, 7)) : undefined;
}

/** The activity's period: the month when known, else the whole year, with its words ("业绩年度2023年", "活动时间2023年9月"). */
function periodOf(year: number, month: number | undefined): { first: string; last: string; words: string } {
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31`, words: `业绩年度${year}年` };
  const mm = String(month).padStart(2, "0");
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${year}-${mm}-01`, last: `${year}-${mm}-${days}`, words: `活动时间${year}年${month}月` };
}

/**
 * The trace lines of an activity year (or month) the user named that lies outside the window: no provision can
 * be met for it ("业绩年度2023年不在政策有效期内" and the period clause quoted). Null when it is not ruled out.
 */
export function outsidePeriod(w: ValidityWindow, activityYear: number | undefined, month?: number): string[] | null {
  if (activityYear === undefined) return null;
  const p = periodOf(activityYear, month);
  if (decide(w, p.first, p.last) !== false) return null;
  const side = w.from !== null && p.last < w.from ? `${cn(w.from)}起施行` : `有效期至${cn(w.until!)}`;
  return [`${p.words}不在政策有效期内：${side} ✗`, ...(w.quote ? [`  有效期条款：“${w.quote}”`] : [])];
}

/** Judges a window for an activity year or month (preferred) or an as-of date; the line explains it. */
export function judgeInForce(w: ValidityWindow, activityYear: number | undefined, asOf: string, month?: number): InForceJudgement {
  if (!w.from && !w.until) return { inForce: null, line: "有效期：文件未载明施行期限，无法判断是否仍在有效期内" };
  const span = `${w.from ? cn(w.from) : "施行日（文件未载明具体日期）"}至${w.until ? cn(w.until) : "（未载明截止日）"}`;
  if (activityYear !== undefined) {
    const { first, last, words } = periodOf(activityYear, month);
    const inForce = decide(w, first, last);
    const partial = inForce && ((w.from !== null && first < w.from) || (w.until !== null && last > w.until)) ? `（仅覆盖该${month === undefined ? "年度" : "月"}部分时间）` : "";
    return { inForce, line: `有效期：${span}；${words}${verdict(inForce)}${partial}` };
  }
  const inForce = decide(w, asOf, asOf);
  return { inForce, line: `有效期：${span}；按${cn(asOf)}判断${verdict(inForce)}` };
}

/**
 * In force when the period [first, last] overlaps the window. With one edge unstated, only the stated
 * edge can rule a period out; otherwise the answer is unknown (null), not a guess.
 */
function decide(w: ValidityWindow, first: string, last: string): boolean | null {
  if (w.until !== null && first > w.until) return false;
  if (w.from !== null && last < w.from) return false;
  if (w.from === null || w.until === null) return null;
  return true;
}

function verdict(inForce: boolean | null): string {
  return inForce === null ? "是否在有效期内无法确定（起止日未全部载明）" : inForce ? "在有效期内" : "不在有效期内";
}
