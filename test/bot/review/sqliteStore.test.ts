import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../../bot/store/database.js";
import { MIGRATIONS } from "../../../bot/store/migrations.js";
import { sqliteStore } from "../../../bot/store/store.js";
import type { Session } from "../../../bot/sessionStore.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), "store-"));
  dirs.push(d);
  return d;
};

const session: Session = { facts: { followers: 150000, onlineRetailSales: 120_000_000 }, policyIds: ["pingyin-2020"], topic: ["influencer-sales"], lastIntent: "amount", awaiting: ["activityYear"], updatedAt: 1_700_000_000_000 };
const key = { channel: "wechat" as const, chatId: "room@chatroom", userId: "wxid_a" };

describe("SQLite database", () => {
  it("opens in WAL mode with full sync and records each migration once", () => {
    const dir = tempDir();
    const db = openDatabase({ dataDir: dir });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it("upgrades a database created by an older version step by step", () => {
    const dir = tempDir();
    openDatabase({ dataDir: dir, migrations: MIGRATIONS.slice(0, 1) }).close();
    const db = openDatabase({ dataDir: dir });
    expect(db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'drafts'").pluck().get()).toBe("drafts");
    db.close();
  });

  it("refuses a database written by a newer version with one line", () => {
    const dir = tempDir();
    openDatabase({ dataDir: dir }).close();
    expect(() => openDatabase({ dataDir: dir, migrations: MIGRATIONS.slice(0, 1) })).toThrow(/newer than this program/);
  });
});

describe("sessions in SQLite", () => {
  it("keeps sessions across a restart and forgets deleted ones", async () => {
    const dir = tempDir();
    const first = sqliteStore(openDatabase({ dataDir: dir }));
    await first.sessions.set(key, session);
    await first.close();
    const { sessions, close } = sqliteStore(openDatabase({ dataDir: dir }));
    expect(await sessions.get(key)).toEqual(session);
    expect(await sessions.get({ ...key, userId: "other" })).toBeUndefined();
    await sessions.set(key, { ...session, awaiting: [] });
    expect((await sessions.get(key))!.awaiting).toEqual([]);
    await sessions.delete(key);
    expect(await sessions.get(key)).toBeUndefined();
    await close();
  });

  it("drops a stored session whose facts no longer fit the vocabulary instead of using it", async () => {
    const db = openDatabase({ dataDir: tempDir() });
    const store = sqliteStore(db);
    await store.sessions.set(key, session);
    db.prepare("UPDATE sessions SET data = json_set(data, '$.facts.noSuchFact', 1)").run();
    expect(await store.sessions.get(key)).toBeUndefined();
    await store.close();
  });
});
