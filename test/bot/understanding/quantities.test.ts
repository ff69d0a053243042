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
  it("still reads the user's own figures next to a quoted amount", () =>
    expect(facts("那个每户2万的奖励 我们2021年卖了150万")).toMatchObject({ onlineRetailSales: 150 * 1_000_000 }));
});
