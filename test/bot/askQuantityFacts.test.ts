/**
 * Quantities as facts, through `ask --json`: the fact a figure belongs to decides the amount, and each answer
 * flips when the figure is given to another fact or a part of it is dropped.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    shortTerm: ["叶集 我们公司进了电商园 租了100平米的写字间 只租一年半 租金补助能拿多少"],
    noTerm: ["叶集 我们公司进了电商园 租了100平米的写字间 租金补助能拿多少"],
    correctOneItem: ["叶集 我们搞农产品溯源 买设备花了40万 软件20万 能补多少", "不对 软件是30万"],
    centreDecoration: ["叶集 村里的农村电商公共服务中心 新增的展示厅装修投入了二十万 验收合格 补助多少"],
    traceabilityEquipment: ["叶集 我们公司买溯源设备花了50万 能补多少"],
    twoChannels: ["平阴 我们外贸公司 2021年亚马逊店铺卖了1200万 Shopee卖了1100万 跨境电商奖励多少"],
    perClass: ["汨罗 我们是培训机构 2019年给电商企业的员工办技能培训 开了两个班 一个班五十个人 能补多少"],
    contributionAfterAdverb: ["聊城 我们2023年网络零售额一亿五 企业对地方的贡献一年才20万 流量补贴多少"],
    countNow: ["聊城 快递物流配送中心的奖励", "我们县域配送中心 整合了3家全国性快递", "上个月又签了3家 现在有6家了 五统一也做到了 2023年开始运营"],
    openedHalfYear: ["叶集 我们B2C网店 开张才半年 销售额过了三百五十万 首次突破奖有吗"],
    equipmentNone: ["叶集 农村电商公共服务中心的补助", "展示厅装修新增投入了二十万", "软硬件设备没投 只做了装修"],
    extraToldOne: ["叶集 上个月给农民搞了个半天的电商培训 参加的有30人 中午安排了就餐 补助多少"],
    itemsTotalled: ["叶集 我们第三方物流企业 搞农村电商物流配送体系 买了分拣线和配套软件 设备和软件加起来一共投了120万 能补多少"],
    oneOfTheSites: ["叶集 2017年新建了两个村级网点 一个花了一万五 一个花了三万 能补多少"],
    cohortYear: ["平阴 2021年首次创办小微电商公司 正常经营一年多 社保工资都合规 招了两个员工 一个是登记失业人员 一个是2021届毕业生 都签了一年合同"],
    founderAlone: ["平阴 2021年首次创办小微电商公司 正常经营一年多了 社保工资都合规 现在只有我自己一个人 创业补贴和岗位补贴能拿多少"],
  });
}, 180_000);

const award = (id: string, clause: string) => answers[id]!.awards.find((a) => a.clause === clause);

describe("ask --json: a term the user states bounds a support paid for a set term", () => {
  it("rents 一年半 of the 3 years (连续补助3年): 15元 × 100平米 × 18个月 = 2.7万 (36 months would be 5.4万)", () => {
    expect(award("shortTerm", "yeji-2017:五/10")).toMatchObject({ eligible: true, amountFen: 2_700_000 });
    expect(answers.shortTerm!.text).toContain("2.7万元");
  });
  it("without a term counts the 3 years and says a shorter term counts as rented", () => {
    expect(award("noTerm", "yeji-2017:五/10")).toMatchObject({ eligible: true, amountFen: 5_400_000 });
    expect(answers.noTerm!.text).toContain("租期不足3年的，按实际租期计");
  });
});

describe("ask --json: sales of one year on two channels add up", () => {
  it("亚马逊 1200万 + Shopee 1100万 = 2300万 ≥ 2000万 → 40万 (1100万 alone falls short of every tier)", () => {
    expect(award("twoChannels", "pingyin-2020:三/(五)")).toMatchObject({ eligible: true, amountFen: 40_000_000 });
    expect(answers.twoChannels!.text).toContain("1200万、1100万");
  });
});

describe("ask --json: a correction of one item of a sum replaces that item only", () => {
  it("设备40万 + 软件20万, then 软件是30万: (40万 + 30万) × 50% = 35万 (30万 alone would be 15万)", () => {
    expect(award("correctOneItem", "yeji-2017:五/12")).toMatchObject({ eligible: true, amountFen: 35_000_000 });
  });
});

describe("ask --json: a part of 叶集 五/9's sum the user left out counts as none only when the centre itself is asked about", () => {
  it("the centre's decoration alone (二十万): 50% = 10万, saying the equipment part was not counted (before: asked for it)", () => {
    expect(award("centreDecoration", "yeji-2017:五/9")).toMatchObject({ eligible: true, amountFen: 10_000_000 });
    expect(answers.centreDecoration!.text).toContain("软硬件设备新增投入你没有说，未计入");
  });
  it("equipment bought for traceability gets 五/12 only: no ✅ for the centre's 五/9 with its decoration part as none", () => {
    expect(award("traceabilityEquipment", "yeji-2017:五/12")).toMatchObject({ eligible: true, amountFen: 25_000_000 });
    expect(award("traceabilityEquipment", "yeji-2017:五/9")?.eligible).not.toBe(true);
  });
});

describe("ask --json: a figure per thing said with 一X after a count of them is multiplied", () => {
  it("两个班 一个班五十个人 = 100人次 × 200元 = 2万 (50人次 alone would be 1万)", () => {
    expect(award("perClass", "miluo-2017:三/(五)")).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });
});

describe("ask --json: an adverb after the period word keeps the figure the cue's (贡献一年才20万)", () => {
  it("1.5亿 → 6万, capped at 20% of 20万 = 4万 (the contribution unread would leave 6万)", () => {
    expect(award("contributionAfterAdverb", "liaocheng-2022:二")).toMatchObject({ eligible: true, amountFen: 4_000_000 });
  });
});

describe("ask --json: the founder alone creates no job (不含创业者本人)", () => {
  it("only the 2.4万 start-up subsidy, no 2000元 for the founder as a job", () => {
    expect(award("founderAlone", "pingyin-2020:三/(二)/1")).toMatchObject({ eligible: true, amountFen: 2_400_000 });
  });
});

describe("ask --json: the count stated as the value now answers a remembered count, not the figure added", () => {
  it("3家, then 又签了3家 现在有6家了: 6 ≥ 5 → 20万 (3 would be ❌)", () => {
    expect(award("countNow", "liaocheng-2022:十")).toMatchObject({ eligible: true, amountFen: 20_000_000 });
  });
});

describe("ask --json: how long a shop has run, after 开张", () => {
  it("开张才半年: 实际运行满1年 fails (❌ 五/14), not ✅ 1万 on the sales alone", () => {
    const a = award("openedHalfYear", "yeji-2017:五/14");
    expect(a?.eligible).toBe(false);
  });
});

describe("ask --json: a part said to be none counts as 0", () => {
  it("装修二十万, then 设备没投: 20万 × 50% = 10万 (before: asked for the equipment figure)", () => {
    expect(award("equipmentNone", "yeji-2017:五/9")).toMatchObject({ eligible: true, amountFen: 10_000_000 });
  });
});

describe("ask --json: add-ons of a sum (再给予): one told of, the one not told counts as none", () => {
  it("半天 30人 安排了就餐: (60 + 30) × 30 = 2700元, 上机 said not counted (before: asked whether 上机)", () => {
    expect(award("extraToldOne", "yeji-2017:六/17")).toMatchObject({ eligible: true, amountFen: 270_000 });
    expect(answers.extraToldOne!.text).toContain("安排上机操作你没有说，未计入");
  });
});

describe("ask --json: a figure totalled over items of one part is that part and all that was put in", () => {
  it("设备和软件加起来一共120万: 30% = 36万 capped at 50万 → 36万 (not a 36万–50万 range on 'at least 120万')", () => {
    expect(award("itemsTotalled", "yeji-2017:五/10")).toMatchObject({ eligible: true, amountFen: 36_000_000 });
  });
});

describe("ask --json: 一个 picking out one of the things counted, and a graduating class named by its year", () => {
  it("two sites, '一个花了一万五 一个花了三万': 2万 × 2 站点 (the 一个 is no count of one site, which gave 2万)", () => {
    const a = award("oneOfTheSites", "yeji-2017:五/13");
    expect(a?.eligible).toBe(true);
    expect(a?.amountFen).toBe(4_000_000);
  });

  it("'一个是登记失业人员 一个是2021届毕业生' keeps the two jobs: 2.4万 + 2 × 2000 = 2.8万 (not 1 job, not 2021 jobs)", () => {
    expect(award("cohortYear", "pingyin-2020:三/(二)/1")?.amountFen).toBe(2_800_000);
  });
});
