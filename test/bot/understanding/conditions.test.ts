import { describe, expect, it } from "vitest";
import { affirmingWords, affirmsAskedAbout, namesProvision, readConditions } from "../../../bot/understanding/conditions.js";
import { FACTS, type FactName } from "../../../rules/facts.js";

const facts = (text: string, expect: FactName[] = []) => readConditions(text, { expect }).facts;

describe("readConditions: yes/no conditions from the vocabulary's words", () => {
  it("takes a word that names a provision (旗舰店那个奖, 土特产奖励) as no statement about the asker", () => {
    expect(facts("旗舰店那个5万的奖怎么拿")).toEqual({});
    expect(facts("那个每户10万的土特产奖励 俺家网上卖本地小米")).toEqual({ localSpecialty: true });
    expect(facts("卖义乌进的小饰品 卖土特产那个10万的奖能拿吗")).toEqual({ localSpecialty: false });
    expect(facts("我们卖土特产的 能拿奖励吗")).toEqual({ localSpecialty: true });
  });
  it("takes goods the asker says they sell, before the award asked about, as stated (土特产网上卖有奖励不)", () => {
    expect(facts("我是做阿胶糕的个体户 本地土特产网上卖有奖励不")).toEqual({ localSpecialty: true });
    expect(facts("特产网上销售有补贴吗")).toEqual({ localSpecialty: true });
    expect(facts("卖土特产那个10万的奖怎么拿")).toEqual({});
  });

  it("quotes the user's statement without the question after it", () => {
    expect(readConditions("本地土特产网上卖有奖励不").said).toEqual({ localSpecialty: "本地土特产网上卖" });
    expect(readConditions("我们是旗舰店能拿吗").said).toEqual({ flagshipStore: "我们是旗舰店" });
  });

  it("never quotes a piece of a word: words cut by length stop after the last 的 (本地注册的, not 本地注册的市域电商物)", () => {
    expect(readConditions("我们在本地注册的市域电商物流中心").said.registeredLocally).toBe("我们在本地注册的");
    expect(readConditions("在全市卖本地农副产品的企业里头排第二").said.localSpecialty).toBe("在全市卖本地农副产品的");
  });

  it("never quotes a piece of a figure: the user's words stop before a figure they would cut", () => {
    expect(readConditions("设计的本地特色产品网上卖了三百二十万").said).toEqual({ localSpecialty: "设计的本地特色产品网上卖了" });
    expect(readConditions("本地特色产品网上卖了三百来万").said.localSpecialty).not.toMatch(/三|百/);
  });

  it("takes no figure's bound or 'and more' next to a word for its negation (入驻园区不到半年, 不少是农产品, 不止卖特产)", () => {
    expect(facts("我们入驻园区不到半年")).toMatchObject({ inPark: true });
    expect(facts("卖的不少是农产品")).toMatchObject({ localSpecialty: true });
    expect(facts("不止卖土特产")).toMatchObject({ localSpecialty: true });
    expect(facts("园区里没有食堂 不过我们入园了")).toMatchObject({ inPark: true });
  });
  it("reads 失业登记 and 毕业生 as the hires the 岗位 subsidy is for (不是失业登记的也不是毕业生 → not)", () => {
    expect(facts("招了4个员工 不是失业登记的也不是毕业生")).toMatchObject({ hiresUnemployedOrGraduates: false });
    expect(facts("招了两个毕业生")).toMatchObject({ hiresUnemployedOrGraduates: true });
  });
  it("reads 进园 as 入园 (还没进园 → not in the park)", () => {
    expect(facts("公司还没进园")).toMatchObject({ inPark: false });
    expect(facts("去年进园的")).toMatchObject({ inPark: true });
  });
  it("reads being in the park said with 进/在 as well as 入驻, and a negation before it (没进产业园, 不在产业园里, 还没搬进电商产业园)", () => {
    expect(facts("我们电商公司没进产业园 在自己厂里")).toMatchObject({ inPark: false });
    expect(facts("公司不在产业园里")).toMatchObject({ inPark: false });
    expect(facts("我们还没搬进电商产业园")).toMatchObject({ inPark: false });
    expect(facts("我们在电商产业园里")).toMatchObject({ inPark: true });
  });

  it("reads where the business is registered when no place is named (没在本地注册, 外地注册的, 在本地注册的)", () => {
    expect(facts("东营的公司 没在本地注册 排第二")).toMatchObject({ registeredLocally: false });
    expect(facts("公司是外地注册的")).toMatchObject({ registeredLocally: false });
    expect(facts("我们是在本地注册的企业")).toMatchObject({ registeredLocally: true });
  });

  it("reads a contradicting word and a negated word as false", () => {
    expect(facts("普通C店 不是旗舰店")).toEqual({ flagshipStore: false });
    expect(facts("开的是专营店")).toEqual({ flagshipStore: false });
    expect(facts("不是首批")).toEqual({ firstBatch1688: false });
    expect(facts("公司现在已经停业")).toEqual({ operatingNormally: false });
    expect(facts("因为偷税漏税被处理过")).toEqual({ cleanRecord: false });
    expect(facts("卖义乌进的小饰品")).toEqual({ localSpecialty: false });
  });

  it("reads a negation across a word for ours or here as a negation (不是我们本地特产, 不算咱这的土特产)", () => {
    expect(facts("在淘宝卖的是广东进的小家电 不是我们本地特产")).toEqual({ localSpecialty: false });
    expect(facts("不算咱这的土特产")).toEqual({ localSpecialty: false });
    expect(readConditions("不是我们本地特产").said).toEqual({ localSpecialty: "不是我们本地特产" });
    expect(facts("我们这边卖土特产")).toEqual({ localSpecialty: true });
  });

  it("reads a negation across a verb of getting as a negation (没拿到平台的授牌), and 直播基地 alone as no licence", () => {
    expect(facts("我们直播基地 没拿到平台的授牌")).toEqual({ liveBaseLicence: false });
    expect(facts("没有平台授牌")).toEqual({ liveBaseLicence: false });
    expect(facts("抖音授牌的直播基地")).toEqual({ liveBaseLicence: true });
    expect(facts("我们直播基地 占地3000平").liveBaseLicence).toBeUndefined();
  });

  it("reads a negated contradicting word as true", () => {
    expect(facts("没有偷税漏税")).toEqual({ cleanRecord: true });
    expect(facts("不是专营店 是旗舰店").flagshipStore).toBe(true);
  });

  it("reads contract length: two years meets one year, half a year does not", () => {
    expect(facts("签了两年合同")).toEqual({ laborContractYear: true });
    expect(facts("都签了2年合同")).toEqual({ laborContractYear: true });
    expect(facts("签了半年合同")).toEqual({ laborContractYear: false });
  });
  it("reads a contract term said after the word: 劳动合同只签了半年, 合同签的是8个月 do not meet one year", () => {
    expect(facts("不过劳动合同只签了半年")).toEqual({ laborContractYear: false });
    expect(facts("合同签的是8个月")).toEqual({ laborContractYear: false });
    expect(facts("合同都签了十个月")).toEqual({ laborContractYear: false });
    expect(facts("合同签了三年")).toEqual({ laborContractYear: true });
    expect(facts("签了十八个月的合同")).toEqual({ laborContractYear: true });
  });
  it("reads a comparison with the line a yes/no fact holds at (atLeast): 比当地最低工资低一点 is below the minimum wage", () => {
    expect(facts("就是工资给的比当地最低工资低一点")).toEqual({ minimumWage: false });
    expect(facts("工资比最低工资标准还少")).toEqual({ minimumWage: false });
    expect(facts("工资没到最低工资")).toEqual({ minimumWage: false });
    expect(facts("工资比最低工资高")).toEqual({ minimumWage: true });
    // A word of the fact decides before any comparison; 不比…低 states nothing either way.
    expect(facts("工资不低于最低工资")).toEqual({ minimumWage: true });
    expect(facts("工资不比最低工资低")).toEqual({});
  });
  it("reads who was hired for a job subsidy: 登记失业人员 and 高校毕业生 qualify, 不是登记失业的 does not", () => {
    expect(facts("招了2个登记失业人员")).toEqual({ hiresUnemployedOrGraduates: true });
    expect(facts("俩员工都是本村老乡不是登记失业的")).toEqual({ hiresUnemployedOrGraduates: false });
  });
  it("months after whole years, or an open term, are no term under a year (一年零三个月, 半年以上)", () => {
    expect(facts("签了一年零三个月的合同")).toEqual({ laborContractYear: true });
    expect(facts("合同签了半年以上").laborContractYear).not.toBe(false);
  });

  it("quotes several words of one fact in one phrase whole, and starts at the word, not inside another", () => {
    expect(readConditions("因为偷税漏税被处理过").said).toEqual({ cleanRecord: "因为偷税漏税被处理过" });
    expect(readConditions("2022年我们公司独立站推广已经补满了").said).toEqual({ yearlyCapReached: "已经补满了" });
  });

  it("reads a meal however it is said", () => {
    expect(facts("管了一顿饭")).toEqual({ mealProvided: true });
    expect(facts("中午发了盒饭")).toEqual({ mealProvided: true });
  });

  it("reads a two-character verb-object word with 了 inside it (管了饭, 上了机, 入了园), negated too", () => {
    expect(facts("50个人 管了饭 也安排了上机")).toEqual({ mealProvided: true, computerPractice: true });
    expect(facts("没管饭 上了机")).toEqual({ mealProvided: false, computerPractice: true });
    expect(readConditions("半天培训 管了饭").said).toEqual({ mealProvided: "管了饭" });
  });

  it("keeps the user's own phrase for each condition", () => {
    expect(readConditions("普通C店 不是旗舰店 那个开店奖").said).toEqual({ flagshipStore: "不是旗舰店" });
  });
});

