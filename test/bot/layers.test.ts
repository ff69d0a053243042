/** The one-way flow adapter → bot → (knowledge, rules): the inner folders never import a channel adapter. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("layers", () => {
  it("bot/, rules/ and knowledge/ never import from adapters/", () => {
    const offenders = ["bot", "rules", "knowledge"]
      .flatMap(sourcesUnder)
      .filter((file) => /from\s+["'](?:\.\.\/)+adapters\//.test(readFileSync(join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("rules/ and knowledge/ never import from bot/", () => {
    const offenders = ["rules", "knowledge"]
      .flatMap(sourcesUnder)
      .filter((file) => /from\s+["'](?:\.\.\/)+bot\//.test(readFileSync(join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
