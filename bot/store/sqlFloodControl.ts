/**
 * Flood control in the database, so every bot process sharing it counts one user's messages together.
 * Each check is one transaction on the key's row: the upsert that reads it also locks it (PostgreSQL row
 * lock; SQLite's BEGIN IMMEDIATE), so two processes never both admit the message over the limit.
 */
import { admit, DEFAULT_RATE_LIMIT, type FloodControl, type RateDecision, type RateLimitOptions } from "../rateLimiter.js";
import type { Sql } from "./sql.js";

// Rows of keys idle longer than a window are deleted on every this-many-th check.
const PRUNE_EVERY = 500;

export class SqlFloodControl implements FloodControl {
  #checks = 0;
  constructor(private readonly sql: Sql, private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  async check(key: string, now = Date.now()): Promise<RateDecision> {
    if (++this.#checks % PRUNE_EVERY === 0) {
      await this.sql.run("DELETE FROM flood_control WHERE updated_at < ?", [now - this.options.windowMs]);
    }
    return this.sql.transaction(async (tx) => {
      const row = await tx.get(`INSERT INTO flood_control (key, times, noticed, updated_at) VALUES (?, '[]', 0, ?)
          ON CONFLICT (key) DO UPDATE SET updated_at = flood_control.updated_at RETURNING times, noticed`, [key, now]);
      const window = { times: JSON.parse(String(row!.times)) as number[], noticed: Number(row!.noticed) === 1 };
      const decision = admit(window, now, this.options);
      await tx.run("UPDATE flood_control SET times = ?, noticed = ?, updated_at = ? WHERE key = ?",
        [JSON.stringify(window.times), window.noticed ? 1 : 0, now, key]);
      return decision;
    });
  }
}
