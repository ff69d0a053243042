/**
 * Sql over one better-sqlite3 connection. The driver is synchronous; a transaction, though, spans awaits,
 * so every call waits its turn on one queue per database file: nothing from elsewhere in the process runs
 * inside another's transaction, and a second connection to the same file in this process waits on the
 * queue instead of blocking the event loop in busy_timeout while the first one's transaction cannot
 * finish. Other processes on the same file are kept out by BEGIN IMMEDIATE and busy_timeout.
 */
import type { SqliteDatabase } from "./database.js";
import type { Row, Sql, SqlValue } from "./sql.js";

// The tail of each database file's queue in this process.
const QUEUES = new Map<string, Promise<unknown>>();

export class SqliteSql implements Sql {
  readonly dialect = "sqlite";

  constructor(readonly db: SqliteDatabase) {}

  all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.#turn(() => direct(this.db).all(sql, params));
  }

  get(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.#turn(() => direct(this.db).get(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.#turn(() => direct(this.db).run(sql, params));
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(direct(this.db));
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#turn(async () => this.db.close());
  }

  #turn<T>(work: () => Promise<T>): Promise<T> {
    const file = this.db.name;
    const result = (QUEUES.get(file) ?? Promise.resolve()).then(work);
    const tail = result.catch(() => undefined);
    QUEUES.set(file, tail);
    // Forget an idle file's queue, so opening many temporary databases does not grow the map.
    void tail.then(() => QUEUES.get(file) === tail && QUEUES.delete(file));
    return result;
  }
}

/** The statements themselves, run at once: used inside a transaction (which already holds the queue). */
function direct(db: SqliteDatabase): Sql {
  const tx: Sql = {
    dialect: "sqlite",
    all: async (sql, params = []) => db.prepare(sql).all(...params) as Row[],
    get: async (sql, params = []) => db.prepare(sql).get(...params) as Row | undefined,
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    transaction: (fn) => fn(tx), // already inside one
    close: async () => {},
  };
  return tx;
}
