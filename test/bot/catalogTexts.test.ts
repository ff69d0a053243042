/** Fixed texts name the regions of the catalog that is served, never a list written into the templates. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PolicyBot } from "../../bot/policyBot.js";
import { PolicyCatalog } from "../../bot/policyCatalog.js";
import { loadTemplates } from "../../bot/templates.js";
import { DEFAULT_POLICY_DIR } from "../../knowledge/knowledgeBase.js";
import { scratchDir } from "../support/scratchDir.js";

const msg = (text: string) => ({ channel: "cli" as const, chatId: "c", userId: "u", text, isPrivate: true });

function leaves(value: unknown): string[] {
  return typeof value === "string" ? [value] : Object.values(value as object).flatMap(leaves);
}

/** A policy folder serving only `ids` (same files, shorter policies.json). */
function policyDirWith(ids: string[]): string {
  const dir = scratchDir("catalog-");
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  const meta = JSON.parse(readFileSync(join(dir, "policies.json"), "utf8"));
  meta.policies = meta.policies.filter((p: { id: string }) => ids.includes(p.id));
  writeFileSync(join(dir, "policies.json"), JSON.stringify(meta));
  return dir;
}

describe("texts that name the catalog", () => {
  it("no template names a region or counts the policies", () => {
    const names = JSON.parse(readFileSync(join(DEFAULT_POLICY_DIR, "policies.json"), "utf8")).policies.flatMap((p: { aliases: string[] }) => p.aliases);
    for (const text of leaves(loadTemplates())) {
      for (const name of names) expect(text, text).not.toContain(name);
      expect(text).not.toMatch(/[一二三四五六七八九十几]地/);
    }
  });

  it("help, out-of-scope and the region question name exactly the regions served", async () => {
    const dir = policyDirWith(["dongying-2020", "yeji-2017"]);
    const catalog = await PolicyCatalog.open({ policyDir: dir, dataDir: join(dir, "data"), log: () => {} });
    const bot = await PolicyBot.create({ catalog, asOf: "2026-11-23", log: () => {} });
    const help = (await bot.handle(msg("你好"))).answer.text;
    const outOfScope = (await bot.handle(msg("帮我写一段直播带货的开场话术"))).answer;
    const region = (await bot.handle(msg("电商有什么补贴政策有效期"))).answer;
    for (const text of [help, bot.helpText(), outOfScope.text]) {
      expect(text).toContain("东营");
      expect(text).toContain("叶集");
      expect(text).not.toMatch(/平阴|聊城|汨罗/);
    }
    expect(outOfScope.status).toBe("out_of_scope");
    expect(region.status).toBe("needs_info");
    expect(region.missing).toEqual(["region"]);
    expect(region.text).toMatch(/东营、叶集/);
  });
});
