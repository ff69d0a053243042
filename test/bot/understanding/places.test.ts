import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../../knowledge/policyMeta.js";
import { readHomeElsewhere, readPlaces, readRegistration } from "../../../bot/understanding/places.js";

const metas = loadPolicyMeta(DEFAULT_POLICY_DIR);
const read = (text: string, current: string[] = []) => readPlaces(text, metas, { current });

describe("readPlaces", () => {
  it("finds the city policy from its districts, counties, county-level cities and zones", () => {
    expect(read("垦利区的农业公司").policyIds).toEqual(["dongying-2020"]);
    expect(read("广饶县的 2022年认定的市级电商村").policyIds).toEqual(["dongying-2020"]);
    expect(read("利津县2022年").policyIds).toEqual(["dongying-2020"]);
    expect(read("临清市这边我们是个电商培训机构").policyIds).toEqual(["liaocheng-2022"]);
    expect(read("茌平的 做直播").policyIds).toEqual(["liaocheng-2022"]);
    expect(read("我们在聊城高新区").policyIds).toEqual(["liaocheng-2022"]);
  });

  it("finds the county policy from its towns and streets, with or without the suffix", () => {
    expect(read("俺是孝直镇的 在快手带货").policyIds).toEqual(["pingyin-2020"]);
    expect(read("叶集孙岗乡 我们公司").mentions.map((m) => m.name)).toEqual(["叶集区", "孙岗乡"]);
    expect(read("姚李的 个人店").policyIds).toEqual(["yeji-2017"]);
    expect(read("弼时镇 合作社").policyIds).toEqual(["miluo-2017"]);
  });

  it("finds the city policy from a town or street of one of its counties", () => {
    expect(read("我在大王镇开网店").mentions).toMatchObject([{ policyId: "dongying-2020", name: "大王镇" }]);
    expect(read("陈庄镇的合作社").policyIds).toEqual(["dongying-2020"]);
    expect(read("我们是博平的合作社").mentions).toMatchObject([{ policyId: "liaocheng-2022", name: "博平镇" }]);
    expect(read("烟店镇卖轴承的").policyIds).toEqual(["liaocheng-2022"]);
  });

  it("reads a short name written right after another place name (聊城临清, 东营广饶, 平阴孔村), not one running into other words", () => {
    expect(read("我在聊城临清").mentions.map((m) => m.name)).toEqual(["聊城市", "临清市"]);
    expect(read("我在东营广饶").mentions.map((m) => m.name)).toEqual(["东营市", "广饶县"]);
    expect(read("在平阴孔村").mentions.map((m) => m.name)).toEqual(["平阴县", "孔村镇"]);
    expect(read("平阴玫瑰花茶卖得好").mentions.map((m) => m.name)).toEqual(["平阴县"]);
  });

  it("does not read a town's short form that is an ordinary word (我是带货大王, 乡村振兴的)", () => {
    expect(read("我是大王的粉丝").policyIds).toEqual([]);
    expect(read("做乡村振兴的项目").policyIds).toEqual([]);
    expect(read("我们是振兴街道的").policyIds).toEqual(["liaocheng-2022"]);
  });

  it("does not read a place inside a longer word (黄河口大米, 东阿阿胶)", () => {
    expect(read("卖黄河口大米的").policyIds).toEqual([]);
    expect(read("卖东阿阿胶的").policyIds).toEqual([]);
  });

  it("settles a name two regions share by the message, then the conversation, then the larger place, and says so", () => {
    const alone = read("东阿的 阿胶厂子");
    expect(alone.policyIds).toEqual(["liaocheng-2022"]);
    expect(alone.mentions[0]!.alsoCould).toEqual([{ policyId: "pingyin-2020", name: "东阿镇" }]);
    const withRegion = read("平阴东阿镇 我们是做阿胶的");
    expect(withRegion.policyIds).toEqual(["pingyin-2020"]);
    expect(withRegion.mentions.every((m) => m.alsoCould.length === 0)).toBe(true);
    const inConversation = read("东阿的", ["pingyin-2020"]);
    expect(inConversation.mentions[0]).toMatchObject({ policyId: "pingyin-2020", name: "东阿镇", alsoCould: [{ policyId: "liaocheng-2022", name: "东阿县" }] });
  });

  it("matches a look-alike character and marks it as a near miss", () => {
    expect(read("汩罗 卖粽子").mentions[0]).toMatchObject({ policyId: "miluo-2017", name: "汨罗市", nearMiss: true });
    // pinyin input: 成 for 城 (liao cheng), 赢 for 营 (dong ying)
    expect(read("聊成 我们公司").mentions[0]).toMatchObject({ policyId: "liaocheng-2022", nearMiss: true });
    expect(read("东赢的 电商村").mentions[0]).toMatchObject({ policyId: "dongying-2020", nearMiss: true });
    expect(read("平安 卖粽子").policyIds).toEqual([]);
  });

  it("takes a region name typed with a same-sound character only where the message fits that region's policy (平因 带货达人, 东莹 龙头企业)", () => {
    const fits = (id: string) => (policyId: string) => policyId === id;
    expect(readPlaces("平因 带货达人 粉丝20万", metas, { fits: fits("pingyin-2020") }).mentions[0]).toMatchObject({ policyId: "pingyin-2020", name: "平阴县", nearMiss: true });
    expect(readPlaces("东莹 龙头企业奖励", metas, { fits: fits("dongying-2020") }).mentions[0]).toMatchObject({ policyId: "dongying-2020", nearMiss: true });
    expect(readPlaces("业集 淘宝C店", metas, { fits: fits("yeji-2017") }).mentions[0]).toMatchObject({ policyId: "yeji-2017", nearMiss: true });
    // Nothing in the message fits: a same-sound name is no place (业集 could be anything).
    expect(readPlaces("业集 有啥政策", metas, { fits: () => false }).policyIds).toEqual([]);
    expect(read("平因 带货达人").policyIds).toEqual([]);
    // Inside a longer word it is none: "水平因为…".
    expect(readPlaces("直播水平因为粉丝少", metas, { fits: () => true }).policyIds).toEqual([]);
    // The conversation is already about the region: it fits.
    expect(readPlaces("东莹的", metas, { current: ["dongying-2020"], fits: () => false }).policyIds).toEqual(["dongying-2020"]);
  });

  it("reads a county-level city written without 市 as a place outside every policy when it stands as one (昆山的, 我是义乌的)", () => {
    expect(read("昆山的电商公司 能拿多少").outside[0]).toMatchObject({ said: "昆山", name: "昆山市", contains: [], home: true });
    expect(read("我是义乌的 做小商品直播").outside[0]).toMatchObject({ said: "义乌", name: "义乌市" });
    // Not inside a longer word ("义乌进的货") nor a county's short form, often a word or a name (和平的企业).
    expect(read("平阴的 义乌进的货").outside).toEqual([]);
    expect(read("和平的企业 有补贴吗").outside).toEqual([]);
  });

  it("leaves out a region named as not the user's when another is named: negated, former, hometown, market", () => {
    const own = (text: string) => read(text).policyIds;
    expect(own("说错了 我们是东营的 不是平阴")).toEqual(["dongying-2020"]);
    expect(own("我们不在平阴 在利津县")).toEqual(["dongying-2020"]);
    expect(own("以前在平阴 去年搬到东营了")).toEqual(["dongying-2020"]);
    expect(own("公司从叶集搬到汨罗了")).toEqual(["miluo-2017"]);
    expect(own("我老家是平阴的 现在公司在聊城东昌府区")).toEqual(["liaocheng-2022"]);
    expect(own("我们是平阴的 货都卖到东营广饶县")).toEqual(["pingyin-2020"]);
    expect(own("汨罗的合作社 主要做叶集那边的客户")).toEqual(["miluo-2017"]);
    expect(own("平阴的 我们主要供货给聊城的超市")).toEqual(["pingyin-2020"]);
    expect(own("我是平阴人 在东营开店")).toEqual(["dongying-2020"]);
    expect(own("从东营过来的 现在在平阴注册了公司")).toEqual(["pingyin-2020"]);
    expect(own("平阴人社局说的 东营有没有")).toEqual(["pingyin-2020", "dongying-2020"]);
    const reading = read("我们是平阴的 货都卖到东营广饶县");
    expect(reading.mentions.map((m) => [m.said, m.notHere])).toEqual([["平阴", undefined], ["东营", "market"], ["广饶县", "market"]]);
  });

  it("keeps every region when none is named as the user's, or when the words only ask", () => {
    expect(read("我不是平阴的 能申请吗").policyIds).toEqual(["pingyin-2020"]);
    expect(read("是不是平阴的政策 东营有没有").policyIds).toEqual(["pingyin-2020", "dongying-2020"]);
    expect(read("之前在平阴开过两家店 现在还在平阴").policyIds).toEqual(["pingyin-2020"]);
    expect(read("平阴和东营比一比").policyIds).toEqual(["pingyin-2020", "dongying-2020"]);
  });

  it("settles a shared name by the policy that speaks of the message's subject, when nothing else does", () => {
    const speaksOf = (id: string) => id === "pingyin-2020";
    const r = readPlaces("东阿的 开了旗舰店", metas, { speaksOf });
    expect(r.mentions[0]).toMatchObject({ policyId: "pingyin-2020", name: "东阿镇", alsoCould: [{ policyId: "liaocheng-2022", name: "东阿县" }] });
    expect(readPlaces("东阿的", metas, { current: ["liaocheng-2022"], speaksOf }).policyIds).toEqual(["liaocheng-2022"]);
    expect(readPlaces("东阿的", metas, { speaksOf: () => true }).policyIds).toEqual(["liaocheng-2022"]);
  });

  it("takes the short name of the city holding a county-level region for the city, not for its namesake county", () => {
    const r = read("岳阳的 贫困户开网店");
    expect(r.nearby).toEqual([]);
    expect(r.outside).toMatchObject([{ said: "岳阳", name: "岳阳市", contains: ["miluo-2017"] }]);
    expect(read("岳阳县的 贫困户开网店").nearby[0]).toMatchObject({ policyId: "miluo-2017", name: "岳阳县" });
  });

  it("recognises an informal name of a place of the covered city outside the county policy (屈原区 for 屈原管理区)", () => {
    const r = read("我是屈原区的 开网店");
    expect(r.policyIds).toEqual([]);
    expect(r.nearby[0]).toMatchObject({ policyId: "miluo-2017", said: "屈原区", name: "屈原管理区" });
  });

  it("recognises a place of a covered city that the county policy does not cover", () => {
    const r = read("注册在济南长清区");
    expect(r.policyIds).toEqual([]);
    expect(r.nearby[0]).toMatchObject({ policyId: "pingyin-2020", name: "长清区" });
  });
});

