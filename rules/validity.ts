/**
 * Validity windows from knowledge/policies/policies.json. A policy is judged in force for the activity
 * year the user names (the year overlaps the window), else on the as-of date. A document that states no
 * period (Miluo, Yeji) gives null: unknown, not false.
 */
export interface ValidityWindow {
  /** First day in force ("YYYY-MM-DD"), or null when the document does not state it. */
  from: string | null;
  /** Last day in force, or null when not stated. */
  until: string | null;
}

export interface InForceJudgement {
  inForce: boolean | null;
  line: string;
}

const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Judges a window for an activity year (preferred) or an as-of date; the line explains it. */
export function judgeInForce(w: ValidityWindow, activityYear: number | undefined, asOf: string): InForceJudgement {
  if (!w.from && !w.until) return { inForce: null, line: "有效期：文件未载明施行期限，无法判断是否仍在有效期内" };
  const span = `${w.from ? cn(w.from) : "施行日（文件未载明具体日期）"}至${w.until ? cn(w.until) : "（未载明截止日）"}`;
  if (activityYear !== undefined) {
    const first = `${activityYear}-01-01`;
    const last = `${activityYear}-12-31`;
    const inForce = (w.until === null || first <= w.until) && (w.from === null || last >= w.from);
    const partial = inForce && ((w.from !== null && first < w.from) || (w.until !== null && last > w.until)) ? "（仅覆盖该年度部分时间）" : "";
    return { inForce, line: `有效期：${span}；业绩年度${activityYear}年${inForce ? `在有效期内${partial}` : "不在有效期内"}` };
  }
  const inForce = (w.from === null || asOf >= w.from) && (w.until === null || asOf <= w.until);
  return { inForce, line: `有效期：${span}；按${cn(asOf)}判断${inForce ? "在有效期内" : "不在有效期内"}` };
}
