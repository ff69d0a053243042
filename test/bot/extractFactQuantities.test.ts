/**
 * Which fact a quantity belongs to, read by extractFacts from the vocabulary (rules/facts.yaml): terms, sums of
 * several figures, and the noun a count counts.
 */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../bot/extractFacts.js";

const asOf = "2026-12-01";
const read = (text: string) => extractFacts(text, { asOf });

describe("extractFacts: a rent's term is its own fact (rentMonths), in months", () => {
  it("reads 租期就两年 as 24 months in the user's words, beside the rented area", () => {
    const r = read("我们电商公司入园租了60平的办公室 租期就两年 合同到了就不租了");
    expect(r.facts).toMatchObject({ rentArea: 60, rentMonths: 24 });
    expect(r.sources.rentMonths).toBe("两年");
  });
  it("takes 租 before a figure in years or months as the term, before square metres as the area", () => {
    expect(read("租了100平米 打算只租一年半").facts).toMatchObject({ rentArea: 100, rentMonths: 18 });
    expect(read("租赁合同18个月 面积80平").facts).toMatchObject({ rentArea: 80, rentMonths: 18 });
  });
  it("keeps an approximate term as whole months with its words (两年多 → 24 to 35 months)", () => {
    expect(read("租了60平 租期两年多").facts.rentMonths).toEqual({ low: 24, high: 35, words: "两年多" });
  });
});

describe("extractFacts: money each introduced by another channel of sale is a part of one year's sum", () => {
  it("adds 亚马逊上卖了2100万 and 速卖通上卖了1400万 as cross-border sales of 2021 (both channels sell abroad)", () => {
    const r = read("做跨境的 2021年亚马逊上卖了2100万 速卖通上卖了1400万 都是跨境零售");
    expect(r.facts.crossBorderSales).toMatchObject({ low: 3500_0000_00, high: 3500_0000_00, words: "2100万、1400万" });
    expect(r.facts.onlineRetailSales).toBeUndefined();
  });
  it("adds two national platforms' sales (天猫上…京东上…) as platform and online retail sales", () => {
    const r = read("天猫上卖了100万 京东上卖了80万");
    expect(r.facts.platformSales).toMatchObject({ low: 180_0000_00, words: "100万、80万" });
    expect(r.facts.onlineRetailSales).toMatchObject({ low: 180_0000_00 });
  });
  it("keeps figures of one channel, of two years or restating a total as they were", () => {
    expect(read("天猫卖了100万 天猫上个月又说是80万").facts.platformSales).not.toMatchObject({ low: 180_0000_00 });
    expect(read("去年在淘宝卖了50万 今年在京东卖了60万").facts.onlineRetailSales).toBe(60_0000_00);
    expect(read("在天猫京东一共卖了300万 其中京东100万").facts.onlineRetailSales).toBe(300_0000_00);
  });
});

describe("extractFacts: items of one sum, each named by its own word, and a correction of one of them", () => {
  it("adds 设备买了70万 and 软件10万 as the equipment and software bought (软件 is part of 软硬件设备), keeping each item's word", () => {
    const v = read("农产品溯源设备买了70万 软件10万").facts.equipmentInvestment;
    expect(v).toMatchObject({ low: 80 * 1_000_000, words: "70万、10万", items: true, parts: [{ cue: "设备" }, { cue: "软件" }] });
  });
  it("replaces only the item a correction names when the remembered value is such a sum (不对 设备是60万 → 60万 + 10万)", () => {
    const known = read("农产品溯源设备买了70万 软件10万").facts;
    const r = extractFacts("不对 设备是60万", { asOf, known });
    expect(r.facts.equipmentInvestment).toMatchObject({ low: 70 * 1_000_000, high: 70 * 1_000_000, words: "60万、10万" });
    expect(r.sources.equipmentInvestment).toBe("60万、10万");
    expect(extractFacts("不对 设备是60万", { asOf, known: { equipmentInvestment: 70 * 1_000_000 } }).facts.equipmentInvestment).toBe(60 * 1_000_000);
  });
});

describe("extractFacts: the public service centre named is the matter asked about, unless another is named", () => {
  it("reads 公共服务中心 as its building (activity serviceCenterBuild), and its operation or traceability when named", () => {
    expect(read("农村电商公共服务中心装修花了30万").facts.activity).toBe("serviceCenterBuild");
    expect(read("公共服务中心的运营维护花了60万").facts.activity).toBe("serviceCenterOperation");
    expect(read("买了溯源设备60万").facts.activity).toBe("traceability");
  });
  it("states nothing when a question only names the centre's provision (公共服务中心装修补助 土建算不算)", () => {
    expect(read("农村电商公共服务中心装修补助 土建算不算在里头").facts.activity).toBeUndefined();
  });
});

describe("extractFacts: the words a figure measures decide its fact", () => {
  it("reads money passing through in a day (一天平均走账六十万) as the daily fund flow, and 全年交易 as the year's trade", () => {
    expect(read("我们交易平台一天平均走账六十万 全年交易一点六亿").facts).toMatchObject({ dailyFundFlow: 60 * 1_000_000, transactionVolume: 16000 * 1_000_000 });
    expect(read("服务站 一年线上交易二十三万 站点有奖吗").facts).toMatchObject({ transactionVolume: 23 * 1_000_000 });
  });
});
