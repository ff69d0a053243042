/**
 * A question about a provision states nothing about the asker; a reply affirming it does; a count of a
 * group's exceptions corrects the group — through `ask --json`, in phrasings of our own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    deniedThenAsked: ["平阴 我们村还没评上电商示范村", "电商示范村的奖励能拿吗"],
    askedThenLevel: ["汨罗 示范企业有什么奖励", "省级的"],
    standardCount: ["平阴 淘宝镇评选条件里要有多少个淘宝村"],
    exceptions: ["汨罗 公司聘了13个建档立卡贫困户 都签了一年合同 社保都交了", "搞错了 其中1个没交社保 交了的是12个"],
    registeredEarlier: ["聊城 我们2020年成立的直播电商公司 独立法人 2021年纳统网络零售额2600万 有奖励吗"],
    rooms: ["叶集 入园企业租房子有补贴吗", "租了三间 一间40平 一间30平 还有一间25平"],
    contests: ["东营 我们商会2022年举办了两届直播大赛 一届3万 一届4万 能补多少"],
    oneContestCosts: ["东营 我们商会2022年办了一场直播大赛 场地费3万 宣传费4万 能补多少"],
    earlierYear: ["叶集 淘宝C店 2019年就过了50万 2020年又卖了九十来万 2020年首次突破的奖能拿吗"],
    equipmentOnly: ["叶集 我们供销社搞农村电商物流配送体系 新上的设备和软件投了三百多万 能补多少"],
    centreTotal: ["叶集 建农村电商公共服务中心 装修和设备一共投了80万 能补多少"],
    smallFirm: ["平阴 我第一次创业开了个小电商公司 招了800个登记失业的 都签了两年合同 岗位补贴多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: what a question names is not what the asker has", () => {
  it("asking about the 示范村 award after saying the village has not won it is no ✅", () => {
    expect(answers.deniedThenAsked!.awards.some((a) => a.eligible === true), answers.deniedThenAsked!.text).toBe(false);
  });
  it("a short reply with the level states the title the question named: 省级 示范企业 → 2万", () => {
    expect(award("askedThenLevel", "miluo-2017:三/(三)/4"), answers.askedThenLevel!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
  it("a question about what a standard counts gives no verdict", () => {
    expect(answers.standardCount!.awards.every((a) => a.eligible === null), answers.standardCount!.text).toBe(true);
  });
});

describe("ask --json: figures and conditions of the dialogue", () => {
  it("其中1个没交社保 交了的是12个 revises the count to 12 and keeps 社保 met: 1.2万", () => {
    expect(award("exceptions", "miluo-2017:三/(三)/8"), answers.exceptions!.text).toMatchObject({ eligible: true, amountFen: 1_200_000 });
  });
  it("registered in 2020 with 2021's sales is not 当年新注册: ❌ with the user's years", () => {
    expect(award("registeredEarlier", "liaocheng-2022:六")?.eligible, answers.registeredEarlier!.text).toBe(false);
    expect(answers.registeredEarlier!.text).toContain("你说“2020年成立，业绩年度2021年”");
  });
  it("three rented rooms in a bare reply add up: 95平 × 15元 × 36 = 5.13万", () => {
    expect(award("rooms", "yeji-2017:五/10"), answers.rooms!.text).toMatchObject({ eligible: true, amountFen: 5_130_000 });
  });
  it("one contest's 场地费3万 宣传费4万 are one cost: 80% of 7万 capped at 5万 for the event", () => {
    expect(award("oneContestCosts", "dongying-2020:三/(五)"), answers.oneContestCosts!.text).toMatchObject({ eligible: true, amountFen: 5_000_000 });
  });
  it("50万 passed in 2019 and 九十来万 in 2020: no tier first crossed in 2020, ❌", () => {
    expect(award("earlierYear", "yeji-2017:五/14")?.eligible, answers.earlierYear!.text).toBe(false);
  });
  it("equipment and software of a logistics system are part of its investment: 30% of 三百多万 is over the cap, 50万", () => {
    expect(award("equipmentOnly", "yeji-2017:五/10"), answers.equipmentOnly!.text).toMatchObject({ eligible: true, amountFen: 50_000_000 });
  });
  it("装修和设备一共投了80万 is the centre's whole investment: parts subsidised at 50% and 80% are asked, never 80万 of decoration", () => {
    const a = answers.centreTotal!;
    expect(a.awards.some((w) => w.amountFen !== null && w.amountFen > 0), a.text).toBe(false);
    expect(a.missing).toEqual(expect.arrayContaining(["decorationInvestment", "equipmentInvestment"]));
  });
  it("800 new jobs at a first small business is asked back, never computed", () => {
    expect(answers.smallFirm!.status).toBe("needs_info");
    expect(answers.smallFirm!.missing).toContain("jobsCreated");
    expect(answers.smallFirm!.awards.some((a) => a.amountFen !== null), answers.smallFirm!.text).toBe(false);
  });
  it("two contests held, 一届3万 一届4万: 80% of each, 5.6万", () => {
    expect(award("contests", "dongying-2020:三/(五)"), answers.contests!.text).toMatchObject({ eligible: true, amountFen: 5_600_000 });
  });
});
