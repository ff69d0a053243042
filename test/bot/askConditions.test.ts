/** Conditions a user states, through `ask --json`: ❌ or ✅ with their words beside the clause's. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    flagship: ["平阴 我们公司2021年在淘宝开的 普通C店 不是旗舰店 开店那个奖励有没有"],
    notFirstBatch: ["东营 我们是外贸企业 不是首批入驻1688的 年费补贴能拿吗"],
    countyLevel: ["广饶县的 我们村2021年是县里认定的电商村 不是市级的 能奖多少"],
    secondLevel: ["聊城 我们是快递公司 在聊城新设了一个二级分拨中心 有奖励吗"],
    builtLate: ["叶集 我们公司2018年才新建的村级电商服务网点 3个 能补多少"],
    builtThisYear: ["叶集 我们公司今年在村里新建了三个服务网点 每个花了三万左右 能补多少"],
    fourthYear: ["叶集 我们公司入园第4年了 租了200平 房租补贴还有吗"],
    stopped: ["聊城 我们公司现在已经停业了 2022年网络零售额2亿 流量补贴能拿吗"],
    taxRecord: ["平阴 我们公司因为偷税漏税被处理过 2021年网络零售额1500万 能拿奖励吗"],
    registeredElsewhere: ["我们是济南长清区注册的公司 在平阴有仓库 2021年网络零售额1500万 平阴的奖励能拿吗"],
    regionSpecialty: ["平阴的 我们主营玫瑰制品 2021年网络零售额520万 排第2"],
    specialtyOfAnotherRegion: ["东营 我们卖玫瑰花茶 年网络零售额600万 排第一"],
    notRegisteredLocally: ["东营的公司 没在本地注册 去年网络零售额9000万 排第二 能拿多少"],
    notLocal: ["汨罗 我们公司在京东上卖义乌进的小饰品 2018年卖了300万 能拿奖励不"],
    levelAnswered: ["东营 我们村是电商村 有10万奖励吗", "市级的"],
    unstated: ["平阴 我们公司2021年网络零售额1500万 能拿多少"],
    anchorsFollowers: ["聊城 我们是培训机构 2022年培训了22名主播 不过这些主播粉丝也就七八万 培训主播那个奖能拿吗"],
    stoppedStillOpen: ["聊城 我们公司2022年网络零售额1.5亿 可是现在已经关门了 流量补贴还能报吗"],
    rentThirdYear: ["汨罗 我们2020年进的创业城开网店 2022年已经是第三年了 房租补贴还有没有"],
    licenceMonths: ["平阴 2022年3月来平阴落户 第一次创业开的电商公司 营业执照才领了九个月 创业补贴能拿吗"],
    locatedElsewhere: ["济南长清区的 做直播带货 粉丝15万 2021年卖了200万 平阴的带货达人奖励我能申请不"],
    locatedThenRegistered: ["济南长清区的 做直播带货 粉丝15万 2021年卖了200万 平阴的带货达人奖励我能申请不", "我执照是在平阴县注册的"],
    openedBusiness: ["平阴 2021年3月回来办了个小微电商公司 头一回创业 一直正常经营 社保工资都合规 创业补贴能拿多少"],
    capReached: ["东营 我们协会今年办了第三场电商直播大赛 前两场已经补满10万了 这场花了6万 还能补吗"],
    anchorsFewFollowers: ["聊城 我们是培训机构 2022年培训了30个主播 可主播粉丝都就五六万 培训主播的补贴能拿吗"],
    licenceTenMonths: ["平阴 2022年3月来平阴落户 第一次开的电商公司 执照领了十个月 创业补贴能拿吗"],
    namedNotStated: ["平阴 我们店卖的是从义乌批发的小饰品 2021年卖了700万 全县排第2 土特产那个奖能拿不"],
    flagshipNamed: ["平阴 我们公司 旗舰店那个5万的奖怎么拿"],
    twoYearContract: ["汨罗 我们公司安排了12个建档立卡贫困人口就业 都签了两年合同 社保也交了 能补多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: stated conditions decide the provision", () => {
  it.each([
    ["flagship", "pingyin-2020:三/(二)/3", "不是旗舰店"],
    ["notFirstBatch", "dongying-2020:三/(五)", "不是首批"],
    ["countyLevel", "dongying-2020:三/(四)", "县里认定的"],
    ["secondLevel", "liaocheng-2022:十", "二级分拨中心"],
    ["builtLate", "yeji-2017:五/13", "2018年才新建"],
    ["builtThisYear", "yeji-2017:五/13", "今年在村里新建"],
    ["fourthYear", "yeji-2017:五/10", "入园第4年"],
    ["stopped", "liaocheng-2022:二", "已经停业"],
    ["taxRecord", "pingyin-2020:三/(四)", "偷税漏税"],
    ["notLocal", "miluo-2017:三/(三)/3", "义乌进的小饰品"],
  ])("%s: ❌ with the user's words beside the clause's", (id, clause, words) => {
    expect(award(id, clause)?.eligible, answers[id]!.text).toBe(false);
    expect(answers[id]!.text).toMatch(new RegExp(`❌ 你说“[^”]*${words}[^”]*”｜条文：“`));
  });

  it.each([
    ["anchorsFollowers", "liaocheng-2022:九", "七八万"],
    ["anchorsFewFollowers", "liaocheng-2022:九", "五六万"],
    ["capReached", "dongying-2020:三/(五)", "前两场已经补满10万了"],
    ["stoppedStillOpen", "liaocheng-2022:二", "已经关门"],
    ["rentThirdYear", "miluo-2017:三/(三)/2", "第三年"],
  ])("%s: a second follower count and 还能报吗 after a stated fact decide the provision", (id, clause, words) => {
    expect(award(id, clause)?.eligible, answers[id]!.text).toBe(false);
    expect(answers[id]!.text).toMatch(new RegExp(`❌ 你说“[^”]*${words}[^”]*”｜条文：“`));
  });

  it("reads months of operation from 营业执照领了九个月 / 执照领了十个月 instead of asking for them", () => {
    for (const id of ["licenceMonths", "licenceTenMonths"]) {
      expect(answers[id]!.missing, id).not.toContain("operatingMonths");
      expect(award(id, "pingyin-2020:三/(二)/1")?.eligible, id).toBe(false);
    }
    expect(award("licenceTenMonths", "pingyin-2020:三/(二)/1")!.trace.join("\n")).toMatch(/实际经营月数 10 < 12/);
  });

  it("a condition word that names the provision (土特产那个奖, 旗舰店那个5万的奖) states nothing about the asker", () => {
    expect(award("namedNotStated", "pingyin-2020:三/(三)/2")?.eligible).toBe(false);
    expect(answers.namedNotStated!.text).toMatch(/❌ 你说“[^”]*义乌批发的小饰品”｜条文：“销售本地土特产品”/);
    expect(answers.flagshipNamed!.missing).toContain("flagshipStore");
    expect(answers.flagshipNamed!.text).not.toMatch(/✅ 你说/);
  });

  it("reads 签了两年合同 as a labour contract of a year or more (✅ with the user's words), not as 否", () => {
    expect(award("twoYearContract", "miluo-2017:三/(三)/8")).toMatchObject({ eligible: true, amountFen: 1_200_000 });
    expect(answers.twoYearContract!.text).toMatch(/✅ 你说“[^”]*签了两年合同”｜条文：“签订一年以上劳动合同”/);
    expect(answers.twoYearContract!.missing).not.toContain("laborContractYear");
  });

  it("a business registered outside 平阴县 does not qualify for 平阴's awards", () => {
    expect(award("registeredElsewhere", "pingyin-2020:三/(四)")?.eligible).toBe(false);
    expect(answers.registeredElsewhere!.text).toContain("在平阴县注册登记");
  });

  it("takes a place outside 平阴县 the user says they are from as where they are registered, until they say otherwise", () => {
    expect(award("locatedElsewhere", "pingyin-2020:三/(三)/3")?.eligible).toBe(false);
    expect(answers.locatedElsewhere!.text).toMatch(/❌ 你说“济南长清区”｜条文：“在平阴县注册登记”/);
    expect(award("locatedThenRegistered", "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });

  it("reads the registration date from 2021年3月回来办了个小微电商公司 instead of asking for it", () => {
    expect(answers.openedBusiness!.missing).not.toContain("registrationDate");
    // With the date read (2021年3月 is after 2020年1月1日) nothing is left to ask: the subsidy is computed.
    expect(award("openedBusiness", "pingyin-2020:三/(二)/1")).toMatchObject({ eligible: true, amountFen: 2_400_000 });
  });

  it("a bare level answers the question about the level", () => {
    expect(award("levelAnswered", "dongying-2020:三/(四)")).toMatchObject({ eligible: true, amountFen: 10_000_000 });
    expect(answers.levelAnswered!.text).toMatch(/✅ 你说“市级的”/);
  });

  it("leaves unstated conditions under 还需满足, without readings meant for staff", () => {
    const text = answers.unstated!.text;
    expect(award("unstated", "pingyin-2020:三/(四)")?.eligible).toBe(true);
    expect(text).toMatch(/还需满足：/);
    expect(text).not.toContain("解释");
    expect(text).not.toMatch(/[✅❌] 你说/);
  });

  it("takes 没在本地注册 as not registered where the policy requires, never as eligible, with the user's words", () => {
    const a = answers.notRegisteredLocally!;
    expect(a.awards.filter((x) => x.eligible)).toEqual([]);
    expect(a.awards.find((x) => x.clause === "dongying-2020:三/(三)")?.eligible).toBe(false);
    expect(a.text).toContain("你说“没在本地注册”");
  });

  it("takes goods the region's document names as its own (平阴 玫瑰) as local produce, quoting the user's words", () => {
    expect(award("regionSpecialty", "pingyin-2020:三/(三)/2")).toMatchObject({ eligible: true, amountFen: 10000000 });
    expect(answers.regionSpecialty!.text).toContain("你说“主营玫瑰制品”");
    expect(answers.specialtyOfAnotherRegion!.missing).toContain("localSpecialty");
  });
});
