import { describe, expect, it } from "vitest";
import { applyRatio, formatFen, formatPercent, mulDivFloor, parseMoney, parsePercent, parseQuantity } from "../../rules/money.js";

describe("money", () => {
  it("parses money literals into exact integer fen", () => {
    expect(parseMoney("2万元")).toBe(2_000_000);
    expect(parseMoney("2.4万元")).toBe(2_400_000);
    expect(parseMoney("0.5万元")).toBe(500_000);
    expect(parseMoney("2000元")).toBe(200_000);
    expect(parseMoney("1亿元")).toBe(10_000_000_000);
    expect(parseMoney("15000万元")).toBe(15_000_000_000);
    expect(parseMoney("12.34元")).toBe(1234);
  });

  it("rejects text that is not money or not a whole fen", () => {
    expect(() => parseMoney("2万")).toThrow(/not a money literal/);
    expect(() => parseMoney("0.001元")).toThrow(/whole number of fen/);
  });

  it("parses quantities and percentages exactly", () => {
    expect(parseQuantity("10万")).toBe(100_000);
    expect(parseQuantity("30")).toBe(30);
    expect(parsePercent("50%")).toEqual({ num: 1, den: 2 });
    expect(parsePercent("12.5")).toEqual({ num: 1, den: 8 });
    expect(parsePercent(15)).toEqual({ num: 3, den: 20 });
  });

  it("takes shares by integer arithmetic, dropping fractions of a fen", () => {
    expect(applyRatio(30_000_000, parsePercent("50"))).toBe(15_000_000);
    expect(applyRatio(333, parsePercent("50"))).toBe(166);
    expect(applyRatio(1, parsePercent("15"))).toBe(0);
    // Beyond the safe-integer range of the product the BigInt path is exact.
    expect(mulDivFloor(9_000_000_000_000_000, 3, 7)).toBe(Number((9_000_000_000_000_000n * 3n) / 7n));
  });

  it("formats fen in the documents' style", () => {
    expect(formatFen(2_000_000)).toBe("2万元");
    expect(formatFen(10_800_000)).toBe("10.8万元");
    expect(formatFen(330_000)).toBe("3300元");
    expect(formatFen(1234)).toBe("12.34元");
    expect(formatFen(150)).toBe("1.5元");
    expect(formatPercent(parsePercent("12.5"))).toBe("12.5%");
  });

  it("writes a round tenth of a hundred million as 亿元, and anything else exactly", () => {
    expect(formatFen(12_000_000_000)).toBe("1.2亿元");
    expect(formatFen(10_000_000_000)).toBe("1亿元");
    expect(formatFen(12_345_600)).toBe("123456元");
  });

  it("refuses to format a non-integer amount instead of rounding it", () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});
