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
    documentOnDelivery: ["叶集 社区共同配送 政策上有啥说法"],
    documentOnRuralSites: ["叶集 乡村电商网点除了卖货还能干啥 文件里咋写的"],
    documentOnRoads: ["叶集 宽带网络和农村公路这块 文件里怎么说的"],
    documentOnExports: ["聊城的外贸企业想做出口转内销 上电商平台卖 这个措施里咋说的"],
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

describe("ask --json: what the document says about a subject whose leading clause holds no provision", () => {
  it("quotes that clause, and names the provisions paying for the subject after it without evaluating them", () => {
    const delivery = answers.documentOnDelivery!;
    expect(delivery.citations.map((c) => c.clause)).toContain("yeji-2017:四/8");
    expect(delivery.text).toContain("农村电商物流配送体系建设补助");
    expect(delivery.awards).toEqual([]);
    const sites = answers.documentOnRuralSites!;
    expect(sites.citations.map((c) => c.clause)).toContain("yeji-2017:二/4");
    expect(sites.text).toContain("代收代发快递");
    expect(sites.text).toContain("农村电商服务网点建设补助");
  });

  it("quotes a short clause whole", () => {
    expect(answers.documentOnRoads!.text).toContain("实现重点公共区域免费无线网络全覆盖");
    // Its last sentence too: the question asks what the text says, so the quote is not cut to its first sentences.
    expect(answers.documentOnExports!.text).toContain("开展出口产品转内销业务");
  });
});
