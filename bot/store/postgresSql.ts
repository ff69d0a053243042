/**
 * Sql over a PostgreSQL connection pool (`pg`), for several bot processes sharing one database.
 * The stores' SQL is written with `?` placeholders; they become $1, $2… here. BIGINT columns (epoch ms,
 * ids, counts) are read as JS numbers: every value they hold is far below 2^53.
 */
import pg from "pg";
import { MIGRATIONS, type Migration } from "./migrations.js";
import type { Row, Sql, SqlValue } from "./sql.js";

// Any fixed number: the advisory lock that lets one process at a time walk the migrations.
const MIGRATION_LOCK = 7_345_151;
const INT8_OID = 20;

/** `?` → `$n`, leaving quoted literals alone. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = "";
  for (const c of sql) {
    if (c === "'") quoted = !quoted;
    out += c === "?" && !quoted ? `$${++n}` : c;
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

class PgSql implements Sql {
  readonly dialect = "postgres";
  constructor(private readonly db: Queryable, private readonly pool: pg.Pool) {}

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.db.query(numberPlaceholders(sql), params as SqlValue[])).rows as Row[];
  }

  async get(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.db.query(numberPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.db !== this.pool) return fn(this); // already inside one
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(new PgSql(client, this.pool));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/** Connect to DATABASE_URL and bring its schema up to date; errors name DATABASE_URL in one line. */
export async function openPostgres(url: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 5,
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as "text")) } as pg.CustomTypesConfig,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => process.stderr.write(`database: idle connection lost: ${error.message}\n`));
  try {
    await migratePostgres(pool, migrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`DATABASE_URL: ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return new PgSql(pool, pool);
}

/**
 * Apply the pending migrations in one transaction under an advisory lock, so two processes starting
 * together apply each step once. Returns the schema version afterwards.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const current = Number((await client.query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")).rows[0].v);
    if (current > migrations.length) {
      throw new Error(`schema version ${current} is newer than this program (${migrations.length}); upgrade the bot`);
    }
    for (const m of migrations.filter((m) => m.version > current)) {
      await client.query(m.postgres);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, Date.now()]);
    }
    await client.query("COMMIT");
    return Math.max(current, migrations.length);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