describe("readConditions: levels, years and ordinals", () => {
  it("reads the level of a recognition next to it, not a level word about something else", () => {
    expect(facts("县里认定的 不是市级的")).toEqual({ recognitionLevel: "county" });
    expect(facts("我们村被评上区级电商村了 市里那个奖励能领吗")).toEqual({ recognitionLevel: "county" });
    expect(facts("二级分拨中心")).toEqual({ sortingCenterLevel: "second" });
  });

  it("reads the year a site was built and the year of a multi-year subsidy", () => {
    expect(facts("我们是2018年才新建的网点")).toMatchObject({ siteBuiltYear: 2018 });
    expect(facts("入园第4年")).toMatchObject({ supportYear: 4 });
    expect(facts("2022年是运营第一年")).toMatchObject({ supportYear: 1 });
  });

  it("dates a year fact by 今年/去年 counted from today, and only when today is known", () => {
    const asOf = "2026-12-01";
    expect(readConditions("我们公司今年在村里新建了三个服务网点", { asOf }).facts).toMatchObject({ siteBuiltYear: 2026 });
    expect(readConditions("去年建了两个网点", { asOf }).facts).toMatchObject({ siteBuiltYear: 2025 });
    expect(readConditions("今年引进了个高端人才", { asOf }).facts).toMatchObject({ talentHiredYear: 2026 });
    expect(readConditions("我们公司今年在村里新建了三个服务网点").facts).not.toHaveProperty("siteBuiltYear");
  });

  it("dates a year fact up to six characters after the year, in a two-digit year too, and not a year of what did not happen", () => {
    expect(facts("不过2020年申报的时候弄虚作假被查出来了")).toMatchObject({ falsifiedYear: 2020 });
    expect(facts("就是21年报材料的时候多报过一次")).toMatchObject({ falsifiedYear: 2021 });
    expect(facts("2020年申报都是如实报的 没虚报过")).not.toHaveProperty("falsifiedYear");
    expect(facts("2020年没虚报过")).not.toHaveProperty("falsifiedYear");
  });
});

