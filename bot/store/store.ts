/**
 * Everything the bot keeps between messages, behind one interface: sessions, staff review (drafts,
 * decisions, outbox, audit log, review modes), flood-control windows and room bindings. SQLite in DATA_DIR is
 * the embedded default; `DATABASE_URL=postgres://…` puts the same tables (same migrations) in PostgreSQL so
 * that several bot processes share them.
 */
import { DraftStore } from "../review/draftStore.js";
import type { RateLimitOptions } from "../rateLimiter.js";
import { openDatabase, type SqliteDatabase } from "./database.js";
import type { Sql } from "./sql.js";
import { SqlFloodControl } from "./sqlFloodControl.js";
import { SqlRoomBindings } from "./sqlRoomBindings.js";
import { SqlSessionStore } from "./sqlSessionStore.js";
import { SqliteSql } from "./sqliteSql.js";

export interface Store {
  readonly kind: Sql["dialect"];
  readonly sql: Sql;
  readonly sessions: SqlSessionStore;
  readonly drafts: DraftStore;
  readonly roomBindings: SqlRoomBindings;
  /** Flood control shared by every process on this database. */
  floodControl(options?: RateLimitOptions): SqlFloodControl;
  /** One round trip, for health checks; rejects when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stores over an open, migrated database. */
export function storeOver(sql: Sql): Store {
  return {
    kind: sql.dialect,
    sql,
    sessions: new SqlSessionStore(sql),
    drafts: new DraftStore(sql),
    roomBindings: new SqlRoomBindings(sql),
    floodControl: (options) => new SqlFloodControl(sql, options),
    ping: async () => void (await sql.get("SELECT 1 AS one")),
    close: () => sql.close(),
  };
}

/** The stores over an SQLite connection from openDatabase (which applied the migrations). */
export function sqliteStore(db: SqliteDatabase): Store {
  return storeOver(new SqliteSql(db));
}

export interface OpenStoreOptions {
  /** postgres://… selects PostgreSQL; empty or absent selects SQLite in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
}

/** Open the configured database and bring its schema up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) {
    // pg loads only when PostgreSQL is configured.
    const { openPostgres } = await import("./postgresSql.js");
    return storeOver(await openPostgres(options.databaseUrl));
  }
  return sqliteStore(openDatabase(options.dataDir ? { dataDir: options.dataDir } : {}));
}
