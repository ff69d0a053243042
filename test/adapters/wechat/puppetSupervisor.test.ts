import { describe, expect, it } from "vitest";
import { quietLog } from "../../../adapters/adapterLog.js";
import { PuppetSupervisor } from "../../../adapters/wechat/puppetSupervisor.js";

function fakePuppet(failStarts = 0) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  let now = 0;
  return {
    calls,
    sleeps,
    advance: (ms: number) => void (now += ms),
    options: {
      start: async () => {
        calls.push("start");
        if (failStarts-- > 0) throw new Error("puppet service unreachable");
      },
      stop: async () => void calls.push("stop"),
      log: quietLog,
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      initialBackoffMs: 1_000,
      maxBackoffMs: 8_000,
    },
  };
}

describe("PuppetSupervisor", () => {
  it("retries a failing start with exponential back-off up to the cap", async () => {
    const puppet = fakePuppet(5);
    const supervisor = new PuppetSupervisor(puppet.options);
    await supervisor.start();
    supervisor.shutdown();
    expect(puppet.calls.filter((c) => c === "start")).toHaveLength(6);
    expect(puppet.sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it("restarts the puppet after a burst of errors, but not after a single one", async () => {
    const puppet = fakePuppet();
    const supervisor = new PuppetSupervisor({ ...puppet.options, errorBurst: 3, errorWindowMs: 60_000 });
    await supervisor.start();
    supervisor.onError(new Error("payload fetch failed"));
    expect(supervisor.restarts).toBe(0);
    supervisor.onError(new Error("again"));
    supervisor.onError(new Error("and again"));
    await supervisor.restart("joins the running restart"); // concurrent calls share one restart
    supervisor.shutdown();
    expect(supervisor.restarts).toBe(1);
    expect(puppet.calls).toEqual(["start", "stop", "start"]);
  });

  it("restarts a puppet whose heartbeats stopped, and leaves one that never sent any alone", async () => {
    const puppet = fakePuppet();
    const supervisor = new PuppetSupervisor({ ...puppet.options, heartbeatTimeoutMs: 60_000 });
    await supervisor.start();
    puppet.advance(10 * 60_000);
    supervisor.checkHeartbeat();
    expect(supervisor.restarts).toBe(0); // no heartbeat ever: not judged by heartbeats
    supervisor.onLogin();
    puppet.advance(30_000);
    supervisor.checkHeartbeat();
    expect(supervisor.restarts).toBe(0);
    puppet.advance(31_000);
    supervisor.checkHeartbeat();
    expect(supervisor.restarts).toBe(1);
    supervisor.shutdown();
  });
});
