import { describe, expect, it } from "vitest";
import { findNumbers, mentionToFen, parseChineseAmount, parseChineseNumeral } from "../../../bot/understanding/numbers.js";

/** value of the only number in `text` */
const valueOf = (text: string) => {
  const ms = findNumbers(text);
  expect(ms, text).toHaveLength(1);
  return ms[0]!.value;
};

describe("findNumbers reads every amount form merchants write", () => {
  const cases: ReadonlyArray<readonly [string, number]> = [
    ["12万", 120000],
    ["10W", 100000],
    ["1.2亿", 120000000],
    ["3000w", 30000000],
    ["2k", 2000],
    ["2K", 2000],
    ["2千", 2000],
    ["¥85,000", 85000],
    ["20,000元", 20000],
    ["9.8万", 98000],
    ["0.5万", 5000],
    ["3百万", 3000000],
    ["1千万", 10000000],
    ["十二万", 120000],
    ["一百五十万", 1500000],
    ["两千", 2000],
    ["三十", 30],
    ["一千二百万", 12000000],
    ["一亿二千万", 120000000],
    ["十万", 100000],
    ["一万五", 15000],
    ["一千零五", 1005],
    ["１２万", 120000],
  ];
  for (const [raw, value] of cases) {
    it(`reads ${raw} as ${value}`, () => expect(valueOf(raw)).toBe(value));
  }

  it("keeps decimals with 万 exact (9.8万 is 98000, not 97999.99…)", () => {
    const m = parseChineseAmount("9.8万")!;
    expect(m.value).toBe(98000);
    expect(m.decimal).toBe("98000");
    expect(mentionToFen(m)).toBe(9800000);
    expect(mentionToFen(parseChineseAmount("0.07万元")!)).toBe(70000);
    expect(mentionToFen(parseChineseAmount("85,000.50元")!)).toBe(8500050);
  });

  it("reads a lower place joined by 零 after a digit multiplier as one figure (1亿零500万, 1万零5, 10万零5千)", () => {
    expect(valueOf("1亿零500万")).toBe(105000000);
    expect(valueOf("2亿零50万")).toBe(200500000);
    expect(valueOf("1万零5")).toBe(10005);
    expect(valueOf("10万零5千")).toBe(105000);
    expect(valueOf("3万零8百元")).toBe(30800);
    const [m] = findNumbers("网上卖了1亿零500万 流量补贴");
    expect(m!.raw).toBe("1亿零500万");
  });

  it("reads 破了 before a figure as above it, like 破 and 突破了 (头一回破了200万)", () => {
    const [m] = findNumbers("头一回破了200万");
    expect(m!.words).toBe("破了200万");
    expect(m!.interval).toMatchObject({ low: 2000000, lowInclusive: false });
  });

  it("marks 10w+ as at least 100000", () => {
    const m = parseChineseAmount("粉丝10w+")!;
    expect(m.value).toBe(100000);
    expect(m.atLeast).toBe(true);
    expect(m.raw).toBe("10w+");
  });

  it("marks 多/以上/超过 as at least and 不到/接近 as below", () => {
    expect(parseChineseAmount("100多万")).toMatchObject({ value: 1000000, atLeast: true });
    expect(parseChineseAmount("一百多万")).toMatchObject({ value: 1000000, atLeast: true });
    expect(parseChineseAmount("10万以上")).toMatchObject({ value: 100000, atLeast: true });
    expect(parseChineseAmount("超过30人")).toMatchObject({ value: 30, atLeast: true, unit: "人" });
    expect(parseChineseAmount("不到10万")).toMatchObject({ value: 100000, below: true });
    expect(parseChineseAmount("粉丝快10万了")).toMatchObject({ value: 100000, below: true });
    expect(parseChineseAmount("近100万")).toMatchObject({ value: 1000000, below: true });
  });

  it("reads 九十好几万 as one figure of ninety-odd 万, like 九十多万", () => {
    const [m, ...rest] = findNumbers("卖了九十好几万 没到100万");
    expect(m).toMatchObject({ raw: "九十好几万", value: 900000 });
    expect(m!.interval).toMatchObject({ low: 900000, high: 1000000 });
    expect(rest.map((r) => r.raw)).toEqual(["100万"]);
    expect(findNumbers("培训了二十好几个人")[0]).toMatchObject({ raw: "二十好几个人", value: 20, unit: "人" });
  });

  it("reads 好几 with a unit as several, two to nine (运行好几年了), while 几 alone still asks (有几个站点, 开了几年了)", () => {
    const [years] = findNumbers("运行好几年了");
    expect(years).toMatchObject({ value: 2, unit: "年", words: "好几年" });
    expect(years!.interval).toMatchObject({ low: 2, high: 10, lowInclusive: true, highInclusive: false });
    expect(findNumbers("办了好几期")[0]).toMatchObject({ value: 2, words: "好几期" });
    expect(findNumbers("有几个站点")).toEqual([]);
    expect(findNumbers("开了几年了")).toEqual([]);
    expect(findNumbers("好几")).toEqual([]);
  });

  it("normalises the unit after the multiplier (万元 → 元, 平米/㎡ → 平方米, 个月 → 月)", () => {
    expect(parseChineseAmount("4500万元")).toMatchObject({ value: 45000000, unit: "元" });
    expect(parseChineseAmount("4800平米")).toMatchObject({ value: 4800, unit: "平方米" });
    expect(parseChineseAmount("5200㎡")).toMatchObject({ value: 5200, unit: "平方米" });
    expect(parseChineseAmount("6000平方米")).toMatchObject({ value: 6000, unit: "平方米" });
    expect(parseChineseAmount("6个月")).toMatchObject({ value: 6, unit: "月" });
    expect(parseChineseAmount("三回")).toMatchObject({ value: 3, unit: "次" });
    for (const [raw, unit] of [["32家", "家"], ["30人", "人"], ["200人次", "人次"], ["10笔", "笔"], ["20万件", "件"], ["50万吨", "吨"], ["35间", "间"], ["5名", "名"], ["2天", "天"]] as const) {
      expect(parseChineseAmount(raw)?.unit, raw).toBe(unit);
    }
    expect(parseChineseAmount("20万件")?.value).toBe(200000);
  });

  it("reads half days and percentages", () => {
    expect(parseChineseAmount("半天")).toMatchObject({ value: 0.5, unit: "天" });
    expect(parseChineseAmount("一天半")).toMatchObject({ value: 1.5, unit: "天" });
    expect(parseChineseAmount("两天")).toMatchObject({ value: 2, unit: "天" });
  });

  it("reads 一整天 and 一整年 as one whole unit of time, but not 一整套 as a unit", () => {
    expect(findNumbers("培训了一整天 管吃住")[0]).toMatchObject({ raw: "一整天", value: 1, unit: "天" });
    expect(findNumbers("干了两整年")[0]).toMatchObject({ raw: "两整年", value: 2, unit: "年" });
    expect(findNumbers("买了一整套设备")[0]?.unit).toBeUndefined();
    expect(parseChineseAmount("50%")).toMatchObject({ value: 50, unit: "%" });
    expect(parseChineseAmount("百分之五十")).toMatchObject({ value: 50, unit: "%" });
  });

  it("reports positions so that text.slice(start, end) is the raw mention", () => {
    const text = "抖音１５万粉丝，2021年带货卖了120万";
    for (const m of findNumbers(text)) expect(text.slice(m.start, m.end)).toBe(m.raw);
    expect(findNumbers(text).map((m) => m.raw)).toEqual(["１５万", "2021年", "120万"]);
  });
});

