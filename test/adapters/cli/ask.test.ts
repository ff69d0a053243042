/**
 * `ask` is built like `npm start`: with OPENAI_API_KEY set it goes through the model rewording (fake model
 * server on loopback) and its number guard, so `ask --json` shows what a chat user would receive.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../../bot/answer.js";
import { startFakeOpenAi, type FakeOpenAi } from "../../bot/support/fakeOpenAiServer.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const QUESTION = "平阴 15万粉丝 2021年卖了120万 能拿多少奖励";

let fake: FakeOpenAi;
// The model's key also switches retrieval to the endpoint's embeddings: their index goes to a scratch folder.
const dataDir = mkdtempSync(join(tmpdir(), "ask-model-"));
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Run `ask --json` with only the given settings; returns the answers and stderr. */
async function ask(env: Record<string, string>, ...turns: string[]): Promise<{ answers: Answer[]; stderr: string }> {
  const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "adapters/cli/ask.ts", "--json", "--as-of", "2021-06-01", ...turns], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  return { answers: stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Answer), stderr };
}

const withModel = () => ({ OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.baseURL, EMBEDDINGS_BASE_URL: fake.baseURL, DATA_DIR: dataDir, LLM_TIMEOUT_MS: "5000" });

describe("ask takes the pipeline a chat takes", () => {
  it("with a model configured, prints the model's rewording that passed the guard, as a chat user would receive it", async () => {
    const rewording = "平阴这边，带货达人线上销售奖励你最高可以拿2万元，前提是年度内只享受其中一项扶持政策。";
    fake.behaviour = { reply: rewording };
    const before = fake.requests.length;
    const { answers } = await ask(withModel(), QUESTION);
    expect(fake.requests.length).toBe(before + 1);
    expect(answers[0]).toMatchObject({ status: "answered", text: expect.stringContaining(rewording) });
    expect(answers[0]!.text).toContain("平政发〔2020〕3号"); // citation lines stay the template's, verbatim
  }, 90_000);

  it("with a model that shows a threshold as the award, prints the template answer, the same as without a model", async () => {
    fake.behaviour = { reply: "平阴：带货达人线上销售奖励最高2万元，过了门槛的达人最高奖励100万元。" };
    const [guarded, plain] = await Promise.all([ask(withModel(), QUESTION), ask({}, QUESTION)]);
    expect(guarded.answers[0]!.text).toBe(plain.answers[0]!.text);
    expect(guarded.stderr).toContain("shown as the award but no eligible award's amount: 100万元");
  }, 90_000);

  it("stops quietly, with no stack trace, when its reader closes the pipe early (ask … | head)", async () => {
    // A real pipe to `head`, which exits after the first line, so ask's next write meets a closed pipe.
    const script = `node --import tsx adapters/cli/ask.ts "${QUESTION}" "${QUESTION}" "${QUESTION}" | head -n 1 >/dev/null; exit \${PIPESTATUS[0]}`;
    const child = spawn("bash", ["-c", script], { cwd: root, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|    at /);
    expect(code).toBe(0);
  }, 60_000);

  it("names a bad setting in one line, like npm start", async () => {
    const failed = await ask({ LLM_BREAKER_FAILURES: "many" }, QUESTION).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim()).toMatch(/^ask: Bad setting LLM_BREAKER_FAILURES: [^\n]+$/);
  }, 90_000);
});
