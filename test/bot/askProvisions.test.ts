/** Choosing the provision, through `ask --json`: the user's words about their activity decide it. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    liveSubsidy: ["聊城 直播带货的补贴"],
    liveCompany: ["聊城 我们公司做直播带货 2022年网络零售额3000万 能奖多少"],
    industryPlatform: ["东营 行业电商平台 三年综合评定排第三"],
    specialtyNational: ["汨罗 特产网店在全国性平台销售额4万元"],
    specialtyCompany: ["汨罗 我们公司卖本地特产 在全国性平台销售额4万元 能奖多少"],
    promotion: ["东营 在速卖通上做推广"],
    promotionSpent: ["东营 我们公司2022年在亚马逊上做推广 花了12万"],
    c2cShop: ["叶集姚李镇 我在淘宝开的个人店 2018年一年卖了五六十万 头一回过50万 有奖励没"],
    modeUnknown: ["叶集 我们网商 实际运行两年 2018年销售额首次突破300万 能奖多少"],
    c2cWorked: ["叶集姚李镇 我在淘宝开的个人店 干了两年多了 2018年一年卖了五六十万 头一回过50万 有奖励没"],
    c2cRunning: ["叶集 我的淘宝个人店 实际运行两年了 2018年卖了五六十万 头一回过50万 有奖励没"],
    namedPlatform: ["东营 我们搞的是五金行业的电商平台 三年综合评定排第二 能拿多少"],
    stacking: ["东营 龙头企业奖励和农产品上行的奖励能同时拿吗"],
    stackingTogether: ["平阴 旗舰店的奖和带货达人的奖 一块儿拿行不行"],
    stackingKept: ["东营 我们2021年网零8500万 全市电商排第一 卖的也都是本地农副产品 农副那个也排第一"],
    stackingBoth: ["平阴 我们公司既开了旗舰店又卖土特产 同一年能两个奖都拿吗"],
    stackingEither: ["平阴 一家公司同一年既领旗舰店的奖又领土特产的奖 行吗"],
    platformCooperation: ["平阴 县里跟抖音京东这些平台搞合作了没 能给俺们对接点流量吗"],
    trainingDirection: ["平阴 我们专业合作社组织社员搞了电商培训 来了90人次 县里给补吗"],
    claimedTier: ["平阴 我们是今年新成立的电商公司 网上卖了大概一百万左右 排名第三 能拿2万吧"],
    noStation: ["茌平 村级服务站有补贴吗"],
    noLivestream: ["叶集 直播带货有补贴吗"],
    stationDirection: ["东营 村级服务站有补贴吗"],
    quotedAmount: ["平阴 那个4万的奖励 要什么条件"],
    traceabilityEquipment: ["叶集 买了溯源设备60万 能补多少"],
  });
}, 180_000);

const clauses = (id: string) => answers[id]!.awards.map((a) => a.clause);

describe("ask --json: the user's activity chooses the provision", () => {
  it("gives equipment bought for traceability the supply-chain provision, never the public service centre's", () => {
    const a = answers.traceabilityEquipment!;
    expect(a.awards.filter((w) => w.eligible === true).map((w) => w.clause), a.text).toEqual(["yeji-2017:五/12"]);
  });
  it("answers 直播带货 in 聊城 with the livestream provisions (六), not the traffic subsidy (二)", () => {
    for (const id of ["liveSubsidy", "liveCompany"]) {
      expect(clauses(id)).toContain("liaocheng-2022:六");
      expect(clauses(id)).not.toContain("liaocheng-2022:二");
    }
  });
  it("answers an industry e-commerce platform with the platform provision, not the park's", () => {
    const [award] = answers.industryPlatform!.awards;
    expect(award).toMatchObject({ clause: "dongying-2020:三/(一)", title: expect.stringContaining("平台"), eligible: false });
    expect(answers.industryPlatform!.awards.some((a) => a.title.includes("园区"))).toBe(false);
  });
  it("answers a speciality sold on a national platform with 三(三)3, not the sales breakthrough 三(三)10", () => {
    for (const id of ["specialtyNational", "specialtyCompany"]) {
      expect(clauses(id)).toContain("miluo-2017:三/(三)/3");
      expect(clauses(id)).not.toContain("miluo-2017:三/(三)/10");
    }
    expect(answers.specialtyCompany!.awards[0]).toMatchObject({ eligible: false, trace: expect.arrayContaining([expect.stringContaining("5万元")]) });
  });
  it("reads 推广 on a cross-border platform as 宣传推介 and asks only for the costs", () => {
    expect(answers.promotion!.missing).not.toContain("activity");
    expect(answers.promotion!.missing).toContain("expenses");
    expect(answers.promotionSpent!.awards[0]).toMatchObject({ clause: "dongying-2020:三/(五)", eligible: true, amountFen: 6_000_000 });
  });
  it("reads 某某行业的电商平台 as the platform applicant: the platform's rank-2 award, not the park's", () => {
    expect(answers.namedPlatform!.awards).toEqual([expect.objectContaining({ clause: "dongying-2020:三/(一)", title: expect.stringContaining("平台"), eligible: true, amountFen: 30_000_000 })]);
  });
  it("answers whether two awards can be held together with the document's words on it, quoting both provisions", () => {
    const answer = answers.stacking!;
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("东营的文件写明“以上事项不重复奖励。”");
    expect(answer.citations).toEqual(expect.arrayContaining([{ clause: "dongying-2020:三/(三)", quote: "以上事项不重复奖励。" }]));
    expect(answer.citations.filter((c) => c.clause === "dongying-2020:三/(三)").length).toBeGreaterThanOrEqual(3);
  });
  it("shows the award kept under 不重复奖励 beside the one it replaces, so the amount named is an award in the answer", () => {
    const a = answers.stackingKept!;
    expect(a.awards).toEqual(expect.arrayContaining([
      expect.objectContaining({ title: "电子商务龙头企业奖励", eligible: true, amountFen: 50_000_000 }),
      expect.objectContaining({ title: "电商销售本地农副产品奖励", eligible: false }),
    ]));
    expect(a.citations.map((c) => c.quote)).toContainEqual(expect.stringContaining("8000万元以上"));
  });
  it("answers 一块儿拿 (two awards together) with the document's one-award-a-year sentence", () => {
    expect(answers.stackingTogether!.status).toBe("answered");
    expect(answers.stackingTogether!.citations).toEqual(expect.arrayContaining([{ clause: "pingyin-2020:四/(二)", quote: "申报主体年度内只享受其中一项扶持政策。" }]));
  });
  it("reads 既…又… (one award and another) as the same question", () => {
    for (const id of ["stackingBoth", "stackingEither"]) {
      expect(answers[id]!.citations, id).toEqual(expect.arrayContaining([{ clause: "pingyin-2020:四/(二)", quote: "申报主体年度内只享受其中一项扶持政策。" }]));
    }
  });
  it("never tells a claimed amount wrong while the tier that decides it waits on an approximate figure (1万 or 2万)", () => {
    const a = answers.claimedTier!;
    expect(a.status).toBe("needs_info");
    expect(a.text).not.toContain("不是你说的");
    expect(a.missing).toContain("onlineRetailSales");
  });
  it("takes an amount the user quotes back (那个4万的奖励) to the provision that states it", () => expect(clauses("quotedAmount")[0]).toBe("pingyin-2020:三/(三)/2"));
});

describe("ask --json: a subject the region's document has no provision on", () => {
  it("says so plainly and names the covered regions' provisions on it, quoting nothing unrelated (茌平 服务站, 叶集 直播带货)", () => {
    for (const [id, region, others] of [
      ["noStation", "聊城", ["汨罗「贫困村村级电商服务站奖励」", "叶集「农村电商服务网点建设补助」"]],
      ["noLivestream", "叶集", ["平阴「带货达人线上销售奖励」", "聊城「新注册直播电商企业奖励」"]],
    ] as const) {
      const answer = answers[id]!;
      expect(answer.status, id).toBe("answered");
      expect(answer.text, id).toContain(`${region}的文件里没有对`);
      for (const o of others) expect(answer.text, id).toContain(o);
      expect(answer.awards, id).toEqual([]);
      expect(answer.citations, id).toEqual([]);
    }
    expect(answers.noStation!.text).not.toContain("流量补贴");
  });
  it("quotes the sentence of the region's text on the subject (平阴 三(六) 分层电商培训), not the award beside it, though the user gave figures", () => {
    const a = answers.trainingDirection!;
    expect(a.text).toContain("平阴的文件里没有对电商培训的扶持条款");
    expect(a.citations).toContainEqual({ clause: "pingyin-2020:三/(六)", quote: expect.stringContaining("开展分层电商培训") });
    expect(a.awards).toEqual([]);
  });
  it("answers cooperation with platforms by the clause on it, not a definition that lists the platforms' names", () => {
    const a = answers.platformCooperation!;
    expect(a.citations.map((c) => c.clause)).toContain("pingyin-2020:三/(一)/3");
    expect(a.citations.map((c) => c.clause)).not.toContain("pingyin-2020:附件2/5");
  });
  it("quotes the region's clause that mentions the subject without money, beside the regions that pay for it", () => {
    const answer = answers.stationDirection!;
    expect(answer.text).toContain("东营的文件里没有对农村电商服务站点的扶持条款");
    expect(answer.citations.map((c) => c.clause)).toContain("dongying-2020:四/(三)");
    expect(answer.awards).toEqual([]);
  });
});

describe("ask --json: provisions of one clause", () => {
  it("never gives the B2B/B2C provision ❌ to a C2C shop: it asks what the C2C provision needs", () => {
    const answer = answers.c2cShop!;
    expect(answer.awards.some((a) => a.eligible === false)).toBe(false);
    expect(answer.awards.map((a) => a.title)).toEqual([expect.stringContaining("C2C")]);
    expect(answer.missing).toContain("operatingMonths");
  });
  it("says whom each provision of the clause is for, quoting both, while the mode that decides is unknown", () => {
    const answer = answers.modeUnknown!;
    expect(answer.status).toBe("needs_info");
    expect(answer.missing).toContain("tradeMode");
    expect(answer.text).toMatch(/B2B\/B2C网商年销售额首次突破奖励：通过B2B、B2C电子商务形式\n· C2C网商年销售额首次突破奖励：通过C2C电子商务形式/);
    expect(answer.citations.filter((c) => c.clause === "yeji-2017:五/14")).toHaveLength(2);
  });
  it("awards the C2C provision once its conditions are stated (干了两年多了 is the time it has run)", () => {
    for (const id of ["c2cRunning", "c2cWorked"]) {
      expect(answers[id]!.awards).toEqual([expect.objectContaining({ clause: "yeji-2017:五/14", title: expect.stringContaining("C2C"), eligible: true, amountFen: 500_000 })]);
    }
  });
});