describe("findNumbers recognises years and dates", () => {
  it("flags 2021年 and 二零二一年 as years, not amounts", () => {
    expect(parseChineseAmount("2021年")).toMatchObject({ value: 2021, isYear: true });
    expect(parseChineseAmount("2021年度")).toMatchObject({ value: 2021, isYear: true });
    expect(parseChineseAmount("二零二一年")).toMatchObject({ value: 2021, isYear: true });
    expect(parseChineseAmount("二〇二〇年")).toMatchObject({ value: 2020, isYear: true });
  });

  it("reads a bare 20xx standing before what was done that year as the year (2021 卖了120万), never as a count", () => {
    expect(findNumbers("2021 卖了120来个w").map((m) => [m.raw, m.value, m.isYear])).toEqual([["2021", 2021, true], ["120来个w", 1200000, undefined]]);
    expect(findNumbers("我们公司 2022 GMV 5200w")[0]).toMatchObject({ value: 2022, isYear: true });
    // Not a year: a figure with a unit, a number glued to a word, or one that does not stand before an activity.
    expect(findNumbers("粉丝2021 卖了120万")[0]!.isYear).toBeUndefined();
    expect(findNumbers("2021个 卖了")[0]!.isYear).toBeUndefined();
    expect(findNumbers("一共2021 人次")[0]!.isYear).toBeUndefined();
  });

  it("reads a month after a two-digit year as that year's month (23年3月份), never as a count of months", () => {
    expect(findNumbers("23年3月份成立的").map((m) => [m.raw, m.value, m.isYear, m.month])).toEqual([["23年3月", 2023, true, 3]]);
    expect(findNumbers("22年13月").map((m) => m.raw)).toEqual(["22年", "13月"]);
  });

  it("resolves 去年/今年/前年/当年 against the as-of date, and only when one is given", () => {
    const asOf = "2022-06-01";
    expect(findNumbers("去年", { asOf })[0]).toMatchObject({ value: 2021, isYear: true, relative: "去年" });
    expect(findNumbers("今年", { asOf })[0]).toMatchObject({ value: 2022, isYear: true });
    expect(findNumbers("前年", { asOf })[0]).toMatchObject({ value: 2020, isYear: true });
    expect(findNumbers("当年", { asOf })[0]).toMatchObject({ value: 2022, isYear: true });
    expect(findNumbers("去年")).toEqual([]);
  });

  it("reads 在京东上年销售额 as 'on JD, annual sales', not 'last year'", () => {
    expect(findNumbers("在京东上年销售额150万", { asOf: "2022-06-01" }).map((m) => m.raw)).toEqual(["150万"]);
  });

  it("reads full dates as one year mention carrying the date", () => {
    expect(findNumbers("2022-12-31")).toEqual([expect.objectContaining({ value: 2022, isYear: true, date: "2022-12-31" })]);
    expect(findNumbers("有效期至2022年12月31日")).toEqual([
      expect.objectContaining({ value: 2022, isYear: true, date: "2022-12-31", raw: "2022年12月31日" }),
    ]);
    expect(findNumbers("2020年3月成立")[0]).toMatchObject({ value: 2020, isYear: true, month: 3 });
  });

  it("treats both ends of a year range as years", () => {
    expect(findNumbers("2020—2022年").every((m) => m.isYear)).toBe(true);
    expect(findNumbers("2020-2022年")).toHaveLength(2);
  });

  it("reads a two-digit year before 年 but not a duration", () => {
    expect(parseChineseAmount("21年卖了100万")).toMatchObject({ value: 2021, isYear: true });
    expect(parseChineseAmount("做了15年")).toMatchObject({ value: 15, unit: "年" });
  });

  it("does not read a year without 年 as a year", () => {
    expect(parseChineseAmount("2021")?.isYear).toBeUndefined();
  });
});

