/**
 * Several quantities in one message, through `ask --json`: per event, per year, products, counts and
 * sums. Each question's amount flips when only one of the figures is read (the last one, as before).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    perEvent: ["东营 我们商会2021年办了两场电商直播大赛 一场花了5w 一场花了8w 能补多少"],
    perEventStraddle: ["东营 我们商会2021年办了两场电商直播大赛 一场花了6万多 一场花了3万 能补多少"],
    perEventWide: ["东营 我们商会2021年办了两场电商直播大赛 一场花了几万 一场花了8万 能补多少"],
    perYearWide: ["东营 我们公司2021年自建站宣传推介花了十几万 2022年又花了16万 能补多少"],
    perYear: ["东营 我们公司2021年自建站宣传推介花了三十来万 2022年又花了16万 能补多少"],
    product: ["汨罗 我们培训机构给电商企业员工做技能培训 办了3期 每期40人 能补多少"],
    sessions: ["叶集 我们办了两期电商培训 第一期培训了2天 45人 第二期培训了1天 30人 都管吃住 有上机 补助多少"],
    productDays: ["叶集 我们搞电商培训 办了3期 每期2天 每期45个人 管吃管住 也安排了上机 补助多少"],
    counts: ["叶集 我们公司2017年新建农村电商服务网点 三个行政村各建了一个网点 能补多少"],
    countSum: ["平阴 我2021年回来落户 头一回创业 开了个小微电商公司 执照领了一年多 正常经营 社保足额交着 工资不低于最低工资 招了3个登记失业人员和1个应届毕业生 都签了2年合同 创业补贴能拿多少"],
    sum: ["东营 我们公司自建站花了60k 亚马逊推广又花了70k 宣传推介能补多少"],
  });
}, 180_000);

const award = (id: string, clause: string, rule?: string) =>
  answers[id]!.awards.find((a) => a.clause === clause && (rule === undefined || (a as { rule?: string }).rule === rule));

describe("ask --json: several quantities in one message", () => {
  it("per event: 5w and 8w are capped each at 5万 → 4万 + 5万 = 9万 (the last alone would be 5万)", () => {
    expect(award("perEvent", "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 9_000_000 });
    expect(answers.perEvent!.text).toContain("5w");
  });
  it("an event whose range straddles its cap gives a range with the cap applied, never one figure", () => {
    const a = award("perEventStraddle", "dongying-2020:三/(五)")!;
    expect(a.amountFen).toBeNull();
    expect(a.amountRange).toMatchObject({ lowFen: 7_200_000, highFen: 7_400_000 });
    expect(answers.perEventStraddle!.text).toContain("6万多");
  });
  it.each([
    ["perEventWide", "几万、8万"],
    ["perYearWide", "十几万、16万"],
  ])("%s: a range too wide to help is asked about in the user's words, never given as one amount", (id, words) => {
    const a = answers[id]!;
    expect(a.status).toBe("needs_info");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
    expect(a.text).toContain(words);
    expect(a.text).toContain("请告诉我准确的实际发生费用");
  });
  it("per year: 三十来万 in 2021 is capped at 10万, 16万 in 2022 gives 8万 → 18万", () => {
    expect(award("perYear", "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 18_000_000 });
    expect(answers.perYear!.text).toContain("三十来万");
  });
  it("product: 3期 每期40人 is 120 人次 × 200元 = 2.4万 (40 alone would be 8000元)", () => {
    expect(award("product", "miluo-2017:三/(五)")).toMatchObject({ eligible: true, amountFen: 2_400_000 });
    expect(answers.product!.text).toContain("每期40人");
  });
  it("product with days: 3期 × 每期45个人 × 每期2天 × 200元 = 5.4万", () => {
    expect(award("productDays", "yeji-2017:六/17")).toMatchObject({ eligible: true, amountFen: 5_400_000 });
  });
  it("sessions of different lengths pair their people and days: 45×2 + 30×1 = 120 人天 × 200元 = 2.4万 (75 × 1天 would be 1.5万)", () => {
    const full = answers.sessions!.awards.find((a) => a.clause === "yeji-2017:六/17" && a.eligible === true);
    expect(full?.amountFen).toBe(2_400_000);
    expect(answers.sessions!.text).toContain("2天、1天");
  });
  it("counts: 三个行政村各建了一个网点 is 3 sites → 最高6万 (one site would be 2万)", () => {
    expect(award("counts", "yeji-2017:五/13")).toMatchObject({ amountFen: 6_000_000 });
  });
  it("a sum of counts: 3个…和1个… is 4 jobs → 2.4万 + 4 × 2000 = 3.2万", () => {
    expect(award("countSum", "pingyin-2020:三/(二)/1")).toMatchObject({ eligible: true, amountFen: 3_200_000 });
  });
  it("a sum of costs: 60k + 70k = 13万 × 50% = 6.5万 (70k alone would be 3.5万)", () => {
    expect(award("sum", "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 6_500_000 });
    expect(answers.sum!.text).toContain("60k");
  });
});
