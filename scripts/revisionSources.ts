/**
 * Another revision's sources, unpacked once under node_modules/.cache/bench-revisions/<commit> (beside
 * node_modules, so their imports resolve), for benchmarks that measure an earlier baseline in the same run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Import `file` (e.g. "bot/extractFacts.ts") as it was at `rev`; throws when there is no such revision. */
export async function importAt<T>(rev: string, file: string): Promise<T> {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${rev}^{commit}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  const dir = resolve("node_modules/.cache/bench-revisions", commit);
  if (!existsSync(dir)) {
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C "${partial}"`]);
    renameSync(partial, dir);
  }
  return (await import(pathToFileURL(`${dir}/${file}`).href)) as T;
}

/** The revisions named by `--against <rev>` (repeatable), `fallback` when none is named, none for `--against none`. */
export function againstRevisions(args: readonly string[], fallback: string): string[] {
  const named = args.flatMap((a, i) => (args[i - 1] === "--against" ? [a] : []));
  return (args.includes("--against") ? named : [fallback]).filter((r) => r !== "none");
}
