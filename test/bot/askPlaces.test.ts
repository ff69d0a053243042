/** Places through `ask --json`: sub-region names, shared names, misspellings, nearby and other places. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    kenli: ["垦利区的农业公司 2021年网络零售额9000万 能拿啥奖励"],
    guangrao: ["广饶县的 我们村2021年认定的市级电商村 奖多少"],
    linqing: ["临清市这边我们是个电商培训机构 有什么补贴"],
    donge: ["东阿的 阿胶厂子 2022年网络零售额1.5亿 流量补贴多少"],
    lijin: ["利津县2021年 我们镇被认定为市级电商小镇 能拿多少"],
    typo: ["汩罗 卖粽子的 2018年在京东上卖了150万 奖多少"],
    nearby: ["我们是济南长清区的 有什么电商补贴"],
    registeredNearby: ["公司注册在济南长清区 在平阴有个仓库 2021年网络零售额1500万 平阴的奖励能拿吗"],
    elsewhere: ["杭州的电商补贴有哪些"],
    outsideCity: ["潍坊的电商企业 去年网上卖了两个亿 能有啥奖励"],
    outsideAskingLiaocheng: ["安徽合肥的公司 2021年在京东上卖了2000万 能拿聊城那个新引进企业的奖吗"],
    homeInAnotherRegion: ["我们是垦利区的公司 2021年网络零售额1500万 平阴的奖励能拿吗"],
    countyOfOtherCity: ["我们是淄博桓台县的电商村 也评上了市级电商村 东营给10万吗"],
    countyOfOtherProvince: ["湖北通城县的 个人网店在淘宝卖了六十万 运行两年了 叶集的C2C奖励能申请吗"],
    countyAlone: ["博兴县的村子 去年评上市级电商村了 东营那个奖励能给不"],
    twoCharCountyAlone: ["我们是沛县的合作社 卖本地土特产 2021年网上卖了260万 平阴那个奖励能拿不"],
    countyOnly: ["固始县的茶叶网店 有啥补贴"],
    marketElsewhere: ["东营 我们公司的产品主要卖到广州 上海 2021年网络零售额9000万 全市排第二 能奖多少"],
    regionAlone: ["汨罗", "在产业园 年纳税额一百二十万 能奖多少"],
    whereIAm: ["我在叶集这边"],
    jinanAskingLiaocheng: ["济南的直播基地 快手授牌 占地2500平 直播间40个 主播35人 2022年纳统1.2亿 聊城那个基地奖能拿吗"],
  });
}, 120_000);

describe("ask --json: places", () => {
  it("takes a district, county or county-level city for its city's policy instead of asking for the region", () => {
    for (const [id, policy] of [["kenli", "dongying-2020"], ["guangrao", "dongying-2020"], ["linqing", "liaocheng-2022"], ["lijin", "dongying-2020"]] as const) {
      expect(answers[id]!.missing, id).not.toContain("region");
      expect(answers[id]!.policies, id).toEqual([policy]);
    }
  });

  it("remembers a region named alone in the first message for the question that follows", () => {
    expect(answers.whereIAm!.status).not.toBe("out_of_scope");
    const award = answers.regionAlone!.awards.find((a) => a.clause === "miluo-2017:三/(三)/7");
    expect(answers.regionAlone!.missing).not.toContain("region");
    expect(award?.eligible).toBe(true);
    expect(award?.amountFen).toBe(1_000_000);
  });

  it("says which of two places with the same name it understood", () => {
    expect(answers.donge!.policies).toEqual(["liaocheng-2022"]);
    expect(answers.donge!.text).toMatch(/东阿.*按聊城市东阿县理解.*平阴县东阿镇/);
  });

  it("matches a misspelt region and names the region it understood", () => {
    expect(answers.typo!.policies).toEqual(["miluo-2017"]);
    expect(answers.typo!.text).toContain("按汨罗市理解");
  });

  it("says a place of 济南 outside 平阴县 is not covered and names the regions it covers", () => {
    expect(answers.nearby!.status).toBe("out_of_scope");
    expect(answers.nearby!.text).toContain("长清区");
    expect(answers.nearby!.text).toMatch(/在平阴注册登记/);
  });

  it("names the covered regions, from the catalog, for a place outside every policy", () => {
    expect(answers.elsewhere!.status).toBe("out_of_scope");
    for (const region of ["平阴", "东营", "聊城", "汨罗", "叶集"]) expect(answers.elsewhere!.text).toContain(region);
  });

  it("says a prefecture-level city outside every policy is out of scope, naming it and the covered regions", () => {
    expect(answers.outsideCity!.status).toBe("out_of_scope");
    expect(answers.outsideCity!.awards).toEqual([]);
    expect(answers.outsideCity!.text).toContain("潍坊不在");
    for (const region of ["平阴", "东营", "聊城", "汨罗", "叶集"]) expect(answers.outsideCity!.text).toContain(region);
  });

  it("takes a business of another city asking about a covered region as not registered there, with both words", () => {
    const base = answers.jinanAskingLiaocheng!;
    expect(base.policies).toEqual(["liaocheng-2022"]);
    const award = base.awards.find((a) => a.clause === "liaocheng-2022:六")!;
    expect(award.eligible).toBe(false);
    expect(base.text).toMatch(/你说“济南”｜条文：“在聊城市注册登记”/);
    expect(answers.outsideAskingLiaocheng!.awards.some((a) => a.eligible === false)).toBe(true);
    expect(answers.outsideAskingLiaocheng!.awards.every((a) => a.eligible !== true)).toBe(true);
    expect(answers.outsideAskingLiaocheng!.text).toContain("你说“安徽合肥”｜条文：“在聊城市注册登记”");
  });

  it("takes a user placed in one covered region and asking about another as not registered in the one asked about", () => {
    const answer = answers.homeInAnotherRegion!;
    expect(answer.policies).toEqual(["pingyin-2020"]);
    expect(answer.awards.length).toBeGreaterThan(0);
    expect(answer.awards.every((a) => a.eligible !== true)).toBe(true);
    expect(answer.text).toContain("你说“垦利区”｜条文：“在平阴县注册登记”");
  });

  it("takes a county of another city or province, written after its division, as not registered in the region asked about", () => {
    for (const [id, said] of [["countyOfOtherCity", "淄博桓台县"], ["countyOfOtherProvince", "湖北通城县"]] as const) {
      const answer = answers[id]!;
      expect(answer.awards.length, id).toBeGreaterThan(0);
      expect(answer.awards.every((a) => a.eligible === false), id).toBe(true);
      expect(answer.text, id).toContain(`你说“${said}”`);
    }
  });

  it("takes a county written without its city or province as not registered in the region asked about", () => {
    for (const [id, said] of [["countyAlone", "博兴县"], ["twoCharCountyAlone", "沛县"]] as const) {
      const answer = answers[id]!;
      expect(answer.awards.length, id).toBeGreaterThan(0);
      expect(answer.awards.every((a) => a.eligible === false), id).toBe(true);
      expect(answer.text, id).toContain(`你说“${said}”`);
    }
    expect(answers.countyOnly).toMatchObject({ status: "out_of_scope", awards: [] });
    expect(answers.countyOnly!.text).toContain("固始县");
  });

  it("does not take the cities a business sells to for where it is registered", () => {
    const answer = answers.marketElsewhere!;
    expect(answer.policies).toEqual(["dongying-2020"]);
    expect(answer.awards.some((a) => a.eligible === true)).toBe(true);
    expect(answer.text).not.toContain("在本地注册登记：否");
  });
});
