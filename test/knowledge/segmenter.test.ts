import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { fullSegmenter, querySegmenter } from "../../knowledge/segmenter.js";

const FIXTURES = join(import.meta.dirname, "../fixtures");

/** Every line of the shipped policy texts and every turn of the eval sets, lower-cased as tokenize does. */
function texts(): string[] {
  const lines = readdirSync(DEFAULT_POLICY_DIR)
    .filter((name) => name.endsWith(".txt"))
    .flatMap((name) => readFileSync(join(DEFAULT_POLICY_DIR, name), "utf8").split("\n"));
  const turns = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) => readFileSync(join(FIXTURES, name), "utf8").split("\n").filter(Boolean))
    .flatMap((line) => (JSON.parse(line) as { turns: string[] }).turns);
  return [...lines, ...turns, "淘宝、京东、拼多多开店b2b c2c 4s店mcn机构 led屏 1号店", "\uE000私用区字符\uE000 ", ""].map((t) => t.toLowerCase());
}

describe("query segmenter", () => {
  it("cuts every policy line and every eval turn exactly as jieba with its whole dictionary", () => {
    const full = fullSegmenter();
    const query = querySegmenter();
    const all = texts();
    expect(all.length).toBeGreaterThan(1000);
    const differing = all.filter((text) => JSON.stringify(query(text)) !== JSON.stringify(full(text)));
    expect(differing).toEqual([]);
  });
});
