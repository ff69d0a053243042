/**
 * Questions about clauses that give no money to the asker — the county's yearly fund, land use for a logistics
 * centre — answered with that clause quoted, through `ask --json`. Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    fund: ["汨罗市财政每年拿出多少钱支持电商"],
    landUse: ["聊城 拿自己的旧仓库和厂房改建县域快递配送中心 土地性质需要变更吗"],
  });
}, 180_000);

describe("ask --json: a clause without money for the asker", () => {
  it("answers how much the city sets aside each year with its fund clause, no award", () => {
    expect(answers.fund!.citations.map((c) => c.clause)).toContain("miluo-2017:三/(一)");
    expect(answers.fund!.text).toContain("300万元");
    expect(answers.fund!.awards.every((a) => a.eligible !== true)).toBe(true);
  });

  it("answers whether the land use must change with the land clause (5年内保持土地原用途)", () => {
    expect(answers.landUse!.text).toContain("5年内保持土地原用途");
    expect(answers.landUse!.awards.every((a) => a.eligible !== true)).toBe(true);
  });
});