describe("readPlaces: divisions outside every policy (gazetteer)", () => {
  const outside = (text: string) => read(text).outside.map((p) => p.name);
  it("reads a province or prefecture-level city standing as a place", () => {
    expect(outside("潍坊的电商企业 有啥奖励")).toEqual(["潍坊市"]);
    expect(read("我们是安徽合肥的公司").outside).toMatchObject([{ said: "安徽合肥", name: "合肥市", contains: [] }]);
    expect(outside("公司在黄山卖茶叶")).toEqual(["黄山市"]);
    expect(outside("延边这边的农产品网店")).toEqual(["延边朝鲜族自治州"]);
    expect(outside("内蒙古赤峰市的牛肉干")).toEqual(["赤峰市"]);
  });

  it("reads a division followed by one of its counties as one place, named with the county", () => {
    expect(read("潍坊寿光市的蔬菜合作社").outside).toMatchObject([{ said: "潍坊寿光市", name: "寿光市", contains: [] }]);
    expect(read("湖北通城县的 茶叶网店").outside).toMatchObject([{ said: "湖北通城县", name: "通城县", contains: [] }]);
    expect(read("我们是江西修水县的").outside).toMatchObject([{ said: "江西修水县" }]);
    expect(outside("卖白银饰品县里有补贴吗")).toEqual([]);
  });

  it("reads a prefecture followed by one of its own counties without the suffix as that county (潍坊寿光), and no other word", () => {
    expect(read("潍坊寿光的蔬菜电商企业 有奖励没").outside).toMatchObject([{ said: "潍坊寿光", name: "寿光市", contains: [], home: true }]);
    expect(read("滨州博兴的村子").outside).toMatchObject([{ said: "滨州博兴", name: "博兴县" }]);
    expect(outside("潍坊好多企业")).toEqual([]);
    expect(read("东营垦利的企业").policyIds).toEqual(["dongying-2020"]);
  });

  it("reads a county-level division written in full without its city or province, as the user's own place", () => {
    expect(read("博兴县的村子 评上市级电商村了").outside).toMatchObject([{ said: "博兴县", name: "博兴县", contains: [], home: true }]);
    expect(read("固始县开网店的 叶集那边有补贴不").outside).toMatchObject([{ said: "固始县", home: true }]);
    expect(read("我在沾化区搞冬枣直播").outside).toMatchObject([{ said: "沾化区", home: true }]);
    expect(read("我们公司在桓台县 想问问东营的奖励").outside).toMatchObject([{ said: "桓台县", home: true }]);
    expect(read("俺是曹县的 做汉服直播").outside).toMatchObject([{ said: "曹县", home: true }]);
    expect(read("货是从义乌市进的").outside).toMatchObject([{ said: "义乌市", home: false }]);
  });

  it("reads a two-character county only standing as a place, and no county in a longer word", () => {
    expect(outside("我们是沛县的合作社")).toEqual(["沛县"]);
    expect(outside("寿县的电商公司")).toEqual(["寿县"]);
    expect(outside("叶集的 快递费县里补不补")).toEqual([]);
    expect(outside("我们和县里签了协议")).toEqual([]);
    expect(outside("评上示范县以后")).toEqual([]);
    expect(outside("老城区有个门店 城区的仓库")).toEqual([]);
    expect(outside("在义乌市场拿货 河北区域的代理")).toEqual([]);
  });

  it("tells the user's own place from a market or a source named in passing", () => {
    const home = (text: string) => read(text).outside.map((p) => [p.said, p.home]);
    expect(home("滨州博兴县的 我们村")).toEqual([["滨州博兴县", true]]);
    expect(home("我们是安徽合肥的公司")).toEqual([["安徽合肥", true]]);
    expect(home("东营 我们公司产品卖到广州 上海")).toEqual([["广州", false], ["上海", false]]);
  });

  it("does not take an ordinary word that happens to be a city's short name", () => {
    expect(outside("卖白银首饰的网店")).toEqual([]);
    expect(outside("两家差不多大同小异")).toEqual([]);
    expect(outside("做三明治外卖的小店")).toEqual([]);
    expect(outside("我们在阿里国际站和亚马逊上做推广")).toEqual([]);
    expect(outside("在阿里、京东开了旗舰店")).toEqual([]);
  });

  it("leaves names of the covered regions to the policies and says which policies a division holds", () => {
    const r = read("济南的直播基地 聊城那个50万的能申请不");
    expect(r.policyIds).toEqual(["liaocheng-2022"]);
    expect(r.outside).toMatchObject([{ said: "济南", name: "济南市", contains: ["pingyin-2020"] }]);
    expect(read("东营的企业").outside).toEqual([]);
    expect(read("利津县的网店").outside).toEqual([]);
    expect(read("山东的企业").outside[0]!.contains).toEqual(["pingyin-2020", "dongying-2020", "liaocheng-2022"]);
  });
});

