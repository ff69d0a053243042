import { describe, expect, it } from "vitest";
import { focusOf, isRelevant, keywordHit, scoreRules, type RuleProfile } from "../../bot/selectRules.js";

const rule = (id: string, keywords: string[], extra: Partial<RuleProfile> = {}): RuleProfile => ({
  policy: "p", id, clause: `p:${id}`, title: id, quote: keywords.join("，"), keywords, entityTypes: [], facts: [], gate: false, ...extra,
});

describe("keywordHit", () => {
  it("counts a topic word in full, or its stem at a lower weight", () => {
    expect(keywordHit("卖土特产品的", "土特产品")).toBe(1);
    expect(keywordHit("卖土特产的", "土特产品")).toBe(0.7);
    expect(keywordHit("新注册的公司", "新注册登记")).toBe(0.7);
    expect(keywordHit("开网店", "开设网店")).toBe(0);
  });
});

describe("scoreRules", () => {
  it("weights a rare topic word above a word most provisions share", () => {
    const rules = [rule("influencer", ["带货达人", "企业"]), rule("scale", ["企业"]), rule("park", ["园区", "企业"])];
    const [best] = scoreRules({ text: "我是带货达人，也开了企业", facts: {}, retrieved: [], rules });
    expect(best!.rule.id).toBe("influencer");
  });
  it("lowers, but keeps, a rule for another kind of applicant", () => {
    const rules = [rule("training", ["培训机构"], { entityTypes: ["trainingInstitution"] })];
    const [scored] = scoreRules({ text: "培训机构的补助", facts: { entityType: "company" }, retrieved: ["p:training"], rules });
    expect(scored!.score).toBeGreaterThan(0);
    expect(scored!.score).toBeLessThan(scoreRules({ text: "培训机构的补助", facts: {}, retrieved: ["p:training"], rules })[0]!.score);
  });
  it("counts only measures the user gave as fit, not yes/no qualifiers or a rank", () => {
    const rules = [rule("ranked", ["园区"], { facts: ["rank"] }), rule("sales", ["零售额"], { facts: ["onlineRetailSales"] })];
    const scored = scoreRules({ text: "排名第一", facts: { rank: 1, onlineRetailSales: 100 }, retrieved: [], rules });
    expect(scored.find((s) => s.rule.id === "ranked")!.factFit).toBe(0);
    expect(scored.find((s) => s.rule.id === "sales")!.factFit).toBe(1);
  });
  it("keeps the topic of the conversation for a follow-up that only adds facts", () => {
    const rules = [rule("a", ["甲"]), rule("b", ["乙"])];
    const [best] = scoreRules({ text: "我有12万粉丝", facts: {}, retrieved: [], rules, topic: ["p/b"] });
    expect(best!.rule.id).toBe("b");
  });
});

describe("focusOf", () => {
  it("keeps the rules close to the best score and drops the rest", () => {
    const rules = [rule("a", ["甲"]), rule("b", ["乙"])];
    const relevant = scoreRules({ text: "甲", facts: {}, retrieved: ["p:a"], rules }).filter(isRelevant);
    expect(focusOf(relevant).map((s) => s.rule.id)).toEqual(["a"]);
  });
});
