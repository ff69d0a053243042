import { describe, expect, it } from "vitest";
import { definingPassage, formsOf, termAsked, termsOf } from "../../../bot/understanding/definitions.js";

const clauses = [
  { id: "x:附件/2", text: "2.“中国淘宝村”：(1)经营场所:在农村地区;(2)销售规模:年网络零售额超过1000万元。" },
  { id: "x:附件/3", text: "3.“中国淘宝镇”：(1)1个镇的淘宝村大于或等于3个。" },
  { id: "x:附件/4", text: "4.“电商示范镇(村)”：辖区内商家进行产品网上交易的镇(村)。" },
  { id: "x:二/2", text: "2．加快“两中心、一站点”建设。根据“三个全覆盖”的要求，即：公共服务全覆盖、物流配套全覆盖，推进“两中心、一站点”建设。全面建成公共服务中心；建成物流配送中心。另一句。" },
];
const terms = termsOf(clauses);
const asked = (text: string) => termAsked(text, terms)?.clauseId;

describe("terms of a document", () => {
  it("reads a definition list and coined names in quotes, each from its own clause", () => {
    expect(terms.filter((t) => t.defines).map((t) => t.term)).toEqual(["中国淘宝村", "中国淘宝镇", "电商示范镇(村)"]);
    expect(terms.find((t) => t.term === "两中心、一站点")).toMatchObject({ clauseId: "x:二/2", defines: false });
    expect(formsOf("电商示范镇(村)")).toEqual(["电商示范镇", "电商示范村"]);
  });

  it("finds the term a meaning question names, written without the document's marks or by its head noun", () => {
    expect(asked("两中心一站点到底指的是什么")).toBe("x:二/2");
    expect(asked("三个全覆盖包括哪些")).toBe("x:二/2");
    expect(asked("评上淘宝村得满足什么条件")).toBe("x:附件/2");
    expect(asked("淘宝镇的认定标准是什么")).toBe("x:附件/3");
    expect(asked("电商示范村要啥条件")).toBe("x:附件/4");
    expect(asked("淘宝镇咋认定的")).toBe("x:附件/3");
  });

  it("of two terms named alike, takes the one named first, the subject (淘宝镇…几个淘宝村)", () => {
    expect(asked("淘宝镇咋认定的 一个镇得有几个淘宝村才行")).toBe("x:附件/3");
    expect(asked("评淘宝村要啥条件 我们镇有两个淘宝村了 离淘宝镇还差多少")).toBe("x:附件/2");
  });

  it("finds a standard asked as whether the asker's figures meet it", () => {
    expect(asked("镇上一年网上卖了五千万 够得上淘宝镇的标准吗")).toBe("x:附件/3");
    expect(asked("我们这个村符合淘宝村条件没")).toBe("x:附件/2");
    expect(asked("达到电商示范村的标准了吗")).toBe("x:附件/4");
  });

  it("leaves a meaning cue to other questions when only a standard may be asked", () => {
    expect(termAsked("要培育多少家淘宝镇 目标是啥", terms, true)).toBeUndefined();
    expect(termAsked("淘宝镇的认定标准是啥 一年要卖多少", terms, true)?.clauseId).toBe("x:附件/3");
  });

  it("leaves amount questions and standards of terms the document only names to the provisions", () => {
    expect(asked("淘宝村能奖多少")).toBeUndefined();
    expect(asked("两中心一站点要啥条件")).toBeUndefined();
  });

  it("quotes the sentence defining the term, or the last mention and the sentence after it", () => {
    const byTerm = (term: string) => terms.find((t) => t.term === term)!;
    expect(definingPassage(clauses[3]!.text, byTerm("三个全覆盖"))).toBe("根据“三个全覆盖”的要求，即：公共服务全覆盖、物流配套全覆盖，推进“两中心、一站点”建设。");
    expect(definingPassage(clauses[3]!.text, byTerm("两中心、一站点"))).toBe("根据“三个全覆盖”的要求，即：公共服务全覆盖、物流配套全覆盖，推进“两中心、一站点”建设。全面建成公共服务中心；建成物流配送中心。");
  });
});
