import { describe, expect, it } from "vitest";
import { findNumbers, type Interval } from "../../../bot/understanding/numbers.js";

/** "[a, b)" notation of an interval, as the issue writes them. */
const show = (iv: Interval) => `${iv.lowInclusive ? "[" : "("}${iv.low}, ${iv.high}${iv.highInclusive ? "]" : ")"}`;

/** The only mention in `text`: its interval and the words kept. */
function only(text: string) {
  const ms = findNumbers(text);
  expect(ms, text).toHaveLength(1);
  return { interval: show(ms[0]!.interval), words: ms[0]!.words, unit: ms[0]!.unit, exact: ms[0]!.exact };
}

describe("findNumbers reads approximate figures as intervals and keeps the user's words", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string, words: string]> = [
    ["80来万", "[800000, 900000)", "80来万"],
    ["百来万", "[1000000, 2000000)", "百来万"],
    ["四百来万", "[4000000, 5000000)", "四百来万"],
    ["1500来万", "[15000000, 16000000)", "1500来万"],
    ["三十多万", "(300000, 400000)", "三十多万"],
    ["150多万", "(1500000, 1600000)", "150多万"],
    ["八万多", "(80000, 90000)", "八万多"],
    ["九千多万", "(90000000, 100000000)", "九千多万"],
    ["9千来万", "[90000000, 100000000)", "9千来万"],
    ["3千多万", "(30000000, 40000000)", "3千多万"],
    ["一个多亿", "(100000000, 200000000)", "一个多亿"],
    ["十几万", "[110000, 200000)", "十几万"],
    ["十几个亿", "[1100000000, 2000000000)", "十几个亿"],
    ["几十万", "[200000, 1000000)", "几十万"],
    ["几千几万", "[2000, 100000)", "几千几万"],
    ["几十几百", "[20, 1000)", "几十几百"],
    ["好几个亿", "[200000000, 1000000000)", "好几个亿"],
    ["一百出头", "(100, 120)", "一百出头"],
    ["两百出头万", "(2000000, 2400000)", "两百出头万"],
    ["三百万出头", "(3000000, 3600000)", "三百万出头"],
    ["小二十万", "[180000, 200000)", "小二十万"],
    ["小一百万", "[900000, 1000000)", "小一百万"],
    ["将近200万", "[1800000, 2000000)", "将近200万"],
    ["接近100万", "[900000, 1000000)", "接近100万"],
    ["差不多50万", "[450000, 550000]", "差不多50万"],
    ["大概80万", "[750000, 850000]", "大概80万"],
    ["3500万左右", "[34500000, 35500000]", "3500万左右"],
    ["650万左右", "[6450000, 6550000]", "650万左右"],
    ["大概100万", "[900000, 1100000]", "大概100万"],
    ["50万上下", "[450000, 550000]", "50万上下"],
    ["不到10万", "[0, 100000)", "不到10万"],
    ["没到500万", "[0, 5000000)", "没到500万"],
    ["超过30人", "(30, 40)", "超过30人"],
    ["过了50万", "(500000, 600000)", "过了50万"],
    ["首次突破600万", "(6000000, 7000000)", "突破600万"],
    ["10w+", "[100000, 200000)", "10w+"],
    ["1000万以上", "[10000000, Infinity)", "1000万以上"],
    ["至少50万", "[500000, Infinity)", "至少50万"],
  ];
  for (const [text, interval, words] of cases) {
    it(`reads ${text} as ${interval}`, () => expect(only(text)).toMatchObject({ interval, words, exact: false }));
  }
});

