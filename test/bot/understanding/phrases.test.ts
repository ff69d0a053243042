/** Enum facts read as phrases: the applicant, what they did, with negation; the phrase words found once per message. */
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { readPhrases, scanPhrases } from "../../../bot/understanding/phrases.js";

const asOf = "2022-06-01";
const facts = (text: string) => extractFacts(text, { asOf }).facts;
const WAN = 1_000_000; // 1万元 in fen

describe("extractFacts reads the applicant and what they did", () => {
  const activity = (text: string) => facts(text).activity;
  const entity = (text: string) => facts(text).entityType;
  it("takes a shop (我家网店, 抖音小店) as a guess of 个体网店, since a company runs shops too", () => {
    for (const text of ["我家网店去年卖了两千万", "我们的抖音小店 卖了100万", "开了个淘宝店"]) {
      const e = extractFacts(text, { asOf });
      expect(e.facts.entityType, text).toBe("onlineShop");
      expect(e.inferred, text).toContain("entityType");
    }
    expect(entity("我们公司的网店")).toBe("company");
    expect(extractFacts("个体户 开网店", { asOf }).inferred).not.toContain("entityType");
  });

  it("reads entity types from words", () => {
    expect(entity("我们电商公司")).toBe("company");
    expect(entity("个体网店")).toBe("onlineShop");
    expect(entity("带货达人")).toBe("influencer");
    expect(entity("我们是主播")).toBe("influencer");
    expect(entity("商会承办电商直播大赛")).toBe("association");
    expect(entity("培训机构")).toBe("trainingInstitution");
    expect(entity("农业合作社")).toBe("cooperative");
    expect(entity("快递物流配送中心")).toBe("logisticsCenter");
    expect(entity("村级电商服务站")).toBe("servicePoint");
  });

  it("reads 镇上的电商园区 as a park, not a town", () => {
    expect(entity("平阴 镇上的电商园区运营面积6000平方米")).toBe("park");
  });

  it("reads a park before its rent (产业园房租补贴, 孵化园的租金) as where the asker rents, not the applicant", () => {
    expect(entity("叶集 电商产业园房租补贴咋算")).toBeUndefined();
    expect(entity("孵化园的租金能补吗")).toBeUndefined();
    expect(entity("叶集 园区房租补贴怎么算 我们公司在里面租了200平")).toBe("company");
    expect(entity("我们产业园 入驻企业30家")).toBe("park");
  });

  it("reads 我们村被认定为市级电商村 as a village with the city honour, recognised at city level", () => {
    expect(facts("我们村被认定为市级电商村")).toEqual({ entityType: "village", honour: "cityVillage", recognitionLevel: "city" });
  });

  it("reads 一个电商企业 as an article, not a count of one company", () => {
    expect(facts("一个电商企业，去年网络零售额9千万")).toEqual({ entityType: "company", activityYear: 2021, onlineRetailSales: 9000 * WAN });
  });

  it("does not read an entity as modifying a word after a blank (物流中心 镇村都覆盖 is a logistics centre)", () => {
    expect(entity("我们建的市域电商物流中心 镇村都覆盖 免费配送")).toBe("logisticsCenter");
  });
  it("reads a place before another entity noun as its modifier (贫困村电商服务站 is a service point)", () => {
    expect(entity("贫困村电商服务站")).toBe("servicePoint");
    expect(entity("园区企业")).toBe("company");
  });

  it("does not take counted or located entities for the applicant", () => {
    expect(entity("园区入驻32家电商企业")).toBe("park");
    expect(entity("电商企业入园租了200平方米")).toBe("company");
    expect(entity("我们村的合作社")).toBe("cooperative");
    expect(entity("农村电商公共服务中心")).toBeUndefined();
  });

  it("infers a livestreamer from a follower count when no applicant is named", () => {
    const x = extractFacts("抖音15万粉丝", { asOf });
    expect(x.facts.entityType).toBe("influencer");
    expect(x.inferred).toEqual(["entityType"]);
    expect(facts("我们公司抖音号15万粉丝").entityType).toBe("company");
  });

  it("reads trade mode", () => {
    expect(facts("淘宝C店")).toMatchObject({ tradeMode: "c2c", entityType: "onlineShop" });
    expect(facts("做B2B的").tradeMode).toBe("b2b");
    expect(facts("b2c网商").tradeMode).toBe("b2c");
  });

  it("reads honours", () => {
    expect(facts("我们是淘宝村").honour).toBe("taobaoVillage");
    expect(facts("我们镇被认定为市级电商小镇")).toMatchObject({ honour: "cityTown", entityType: "town" });
    expect(facts("获得省级电子商务示范企业")).toMatchObject({ honour: "demoCompany", recognitionLevel: "province" });
    expect(facts("我们公司评上的是区级电子商务示范企业")).toMatchObject({ honour: "demoCompany", recognitionLevel: "county" });
    // 著名电商品牌 come at several levels: the level the user names is kept beside the title (汨罗 pays only 省级).
    expect(facts("评上岳阳市级的著名电商品牌")).toMatchObject({ honour: "provincialBrand", recognitionLevel: "city" });
    expect(facts("我们的品牌被评为省级著名电商品牌")).toMatchObject({ honour: "provincialBrand", recognitionLevel: "province" });
    expect(facts("创建了国家农产品地理标志").honour).toBe("nationalBrand");
  });

  it("reads the activity a subsidy is for", () => {
    expect(activity("外贸企业自建站宣传推介")).toBe("promotion");
    expect(activity("举办电商直播大赛")).toBe("liveContest");
    expect(activity("入驻农产品质量溯源体系")).toBe("traceability");
    expect(activity("搞了一场电商培训")).toBe("ruralTraining");
    expect(activity("员工技能培训")).toBe("staffTraining");
    expect(activity("运营维护农村电商公共服务中心")).toBe("serviceCenterOperation");
    expect(activity("新设一级分拨中心")).toBe("sortingCenter");
    expect(activity("建立跨境电商公共服务平台")).toBe("crossBorderPlatform");
    expect(activity("首次创办小微型电商企业")).toBe("startup");
    expect(activity("培训机构培训了20名主播")).toBeUndefined();
  });

  it("reads the centre's build from 服务中心 alone, and a 培训场所 as a room of it, not a training session", () => {
    expect(activity("农村电商服务中心买电脑 LED屏 新增投入四十万")).toBe("serviceCenterBuild");
    expect(activity("服务中心场地建设装修投了一百二十来万")).toBe("serviceCenterBuild");
    expect(activity("农村电商公共服务中心 办公培训场所装修新增投入60万")).toBe("serviceCenterBuild");
    expect(activity("在服务中心搞了一场电商培训")).toBe("ruralTraining");
  });

  it("reads the centre's running costs named as 运营补助/运营费用 as its operation, over the 特色馆 counted as a condition", () => {
    expect(activity("叶集 运营企业 线上特色馆只建了2个 运营补助能拿吗")).toBe("serviceCenterOperation");
    expect(activity("特色馆弄了两个 运营的补贴有吗")).toBe("serviceCenterOperation");
    expect(activity("特色馆建了4个 服务中心运营费用一年花了80万")).toBe("serviceCenterOperation");
    expect(activity("营销特色馆建设能补多少")).toBe("featurePavilion");
  });

  it("reads a 不/没 ending the question as its A-not-A tag, not a negation (运营补助能拿不, 社保交了没)", () => {
    expect(activity("特色馆只建了2个 运营补助能拿不")).toBe("serviceCenterOperation");
    expect(activity("员工技能培训能补不")).toBe("staffTraining");
    expect(activity("员工技能培训没搞 能补吗")).toBeUndefined();
    expect(activity("员工技能培训不做")).toBeUndefined();
  });

  it("reads an activity by the clause's own examples (自建交易平台, 业务外包, 品牌培育)", () => {
    expect(activity("自建交易平台 填补省内空白 备案了")).toBe("paymentPlatform");
    expect(activity("电商业务外包创新 研发费用120万")).toBe("modelInnovation");
    expect(activity("农产品品牌培育 新增设备投入12万3千")).toBe("supplyChain");
    expect(activity("跨境电商交易平台 实际投入80万")).toBe("crossBorderPlatform");
  });
});

