/**
 * Number forms that were left unread or misread, through `ask --json`: figures listed after 分别, a figure
 * restated more precisely (突破500万 五百二三十万), money passed for the first time with no noun, a rank among
 * a named group, people taken on after training elsewhere. Each answer flips when the form is misread.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    respectively: ["东营 我们商会2021年搞了两场直播大赛 分别花了4万 7万 能补多少"],
    restated: ["叶集 我在淘宝开的个人店 开了两年了 2018年销售额头一次突破500万 五百二三十万的样子 有奖励吗"],
    milestone: ["汨罗 我们合作社网上卖本地黄花菜 2020年第一次突破500万 奖多少"],
    rankAmong: ["汨罗 乡镇有啥奖励", "我们镇农产品网上交易额排在全市各乡镇第三"],
    hires: ["聊城 我们跨境电商公司2023年录用了12名院校实训毕业的学生 社保都交满半年了 吸纳就业奖励有吗"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: number forms read as the user meant them", () => {
  it("分别花了4万 7万: two events, 3.2万 + 5万 (capped) = 8.2万; the first alone would be 3.2万", () => {
    expect(award("respectively", "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 8_200_000 });
    expect(answers.respectively!.text).toContain("7万");
  });
  it("突破500万 五百二三十万: sales of 520–530万 give the 500万 tier (5万), not a question", () => {
    expect(answers.restated!.status).toBe("answered");
    expect(award("restated", "yeji-2017:五/14")).toMatchObject({ eligible: true, amountFen: 5_000_000 });
  });
  it("第一次突破500万 with no noun is the sales milestone: 2万 (黄花菜 names no spend)", () => {
    expect(award("milestone", "miluo-2017:三/(三)/10")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
  it("排在全市各乡镇第三 is rank 3: 1万", () => {
    expect(award("rankAmong", "miluo-2017:四/(三)")).toMatchObject({ eligible: true, amountFen: 1_000_000 });
  });
  it("录用了12名院校实训毕业的学生 are 12 trained hires: the 10人以上 line is met", () => {
    expect(award("hires", "liaocheng-2022:九")).toMatchObject({ eligible: true, amountFen: 10_000_000 });
  });
});

describe("ask --json: an activity year outside the policy's period", () => {
  let period: Record<string, Answer>;
  beforeAll(async () => {
    period = await askJson({
      after: ["东营 我们商会2024年办了一场直播大赛 花了6万 能补多少"],
      before: ["平阴 我们公司2019年网络零售额1500万 能拿多少奖励"],
      inside: ["东营 我们商会2022年办了一场直播大赛 花了6万 能补多少"],
      relative: ["平阴 我们公司去年网络零售额1500万 能拿多少奖励"],
    }, "2026-12-01");
  }, 180_000);
  const of = (id: string, clause: string) => period[id]!.awards.find((a) => a.clause === clause);
  it("2024 under 东营 (有效期至2023年6月27日) is not eligible: the year is named, the period quoted in the trace", () => {
    const a = of("after", "dongying-2020:三/(五)")!;
    expect(a).toMatchObject({ eligible: false, amountFen: null, inForce: false });
    expect(a.trace.join("\n")).toContain("有效期至2023年6月27日");
    expect(period.after!.text).toContain("不在政策有效期内");
  });
  it("2019 under 平阴 (from 2020年1月1日) is not eligible either", () => {
    expect(of("before", "pingyin-2020:三/(四)")).toMatchObject({ eligible: false, amountFen: null });
  });
  it("2022 under 东营 is computed: 4.8万", () => {
    expect(of("inside", "dongying-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 4_800_000, inForce: true });
  });
  it("a year counted from today (去年) keeps today's behaviour: the award computed, its status stated", () => {
    expect(of("relative", "pingyin-2020:三/(四)")).toMatchObject({ eligible: true, amountFen: 20_000_000, inForce: false });
  });
});
