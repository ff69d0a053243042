/**
 * `npm start` as a process: configuration errors, the offline console default, and graceful shutdown.
 * Each run uses an empty temporary working directory, so no developer `.env` leaks in.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");
const main = join(root, "adapters/main.ts");
const workDirs: string[] = [];
/**
 * Liveness budgets, not speed goals: five processes start side by side on a possibly busy 2-core machine,
 * each building the search index in its own fresh folder before its banner.
 */
const START_BUDGET_MS = 240_000;
const OUTPUT_BUDGET_MS = 180_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start `npm start`'s entry point with only the given settings; `drive` may write to stdin or signal it. */
function start(
  env: Record<string, string>,
  drive: (child: ReturnType<typeof spawn>, output: () => string, errors: () => string) => void,
  dotEnv?: string,
): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), "main-test-"));
  workDirs.push(cwd);
  if (dotEnv) writeFileSync(join(cwd, ".env"), dotEnv);
  // Any free port for /healthz, so runs side by side never collide.
  const child = spawn(tsx, [main], { cwd, env: { PATH: process.env.PATH ?? "", HOME: cwd, HEALTH_PORT: "0", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  drive(child, () => stdout, () => stderr);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Resolve once `output()` contains `text`. */
async function waitForOutput(output: () => string, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in output: ${output().slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Log in to the staff console with its form (cookie + CSRF token) and approve draft #1 unchanged. */
async function approveFirstDraft(url: string): Promise<void> {
  const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const loginPage = await fetch(`${url}/login`);
  const anonymous = cookieOf(loginPage);
  const body = new URLSearchParams({ _csrf: csrfOf(await loginPage.text()), name: "王科员", token: "a-long-enough-staff-token" });
  const login = await fetch(`${url}/login`, { method: "POST", redirect: "manual", headers: { ...form, cookie: anonymous }, body });
  const cookie = cookieOf(login);
  const draftPage = await fetch(`${url}/drafts/1`, { headers: { cookie } });
  const approve = await fetch(`${url}/drafts/1/approve`, { method: "POST", redirect: "manual", headers: { ...form, cookie }, body: new URLSearchParams({ _csrf: csrfOf(await draftPage.text()) }) });
  if (approve.status !== 303) throw new Error(`approval refused: ${approve.status}`);
}

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent("npm start", () => {
  it("exits non-zero with one line naming a bad setting from the environment", async () => {
    const run = await start({ TELEGRAM_API_ROOT: "not a url" }, () => undefined);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Bad setting TELEGRAM_API_ROOT: /)]);
   }, START_BUDGET_MS);

  it("reads .env from the working directory", async () => {
    const run = await start({}, () => undefined, "WECHAT_PACE_CHAT_MS=soon\n");
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Bad setting WECHAT_PACE_CHAT_MS: [^\n]+$/);
   }, START_BUDGET_MS);

  it("in review mode the console prints the acknowledgement and no amount, then the text staff approve in the staff console", async () => {
    let beforeApproval = "";
    const run = await start({ REVIEW_CHATS: "console:*", REVIEW_ACK: "all", STAFF_TOKEN: "a-long-enough-staff-token", STAFF_PORT: "0" }, (child, output, errors) => {
      void (async () => {
        child.stdin!.write("平阴 15万粉丝 2021年卖了120万 能拿多少奖励\n");
        // Start-up builds the search index in a fresh folder: give it time on a busy machine.
        await waitForOutput(output, "助手：", OUTPUT_BUDGET_MS);
        await waitForOutput(errors, "staff console: ", OUTPUT_BUDGET_MS);
        await new Promise((resolve) => setTimeout(resolve, 300));
        beforeApproval = output();
        const url = /staff console: (\S+)/.exec(errors())![1]!;
        await approveFirstDraft(url);
        await waitForOutput(output, "2万", 30_000);
        child.stdin!.end("/quit\n");
      })().catch((error: Error) => {
        beforeApproval = `failed: ${error.message}`;
        child.kill("SIGTERM");
      });
    });
    expect(run.code, beforeApproval).toBe(0);
    const replies = (text: string) => text.split(/^助手：/m).slice(1).map((block) => block.trim());
    expect(replies(beforeApproval)).toEqual(["已收到，工作人员核对后回复。"]);
    const after = replies(run.stdout);
    expect(after).toHaveLength(2);
    expect(after[1]).toContain("最高2万元");
    expect(after[1]).toContain("平政发〔2020〕3号");
  }, START_BUDGET_MS + 60_000);

  it("with no channel configured, chats on the console over the real bot until the input ends, serving /healthz and /metrics and logging each turn as one JSON line on stderr", async () => {
    let seen = "";
    const run = await start({ LOG_LEVEL: "info" }, (child, output, errors) => {
      void (async () => {
        await waitForOutput(errors, "/metrics", OUTPUT_BUDGET_MS);
        const url = /health: (\S+)\/healthz/.exec(errors())![1]!;
        child.stdin!.write("平阴 15万粉丝 2021年卖了120万 能拿多少？\n");
        await waitForOutput(output, "助手：", OUTPUT_BUDGET_MS);
        const health = await fetch(`${url}/healthz`);
        const metrics = await (await fetch(`${url}/metrics`)).text();
        seen = `${health.status} ${await health.text()}\n${metrics}`;
        child.stdin!.end();
      })().catch((error: Error) => {
        seen = `failed: ${error.message}`;
        child.kill("SIGTERM");
      });
    });
    expect(run.code, seen).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/离线.*WECHATY_PUPPET.*TELEGRAM_BOT_TOKEN/);
    expect(run.stdout).toContain("助手：");
    expect(run.stdout).toContain("2万");
    expect(run.stdout).toContain("平阴");
    expect(seen).toMatch(/^200 \{"ok":true,"channels":\[\{"channel":"console","connected":true,"loggedIn":true,"lastMessageAt":"\d{4}-/);
    expect(seen).toContain('huishang_turns_total{channel="console",status="answered"} 1');
    const turns = run.stderr.split("\n").filter((line) => line.includes('"msg":"turn"')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(turns).toEqual([expect.objectContaining({ channel: "console", status: "answered" })]);
    expect(turns[0]).not.toHaveProperty("text");
  }, START_BUDGET_MS + 60_000);

  it("stops gracefully on SIGTERM", async () => {
    const run = await start({}, (child, output) => {
      // The banner comes after the search index is built in the fresh folder: slow on a busy machine.
      void waitForOutput(output, "离线", OUTPUT_BUDGET_MS).then(() => child.kill("SIGTERM"));
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("SIGTERM");
  }, START_BUDGET_MS);
});
