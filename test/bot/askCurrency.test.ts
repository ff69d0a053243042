/**
 * Money in another currency (issue 13 item 2), through `ask --json`: the user's figures and a rule's thresholds
 * converted at the vocabulary's cited rate, basis shown.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const CLAUSE = "pingyin-2020:三/(五)";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(
    {
      // 400万美元 at 2021's 6.4515 is 2580.6万元: the 2000万 tier. Read as 元 it would miss every tier.
      dollars: ["平阴 我们公司做跨境电商 2021年跨境电商零售额400万美元 能拿多少"],
      yuan: ["平阴 我们公司做跨境电商 2021年跨境电商零售额400万元 能拿多少"],
    },
    "2021-06-01",
  );
}, 180_000);

const award = (id: string) => answers[id]!.awards.find((a) => a.clause === CLAUSE);

describe("ask --json: a figure in 美元", () => {
  it("is converted at the stated rate of its year, and the tier follows the converted figure", () => {
    expect(award("dollars")?.eligible, answers.dollars!.text).toBe(true);
    expect(award("dollars")?.amountFen).toBe(40_000_000);
    expect(award("yuan")?.eligible, answers.yuan!.text).not.toBe(true);
  });

  it("shows the user's words with the basis of the conversion and its source, never a converted figure alone", () => {
    const a = answers.dollars!;
    expect(award("dollars")!.trace.join("\n")).toContain("400万美元（按2021年人民币对美元平均汇率6.4515折算）");
    expect(a.text).toContain("美元按2021年人民币对美元平均汇率6.4515折算成人民币（国家统计局《2021年国民经济和社会发展统计公报》");
    expect(a.text).not.toContain("2580");
  });
});

describe("ask --json: a rule whose threshold is in 美元 (a rule file of its own, RULES_DIR)", () => {
  const RULE = `policy: pingyin-2020
rules:
  - id: cross-border-usd
    title: 跨境电商奖励（测试用，美元门槛）
    clause: ${CLAUSE}
    quote: 对年跨境电商零售额达到2000万元、3000万元、4000万元、5000万元以上的企业，分别给予一次性最高奖励40万元、60万元、80万元、100万元。
    entityTypes: [ company ]
    keywords: [ 跨境电商, 跨境电商零售额 ]
    amount:
      mechanism: tierTable
      tiers:
        - when: { fact: crossBorderSales, word: 达到, value: 300万美元, conversion: 以美元计的按业绩年度人民币对美元年平均汇率折算（测试用）, text: 跨境电商零售额达到300万美元 }
          amount: 40万元
    upTo: true
`;
  let dir: string;
  let usd: Record<string, Answer>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rules-dir-"));
    mkdirSync(join(dir, "policies"));
    copyFileSync(new URL("../../rules/facts.yaml", import.meta.url), join(dir, "facts.yaml"));
    writeFileSync(join(dir, "policies", "pingyin-2020.yaml"), RULE);
    usd = await askJson(
      {
        // 300万美元 is 1935.45万元 at 2021's rate, 2114.01万元 at 2023's.
        in2021: ["平阴 我们公司做跨境电商 2021年跨境电商零售额2000万元 能拿多少"],
        in2023: ["平阴 我们公司做跨境电商 2023年跨境电商零售额2000万元 能拿多少"],
        noYear: ["平阴 我们公司做跨境电商 跨境电商零售额2000万元 能拿多少"],
        dollars: ["平阴 我们公司做跨境电商 2022年跨境电商零售额310万美元 能拿多少"],
      },
      "2024-03-01",
      { RULES_DIR: dir },
    );
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const usdAward = (id: string) => usd[id]!.awards.find((a) => a.clause === CLAUSE);

  it("compares at the activity year's rate, and asks for the year when the rates disagree", () => {
    expect(usdAward("in2021")?.eligible, usd.in2021!.text).toBe(true);
    expect(usdAward("in2021")?.amountFen).toBe(40_000_000);
    expect(usdAward("in2023")?.eligible, usd.in2023!.text).toBe(false);
    expect(usd.noYear!.awards.every((a) => a.eligible !== true), usd.noYear!.text).toBe(true);
    expect(usd.noYear!.missing).toContain("activityYear");
    expect(usdAward("dollars")?.eligible, usd.dollars!.text).toBe(true);
  });
});
