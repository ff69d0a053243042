/**
 * What a turn is answered with, through `ask --json` as a user would ask: facts given after a question how to
 * apply ask what they give; a standard asked with the asker's figures is the definition's, a question for money
 * the award's; who guides a matter is the duty sentence naming it, not the application steps; the sentence a
 * shortened quote cuts off is quoted when the question asks about it; a cost the clause excludes is said not paid;
 * a follow-up that names nothing stays on the provision asked about.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    factsAfterApply: ["平阴 开网店奖励怎么申请", "我们是企业 天猫旗舰店 开了两年了"],
    standardWithFigures: ["平阴 我们村去年网上卖了一千二百万 这达到中国淘宝村的标准没"],
    standardBySales: ["平阴 淘宝镇的认定标准是啥 网上一年要卖多少"],
    moneyForTitle: ["平阴 我们镇要是评上了中国淘宝镇 给多少钱"],
    guidance: ["平阴 电商企业上规入库的事 归哪个部门指导"],
    deadline: ["平阴 电商扶持项目的初审 每年最晚啥时候弄完"],
    excludedCost: ["叶集 建公共服务中心 土建部分花了80万 这个有补助没"],
    followUpNamingNothing: ["汨罗 示范企业奖励怎么算", "评上了能给多少"],
  });
}, 120_000);

const cited = (a: Answer) => a.citations.map((c) => c.clause);

describe("ask --json: facts after a question how to apply", () => {
  it("answers what the facts give instead of repeating the application steps", () => {
    const a = answers.factsAfterApply!;
    expect(a.awards.map((x) => x.clause)).toContain("pingyin-2020:三/(二)/3");
    expect(a.text).not.toContain("怎么申报");
  });
});

describe("ask --json: a standard asked, or money for a title", () => {
  it("quotes the definition of the title when the asker asks whether figures meet its standard", () => {
    expect(cited(answers.standardWithFigures!)).toContain("pingyin-2020:附件2/2");
    expect(answers.standardWithFigures!.awards.every((x) => x.eligible !== true)).toBe(true);
    expect(cited(answers.standardBySales!)).toContain("pingyin-2020:附件2/3");
    expect(answers.standardBySales!.text).toContain("3000万");
  });

  it("answers a question for money with the award for the title, not its definition", () => {
    const a = answers.moneyForTitle!;
    expect(cited(a)).toContain("pingyin-2020:三/(三)/1");
    expect(a.text).toContain("30万");
  });
});

describe("ask --json: who guides a matter", () => {
  it("quotes the duty sentence naming the matter, not the application steps", () => {
    const a = answers.guidance!;
    expect(a.citations.some((c) => c.quote.includes("统计局"))).toBe(true);
    expect(a.text).not.toContain("怎么申报");
  });
});

describe("ask --json: what a shortened quote leaves out", () => {
  it("quotes the sentence the question points at when the shown quote cuts it off", () => {
    expect(answers.deadline!.citations.some((c) => c.clause === "pingyin-2020:四/(二)" && c.quote.startsWith("每年1月底前"))).toBe(true);
  });
});

describe("ask --json: a cost the clause excludes", () => {
  it("answers with the clause that excludes it, says it is not paid, and computes nothing on it", () => {
    const a = answers.excludedCost!;
    expect(a.awards.map((x) => x.clause)).toContain("yeji-2017:五/9");
    expect(a.text).toContain("不含土建");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });
});

describe("ask --json: a follow-up that names nothing", () => {
  it("stays on the provision asked about, not one only the meaning search proposes (评上了能给多少)", () => {
    const a = answers.followUpNamingNothing!;
    expect(a.awards.map((x) => x.clause)).toContain("miluo-2017:三/(三)/4");
    expect(a.awards.some((x) => x.clause === "miluo-2017:三/(三)/11" && x.eligible === true)).toBe(false);
  });
});
