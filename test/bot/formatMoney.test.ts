import { describe, expect, it } from "vitest";
import { formatFen, formatQuantity } from "../../bot/formatMoney.js";

describe("formatFen", () => {
  it("writes round ten-thousands as 万元", () => {
    expect(formatFen(2_000_000)).toBe("2万元");
    expect(formatFen(100_000_000)).toBe("100万元");
  });
  it("keeps a short 万 decimal exact", () => {
    expect(formatFen(10_800_000)).toBe("10.8万元");
    expect(formatFen(1_200_000)).toBe("1.2万元");
  });
  it("writes other amounts in 元 without rounding", () => {
    expect(formatFen(330_000)).toBe("3300元");
    expect(formatFen(12_345_600)).toBe("123456元");
    expect(formatFen(50)).toBe("0.5元");
  });
  it("refuses a non-integer amount instead of rounding it", () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe("formatQuantity", () => {
  it("shows round counts in 万 and others as they are", () => {
    expect(formatQuantity(150_000)).toBe("15万");
    expect(formatQuantity(98_000)).toBe("9.8万");
    expect(formatQuantity(32)).toBe("32");
  });
});

describe("formatFen for 亿", () => {
  it("writes a hundred million and more as 亿元 when it is exact to a tenth", () => {
    expect(formatFen(12_000_000_000)).toBe("1.2亿元");
    expect(formatFen(10_000_000_000)).toBe("1亿元");
    expect(formatFen(12_345_678_900)).toBe("123456789元");
  });
});
