/**
 * A threshold a rule file states in another currency ("100万美元", issue 13 item 2): it converts at the
 * vocabulary's rate for the activity year (the same the user's 美元 figures take), the rule states and the trace
 * cites the conversion, and without a year the verdict holds only when every listed rate agrees.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { foreignMoneyLiteral } from "../../rules/currency.js";
import { buildRuleBook, evaluatePolicy } from "../../rules/evaluatePolicy.js";
import { readRuleFiles } from "../../rules/ruleFiles.js";
import { oneLineError } from "./support/oneLineError.js";

const CONVERSION = "以美元计的零售额按业绩年度人民币对美元年平均汇率折算（测试用）";
const RULE = `policy: pingyin-2020
rules:
  - id: cross-border-usd
    title: 跨境电商奖励（测试用，美元门槛）
    clause: pingyin-2020:三/(五)
    quote: 对年跨境电商零售额达到2000万元、3000万元、4000万元、5000万元以上的企业，分别给予一次性最高奖励40万元、60万元、80万元、100万元。
    entityTypes: [ company ]
    keywords: [ 跨境电商 ]
    amount:
      mechanism: tierTable
      tiers:
        - when: { fact: crossBorderSales, word: 达到, value: 300万美元, conversion: ${CONVERSION}, text: 跨境电商零售额达到300万美元 }
          amount: 40万元
    upTo: true
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function bookOf(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "rules-"));
  dirs.push(dir);
  writeFileSync(join(dir, "pingyin-2020.yaml"), text);
  return buildRuleBook(readRuleFiles(dir));
}

const book = bookOf(RULE);
const wan = (n: number) => n * 10_000 * 100;
const evaluate = (facts: Record<string, unknown>) =>
  evaluatePolicy("pingyin-2020", { entityType: "company", ...facts }, { book, asOf: "2024-03-01" })[0]!;

describe("a threshold in 美元 in a rule file", () => {
  it("reads the documents' way of writing it, exactly", () => {
    expect(foreignMoneyLiteral("300万美元")).toEqual({ code: "USD", amount: "3000000", name: "美元" });
    expect(foreignMoneyLiteral("1.25万美元")).toEqual({ code: "USD", amount: "12500", name: "美元" });
    expect(foreignMoneyLiteral("300万元")).toBeNull();
  });

  it("converts at the activity year's rate: 300万美元 is 1935.45万元 at 2021's 6.4515, 2114.01万元 at 2023's 7.0467", () => {
    expect(evaluate({ activityYear: 2021, crossBorderSales: wan(2000) }).eligible).toBe(true);
    expect(evaluate({ activityYear: 2021, crossBorderSales: wan(2000) }).amountFen).toBe(wan(40));
    expect(evaluate({ activityYear: 2023, crossBorderSales: wan(2000) }).eligible).toBe(false);
    expect(evaluate({ activityYear: 2021, crossBorderSales: 1_935_450_000 }).eligible).toBe(true);
    expect(evaluate({ activityYear: 2021, crossBorderSales: 1_935_449_999 }).eligible).toBe(false);
  });

  it("cites the rate's source and the rule's conversion in the trace, with no converted figure", () => {
    const trace = evaluate({ activityYear: 2021, crossBorderSales: wan(2000) }).trace.join("\n");
    expect(trace).toContain("300万美元（按2021年人民币对美元平均汇率6.4515折算，国家统计局《2021年国民经济和社会发展统计公报》人民币平均汇率");
    expect(trace).toContain(CONVERSION);
    expect(trace).not.toContain("1935");
  });

  it("without a year decides only when every listed rate agrees, else asks for the year", () => {
    const far = evaluate({ crossBorderSales: wan(3000) });
    expect(far.eligible).toBe(true);
    expect(far.trace.join("\n")).toContain("各年汇率结论相同");
    const near = evaluate({ crossBorderSales: wan(2000) });
    expect(near.eligible).toBeNull();
    expect(near.missing).toContain("activityYear");
  });

  it("must state its conversion, and only conditions may use another currency (one-line errors naming file, rule, field)", () => {
    expect(oneLineError(() => bookOf(RULE.replace(/conversion: [^,]+, /, "")))).toMatch(/pingyin-2020\.yaml:\d+: rule "cross-border-usd": .*conversion: "300万美元" is in 美元: state how it becomes 元/);
    const table = RULE.replace(/tiers:\n.*\n.*\n/, "fact: crossBorderSales\n      word: 达到\n      tiers:\n        - { threshold: 300万美元, amount: 40万元 }\n");
    expect(oneLineError(() => bookOf(table))).toMatch(/rule "cross-border-usd": .*threshold: "300万美元" is in 美元: write it as a condition tier/);
  });
});