describe("findNumbers reads every bound word the right way round", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string, words: string]> = [
    // Ceilings include the figure: only the figure's own line can be in doubt.
    ["不超过5万元", "[0, 50000]", "不超过5万元"],
    ["没超过5万", "[0, 50000]", "没超过5万"],
    ["没有超过5万", "[0, 50000]", "没有超过5万"],
    ["未超过5万", "[0, 50000]", "未超过5万"],
    ["不超5万", "[0, 50000]", "不超5万"],
    ["不高于5万", "[0, 50000]", "不高于5万"],
    ["不多于30人", "[0, 30]", "不多于30人"],
    ["没过5万", "[0, 50000]", "没过5万"],
    ["还没破百万", "[0, 1000000]", "还没破百万"],
    ["最多5万", "[0, 50000]", "最多5万"],
    ["顶多八十万", "[0, 800000]", "顶多八十万"],
    ["至多5万", "[0, 50000]", "至多5万"],
    ["撑死也就9万", "[0, 90000]", "撑死也就9万"],
    ["最多也就二三十人", "[0, 30]", "最多也就二三十人"],
    ["5万以内", "[0, 50000]", "5万以内"],
    ["5万以下", "[0, 50000]", "5万以下"],
    ["5万封顶", "[0, 50000]", "5万封顶"],
    // Below excludes it.
    ["小于5万", "[0, 50000)", "小于5万"],
    ["少于5万", "[0, 50000)", "少于5万"],
    ["5万不到", "[0, 50000)", "5万不到"],
    // Negated "below" is a floor.
    ["不少于5万", "[50000, Infinity)", "不少于5万"],
    ["不低于5万", "[50000, Infinity)", "不低于5万"],
    ["不小于5万", "[50000, Infinity)", "不小于5万"],
    ["不止5万", "(50000, 60000)", "不止5万"],
  ];
  for (const [text, interval, words] of cases) {
    it(`reads ${text} as ${interval}`, () => expect(only(text)).toMatchObject({ interval, words, exact: false }));
  }

  it("reads 不过 before a figure as 'but', not as a bound", () => {
    expect(only("卖得还行，不过120万")).toMatchObject({ interval: "[1200000, 1200000]", exact: true });
  });
});

describe("findNumbers reads ranges as one interval", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string]> = [
    ["七八个", "[7, 8]"],
    ["七八万", "[70000, 80000]"],
    ["十八九万", "[180000, 190000]"],
    ["五六十万", "[500000, 600000]"],
    ["四十七八万", "[470000, 480000]"],
    ["一百五六十万", "[1500000, 1600000]"],
    ["三千五六百万", "[35000000, 36000000]"],
    ["二十七八间", "[27, 28]"],
    ["18-20万", "[180000, 200000]"],
    ["30到40人", "[30, 40]"],
    ["三到五万", "[30000, 50000]"],
    ["十八至二十万", "[180000, 200000]"],
  ];
  for (const [text, interval] of cases) {
    it(`reads ${text} as ${interval}`, () => expect(only(text)).toMatchObject({ interval, words: text, exact: false }));
  }
});

describe("findNumbers reads a range with an approximate end as the hull of both ends", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string]> = [
    ["大概8万到12万", "[75000, 120000]"],
    ["10万到20万左右", "[100000, 220000]"],
    ["8万多到10万", "(80000, 100000]"],
    ["三十来万到五十万", "[300000, 500000]"],
  ];
  for (const [text, interval] of cases) {
    it(`reads ${text} as ${interval}`, () => expect(only(text)).toMatchObject({ interval, words: text, exact: false }));
  }
});

describe("findNumbers reads a figure offered with an alternative as the hull of both", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string]> = [
    ["12万也可能是8万", "[80000, 120000]"],
    ["8万或者12万", "[80000, 120000]"],
    ["8万或12万", "[80000, 120000]"],
    ["12万还是8万", "[80000, 120000]"],
    ["要么8万要么12万", "[80000, 120000]"],
    ["12万，也可能是8万", "[80000, 120000]"],
    ["80来万或者一百万", "[800000, 1000000]"],
  ];
  for (const [text, interval] of cases) {
    it(`reads ${text} as ${interval}`, () => {
      const ms = findNumbers(text);
      expect(ms).toHaveLength(1);
      expect(show(ms[0]!.interval)).toBe(interval);
      expect(text.endsWith(ms[0]!.words)).toBe(true);
      expect(ms[0]!.exact).toBe(false);
    });
  }

  it("keeps two figures with different units apart: 3个站点或者5万元", () => {
    expect(findNumbers("3个或者5万元")).toHaveLength(2);
  });

  it("keeps months apart: 3月还是5月", () => {
    expect(findNumbers("3月还是5月")).toHaveLength(2);
  });
});

