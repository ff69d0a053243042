/** The safety net through `ask --json`: a condition the user spoke of in words no reader knows is asked, never assumed. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson({
    parkNotVisited: ["汨罗的电商公司 2018年纳税额320万 园区那边我们没去 能奖多少"],
    parkDenied: ["汨罗的电商公司 2018年纳税额320万 园区那边我们没去 能奖多少", "没有"],
    parkConfirmed: ["叶集 电商企业 租了200平米办公室 不知道算不算园区 房租补贴能补多少", "是的 入园了"],
    parkStillOpen: ["汨罗的电商公司 2018年纳税额320万 园区那边我们没去 能奖多少", "我们在汨罗注册的"],
    parkSilent: ["汨罗的电商公司 2018年纳税额320万 能奖多少"],
    parkForAWhile: ["汨罗 我们是电商企业 产业园入驻不到一年 2018年纳税额320万 能奖多少"],
  });
}, 180_000);

const award = (a: Answer, clause: string) => a.awards.find((x) => x.clause === clause);

describe("ask: a condition spoken of in unread words", () => {
  it("is asked about in the user's words, with no ✅ and the provision undecided", () => {
    const a = answers.parkNotVisited!;
    expect(a.status).toBe("needs_info");
    expect(a.missing).toContain("inPark");
    expect(a.text).toContain("你说“园区那边我们没去”");
    expect(a.text).not.toContain("✅");
    expect(award(a, "miluo-2017:三/(三)/7")?.eligible).toBeNull();
  });
  it("is decided by the reply to the question (没有 → ❌, 是的 入园了 → ✅)", () => {
    expect(award(answers.parkDenied!, "miluo-2017:三/(三)/7")?.eligible).toBe(false);
    expect(award(answers.parkConfirmed!, "yeji-2017:五/10")?.eligible).toBe(true);
  });
  it("stays asked while the user talks of something else", () => {
    expect(answers.parkStillOpen!.missing).toContain("inPark");
    expect(answers.parkStillOpen!.text).not.toContain("✅");
  });
  it("is still assumed, listed as 还需满足, when the user said nothing of it or nothing against it (入驻不到一年)", () => {
    expect(award(answers.parkSilent!, "miluo-2017:三/(三)/7")).toMatchObject({ eligible: true, amountFen: 3_000_000 });
    expect(award(answers.parkForAWhile!, "miluo-2017:三/(三)/7")).toMatchObject({ eligible: true, amountFen: 3_000_000 });
  });
});
