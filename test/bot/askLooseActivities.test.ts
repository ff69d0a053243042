/**
 * The activity a provision is for, written more loosely than the vocabulary's words, through `ask --json`: once
 * selection has chosen the provision, "直播带货大赛" is its 直播大赛 and "物流配送" its 物流配送体系, so the bot computes
 * instead of asking for the 扶持事项. Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    contest: ["东营 我们协会2022年办了一场网红直播带货大赛 花了6万块 能补多少"],
    logistics: ["叶集 我们是供销社 搞面向农村电商的物流配送 新增固定资产和软件投了50万 补多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: the chosen provision's activity in looser words", () => {
  it("reads 直播带货大赛 as the live-streaming contest: 80% of 6万 = 4.8万, with the user's words beside the clause's", () => {
    const a = award("contest", "dongying-2020:三/(五)");
    expect(a, answers.contest!.text).toMatchObject({ eligible: true, amountFen: 4_800_000 });
    expect(answers.contest!.text).toContain("你说“直播带货大赛”");
    expect(answers.contest!.missing).not.toContain("activity");
  });

  it("reads 物流配送 as the rural logistics system: 30% of 50万 = 15万", () => {
    expect(award("logistics", "yeji-2017:五/10"), answers.logistics!.text).toMatchObject({ eligible: true, amountFen: 15_000_000 });
  });
});
