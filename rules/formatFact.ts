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
    default:
      return String(value);
  }
}
