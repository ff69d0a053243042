/**
 * README "Adding a policy" as an operator does it, in a copy of the project (its sources copied, node_modules
 * linked, no drafts): import a fixture folder's documents, add their policies.json entries, draft, then ask
 * through ask --json.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Answer } from "../../../bot/answer.js";
import { numberGuard } from "../../../bot/numberGuard.js";
import { chineseDate } from "../../../bot/policyStatus.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface ProjectCopy {
  /** The copy's root directory. */
  dir: string;
  /** `node --import tsx …args` in the copy, with no review chats and the copy's own rules. */
  node(args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** ask --json --batch in the copy (one turn per case): id → the answer. */
  ask(cases: Record<string, string>, asOf?: string): Promise<Record<string, Answer>>;
  /** Removes the copy. */
  remove(): void;
}

/** A fresh copy of the project in a temporary directory named after `prefix`. */
export function copyProject(prefix: string): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ["adapters", "bot", "knowledge", "rules", "prompts", "scripts", "package.json", "tsconfig.json"]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (src) => !/[/\\]rules[/\\]drafts$/.test(src) });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "junction");
  const node = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", ...args], { cwd: dir, env: { ...process.env, REVIEW_CHATS: "", RULES_DIR: "" }, maxBuffer: 64 * 1024 * 1024 });
  return {
    dir,
    node,
    async ask(cases, asOf = "2026-06-01") {
      const file = join(dir, "cases.jsonl");
      writeFileSync(file, Object.entries(cases).map(([id, q]) => JSON.stringify({ id, turns: [q] })).join("\n"));
      const { stdout } = await node(["adapters/cli/ask.ts", "--json", "--as-of", asOf, "--batch", file]);
      return Object.fromEntries(stdout.split("\n").filter(Boolean).map((l) => { const { id, ...a } = JSON.parse(l); return [id, a as Answer]; }));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Steps 1–2: each `ids` document of `fixtures` imported with policy:import, and the folder's policies.json entries added. */
export async function addPolicies(project: ProjectCopy, fixtures: string, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => project.node(["rules/cli/policyImport.ts", join(fixtures, `${id}.txt`), "--id", id])));
  const metaFile = join(project.dir, "knowledge/policies/policies.json");
  const shipped = JSON.parse(readFileSync(metaFile, "utf8"));
  const added = JSON.parse(readFileSync(join(fixtures, "policies.json"), "utf8")).policies;
  writeFileSync(metaFile, JSON.stringify({ ...shipped, policies: [...shipped.policies, ...added] }, null, 2));
}

/** Step 3: each document's rules drafted with policy:draft. */
export async function draftPolicies(project: ProjectCopy, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => project.node(["rules/cli/policyDraft.ts", `knowledge/policies/${id}.txt`, "--id", id])));
}

/**
 * The numbers of a reply that are none of these: an engine amount, the asker's, in a quote, or the dates and
 * document numbers of a fixture folder's policies.json entries.
 */
export function ungroundedNumbers(fixtures: string, a: Answer, question: string): ReturnType<typeof numberGuard>["ungrounded"] {
  const meta = JSON.parse(readFileSync(join(fixtures, "policies.json"), "utf8")).policies as Array<Record<string, string | null>>;
  const dates = meta.flatMap((m) => [m.issued, m.effectiveFrom, m.validUntil].filter((d): d is string => !!d).map(chineseDate));
  const extraTexts = [...dates, ...meta.map((m) => m.docNumber ?? "")];
  return numberGuard(a.text, { userTexts: [question], quotes: a.citations.map((c) => c.quote), amountsFen: a.awards.flatMap((w) => w.amountFen ?? []), extraTexts }).ungrounded;
}

/** Steps 1–3 for a fixture folder's documents in a fresh copy named after `prefix`, then `questions` asked (one turn each). */
export async function addDraftAndAsk(prefix: string, fixtures: string, ids: readonly string[], questions: Record<string, string>): Promise<{ project: ProjectCopy; answers: Record<string, Answer> }> {
  const project = copyProject(prefix);
  await addPolicies(project, fixtures, ids);
  await draftPolicies(project, ids);
  return { project, answers: await project.ask(questions) };
}

