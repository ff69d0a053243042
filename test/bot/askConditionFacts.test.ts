/**
 * Conditions a merchant states in chat that the engine now decides from facts, through `ask --json`: support
 * already received this year against a yearly cap, and a sales tier crossed in an earlier year ("首次突破").
 * Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    fewPavilions: ["叶集 我们公司负责运营维护区里的农村电商公共服务中心 线上特色馆目前就开了一个拼多多馆 能全额补助不"],
    enoughPavilions: ["叶集 我们运营区农村电商公共服务中心 建了淘宝 京东 苏宁 拼多多4个线上特色馆 运营维护补助有吗"],
    receivedSome: ["东营 今年搞了两场直播大赛 已经拿了8万补贴 第三场花了5万 还能补多少"],
    receivedAll: ["东营 2022年我们公司独立站推广已经补满10万了 现在又投了15万做海外推广 还能申请吗"],
    crossedLastYear: ["汨罗 去年网上卖本地茶叶卖了230万 今年卖了450万 首次突破的奖励还能拿吗"],
    higherTierNow: ["叶集 我们公司做B2B的 已经运行三年了 2019年卖了320万 2020年卖了560万 有没有奖励"],
    demoDistrict: ["叶集 我们厂去年拿了个区级的电商示范企业 能奖多少"],
    demoLevelAsked: ["汨罗 我们公司评上了电子商务示范企业 有奖励吗", "省级的"],
    spelledOut: ["叶集 我们公司投了60万建跨境电子商务交易平台 能补多少"],
    notStartupCity: ["汨罗 我们在自己家里开的网店 没进创业城 房租补贴能拿吗"],
    ownerPoor: ["汨罗 我是建档立卡贫困户 在淘宝开了个网店 第一年成交了15笔 有补助吗"],
    crossBorder: ["汨罗 我们公司在速卖通和亚马逊上卖 做跨境的 有没有奖励"],
    notListing: ["汨罗 我们电商公司暂时不打算上市 上市那个扶持跟我们有关系吗"],
    notStable: ["叶集 我们网店招了3个贫困户 都是临时工 干了几天 有补助吗"],
    talentBefore2020: ["平阴 我们公司2019年引进的运营总监 签了三年合同 年薪20万 有奖励吗"],
    whitelist: ["聊城 我们公司招了12个人就业 都是在白名单培训机构培训过的 社保交了8个月 有奖励吗"],
    liveCompany: ["聊城 我们是今年新注册的直播电商公司 独立法人 纳统网络零售额2500万 有奖励吗"],
    platformShareOpen: ["聊城 我们做的快递物流信息平台 能实时比价撮合对接 2023年刚上线 有奖吗"],
    platformShareLow: ["聊城 我们快递物流信息平台能实时比价撮合 2023年整合了县里七成的快递单量 能奖20万不"],
    anchorContract: ["聊城 我们培训机构在聊城注册的 今年培训了22个主播 粉丝都过10万 主播都跟聊城企业签了半年的带货合同 社保交了7个月 能奖吗"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: support already received this year counts against the yearly cap", () => {
  it("leaves the rest of the year's 10万: 8万 received, 5万 spent on a contest → 2万, with the 余额 in the trace", () => {
    const a = award("receivedSome", "dongying-2020:三/(五)");
    expect(a, answers.receivedSome!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(a!.trace.join("\n")).toContain("本年度已获补助 8万元，余额：10万元 − 8万元 = 2万元");
    expect(answers.receivedSome!.text).not.toMatch(/不是你说的/);
  });
  it("the cap used up is ❌ with the user's words beside the clause's", () => {
    expect(award("receivedAll", "dongying-2020:三/(五)")?.eligible, answers.receivedAll!.text).toBe(false);
    expect(answers.receivedAll!.text).toContain("❌ 你说“已经补满10万了”｜条文：“每年累计不超过10万元（同一年度已获补助的，按余额计）”");
  });
});

describe("ask --json: a tier crossed in an earlier year is not first crossed now (首次突破)", () => {
  it("230万 last year and 450万 this year cross the 200万 tier twice: ❌, naming last year's figure", () => {
    const a = award("crossedLastYear", "miluo-2017:三/(三)/10");
    expect(a?.eligible, answers.crossedLastYear!.text).toBe(false);
    expect(answers.crossedLastYear!.text).toMatch(/以前年度已经突破过（你说“2022年230万”）/);
  });
  it("320万 then 560万: the 500万 tier is new against 2019, and whether it is the first crossing ever (years before 2019) is asked, not assumed", () => {
    const a = award("higherTierNow", "yeji-2017:五/14");
    expect(a, answers.higherTierNow!.text).toMatchObject({ eligible: null, amountFen: 2_000_000 });
    expect(a!.trace.join("\n")).toContain("以前年度（2019年320万）未突破第2档（500万元）");
    expect(answers.higherTierNow!.missing).toContain("firstTimeReached");
  });
});

describe("ask --json: the level of a 示范企业 is its own condition", () => {
  it("a district-level title is none of 市级/省级/国家级: ❌ naming the level", () => {
    expect(award("demoDistrict", "yeji-2017:五/15")?.eligible, answers.demoDistrict!.text).toBe(false);
    expect(answers.demoDistrict!.text).toMatch(/❌ 电子商务示范企业奖励.*区县级/);
  });
  it("a title without its level is asked for, and a bare level answers it (汨罗 省级 → 2万元)", () => {
    expect(award("demoLevelAsked", "miluo-2017:三/(三)/4"), answers.demoLevelAsked!.text).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
});

describe("ask --json: 电商 words are understood written out as 电子商务", () => {
  it("跨境电子商务交易平台 is the cross-border platform provision: 60万 × 15% = 9万元", () => {
    expect(award("spelledOut", "yeji-2017:五/14"), answers.spelledOut!.text).toMatchObject({ eligible: true, amountFen: 9_000_000 });
  });
});

describe("ask --json: conditions of single provisions a merchant states (issue 10 item 2)", () => {
  it.each([
    ["notStartupCity", "miluo-2017:三/(三)/2", "没进创业城", "进入创业城开设网店、网商运营中心"],
    ["notListing", "miluo-2017:三/(六)", "不打算上市", "为拟上市的电子商务企业"],
    ["notStable", "yeji-2017:五/14", "干了几天", "聘用的贫困人口稳定就业"],
    ["talentBefore2020", "pingyin-2020:三/(六)", "2019年引进的", "2020年1月1日后由企业引进的电商高级管理、营运、技术人才"],
    ["anchorContract", "liaocheng-2022:九", "带货合同", "与聊城市企业签订一年及以上直播带货业务合同"],
  ])("%s: ❌ with the user's words beside the clause's", (id, clause, said, text) => {
    const a = answers[id]!.awards.find((x) => x.clause === clause && x.eligible === false);
    expect(a, answers[id]!.text).toBeDefined();
    expect(answers[id]!.text).toMatch(new RegExp(`❌ 你说“[^”]*${said}[^”]*”｜条文：“${text.replace(/[()（）]/g, ".")}”`));
  });

  it.each([
    ["ownerPoor", "miluo-2017:三/(三)/9", "我是建档立卡贫困户", "开店人为建档立卡贫困人员"],
    ["crossBorder", "miluo-2017:三/(三)/11", "做跨境", "开展跨境电子商务"],
    ["whitelist", "liaocheng-2022:九", "白名单培训机构", "培训经电商生态链企业“白名单”培训机构或院校“专业+实训”"],
    ["liveCompany", "liaocheng-2022:六", "直播电商公司", "直播电商企业"],
  ])("%s: ✅ with the user's words, and no longer under 还需满足", (id, clause, said, text) => {
    const a = answers[id]!.awards.find((x) => x.clause === clause);
    expect(a?.eligible, answers[id]!.text).not.toBe(false);
    expect(a!.conditions).not.toContain(text);
    expect(answers[id]!.text).toContain(`✅ 你说“`);
    expect(answers[id]!.text).toMatch(new RegExp(`✅ 你说“[^”]*${said}[^”]*”｜条文：“${text.replace(/[+()（）]/g, ".")}”`));
  });
});

describe("ask --json: the count of online feature pavilions (叶集 五/11 建成…3个以上线上特色馆)", () => {
  it("decides ❌ when the user built fewer than three, with their words beside the clause's", () => {
    const a = answers.fewPavilions!;
    expect(a.awards.find((x) => x.clause === "yeji-2017:五/11")?.eligible).toBe(false);
    expect(a.text).toContain("3个以上线上特色馆");
  });
  it("does not fail the provision when the user built enough", () => {
    expect(answers.enoughPavilions!.awards.some((x) => x.clause === "yeji-2017:五/11" && x.eligible === false)).toBe(false);
  });
});

describe("ask --json: a share of the county's parcels decides 聊城 十's information platform (整合县域80%以上快递单量)", () => {
  it("rules the platform out at 七成 (70% < 80%)", () => {
    expect(award("platformShareLow", "liaocheng-2022:十"), answers.platformShareLow!.text).toMatchObject({ eligible: false });
  });

  it("shows the 80% still to meet among the conditions when the share is not said", () => {
    expect(award("platformShareOpen", "liaocheng-2022:十")).toMatchObject({ eligible: true, amountFen: 20_000_000 });
    expect(answers.platformShareOpen!.text).toContain("整合县域80%以上快递单量");
  });
});
