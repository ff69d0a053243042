/**
 * Sessions in SQLite, so a restart keeps what each user told the bot. Same interface as the in-memory
 * store; each `set` is one committed row write.
 */
import { z } from "zod";
import { FactsSchema, type Facts } from "../../rules/facts.js";
import type { SessionKey } from "../message.js";
import { sessionKeyString, type Session, type SessionStore } from "../sessionStore.js";
import type { SqliteDatabase } from "./database.js";

// A stored row is read back through zod: a row written by an older version with a fact that no longer
// exists is dropped (the user is asked again) rather than fed to the rule engine.
const StoredSessionSchema = z.object({
  facts: FactsSchema,
  policyIds: z.array(z.string()),
  topic: z.array(z.string()),
  lastIntent: z.string().optional(),
  awaiting: z.array(z.string()),
  recent: z.array(z.string()).optional(),
  updatedAt: z.number(),
});

/** Sessions in the `sessions` table of an open database (see openDatabase). */
export class SqliteSessionStore implements SessionStore {
  readonly #get;
  readonly #set;
  readonly #delete;

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare<[string], { data: string }>("SELECT data FROM sessions WHERE key = ?");
    this.#set = db.prepare(`INSERT INTO sessions (key, channel, chat_id, user_id, data, updated_at)
      VALUES (@key, @channel, @chatId, @userId, @data, @updatedAt)
      ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`);
    this.#delete = db.prepare("DELETE FROM sessions WHERE key = ?");
  }

  /** The stored session, or undefined when there is none or it no longer matches the schema. */
  get(key: SessionKey): Session | undefined {
    const row = this.#get.get(sessionKeyString(key));
    if (!row) return undefined;
    const parsed = StoredSessionSchema.safeParse(JSON.parse(row.data));
    if (!parsed.success) return undefined;
    return { ...parsed.data, facts: parsed.data.facts as Facts };
  }

  /** Store (insert or replace) the session of this key. */
  set(key: SessionKey, session: Session): void {
    this.#set.run({
      key: sessionKeyString(key),
      channel: key.channel,
      chatId: key.chatId,
      userId: key.userId,
      data: JSON.stringify(session),
      updatedAt: session.updatedAt,
    });
  }

  /** Forget the session of this key. */
  delete(key: SessionKey): void {
    this.#delete.run(sessionKeyString(key));
  }
}
