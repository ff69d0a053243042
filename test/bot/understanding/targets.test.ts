import { describe, expect, it } from "vitest";
import { asksTarget, targetAsked, targetSentences } from "../../../bot/understanding/targets.js";

const clause = (id: string, title: string, text: string) => ({ id, text, headingPath: [title], childIds: [] as string[] });
const doc = [
  clause("x:一", "指导思想", "一、指导思想\n以改革创新为动力，培育壮大电商经营主体，打造电商产业基地。"),
  clause("x:二", "发展农村电商", "（二）发展农村电商。支持合作社开网店。到2025年，全县建成30个电商村、5个电商镇。"),
  clause("x:三", "完善物流", "（三）完善物流。整合快递资源，快递服务网点实现行政村全覆盖。"),
  clause("x:四", "奖励", "（四）奖励。对年网络零售额超过500万元的企业奖励5万元。"),
];
const sentences = targetSentences(doc);

describe("aims of a document", () => {
  it("are the sentences with a target year, 力争, 确保 or 全覆盖, and every sentence under a purpose heading", () => {
    expect(sentences.map((s) => s.clauseId)).toEqual(["x:一", "x:二", "x:三"]);
    expect(sentences[0]!.sentence).toBe("以改革创新为动力，培育壮大电商经营主体，打造电商产业基地。");
    expect(sentences.every((s) => !s.sentence.includes("奖励5万元"))).toBe(true);
  });

  it("quote a long sentence from the comma-part stating its aim, verbatim", () => {
    const long = `${"认真贯彻落实有关精神，完善支撑体系，强化政策支持，优化发展环境，".repeat(4)}确保主要指标达到全市平均水平。`;
    const [s] = targetSentences([clause("y:1", "推动融合", long)]);
    expect(s!.sentence).toBe("确保主要指标达到全市平均水平。");
    expect(long.includes(s!.sentence)).toBe(true);
  });
});

describe("a question about the document's aims", () => {
  it("is told from one about the asker's own plans or money", () => {
    for (const q of ["这个文件大方向是啥", "电商村打算评多少个", "全县零售额要冲到多少", "网点要建到哪一级"]) expect(asksTarget(q), q).toBe(true);
    for (const q of ["我们计划建几个站点 能补多少", "电商村奖励多少", "开网店有补贴吗"]) expect(asksTarget(q), q).toBe(false);
  });

  it("gets the aim its words point at", () => {
    expect(targetAsked("电商村打算建多少个", sentences)?.sentence).toContain("30个电商村");
    expect(targetAsked("快递网点要覆盖到哪", sentences)?.clauseId).toBe("x:三");
  });

  it("with no subject of its own gets the document's purpose", () => {
    expect(targetAsked("主要想干啥 大方向是啥", sentences)?.clauseId).toBe("x:一");
  });

  it("naming a subject no aim speaks of gets none (a provision may answer it)", () => {
    expect(targetAsked("直播基地的场地租金打算怎么弄", sentences)).toBeUndefined();
  });
});
