/**
 * Quantities through `ask --json`: for every form of issue 9 a question whose answer flips when the figure is
 * misread (80来万 read as 80元, 1千2百万 as 1000元, "120　万" as 120元…), bounds read the right way round, and
 * amounts the user claims checked against the engine, never reported as their award.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

/** Miluo 三/(三)/3: 5万 → 2000元, 20万 → 5000元, 100万 → 2万元: a misread figure lands in another tier or none. */
const miluo = (sales: string) => `汨罗 我们电商公司主营本地农特产 在京东上卖 2018年销售额${sales} 奖多少`;
const MILUO = "miluo-2017:三/(三)/3";
/** Pingyin 三/(四): 1000万 → 20万, 5000万 → 100万. */
const pingyin = (sales: string) => `平阴 我们电商企业2021年网络零售额${sales} 能拿多少`;
const PINGYIN = "pingyin-2020:三/(四)";
/** Pingyin 三/(三)/3: 10万粉丝 and 100万元 → 2万元; 120 read without its 万 fails. */
const streamer = (sales: string) => `平阴 带货达人 粉丝15万 2021年带货卖了${sales} 能拿多少`;
const STREAMER = "pingyin-2020:三/(三)/3";
/** Liaocheng 六: 2000平方米, 30间, more than 30 anchors, 1亿 — one figure varied at a time. */
const base = (area: string, rooms: string, anchors: string) =>
  `聊城 我们直播基地快手授牌的 实际经营两年了 一直诚信经营 占地${area} 直播间${rooms} 活跃主播${anchors} 2022年纳统网零1.1亿 能奖多少`;
const BASE = "liaocheng-2022:六";
/** Miluo 三/(三)/1: 8 courier companies and 500万件, or 5 freight companies and 50万吨. */
const logistics = (what: string) => `汨罗 我们公司建的市域电商物流中心 覆盖全市 免费配送 ${what} 能奖多少`;
const LOGISTICS = "miluo-2017:三/(三)/1";
/** Yeji 14: 实际运行满1年, C2C 年销售额首次突破50万 → 0.5万元. */
const shop = (time: string) => `叶集 我在淘宝开的个人店 实际运行${time} 2018年卖了60万 头一回过50万 有奖励没`;
const SHOP = "yeji-2017:五/14";

/** What the answer must show: this award and amount (fen), not eligible, or a question for the fact. */
type Want = { award: number; clause: string } | { notEligible: string } | { asks: string };

