/**
 * Terms and lines a merchant states about the people they hire, through `ask --json`: a labour contract shorter
 * than the year a job subsidy asks for leaves that part out (平阴 三/(二)/1), and wages set below the minimum wage
 * fail the start-up subsidy. Phrasings are our own, not the QA sets'.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const startup = "平阴 我们2021年3月注册的小微电商公司 头一回创业 开了一年半了 社保足额交着";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    shortContracts: [`${startup} 工资不低于最低工资 新招了3个应届高校毕业生 合同签的8个月 能拿多少`],
    yearContracts: [`${startup} 工资不低于最低工资 新招了3个应届高校毕业生 合同都签了两年 能拿多少`],
    contractsUnsaid: [`${startup} 工资不低于最低工资 新招了3个应届高校毕业生 能拿多少`],
    otherHires: [`${startup} 工资不低于最低工资 新招了3个人 都是亲戚 不是登记失业的 合同签了两年 能拿多少`],
    wageBelow: [`${startup} 工资比当地最低工资标准还少一些 能拿创业补贴吗`],
  }, "2022-06-01");
}, 180_000);

const award = (id: string) => answers[id]!.awards.find((a) => a.clause === "pingyin-2020:三/(二)/1");

describe("ask --json: a labour contract's term against 签订1年及以上期限劳动合同", () => {
  it("8-month contracts: the 2.4万 start-up subsidy only, the job part said to be left out", () => {
    expect(award("shortContracts")).toMatchObject({ eligible: true, amountFen: 2_400_000 });
    expect(answers.shortContracts!.text).toContain("岗位补贴：未计入");
  });
  it("two-year contracts: 2.4万 + 3 × 2000元 = 3万", () => {
    expect(award("yearContracts")).toMatchObject({ eligible: true, amountFen: 3_000_000 });
  });
  it("the term unsaid: the job part counts, the contract listed as still to be met (nothing asked)", () => {
    expect(award("contractsUnsaid")).toMatchObject({ eligible: true, amountFen: 3_000_000 });
  });
});

describe("ask --json: who was hired, against 吸纳登记失业人员和毕业年度高校毕业生", () => {
  it("hires said not to be 登记失业: the job part is left out, 2.4万 only", () => {
    expect(award("otherHires")).toMatchObject({ eligible: true, amountFen: 2_400_000 });
    expect(answers.otherHires!.text).toContain("岗位补贴：未计入");
  });
});

describe("ask --json: wages compared with the minimum wage", () => {
  it("比当地最低工资标准还少 fails 按月支付不低于当地最低工资标准 → ❌, no 2.4万", () => {
    expect(award("wageBelow")).toMatchObject({ eligible: false, amountFen: null });
  });
});
