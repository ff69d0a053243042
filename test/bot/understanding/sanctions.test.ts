import { describe, expect, it } from "vitest";
import { asksSanction, sanctionAsked, sanctionSentences } from "../../../bot/understanding/sanctions.js";

const doc = [
  { id: "x:四", text: "（一）扶持范围。申报主体应当如实申报，存在虚报、重报等情况的，取消当年扶持资格，3年内不得享受本办法扶持政策；有偷税漏税记录的，不予扶持。", headingPath: ["扶持范围"], childIds: [] },
  { id: "x:三", text: "（三）对年销售额超过500万元的企业奖励5万元。", headingPath: ["奖励"], childIds: [] },
];

describe("what follows a wrongdoing", () => {
  it("is asked by a wrongdoing and a question about its consequence, not by a stated past", () => {
    for (const q of ["申报材料弄虚作假被查出来会咋样", "骗补贴有啥后果", "刷单被发现怎么处理"]) expect(asksSanction(q), q).toBe(true);
    for (const q of ["去年因为偷税漏税被处理过 还能拿奖励吗", "弄虚作假是什么意思", "材料怎么准备"]) expect(asksSanction(q), q).toBe(false);
  });

  it("is asked by whether the asker may apply again after a wrongdoing, even in award words", () => {
    expect(asksSanction("去年数据报多了被查到 今后还能申报吗", true)).toBe(true);
    expect(asksSanction("材料造假被发现了 往后几年还能申请不", true)).toBe(true);
    expect(asksSanction("去年因为偷税漏税被处理过 还能拿奖励吗", true)).toBe(false);
  });

  it("is answered by the sanction for that wrongdoing, chat words for falsification read as the document's 虚报", () => {
    const sentences = sanctionSentences(doc);
    expect(sentences).toHaveLength(2);
    expect(sanctionAsked("数据造假会怎么样", sentences)?.sentence).toContain("取消当年扶持资格");
    expect(sanctionAsked("偷税漏税的会怎么处理", sentences)?.sentence).toBe("有偷税漏税记录的，不予扶持。");
  });
});
