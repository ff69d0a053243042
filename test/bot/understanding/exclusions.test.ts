import { describe, expect, it } from "vitest";
import { exclusionNamed, exclusionsOf } from "../../../bot/understanding/exclusions.js";

describe("what a clause excludes", () => {
  it("reads each exclusion whole and by its items, with the clause's own words", () => {
    expect(exclusionsOf("用于公共服务中心建设（不含土建），对投资额（不含土地和房产投资款）给予补助")).toEqual([
      { item: "土建", words: "不含土建" },
      { item: "土地和房产投资款", words: "不含土地和房产投资款" },
      { item: "土地", words: "不含土地和房产投资款" },
      { item: "房产投资款", words: "不含土地和房产投资款" },
    ]);
  });

  it("names no exclusion for a rank bound or a clause without one", () => {
    expect(exclusionsOf("排名前10名（不含第10名）的给予奖励")).toEqual([]);
    expect(exclusionsOf("给予50%补助")).toEqual([]);
  });

  it("finds the exclusion a message names", () => {
    const exclusions = exclusionsOf("场所建设装修（不含土建）");
    expect(exclusionNamed("服务中心土建部分花了80万 有补助没", exclusions)?.item).toBe("土建");
    expect(exclusionNamed("装修花了80万", exclusions)).toBeUndefined();
  });
});
