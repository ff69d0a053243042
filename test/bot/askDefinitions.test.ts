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
    negotiated: ["平阴 有个投资五个多亿的电商物流园想落在平阴 奖补能单独谈不"],
    freeOffice: ["我们没经过平阴电商领导小组批准 自己在电商基地里租了两间房 房租能不能也免了"],
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

  it("answers 能单独谈不 with the 一事一议 clause, though the project's subject (物流) has no provision there", () => {
    const a = answers.negotiated!;
    expect(a.citations.map((c) => c.clause)).toContain("pingyin-2020:三/(七)");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });
});

describe("ask --json: free office space in the 电商基地", () => {
  it("quotes the clause with its approval condition (经县电商产业发展领导小组批准), no rent award", () => {
    const a = answers.freeOffice!;
    expect(a.citations.map((c) => c.clause)).toContain("pingyin-2020:三/(一)/2");
    expect(a.text).toContain("经县电商产业发展领导小组批准");
    expect(a.awards.every((x) => x.amountFen === null)).toBe(true);
  });
});
