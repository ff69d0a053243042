/**
 * The one way the stores talk to a database: a few async calls with `?` placeholders, the same SQL for
 * SQLite and PostgreSQL. Each backend (sqliteSql.ts, postgresSql.ts) implements it; the stores above it
 * (sessions, drafts, flood control, room bindings) are written once.
 */

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  /** All rows of a query. */
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row of a query, if any. */
  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Run a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Run `fn` in one transaction that takes the write lock at once (SQLite BEGIN IMMEDIATE; PostgreSQL row
   * locks as statements run). Statements inside must use the `tx` handed in, never the outer Sql.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `LIKE` pattern matching `text` anywhere, with `\` as the escape character (portable substring test). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
