/**
 * Fact values written for traces, in the unit the documents use: money as 元/万元, areas in 平方米.
 */
import { FACTS, type FactName, type FactSpec } from "./facts.js";
import { formatFen } from "./money.js";
import { isApprox } from "./quantity.js";

/**
 * "120万元", "150000", "200平方米", "0.5天", "第2名", "是"/"否", enum label. An approximate value is shown
 * in the user's own words ("80来万"): never as a figure the user did not write.
 */
export function formatFactValue(fact: FactName, value: unknown): string {
  const spec: FactSpec = FACTS[fact];
  if (isApprox(value)) return value.words;
  switch (spec.unit) {
    case "fen":
      return formatFen(value as number);
    case "sqm":
      return `${value}平方米`;
    case "day":
      return `${value}天`;
    case "rank":
      return `第${value}名`;
    case "bool":
      return value ? "是" : "否";
    case "enum":
      return spec.values?.[value as string] ?? String(value);
    case "date":
      return dateWords(value as string);
    default:
      return String(value);
  }
}

/** A figure of the text (a threshold) in the fact's unit: dates in full ("2020年1月1日"), as clauses write them. */
export function formatThreshold(fact: FactName, value: unknown): string {
  if (FACTS[fact].unit !== "date") return formatFactValue(fact, value);
  const [y, m, d] = String(value).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A date fact as the user said it: readers fill the parts a user leaves out with the first day or month, so
 * "2021年注册" is 2021-01-01 and "2020年3月开的" 2020-03-01; shown again as 2021年 and 2020年3月.
 */
function dateWords(iso: string): string {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  if (y === undefined) return iso;
  if (d !== "01") return `${y}年${Number(m)}月${Number(d)}日`;
  return m === "01" ? `${y}年` : `${y}年${Number(m)}月`;
}