const FORMS: Record<string, [turn: string, want: Want]> = {
  // Approximations
  "80来万": [miluo("80来万"), { clause: MILUO, award: 500_000 }],
  三十多万: [miluo("三十多万"), { clause: MILUO, award: 500_000 }],
  十几万: [miluo("十几万"), { clause: MILUO, award: 200_000 }],
  百来万: [miluo("百来万"), { clause: MILUO, award: 2_000_000 }],
  两百出头万: [miluo("两百出头万"), { clause: MILUO, award: 2_000_000 }],
  小二十万: [miluo("小二十万"), { clause: MILUO, award: 200_000 }],
  一个多亿: [pingyin("一个多亿"), { clause: PINGYIN, award: 100_000_000 }],
  好几个亿: [pingyin("好几个亿"), { clause: PINGYIN, award: 100_000_000 }],
  一百出头: ["汨罗 我们电商企业入驻了电商产业园 2018年新安排就业一百出头 网上销售额350万 奖多少", { clause: "miluo-2017:三/(三)/7", award: 1_000_000 }],
  // Mixed forms
  "1千2百万": [pingyin("1千2百万"), { clause: PINGYIN, award: 20_000_000 }],
  "12万3千": [miluo("12万3千"), { clause: MILUO, award: 200_000 }],
  "13个w": ["平阴 带货达人 13个w粉丝 2021年带货卖了120万 能拿多少", { clause: STREAMER, award: 2_000_000 }],
  "1.8个亿": [pingyin("1.8个亿"), { clause: PINGYIN, award: 100_000_000 }],
  "5000W": [pingyin("5000W"), { clause: PINGYIN, award: 100_000_000 }],
  "300k": [miluo("300k"), { clause: MILUO, award: 500_000 }],
  "¥85,000": [miluo("¥85,000"), { clause: MILUO, award: 200_000 }],
  // Full-width digits and separators, spaces between number and unit, control characters
  "１２０万": [streamer("１２０万"), { clause: STREAMER, award: 2_000_000 }],
  "１，２００，０００元": [streamer("１，２００，０００元"), { clause: STREAMER, award: 2_000_000 }],
  "14,000万元": [pingyin("14,000万元"), { clause: PINGYIN, award: 100_000_000 }],
  "full-width space": [streamer("120\u3000万"), { clause: STREAMER, award: 2_000_000 }],
  "no-break space": [streamer("120\u00a0万"), { clause: STREAMER, award: 2_000_000 }],
  tab: [streamer("120\t万"), { clause: STREAMER, award: 2_000_000 }],
  "escape sequence": [streamer("\x1b[31m120万\x1b[0m"), { clause: STREAMER, award: 2_000_000 }],
  "control character": [streamer("120\u0007万"), { clause: STREAMER, award: 2_000_000 }],
  "escape sequence between number and unit": [streamer("\x1b[1m120\x1b[0m万"), { clause: STREAMER, award: 2_000_000 }],
  // Count units: each one decides a condition
  平: [base("2500平", "32间", "35人"), { clause: BASE, award: 50_000_000 }],
  平米: [base("1800平米", "32间", "35人"), { notEligible: BASE }],
  个平方: [base("2500个平方", "32间", "35人"), { clause: BASE, award: 50_000_000 }],
  "㎡": [base("1800㎡", "32间", "35人"), { notEligible: BASE }],
  间: [base("2500平", "28间", "35人"), { notEligible: BASE }],
  个: [base("2500平", "32个", "35个"), { clause: BASE, award: 50_000_000 }],
  人: [base("2500平", "32间", "30人"), { notEligible: BASE }],
  名: [base("2500平", "32间", "35名"), { clause: BASE, award: 50_000_000 }],
  位: [base("2500平", "32间", "35位"), { clause: BASE, award: 50_000_000 }],
  家: [logistics("快递物流整合了9家企业 年派送量600万件"), { clause: LOGISTICS, award: 15_000_000 }],
  件: [logistics("快递物流整合了9家企业 年派送量六百多万件"), { clause: LOGISTICS, award: 15_000_000 }],
  单: [logistics("快递物流整合了9家企业 一年派送600万单"), { clause: LOGISTICS, award: 15_000_000 }],
  吨: [logistics("货运物流整合了6家企业 全年货运发送量60万吨"), { clause: LOGISTICS, award: 15_000_000 }],
  个月: [shop("10个月"), { notEligible: SHOP }],
  年: [shop("满2年"), { clause: SHOP, award: 500_000 }],
};

/** Bounds: a ceiling under the line fails, one on the line asks, a floor over it holds. */
const BOUNDS: Record<string, [turn: string, want: Want]> = {
  顶多: [streamer("顶多九十万"), { notEligible: STREAMER }],
  最多也就: [streamer("最多也就90万"), { notEligible: STREAMER }],
  没超过: [streamer("没超过90万"), { notEligible: STREAMER }],
  不超过: [streamer("不超过100万"), { asks: "onlineRetailSales" }],
  以内: [streamer("100万以内"), { asks: "onlineRetailSales" }],
  不少于: [streamer("不少于100万"), { clause: STREAMER, award: 2_000_000 }],
  不到: [streamer("不到100万"), { notEligible: STREAMER }],
};

/** A bare reply fills the fact asked for only when its unit fits: "4位" is people, never months. */
const REPLIES: Record<string, readonly string[]> = {
  peopleNotMonths: [
    "平阴 首次创业开的小微电商企业 2020年8月落户的 执照拿了一年半 正常经营 社保工资都合规 创业补贴加岗位补贴能拿多少",
    "吸纳了5位应届高校毕业生 都签了一年合同",
    "说错了 是4位 有一个没签",
  ],
};

const CLAIMS = {
  // The message: 50万 is claimed, the rank is unknown — no award is reported for an example applicant.
  open: ["东营 电商企业网络零售额1亿，听说奖励50万，没错吧"],
  // Once the rank is known the claim is answered with the engine's amount.
  answered: ["东营 电商企业网络零售额1亿，听说奖励50万，没错吧", "全市排第二"],
  differs: ["东营 我们电商园区三年综合评定全市第三名 听说能奖100万 是吗"],
  matches: ["东营 电商企业2021年网络零售额1亿 全市排第1，听说奖励50万，没错吧"],
  fixedSum: ["平阴 带货达人 粉丝15万 奖励是50万吧"],
  notEligible: ["平阴的 听说带货达人有2万块奖励 我抖音粉丝八万多 2021年带货卖了150多万 能拿不"],
  quoted: ["平阴 开店那个5万奖励 俺们公司2021年在京东开了2家旗舰店 能拿10万不"],
  // 八笔 fails the 1000元 shop subsidy; the sales award of the same message is still open.
  failedBesideOpen: ["汨罗 贫困户 在拼多多开了个店 第一年卖了八笔 能拿1000块不"],
};

