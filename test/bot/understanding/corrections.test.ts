import { describe, expect, it } from "vitest";
import { alsoFed, correctionAsides, correctItem, correctionTargets, isCorrection } from "../../../bot/understanding/corrections.js";
import { extractFacts } from "../../../bot/extractFacts.js";

const asOf = "2022-06-01";
const WAN = 1_000_000; // 1万元 in fen

describe("corrections", () => {
  it("tells a correction from a statement", () => {
    for (const t of ["说错了 是105万", "不对不对，是80来万块钱", "看错报表了 是8500万"]) expect(isCorrection(t), t).toBe(true);
    expect(isCorrection("粉丝11万 卖了95万")).toBe(false);
  });

  it("revises the fact whose unit and size fit the figure, or the one it names", () => {
    const facts = { followers: 110000, onlineRetailSales: 95 * WAN };
    expect(correctionTargets("说错了 是105万", ["followers", "onlineRetailSales"], facts, asOf)[0]).toBe("onlineRetailSales");
    expect(correctionTargets("不对不对，是80来万块钱", ["followers", "onlineRetailSales"], facts, asOf)).toEqual(["onlineRetailSales"]);
    const rough = { followers: 130000, onlineRetailSales: { low: 80 * WAN + 1, high: 90 * WAN - 1, words: "八十多万" } };
    expect(correctionTargets("记错了 是120万", ["followers", "onlineRetailSales"], rough, asOf)[0]).toBe("onlineRetailSales");
    expect(correctionTargets("说错了 粉丝是105万", ["followers", "onlineRetailSales"], facts, asOf)[0]).toBe("followers");
  });

  it("revises every fact the corrected figure fed, and no other", () => {
    const remembered = {
      facts: { onlineRetailSales: 1000 * WAN, platformSales: 1000 * WAN, crossBorderSales: 1000 * WAN, followers: 150000 },
      said: { onlineRetailSales: "1000万", platformSales: "1000万", crossBorderSales: "跨境1000万", followers: "15万" },
    };
    const corrected = { facts: { platformSales: 500 * WAN }, said: { platformSales: "500万" } };
    alsoFed(corrected, remembered);
    expect(corrected.facts).toEqual({ platformSales: 500 * WAN, onlineRetailSales: 500 * WAN });
    expect(corrected.said).toEqual({ platformSales: "500万", onlineRetailSales: "500万" });
  });
});

describe("correction asides: the digit a correction says was missed or typed too many", () => {
  it("reads 少说了个1, 多打了个0, 少写了一个零 as a correction and no figure", () => {
    for (const t of ["少写了一个零 粉丝是12万", "多打了个0 是15万"]) expect(isCorrection(t), t).toBe(true);
    expect(extractFacts("不对 是180多万 少说了个1", { asOf }).unattributed.map((m) => m.words)).toEqual(["180多万"]);
    expect(extractFacts("少写了一个零 粉丝是12万", { asOf }).facts).toMatchObject({ followers: 120000 });
    expect(extractFacts("不对 多打了个0 是15万", { asOf }).unattributed.map((m) => m.words)).toEqual(["15万"]);
  });

  it("says a zero typed too many makes the figure said before ten times the one meant, one left out a tenth", () => {
    expect(correctionAsides("不对 多打了个0 是15万")[0]?.ratio).toBe(10);
    expect(correctionAsides("后面少了两个0")[0]?.ratio).toBe(0.01);
    expect(correctionAsides("少说了个1")[0]?.ratio).toBeUndefined();
    expect(correctionAsides("粉丝多了个把月")).toEqual([]);
  });

  it("revises the fact the figure is a tenth of after 多打了个0, not the one closest in size", () => {
    const facts = { followers: 120000, onlineRetailSales: 150 * WAN };
    expect(correctionTargets("不对 多打了个0 是15万", ["followers", "onlineRetailSales"], facts, asOf)[0]).toBe("onlineRetailSales");
    expect(correctionTargets("不对 是15万", ["followers", "onlineRetailSales"], facts, asOf)[0]).toBe("followers");
  });
});

describe("correctItem: a correction naming one item of a sum replaces that item only", () => {
  const items = {
    low: 80 * WAN, high: 80 * WAN, words: "70万、10万", items: true as const,
    parts: [{ low: 70 * WAN, high: 70 * WAN, words: "70万", cue: "设备" }, { low: 10 * WAN, high: 10 * WAN, words: "10万", cue: "软件" }],
  };
  it("replaces the item its word names and keeps the others (设备 60万 + 软件 10万 = 70万)", () => {
    expect(correctItem(items, "设备", 60 * WAN, "60万")).toEqual({
      low: 70 * WAN, high: 70 * WAN, words: "60万、10万", items: true,
      parts: [{ low: 60 * WAN, high: 60 * WAN, words: "60万", cue: "设备" }, items.parts[1]],
    });
  });
  it("keeps an approximate correction's words and bounds", () => {
    expect(correctItem(items, "软件", { low: 10 * WAN + 1, high: 20 * WAN - 1, words: "十几万" }, "十几万")).toMatchObject({ low: 80 * WAN + 1, high: 90 * WAN - 1, words: "70万、十几万" });
  });
  it("returns null for a word naming no item, or a remembered value that is no sum of items", () => {
    expect(correctItem(items, "硬件", 60 * WAN, "60万")).toBeNull();
    expect(correctItem(70 * WAN, "设备", 60 * WAN, "60万")).toBeNull();
    expect(correctItem({ ...items, items: undefined }, "设备", 60 * WAN, "60万")).toBeNull();
  });
});
