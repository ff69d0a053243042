import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../bot/extractFacts.js";
import { namesPlace } from "../../../bot/understanding/applicant.js";

const asOf = "2023-06-01";
const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, word });
const entity = (text: string, places: { start: number; end: number }[] = []) => extractFacts(text, { asOf, places }).facts.entityType;

describe("namesPlace: a place name says where the user is, not who applies", () => {
  it("reads 镇/街道/村 after a name as the end of that name", () => {
    expect(namesPlace("俺是孝直镇的", at("俺是孝直镇的", "镇"), [])).toBe(true);
    expect(namesPlace("平阴县锦水街道 我们做跨境的", at("平阴县锦水街道 我们做跨境的", "街道"), [])).toBe(true);
    expect(namesPlace("我们是洪家村的", at("我们是洪家村的", "村"), [])).toBe(true);
  });

  it("keeps 镇/村 as the applicant after 我们/本/这个, and when the place itself acts (镇政府)", () => {
    expect(namesPlace("我们镇被评为淘宝镇", at("我们镇被评为淘宝镇", "镇"), [])).toBe(false);
    expect(namesPlace("本村", at("本村", "村"), [])).toBe(false);
    expect(namesPlace("孝直镇政府建了园区", at("孝直镇政府建了园区", "镇"), [])).toBe(false);
    expect(namesPlace("白水镇人民政府", at("白水镇人民政府", "镇"), [])).toBe(false);
    expect(namesPlace("锦水街道办事处", at("锦水街道办事处", "街道"), [])).toBe(false);
  });

  it("reads a name only from a Han character before the word: not at the start, a digit, or half of a surrogate pair", () => {
    expect(namesPlace("镇上有补贴吗", at("镇上有补贴吗", "镇"), [])).toBe(false);
    expect(namesPlace("3村", at("3村", "村"), [])).toBe(false);
    // 𠀋 is a Han character outside the BMP: the character before 镇 is its second half, as it was read before.
    expect(namesPlace("𠀋镇", at("𠀋镇", "镇"), [])).toBe(false);
  });

  it("reads any applicant word inside a place the vocabulary found as part of that place", () => {
    const text = "汨罗循环经济产业园 我们公司";
    expect(namesPlace(text, at(text, "产业园"), [{ start: 0, end: 9 }])).toBe(true);
    expect(namesPlace(text, at(text, "公司"), [{ start: 0, end: 9 }])).toBe(false);
  });
});

describe("extractFacts: the applicant behind a place name", () => {
  it("names no applicant for a user who only says where they are", () => {
    expect(entity("俺是孝直镇的 2021年卖了小两百万")).toBeUndefined();
    expect(entity("平阴县锦水街道 我们做跨境的 跨境电商零售额3500万")).toBeUndefined();
  });

  it("reads the applicant named after the place", () => {
    expect(entity("汨罗白水镇 我们贫困村的电商服务站")).toBe("servicePoint");
    expect(entity("汨罗弼时镇 合作社入驻了溯源体系")).toBe("cooperative");
    expect(entity("平阴锦水街道这边 俺们公司搞跨境电商")).toBe("company");
    expect(entity("汨罗循环经济产业园 我们是做农产品的", [{ start: 0, end: 9 }])).toBeUndefined();
  });

  it("guesses a livestreamer from 在快手带货, and says it is a guess", () => {
    const x = extractFacts("俺是孝直镇的 在快手带货 2021年卖了小两百万", { asOf });
    expect(x.facts.entityType).toBe("influencer");
    expect(x.inferred).toEqual(["entityType"]);
    expect(extractFacts("我们公司在抖音直播带货", { asOf }).facts.entityType).toBe("company");
  });
});

describe("extractFacts: whose applicant word it is", () => {
  it("reads the agent of a clause about others as a guess (白名单培训机构培训过的人)", () => {
    const x = extractFacts("2022年招了12个 都是白名单培训机构培训过的", { asOf });
    expect(x.inferred).toContain("entityType");
  });

  it("reads 个人 right after another applicant word as part of it (给主播个人的)", () => {
    expect(entity("直播电商的奖励是给主播个人的还是给公司的")).toBeUndefined();
  });
});
