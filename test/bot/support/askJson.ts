/**
 * Runs conversations through `ask --json --batch` — the same command line a user or QA runs — once
 * per test file, and hands back the last answer of each conversation by id.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Answer } from "../../../bot/answer.js";

const run = promisify(execFile);

export type AskCases = Record<string, readonly string[]>;

/** `ask --json --as-of asOf --batch` over `cases` (id → turns); resolves to id → the last turn's answer. `env` adds settings. */
export async function askJson(cases: AskCases, asOf = "2023-06-01", env: Record<string, string> = {}): Promise<Record<string, Answer>> {
  const dir = mkdtempSync(join(tmpdir(), "ask-json-"));
  const file = join(dir, "cases.jsonl");
  writeFileSync(file, Object.entries(cases).map(([id, turns]) => JSON.stringify({ id, turns })).join("\n"));
  const { stdout } = await run(process.execPath, ["--import", "tsx", "adapters/cli/ask.ts", "--json", "--as-of", asOf, "--batch", file], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REVIEW_CHATS: "", ...env },
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  const out: Record<string, Answer> = {};
  for (const line of stdout.split("\n").filter(Boolean)) {
    const { id, ...answer } = JSON.parse(line) as Answer & { id: string };
    out[id] = answer as Answer;
  }
  return out;
}
