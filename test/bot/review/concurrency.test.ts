import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { SAMPLE_DRAFTS } from "./sampleDrafts.js";

const CHILD = fileURLToPath(new URL("./approveChild.ts", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "concurrency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("two staff approving the same draft at once", () => {
  it("two processes on one database file: one approval takes effect, one reply is sent", { timeout: 40_000 }, async () => {
    const db = openDatabase({ dataDir: dir });
    const service = new ReviewService({ store: sqliteStore(db), log: () => {} });
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    await service.close();
    db.close();
    const deliveries = path.join(dir, "deliveries.txt");
    const startAt = String(Date.now() + 4000);
    const run = (name: string) => promisify(execFile)(process.execPath, ["--import", "tsx", CHILD, dir, String(id), name, deliveries, startAt]);
    const results = (await Promise.all([run("张三"), run("李四")])).map((r) => JSON.parse(r.stdout) as { ok: boolean; message: string });
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)!.message).toMatch(/已由 (张三|李四) 于 .* 通过/);
    const sent = existsSync(deliveries) ? readFileSync(deliveries, "utf8").split("\n").filter(Boolean) : [];
    expect(sent).toHaveLength(1);
  });
});
