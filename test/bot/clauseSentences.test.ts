import { describe, expect, it } from "vitest";
import { asksWhoPays, sentenceBeyond } from "../../bot/clauseSentences.js";

const clause = "对主办电商大赛的，按照实际费用的50%给予补贴，每次不超过3万元。以上资金由市、区按现行财政体制分级负担。每年评选一次。";
const quote = "对主办电商大赛的，按照实际费用的50%给予补贴，每次不超过3万元。";

describe("the sentence of a clause beyond its quote", () => {
  it("reads who bears the cost as asked by 市里出还是区里出 / 谁掏钱 / 哪级财政出, not by an amount question", () => {
    for (const q of ["这笔钱是市里出还是区里出", "大赛补贴谁掏钱", "费用由哪级财政出"]) expect(asksWhoPays(q), q).toBe(true);
    for (const q of ["大赛补贴能拿多少钱", "出了多少钱能补"]) expect(asksWhoPays(q), q).toBe(false);
  });

  it("answers who pays with the clause's funding sentence whatever words the question uses", () => {
    expect(sentenceBeyond(clause, [quote], "大赛的补贴 区里出还是市里出")).toBe("以上资金由市、区按现行财政体制分级负担。");
  });

  it("still needs shared words for any other sentence", () => {
    expect(sentenceBeyond(clause, [quote], "大赛补贴能拿多少钱")).toBeUndefined();
  });
});
