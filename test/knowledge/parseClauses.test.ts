import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Clause } from "../../knowledge/clause.js";
import { decodePolicyText } from "../../knowledge/decodePolicyText.js";
import { ClauseParseError, normaliseClauseText, parseClauses } from "../../knowledge/parseClauses.js";

const POLICY_IDS = ["pingyin-2020", "dongying-2020", "liaocheng-2022", "miluo-2017", "yeji-2017"] as const;

function parsePolicy(id: string): { text: string; clauses: Clause[]; byId: Map<string, Clause> } {
  const { text } = decodePolicyText(readFileSync(new URL(`../../knowledge/policies/${id}.txt`, import.meta.url)));
  const clauses = parseClauses(id, text);
  return { text, clauses, byId: new Map(clauses.map((c) => [c.id, c])) };
}

const parsed = Object.fromEntries(POLICY_IDS.map((id) => [id, parsePolicy(id)]));

/** Every clause path of the five documents, document order. */
const EXPECTED_PATHS: Record<(typeof POLICY_IDS)[number], string[]> = {
  "pingyin-2020": ["序言", "一", "二", "三", "三/(一)", "三/(一)/1", "三/(一)/2", "三/(一)/3", "三/(二)", "三/(二)/1", "三/(二)/2", "三/(二)/3", "三/(三)", "三/(三)/1", "三/(三)/2", "三/(三)/3", "三/(四)", "三/(五)", "三/(六)", "三/(七)", "四", "四/(一)", "四/(二)", "五", "五/(一)", "五/(二)", "五/(三)", "六", "落款", "附件1", "附件2", "附件2/1", "附件2/2", "附件2/3", "附件2/4", "附件2/5"],
  "dongying-2020": ["序言", "一", "二", "二/(一)", "二/(二)", "二/(三)", "二/(四)", "二/(五)", "二/(六)", "二/(七)", "三", "三/(一)", "三/(二)", "三/(三)", "三/(四)", "三/(五)", "三/(六)", "三/(七)", "三/(八)", "四", "四/(一)", "四/(二)", "四/(三)", "四/(四)", "结语", "落款"],
  "liaocheng-2022": ["序言", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "结语"],
  "miluo-2017": ["序言", "一", "二", "二/(一)", "二/(二)", "二/(二)/1", "二/(二)/2", "二/(二)/3", "二/(二)/4", "二/(二)/5", "二/(二)/6", "三", "三/(一)", "三/(二)", "三/(二)/1", "三/(二)/2", "三/(二)/3", "三/(三)", "三/(三)/1", "三/(三)/2", "三/(三)/3", "三/(三)/4", "三/(三)/5", "三/(三)/6", "三/(三)/7", "三/(三)/8", "三/(三)/9", "三/(三)/10", "三/(三)/11", "三/(四)", "三/(五)", "三/(六)", "四", "四/(一)", "四/(二)", "四/(三)"],
  "yeji-2017": ["序言", "一", "一/1", "二", "二/2", "二/3", "二/4", "三", "三/5", "三/6", "四", "四/7", "四/8", "五", "五/9", "五/10", "五/11", "五/12", "五/13", "五/14", "五/15", "六", "六/16", "六/17", "六/18", "六/19"],
};

/**
 * Clauses whose own text (before any child) states an amount: a number followed by 元 / 万元 / 亿元,
 * or a percentage. Read off the five documents by hand.
 */
const AMOUNT_BEARING: Record<(typeof POLICY_IDS)[number], string[]> = {
  "pingyin-2020": ["二", "三/(二)/1", "三/(二)/2", "三/(二)/3", "三/(三)/1", "三/(三)/2", "三/(三)/3", "三/(四)", "三/(五)", "三/(六)", "四/(一)", "五/(二)", "附件2/2", "附件2/3"],
  "dongying-2020": ["一", "二/(二)", "二/(三)", "二/(五)", "三/(一)", "三/(三)", "三/(四)", "三/(五)"],
  "liaocheng-2022": ["一", "二", "三", "六", "九", "十", "十一"],
  "miluo-2017": ["二/(一)", "三/(一)", "三/(二)/2", "三/(二)/3", "三/(三)/1", "三/(三)/3", "三/(三)/4", "三/(三)/5", "三/(三)/7", "三/(三)/8", "三/(三)/9", "三/(三)/10", "三/(三)/11", "三/(四)", "三/(五)", "四/(三)"],
  "yeji-2017": ["五/9", "五/10", "五/11", "五/12", "五/13", "五/14", "五/15", "六/17"],
};