describe("readConditions: a bare reply answers the fact the bot asked for", () => {
  it("takes a level, a yes and a no", () => {
    expect(facts("市级的", ["recognitionLevel"])).toEqual({ recognitionLevel: "city" });
    expect(facts("不是", ["flagshipStore"])).toEqual({ flagshipStore: false });
    expect(facts("对", ["firstBatch1688"])).toEqual({ firstBatch1688: true });
  });
  it("does not take a long message as a bare reply", () => {
    expect(facts("对了我想问一下别的政策是怎么规定的", ["flagshipStore"])).toEqual({});
  });
});

describe("the vocabulary", () => {
  it("keeps the words of yes/no and level conditions as data, each word for one meaning per fact", () => {
    for (const [name, spec] of Object.entries(FACTS) as [FactName, (typeof FACTS)[FactName]][]) {
      const denies = spec.denies ?? [];
      for (const w of denies) expect(spec.aliases as readonly string[], `${name}: ${w} both states and denies`).not.toContain(w);
    }
  });
});

describe("readConditions: a question or a wish states nothing", () => {
  it("does not read 能拿省里补贴吗 or 想开旗舰店 as stated facts", () => {
    expect(facts("能拿省里补贴吗")).toEqual({});
    expect(facts("想开旗舰店")).toEqual({});
    expect(facts("我们是首批入驻的")).toEqual({ firstBatch1688: true });
  });

  it("takes a bare level only when the reply is the level and filler words", () => {
    expect(facts("是县里认定的")).toEqual({ recognitionLevel: "county" });
    expect(facts("省里没给过补贴").recognitionLevel).toBeUndefined();
  });
});