describe("findNumbers flags values no fact can have", () => {
  it("recognises negative numbers", () => {
    expect(parseChineseAmount("粉丝-5")).toMatchObject({ value: -5, negative: true });
    expect(parseChineseAmount("-5万")).toMatchObject({ value: -50000, negative: true });
    expect(parseChineseAmount("负5万")).toMatchObject({ value: -50000, negative: true });
    // One blank of any kind may stand after the sign, and after ¥ (the Arabic numbers are read without a regex).
    expect(parseChineseAmount("-\n¥\u20035万")).toMatchObject({ raw: "-\n¥\u20035万", value: -50000, negative: true });
    expect(parseChineseAmount("- x5")).toMatchObject({ raw: "5", value: 5 });
  });

  it("reads thousands groups only of three digits, and an exponent of one to three digits", () => {
    expect(findNumbers("1,234,567元").map((m) => m.value)).toEqual([1234567]);
    expect(findNumbers("1,2345").map((m) => m.raw)).toEqual(["1,234", "5"]);
    expect(findNumbers("1234,567").map((m) => m.raw)).toEqual(["1234", "567"]);
    expect(findNumbers("1.5e+3人").map((m) => m.value)).toEqual([1500]);
    expect(findNumbers("2e+x").map((m) => m.raw)).toEqual(["2"]);
  });

  it("does not read a range hyphen as a minus sign (10-20万 is one range from 10万 to 20万)", () => {
    expect(findNumbers("10-20万").map((m) => [m.value, m.interval.high])).toEqual([[100000, 200000]]);
    expect(findNumbers("2020-2022年").map((m) => m.value)).toEqual([2020, 2022]);
  });

  it("reads two figures joined by a range sign, each with its own multiplier, as one range (98万到105万, 8万-10万)", () => {
    const range = (text: string) => findNumbers(text).map((m) => [m.interval.low, m.interval.high, m.words]);
    expect(range("网零在98万到105万元之间")).toEqual([[980000, 1050000, "98万到105万元"]]);
    expect(range("九十八万至一百零五万")).toEqual([[980000, 1050000, "九十八万至一百零五万"]]);
    expect(range("粉丝8万-10万")).toEqual([[80000, 100000, "8万-10万"]]);
    expect(range("30人到40人")).toEqual([[30, 40, "30人到40人"]]);
  });

  it("keeps figures apart that no range joins: months of a year, a falling second figure, different units", () => {
    expect(findNumbers("3月到5月").length).toBe(2);
    expect(findNumbers("卖了50万到12月").map((m) => m.value)).toEqual([500000, 12]);
    expect(findNumbers("亏了5万 -3万").map((m) => m.value)).toEqual([50000, -30000]);
    expect(findNumbers("招了5人到3家店").map((m) => m.value)).toEqual([5, 3]);
  });

  it("marks 1e30 as absurd and gives it no fen value", () => {
    const m = parseChineseAmount("销售额1e30")!;
    expect(m.absurd).toBe(true);
    expect(mentionToFen(m)).toBeNull();
  });
});

