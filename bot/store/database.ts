/**
 * The embedded default database: one SQLite file holding what store.ts describes (sessions, review,
 * flood control, room bindings). PostgreSQL (postgresSql.ts) replaces it when DATABASE_URL is set.
 *
 * Durability settings: WAL lets the staff console read while the bot writes; synchronous=FULL makes
 * every committed transaction (a draft, a decision, a "delivered" mark) survive power loss and kill -9,
 * not only a process crash. busy_timeout lets two processes on one file wait instead of failing.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations.js";

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** Directory of the database file; created when missing. Default: $DATA_DIR or "data". */
  dataDir?: string;
  /** File name inside dataDir. Default "huishang.sqlite". */
  fileName?: string;
  /** Migrations to apply (tests may pass a prefix). Default: all of MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** Open (creating if needed) the database file, set durability pragmas and apply pending migrations. */
export function openDatabase(options: OpenDatabaseOptions = {}): SqliteDatabase {
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? "data";
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, options.fileName ?? "huishang.sqlite");
  let db: SqliteDatabase;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw new Error(`DATA_DIR: cannot open database ${file}: ${(error as Error).message}`);
  }
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, options.migrations ?? MIGRATIONS);
  return db;
}

/**
 * Apply the migrations whose version is above the recorded one, each in its own transaction together
 * with its `schema_migrations` row, so a crash mid-migration leaves the file at the previous version.
 * Returns the schema version afterwards.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations: entry ${i} has version ${m.version}, expected ${i + 1}`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = () =>
    (db.prepare("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").get() as { v: number }).v;
  // IMMEDIATE: two processes starting together must not both apply the same step.
  const step = db.transaction((m: Migration) => {
    if (current() >= m.version) return;
    db.exec(m.sqlite);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, Date.now());
  });
  for (const m of migrations) if (m.version > current()) step.immediate(m);
  const version = current();
  if (version > migrations.length) {
    throw new Error(`database: schema version ${version} is newer than this program (${migrations.length}); upgrade the bot`);
  }
  return version;
}
