import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTopics, topics, topicsIn, TopicsError } from "../../../bot/understanding/topics.js";
import { scratchDir } from "../../support/scratchDir.js";

const file = (text: string) => {
  const path = join(scratchDir("topics-"), "topics.yaml");
  writeFileSync(path, text);
  return path;
};

describe("topicsIn", () => {
  it("reads a line of business from a merchant's own words", () => {
    expect(topicsIn("在快手带货")).toContain("livestream");
    expect(topicsIn("在速卖通上做推广")).toEqual(expect.arrayContaining(["crossBorder", "promotion"]));
  });
  it("reads the same topic from a clause's words", () => expect(topicsIn("对开展电商直播、短视频带货等活动")).toContain("livestream"));
  it("matches Latin platform names in any case", () => expect(topicsIn("我们在amazon上卖")).toContain("crossBorder"));
  it("reads the county's yearly fund and land use from a merchant's words (一年拿多少钱出来, 土地用途)", () => {
    expect(topicsIn("县里一年拿多少钱出来扶持电商")).toContain("fund");
    expect(topicsIn("每年安排电商产业发展专项扶持资金1000万元")).toContain("fund");
    expect(topicsIn("用原来的厂房和土地建配送中心 土地用途要不要改")).toContain("land");
  });
  it("reads nothing from a message about no line of business", () => expect(topicsIn("这个政策还有效吗")).toEqual([]));
  it("reads no platform from an honour's quoted name (“中国淘宝镇（村）”), but a quoted topic word still counts", () => {
    expect(topicsIn("积极创建“中国淘宝镇（村）”“电商示范镇（村）”等")).not.toContain("nationalPlatform");
    expect(topicsIn("在淘宝开店的企业")).toContain("nationalPlatform");
    expect(topicsIn("还可享受“一事一议”政策")).toContain("caseByCase");
  });
});

describe("loadTopics", () => {
  it("reads the topics file the bot uses, each topic with its label and words", () => {
    for (const t of topics()) {
      expect(t.label).not.toBe("");
      expect(t.words.length).toBeGreaterThan(0);
    }
  });
  it("reads a topic declared in data with no code change", () => {
    const families = loadTopics(file("topics:\n  beekeeping:\n    label: 养蜂\n    words: [蜂蜜, 蜂农]\n"));
    expect(topicsIn("我们是蜂农", families)).toEqual(["beekeeping"]);
  });
  it("names the file and the field of a bad topic in one line", () => {
    const bad = file("topics:\n  livestream:\n    label: 直播\n    words: []\n");
    expect(() => loadTopics(bad)).toThrow(TopicsError);
    expect(() => loadTopics(bad)).toThrow(/topics\.yaml:4: topics\.livestream\.words: a topic lists its words/);
  });
});
