/**
 * The database schema as an ordered list of migrations, one list for SQLite and PostgreSQL: each step
 * gives the same tables in both dialects. A migration is never edited once released: a change is a new
 * entry at the end, so every database walks the same path to the same schema.
 *
 * Dialect differences kept to the DDL: ids (AUTOINCREMENT / identity), epoch-ms columns (INTEGER / BIGINT),
 * the JSON check (json_valid / a jsonb cast) and the append-only triggers. The stores' queries are shared.
 */

/** One schema step. `version` is its position (1, 2, 3…); its SQL runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "sessions",
    // One row per (channel, chat, user); `data` is the Session as JSON so new fields need no migration.
    sqlite: `
        CREATE TABLE sessions (
          key        TEXT PRIMARY KEY,
          channel    TEXT NOT NULL,
          chat_id    TEXT NOT NULL,
          user_id    TEXT NOT NULL,
          data       TEXT NOT NULL CHECK (json_valid(data)),
          updated_at INTEGER NOT NULL
        );
      `,
    postgres: `
        CREATE TABLE sessions (
          key        TEXT PRIMARY KEY,
          channel    TEXT NOT NULL,
          chat_id    TEXT NOT NULL,
          user_id    TEXT NOT NULL,
          data       TEXT NOT NULL CHECK (data::jsonb IS NOT NULL),
          updated_at BIGINT NOT NULL
        );
      `,
  },
  {
    version: 2,
    name: "review: drafts, outbox, audit log, review modes, edit proposals",
    sqlite: `
        CREATE TABLE drafts (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          channel       TEXT NOT NULL,
          chat_id       TEXT NOT NULL,
          user_id       TEXT NOT NULL,
          user_name     TEXT,
          message_id    TEXT,
          question      TEXT NOT NULL,
          facts         TEXT NOT NULL CHECK (json_valid(facts)),
          answer        TEXT NOT NULL CHECK (json_valid(answer)),
          draft_text    TEXT NOT NULL,
          final_text    TEXT,
          state         TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'approved', 'rejected', 'sent')),
          created_at    INTEGER NOT NULL,
          decided_at    INTEGER,
          decided_by    TEXT,
          decided_via   TEXT,
          reject_reason TEXT,
          sent_at       INTEGER
        );
        CREATE INDEX drafts_state_created ON drafts (state, created_at DESC);

        -- Replies waiting to be posted. One row per message; the delivery key is unique, so a draft can
        -- never be queued twice, and a channel that honours keys can drop a retried duplicate.
        CREATE TABLE outbox (
          id              INTEGER PRIMARY KEY AUTOINCREMENT,
          draft_id        INTEGER NOT NULL REFERENCES drafts (id),
          kind            TEXT NOT NULL CHECK (kind IN ('reply', 'rejection_notice')),
          delivery_key    TEXT NOT NULL UNIQUE,
          channel         TEXT NOT NULL,
          chat_id         TEXT NOT NULL,
          target          TEXT NOT NULL CHECK (json_valid(target)),
          text            TEXT NOT NULL,
          state           TEXT NOT NULL DEFAULT 'queued'
                          CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
          attempts        INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          claimed_by      TEXT,
          claimed_at      INTEGER,
          sent_at         INTEGER,
          last_error      TEXT,
          created_at      INTEGER NOT NULL
        );
        CREATE INDEX outbox_state_due ON outbox (state, next_attempt_at);

        -- Append-only: the triggers make UPDATE and DELETE fail for every connection, not just ours.
        CREATE TABLE audit_log (
          id       INTEGER PRIMARY KEY AUTOINCREMENT,
          at       INTEGER NOT NULL,
          actor    TEXT NOT NULL,
          action   TEXT NOT NULL,
          draft_id INTEGER,
          detail   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
        );
        CREATE INDEX audit_log_draft ON audit_log (draft_id, id);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

        -- Review mode set by staff; overrides the configured default for that chat.
        CREATE TABLE review_modes (
          channel  TEXT NOT NULL,
          chat_id  TEXT NOT NULL,
          mode     TEXT NOT NULL CHECK (mode IN ('off', 'review')),
          set_by   TEXT NOT NULL,
          set_at   INTEGER NOT NULL,
          PRIMARY KEY (channel, chat_id)
        );

        -- An edit whose numbers the guard could not ground, waiting for its author to confirm the override
        -- (chat approval: the text cannot travel in a button).
        CREATE TABLE edit_proposals (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          draft_id   INTEGER NOT NULL REFERENCES drafts (id),
          staff      TEXT NOT NULL,
          text       TEXT NOT NULL,
          ungrounded TEXT NOT NULL CHECK (json_valid(ungrounded)),
          created_at INTEGER NOT NULL
        );
      `,
    postgres: `
        CREATE TABLE drafts (
          id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          channel       TEXT NOT NULL,
          chat_id       TEXT NOT NULL,
          user_id       TEXT NOT NULL,
          user_name     TEXT,
          message_id    TEXT,
          question      TEXT NOT NULL,
          facts         TEXT NOT NULL CHECK (facts::jsonb IS NOT NULL),
          answer        TEXT NOT NULL CHECK (answer::jsonb IS NOT NULL),
          draft_text    TEXT NOT NULL,
          final_text    TEXT,
          state         TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'approved', 'rejected', 'sent')),
          created_at    BIGINT NOT NULL,
          decided_at    BIGINT,
          decided_by    TEXT,
          decided_via   TEXT,
          reject_reason TEXT,
          sent_at       BIGINT
        );
        CREATE INDEX drafts_state_created ON drafts (state, created_at DESC);

        CREATE TABLE outbox (
          id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          draft_id        BIGINT NOT NULL REFERENCES drafts (id),
          kind            TEXT NOT NULL CHECK (kind IN ('reply', 'rejection_notice')),
          delivery_key    TEXT NOT NULL UNIQUE,
          channel         TEXT NOT NULL,
          chat_id         TEXT NOT NULL,
          target          TEXT NOT NULL CHECK (target::jsonb IS NOT NULL),
          text            TEXT NOT NULL,
          state           TEXT NOT NULL DEFAULT 'queued'
                          CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
          attempts        INTEGER NOT NULL DEFAULT 0,
          next_attempt_at BIGINT NOT NULL,
          claimed_by      TEXT,
          claimed_at      BIGINT,
          sent_at         BIGINT,
          last_error      TEXT,
          created_at      BIGINT NOT NULL
        );
        CREATE INDEX outbox_state_due ON outbox (state, next_attempt_at);

        CREATE TABLE audit_log (
          id       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          at       BIGINT NOT NULL,
          actor    TEXT NOT NULL,
          action   TEXT NOT NULL,
          draft_id BIGINT,
          detail   TEXT NOT NULL DEFAULT '{}' CHECK (detail::jsonb IS NOT NULL)
        );
        CREATE INDEX audit_log_draft ON audit_log (draft_id, id);
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

        CREATE TABLE review_modes (
          channel  TEXT NOT NULL,
          chat_id  TEXT NOT NULL,
          mode     TEXT NOT NULL CHECK (mode IN ('off', 'review')),
          set_by   TEXT NOT NULL,
          set_at   BIGINT NOT NULL,
          PRIMARY KEY (channel, chat_id)
        );

        CREATE TABLE edit_proposals (
          id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          draft_id   BIGINT NOT NULL REFERENCES drafts (id),
          staff      TEXT NOT NULL,
          text       TEXT NOT NULL,
          ungrounded TEXT NOT NULL CHECK (ungrounded::jsonb IS NOT NULL),
          created_at BIGINT NOT NULL
        );
      `,
  },
  {
    version: 3,
    name: "flood control and room bindings shared by every process",
    // The recent message times of each session key (JSON array of epoch ms), and whether the one notice
    // of this window went out. Rows idle longer than a window are pruned by the limiter.
    sqlite: `
        CREATE TABLE flood_control (
          key        TEXT PRIMARY KEY,
          times      TEXT NOT NULL CHECK (json_valid(times)),
          noticed    INTEGER NOT NULL DEFAULT 0,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX flood_control_updated ON flood_control (updated_at);

        -- A chat bound to a region by staff; policy_id NULL means "unbound on purpose" (over configuration).
        CREATE TABLE room_regions (
          channel   TEXT NOT NULL,
          room_id   TEXT NOT NULL,
          policy_id TEXT,
          set_at    INTEGER NOT NULL,
          PRIMARY KEY (channel, room_id)
        );
      `,
    postgres: `
        CREATE TABLE flood_control (
          key        TEXT PRIMARY KEY,
          times      TEXT NOT NULL CHECK (times::jsonb IS NOT NULL),
          noticed    INTEGER NOT NULL DEFAULT 0,
          updated_at BIGINT NOT NULL
        );
        CREATE INDEX flood_control_updated ON flood_control (updated_at);

        CREATE TABLE room_regions (
          channel   TEXT NOT NULL,
          room_id   TEXT NOT NULL,
          policy_id TEXT,
          set_at    BIGINT NOT NULL,
          PRIMARY KEY (channel, room_id)
        );
      `,
  },
  {
    version: 4,
    name: "chats the bot has seen, with their names, for the staff console",
    sqlite: `
        CREATE TABLE seen_chats (
          channel   TEXT NOT NULL,
          chat_id   TEXT NOT NULL,
          name      TEXT,
          seen_at   INTEGER NOT NULL,
          PRIMARY KEY (channel, chat_id)
        );
      `,
    postgres: `
        CREATE TABLE seen_chats (
          channel   TEXT NOT NULL,
          chat_id   TEXT NOT NULL,
          name      TEXT,
          seen_at   BIGINT NOT NULL,
          PRIMARY KEY (channel, chat_id)
        );
      `,
  },
];