describe("findNumbers reads rough and sized figures as intervals, never as one exact figure", () => {
  const cases: ReadonlyArray<readonly [text: string, interval: string]> = [
    ["百八十万", "[750000, 1050000]"],
    ["千八百块", "[750, 1050]"],
    ["万把块", "[9000, 16500]"],
    ["千把块", "[900, 1650]"],
    ["千把万", "[9000000, 16500000]"],
    ["六位数", "[100000, 1000000)"],
    ["7位数", "[1000000, 10000000)"],
    ["大几十万", "[500000, 1000000)"],
    ["小几十万", "(100000, 400000)"],
    ["大几百万", "[5000000, 10000000)"],
    ["不下二十人", "[20, Infinity)"],
    ["大半年", "(0.5, 1)"],
  ];
  for (const [text, interval] of cases) {
    it(`reads ${text} as ${interval}`, () => expect(only(text)).toMatchObject({ interval, words: text, exact: false }));
  }

  it("reads 一百八十万 exactly, and 放不下二十人 as twenty (不下 after 放 is no 'at least')", () => {
    expect(only("一百八十万")).toMatchObject({ interval: "[1800000, 1800000]", exact: true });
    expect(findNumbers("放不下二十人")[0]!.exact).toBe(true);
  });
});

describe("findNumbers reads mixed and full-width forms exactly", () => {
  const cases: ReadonlyArray<readonly [text: string, value: number]> = [
    ["1千2百万", 12000000],
    ["2千1百万", 21000000],
    ["12万3千", 123000],
    ["13个w", 130000],
    ["1.8个亿", 180000000],
    ["5000W", 50000000],
    ["300k", 300000],
    ["1.5 million", 1500000],
    ["1w2", 12000],
    ["3k5", 3500],
    ["1W5", 15000],
    ["¥85,000", 85000],
    ["３亿２千万", 320000000],
    ["14,000万元", 140000000],
    ["1，200，000元", 1200000],
    ["120\u3000万", 1200000],
    ["120\u00a0万", 1200000],
    ["120\t万", 1200000],
  ];
  for (const [text, value] of cases) {
    it(`reads ${JSON.stringify(text)} as exactly ${value}`, () =>
      expect(only(text)).toMatchObject({ interval: `[${value}, ${value}]`, words: text, exact: true }));
  }

  it("does not join full-width digits across a comma that is no thousands separator (１２０，５万)", () => {
    expect(findNumbers("１２０，５万").map((m) => [m.words, m.value])).toEqual([["１２０", 120], ["５万", 50000]]);
  });
});

describe("findNumbers reads count units, also after a full-width space", () => {
  const cases: ReadonlyArray<readonly [text: string, unit: string, value: number]> = [
    ["3个", "个", 3], ["5家", "家", 5], ["35间", "间", 35], ["40人", "人", 40], ["5名", "名", 5], ["2位", "位", 2],
    ["20万件", "件", 200000], ["300单", "单", 300], ["50吨", "吨", 50], ["120平", "平方米", 120], ["120平米", "平方米", 120],
    ["120个平方", "平方米", 120], ["120㎡", "平方米", 120], ["2天", "天", 2], ["半天", "天", 0.5], ["3期", "期", 3],
    ["两场", "场", 2], ["5次", "次", 5], ["8个月", "月", 8], ["3年", "年", 3], ["3\u3000个", "个", 3], ["120 平", "平方米", 120],
  ];
  for (const [text, unit, value] of cases) {
    it(`reads ${JSON.stringify(text)} as ${value} ${unit}`, () => {
      const m = findNumbers(text)[0]!;
      expect([m.value, m.unit, m.words]).toEqual([value, unit, text]);
    });
  }

  it("keeps a space-separated noun apart after a money multiplier (年薪11万 人才)", () => {
    const m = findNumbers("年薪11万 人才")[0]!;
    expect([m.value, m.unit, m.words]).toEqual([110000, undefined, "11万"]);
  });
});

describe("findNumbers ignores control characters and escape sequences", () => {
  it("reads no number out of an ANSI colour code", () => {
    expect(findNumbers("\x1b[31m红色\x1b[0m")).toEqual([]);
    expect(findNumbers("卖了\x1b[1m120万\x1b[0m").map((m) => [m.value, m.raw])).toEqual([[1200000, "120万"]]);
  });

  it("reads a control character or escape sequence between number and unit as a blank, and keeps it out of the words", () => {
    for (const text of ["卖了120\x07万", "卖了\x1b[1m120\x1b[0m万"]) {
      expect(findNumbers(text).map((m) => [m.value, m.words]), JSON.stringify(text)).toEqual([[1200000, "120万"]]);
    }
  });

  it("does not read 几 in a question as a figure (有几个站点)", () => {
    expect(findNumbers("有几个站点")).toEqual([]);
  });

  it("does not read 过 after a verb as 'more than' (办过3期)", () => {
    expect(findNumbers("办过3期")[0]).toMatchObject({ exact: true, words: "3期" });
  });
});
