import { describe, expect, it } from "vitest";
import { buildRuleBook } from "../../rules/evaluatePolicy.js";
import type { PolicyRuleFile } from "../../rules/ruleSchema.js";

const QUOTE = "对开展电商直播、短视频带货等活动，达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元。";

const influencer: PolicyRuleFile = {
  policy: "pingyin-2020",
  rules: [
    {
      id: "influencer-sales",
      title: "带货达人线上销售奖励",
      clause: "pingyin-2020:三/(三)/3",
      quote: QUOTE,
      entityTypes: ["influencer"],
      keywords: ["带货达人"],
      when: {
        all: [
          { fact: "followers", word: "达到", value: "10万", text: "达到10万粉丝" },
          { fact: "onlineRetailSales", word: "以上", value: "100万元", text: "年网络零售额100万元以上" },
        ],
      },
      amount: "2万元",
      upTo: true,
    },
  ],
};

function evaluate(file: PolicyRuleFile, facts: object) {
  return buildRuleBook([{ source: "inline", data: file }]).policies.get(file.policy)!.evaluate(facts, "2021-06-01");
}

describe("engine on one cited rule", () => {
  it("awards at the threshold: 达到 and 以上 include the number, and the trace shows word and reading", () => {
    const [r] = evaluate(influencer, { followers: 100_000, onlineRetailSales: 100_000_000 });
    expect(r).toMatchObject({ eligible: true, amountFen: 2_000_000, upTo: true, inForce: true, missing: [] });
    expect(r!.trace[0]).toBe("粉丝数 100000 ≥ 100000（达到10万粉丝：含本数） ✓");
    expect(r!.trace[1]).toContain("年网络零售额 100万元 ≥ 100万元");
  });

  it("is not eligible one below the threshold and names no missing facts once decided", () => {
    const [r] = evaluate(influencer, { followers: 99_999 });
    expect(r).toMatchObject({ eligible: false, amountFen: null, missing: [] });
  });

  it("reports the facts still needed when undecided, booleans and numbers alike", () => {
    const [r] = evaluate(influencer, { followers: 150_000 });
    expect(r).toMatchObject({ eligible: null, missing: ["onlineRetailSales"] });
  });
});

describe("engine on who applies", () => {
  const forCompanies: PolicyRuleFile = {
    ...influencer,
    rules: [{ ...influencer.rules[0]!, entityTypes: ["company"], when: { fact: "onlineRetailSales", word: "以上", value: "100万元", text: "年网络零售额100万元以上" } }],
  };
  const book = buildRuleBook([{ source: "inline", data: forCompanies }]).policies.get(forCompanies.policy)!;
  const sales = { onlineRetailSales: 150_000_000 };

  it("rules out a stated applicant of another kind", () => {
    const [r] = book.evaluate({ ...sales, entityType: "influencer" }, "2021-06-01");
    expect(r).toMatchObject({ eligible: false, amountFen: null });
    expect(r!.trace[0]).toContain("本条适用于：企业 ✗");
  });

  it("keeps a guessed applicant type as a condition to meet, never a ❌", () => {
    const [r] = book.evaluate({ ...sales, entityType: "influencer" }, "2021-06-01", undefined, ["entityType"]);
    expect(r).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(r!.conditions).toContain("申报主体须为：企业");
  });

  it("lets a provision for another applicant type than the one guessed displace no award the guessed applicant meets", () => {
    const both: PolicyRuleFile = {
      ...influencer,
      rules: [influencer.rules[0]!, { ...forCompanies.rules[0]!, id: "company-sales", amount: "20万元" }],
      exclusive: [{ id: "one-per-year", rules: "all", clause: "pingyin-2020:四/(二)", quote: "申报主体年度内只享受其中一项扶持政策。" }],
    };
    const rules = buildRuleBook([{ source: "inline", data: both }]).policies.get(both.policy)!;
    const facts = { followers: 130_000, onlineRetailSales: 1_200_000_000, entityType: "influencer" as const };
    const [guessed] = rules.evaluate(facts, "2021-06-01", undefined, ["entityType"]);
    expect(guessed).toMatchObject({ rule: "influencer-sales", eligible: true, amountFen: 2_000_000 });
    // Stated, the type decides as before: the company provision is ruled out and the influencer award kept.
    const [stated, company] = rules.evaluate(facts, "2021-06-01");
    expect(stated).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(company).toMatchObject({ eligible: false });
  });

  it("lets a cooperative meet a provision for companies, for the department to confirm", () => {
    const [r] = book.evaluate({ ...sales, entityType: "cooperative" }, "2021-06-01");
    expect(r).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(r!.conditions.join("")).toMatch(/申报主体须为：企业（农民专业合作社.*请向主管部门确认）/);
  });
});
