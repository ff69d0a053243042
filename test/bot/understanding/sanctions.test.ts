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

  it("is asked by a wrongdoing told as past and whether the asker may still apply, not by what they get", () => {
    for (const q of ["以前拖欠过农户货款 还能申请吗", "卖过假冒伪劣产品被处罚过 还能申报不"]) expect(asksSanction(q, true), q).toBe(true);
    for (const q of ["去年因为偷税漏税被处理过 还能拿奖励吗", "以前申请过 还能申请吗"]) expect(asksSanction(q, true), q).toBe(false);
  });

  it("reads a list under a sanction's lead as one sentence with every item, in one clause or over its items", () => {
    const inline = [{ id: "w:三/(二)", text: "（二）享受奖补的主体应当在县内注册并纳税。有下列情形之一的，不予扶持：存在拖欠农户货款行为的；申报材料弄虚作假的。", headingPath: [], childIds: [] }];
    expect(sanctionSentences(inline).map((s) => s.sentence)).toEqual(["有下列情形之一的，不予扶持：存在拖欠农户货款行为的；申报材料弄虚作假的。"]);
    const items = [
      { id: "f:第八条", text: "第八条 有下列情形之一的，取消当年扶持资格：\n（一）直播中销售假冒伪劣产品的；\n（二）刷单炒信、虚构交易数据的。", headingPath: [], childIds: ["f:第八条/(一)", "f:第八条/(二)"] },
      { id: "f:第八条/(一)", text: "（一）直播中销售假冒伪劣产品的；", headingPath: [], childIds: [] },
      { id: "f:第八条/(二)", text: "（二）刷单炒信、虚构交易数据的。", headingPath: [], childIds: [] },
    ];
    expect(sanctionSentences(items)).toEqual([{ clauseId: "f:第八条", sentence: "有下列情形之一的，取消当年扶持资格：\n（一）直播中销售假冒伪劣产品的；\n（二）刷单炒信、虚构交易数据的。" }]);
  });

  it("is answered by the sanction for that wrongdoing, chat words for falsification read as the document's 虚报", () => {
    const sentences = sanctionSentences(doc);
    expect(sentences).toHaveLength(2);
    expect(sanctionAsked("数据造假会怎么样", sentences)?.sentence).toContain("取消当年扶持资格");
    expect(sanctionAsked("偷税漏税的会怎么处理", sentences)?.sentence).toBe("有偷税漏税记录的，不予扶持。");
  });
});
