/** Quantities said to be none: the words around the word naming the quantity. */
import { describe, expect, it } from "vitest";
import { lineNoneAt, noneSaidAt } from "../../../bot/understanding/noneStated.js";

/** Where the none ends after the word `named` in `text`, or -1. */
const noneAfter = (text: string, named: string) => noneSaidAt(text, text.indexOf(named), text.indexOf(named) + named.length);

describe("noneSaidAt: a quantity said to be none", () => {
  it("reads a word of none after the quantity's words, at the end of a clause", () => {
    expect(noneAfter("设备设施新增投入没有 就只搞了装修", "设备")).toBe("设备设施新增投入没有".length);
    expect(noneAfter("装修花了30万 设备没投", "设备")).toBe("装修花了30万 设备没投".length);
    expect(noneAfter("装修这块为零", "装修")).toBe("装修这块为零".length);
  });
  it("reads 没有 / 没买 right before the quantity's word", () => {
    expect(noneAfter("没买设备 只装修了", "设备")).toBe(4);
  });
  it("reads 不做 / 没做 right before a line of business as none of it", () => {
    expect(noneAfter("只做货运不做快递 整合了5家货运企业", "快递")).toBe("只做货运不做快递".length);
    expect(noneAfter("我们没做快递", "快递")).toBe("我们没做快递".length);
    expect(noneAfter("做快递 整合了9家", "快递")).toBe(-1);
  });
  it("does not read a question or a none of something else as the quantity's none", () => {
    expect(noneAfter("有没有设备补贴", "设备")).toBe(-1);
    expect(noneAfter("设备补贴没有吗", "设备")).toBe(-1);
    expect(noneAfter("设备投入没有限制吗", "设备")).toBe(-1);
  });
});

describe("lineNoneAt: a line of business said not to be done", () => {
  const lineNone = (text: string, named: string) => lineNoneAt(text, text.indexOf(named), text.indexOf(named) + named.length);
  it("reads 不做/不搞/不干 right before the line's word, and 没做/不搞 after it", () => {
    expect(lineNone("我们只做快递不做货运", "货运")).toBe("我们只做快递不做货运".length);
    expect(lineNone("也不干货运 15万能拿不", "货运")).toBe("也不干货运".length);
    expect(lineNone("货运没做 那个奖", "货运")).toBe("货运没做".length);
    expect(lineNone("货运这块也不搞", "货运")).toBe("货运这块也不搞".length);
  });
  it("does not read a missing figure or a plain 没有 as the line not being done", () => {
    expect(lineNone("货运量还没统计", "货运")).toBe(-1);
    expect(lineNone("没有货运数据", "货运")).toBe(-1);
    expect(lineNone("货运做了5家", "货运")).toBe(-1);
  });
});
