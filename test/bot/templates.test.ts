import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates, render } from "../../bot/templates.js";
import { scratchDir } from "../support/scratchDir.js";

function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe("answer templates", () => {
  it("contain no digits and no Chinese numeral of a hundred or more, so every number shown comes from the engine, the user or a quote", () => {
    for (const [path, text] of leaves(loadTemplates())) {
      expect(text, path).not.toMatch(/[0-9０-９]|[零一二三四五六七八九十两][十百千万亿]/);
    }
  });
  it("fill named placeholders and leave unknown ones visible", () => {
    expect(render("{a}和{b}", { a: "甲" })).toBe("甲和{b}");
  });
  it("reject a template file with a missing key, naming the key", () => {
    const dir = scratchDir("tpl-");
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "award: {}\n");
    expect(() => loadTemplates(file)).toThrow(/award\.eligible/);
  });
});
