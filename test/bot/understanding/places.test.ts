import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../../knowledge/knowledgeBase.js";
import { loadPolicyMeta } from "../../../knowledge/policyMeta.js";
import { readPlaces, readRegistration } from "../../../bot/understanding/places.js";

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
    expect(read("平安 卖粽子").policyIds).toEqual([]);
  });

  it("recognises a place of a covered city that the county policy does not cover", () => {
    const r = read("注册在济南长清区");
    expect(r.policyIds).toEqual([]);
    expect(r.nearby[0]).toMatchObject({ policyId: "pingyin-2020", name: "长清区" });
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
  });
});