describe("namesProvision: a word naming the provision asked about states nothing", () => {
  const at = (text: string, word: string) => namesProvision(text, text.indexOf(word), text.indexOf(word) + word.length);
  it("a word pointed at with 那个, or a standard of the provision, names it", () => {
    expect(at("新成立的直播公司那个奖能拿吗", "新成立")).toBe(true);
    expect(facts("刚注册直播企业那个20万怎么申请")).toEqual({});
    expect(at("淘宝村标准里要多少家网店", "淘宝村")).toBe(true);
  });
  it("a verb before it, or one later in the message, states it after all", () => {
    expect(at("我们评上电商示范村有什么奖励", "电商示范村")).toBe(false);
    expect(at("电商示范村有奖励吗 我们去年评上了", "电商示范村")).toBe(false);
    expect(at("电商示范村有奖励吗 我们还没评上", "电商示范村")).toBe(true);
  });
  it("a later 开的/开了 states a store named with its reward, not 还没开 or 开的话", () => {
    expect(at("听说在京东开旗舰店能奖10万 我们公司2020年9月开的", "旗舰店")).toBe(false);
    expect(at("旗舰店奖励多少 我们2021年开了", "旗舰店")).toBe(false);
    expect(at("开旗舰店那个奖多少 我们还没开", "旗舰店")).toBe(true);
    expect(at("旗舰店那个奖 开的话能给多少", "旗舰店")).toBe(true);
  });
  it("goods after a verb of the asker's trade, then 的 and an applicant word, describe the asker, not the provision", () => {
    expect(at("平阴 卖土特产的网店有啥奖", "土特产")).toBe(false);
    expect(at("销售农特产的公司能拿啥奖励", "特产")).toBe(false);
    expect(at("做土特产的合作社有补贴吗", "土特产")).toBe(false);
    // Pointed at with 那个, or with no applicant word after 的, the goods still name the provision.
    expect(at("卖土特产那个10万的奖", "土特产")).toBe(true);
    expect(at("土特产网店有啥奖", "土特产")).toBe(true);
  });
  it("a title with its level (省级电商示范企业, 县级电商村) is the asker's own, unless pointed at with 那个", () => {
    expect(at("省级电商示范企业奖多少", "电商示范企业")).toBe(false);
    expect(at("县级电商村能奖吗", "县级")).toBe(false);
    expect(facts("县级电商村能奖吗")).toMatchObject({ recognitionLevel: "county" });
    expect(at("市级电商村那个10万的奖 我们能拿吗", "电商村")).toBe(true);
    expect(at("省级的那个奖多少", "省级")).toBe(true);
  });
});

describe("affirmsAskedAbout: a short reply saying the asker has what the question named", () => {
  it("a level, a year won or 有的 affirms; a denial or a bare place does not", () => {
    for (const reply of ["省级的", "2020年评上的", "有的", "拿到了"]) expect(affirmsAskedAbout(reply), reply).toBe(true);
    for (const reply of ["没有", "还没评上", "平阴的", "这个奖是区里发还是市里发的呢"]) expect(affirmsAskedAbout(reply), reply).toBe(false);
    // A self-correction within the reply denies nothing.
    expect(affirmsAskedAbout("市级的 去年认定的 哦不对 是2021年认定的")).toBe(true);
    // Where the asker is, said beside it, is no new question: "我们是东营利津的 陈庄镇 2021年认定的".
    const reply = "我们是东营利津的 陈庄镇 2021年认定的";
    const places = ["东营", "利津", "陈庄镇"].map((w) => ({ start: reply.indexOf(w), end: reply.indexOf(w) + w.length }));
    expect(affirmsAskedAbout(reply)).toBe(false);
    expect(affirmsAskedAbout(reply, places)).toBe(true);
    expect(affirmingWords(reply, places)).toBe("2021年认定的");
  });
});

describe("readConditions: a condition denied for some of a group", () => {
  it("reads a large impact only near a complaint or quality problem (the vocabulary's near), and its denial", () => {
    expect(facts("店铺因为产品质量被投诉 上了新闻影响挺大")).toEqual({ complaintImpact: true });
    expect(facts("被投诉过几次 影响不大")).toEqual({ complaintImpact: false });
    expect(facts("因为质量问题被投诉 没造成较大影响")).toEqual({ complaintImpact: false });
    expect(facts("我们上了新闻 销量影响挺大")).toEqual({});
  });

  it("其中3个人没交社保 denies nothing for the asker; 社保没交 still does", () => {
    expect(facts("其中3个人没交社保")).toEqual({});
    expect(facts("里面有两个没签合同")).toEqual({});
    expect(facts("社保没交")).toEqual({ socialInsurance: false });
  });
});
