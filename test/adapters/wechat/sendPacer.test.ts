import { describe, expect, it } from "vitest";
import { SendPacer } from "../../../adapters/wechat/sendPacer.js";

/** A virtual clock: sleeping advances time instantly, so spacing is checked exactly and fast. */
function virtualClock() {
  let now = 0;
  const waiting: { until: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        waiting.push({ until: now + ms, wake });
        waiting.sort((a, b) => a.until - b.until);
        // Advance to the earliest sleeper once everyone currently runnable has had a turn.
        setImmediate(() => {
          const next = waiting.shift();
          if (!next) return;
          now = Math.max(now, next.until);
          next.wake();
        });
      }),
  };
}

describe("SendPacer", () => {
  it("keeps sends into one chat perChatMs (+ jitter) apart and in order", async () => {
    const clock = virtualClock();
    const pacer = new SendPacer({ perChatMs: 2_000, globalMs: 500, jitterMs: 1_000, random: () => 0.5, ...clock });
    const sent: { text: string; at: number }[] = [];
    await Promise.all(["一", "二", "三", "四"].map((text) => pacer.schedule("room", async () => void sent.push({ text, at: clock.now() }))));
    expect(sent.map((s) => s.text)).toEqual(["一", "二", "三", "四"]);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(2_500);
  });

  it("keeps any two sends globalMs apart while different chats do not wait for each other's chat gap", async () => {
    const clock = virtualClock();
    const pacer = new SendPacer({ perChatMs: 10_000, globalMs: 300, jitterMs: 0, ...clock });
    const sent: { chat: string; at: number }[] = [];
    await Promise.all(["a", "b", "c"].map((chat) => pacer.schedule(chat, async () => void sent.push({ chat, at: clock.now() }))));
    const times = sent.map((s) => s.at).sort((x, y) => x - y);
    expect(times).toEqual([0, 300, 600]); // three chats: only the global gap applies
  });

  it("adds random jitter to the gap", async () => {
    const clock = virtualClock();
    const pacer = new SendPacer({ perChatMs: 1_000, globalMs: 0, jitterMs: 1_000, random: () => 0.9, ...clock });
    const at: number[] = [];
    await pacer.schedule("r", async () => void at.push(clock.now()));
    await pacer.schedule("r", async () => void at.push(clock.now()));
    expect(at[1]! - at[0]!).toBe(1_900);
  });

  it("keeps pacing after a failed send and reports the failure to its caller", async () => {
    const clock = virtualClock();
    const pacer = new SendPacer({ perChatMs: 1_000, globalMs: 0, jitterMs: 0, ...clock });
    const failed = pacer.schedule("r", async () => {
      throw new Error("puppet offline");
    });
    const next = pacer.schedule("r", async () => clock.now());
    await expect(failed).rejects.toThrow("puppet offline");
    expect(await next).toBe(1_000);
  });
});
