import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2022-06-01";
const facts = (text: string) => extractFacts(text, { asOf }).facts;

describe("amounts that quote the policy are no facts about the user", () => {
  it("does not read 每个站点2万的政策 as 20000 sites", () => expect(facts("还能按那个每个站点2万的政策补吗").sites).toBeUndefined());
  it("does not read 能拿10万不 or 开店那个5万奖励 as sales or spending", () => {
    expect(facts("网店 能拿10万不")).not.toHaveProperty("onlineRetailSales");
    expect(facts("开店那个5万奖励有份没")).not.toHaveProperty("expenses");
  });
  it("does not read 有那15万不 (the policy's amount pointed at) as tonnes of freight, but reads 有那么15万 as the user's figure", () => {
    // 不做货运 says there is no freight at all: none, not the 15万 pointed at.
    expect(facts("快递整合了6家 也不做货运 有那15万不").freightTonnes).toBe(0);
    expect(facts("快递整合了6家 货运也有 有那15万不")).not.toHaveProperty("freightTonnes");
    expect(facts("物流中心 能拿到那15万吗")).not.toHaveProperty("freightTonnes");
    expect(facts("去年网络零售额有那么15万吧").onlineRetailSales).toBeDefined();
  });
  it("does not read 15万那个奖 (the policy's amount named by the award after it) as tonnes of freight", () => {
    expect(facts("物流中心 货运量还没统计 15万那个奖能拿吗")).not.toHaveProperty("freightTonnes");
    expect(facts("物流中心 15万那项补贴有没有")).not.toHaveProperty("freightTonnes");
  });
  it("still reads the user's own figures next to a quoted amount", () =>
    expect(facts("那个每户2万的奖励 我们2021年卖了150万")).toMatchObject({ onlineRetailSales: 150 * 1_000_000 }));
});

describe("a tier of the policy quoted back is no fact and no claim", () => {
  const read = (text: string) => extractFacts(text, { asOf });
  it("does not take 300万那档 / 1000万那个档次 / 500万的那一档 for the user's sales or a claimed award", () => {
    for (const text of ["之前300万那档已经拿过了", "1000万那个档次我们够不着吧", "500万的那一档去年领过了"]) {
      const e = read(text);
      expect(e.facts, text).not.toHaveProperty("onlineRetailSales");
      expect(e.claims, text).toEqual([]);
    }
  });
  it("still reads the user's own figure beside it", () =>
    expect(read("2021年网上卖了六百多万 300万那档以前拿过").facts.onlineRetailSales).toMatchObject({ low: 600_000_001 }));
  it("keeps a figure before 这一档 with a space the user's (卖了六百来万 这一档排第二)", () =>
    expect(read("2021年网上卖了六百来万 这一档排第二").facts.onlineRetailSales).toMatchObject({ low: 600 * 1_000_000 }));
});
