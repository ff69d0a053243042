/**
 * When the activity took place, through `ask --json`: the month written with its year decides a policy that ended
 * mid-year, and a tier an earlier year already crossed is no first crossing even when the later year's figure has
 * no noun of its own ("…2021年也是五百来万"). Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    contestAfterEnd: ["东营 我们商会2023年8月承办了一场电商直播大赛 实际花了6万 能补多少"],
    contestBeforeEnd: ["东营 我们商会2023年4月承办了一场电商直播大赛 实际花了6万 能补多少"],
    contestYearOnly: ["东营 我们商会2023年承办了一场电商直播大赛 实际花了6万 能补多少"],
    monthCorrected: ["东营 我们商会2023年8月承办了一场电商直播大赛 实际花了6万 能补多少", "不对 是2023年4月办的"],
    crossedBefore: ["汨罗 2020年网上卖本地大米卖了五百多万 2021年也是五百来万 首次突破的奖能拿吗"],
    newThatYear: ["平阴 我们公司是2022年新注册的 网上卖了七十来万 全县排第六 奖多少"],
  }, "2026-12-02");
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);
const CONTEST = "dongying-2020:三/(五)";

describe("ask --json: the activity's month against a mid-year end", () => {
  it("a contest in August 2023, after 东营's end on 2023-06-27, is ❌ with the end date, no 4万", () => {
    expect(award("contestAfterEnd", CONTEST)).toMatchObject({ eligible: false, amountFen: null, inForce: false });
    expect(answers.contestAfterEnd!.text).toContain("有效期至2023年6月27日");
    expect(answers.contestAfterEnd!.text).toContain("2023年8月已不在有效期内");
  });
  it("a contest in April 2023 is inside the period: 80% of 6万 = 4.8万 (under the 5万 per event)", () => {
    expect(award("contestBeforeEnd", CONTEST)).toMatchObject({ eligible: true, amountFen: 4_800_000, inForce: true });
    expect(answers.contestBeforeEnd!.text).toContain("2023年4月在有效期内");
  });
  it("the year alone still overlaps the period: the award is computed as before", () => {
    expect(award("contestYearOnly", CONTEST)).toMatchObject({ eligible: true, amountFen: 4_800_000 });
  });
  it("a corrected month is judged again", () => {
    expect(award("monthCorrected", CONTEST)).toMatchObject({ eligible: true, amountFen: 4_800_000 });
  });
});

describe("ask --json: a tier crossed in an earlier year, the later figure set beside it by 也/还", () => {
  it("五百多万 in 2020 and 五百来万 in 2021: the 500万 tier is no first crossing in 2021 → ❌, not 2万", () => {
    expect(award("crossedBefore", "miluo-2017:三/(三)/10")).toMatchObject({ eligible: false, amountFen: null });
    expect(answers.crossedBefore!.text).toContain("以前年度已经突破过");
  });
});

describe("ask --json: a business new in a year the user names", () => {
  it("takes that year as the year asked about, so 平阴's award for 2022 is in force then (✅ 1万, not ⚠️ out of its period)", () => {
    const a = award("newThatYear", "pingyin-2020:三/(二)/2");
    expect(a?.eligible).toBe(true);
    expect(a?.amountFen).toBe(1_000_000);
    expect(a?.inForce).toBe(true);
  });
});
