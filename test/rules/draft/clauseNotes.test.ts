/** Clause notes read off a document's text for a policy whose staff wrote none: its procedure and its definitions. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../knowledge/parseClauses.js";
import { textNotes } from "../../../rules/draft/clauseNotes.js";

const notesOf = (id: string, text: string) => textNotes(parseClauses(id, text));
const fixture = (folder: string, id: string) => readFileSync(new URL(`../../fixtures/${folder}/${id}.txt`, import.meta.url), "utf8");

describe("textNotes", () => {
  it("finds the procedure of a 第X条 document: what to hand in, who reviews, the 公示 before payment", () => {
    const notes = notesOf("huoshan-2024", fixture("unseen-policies-2", "huoshan-2024"));
    const procedures = notes.filter((n) => n.kind === "procedure");
    expect(procedures.map((n) => n.clause)).toEqual(["huoshan-2024:第十一条"]);
    expect(procedures[0]!.quote).toMatch(/^申请本政策奖补资金的企业.*无异议后拨付资金。$/);
    expect(procedures[0]!.keywords).toEqual(expect.arrayContaining(["申请", "材料", "审核", "公示"]));
  });

  it("reads an article stating the programme's yearly budget as a fund note, and no award sentence as one", () => {
    const notes = notesOf("x-2030", "某县电商扶持办法\n第二条 县财政每年安排扶持资金500万元，由县商务局会同县财政局管理。\n第三条 对年网络零售额500万元以上的企业，从专项资金中给予奖励5万元。\n");
    expect(notes).toEqual([{ clause: "x-2030:第二条", kind: "fund", title: "扶持资金", quote: "县财政每年安排扶持资金500万元，由县商务局会同县财政局管理。", keywords: ["扶持资金"] }]);
  });

  it("does not take a rule of conduct that names 申报 and 拨付 (弄虚作假…追回) for the procedure", () => {
    const notes = notesOf("huoshan-2024", fixture("unseen-policies-2", "huoshan-2024"));
    expect(notes.find((n) => n.clause === "huoshan-2024:第十二条")).toBeUndefined();
  });

  it("reads each definition of an attachment as its own note, quoting its line", () => {
    const notes = notesOf("xunwu-2021", fixture("unseen-policies-2", "xunwu-2021"));
    expect(notes.filter((n) => n.kind === "definition")).toEqual([
      { clause: "xunwu-2021:附件2", kind: "definition", title: "“网络零售额”的含义", quote: "网络零售额：指通过网络平台实现的实物商品零售额，不含服务类、虚拟商品销售额。", keywords: ["网络零售额"] },
    ]);
  });

  it("reads 本办法所称…是指 as a definition and never makes a note of a clause that gives money", () => {
    const notes = notesOf("yinan-2025", fixture("unseen-policies", "yinan-2025"));
    expect(notes.find((n) => n.clause === "yinan-2025:第一章/第二条")).toMatchObject({ kind: "definition", keywords: ["项目资金"] });
    expect(notes.find((n) => n.clause === "yinan-2025:第三章/第十一条")).toMatchObject({ kind: "procedure" });
    const money = /给予\d|补助\d|奖励\d|\d+(?:\.\d+)?万?元(?:补助|奖励)/;
    expect(notes.filter((n) => money.test(n.quote))).toEqual([]);
  });

  it("reads an attachment titled 申报材料清单 as the procedure and one titled …认定标准 as what the title means, quoting their items", () => {
    const notes = notesOf("wugong-2026", fixture("unseen-policies-3", "wugong-2026"));
    expect(notes.find((n) => n.clause === "wugong-2026:附件2")).toMatchObject({ kind: "procedure", title: "申报材料清单" });
    expect(notes.find((n) => n.clause === "wugong-2026:附件1")).toMatchObject({ kind: "definition", keywords: expect.arrayContaining(["电商示范村条件"]) });
    expect(notes.find((n) => n.clause === "wugong-2026:附件1")!.quote).toContain("（二）年农产品网络销售额达到500万元以上；");
  });

  it("does not take 申报材料弄虚作假的，不予扶持 for the procedure", () => {
    const notes = notesOf("wugong-2026", fixture("unseen-policies-3", "wugong-2026"));
    expect(notes.filter((n) => n.kind === "procedure").map((n) => n.clause)).toEqual(["wugong-2026:附件2"]);
  });

  it("quotes every note verbatim from its clause", () => {
    for (const [folder, id] of [["unseen-policies-2", "yunxi-2025"], ["unseen-policies-2", "huoshan-2024"], ["unseen-policies", "qinghe-2021"], ["unseen-policies-3", "wugong-2026"]] as const) {
      const clauses = parseClauses(id, fixture(folder, id));
      for (const n of textNotes(clauses)) expect(clauses.find((c) => c.id === n.clause)!.text).toContain(n.quote);
    }
  });
});
