import { describe, expect, it } from "vitest";
import { getRule } from "../../rules/evaluatePolicy.js";

describe("RuleInfo.assumed: the yes/no and category facts a rule counts as met while unknown", () => {
  it("holds the facts of a rule's stated conditions (入驻电商产业园, 在汨罗本地注册)", () => {
    expect(getRule("miluo-2017", "tax-award")?.assumed).toEqual(expect.arrayContaining(["inPark", "registeredLocally"]));
  });
  it("holds the facts of an amount part counted until said otherwise (岗位补贴: 吸纳登记失业人员…, 签订1年及以上劳动合同)", () => {
    expect(getRule("pingyin-2020", "startup-subsidy")?.assumed).toEqual(expect.arrayContaining(["firstStartup", "minimumWage", "hiresUnemployedOrGraduates", "laborContractYear"]));
  });
  it("holds no fact the rule asks for before deciding (a figure, a yes/no test of its applicability)", () => {
    const assumed = getRule("pingyin-2020", "local-specialty")?.assumed ?? [];
    expect(assumed).not.toContain("localSpecialty");
    expect(assumed).not.toContain("onlineRetailSales");
  });
});