describe("readRegistration", () => {
  const reg = (text: string) => readRegistration(text, read(text));
  it("reads where the business is registered: inside a region, nearby, or elsewhere", () => {
    expect(reg("公司注册在平阴县锦水街道")).toEqual({ said: "平阴县", policyId: "pingyin-2020" });
    expect(reg("注册在济南长清区 能拿平阴的补贴吗")).toEqual({ said: "济南长清区", policyId: null });
    expect(reg("我们公司营业执照在泰安肥城 在平阴玫瑰镇有个收购点")).toEqual({ said: "泰安肥城", policyId: null });
    expect(reg("我们注册在本地")).toBeUndefined();
    expect(reg("我们是济南长清区注册的公司")).toEqual({ said: "济南长清区", policyId: null });
    expect(reg("垦利区注册的公司")).toEqual({ said: "垦利区", policyId: "dongying-2020" });
    expect(reg("我们是潍坊注册的公司 东营的奖励能拿吗")).toEqual({ said: "潍坊", policyId: null });
    expect(reg("公司注册在济南 平阴的奖励能拿吗")).toBeUndefined();
  });
});

describe("readHomeElsewhere", () => {
  const home = (text: string) => readHomeElsewhere(text, read(text));
  it("tells the user's own region from the one asked about, joining the names of the user's place", () => {
    expect(home("我是聊城东阿县的主播 平阴那个带货达人奖励能拿不")).toEqual({ said: "聊城东阿县", asked: "pingyin-2020" });
    expect(home("我们在汨罗 叶集的政策我们能用吗")).toEqual({ said: "汨罗", asked: "yeji-2017" });
  });

  it("decides nothing for a comparison, a single region, or a place that is not plainly the user's", () => {
    expect(home("平阴和聊城 粉丝15万 哪个奖励多")).toBeUndefined();
    expect(home("我是平阴的 想问问平阴的政策")).toBeUndefined();
    expect(home("东营和聊城的政策有啥不一样")).toBeUndefined();
    expect(home("我们在平阴和东营都有公司 东营那边的补贴能拿吗")).toBeUndefined();
  });
});

