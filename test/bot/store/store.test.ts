/**
 * The store interface behaves the same on SQLite and on a real PostgreSQL server: the same migrations,
 * sessions, the review guarantees (first decision wins, one claim per reply) and shared flood control,
 * each checked with two Store instances on one database (two connections, as two processes have).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Session } from "../../../bot/sessionStore.js";
import { MIGRATIONS } from "../../../bot/store/migrations.js";
import { openStore, type Store } from "../../../bot/store/store.js";
import { SAMPLE_DRAFTS } from "../review/sampleDrafts.js";
import { startPostgres, type PostgresServer } from "./postgresServer.js";

let server: PostgresServer;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(() => {
  server?.stop();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

let databases = 0;
const BACKENDS: Record<string, () => Promise<{ databaseUrl?: string; dataDir?: string }>> = {
  SQLite: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "store-"));
    dirs.push(dir);
    return { dataDir: dir };
  },
  PostgreSQL: async () => ({ databaseUrl: await server.createDatabase(`store_${++databases}`) }),
};

const session: Session = { facts: { followers: 150000 }, policyIds: ["pingyin-2020"], topic: [], awaiting: ["onlineRetailSales"], updatedAt: 1_700_000_000_000 };
const key = { channel: "wechat" as const, chatId: "room@chatroom", userId: "wxid_a" };
const decision = (actor: string) => ({ actor, via: "console", at: Date.now() });

describe.each(Object.keys(BACKENDS))("store on %s", (backend) => {
  /** Two stores (connections) on one new database. */
  async function twoStores(): Promise<[Store, Store]> {
    const options = await BACKENDS[backend]!();
    const stores = (await Promise.all([openStore(options), openStore(options)])) as [Store, Store];
    onTestFinished(async () => void (await Promise.all(stores.map((s) => s.close()))));
    return stores;
  }

  it("applies every migration once, even when two processes open the database together", async () => {
    const [a, b] = await twoStores();
    const versions = (await a.sql.all("SELECT version FROM schema_migrations ORDER BY version")).map((r) => Number(r.version));
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    await expect(b.ping()).resolves.toBeUndefined();
  });

  it("shares a session between connections and forgets it on delete", async () => {
    const [a, b] = await twoStores();
    await a.sessions.set(key, session);
    expect(await b.sessions.get(key)).toEqual(session);
    await b.sessions.delete(key);
    expect(await a.sessions.get(key)).toBeUndefined();
  });

  it("lets exactly one of two simultaneous decisions take effect and queues one reply", async () => {
    const [a, b] = await twoStores();
    const id = await a.drafts.insertDraft(SAMPLE_DRAFTS[0]!, Date.now());
    const outcomes = await Promise.all([
      a.drafts.approve(id, decision("张三"), "text A", {}),
      b.drafts.approve(id, decision("李四"), "text B", {}),
      b.drafts.reject(id, decision("王五"), "no", "notice"),
    ]);
    expect(outcomes.filter((o) => o.changed)).toHaveLength(1);
    expect(await a.drafts.outboxFor(id)).toHaveLength(1);
  });

  it("hands each queued reply to one claimant only", async () => {
    const [a, b] = await twoStores();
    for (const draft of SAMPLE_DRAFTS) {
      const id = await a.drafts.insertDraft(draft, Date.now());
      await a.drafts.approve(id, decision("张三"), "ok", {});
    }
    const claimed: number[] = [];
    const drain = async (store: Store, owner: string) => {
      for (let item = await store.drafts.claimNext(owner, ["wechat", "telegram"], Date.now()); item; item = await store.drafts.claimNext(owner, ["wechat", "telegram"], Date.now())) {
        claimed.push(item.id);
      }
    };
    await Promise.all([drain(a, "a"), drain(b, "b"), drain(a, "a2"), drain(b, "b2")]);
    const queued = await a.drafts.listOutbox(["sending"]);
    expect(claimed.sort()).toEqual(queued.map((q) => q.id).sort());
    expect(new Set(claimed).size).toBe(claimed.length);
  });

  it("keeps the audit log append-only", async () => {
    const [a] = await twoStores();
    await a.drafts.insertDraft(SAMPLE_DRAFTS[0]!, Date.now());
    await expect(a.sql.run("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
    await expect(a.sql.run("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });

  it("finds drafts by a text containing LIKE wildcards literally", async () => {
    const [a] = await twoStores();
    await a.drafts.insertDraft({ ...SAMPLE_DRAFTS[0]!, message: { ...SAMPLE_DRAFTS[0]!.message, text: "销售额增长100%_以上" } }, Date.now());
    await a.drafts.insertDraft(SAMPLE_DRAFTS[1]!, Date.now());
    expect((await a.drafts.listDrafts({ text: "100%_" })).map((d) => d.question)).toEqual(["销售额增长100%_以上"]);
    expect(await a.drafts.listDrafts({ text: "%" })).toHaveLength(1);
  });

  it("counts one user's messages across connections against one flood limit", async () => {
    const [a, b] = await twoStores();
    const limits = { limit: 5, windowMs: 60_000 };
    const floods = [a.floodControl(limits), b.floodControl(limits)];
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => floods[i % 2]!.check("user-1", now + i)));
    expect(decisions.filter((d) => d === "allow")).toHaveLength(5);
    expect(decisions.filter((d) => d === "notice")).toHaveLength(1);
    expect(await floods[1]!.check("user-2", now)).toBe("allow");
    expect(await floods[0]!.check("user-1", now + 60_001)).toBe("allow");
  });

  it("keeps room bindings, including an unbinding on purpose", async () => {
    const [a, b] = await twoStores();
    expect(await a.roomBindings.isEmpty()).toBe(true);
    await a.roomBindings.set("wechat", "r1@chatroom", "pingyin-2020");
    await a.roomBindings.set("wechat", "r2@chatroom", null);
    expect(await b.roomBindings.get("wechat", "r1@chatroom")).toBe("pingyin-2020");
    expect(await b.roomBindings.get("wechat", "r2@chatroom")).toBeNull();
    expect(await b.roomBindings.get("wechat", "r3@chatroom")).toBeUndefined();
  });
});
