/**
 * "怎么算 / 怎么计算 / 怎么规定的" asked with no facts of the asker's, through `ask --json` as a user would: the
 * reply explains the rule (whom it is for, its conditions and how the amount is set, in the clause's words)
 * and gives a worked example labelled as one; `awards` reports no eligible amount for the asker.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { numberGuard } from "../../bot/numberGuard.js";
import { askJson } from "./support/askJson.js";

const CASES = {
  single: ["平阴带货达人奖励怎么算"],
  tiers: ["平阴 电商企业做大做强奖励怎么计算"],
  ranks: ["东营 电商龙头企业奖励怎么算"],
  formula: ["平阴小微型电商企业创业补贴怎么算"],
  noFigure: ["平阴 重大项目一事一议是怎么规定的"],
  claim: ["平阴带货达人奖励是50万元，对吧"],
  ownFigures: ["平阴带货达人奖励怎么算", "我有12万粉丝 2021年卖了150万"],
};

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(CASES);
}, 120_000);

const grounded = (a: Answer, turns: readonly string[]) =>
  numberGuard(a.text, {
    userTexts: turns,
    quotes: a.citations.map((c) => c.quote),
    amountsFen: a.awards.flatMap((x) => (x.amountFen === null ? [] : [x.amountFen])),
    extraTexts: a.awards.flatMap((x) => [...x.trace, ...x.conditions]),
    awardAmountsFen: a.awards.flatMap((x) => (x.eligible === true && x.amountFen !== null ? [x.amountFen] : [])),
  }).ungrounded;

describe("ask --json: a plain 怎么算 question is answered with the rule, then an example labelled as one", () => {
  it("states whom the provision is for, its conditions and the amount in the clause's words", () => {
    const a = answers.single!;
    expect(a.status).toBe("answered");
    expect(a.text).toContain("适用对象：带货达人");
    expect(a.text).toContain("条件：达到10万粉丝；年网络零售额100万元以上");
    expect(a.text).toMatch(/金额（条文写的是最高额，不是承诺）：2万元/);
  });

  it("labels the worked example as an example, not the asker's amount", () => {
    expect(answers.single!.text).toMatch(/举例（仅为说明，不是你的金额）：[^\n]*粉丝数10万[^\n]*的带货达人，按条文最高2万元/);
  });

  it("reports the described provision as undecided with no amount in awards, the example kept in its trace", () => {
    for (const id of ["single", "tiers", "ranks", "formula", "noFigure"] as const) {
      const a = answers[id]!;
      expect(a.awards.length, id).toBeGreaterThan(0);
      expect(a.awards.filter((x) => x.eligible === true || x.amountFen !== null), id).toEqual([]);
    }
    expect(answers.single!.awards[0]!.trace[0]).toContain("按条文举例");
  });

  it("lists every tier and rank band with its threshold as the clause writes it", () => {
    expect(answers.tiers!.text).toContain("年网络零售额达到1000万元：20万元；年网络零售额达到2000万元：40万元；年网络零售额达到5000万元：100万元");
    expect(answers.ranks!.text).toContain("第1名50万元，第2名30万元，第3名20万元");
  });

  it("gives the formula of a provision with parts, and the reason of one with no fixed figure, with no example", () => {
    expect(answers.formula!.text).toMatch(/金额：2.4万元 \+ [^\n“]*“每个岗位2000元”/);
    expect(answers.noFigure!.text).toContain("没有固定金额");
    expect(answers.formula!.text + answers.noFigure!.text).not.toContain("举例");
  });

  it("keeps every number grounded and none presented as the asker's award", () => {
    for (const [id, turns] of Object.entries(CASES)) expect(grounded(answers[id]!, turns), id).toEqual([]);
  });

  it("still answers a claimed amount with the provision's figure", () => {
    const a = answers.claim!;
    expect(a.text).toContain("带货达人线上销售奖励的金额上限是2万元，不是你说的50万元");
    expect(a.awards.find((x) => x.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });

  it("computes the asker's own award once they give their figures", () => {
    expect(answers.ownFigures!.awards.find((x) => x.clause === "pingyin-2020:三/(三)/3")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
});
