import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CONSOLE_BANNER, runConsole } from "../../adapters/console.js";
import { FakeHandler } from "./support/fakeHandler.js";

async function chat(lines: string[], handler = new FakeHandler()) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
  const running = runConsole(handler, { input, output, prompt: false });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await running.closed;
  return { printed, handler };
}

describe("console chat", () => {
  it("prints a one-line banner saying it is offline and how to connect WeChat and Telegram", async () => {
    const { printed } = await chat([]);
    const banner = printed.split("\n")[0]!;
    expect(banner).toBe(CONSOLE_BANNER);
    expect(banner).toMatch(/离线/);
    expect(banner).toMatch(/WECHATY_PUPPET/);
    expect(banner).toMatch(/TELEGRAM_BOT_TOKEN/);
  });

  it("answers questions through the handler in order, with /help, /facts and /reset", async () => {
    const handler = new FakeHandler();
    await handler.remember({ channel: "console", chatId: "console", userId: "local" }, { policyId: "pingyin-2020" });
    const { printed } = await chat(["/facts", "平阴 15万粉丝", "卖了120万", "/help", "/reset", "/facts"], handler);
    const lines = printed.split("\n");
    expect(lines[1]).toBe("地区：pingyin-2020");
    expect(printed).toContain("助手：收到[pingyin-2020]：平阴 15万粉丝");
    expect(printed).toContain("上一句：平阴 15万粉丝");
    expect(printed).toContain("测试替身");
    expect(printed).toContain("重新开始");
    expect(printed.trimEnd().split("\n").at(-1)).toContain("还没有记住");
    expect(handler.received.map((m) => m.text)).toEqual(["平阴 15万粉丝", "卖了120万"]);
    expect(handler.received[0]).toMatchObject({ channel: "console", isPrivate: true });
  });

  it("stops at /quit and skips blank lines", async () => {
    const { handler } = await chat(["", "   ", "第一个问题", "/quit", "不会被读到"]);
    expect(handler.received.map((m) => m.text)).toEqual(["第一个问题"]);
  });
});
