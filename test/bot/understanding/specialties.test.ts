import { describe, expect, it } from "vitest";
import { readSpecialty } from "../../../bot/understanding/specialties.js";

describe("readSpecialty", () => {
  it("reads goods the user sells that the document names as the region's own, with the user's words", () => {
    expect(readSpecialty("我是卖玫瑰花茶的，网上一年卖了300万", ["玫瑰"])).toBe("卖玫瑰花茶");
    expect(readSpecialty("我们主营黄河口大米 年网络零售额600万", ["黄河口大米", "肴驴肉"])).toBe("主营黄河口大米");
  });

  it("reads nothing without a selling verb, or when the region names no such goods", () => {
    expect(readSpecialty("玫瑰镇的 网上卖小米", ["玫瑰"])).toBeUndefined();
    expect(readSpecialty("卖玫瑰花茶的", [])).toBeUndefined();
    expect(readSpecialty("做玫瑰镇的电商服务站", ["玫瑰"])).toBeUndefined();
  });
});
