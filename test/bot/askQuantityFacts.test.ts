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
