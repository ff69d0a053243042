import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "./recordingSender.js";

const CHILD = fileURLToPath(new URL("./durabilityChild.ts", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "durability-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const logFile = path.join(dir, "log.txt");
const deliveries = path.join(dir, "deliveries.txt");
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

/** Run the child until `heldAtLeast` drafts are logged, then SIGKILL it mid-burst. */
async function runAndKill(heldAtLeast: number): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir, logFile, deliveries], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (b) => (stderr += String(b)));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  const deadline = Date.now() + 20_000;
  while (lines(logFile).filter((l) => l.startsWith("held")).length < heldAtLeast) {
    if (child.exitCode !== null) throw new Error(`child exited early: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`child too slow: ${stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

describe("durability under kill -9", () => {
  it("loses no pending or approved draft and sends nothing twice across two crashes", { timeout: 60_000 }, async () => {
    await runAndKill(40);
    await runAndKill(90); // the second run starts by recovering what the first left mid-send

    const log = lines(logFile);
    const held = log.filter((l) => l.startsWith("held ")).map((l) => Number(l.split(" ")[1]));
    const approved = log.filter((l) => l.startsWith("approved ")).map((l) => Number(l.split(" ")[1]));
    const rejected = log.filter((l) => l.startsWith("rejected ")).map((l) => Number(l.split(" ")[1]));

    const db = openDatabase({ dataDir: dir });
    const service = new ReviewService({ store: sqliteStore(db), log: () => {}, retryDelayMs: 0 });
    try {
      // Every draft the child saw committed is there, in a state at least as far as the child saw.
      for (const id of held) expect(await service.getDraft(id), `draft ${id}`).toBeDefined();
      for (const id of approved) expect(["approved", "sent"]).toContain((await service.getDraft(id))!.state);
      for (const id of rejected) expect((await service.getDraft(id))!.state).toBe("rejected");

      // Resume: a channel without delivery keys; interrupted sends come back as "uncertain" for staff.
      service.registerSender(new RecordingSender("wechat", { file: deliveries }));
      service.registerSender(new RecordingSender("telegram", { file: deliveries }));
      await service.deliverDue();
      const staff = { name: "值班", via: "console" as const };
      const posted = new Set(lines(deliveries).map((l) => l.split("\t")[0]));
      // What a staff member does: look in the chat (here: the deliveries file) and confirm or resend.
      for (const item of await service.deliveriesNeedingAttention()) {
        expect(item.state).toBe("uncertain");
        if (posted.has(item.deliveryKey)) await service.confirmDelivered(item.id, staff);
        else await service.resend(item.id, staff);
      }
      await service.deliverDue();

      const keys = lines(deliveries).map((l) => l.split("\t")[0]!);
      expect(keys.length).toBeGreaterThan(10);
      expect(new Set(keys).size, "a delivery key was posted twice").toBe(keys.length);
      const outbox = db.prepare("SELECT draft_id, kind, delivery_key, state FROM outbox").all() as { draft_id: number; kind: string; delivery_key: string; state: string }[];
      expect(outbox.every((o) => o.state === "sent")).toBe(true);
      expect(new Set(keys)).toEqual(new Set(outbox.map((o) => o.delivery_key)));
      const decided = db.prepare("SELECT id FROM drafts WHERE state IN ('approved', 'sent')").pluck().all() as number[];
      expect(db.prepare("SELECT count(*) FROM drafts WHERE state = 'approved'").pluck().get()).toBe(0);
      for (const id of decided) expect(outbox.filter((o) => o.draft_id === id && o.kind === "reply")).toHaveLength(1);
      expect(db.prepare("SELECT count(*) FROM drafts WHERE state = 'pending'").pluck().get()).toBeGreaterThan(0);
    } finally {
      await service.close();
      db.close();
    }
  });
});
