/**
 * The contract (shared/spec/ask.md): an answer whose text asks for a fact is `needs_info`, and `missing`
 * names what it asks. Checked on every turn of every case of every eval file in test/fixtures/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runTurns } from "../../bot/cli/runTurns.js";
import { PolicyBot } from "../../bot/policyBot.js";
import { PolicyCatalog } from "../../bot/policyCatalog.js";
import { EvalCaseSchema } from "../../bot/scoreCase.js";
import { loadTemplates } from "../../bot/templates.js";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".jsonl")).sort();

/** The fixed words of every template that asks the user for a fact (its longest literal piece). */
function askingPhrases(): string[] {
  const t = loadTemplates();
  const asking = [t.award.undecided, t.award.eligibleNeedsFacts, t.explain.askFacts, t.needsInfo.ask, t.needsInfo.askRegion, t.needsInfo.askRegionAll, t.needsInfo.askSituation];
  return asking.map((template) => template.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]!.trim());
}

let catalog: PolicyCatalog;
beforeAll(async () => {
  catalog = await PolicyCatalog.open({ log: () => {} });
});

describe("status matches what the text asks", () => {
  const phrases = askingPhrases();
  it("derives an asking phrase from every asking template", () => {
    expect(phrases.every((p) => p.length >= 4), JSON.stringify(phrases)).toBe(true);
  });

  for (const file of files) {
    it(`no reply in ${file} is "answered" while its text asks for a fact`, { timeout: 600_000 }, async () => {
      const cases = readFileSync(join(FIXTURES, file), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => EvalCaseSchema.parse(JSON.parse(line)));
      const bot = await PolicyBot.create({ catalog, asOf: "2026-11-23", log: () => {}, rateLimit: false });
      const offending: string[] = [];
      for (const c of cases) {
        const answers = await runTurns(bot, `status-${c.id}`, c.turns);
        answers.forEach((a, turn) => {
          const asks = phrases.find((p) => a.text.includes(p));
          if (asks && a.status === "answered") offending.push(`${c.id} turn ${turn + 1}: answered but asks ("${asks}")`);
          if (asks && a.status === "needs_info" && a.missing.length === 0 && !a.text.includes(phrases.at(-1)!)) offending.push(`${c.id} turn ${turn + 1}: needs_info with empty missing`);
        });
      }
      expect(cases.length).toBeGreaterThan(0);
      expect(offending).toEqual([]);
    });
  }
});
