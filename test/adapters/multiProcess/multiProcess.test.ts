/**
 * Two bot processes (two WeChat accounts on wechaty-puppet-mock) against one real PostgreSQL server:
 * a user's session is shared, a draft is delivered once, the first staff decision wins and the flood limit
 * counts the user's messages in both processes together.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "../../bot/store/postgresServer.js";
import { AWARD_QUESTION, expectTwentyThousandAward } from "../support/policyAnswers.js";
import { waitFor } from "../support/waitFor.js";

const CHILD = fileURLToPath(new URL("./botProcess.ts", import.meta.url));

interface BotProcess {
  call<T = Record<string, unknown>>(command: Record<string, unknown>): Promise<T>;
  child: ChildProcess;
}

function startBot(env: Record<string, string>): Promise<BotProcess> {
  const child = fork(CHILD, [], { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let pending: ((reply: { ok: boolean; result?: unknown; error?: string }) => void) | undefined;
  child.on("message", (m: { ready?: boolean; ok: boolean }) => pending?.(m));
  const call = <T>(command: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      pending = (reply) => (reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error)));
      child.send(command);
    });
  return new Promise((resolve, reject) => {
    pending = () => resolve({ call, child });
    child.once("exit", (code) => reject(new Error(`bot process exited with ${code} before it was ready`)));
  });
}

let server: PostgresServer;
const bots: BotProcess[] = [];
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await Promise.allSettled(bots.map((b) => b.call({ op: "stop" })));
  bots.forEach((b) => b.child.kill());
  server?.stop();
});

async function twoBots(database: string, env: Record<string, string> = {}): Promise<[BotProcess, BotProcess]> {
  const url = await server.createDatabase(database);
  const pair = await Promise.all([startBot({ DATABASE_URL: url, ...env }), startBot({ DATABASE_URL: url, ...env })]);
  bots.push(...pair);
  return pair;
}

describe("two WeChat bot processes sharing one PostgreSQL database", () => {
  it("continue one user's conversation: facts told to one account are used by the other", { timeout: 120_000 }, async () => {
    const [a, b] = await twoBots("shared_session");
    const first = await a.call<{ replies: string[] }>({ op: "say", text: "平阴 15万粉丝 带货达人能拿多少？" });
    expect(first.replies.join("\n")).toMatch(/请告诉我/);
    const second = await b.call<{ replies: string[] }>({ op: "say", text: "2021年卖了120万" });
    expectTwentyThousandAward(second.replies.join("\n"));
  });

  it("let the first of two simultaneous staff decisions win and deliver the reply once", { timeout: 120_000 }, async () => {
    const [a, b] = await twoBots("review_once", { REVIEW_CHATS: "wechat:wxid_zhang" });
    const held = await a.call<{ replies: string[] }>({ op: "say", text: AWARD_QUESTION, silent: true });
    await waitFor(async () => (await b.call<{ ids: number[] }>({ op: "drafts" })).ids.length === 1, 30_000, "the draft");
    expect(held.replies).toEqual([]); // in review: nothing for the asker yet
    const decisions = await Promise.all([a.call<{ ok: boolean; message: string }>({ op: "approve", id: 1, staff: "张科员" }), b.call<{ ok: boolean; message: string }>({ op: "approve", id: 1, staff: "李科员" })]);
    expect(decisions.filter((d) => d.ok)).toHaveLength(1);
    expect(decisions.find((d) => !d.ok)!.message).toMatch(/以先作出的决定为准/);
    const delivered = async () => (await Promise.all([a.call<{ sent: string[] }>({ op: "deliver" }), b.call<{ sent: string[] }>({ op: "deliver" })])).flatMap((r) => r.sent);
    await waitFor(async () => (await delivered()).length > 0, 30_000, "the delivery");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await delivered()).toHaveLength(1);
    expectTwentyThousandAward((await delivered())[0]);
  });

  it("apply one flood limit to a user writing to both accounts", { timeout: 120_000 }, async () => {
    const [a, b] = await twoBots("flood");
    for (let i = 0; i < 12; i++) await [a, b][i % 2]!.call({ op: "say", text: `谢谢 ${i}`, wait: false });
    const received = async () => (await Promise.all([a.call<{ sent: string[] }>({ op: "sent" }), b.call<{ sent: string[] }>({ op: "sent" })])).flatMap((r) => r.sent);
    await waitFor(async () => (await received()).length >= 9, 60_000, "the answers");
    await new Promise((r) => setTimeout(r, 1500));
    const replies = await received();
    // 8 messages per 10 s per user (the bot's default) in both processes together: 8 answers, one notice, then silence.
    expect(replies.filter((r) => r.includes("太快"))).toHaveLength(1);
    expect(replies).toHaveLength(9);
  });
});