const AMOUNT = /\d+(?:\.\d+)?\s*(?:万|亿)?元|\d+(?:\.\d+)?\s*[%％]/;

describe.each(POLICY_IDS)("parseClauses on %s", (policyId) => {
  const { text, clauses, byId } = parsed[policyId]!;

  it("produces exactly the document's clause ids, in document order", () => {
    expect(clauses.map((c) => c.id)).toEqual(EXPECTED_PATHS[policyId].map((p) => `${policyId}:${p}`));
  });

  it("keeps clause.text equal to the normalised source slice its offsets point at", () => {
    for (const clause of clauses) {
      expect(clause.start).toBeLessThan(clause.end);
      expect(normaliseClauseText(text.slice(clause.start, clause.end))).toBe(clause.text);
    }
  });

  it("links parents and children both ways, children inside their parent's range", () => {
    for (const clause of clauses) {
      expect(clause.id).toBe(`${policyId}:${clause.path.join("/")}`);
      expect(clause.headingPath).toHaveLength(clause.path.length);
      expect(clause.headingPath.at(-1)).toBe(clause.title);
      for (const childId of clause.childIds) {
        const child = byId.get(childId)!;
        expect(child.parentId).toBe(clause.id);
        expect(child.start).toBeGreaterThanOrEqual(clause.start);
        expect(child.end).toBeLessThanOrEqual(clause.end);
        expect(clause.text).toContain(child.text);
      }
      if (clause.parentId) expect(byId.get(clause.parentId)!.childIds).toContain(clause.id);
    }
  });

  it("starts every numbered clause's text with its own heading number", () => {
    for (const clause of clauses.filter((c) => !/^(序言|结语|落款|附件)/.test(c.path[0]!))) {
      const last = clause.path.at(-1)!;
      expect(clause.text.slice(0, 6)).toMatch(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．])/);
      if (!/^\(/.test(last)) expect(clause.text.startsWith(last)).toBe(true);
    }
  });

  it("pins every clause whose own text states an amount", () => {
    const withAmount = clauses
      .filter((clause) => {
        const firstChild = clause.childIds[0] ? byId.get(clause.childIds[0])! : undefined;
        return AMOUNT.test(text.slice(clause.start, firstChild ? firstChild.start : clause.end));
      })
      .map((c) => c.id);
    expect(withAmount).toEqual(AMOUNT_BEARING[policyId].map((p) => `${policyId}:${p}`));
  });
});

