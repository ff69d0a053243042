/**
 * Real-looking drafts for review tests: the answers the pipeline gives for three merchants' questions,
 * with the engine's awards, traces and the verbatim clauses of knowledge/policies.
 */
import type { Answer } from "../../../bot/answer.js";
import type { DraftInput } from "../../../bot/reviewGate.js";

const PINGYIN_INFLUENCER = "对开展电商直播、短视频带货等活动，达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元。";
const DONGYING_LEADER = "对全市年网络零售额8000万元以上,排名前3位的电子商务企业分别奖励50万元、30万元、20万元。";
const LIAOCHENG_LIVE = "对在我市当年新注册登记且实现纳统网络零售额2000万元以上的独立法人直播电商企业，给予20万元一次性资金奖励。";

const influencer: Answer = {
  status: "answered",
  text: [
    "按平阴县《关于进一步加快电商产业发展的意见》，您符合带货达人线上销售奖励的条件，可申请一次性最高奖励2万元。",
    "依据：粉丝15万，达到10万粉丝；2021年网络零售额120万元，达到100万元以上。",
    "还需满足：年度内只享受其中一项扶持政策；无不良信用记录。",
    "【平阴 三/(三)/3】" + PINGYIN_INFLUENCER,
  ].join("\n"),
  policies: ["pingyin-2020"],
  awards: [{
    policy: "pingyin-2020", clause: "pingyin-2020:三/(三)/3", title: "带货达人线上销售奖励", eligible: true,
    amountFen: 2_000_000, upTo: true, inForce: true,
    conditions: ["年度内只享受其中一项扶持政策", "无不良信用记录"],
    trace: ["粉丝 150000 ≥ 100000 (达到10万粉丝)", "年网络零售额 1200000元 ≥ 1000000元 (100万元以上)"],
  }],
  missing: [],
  citations: [{ clause: "pingyin-2020:三/(三)/3", quote: PINGYIN_INFLUENCER }],
};

const leader: Answer = {
  status: "answered",
  text: [
    "按东营市《关于加快电子商务产业发展的实施意见》，年网络零售额8000万元以上、全市排名第2位的电子商务企业，可获奖励30万元。",
    "依据：年网络零售额9000万元 ≥ 8000万元；排名第2位（前3位）。",
    "【东营 三/(三)】" + DONGYING_LEADER,
  ].join("\n"),
  policies: ["dongying-2020"],
  awards: [{
    policy: "dongying-2020", clause: "dongying-2020:三/(三)", title: "电子商务龙头企业奖励", eligible: true,
    amountFen: 30_000_000, upTo: false, inForce: true, conditions: ["以上事项不重复奖励"],
    trace: ["年网络零售额 90000000元 ≥ 80000000元 (8000万元以上)", "排名 2 ≤ 3 (排名前3位) → 第2名 30万元"],
  }],
  missing: [],
  citations: [{ clause: "dongying-2020:三/(三)", quote: DONGYING_LEADER }],
};

const liveCompany: Answer = {
  status: "answered",
  text: [
    "按聊城市的政策，当年新注册登记、纳统网络零售额2000万元以上的独立法人直播电商企业，可获20万元一次性资金奖励。",
    "依据：2022年新注册登记；纳统网络零售额2500万元 ≥ 2000万元；独立法人。",
    "还需满足：处于正常经营状态并依法纳税；奖补资金额不超过企业对地方贡献数的20%。",
    "【聊城 六】" + LIAOCHENG_LIVE,
  ].join("\n"),
  policies: ["liaocheng-2022"],
  awards: [{
    policy: "liaocheng-2022", clause: "liaocheng-2022:六", title: "新注册直播电商企业奖励", eligible: true,
    amountFen: 20_000_000, upTo: false, inForce: true,
    conditions: ["获得奖补资金的企业应处于正常经营状态并依法纳税", "对企业的奖补资金额不得超过企业对地方贡献数的20%"],
    trace: ["当年新注册登记 = 是", "纳统网络零售额 25000000元 ≥ 20000000元 (2000万元以上)", "独立法人 = 是"],
  }],
  missing: [],
  citations: [{ clause: "liaocheng-2022:六", quote: LIAOCHENG_LIVE }],
};

/** Three drafts from three chats, oldest first. */
export const SAMPLE_DRAFTS: DraftInput[] = [
  {
    message: { channel: "wechat", chatId: "20551788@chatroom", userId: "wxid_lihua", userName: "李华（平阴带货）", text: "平阴 15万粉丝 2021年卖了120万 能拿多少奖励", isPrivate: false, messageId: "m-1001" },
    facts: { followers: 150000, onlineRetailSales: 120_000_000, activityYear: 2021, entityType: "influencer" },
    answer: influencer,
  },
  {
    message: { channel: "telegram", chatId: "-1001234567890", userId: "5512", userName: "东营王经理", text: "东营 我们公司去年网络零售额9000万，全市排第2，能奖多少？", isPrivate: false, messageId: "77" },
    facts: { onlineRetailSales: 9_000_000_000, rank: 2, entityType: "company" },
    answer: leader,
  },
  {
    message: { channel: "wechat", chatId: "20551788@chatroom", userId: "wxid_zhao", userName: "赵敏", text: "聊城新注册的直播公司，2022年纳统零售额2500万，是独立法人，有什么奖励", isPrivate: false, messageId: "m-1002" },
    facts: { onlineRetailSales: 2_500_000_000, activityYear: 2022, newlyRegistered: true, independentLegalEntity: true, entityType: "company" },
    answer: liveCompany,
  },
];
