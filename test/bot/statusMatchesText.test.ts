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

/** Every template that asks the user for a fact, as a pattern: its fixed words in order, anything for a placeholder. */
function askingPatterns(): RegExp[] {
  const t = loadTemplates();
  const asking = [t.award.undecided, t.award.eligibleNeedsFacts, t.explain.askFacts, t.needsInfo.ask, t.needsInfo.askRegion, t.needsInfo.askRegionAll, t.needsInfo.askSituation];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return asking.map((template) => new RegExp(template.split(/\{\w+\}/).map(escape).join(".+?")));
}

let catalog: PolicyCatalog;
beforeAll(async () => {
  catalog = await PolicyCatalog.open({ log: () => {} });
});

describe("status matches what the text asks", () => {
  const patterns = askingPatterns();
  it("recognises each asking template filled in, and not a reply that asks nothing", () => {
    const t = loadTemplates();
    expect(patterns[3]!.test(t.needsInfo.ask.replace("{topic}", "带货达人奖励").replace("{facts}", "粉丝数"))).toBe(true);
    expect(patterns.some((p) => p.test("平阴「电商产业发展专项扶持资金」：\n这是政府每年安排的扶持资金总额。"))).toBe(false);
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
          const asks = patterns.find((p) => p.test(a.text));
          if (asks && a.status === "answered") offending.push(`${c.id} turn ${turn + 1}: answered but asks (${asks.source})`);
        });
      }
      expect(cases.length).toBeGreaterThan(0);
      expect(offending).toEqual([]);
    });
  }
});