describe("parseClauses on the documents' quirks", () => {
  it("titles Pingyin's provisions and quotes 三/(三)/3 as one contiguous sentence", () => {
    const c = parsed["pingyin-2020"]!.byId.get("pingyin-2020:三/(三)/3")!;
    expect(c.title).toBe("支持带货达人线上销售");
    expect(c.headingPath).toEqual(["扶持政策", "支持农村电商发展", "支持带货达人线上销售"]);
    expect(c.parentId).toBe("pingyin-2020:三/(三)");
    expect(c.text).toContain("对开展电商直播、短视频带货等活动，达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元。");
  });

  it("reads Pingyin's 三/(四) heading-with-sentence as a leaf with its title", () => {
    const c = parsed["pingyin-2020"]!.byId.get("pingyin-2020:三/(四)")!;
    expect(c.title).toBe("支持电商企业做大做强");
    expect(c.childIds).toEqual([]);
  });

  it("does not take 镇(街道) in the middle of Pingyin's 四/(二) for a heading", () => {
    const c = parsed["pingyin-2020"]!.byId.get("pingyin-2020:四/(二)")!;
    expect(c.childIds).toEqual([]);
    expect(c.text).toContain("经镇(街道)、经济开发区初审后报县商务信息中心");
    expect(c.text).toContain("申报主体年度内只享受其中一项扶持政策。");
  });

  it("keeps Pingyin's 名词解释 retrievable and ignores the ASCII (1) inside definitions", () => {
    const { byId } = parsed["pingyin-2020"]!;
    expect(byId.get("pingyin-2020:附件2")!.title).toBe("名词解释");
    const village = byId.get("pingyin-2020:附件2/2")!;
    expect(village.title).toBe("中国淘宝村");
    expect(village.childIds).toEqual([]);
    expect(village.text).toContain("(2)销售规模:年网络零售额超过1000万元");
    expect(byId.get("pingyin-2020:附件2/3")!.text).toContain("1个镇(街道)的淘宝村大于或等于3个");
  });

  it("puts Pingyin's attachment list, signature and date in 落款, not in item 2", () => {
    const signOff = parsed["pingyin-2020"]!.byId.get("pingyin-2020:落款")!;
    expect(signOff.text).toBe("附件：1.平阴县电商产业发展领导小组成员名单\n2.名词解释\n平阴县人民政府\n2020年7月20日\n（此文件公开发布）");
    expect(parsed["pingyin-2020"]!.byId.get("pingyin-2020:六")!.text).toMatch(/^六、本意见自发布之日起施行，有效期至2022年12月31日。/);
  });

  it("joins Dongying's page breaks inside sentences", () => {
    const { byId } = parsed["dongying-2020"]!;
    expect(byId.get("dongying-2020:二/(四)")!.text).toContain("进一步向农村倾斜,补足农村电商发展短板。");
    expect(byId.get("dongying-2020:三/(五)")!.text).toContain(
      "对企业自建站或利用第三方跨境电商平台宣传推介发生的相关费用给予最高50%的补助,单个企业每年最高补助不超过10万元。",
    );
    expect(byId.get("dongying-2020:三/(八)")!.text).toContain("鼓励金融机构、政府性融资担保机构开拓");
    // A real paragraph break inside a clause stays a line break.
    expect(byId.get("dongying-2020:四/(三)")!.text).toContain("服务网络。\n加强网售产品质量监管");
  });

  it("separates Dongying's closing provision, signature and 抄送", () => {
    const { byId } = parsed["dongying-2020"]!;
    expect(byId.get("dongying-2020:结语")!.text).toBe("本意见自2020年6月28日起施行,有效期至2023年6月27日。");
    const signOff = byId.get("dongying-2020:落款")!.text;
    expect(signOff.startsWith("东营市人民政府\n2020年6月28日")).toBe(true);
    expect(signOff).toContain("抄送：市委各部门");
    expect(byId.get("dongying-2020:四/(四)")!.text).not.toContain("本意见");
  });

  it("keeps 本方案自…施行 below a title-only heading (四、实施期限) as that section's body, not the closing", () => {
    const clauses = parseClauses("x", "一、支持措施\n（一）对示范村给予奖励。\n四、实施期限\n本方案自印发之日起施行，有效期至2028年12月31日。\n附件：1．认定标准");
    expect(clauses.map((c) => c.id)).toEqual(["x:一", "x:一/(一)", "x:四", "x:落款"]);
    expect(clauses.find((c) => c.id === "x:四")!.text).toBe("四、实施期限\n本方案自印发之日起施行，有效期至2028年12月31日。");
  });

  it("drops Liaocheng's [bookmark: _GoBack] artefact", () => {
    const { text, byId } = parsed["liaocheng-2022"]!;
    const six = byId.get("liaocheng-2022:六")!;
    expect(six.title).toBe("加快直播电商发展");
    expect(six.text.startsWith("六、加快直播电商发展。")).toBe(true);
    expect(text.slice(six.start, six.start + 2)).toBe("六、");
    for (const clause of parsed["liaocheng-2022"]!.clauses) expect(clause.text).not.toContain("bookmark");
  });

  it("reads Miluo's （5）（6） after （四） as （五）（六）, and keeps its 通知 in the preamble", () => {
    const { byId } = parsed["miluo-2017"]!;
    const five = byId.get("miluo-2017:三/(五)")!;
    expect(five.title).toBe("加强人才引进与培养");
    expect(five.text.startsWith("（5）加强人才引进与培养。")).toBe(true);
    expect(byId.get("miluo-2017:三/(六)")!.title).toBe("加大金融扶持");
    expect(byId.get("miluo-2017:三")!.childIds).toEqual(["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"].map((p) => `miluo-2017:三/${p}`));
    const preamble = byId.get("miluo-2017:序言")!.text;
    expect(preamble).toContain("关于印发《汨罗市推进电子商务创新发展实施意见》的通知");
    expect(preamble).toContain("已经市人民政府第4次常务会议通过");
    expect(preamble).toContain("汨罗市推进电子商务创新发展实施意见\n为进一步促进我市电子商务快速健康发展");
  });

  it("nests Miluo's 二/(二) items under 主要任务", () => {
    const { byId } = parsed["miluo-2017"]!;
    expect(byId.get("miluo-2017:二/(二)")!.title).toBe("主要任务");
    expect(byId.get("miluo-2017:二/(二)/1")!.parentId).toBe("miluo-2017:二/(二)");
    expect(byId.get("miluo-2017:三/(三)/8")!.text).toContain("按每人1000元标准给予一次性岗位补贴");
  });

  it("files Yeji's continuously numbered items under their sections", () => {
    const { byId } = parsed["yeji-2017"]!;
    expect(byId.get("yeji-2017:五")!.childIds).toEqual([9, 10, 11, 12, 13, 14, 15].map((n) => `yeji-2017:五/${n}`));
    const fourteen = byId.get("yeji-2017:五/14")!;
    expect(fourteen.title).toBe("鼓励引导全民电商创业");
    expect(fourteen.headingPath).toEqual(["健全激励机制，提高发展水平", "鼓励引导全民电商创业"]);
    expect(byId.get("yeji-2017:序言")!.text).toContain("关于加快电子商务发展的实施意见\n各乡镇人民政府");
  });
});

