/**
 * A tier table's fact bounded by one the user gave (tierTable boundedBy), through `ask --json`: 汨罗 三/(三)/3 pays by
 * 全国性电商平台销售额, which is at most the online sales the user gave.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    belowLowest: ["汨罗 我们卖本地农特产 2018年网上一共卖了三万多 能有奖励不"],
    reachesTier: ["汨罗 公司卖本地特产 2019年线上卖了一百二十万 有啥奖"],
    platformNamed: ["汨罗 公司卖本地特产 2019年在京东上卖了8万 网上一共卖了一百二十万 有啥奖"],
  }, "2026-12-02");
}, 180_000);

const award = (id: string) => answers[id]!.awards.find((a) => a.clause === "miluo-2017:三/(三)/3");

describe("ask --json: a national-platform figure bounded by the online sales", () => {
  it("is ❌ when even all the online sales stay below the lowest tier (三万多 < 5万)", () => {
    expect(award("belowLowest")).toMatchObject({ eligible: false });
    expect(answers.belowLowest!.text).toContain("三万多");
  });
  it("asks for the platform figure when the online sales reach a tier (some may be sold elsewhere)", () => {
    expect(answers.reachesTier).toMatchObject({ status: "needs_info", missing: expect.arrayContaining(["platformSales"]) });
    expect(award("reachesTier")?.eligible).not.toBe(true);
  });
  it("uses the platform figure when the user names one (京东上卖了8万 → 2000元)", () => {
    expect(award("platformNamed")).toMatchObject({ eligible: true, amountFen: 2000_00 });
  });
});
