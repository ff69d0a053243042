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

describe("extractFacts: a blank after a figure in 万 or 亿 ends it", () => {
  it("reads 日均资金流量六十万 年交易额1.8个亿 as two money figures (the 年 starts the next cue, it is no unit)", () => {
    expect(read("日均资金流量六十万 年交易额1.8个亿").facts).toMatchObject({ dailyFundFlow: 60_0000_00, transactionVolume: 1_8000_0000_00 });
    expect(read("日均资金七十万 年交易额一亿二").facts).toMatchObject({ dailyFundFlow: 70_0000_00, transactionVolume: 1_2000_0000_00 });
  });
  it("lets the cue before a figure win over a noun after a blank (线上交易做了二十二万 站点能拿奖励不)", () => {
    const r = read("电商服务站 这一年线上交易做了二十二万 站点能拿奖励不");
    expect(r.facts.transactionVolume).toBe(22_0000_00);
    expect(r.facts.sites).toBeUndefined();
    expect(read("网上交易搞了三十万 站点有奖吗").facts.transactionVolume).toBe(30_0000_00);
  });
  it("still reads a count whose noun follows a blank with nothing before it", () => {
    expect(read("叶集 建了 5 个站点").facts.sites).toBe(5);
  });
});

describe("extractFacts: the words of a provision's matter and costs", () => {
  it("reads 运营维护费 as the cost of running the centre", () => {
    expect(read("运营维护农村电商公共服务中心 运营维护费一年八十万").facts).toMatchObject({ expenses: 80_0000_00, activity: "serviceCenterOperation" });
  });
  it("reads a trading platform of one's own (自建交易平台) as 三/(四)'s matter, a cross-border one as its own", () => {
    expect(read("自建交易平台 填补省内空白 备案了 研发加软硬件投了1.2M").facts.activity).toBe("paymentPlatform");
    expect(read("我们自建电商交易平台 已备案").facts.activity).toBe("paymentPlatform");
    expect(read("建了个跨境电商交易平台").facts.activity).toBe("crossBorderPlatform");
  });
  it("reads 跨境电商平台 as building one, unless the clause says the platform is used (推广, 卖, 开店)", () => {
    expect(read("跨境电商平台补贴多少").facts.activity).toBe("crossBorderPlatform");
    expect(read("在亚马逊等跨境电商平台推广花了10万").facts.activity).toBe("promotion");
    expect(read("我们在跨境电商平台上卖货").facts.activity).toBeUndefined();
  });
  it("reads image capture and quality systems of farm produce as the supply chain (叶集 五/12)", () => {
    expect(read("搞农产品品牌和质量保障体系 买了影像采集网络传输设备").facts.activity).toBe("supplyChain");
  });
  it("reads 转成法人企业 as a branch converted", () => {
    expect(read("我们在临清 2023年已经转成法人企业 也入库纳统了").facts.branchConverted).toBe(true);
  });
});

describe("extractFacts: what a training session, a venue and a span are", () => {
  it("reads 中午管了饭 as a meal provided", () => {
    expect(read("搞了一期半天的电商培训 来了40个农民 中午管了饭").facts).toMatchObject({ trainees: 40, trainingDays: 0.5, mealProvided: true });
  });
  it("reads 培训和展示场所装修 as the centre's venue, not a training session", () => {
    expect(read("农村电商公共服务中心的培训和展示场所装修 新增投入六十万").facts).toMatchObject({ activity: "serviceCenterBuild", decorationInvestment: 60_0000_00 });
  });
  it("reads 满一年 as a year of operation, and 社保满一年 still as the social insurance", () => {
    expect(read("C2C个人网店 满一年了").facts.operatingMonths).toBe(12);
    expect(read("社保满一年了").facts).toMatchObject({ socialInsuranceMonths: 12 });
    expect(read("社保满一年了").facts.operatingMonths).toBeUndefined();
  });
  it("counts the last noun of a compound (六十个电商企业员工 are people trained, not companies)", () => {
    const r = read("我们培训机构搞了一期 来了六十个电商企业员工");
    expect(r.facts.trainees).toBe(60);
    expect(r.facts.residentCompanies).toBeUndefined();
    expect(read("园区入驻了30家电商企业").facts.residentCompanies).toBe(30);
  });
});
