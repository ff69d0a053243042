import { describe, expect, it } from "vitest";
import { splitReply } from "../../adapters/splitReply.js";

describe("splitReply", () => {
  it("keeps a short reply whole", () => {
    expect(splitReply("平阴：奖励2万元。\n依据：第三条", 100)).toEqual(["平阴：奖励2万元。\n依据：第三条"]);
  });

  it("breaks at line boundaries and never exceeds the limit", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `第${i}行：${"条款原文".repeat(3)}`);
    const chunks = splitReply(lines.join("\n"), 60);
    expect(chunks.every((c) => [...c].length <= 60)).toBe(true);
    expect(chunks.join("\n")).toBe(lines.join("\n"));
    expect(chunks.every((c) => !c.startsWith("\n") && !c.endsWith("\n"))).toBe(true);
  });

  it("cuts a single over-long line without splitting an emoji", () => {
    const chunks = splitReply("😀".repeat(25), 10);
    expect(chunks).toEqual(["😀".repeat(10), "😀".repeat(10), "😀".repeat(5)]);
  });

  it("returns nothing for blank text", () => {
    expect(splitReply(" \n \n", 10)).toEqual([]);
  });
});