describe("findNumbers ignores what is not a quantity", () => {
  it("skips B2B/C2C and the 零 of 零售额", () => {
    expect(findNumbers("B2B和C2C")).toEqual([]);
    expect(findNumbers("网络零售额")).toEqual([]);
  });

  it("does not read 千万别 or 万一 as numbers", () => {
    expect(findNumbers("千万别")).toEqual([]);
    expect(findNumbers("万")).toEqual([]);
  });

  it("never throws on empty, emoji-only or very long text", () => {
    expect(findNumbers("")).toEqual([]);
    expect(findNumbers("😀🎉🙏")).toEqual([]);
    expect(findNumbers("粉丝10万".repeat(2000))).toHaveLength(2000);
  });
});

describe("parseChineseNumeral", () => {
  it("reads positional digit runs and unit-based numerals", () => {
    expect(parseChineseNumeral("二零二一")).toBe(2021);
    expect(parseChineseNumeral("十五")).toBe(15);
    expect(parseChineseNumeral("两百五")).toBe(250);
    expect(parseChineseNumeral("千万")).toBeNull();
    expect(parseChineseNumeral("1千2百万")).toBe(12_000_000);
    expect(parseChineseNumeral("一\n万")).toBe(10_000); // line breaks are skipped, as /./ skips them
    expect(parseChineseNumeral("一😀")).toBeNull();
  });
});

