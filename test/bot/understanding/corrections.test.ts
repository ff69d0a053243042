import { describe, expect, it } from "vitest";
import { alsoFed, correctionTargets, isCorrection } from "../../../bot/understanding/corrections.js";

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
