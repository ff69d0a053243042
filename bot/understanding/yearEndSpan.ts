/**
 * "网店2019年3月才开的 到年底卖了三百二十万": a business opened in a month of a year, and a figure of that year to its
 * end, ran only the months from opening to the year's end in that year — short of 实际运行满1年. The months are
 * an interval (opened at the start or at the end of the month), in the user's words, so a threshold decides only
 * when the whole interval clears or misses it.
 */
import type { FactName } from "../../rules/facts.js";

/** Words that take the figure to the end of the opening year. */
const TO_YEAR_END = /(?:到|至|截至|截止到?)(?:当年)?(?:年底|年末)|年底前|当年年底/;

/**
 * Sets `operatingMonths` (and the activity year, when the message names no other) from the registration date the
 * message stated (`datedWords`: the user's words for it) and a 到年底 after it. Only when the month is written and
 * that year has ended by `asOf`; never over a duration the user stated.
 */
export function readOpenedToYearEnd(
  text: string,
  asOf: string,
  facts: Record<string, unknown>,
  sources: Partial<Record<FactName, string>>,
  datedWords: ReadonlyMap<FactName, string>,
): void {
  const since = facts.registrationDate;
  const dateWords = datedWords.get("registrationDate");
  if (typeof since !== "string" || dateWords === undefined || facts.operatingMonths !== undefined || !dateWords.includes("月")) return;
  const at = text.indexOf(dateWords);
  const end = TO_YEAR_END.exec(at < 0 ? text : text.slice(at + dateWords.length));
  if (!end) return;
  const [year, month] = since.split("-").map(Number) as [number, number];
  if (facts.activityYear !== undefined && facts.activityYear !== year) return;
  if (year >= Number(asOf.slice(0, 4))) return;
  const words = `${dateWords}，${end[0]}`;
  // Opened on the first of the month: through December is 13 - month months; on its last day, one fewer.
  facts.operatingMonths = { low: 12 - month, high: 13 - month, words };
  sources.operatingMonths = words;
  if (facts.activityYear === undefined) {
    facts.activityYear = year;
    sources.activityYear = dateWords;
  }
}
