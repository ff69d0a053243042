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
    nearbyInformal: ["屈原区的网店能拿补贴吗"],
    townOfCounty: ["我在大王镇开网店，年销售额300万，有啥奖励"],
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
    regionCorrected: ["平阴 抖音粉丝15万 2021年卖了120万 能奖多少", "说错了 我们是东营的 不是平阴"],
    hometownElsewhere: ["我老家是平阴的 现在公司在聊城东昌府区 2022年新注册的直播公司 独立法人 纳统2300万 能奖多少"],
    soldToAnotherRegion: ["我们是平阴的 货都卖到东营 抖音粉丝15万 2021年卖了120万 能奖多少"],
    companiesInTwoRegions: ["我们在平阴和东营都有公司 东营那边商会2021年办直播大赛花了4万 能补多少"],
    sharedNameBySubject: ["东阿的 2021年在京东开了旗舰店 一年卖了四百万 能奖多少"],
    cityOfCountyRegion: ["岳阳的 贫困户开网店 头一年成交了20笔 能补多少"],
    cityAnswersWhere: ["C2C网店 运行满一年 年销售额首次过一百万 一百二十万 能奖多少", "六安的"],
    cityThenCounty: ["C2C网店 运行满一年 年销售额首次过一百万 一百二十万 能奖多少", "六安的", "叶集区"],
    registeredInOneOfTwo: ["我们公司在平阴办公 但是注册在东营 2021年办直播大赛花了4万 能补多少"],
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

  it("says a place of 岳阳 named informally (屈原区) is outside 汨罗's policy", () => {
    expect(answers.nearbyInformal!.status).toBe("out_of_scope");
    expect(answers.nearbyInformal!.text).toMatch(/屈原区不在汨罗政策的范围内/);
  });

  it("answers a town of a county of a city policy (大王镇, 广饶县) from that city's policy without asking where", () => {
    expect(answers.townOfCounty!.policies).toEqual(["dongying-2020"]);
    expect(answers.townOfCounty!.missing).not.toContain("region");
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

  it("follows a region the user corrects in a later turn, with the facts said before", () => {
    const answer = answers.regionCorrected!;
    expect(answer.policies).toEqual(["dongying-2020"]);
    expect(answer.awards.some((a) => a.policy === "pingyin-2020")).toBe(false);
  });

  it("answers for the region the user is in, not a hometown or a region the goods are sold to", () => {
    expect(answers.hometownElsewhere!.policies).toEqual(["liaocheng-2022"]);
    expect(answers.hometownElsewhere!.awards.every((a) => a.policy === "liaocheng-2022")).toBe(true);
    const sold = answers.soldToAnotherRegion!;
    expect(sold.policies).toEqual(["pingyin-2020"]);
    expect(sold.awards.find((a) => a.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(sold.awards.every((a) => a.policy === "pingyin-2020")).toBe(true);
  });

  it("does not take a business with companies in two regions as registered outside the one asked about", () => {
    const award = answers.companiesInTwoRegions!.awards.find((a) => a.clause === "dongying-2020:三/(五)");
    expect(award).toMatchObject({ eligible: true, amountFen: 3_200_000 });
  });

  it("settles a name two regions share by the region whose policy speaks of the subject, and says so", () => {
    const answer = answers.sharedNameBySubject!;
    expect(answer.policies).toEqual(["pingyin-2020"]);
    expect(answer.awards.find((a) => a.clause === "pingyin-2020:三/(二)/3")).toMatchObject({ eligible: true, amountFen: 5_000_000 });
    expect(answer.text).toMatch(/东阿.*按平阴县东阿镇理解.*聊城市东阿县/);
  });

  it("asks where again when the answer is a city holding a covered region, keeping the facts said", () => {
    expect(answers.cityAnswersWhere).toMatchObject({ status: "needs_info", missing: ["region"] });
    expect(answers.cityAnswersWhere!.text).toContain("叶集");
    expect(answers.cityThenCounty!.awards.find((a) => a.clause === "yeji-2017:五/14")).toMatchObject({ eligible: true, amountFen: 1_000_000 });
  });

  it("answers for the region the business is registered in when it names two", () => {
    const answer = answers.registeredInOneOfTwo!;
    expect(answer.policies).toEqual(["dongying-2020"]);
    expect(answer.awards.find((a) => a.clause === "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 3_200_000 });
    expect(answer.awards.some((a) => a.policy === "pingyin-2020")).toBe(false);
  });

  it("takes the city holding a county-level region for that city, asking where, not as outside the region", () => {
    expect(answers.cityOfCountyRegion!.status).toBe("needs_info");
    expect(answers.cityOfCountyRegion!.missing).toContain("region");
  });

  it("does not take the cities a business sells to for where it is registered", () => {
    const answer = answers.marketElsewhere!;
    expect(answer.policies).toEqual(["dongying-2020"]);
    expect(answer.awards.some((a) => a.eligible === true)).toBe(true);
    expect(answer.text).not.toContain("在本地注册登记：否");
  });
});
