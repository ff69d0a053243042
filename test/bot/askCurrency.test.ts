/** Money in another currency (issue 13 item 2), through `ask --json`: converted at the vocabulary's cited rate, basis shown. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../bot/answer.js";
import { askJson } from "./support/askJson.js";

const CLAUSE = "pingyin-2020:三/(五)";
let answers: Record<string, Answer>;
beforeAll(async () => {
  answers = await askJson(
    {
      // 400万美元 at 2021's 6.4515 is 2580.6万元: the 2000万 tier. Read as 元 it would miss every tier.
      dollars: ["平阴 我们公司做跨境电商 2021年跨境电商零售额400万美元 能拿多少"],
      yuan: ["平阴 我们公司做跨境电商 2021年跨境电商零售额400万元 能拿多少"],
    },
    "2021-06-01",
  );
}, 180_000);

const award = (id: string) => answers[id]!.awards.find((a) => a.clause === CLAUSE);

describe("ask --json: a figure in 美元", () => {
  it("is converted at the stated rate of its year, and the tier follows the converted figure", () => {
    expect(award("dollars")?.eligible, answers.dollars!.text).toBe(true);
    expect(award("dollars")?.amountFen).toBe(40_000_000);
    expect(award("yuan")?.eligible, answers.yuan!.text).not.toBe(true);
  });

  it("shows the user's words with the basis of the conversion and its source, never a converted figure alone", () => {
    const a = answers.dollars!;
    expect(award("dollars")!.trace.join("\n")).toContain("400万美元（按2021年人民币对美元平均汇率6.4515折算）");
    expect(a.text).toContain("美元按2021年人民币对美元平均汇率6.4515折算成人民币（国家统计局《2021年国民经济和社会发展统计公报》");
    expect(a.text).not.toContain("2580");
  });
});
