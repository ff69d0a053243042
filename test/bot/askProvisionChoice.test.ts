/**
 * Which provision a question is about, and what the answer says of it, asked through `ask --json` as a user
 * would: a line of business the user names (loans, training) leads to the clause note that speaks of it; a
 * measure named without its figure ("招贫困户") leads to the provisions that read it; a grant without money
 * is checked against the user's figures; `awards` speaks only of the asker, never of a clause's example.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const CASES = {
  loanDongying: ["东营 电商企业资金紧张 能不能融资"],
  loanMiluo: ["汨罗 开网店能贷款吗"],
  trainingBudget: ["东营 技校想办电商培训班 有钱补吗"],
  poorHires: ["叶集 我们公司想雇几个建档立卡的贫困户 有没有补贴"],
  poorHiresCounted: ["叶集 我们公司想雇几个建档立卡的贫困户 有没有补贴", "聘了3个"],
  landShort: ["汨罗 电商项目投了八百万 用地有政策吗"],
  landMet: ["汨罗 我们准备一次性投资2500万的电商支撑服务项目 需要新增建设用地"],
  landBeside: ["聊城 建快递物流配送中心 用地怎么保障"],
  overview: ["汨罗有啥电商扶持政策"],
  shopMovedBack: ["聊城 我们公司把网店从外省迁回本地了 有什么奖励"],
  onlineShopMovedBack: ["聊城 我们把设在外地的网店迁回聊城 政府有啥支持"],
  platformShopMovedBack: ["聊城 之前在外省开的京东店 打算迁回来 有什么政策"],
  bigProject: ["平阴 我们规划的是个很大的项目 县里有没有特殊的政策"],
  rentedOffice: ["叶集 租了 二百平米 办公室 能补多少"],
  salesOnlyShort: ["聊城冠县 公司2022年网零2亿5千万 能补多少"],
  salesWithWord: ["聊城 企业2022年网络零售额12亿 补多少"],
};

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(CASES);
}, 120_000);

const cited = (a: Answer) => a.citations.map((c) => c.clause);

describe("ask --json: the line of business a user names leads to the clause about it", () => {
  it("answers a loan question with the region's finance clause, saying a loan is no subsidy", () => {
    for (const [id, clause] of [["loanDongying", "dongying-2020:三/(八)"], ["loanMiluo", "miluo-2017:三/(六)"]] as const) {
      const a = answers[id]!;
      expect(a.status, id).toBe("answered");
      expect(cited(a), id).toContain(clause);
      expect(a.text, id).toContain("不是补贴");
      expect(a.awards.filter((x) => x.eligible === true && x.amountFen !== null), id).toEqual([]);
    }
  });

  it("answers a school's training question with the clause that budgets training, not the one naming colleges", () => {
    const a = answers.trainingBudget!;
    expect(a.status).toBe("answered");
    expect(cited(a)).toContain("dongying-2020:三/(七)");
    expect(a.text).toContain("部门预算");
  });
});

describe("ask --json: a measure named without its figure leads to the provisions that read it", () => {
  it("asks for the number of poor hires of 叶集 五14 when the user names them", () => {
    const a = answers.poorHires!;
    expect(a.awards.map((x) => x.title)).toContain("聘用贫困人口就业一次性补助");
    expect(a.missing).toContain("poorEmployees");
  });

  it("computes 1000元 per poor hire once the count is given", () => {
    expect(answers.poorHiresCounted!.awards).toContainEqual(expect.objectContaining({ clause: "yeji-2017:五/14", eligible: true, amountFen: 300_000 }));
  });
});

describe("ask --json: a shop moved back home", () => {
  it("gets 聊城 五 (praise for counties, services for the shop) and no award amount", () => {
    const a = answers.shopMovedBack!;
    expect(a.status).toBe("answered");
    expect(cited(a)).toContain("liaocheng-2022:五");
    expect(a.text).toContain("通报表扬");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });
  it("gets 聊城 五 for 网店迁回, not 四 (新增网上店铺) that shares 网店 and that retrieval ranks first, nor 六 for a platform name", () => {
    for (const a of [answers.onlineShopMovedBack!, answers.platformShopMovedBack!]) {
      expect(cited(a)).toContain("liaocheng-2022:五");
      expect(cited(a)).not.toContain("liaocheng-2022:四");
      expect(a.text).toContain("回迁");
    }
  });
});

describe("ask --json: a provision of the line the user named, over a clause retrieval ranks first", () => {
  it("answers a big project's question for special support with the case-by-case provision, whose clause speaks of it, with no amount", () => {
    const a = answers.bigProject!;
    expect(a.awards).toEqual([expect.objectContaining({ clause: "pingyin-2020:三/(七)", amountFen: null })]);
    expect(a.text).toContain("一事一议");
  });
});

describe("ask --json: a grant without money, checked against what the user said", () => {
  it("says the land clause does not apply below its investment line, in the user's words, with no amount", () => {
    const a = answers.landShort!;
    expect(a.status).toBe("answered");
    expect(a.awards).toEqual([expect.objectContaining({ clause: "miluo-2017:三/(二)/2", eligible: false, amountFen: null })]);
    expect(a.text).toContain("❌ 你说“八百万”｜条文：“一次性投资2000万元以上”");
    // The verdict line too: "投资额 八百万 < 2000万元", never the engine's "800万元" the user did not write.
    expect(a.text).toContain("投资额 八百万 < 2000万元");
    expect(a.text).not.toContain("800万元");
    expect(a.text).toContain("用地政策");
  });

  it("says it applies above the line, still with no amount", () => {
    expect(answers.landMet!.awards).toEqual([expect.objectContaining({ clause: "miluo-2017:三/(二)/2", eligible: true, amountFen: null })]);
    expect(answers.landMet!.text).toContain("✅ 你说“2500万”");
  });

  it("quotes the land sentence of a provision's clause when the question names land beside the provision", () => {
    const a = answers.landBeside!;
    expect(a.citations).toContainEqual(expect.objectContaining({ clause: "liaocheng-2022:十", quote: expect.stringContaining("5年内保持土地原用途") }));
    expect(a.text).toContain("用地政策");
  });
});

describe("ask --json: the overview lists what the text gives, not awards for the asker", () => {
  it("shows each provision's figure in the text but no eligible award or amount in `awards`", () => {
    const a = answers.overview!;
    expect(a.text).toContain("15万元");
    expect(a.awards.length).toBeGreaterThan(5);
    for (const award of a.awards) expect([award.title, award.eligible, award.amountFen]).toEqual([award.title, null, null]);
  });
});

describe("ask --json: a provision beside the one asked about", () => {
  it("marks a provision none of the user's facts was checked against as still open (❔), not as met (✅)", () => {
    const a = answers.rentedOffice!;
    const fitOut = a.awards.find((x) => x.clause === "yeji-2017:五/9");
    expect(a.awards.find((x) => x.clause === "yeji-2017:五/10")?.eligible).toBe(true);
    expect(fitOut?.eligible).toBe(true);
    expect(a.text).toContain(`❔ ${fitOut!.title}`);
    expect(a.text).not.toContain(`✅ ${fitOut!.title}`);
  });
});

describe("ask --json: the user's own sales figure leads to the provision that reads it", () => {
  it("computes 聊城 二 for a company's sales, not the loan note the meaning search ranks first", () => {
    const a = answers.salesOnlyShort!;
    expect(a.awards).toContainEqual(expect.objectContaining({ clause: "liaocheng-2022:二", eligible: true, amountFen: 10_000_000 }));
  });

  it("computes 聊城 二 (capped at 40万) when 网络零售额 is written, not 一's praise for counties whose keyword 网络零售额增幅 starts with it", () => {
    const a = answers.salesWithWord!;
    expect(a.awards).toContainEqual(expect.objectContaining({ clause: "liaocheng-2022:二", eligible: true, amountFen: 40_000_000 }));
    expect(a.awards.map((x) => x.clause)).not.toContain("liaocheng-2022:一");
  });
});