let answers: Record<string, Answer>;
beforeAll(async () => {
  const cases: Record<string, readonly string[]> = { ...CLAIMS, ...REPLIES };
  for (const [form, [turn]] of Object.entries({ ...FORMS, ...BOUNDS })) cases[`form:${form}`] = [turn];
  answers = await askJson(cases);
}, 180_000);

function expectWant(answer: Answer, want: Want, label: string): void {
  if ("award" in want) {
    const awards = answer.awards.filter((a) => a.clause === want.clause && a.eligible === true);
    expect(awards.map((a) => a.amountFen), label).toContain(want.award);
  } else if ("notEligible" in want) {
    const awards = answer.awards.filter((a) => a.clause === want.notEligible);
    expect(awards.some((a) => a.eligible === false) && !awards.some((a) => a.eligible === true), label).toBe(true);
  } else {
    expect(answer, label).toMatchObject({ status: "needs_info" });
    expect(answer.missing, label).toContain(want.asks);
  }
}

describe("ask --json: every form of a quantity decides the answer it should", () => {
  for (const [form, [turn, want]] of Object.entries(FORMS)) {
    it(`reads ${JSON.stringify(form)}: ${JSON.stringify(turn)}`, () => expectWant(answers[`form:${form}`]!, want, turn));
  }
});

describe("ask --json: bound words are read the right way round", () => {
  for (const [word, [turn, want]] of Object.entries(BOUNDS)) {
    it(`reads ${word}: ${JSON.stringify(turn)}`, () => expectWant(answers[`form:${word}`]!, want, turn));
  }

  it("quotes the user's bound in the reason, not a converted figure", () => {
    expect(answers["form:顶多"]!.text).toContain("顶多九十万");
  });
});

describe("ask --json: a claimed amount is checked, never reported as the user's award", () => {
  it("reports no eligible award while the amount depends on facts still missing, and says what decides", () => {
    const a = answers.open!;
    expect(a.status).toBe("needs_info");
    expect(a.missing).toContain("rank");
    expect(a.awards.filter((x) => x.eligible === true)).toEqual([]);
    expect(a.text).toContain("你说的50万对不对，要看排名");
  });

  it("answers the claim with the engine's amount once the missing fact arrives", () => {
    const a = answers.answered!;
    expect(a.awards.find((x) => x.clause === "dongying-2020:三/(三)")).toMatchObject({ eligible: true, amountFen: 30_000_000 });
    expect(a.text).toContain("按条文，电子商务龙头企业奖励是30万元，不是你说的50万");
  });

  it("says the claim is wrong when the engine's amount differs, and right when it matches", () => {
    expect(answers.differs!.text).toContain("是30万元，不是你说的100万");
    expect(answers.differs!.awards.some((x) => x.eligible === true && x.amountFen === 100_000_000)).toBe(false);
    expect(answers.matches!.text).toContain("你说的50万没错");
  });

  it("answers a claim about a fixed sum at once, while eligibility still waits for a fact", () => {
    const a = answers.fixedSum!;
    expect(a.status).toBe("needs_info");
    expect(a.text).toContain("金额上限是2万元，不是你说的50万");
    expect(a.awards.filter((x) => x.eligible === true)).toEqual([]);
  });

  it("says the provision does not apply when the user's facts fail it", () => {
    expect(answers.notEligible!.text).toContain("你说的2万块：按你说的情况，带货达人线上销售奖励暂不符合条件");
  });

  it("answers the claim with the provision whose amount it is when that one fails, not with another still open", () => {
    expect(answers.failedBesideOpen!.text).toContain("你说的1000块：按你说的情况，建档立卡贫困人员网店补贴暂不符合条件");
    expect(answers.failedBesideOpen!.text).not.toContain("对不对，要看");
  });

  it("checks the amount asked about, not the one that names the provision (开店那个5万奖励…能拿10万不)", () => {
    expect(answers.quoted!.text).toContain("是5万元，不是你说的10万");
  });
});

describe("ask --json: a bare reply answers the question whose unit it fits", () => {
  it("reads 说错了 是4位 as the number of jobs, not as months of operation", () => {
    expect(answers.peopleNotMonths!.awards.find((a) => a.clause === "pingyin-2020:三/(二)/1")).toMatchObject({ eligible: true, amountFen: 3_200_000 });
  });
});
