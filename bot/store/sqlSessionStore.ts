/**
 * Sessions in the database, so a restart keeps what each user told the bot and every process sharing the
 * database sees the same session. Same interface as the in-memory store; each `set` is one committed row write.
 */
import { z } from "zod";
import { FactsSchema, type Facts } from "../../rules/facts.js";
import type { SessionKey } from "../message.js";
import { sessionKeyString, type Session, type SessionStore } from "../sessionStore.js";
import type { Sql } from "./sql.js";

// A stored row is read back through zod: a row written by an older version with a fact that no longer
// exists is dropped (the user is asked again) rather than fed to the rule engine.
const StoredSessionSchema = z.object({
  facts: FactsSchema,
  policyIds: z.array(z.string()),
  topic: z.array(z.string()),
  lastIntent: z.string().optional(),
  awaiting: z.array(z.string()),
  open: z.array(z.string()).optional(),
  recent: z.array(z.string()).optional(),
  said: z.record(z.string(), z.string()).optional(),
  inferred: z.array(z.string()).optional(),
  claim: z.object({ words: z.string(), fen: z.number().int() }).optional(),
  askedAbout: z.record(z.string(), z.string()).optional(),
  unconfirmed: z
    .array(z.object({ fact: z.string(), value: z.unknown(), said: z.string(), meant: z.unknown().optional() }).refine((u) => FactsSchema.safeParse({ [u.fact]: u.value }).success && (u.meant === undefined || FactsSchema.safeParse({ [u.fact]: u.meant }).success)))
    .optional(),
  updatedAt: z.number(),
});

/** Sessions in the `sessions` table of an open database. */
export class SqlSessionStore implements SessionStore {
  constructor(private readonly sql: Sql) {}

  /** The stored session, or undefined when there is none or it no longer matches the schema. */
  async get(key: SessionKey): Promise<Session | undefined> {
    const row = await this.sql.get("SELECT data FROM sessions WHERE key = ?", [sessionKeyString(key)]);
    if (!row) return undefined;
    const parsed = StoredSessionSchema.safeParse(JSON.parse(String(row.data)));
    if (!parsed.success) return undefined;
    return { ...parsed.data, facts: parsed.data.facts as Facts, unconfirmed: parsed.data.unconfirmed as Session["unconfirmed"] };
  }

  /** Store (insert or replace) the session of this key. */
  async set(key: SessionKey, session: Session): Promise<void> {
    await this.sql.run(`INSERT INTO sessions (key, channel, chat_id, user_id, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [sessionKeyString(key), key.channel, key.chatId, key.userId, JSON.stringify(session), session.updatedAt]);
  }

  /** Forget the session of this key. */
  async delete(key: SessionKey): Promise<void> {
    await this.sql.run("DELETE FROM sessions WHERE key = ?", [sessionKeyString(key)]);
  }
}