describe("parseClauses on bad input", () => {
  it("rejects text without numbered headings", () => {
    expect(() => parseClauses("x", "这是一段没有任何编号标题的文字。\n第二段。")).toThrow(ClauseParseError);
  });

  it("rejects a document whose heading numbers repeat (two clauses, one id)", () => {
    expect(() => parseClauses("x", "一、总则\n内容。\n一、又是总则\n内容。")).toThrow(/duplicate clause id x:一/);
  });

  it("reads a parenthesised Arabic number outside a （一）（二） run as an item", () => {
    const clauses = parseClauses("x", "一、目标\n（1）第一项。\n（2）第二项。\n二、措施\n（一）甲。\n（2）乙。");
    expect(clauses.map((c) => c.id)).toEqual(["x:一", "x:一/1", "x:一/2", "x:二", "x:二/(一)", "x:二/(二)"]);
  });

  it("treats a number like 1.5亿 at line start as text, not item 1", () => {
    const clauses = parseClauses("x", "一、目标\n1.5亿元的目标。\n2.第二项。");
    expect(clauses.map((c) => c.id)).toEqual(["x:一", "x:一/2"]);
  });
});

describe("normaliseClauseText", () => {
  it("removes layout spaces next to Chinese text and keeps table gaps as one space", () => {
    expect(normaliseClauseText("力争到 2022 年全市 B2B 出口")).toBe("力争到2022年全市B2B出口");
    expect(normaliseClauseText("组  长：王秀成   县委副书记")).toBe("组 长：王秀成 县委副书记");
  });

  it("joins a sentence broken by a blank line and keeps paragraph breaks", () => {
    expect(normaliseClauseText("进一步向农村倾\n\n斜,补足短板。\n\n第二段。")).toBe("进一步向农村倾斜,补足短板。\n第二段。");
  });
});

describe("normaliseClauseText on attachments written as tables", () => {
  it("keeps the 附件 heading, its title and each table row on their own lines", () => {
    const text = "附件\n\n清河县跨境电子商务出口奖励标准\n\n年跨境电商出口额          奖励金额\n500万元（含）至1000万元    3万元\n3000万元（含）以上          10万元";
    expect(normaliseClauseText(text).split("\n")).toEqual(["附件", "清河县跨境电子商务出口奖励标准", "年跨境电商出口额 奖励金额", "500万元（含）至1000万元 3万元", "3000万元（含）以上 10万元"]);
  });

  it("reads a Markdown table's cells and a tab-separated row (copied from a web or Word table) as table cells on their own lines", () => {
    const markdown = "对年网络零售额达到以下标准的企业，给予奖励：\n| 档次 | 年网络零售额 | 奖励金额 |\n| --- | --- | --- |\n| 一档 | 5000万元以上 | 30万元 |\n| 二档 | 1亿元以上 | 50万元 |";
    expect(normaliseClauseText(markdown).split("\n")).toEqual(["对年网络零售额达到以下标准的企业，给予奖励：", "档次 年网络零售额 奖励金额", "一档 5000万元以上 30万元", "二档 1亿元以上 50万元"]);
    const tabs = "年网络零售额\t奖励金额\n500万元（含）至1000万元\t3万元\n1000万元（含）以上\t6万元";
    expect(normaliseClauseText(tabs).split("\n")).toEqual(["年网络零售额 奖励金额", "500万元（含）至1000万元 3万元", "1000万元（含）以上 6万元"]);
  });

  it("keeps a definition on its own line below an attachment's title, though a blank line stands between", () => {
    const text = "附件2\n\n名词解释\n\n网络零售额：指通过网络平台实现的实物商品零售额。";
    expect(normaliseClauseText(text).split("\n")).toEqual(["附件2", "名词解释", "网络零售额：指通过网络平台实现的实物商品零售额。"]);
  });
});
