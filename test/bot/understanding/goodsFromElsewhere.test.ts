/** Goods said to come from a place outside the region are no local produce; places inside it say nothing. */
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../../knowledge/policyMeta.js";
import { readGoodsFromElsewhere } from "../../../bot/understanding/goodsFromElsewhere.js";
import { policiesHeldBy } from "../../../bot/understanding/places.js";

const metas = loadPolicyMeta(DEFAULT_POLICY_DIR);
/** As the catalog asks for 平阴. */
const forPingyin = (name: string, after?: string) => {
  const held = policiesHeldBy(name, metas, after);
  return held && !held.includes("pingyin-2020");
};
const read = (text: string) => readGoodsFromElsewhere(text, forPingyin);

describe("readGoodsFromElsewhere", () => {
  it("reads goods bought in from a place elsewhere, with the user's words from the cue", () => {
    expect(read("平阴 我网店卖的是从新疆进的红枣核桃 不是本地的")).toBe("从新疆进的红枣核桃");
    expect(read("货是云南进的 21年卖了三百万")).toBe("是云南进的");
    expect(read("都是从浙江义乌批发过来的小商品")).toBe("从浙江义乌批发过来的小商品");
    expect(read("从河北沧州发过来的枣")).toBe("从河北沧州发过来的枣");
    expect(read("从山东寿光拉的菜")).toBe("从山东寿光拉的菜");
  });

  it("reads goods sold under a place's name or grown there", () => {
    expect(read("网店卖云南的普洱茶")).toBe("卖云南的普洱茶");
    expect(read("俺们卖的东北大米")).toBe("卖的东北大米");
    expect(read("我们卖的红枣是新疆产的")).toBe("是新疆产的");
  });

  it("reads 不是本地的 said of what is sold, not of the speaker", () => {
    expect(read("卖的红枣核桃 不是本地的")).toBe("不是本地的");
    expect(read("我们不是本地的 在平阴注册的公司")).toBeUndefined();
  });

  it("says nothing of a place that holds or lies in the region, a market, or a source that is no place", () => {
    expect(read("从济南进的玫瑰花茶")).toBeUndefined();
    expect(read("从山东进的货")).toBeUndefined();
    expect(read("主要卖到新疆 广州的客户多")).toBeUndefined();
    expect(read("从厂家进的货")).toBeUndefined();
    expect(read("从合作社收的玫瑰")).toBeUndefined();
    expect(read("卖长乐甜酒的小公司")).toBeUndefined();
  });

  it("says nothing of another thing bought in (包装盒从浙江进的) or denied (包装不是本地的)", () => {
    expect(read("我们卖玫瑰花茶 包装盒从浙江进的")).toBeUndefined();
    expect(read("卖玫瑰花茶 包装不是本地的")).toBeUndefined();
    expect(read("卖的红枣不是本地的")).toBe("不是本地的");
  });
});

describe("policiesHeldBy", () => {
  it("names the policies a province, prefecture or county holds, by any written form", () => {
    expect(policiesHeldBy("新疆", metas)).toEqual([]);
    expect(policiesHeldBy("济南", metas)).toEqual(["pingyin-2020"]);
    expect(policiesHeldBy("寿光市", metas)).toEqual([]);
    expect(policiesHeldBy("汨罗市", metas)).toEqual(["miluo-2017"]);
  });
  it("knows a county by its stem only right after its province or prefecture (山东寿光; 长乐 alone is also a town)", () => {
    expect(policiesHeldBy("寿光", metas, "山东")).toEqual([]);
    expect(policiesHeldBy("寿光", metas, "潍坊")).toEqual([]);
    expect(policiesHeldBy("寿光", metas)).toBeUndefined();
    expect(policiesHeldBy("长乐", metas)).toBeUndefined();
    expect(policiesHeldBy("寿光", metas, "云南")).toBeUndefined();
  });
  it("knows no place in an ordinary word or a one-character county stem (城区)", () => {
    expect(policiesHeldBy("厂家", metas)).toBeUndefined();
    expect(policiesHeldBy("城区", metas)).toBeUndefined();
  });
});
