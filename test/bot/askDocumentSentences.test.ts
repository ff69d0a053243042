/** Questions answered by one sentence of the document (an aim, a duty, a sanction) and apply-vs-validity, through `ask --json`. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    purpose: ["聊城 这个措施的总体方向是啥"],
    aimFigure: ["汨罗 到2020年电子商务交易额打算做到多少"],
    duty: ["平阴 物流配送这块归哪个部门管"],
    sanction: ["平阴 要是骗补贴被发现了 会怎么样"],
    sanctionLater: ["平阴 去年申报的时候数据报多了 被查到了 今后还能申报吗"],
    ownRecord: ["平阴 我们公司2021年网上卖了1500万 前年偷税漏税被罚过 还能拿奖励吗"],
    applyDeadline: ["平阴 奖励找谁报 审批有截止日期吗"],
  });
}, 120_000);

const cites = (a: Answer, clause: string, words: string) => a.citations.some((c) => c.clause === clause && c.quote.includes(words));

describe("ask --json: what the document aims at", () => {
  it("answers a question with no subject of its own by the document's overall aim, with no award", () => {
    expect(answers.purpose!.awards.every((a) => a.eligible === null && a.amountFen === null)).toBe(true);
    expect(cites(answers.purpose!, "liaocheng-2022:一", "350亿元")).toBe(true);
    expect(answers.purpose!.text).toContain("不是奖励或补贴");
  });

  it("quotes the target a question's words point at, its figure standing in the quote", () => {
    expect(answers.aimFigure!.text).toContain("76亿");
    expect(answers.aimFigure!.awards).toEqual([]);
  });
});

describe("ask --json: who is responsible, and what follows a wrongdoing", () => {
  it("quotes the duty of the department the question asks about", () => {
    expect(cites(answers.duty!, "pingyin-2020:五/(三)", "物流配送")).toBe(true);
  });

  it("answers whether one may apply again after falsified figures with the sanction's period, not the policy's validity", () => {
    expect(cites(answers.sanctionLater!, "pingyin-2020:四/(一)", "3年内不得享受")).toBe(true);
    expect(answers.sanctionLater!.awards).toEqual([]);
  });

  it("quotes the sanction for falsified applications", () => {
    expect(cites(answers.sanction!, "pingyin-2020:四/(一)", "取消当年扶持资格")).toBe(true);
    expect(answers.sanction!.awards).toEqual([]);
  });

  it("still decides an award for an asker telling their own record", () => {
    expect(answers.ownRecord!.awards.some((a) => a.eligible === false)).toBe(true);
    expect(answers.ownRecord!.awards.every((a) => a.eligible !== true)).toBe(true);
  });
});

describe("ask --json: a deadline asked beside how to apply", () => {
  it("is the application's: the procedure answers, the policy's period still stated", () => {
    expect(answers.applyDeadline!.text).toContain("商务信息中心");
    expect(answers.applyDeadline!.citations.some((c) => c.clause === "pingyin-2020:四/(二)")).toBe(true);
    expect(answers.applyDeadline!.text).toContain("有效期至2022年12月31日");
  });
});
