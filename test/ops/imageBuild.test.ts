/**
 * The Dockerfile's build steps, run without Docker: its COPY, ENV and RUN instructions are read from the
 * Dockerfile itself and carried out in a temporary folder standing for the image (WORKDIR and VOLUME paths
 * mapped into it, the build context filtered by .dockerignore), then its CMD answers a question. npm runs
 * with `offline`, so `npm ci` installs from the local npm cache that the machine's own `npm ci` / `npm install`
 * filled: the same commands, no network. What a Docker build downloads besides packages — better-sqlite3's
 * prebuilt binary, fetched by prebuild-install — is served as a "local prebuild" packed from this machine's
 * build of the same version, so the test does not spend minutes compiling SQLite (hnswlib-node, which has no
 * prebuilt binaries, compiles as it does in Docker).
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions, comments dropped and continued lines joined. */
function parseDockerfile(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const space = line.search(/\s/);
      return { op: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/** JSON (exec) form or shell form of RUN/CMD, as an argv for `sh -c` or direct execution. */
function commandOf(args: string): string[] {
  return args.startsWith("[") ? (JSON.parse(args) as string[]) : ["sh", "-c", args];
}

/** `KEY=value KEY2=value2` (the only ENV form this Dockerfile uses). */
function envOf(args: string): Record<string, string> {
  return Object.fromEntries(args.split(/\s+/).map((pair) => pair.split("=", 2) as [string, string]));
}

function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stdin.end(input ?? "");
    child.on("close", (code) => resolve({ code, out }));
  });
}

const image = mkdtempSync(join(tmpdir(), "image-"));
// Asynchronous: removing an installed node_modules takes a while, and must not block the test worker.
afterAll(() => rm(image, { recursive: true, force: true }), 300_000);

describe("the Dockerfile's build steps, without Docker", () => {
  const steps = parseDockerfile(readFileSync(join(root, "Dockerfile"), "utf8"));
  const ignored = new Set(readFileSync(join(root, ".dockerignore"), "utf8").split("\n").map((l) => l.trim().replace(/^\/|\/$/g, "")).filter(Boolean));
  const workdir = join(image, steps.find((s) => s.op === "WORKDIR")!.args);
  /** An absolute path in the image, as a path in the temporary folder. */
  const inImage = (path: string) => (path.startsWith("/") ? join(image, path) : join(workdir, path));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_offline: "true", HEALTH_PORT: "0" };

  it("installs, builds the index, and the image's command answers a question", async () => {
    mkdirSync(workdir, { recursive: true });
    const sqlite = JSON.parse(readFileSync(join(root, "node_modules/better-sqlite3/package.json"), "utf8")) as { version: string };
    const prebuilds = join(image, "prebuilds");
    mkdirSync(prebuilds);
    const packed = await run(
      ["tar", "-czf", join(prebuilds, `better-sqlite3-v${sqlite.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`), "-C", join(root, "node_modules/better-sqlite3"), "build/Release/better_sqlite3.node"],
      root,
      env,
    );
    expect(packed.code, packed.out).toBe(0);
    env.npm_config_better_sqlite3_local_prebuilds = prebuilds;
    // FROM is checked against engines (engines.test.ts); VOLUME paths are mapped like ENV paths. Anything else
    // would be silently skipped here, so a new kind of instruction must be taught to this test first.
    expect(steps.map((s) => s.op).filter((op) => !["FROM", "WORKDIR", "ENV", "COPY", "RUN", "VOLUME", "CMD"].includes(op))).toEqual([]);
    const log: string[] = [];
    for (const { op, args } of steps) {
      if (op === "ENV") {
        // Paths in the image (DATA_DIR=/data) live in the temporary folder.
        for (const [key, value] of Object.entries(envOf(args))) env[key] = value.startsWith("/") ? inImage(value) : value;
      } else if (op === "COPY") {
        // Docker's rules: a folder's contents go into the target; files go into it when it is a folder.
        const parts = args.split(/\s+/);
        const target = parts.pop()!;
        const intoFolder = target.endsWith("/") || parts.length > 1;
        for (const source of parts) {
          const from = join(root, source);
          const to = statSync(from).isDirectory() || !intoFolder ? inImage(target) : join(inImage(target), basename(source));
          cpSync(from, to, { recursive: true, filter: (path) => !ignored.has(relative(root, path).split("/")[0]!) });
        }
      } else if (op === "RUN") {
        const result = await run(commandOf(args), workdir, env);
        log.push(`RUN ${args}: exit ${result.code}\n${result.out.slice(-2_000)}`);
        expect(result.code, log.join("\n")).toBe(0);
      }
    }
    const cmd = steps.findLast((s) => s.op === "CMD")!;
    const answer = await run(commandOf(cmd.args), workdir, env, "平阴 15万粉丝 2021年卖了120万 能拿多少？\n");
    expect(answer.code, answer.out).toBe(0);
    expect(answer.out).toContain("助手：");
    expect(answer.out).toContain("2万");
  }, 900_000);
});
