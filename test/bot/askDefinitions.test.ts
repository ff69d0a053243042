/** Meaning and standard questions about the document's own terms, and case-by-case (一事一议) questions, through `ask --json`. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    coinedName: ["叶集文件里的两中心一站点 具体指的什么"],
    listedStandard: ["平阴 我们村想评中国淘宝村 得满足什么条件"],
    otherStandard: ["平阴的淘宝镇 认定标准是啥"],
    bigProject: ["平阴 有个投资好几亿的电商产业园重点项目 能享受什么特殊扶持"],
  });
}, 120_000);

describe("ask --json: what a term of the document means", () => {
  it("quotes the clause that explains a coined name, with no award", () => {
    const a = answers.coinedName!;
    expect(a.awards).toEqual([]);
    expect(a.citations.some((c) => c.clause === "yeji-2017:二/2" && c.quote.includes("公共服务中心") && c.quote.includes("物流配送中心"))).toBe(true);
  });

  it("answers a standard question with the definition of that title, not of a neighbouring one", () => {
    expect(answers.listedStandard!.citations.map((c) => c.clause)).toContain("pingyin-2020:附件2/2");
    expect(answers.listedStandard!.text).toContain("1000万");
    expect(answers.otherStandard!.citations.map((c) => c.clause)).toContain("pingyin-2020:附件2/3");
    for (const id of ["listedStandard", "otherStandard"]) expect(answers[id]!.awards.every((a) => a.eligible !== true), id).toBe(true);
  });
});

describe("ask --json: special treatment for a big project", () => {
  it("answers with the 一事一议 clause and no amount", () => {
    const a = answers.bigProject!;
    expect(a.text).toContain("一事一议");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });
});
