/**
 * scripts/run.mjs runs an entry from a bundle of the sources (npm start, npm run ask): it must behave as the
 * sources run by tsx do.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "run-mjs-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir };
const TURNS = ["我在平阴做带货达人，去年卖了300万，有奖励吗", "粉丝15万"];

describe("scripts/run.mjs", () => {
  it("prints the same ask --json answers from the bundle as tsx does from the sources", async () => {
    const args = ["adapters/cli/ask.ts", "--json", "--as-of", "2021-06-01", ...TURNS];
    // The first run builds the search index in dataDir; the second reuses it.
    const viaTsx = await run(process.execPath, ["--import", "tsx", ...args], { cwd: root, env });
    const bundled = await run(process.execPath, ["scripts/run.mjs", ...args], { cwd: root, env });
    expect(bundled.stdout.split("\n").filter(Boolean)).toHaveLength(TURNS.length);
    expect(bundled.stdout).toBe(viaTsx.stdout);
  }, 120_000);

  it("passes the entry its arguments and exit code, as under tsx (a bad option: one line, exit 2)", async () => {
    const failed = await run(process.execPath, ["scripts/run.mjs", "adapters/cli/ask.ts", "--as-of", "tomorrow", "q"], { cwd: root, env }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2, stderr: 'ask: --as-of must be a date written YYYY-MM-DD, got "tomorrow"\n' });
  }, 60_000);

  it("names a bad data file read while the sources load in one line, exit 1, no stack dump", async () => {
    const rules = mkdtempSync(join(tmpdir(), "run-mjs-rules-"));
    try {
      mkdirSync(join(rules, "policies"));
      for (const f of readdirSync(join(root, "rules/policies"))) copyFileSync(join(root, "rules/policies", f), join(rules, "policies", f));
      writeFileSync(join(rules, "facts.yaml"), "facts:\n  salesYuan: [oops\n");
      const failed = await run(process.execPath, ["scripts/run.mjs", "adapters/cli/ask.ts", "平阴 卖了100万"], { cwd: root, env: { ...env, RULES_DIR: rules } }).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 1 });
      const lines = (failed as { stderr: string }).stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/facts\.yaml:\d+: not valid YAML/);
    } finally {
      rmSync(rules, { recursive: true, force: true });
    }
  }, 60_000);
});
