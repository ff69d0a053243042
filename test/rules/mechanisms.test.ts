/** Each mechanism alone: value in exact fen and the explanation lines. */
import { describe, expect, it } from "vitest";
import { compileCondition } from "../../rules/conditions.js";
import { parseFacts, type Facts } from "../../rules/facts.js";
import { compileAmount } from "../../rules/mechanisms/index.js";
import { AmountSchema, ConditionSchema, type Amount, type Condition } from "../../rules/ruleSchema.js";

const amount = (node: Amount, facts: Facts) => compileAmount(AmountSchema.parse(node), "test:一")(parseFacts(facts));
const condition = (node: Condition, facts: Facts) => compileCondition(ConditionSchema.parse(node))(parseFacts(facts));

describe("fixed", () => {
  it("gives the written amount", () => {
    expect(amount("5万元", {})).toMatchObject({ valueFen: 5_000_000, lines: ["定额：5万元"] });
  });
});

describe("tierTable", () => {
  const table: Amount = { mechanism: "tierTable", fact: "onlineRetailSales", word: "达到", tiers: [{ threshold: "1000万元", amount: "20万元" }, { threshold: "2000万元", amount: "40万元" }] };
  it("takes the highest tier reached and shows why the next was not", () => {
    const r = amount(table, { onlineRetailSales: 2_500_000_000 });
    expect(r.valueFen).toBe(40_000_000);
    expect(r.lines.join("\n")).toContain("第2档");
    expect(amount(table, { onlineRetailSales: 1_500_000_000 }).lines.join("\n")).toContain("1500万元 < 2000万元");
  });
  describe("首次突破: a tier the earlier years already reached gives nothing again", () => {
    const firstTime: Amount = { ...(table as object), earlier: "earlierSales" } as Amount;
    const words = (low: number, high: number | null, w: string) => ({ low, high, words: w });
    it("the same tier crossed before: not reached, naming the user's words", () => {
      const r = amount(firstTime, { onlineRetailSales: 1_500_000_000, earlierSales: words(1_000_000_000, null, "2018年过了1000万") });
      expect(r.valueFen).toBeNull();
      expect(r.notReached).toBe("第1档（1000万元）以前年度已经突破过（你说“2018年过了1000万”），本年度没有首次突破更高的档次");
    });
    it("a higher tier than any before is first crossed now", () => {
      const r = amount(firstTime, { onlineRetailSales: 2_500_000_000, earlierSales: words(1_200_000_000, 1_200_000_000, "2018年1200万") });
      expect(r.valueFen).toBe(40_000_000);
      expect(r.lines.join("\n")).toContain("以前年度（2018年1200万）未突破第2档（2000万元）");
    });
    it("an earlier figure that may have reached the tier leaves the first-time question to the rule's condition", () => {
      const r = amount(firstTime, { onlineRetailSales: 2_500_000_000, earlierSales: words(1_200_000_000, null, "2018年过了1200万") });
      expect(r.valueFen).toBe(40_000_000);
      expect(r.notReached).toBeUndefined();
    });
    it("without earlier years the table reads as before", () => {
      expect(amount(firstTime, { onlineRetailSales: 2_500_000_000 }).valueFen).toBe(40_000_000);
    });
    it("the schema takes only the fact the vocabulary names as the table fact's earlier value", () => {
      expect(() => AmountSchema.parse({ ...(table as object), earlier: "platformSales" })).toThrow(/not the earlier years' value of onlineRetailSales/);
    });
  });
  describe("an approximate figure between tiers that pay the same", () => {
    const samePay: Amount = {
      mechanism: "tierTable",
      fact: "onlineRetailSales",
      word: "达到",
      tiers: [{ threshold: "100万元", amount: "2万元" }, { threshold: "300万元", amount: "2万元" }, { threshold: "500万元", amount: "5万元" }],
    };
    const around = (low: number, high: number, words: string) => ({ onlineRetailSales: { low, high, words } });
    it("is decided: either tier pays the same, so there is nothing to ask", () => {
      const r = amount(samePay, around(290_000_000, 310_000_000, "三百万上下"));
      expect(r).toMatchObject({ valueFen: 2_000_000, missing: [], straddles: [] });
      expect(r.lines.join("\n")).toContain("金额与本档相同");
    });
    it("still asks when the tier it may reach pays more", () => {
      const r = amount(samePay, around(480_000_000, 520_000_000, "五百万上下"));
      expect(r.valueFen).toBe(2_000_000);
      expect(r.straddles?.map((s) => s.line)).toEqual(["500万元"]);
    });
  });
  it("says the lowest tier is not reached", () => {
    expect(amount(table, { onlineRetailSales: 999_999_999 }).notReached).toMatch(/未达到最低档/);
  });
  it("keeps the certain tier and names the fact that could raise it (condition tiers)", () => {
    const jobs: Amount = {
      mechanism: "tierTable",
      tiers: [
        { when: { any: [{ fact: "jobsCreated", word: "达到", value: 100 }, { fact: "disabledEmployees", word: "以上", value: 20 }] }, amount: "1万元" },
        { when: { any: [{ fact: "jobsCreated", word: "达到", value: 200 }, { fact: "disabledEmployees", word: "以上", value: 50 }] }, amount: "2万元" },
      ],
    };
    expect(amount(jobs, { jobsCreated: 150 })).toMatchObject({ valueFen: 1_000_000, missing: ["disabledEmployees"] });
    expect(amount(jobs, { jobsCreated: 150, disabledEmployees: 50 })).toMatchObject({ valueFen: 2_000_000, missing: [] });
  });
});

describe("perUnit", () => {
  const node = (rounding: "wholeUnits" | "proRata"): Amount => ({ mechanism: "perUnit", fact: "onlineRetailSales", unit: "1万元", amountPerUnit: "4元", rounding });
  it("counts whole units only and says so", () => {
    const r = amount(node("wholeUnits"), { onlineRetailSales: 1_999_999 }); // 1.999999万元
    expect(r.valueFen).toBe(400);
    expect(r.lines[0]).toContain("不足1万元的部分不计");
  });
  it("or pro rata, dropping fractions of a fen", () => {
    expect(amount(node("proRata"), { onlineRetailSales: 1_999_999 }).valueFen).toBe(799);
  });
});

describe("percentOf", () => {
  it("takes an exact share of a money fact", () => {
    expect(amount({ mechanism: "percentOf", percent: "15", of: "expenses" }, { expenses: 1_000_000 })).toMatchObject({ valueFen: 150_000 });
  });
  it("reports the missing base", () => {
    expect(amount({ mechanism: "percentOf", percent: "50", of: "expenses" }, {})).toMatchObject({ valueFen: null, missing: ["expenses"] });
  });
});

describe("product", () => {
  it("multiplies a unit amount by counts and constants: 15元 × 200㎡ × 36个月 = 10.8万元", () => {
    const r = amount({ mechanism: "product", of: "15元", times: [{ fact: "rentArea" }, { constant: 36, label: "个月" }] }, { rentArea: 200 });
    expect(r.valueFen).toBe(10_800_000);
    expect(r.lines.at(-1)).toBe("15元 × 200平方米（租赁建筑面积） × 36（个月） = 10.8万元");
  });
  it("gives a time constant's amount per month and per year, within the term counted (租期6个月 has no 每年)", () => {
    const rent = (period: "月" | "年", constant: number, facts: Facts) =>
      amount({ mechanism: "product", of: "15元", times: [{ fact: "rentArea" }, { constant, label: "个", period, limitedBy: { fact: "rentMonths", note: "按实际租期" } }] }, facts);
    expect(rent("月", 36, { rentArea: 200 }).perPeriod).toEqual([{ period: "月", amountFen: 300_000 }, { period: "年", amountFen: 3_600_000 }]);
    expect(rent("月", 36, { rentArea: 200, rentMonths: 24 }).perPeriod).toEqual([{ period: "月", amountFen: 300_000 }, { period: "年", amountFen: 3_600_000 }]);
    expect(rent("月", 36, { rentArea: 200, rentMonths: 6 }).perPeriod).toEqual([{ period: "月", amountFen: 300_000 }]);
    expect(rent("年", 3, { rentArea: 200 }).perPeriod).toEqual([{ period: "年", amountFen: 300_000 }]);
  });
  it("handles half days exactly: 200元 × 10人 × 1.5天 = 3000元", () => {
    expect(amount({ mechanism: "product", of: "200元", times: [{ fact: "trainees" }, { fact: "trainingDays" }] }, { trainees: 10, trainingDays: 1.5 }).valueFen).toBe(300_000);
  });
});

describe("sum and when", () => {
  it("adds conditional parts: (60 + 30 if meal + 20 if computer) × 30 people = 3300元", () => {
    const perPerson: Amount = {
      mechanism: "sum",
      parts: ["60元", { mechanism: "when", when: { fact: "mealProvided", is: true }, then: "30元" }, { mechanism: "when", when: { fact: "computerPractice", is: true }, then: "20元" }],
    };
    const node: Amount = { mechanism: "product", of: perPerson, times: [{ fact: "trainees" }] };
    expect(amount(node, { trainees: 30, mealProvided: true, computerPractice: true }).valueFen).toBe(330_000);
    expect(amount(node, { trainees: 30, mealProvided: false, computerPractice: true }).valueFen).toBe(240_000);
    expect(amount(node, { trainees: 30, computerPractice: true })).toMatchObject({ valueFen: null, missing: ["mealProvided"] });
  });
  describe("a part whose condition users seldom state (unknown: then)", () => {
    const jobs: Amount = {
      mechanism: "sum",
      parts: ["2.4万元", {
        mechanism: "when", when: { fact: "laborContractYear", is: true, text: "签订1年及以上期限劳动合同" }, unknown: "then", label: "岗位补贴",
        then: { mechanism: "product", of: "2000元", times: [{ fact: "jobsCreated" }] },
      }],
    };
    it("counts while unknown, asking for nothing: 2.4万 + 2000 × 2 = 2.8万", () => {
      expect(amount(jobs, { jobsCreated: 2 })).toMatchObject({ valueFen: 2_800_000, missing: [] });
      expect(amount(jobs, { jobsCreated: 2, laborContractYear: true }).valueFen).toBe(2_800_000);
    });
    it("stated false, the part is 0 and the reason is listed beside the amount", () => {
      const r = amount(jobs, { jobsCreated: 2, laborContractYear: false });
      expect(r.valueFen).toBe(2_400_000);
      expect(r.unchecked).toEqual(["岗位补贴：未计入（按你说的，不满足“签订1年及以上期限劳动合同”）"]);
    });
    it("said nothing of, condition nor count, while the provision itself is asked (leftOutAsNone): not counted, said so", () => {
      const asked: Amount = { ...(jobs as object), leftOutAsNone: { fact: "activity", oneOf: ["startup"] } } as Amount;
      const r = amount(asked, { activity: "startup" });
      expect(r).toMatchObject({ valueFen: 2_400_000, missing: [] });
      expect(r.unchecked).toEqual(["新安排就业人数你没有说，未计入（如有，按条文另计）"]);
      expect(amount(asked, {})).toMatchObject({ valueFen: null, missing: ["jobsCreated"] });
      expect(amount(asked, { activity: "startup", jobsCreated: 2 }).valueFen).toBe(2_800_000);
    });
  });
});

describe("capMin", () => {
  const node: Amount = {
    mechanism: "capMin",
    of: { mechanism: "perUnit", fact: "onlineRetailSales", unit: "1万元", amountPerUnit: "4元", rounding: "wholeUnits" },
    caps: [
      { amount: "40万元", per: "total", label: "每家企业最高补贴", quote: "每家企业最高补贴40万元" },
      { amount: { mechanism: "percentOf", percent: "20", of: "localContribution" }, per: "total", label: "地方贡献20%", quote: "不得超过企业对地方贡献数的20%" },
    ],
  };
  it("takes the minimum of the caps it can compute, naming the binding one", () => {
    const r = amount(node, { onlineRetailSales: 25_000_000_000, localContribution: 30_000_000 });
    expect(r.valueFen).toBe(6_000_000);
    expect(r.lines.at(-1)).toContain("受「地方贡献20%」限制");
  });
  it("leaves a cap it cannot compute as a condition, not a missing fact", () => {
    const r = amount(node, { onlineRetailSales: 120_000_000_000 });
    expect(r).toMatchObject({ valueFen: 40_000_000, missing: [] });
    expect(r.unchecked?.[0]).toContain("地方贡献20%");
  });
});

describe("rankTable", () => {
  const node: Amount = { mechanism: "rankTable", places: [{ through: 1, amount: "50万元" }, { through: 2, amount: "30万元" }, { through: 3, amount: "20万元" }] };
  it("pays by place, and not after the last place", () => {
    expect(amount(node, { rank: 3 }).valueFen).toBe(20_000_000);
    expect(amount(node, { rank: 4 }).notReached).toMatch(/不在前3名/);
    expect(amount(node, { rank: 1 }).valueFen).toBe(50_000_000);
  });
  it("pays the 'after' band when the text gives one", () => {
    const withAfter: Amount = { mechanism: "rankTable", places: [{ through: 10, amount: "2万元" }], after: { amount: "1万元", interpretation: "第11名起" } };
    expect(amount(withAfter, { rank: 11 }).valueFen).toBe(1_000_000);
    expect(amount(withAfter, { rank: 10 }).valueFen).toBe(2_000_000);
  });
});

describe("notComputable", () => {
  it("gives no figure and says why", () => {
    expect(amount({ mechanism: "notComputable", reason: "个人所得税地方留成部分" }, {})).toMatchObject({ valueFen: null, missing: [] });
  });
});

describe("conditions", () => {
  it("keeps the word and the reading: 超过 excludes the number", () => {
    const r = condition({ fact: "activeAnchors", word: "超过", value: 30 }, { activeAnchors: 30 });
    expect(r.value).toBe(false);
    expect(r.lines[0]).toBe("注册活跃主播人数 30 ≤ 30（超过30：不含本数） ✗");
  });
  it("marks an ambiguous word as an interpretation", () => {
    const r = condition({ fact: "onlineRetailSales", word: "突破", value: "200万元", op: "gt", interpretation: "突破即超过" }, { onlineRetailSales: 300_000_000 });
    expect(r.lines[0]).toContain("解释：读作“>”，不含本数——突破即超过");
  });
  it("is three-valued: all is false once one part is false, whatever is unknown", () => {
    expect(condition({ all: [{ fact: "flagshipStore", is: false }, { fact: "followers", word: "达到", value: "10万" }] }, { flagshipStore: true })).toMatchObject({ value: false, missing: [] });
    expect(condition({ all: [{ fact: "flagshipStore", is: true }, { fact: "followers", word: "达到", value: "10万" }] }, { flagshipStore: true })).toMatchObject({ value: null, missing: ["followers"] });
    expect(condition({ any: [{ fact: "flagshipStore", is: true }, { fact: "followers", word: "达到", value: "10万" }] }, { flagshipStore: true })).toMatchObject({ value: true, missing: [] });
    expect(condition({ not: { fact: "higherLevelFunding", is: true } }, {})).toMatchObject({ value: null, missing: ["higherLevelFunding"] });
  });
});
