/**
 * Figures a careful adviser reads before deciding (session 6 probes), through `ask --json`: money written
 * with no unit, a tier of the policy quoted back, a shop that may be a company's, the figure's own year.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const UNITLESS = "平阴 抖音带货 粉丝12万 2021年卖了一百五 能拿多少";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    unitless: [UNITLESS],
    confirmed: [UNITLESS, "对"],
    restated: [UNITLESS, "是150万"],
    tierNextTurn: ["叶集 天猫店 2017年销售额刚过500万 第一次过 开了两年了 奖多少", "之前300万那档已经拿过了"],
    tierSameMessage: ["叶集 天猫店 2017年销售额刚过500万 第一次过 开了两年了 奖多少 之前300万那档已经拿过了"],
    shop: ["东营 我家网店2021年卖了两千一百多万 今年打算申请 能给多少"],
    bareYearTurn: ["平阴 达人奖", "粉丝是对的 15万", "2021 卖了120来个w"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: money written with no unit", () => {
  it("is asked back as 万 left out (卖了一百五 is no 150元 of sales), and nothing is decided", () => {
    const a = answers.unitless!;
    expect(a.status).toBe("needs_info");
    expect(a.text).toContain("你说的卖了一百五，单位是万元吗？");
    expect(a.awards).toEqual([]);
    expect(a.missing[0]).toBe("onlineRetailSales");
  });

  it("counts in 万元 once the user confirms, and a restated figure counts as said: the 带货达人 award is ✅", () => {
    for (const id of ["confirmed", "restated"]) {
      expect(award(id, "pingyin-2020:三/(三)/3")?.eligible, answers[id]!.text).toBe(true);
      expect(award(id, "pingyin-2020:三/(三)/3")?.amountFen).toBe(2_000_000);
    }
  });
});

describe("ask --json: a tier of the policy quoted back (300万那档)", () => {
  it("neither replaces the sales nor is corrected as a claimed award", () => {
    for (const id of ["tierNextTurn", "tierSameMessage"]) {
      const a = answers[id]!;
      expect(award(id, "yeji-2017:五/14")?.amountFen, a.text).toBe(2_000_000);
      expect(a.text).not.toContain("不是你说的");
    }
  });
});

describe("ask --json: 我家网店 and the figure's own year", () => {
  it("does not rule a company's provision out for a shop, and dates the sales by 去年/2021, not by when they apply", () => {
    const a = answers.shop!;
    const leader = a.awards.find((x) => x.clause === "dongying-2020:三/(一)") ?? a.awards[0]!;
    expect(a.text).not.toContain("本条适用于：企业）");
    expect(a.text).not.toContain("提到了几个年份");
    expect(leader.trace.join("\n")).toContain("业绩年度2021年");
  });
});

describe("ask --json: a year written without 年 in its own turn", () => {
  it("'2021 卖了120来个w' after '粉丝 15万' is the activity year, not 2021 followers: the 带货达人 award is ✅ 2万", () => {
    const a = award("bareYearTurn", "pingyin-2020:三/(三)/3");
    expect(a?.eligible, answers.bareYearTurn!.text).toBe(true);
    expect(a?.amountFen).toBe(2_000_000);
    expect(a?.trace.join("\n")).toContain("业绩年度2021年");
  });
});
