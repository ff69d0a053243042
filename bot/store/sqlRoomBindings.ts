/**
 * Chats bound to a region by staff ("@bot 绑定 平阴"), in the database so every process sees a binding
 * the moment it is made. A stored null means "unbound on purpose", which overrides configuration.
 */
import type { Sql } from "./sql.js";

export class SqlRoomBindings {
  constructor(private readonly sql: Sql) {}

  /** The policy id bound to the room, null when staff unbound it, undefined when staff never set it. */
  async get(channel: string, roomId: string): Promise<string | null | undefined> {
    const row = await this.sql.get("SELECT policy_id FROM room_regions WHERE channel = ? AND room_id = ?", [channel, roomId]);
    return row ? ((row.policy_id as string | null) ?? null) : undefined;
  }

  /** Bind (policy id) or unbind on purpose (null). */
  async set(channel: string, roomId: string, policyId: string | null, at = Date.now()): Promise<void> {
    await this.sql.run(`INSERT INTO room_regions (channel, room_id, policy_id, set_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (channel, room_id) DO UPDATE SET policy_id = excluded.policy_id, set_at = excluded.set_at`, [channel, roomId, policyId, at]);
  }

  /** Whether any binding was ever stored (to import an older bindings file once). */
  async isEmpty(): Promise<boolean> {
    return !(await this.sql.get("SELECT 1 AS one FROM room_regions LIMIT 1"));
  }
}
