/** Questions about the policy's own most, and the clause phrases that answer them (verbatim, asked scope first). */
import { describe, expect, it } from "vitest";
import { limitPhrases, maximumAsked } from "../../../bot/understanding/maximumQuestions.js";

const CONTEST = "鼓励各县区、商协会、电子商务企业主办或承办电商直播大赛,按照其实际发生费用的80%给予补贴,每次活动不超过5万元,年内累计不超过10万元。";
const TRAFFIC = "对当年实现网络零售额1亿元以上企业,每实现1万元，最高给予4元流量补贴，每家企业最高补贴40万元，全市补贴总额不超过200万元。";

describe("a question about the policy's most", () => {
  it("reads the scope it names: each event, a year, the whole area, or none", () => {
    expect(maximumAsked("一场最多给多少")).toBe("each");
    expect(maximumAsked("每年最多能拿多少")).toBe("year");
    expect(maximumAsked("全市一共给多少")).toBe("area");
    // The whole area's total asked without a word of "the most".
    expect(maximumAsked("聊城 电商人才那两项奖励全市一共多少额度")).toBe("area");
    expect(maximumAsked("全县总共有多少资金")).toBe("area");
    expect(maximumAsked("我们一共卖了多少钱")).toBeNull();
    expect(maximumAsked("这个补贴上限是多少")).toBe("any");
    expect(maximumAsked("封顶多少钱")).toBe("any");
  });
  it("is no such question without a word of the most, or without asking", () => {
    expect(maximumAsked("我花了8万 能补多少")).toBeNull();
    expect(maximumAsked("听说最高2万 我粉丝12万")).toBeNull();
  });
});

describe("the clause's limits", () => {
  it("are its phrases that set a most in money, verbatim, the asked scope first", () => {
    expect(limitPhrases(CONTEST, "each")).toEqual(["每次活动不超过5万元", "年内累计不超过10万元"]);
    expect(limitPhrases(CONTEST, "year")).toEqual(["年内累计不超过10万元", "每次活动不超过5万元"]);
  });
  it("leave out a rate's most (每实现1万元，最高给予4元) and start at the grant", () => {
    expect(limitPhrases(TRAFFIC, "area")).toEqual(["全市补贴总额不超过200万元", "每家企业最高补贴40万元"]);
    expect(limitPhrases("达到10万粉丝且年网络零售额100万元以上的带货达人给予一次性最高奖励2万元。", "any")).toEqual(["一次性最高奖励2万元"]);
  });
  it("are none when the clause sets no most", () => {
    expect(limitPhrases("对认定的市级电商村分别一次性给予10万元奖励。", "any")).toEqual([]);
  });
});
