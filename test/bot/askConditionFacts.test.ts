/**
 * Conditions a merchant states in chat that the engine now decides from facts, through `ask --json`: support
 * already received this year against a yearly cap, and a sales tier crossed in an earlier year ("首次突破").
 * Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    receivedSome: ["东营 今年搞了两场直播大赛 已经拿了8万补贴 第三场花了5万 还能补多少"],
    receivedAll: ["东营 2022年我们公司独立站推广已经补满10万了 现在又投了15万做海外推广 还能申请吗"],
    crossedLastYear: ["汨罗 去年网上卖本地茶叶卖了230万 今年卖了450万 首次突破的奖励还能拿吗"],
    higherTierNow: ["叶集 我们公司做B2B的 已经运行三年了 2019年卖了320万 2020年卖了560万 有没有奖励"],
    demoDistrict: ["叶集 我们厂去年拿了个区级的电商示范企业 能奖多少"],
    demoLevelAsked: ["汨罗 我们公司评上了电子商务示范企业 有奖励吗", "省级的"],
    spelledOut: ["叶集 我们公司投了60万建跨境电子商务交易平台 能补多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: support already received this year counts against the yearly cap", () => {
  it("leaves the rest of the year's 10万: 8万 received, 5万 spent on a contest → 2万, with the 余额 in the trace", () => {
    const a = award("receivedSome", "dongying-2020:三/(五)");
    expect(a, answers.receivedSome!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(a!.trace.join("\n")).toContain("本年度已获补助 8万元，余额：10万元 − 8万元 = 2万元");
    expect(answers.receivedSome!.text).not.toMatch(/不是你说的/);
  });
  it("the cap used up is ❌ with the user's words beside the clause's", () => {
    expect(award("receivedAll", "dongying-2020:三/(五)")?.eligible, answers.receivedAll!.text).toBe(false);
    expect(answers.receivedAll!.text).toContain("❌ 你说“已经补满10万了”｜条文：“每年累计不超过10万元（同一年度已获补助的，按余额计）”");
  });
});

describe("ask --json: a tier crossed in an earlier year is not first crossed now (首次突破)", () => {
  it("230万 last year and 450万 this year cross the 200万 tier twice: ❌, naming last year's figure", () => {
    const a = award("crossedLastYear", "miluo-2017:三/(三)/10");
    expect(a?.eligible, answers.crossedLastYear!.text).toBe(false);
    expect(answers.crossedLastYear!.text).toMatch(/以前年度已经突破过（你说“2022年230万”）/);
  });
  it("320万 then 560万: the 500万 tier is new, 2万元, and first-time stays for the department to check", () => {
    const a = award("higherTierNow", "yeji-2017:五/14");
    expect(a, answers.higherTierNow!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(a!.trace.join("\n")).toContain("以前年度（2019年320万）未突破第2档（500万元）");
    expect(a!.conditions).toContain("实现年销售额首次突破");
  });
});

describe("ask --json: the level of a 示范企业 is its own condition", () => {
  it("a district-level title is none of 市级/省级/国家级: ❌ naming the level", () => {
    expect(award("demoDistrict", "yeji-2017:五/15")?.eligible, answers.demoDistrict!.text).toBe(false);
    expect(answers.demoDistrict!.text).toMatch(/❌ 电子商务示范企业奖励.*区县级/);
  });
  it("a title without its level is asked for, and a bare level answers it (汨罗 省级 → 2万元)", () => {
    expect(award("demoLevelAsked", "miluo-2017:三/(三)/4"), answers.demoLevelAsked!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
});

describe("ask --json: 电商 words are understood written out as 电子商务", () => {
  it("跨境电子商务交易平台 is the cross-border platform provision: 60万 × 15% = 9万元", () => {
    expect(award("spelledOut", "yeji-2017:五/14"), answers.spelledOut!.text).toMatchObject({ eligible: true, amountFen: 9_000_000 });
  });
});
