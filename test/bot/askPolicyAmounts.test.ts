/**
 * Amount questions a careful adviser answers directly, through `ask --json`: the policy's own most asked
 * with no figure of the asker's, spending stated per event ("三回 每回都花了8万"), a rent support per year and
 * month beside its 3-year total, and a 首次突破 award only
 * once the first crossing is said (or the best earlier year is).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const FIRST_CROSSING = "汨罗 网上卖本地产品 在汨罗注册的 2018年销售收入突破500万了 奖多少";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    eachEvent: ["东营 直播大赛 一场最多给多少"],
    perYear: ["东营 直播大赛补贴 每年最多能拿多少"],
    cityBudget: ["聊城 流量补贴全市一共给多少"],
    ownFigures: ["东营 直播大赛花了8万 最多能补多少"],
    threeEvents: ["东营 我们商会2021年办了三回直播大赛 每回都花了8万"],
    rentPerYear: ["叶集 公司入园租了200平米办公 房租一年补多少"],
    firstTimeUnsaid: [FIRST_CROSSING],
    firstTimeSaid: [FIRST_CROSSING, "对 是第一次"],
  });
}, 180_000);

const CONTEST = "dongying-2020:三/(五)";
const BREAKTHROUGH = "miluo-2017:三/(三)/10";

describe("ask --json: the policy's most, asked before any figure", () => {
  it("states the clause's limits, the asked scope first, and only then asks for the asker's spend", () => {
    const each = answers.eachEvent!;
    expect(each.text).toMatch(/条文写的上限：“每次活动不超过5万元”，“年内累计不超过10万元”/);
    expect(each.text.indexOf("条文写的上限")).toBeLessThan(each.text.indexOf("告诉我实际发生费用"));
    expect(each.citations.some((c) => c.clause === CONTEST)).toBe(true);
    expect(answers.perYear!.text).toMatch(/条文写的上限：“年内累计不超过10万元”，“每次活动不超过5万元”/);
  });
  it("gives the area's budget for 全市一共, the per-company cap after it, and no amount as the asker's", () => {
    const a = answers.cityBudget!;
    expect(a.text).toMatch(/条文写的上限：“全市补贴总额不超过200万元”，“每家企业最高补贴40万元”/);
    expect(a.awards.every((x) => x.amountFen === null || x.trace[0]!.startsWith("按条文"))).toBe(true);
  });
  it("computes the asker's own figure when they give one (最多能补多少 with 花了8万 is 8万 × 80% = 6.4万 → 5万)", () => {
    const award = answers.ownFigures!.awards.find((x) => x.clause === CONTEST);
    expect(award?.amountFen).toBe(5_000_000);
    expect(answers.ownFigures!.text).not.toContain("条文写的上限");
  });
});

describe("ask --json: spending per event", () => {
  it("三回 每回都花了8万 is three events capped at 5万 each, 10万 for the year", () => {
    const award = answers.threeEvents!.awards.find((x) => x.clause === CONTEST);
    expect(award?.eligible).toBe(true);
    expect(award?.amountFen).toBe(10_000_000);
  });
});

describe("ask --json: 首次突破 is the provision's own condition", () => {
  it("is asked when the asker never said it was the first time: no award yet", () => {
    const a = answers.firstTimeUnsaid!;
    expect(a.awards.some((x) => x.clause === BREAKTHROUGH && x.eligible === true)).toBe(false);
    expect(a.missing).toContain("firstTimeReached");
    expect(a.text).toContain("是否首次突破该档次");
  });
  it("gives the tier's award once the asker says it was the first time (500万 → 2万元)", () => {
    const award = answers.firstTimeSaid!.awards.find((x) => x.clause === BREAKTHROUGH);
    expect(award).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
});


describe("ask --json: a support paid over time", () => {
  it("gives the engine's amount per year and per month beside the 3-year total (每月每平方米15元 × 200平米)", () => {
    const a = answers.rentPerYear!;
    const award = a.awards.find((x) => x.clause === "yeji-2017:五/10");
    expect(award).toMatchObject({ eligible: true, amountFen: 10_800_000 });
    expect(a.text).toContain("折合每年3.6万元、每月3000元");
    expect(award!.trace.join("\n")).toContain("每年：15元 × 200平方米（租赁建筑面积） × 12（月） = 3.6万元");
  });
});