describe("scanPhrases finds the phrase words of a message once", () => {
  const words = (text: string) => scanPhrases(text).map((h) => h.word);
  it("a stop word hides the words inside it (主播培训), not a word running past its end (主播培训学校)", () => {
    expect(words("我们做主播培训")).not.toContain("主播");
    expect(words("我们是主播培训学校")).toContain("培训学校");
  });
  it("gives each word with its position and key, left to right", () => {
    const hits = scanPhrases("我们是合作社 开了个淘宝店");
    expect(hits.map((h) => h.start)).toEqual([...hits.map((h) => h.start)].sort((a, b) => a - b));
    for (const h of hits) expect("我们是合作社 开了个淘宝店".slice(h.start, h.end)).toBe(h.word);
  });
});

describe("readPhrases reads the facts of the words found", () => {
  const read = (text: string) => {
    const facts: Record<string, unknown> = {};
    const out = { askedAbout: {}, inferred: [] as string[], sources: {}, notes: [] as string[] };
    readPhrases(text, scanPhrases(text), facts, out as Parameters<typeof readPhrases>[3], []);
    return { facts, out };
  };
  it("the applicant the speaker names as themselves wins (我们培训机构给电商企业培训)", () => {
    expect(read("我们培训机构给电商企业员工做培训").facts.entityType).toBe("trainingInstitution");
  });
  it("a message without phrase words states nothing", () => {
    expect(read("今天天气不错").facts).toEqual({});
  });
});
