/** The state of the dialogue through `ask --json`: corrections, reuse across regions, roles, thanks, no flood control. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    correctsSales: ["平阴 带货达人 粉丝11万 2021年卖了95万 能拿多少", "说错了 是105万"],
    correctsRoughMoney: ["平阴 带货达人 粉丝12万 2021年卖了95万 能拿多少", "不对不对，是80来万块钱"],
    correctsBothSales: ["叶集 我们公司京东店 B2C 运行三年了 2018年销售额首次突破5000万 奖多少", "搞错了 是过了1000万 还不到5000万"],
    correctsRoughSales: ["平阴孔村镇 在快手带货 粉丝13万 2021年卖了八十多万 达人奖能拿吗", "记错了 是120万"],
    deniesOldFigure: ["平阴 抖音带货 2021年卖了130万 粉丝8万8 达人那个奖能拿吗", "我说错了 粉丝有12万 而不是8万8"],
    correctsMoney: ["平阴 我们公司2021年网络零售额800万 能拿多少", "看错报表了 是8500万"],
    cleanAfterSwitch: ["平阴 带货达人 粉丝15万 2021年卖了120万 能拿多少", "东营 我们公司2021年网络零售额9000万 全市排第2名 能拿多少", "叶集 我在淘宝开的个人店 实际运行满一年了 2018年卖了60万 头一回过50万 有奖励没"],
    reusedAfterSwitch: ["东营 我们公司2021年网络零售额1亿 龙头企业奖励多少 全市排第2名", "那聊城呢"],
    role: ["我在聊城做直播的 有什么补贴"],
    roleAmount: ["我在平阴做直播的 2021年卖了120万 能拿多少"],
    thanks: ["平阴 带货达人 粉丝15万 2021年卖了120万 能拿多少", "好的谢谢老师"],
    bareUnasked: ["叶集 我们培训学校给村民搞电商培训 能补多少", "半天 30个人 管午饭 有上机"],
    askedModeThenFigures: ["叶集 B2B网商奖励", "运行满一年 年销售额第一次突破五千万 五千三百万"],
    askedMatterThenPart: ["叶集 服务中心装修补贴", "场所装修新增投入三十万 验收合格"],
    askedTitleThenFigures: ["叶集 电商示范企业奖励能拿吗", "我们去年网上卖了3000万"],
    many: Array.from({ length: 12 }, (_, i) => `平阴 带货达人 粉丝15万 2021年卖了${100 + i}万 能拿多少`),
  });
}, 180_000);

describe("ask --json: dialogue", () => {
  it("figures right after a question naming what one does (B2B网商奖励, 服务中心装修补贴) are of one who does it", () => {
    expect(answers.askedModeThenFigures!.awards.find((a) => a.clause === "yeji-2017:五/14")).toMatchObject({ eligible: true, amountFen: 10_000_000 });
    // The centre asked about: the part stated is its whole investment, the other part none (只有一部分投入的).
    expect(answers.askedMatterThenPart!.awards.find((a) => a.clause === "yeji-2017:五/9")).toMatchObject({ eligible: true, amountFen: 15_000_000 });
  });

  it("figures after a question naming a title do not give the asker the title", () => {
    const demo = answers.askedTitleThenFigures!.awards.find((a) => a.clause === "yeji-2017:五/15");
    expect(demo?.eligible ?? null).not.toBe(true);
  });

  it("a correction revises the fact whose size matches, or the one it names", () => {
    expect(answers.correctsSales!.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(answers.correctsSales!.text).toContain("更正的年网络零售额");
    // 80来万块钱 is money: it revises the sales, and the follower count stays 12万.
    const rough = answers.correctsRoughMoney!.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")!;
    expect(rough.eligible).toBe(false);
    expect(rough.trace).toEqual(expect.arrayContaining([expect.stringMatching(/粉丝数 120000 ≥ 100000.*✓/), expect.stringMatching(/年网络零售额 80来万块钱 < 100万元.*✗/)]));
    expect(answers.correctsRoughMoney!.text).toContain("更正的年网络零售额");
    expect(answers.correctsMoney!.awards.find((a) => a.clause === "pingyin-2020:三/(四)")).toMatchObject({ eligible: true, amountFen: 100_000_000 });
  });

  it("a corrected figure revises every fact it fed, and a lower and upper bound narrow one figure", () => {
    // 京东 sales are online retail sales and national-platform sales: both change; 过1000万 不到5000万 → the 1000万 tier.
    expect(answers.correctsBothSales!.awards).toEqual([expect.objectContaining({ clause: "yeji-2017:五/14", eligible: true, amountFen: 5_000_000 })]);
    expect(answers.correctsBothSales!.text).toMatch(/更正的.*年网络零售额/);
    // A figure said roughly (八十多万) is still the one whose size fits 120万, not the 13万 followers.
    expect(answers.correctsRoughSales!.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(answers.correctsRoughSales!.text).not.toContain("更正的粉丝数");
  });

  it("starts clean when another region comes with its own situation", () => {
    const text = answers.cleanAfterSwitch!.text;
    expect(answers.cleanAfterSwitch!.policies).toEqual(["yeji-2017"]);
    expect(text).not.toMatch(/粉丝|排名|第2名/);
  });

  it("reuses the situation for a bare region switch and says which facts it used", () => {
    expect(answers.reusedAfterSwitch!.policies).toEqual(["liaocheng-2022"]);
    expect(answers.reusedAfterSwitch!.text).toMatch(/按你前面说的.*年网络零售额：1亿；.*计算/);
  });

  it("takes the figure after 不是 in a correction as the value denied, not as a new value of another fact", () => {
    const award = answers.deniesOldFigure!.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")!;
    expect(award).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(award.trace).toEqual(expect.arrayContaining([expect.stringMatching(/粉丝数 120000 ≥ 100000/), expect.stringMatching(/^年网络零售额 130万元 ≥ 100万元/)]));
  });

  it("reads 做直播的 as a livestreamer and answers thanks in any form briefly", () => {
    expect(answers.role!.status).not.toBe("out_of_scope");
    expect(answers.roleAmount!.text).toContain("申报主体类型：带货达人");
    expect(answers.roleAmount!.awards[0]).toMatchObject({ clause: "pingyin-2020:三/(三)/3", trace: expect.arrayContaining(["申报主体类型：带货达人 ✓"]) });
    expect(answers.roleAmount!.missing).toEqual(["followers"]);
    expect(answers.thanks!.status).toBe("answered");
    expect(answers.thanks!.text.length).toBeLessThan(30);
  });

  it("takes a bare figure as a measure the provision asked about still lacks, though the question named only the first few", () => {
    // Asked for 培训天数 and 就餐; "30个人" has no cue word and is the provision's other open measure, 培训人数.
    expect(answers.bareUnasked!.awards.find((a) => a.clause === "yeji-2017:六/17"), answers.bareUnasked!.text).toMatchObject({ eligible: true, amountFen: 330_000 });
  });

  it("never applies flood control to ask", () => {
    expect(answers.many!.text).not.toContain("消息太多太快");
    expect(answers.many!.awards.length).toBeGreaterThan(0);
  });
});