describe("findNumbers: measure words, approximations and words that only look like numerals", () => {
  it("reads 个 between a number and 亿 as part of the amount (1个亿, 1.2个亿, 两个亿)", () => {
    expect(valueOf("1个亿")).toBe(100000000);
    expect(valueOf("1.2个亿")).toBe(120000000);
    expect(valueOf("两个亿")).toBe(200000000);
    expect(valueOf("一个亿")).toBe(100000000);
    expect(valueOf("3个亿")).toBe(300000000);
    expect(findNumbers("3个亿")[0]!.unit).toBeUndefined();
  });

  it("reads 个半 before 亿 or w as half a unit more (一个半亿 is 1.5亿, 1个半w is 1.5万), keeping the words", () => {
    expect(valueOf("一个半亿")).toBe(150000000);
    expect(valueOf("两个半亿")).toBe(250000000);
    expect(valueOf("1个半w")).toBe(15000);
    const [m] = findNumbers("网上卖了一个半亿");
    expect("网上卖了一个半亿".slice(m!.start, m!.end)).toBe("一个半亿");
    expect(valueOf("一天半")).toBe(1.5);
  });

  it("does not join 个 with 万 (3个万达 is three of something, not 30000)", () => {
    expect(findNumbers("3个万达")[0]).toMatchObject({ value: 3, unit: "个" });
  });

  it("reads 一百多万 as at least 100万 and 八百万 as 800万", () => {
    expect(findNumbers("一百多万")[0]).toMatchObject({ value: 1000000, atLeast: true });
    expect(valueOf("八百万")).toBe(8000000);
  });

  it("binds a unit only to adjacent text (年薪11万 人才 is 11万 with no unit)", () => {
    expect(findNumbers("年薪11万 人才奖励")[0]).toMatchObject({ value: 110000 });
    expect(findNumbers("年薪11万 人才奖励")[0]!.unit).toBeUndefined();
    expect(findNumbers("40个人")[0]).toMatchObject({ value: 40, unit: "人" });
  });

  it("binds no unit across a space after a Chinese numeral holding 万 (年薪十一万八 人才, 十万出头 人才)", () => {
    for (const [text, value] of [["年薪十一万八 人才", 118000], ["年薪十万出头 人才", 100000], ["年薪一点二万 人才", 12000]] as const) {
      const m = findNumbers(text)[0]!;
      expect(m.value, text).toBe(value);
      expect(m.unit, text).toBeUndefined();
    }
    expect(findNumbers("招了三 个人")[0]).toMatchObject({ value: 3, unit: "人" });
  });

  it("skips 一 inside words that are no numerals (一共, 统一, 万一, 第一次)", () => {
    expect(findNumbers("一共150人次").map((m) => m.value)).toEqual([150]);
    for (const text of ["一起", "一下", "一直", "一定", "一般", "一样", "一些", "一点", "一次性", "统一标准", "万一不行", "第一次突破"]) {
      expect(findNumbers(text), text).toEqual([]);
    }
    expect(valueOf("一年")).toBe(1);
  });
});

describe("findNumbers: magnitudes pasted from platform dashboards", () => {
  it("reads 1.2M as 1200000 and 150k as 150000", () => {
    expect(findNumbers("GMV 1.2M").map((m) => m.value)).toEqual([1_200_000]);
    expect(findNumbers("150k粉丝").map((m) => m.value)).toEqual([150_000]);
  });
  it("does not read an area in m2 or a duration in min as a magnitude", () => {
    expect(findNumbers("面积300m2")[0]!.value).toBe(300);
    expect(findNumbers("直播5min")[0]!.value).toBe(5);
  });
});

describe("findNumbers: a decimal written in Chinese before its magnitude", () => {
  it("reads 一点六亿, 两点五万元, 一点五个亿 as 1.6亿, 2.5万元, 1.5亿 (not 六亿, 五万), and 一点 alone as no number", () => {
    const one = (t: string) => findNumbers(t).map((m) => [m.value, m.words]);
    expect(one("全年交易一点六亿")).toEqual([[160_000_000, "一点六亿"]]);
    expect(one("花了两点五万元")).toEqual([[25_000, "两点五万元"]]);
    expect(one("卖了一点五个亿")).toEqual([[150_000_000, "一点五个亿"]]);
    expect(one("一点都不多")).toEqual([]);
  });
});
