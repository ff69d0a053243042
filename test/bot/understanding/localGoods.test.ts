import { describe, expect, it } from "vitest";
import { readHomeGoods } from "../../../bot/understanding/localGoods.js";

describe("readHomeGoods", () => {
  it("reads goods sold under a word for the asker's own region, with the user's words", () => {
    expect(readHomeGoods("卖的本地小米 2021年网上卖了二百三十万")).toBe("卖的本地小米");
    expect(readHomeGoods("网店 主要卖当地的小米和绿豆")).toBe("卖当地的小米和绿豆");
    expect(readHomeGoods("俺们销售本县的阿胶枣 网络零售额二百一十万")).toBe("销售本县的阿胶枣");
    expect(readHomeGoods("主营的是我市粽子")).toBe("主营的是我市粽子");
  });

  it("reads nothing when the home word names a place, an office or a company, or the selling is denied", () => {
    expect(readHomeGoods("我们在本地注册的网店 卖小米")).toBeUndefined();
    expect(readHomeGoods("经营本地的网店")).toBeUndefined();
    expect(readHomeGoods("卖给本地人")).toBeUndefined();
    expect(readHomeGoods("我们不卖本地的东西 都是外地进的")).toBeUndefined();
    expect(readHomeGoods("销售本市企业的产品")).toBeUndefined();
  });
});
