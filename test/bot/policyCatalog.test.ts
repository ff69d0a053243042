/** What the catalog says about a policy as a whole, beside its provisions. */
import { describe, expect, it } from "vitest";
import { orderConditions } from "../../bot/composeAnswer.js";
import { PolicyCatalog } from "../../bot/policyCatalog.js";

describe("PolicyCatalog.generalConditions", () => {
  it("takes a condition written on most of a policy's provisions (东营/叶集 registration) as the policy's scope, listed after a provision's own", async () => {
    const catalog = await PolicyCatalog.open({ log: () => {} });
    const yeji = catalog.generalConditions(["yeji-2017"]);
    const registration = "位于叶集区、在叶集区注册登记（本意见扶持“我区”的主体）";
    expect(yeji.has(registration)).toBe(true);
    expect([...catalog.generalConditions(["dongying-2020"])].some((c) => c.startsWith("位于东营市、在东营市注册登记"))).toBe(true);
    // 平阴's own policy-level conditions stay general; a provision's own condition does not become one.
    expect(catalog.generalConditions(["pingyin-2020"]).has("在平阴县注册登记")).toBe(true);
    expect(yeji.has("实际运行满1年")).toBe(false);
    expect(orderConditions([registration, "实际运行满1年"], yeji)).toEqual(["实际运行满1年", registration]);
  }, 60_000);
});
