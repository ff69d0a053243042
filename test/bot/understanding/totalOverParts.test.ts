/** One figure over several items before it: the whole, or the one part they all are (with the whole as well). */
import { describe, expect, it } from "vitest";
import { totalOverParts } from "../../../bot/understanding/totalOverParts.js";

describe("totalOverParts: a figure stated over the items named before it", () => {
  it("reads items of different parts, totalled or right before the figure, as the whole", () => {
    expect(totalOverParts("装修和设备一共投了")).toEqual({ fact: "investment" });
    expect(totalOverParts("场所装修、电脑设备加起来")).toEqual({ fact: "investment" });
    expect(totalOverParts("新增固定资产加软件")).toEqual({ fact: "investment" });
  });
  it("reads items all of one part, totalled, as that part and the whole (all that was put in)", () => {
    expect(totalOverParts("新上了分拣设备和软件 一共投了")).toEqual({ fact: "equipmentInvestment", whole: "investment" });
    expect(totalOverParts("溯源设备 加上软件 总共投入了")).toEqual({ fact: "equipmentInvestment", whole: "investment" });
  });
  it("leaves one item, or items with no total word before a verb of their own, to the cue", () => {
    expect(totalOverParts("设备一共投了")).toBeUndefined();
    expect(totalOverParts("买了设备和软件 花了")).toBeUndefined();
    expect(totalOverParts("软硬件设备投了")).toBeUndefined();
  });
});
