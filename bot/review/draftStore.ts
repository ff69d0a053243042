/**
 * SQL for staff review: drafts, their decisions, the outbox of replies to post, the append-only audit
 * log, per-chat review modes and pending edit overrides. The same statements run on SQLite and PostgreSQL
 * (see store/sql.ts). Every method that changes more than one row runs in one transaction, so a kill -9
 * leaves either all of a step or none of it; every state change is guarded by the state it expects
 * (`WHERE state = 'pending'`), so two processes never both make it.
 */
import { randomUUID } from "node:crypto";
import type { ReplyTarget } from "./channelSender.js";
import type { Facts } from "../../rules/facts.js";
import type { Answer } from "../answer.js";
import type { ChannelName } from "../message.js";
import type { DraftInput } from "../reviewGate.js";
import { containsPattern, type Row, type Sql } from "../store/sql.js";

export type DraftState = "pending" | "approved" | "rejected" | "sent";
export const DRAFT_STATES: readonly DraftState[] = ["pending", "approved", "rejected", "sent"];
export type ReviewMode = "off" | "review";
export type OutboxState = "queued" | "sending" | "sent" | "failed" | "uncertain";

/** A draft answer held for staff, with everything needed to check it and to reply to the asker. */
export interface Draft {
  id: number;
  channel: ChannelName;
  chatId: string;
  userId: string;
  userName?: string;
  messageId?: string;
  question: string;
  facts: Facts;
  /** The engine's answer: awards with traces, citations. */
  answer: Answer;
  draftText: string;
  /** The text approved for sending (the edited text when staff edited it). */
  finalText?: string;
  state: DraftState;
  createdAt: number;
  decidedAt?: number;
  decidedBy?: string;
  decidedVia?: string;
  rejectReason?: string;
  sentAt?: number;
}

/** One message to post: an approved reply or a rejection notice. */
export interface OutboxItem {
  id: number;
  draftId: number;
  kind: "reply" | "rejection_notice";
  deliveryKey: string;
  channel: ChannelName;
  chatId: string;
  target: ReplyTarget;
  text: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  claimedBy?: string;
  claimedAt?: number;
  sentAt?: number;
  lastError?: string;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  draftId?: number;
  detail: Record<string, unknown>;
}

export interface EditProposal {
  id: number;
  draftId: number;
  staff: string;
  text: string;
  ungrounded: string[];
  createdAt: number;
}

export interface DraftFilter {
  state?: DraftState;
  channel?: string;
  /** Substring of the question, draft text, final text or asker name. */
  text?: string;
  limit?: number;
}

/** Who decided and how; `actor` is the display form stored in `decided_by` and the audit log. */
export interface Decision {
  actor: string;
  via: string;
  at: number;
}

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

function toDraft(r: Row): Draft {
  return {
    id: Number(r.id),
    channel: r.channel as ChannelName,
    chatId: String(r.chat_id),
    userId: String(r.user_id),
    userName: str(r.user_name),
    messageId: str(r.message_id),
    question: String(r.question),
    facts: JSON.parse(String(r.facts)) as Facts,
    answer: JSON.parse(String(r.answer)) as Answer,
    draftText: String(r.draft_text),
    finalText: str(r.final_text),
    state: r.state as DraftState,
    createdAt: Number(r.created_at),
    decidedAt: num(r.decided_at),
    decidedBy: str(r.decided_by),
    decidedVia: str(r.decided_via),
    rejectReason: str(r.reject_reason),
    sentAt: num(r.sent_at),
  };
}

function toOutbox(r: Row): OutboxItem {
  return {
    id: Number(r.id),
    draftId: Number(r.draft_id),
    kind: r.kind as OutboxItem["kind"],
    deliveryKey: String(r.delivery_key),
    channel: r.channel as ChannelName,
    chatId: String(r.chat_id),
    target: JSON.parse(String(r.target)) as ReplyTarget,
    text: String(r.text),
    state: r.state as OutboxState,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    claimedBy: str(r.claimed_by),
    claimedAt: num(r.claimed_at),
    sentAt: num(r.sent_at),
    lastError: str(r.last_error),
  };
}

/** Result of a decision attempt: it either changed the draft, or the draft was already decided/absent. */
export type DecideOutcome = { changed: true; draft: Draft } | { changed: false; draft: Draft | undefined };

/** Data access for review. Methods take explicit timestamps so the service owns the clock. */
export class DraftStore {
  constructor(readonly sql: Sql) {}

  /** Append one audit entry (inside the caller's transaction when `q` is one). */
  async appendAudit(actor: string, action: string, draftId: number | undefined, detail: Record<string, unknown>, at: number, q: Sql = this.sql): Promise<void> {
    await q.run("INSERT INTO audit_log (at, actor, action, draft_id, detail) VALUES (?, ?, ?, ?, ?)",
      [at, actor, action, draftId ?? null, JSON.stringify(detail)]);
  }

  /** Store a new pending draft and its "held" audit entry; returns the draft id. */
  insertDraft(input: DraftInput, at: number): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const m = input.message;
      const row = await tx.get(`INSERT INTO drafts (channel, chat_id, user_id, user_name, message_id, question, facts, answer, draft_text, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [m.channel, m.chatId, m.userId, m.userName ?? null, m.messageId ?? null, m.text,
          JSON.stringify(input.facts), JSON.stringify(input.answer), input.answer.text, at]);
      const id = Number(row!.id);
      await this.appendAudit("bot", "draft_held", id, { channel: m.channel, chatId: m.chatId, userId: m.userId }, at, tx);
      return id;
    });
  }

  async getDraft(id: number, q: Sql = this.sql): Promise<Draft | undefined> {
    const row = await q.get("SELECT * FROM drafts WHERE id = ?", [id]);
    return row ? toDraft(row) : undefined;
  }

  /** The newest draft of this asker's exact question in this chat. */
  async latestDraftOf(message: { channel: string; chatId: string; userId: string; text: string }): Promise<Draft | undefined> {
    const row = await this.sql.get("SELECT * FROM drafts WHERE channel = ? AND chat_id = ? AND user_id = ? AND question = ? ORDER BY id DESC LIMIT 1",
      [message.channel, message.chatId, message.userId, message.text]);
    return row ? toDraft(row) : undefined;
  }

  /** Drafts matching the filter, newest first. */
  async listDrafts(filter: DraftFilter = {}): Promise<Draft[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.state) (where.push("state = ?"), params.push(filter.state));
    if (filter.channel) (where.push("channel = ?"), params.push(filter.channel));
    if (filter.text) {
      const columns = ["question", "draft_text", "coalesce(final_text, '')", "coalesce(user_name, '')"];
      where.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(" OR ")})`);
      params.push(...columns.map(() => containsPattern(filter.text!)));
    }
    const sql = `SELECT * FROM drafts ${where.length ? "WHERE " + where.join(" AND ") : ""}
      ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (await this.sql.all(sql, [...params, filter.limit ?? 200])).map(toDraft);
  }

  /**
   * pending → approved, queueing the reply in the same transaction. The `WHERE state = 'pending'`
   * makes the first decision win even across processes; a loser gets the current draft back.
   */
  approve(id: number, decision: Decision, finalText: string, auditDetail: Record<string, unknown>): Promise<DecideOutcome> {
    return this.sql.transaction(async (tx): Promise<DecideOutcome> => {
      const changes = await tx.run(`UPDATE drafts SET state = 'approved', final_text = ?, decided_at = ?, decided_by = ?, decided_via = ?
          WHERE id = ? AND state = 'pending'`, [finalText, decision.at, decision.actor, decision.via, id]);
      const draft = await this.getDraft(id, tx);
      if (changes !== 1 || !draft) return { changed: false, draft };
      await this.#enqueue(tx, draft, "reply", finalText, decision.at);
      await this.appendAudit(decision.actor, "approved", id, { via: decision.via, ...auditDetail }, decision.at, tx);
      return { changed: true, draft };
    });
  }

  /** pending → rejected; queues the optional notice to the asker in the same transaction. */
  reject(id: number, decision: Decision, reason: string | undefined, notifyText: string | undefined): Promise<DecideOutcome> {
    return this.sql.transaction(async (tx): Promise<DecideOutcome> => {
      const changes = await tx.run(`UPDATE drafts SET state = 'rejected', decided_at = ?, decided_by = ?, decided_via = ?, reject_reason = ?
          WHERE id = ? AND state = 'pending'`, [decision.at, decision.actor, decision.via, reason ?? null, id]);
      const draft = await this.getDraft(id, tx);
      if (changes !== 1 || !draft) return { changed: false, draft };
      if (notifyText) await this.#enqueue(tx, draft, "rejection_notice", notifyText, decision.at);
      await this.appendAudit(decision.actor, "rejected", id, { via: decision.via, reason, notified: Boolean(notifyText) }, decision.at, tx);
      return { changed: true, draft };
    });
  }

  async #enqueue(tx: Sql, draft: Draft, kind: OutboxItem["kind"], text: string, at: number): Promise<void> {
    const target: ReplyTarget = { userId: draft.userId, userName: draft.userName, messageId: draft.messageId };
    await tx.run(`INSERT INTO outbox (draft_id, kind, delivery_key, channel, chat_id, target, text, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      // The random part keeps keys distinct across databases that reuse draft ids.
      [draft.id, kind, `hs-${draft.id}-${kind}-${randomUUID().slice(0, 8)}`, draft.channel, draft.chatId,
        JSON.stringify(target), text, at, at]);
  }

  /**
   * Claim the oldest due queued item of one of `channels` for `owner`: queued → sending, committed
   * before the send starts, so a crash during the send is visible afterwards as a `sending` row. The
   * update is guarded by `state = 'queued'`: when another process claimed the row first, the next one is tried.
   */
  async claimNext(owner: string, channels: readonly string[], now: number): Promise<OutboxItem | undefined> {
    if (channels.length === 0) return undefined;
    for (;;) {
      const row = await this.sql.get(`SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?
          AND channel IN (${channels.map(() => "?").join(",")}) ORDER BY id LIMIT 1`, [now, ...channels]);
      if (!row) return undefined;
      const claimed = await this.sql.run("UPDATE outbox SET state = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'queued'",
        [owner, now, Number(row.id)]);
      if (claimed === 1) return toOutbox({ ...row, state: "sending", claimed_by: owner, claimed_at: now, attempts: Number(row.attempts) + 1 });
    }
  }

  /** The channel accepted the message: mark it sent (and the draft, for a reply) in one transaction. */
  markSent(item: OutboxItem, actor: string, at: number): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", [at, item.id]);
      if (item.kind === "reply") {
        await tx.run("UPDATE drafts SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'approved'", [at, item.draftId]);
      }
      await this.appendAudit(actor, "delivered", item.draftId, { kind: item.kind, deliveryKey: item.deliveryKey, attempt: item.attempts }, at, tx);
    });
  }

  /** The send failed: queue a retry at `retryAt`, or give up (`failed`) when it is null. */
  markSendFailed(item: OutboxItem, error: string, retryAt: number | null, at: number): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run("UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL WHERE id = ?",
        [retryAt === null ? "failed" : "queued", retryAt ?? at, error, item.id]);
      await this.appendAudit("bot", retryAt === null ? "delivery_failed" : "delivery_retry", item.draftId,
        { kind: item.kind, deliveryKey: item.deliveryKey, attempt: item.attempts, error }, at, tx);
    });
  }

  /** Items left `sending` by someone else on this channel (a crashed process, or a live peer). */
  async sendingItems(channel: string): Promise<OutboxItem[]> {
    return (await this.sql.all("SELECT * FROM outbox WHERE state = 'sending' AND channel = ? ORDER BY id", [channel])).map(toOutbox);
  }

  /**
   * Move an item to `queued` (resend) or `uncertain` (a human must check) or `sent` (a human checked),
   * only if it is still in `from` — so two processes recovering the same row do it once.
   */
  resolveItem(id: number, from: OutboxState, to: "queued" | "uncertain" | "sent", actor: string, action: string, at: number): Promise<boolean> {
    return this.sql.transaction(async (tx): Promise<boolean> => {
      const item = await tx.get("SELECT * FROM outbox WHERE id = ?", [id]);
      if (!item) return false;
      const changes = await tx.run(`UPDATE outbox SET state = ?, claimed_by = NULL, next_attempt_at = ?, sent_at = ?
          WHERE id = ? AND state = ?`, [to, at, to === "sent" ? at : num(item.sent_at) ?? null, id, from]);
      if (changes !== 1) return false;
      if (to === "sent" && item.kind === "reply") {
        await tx.run("UPDATE drafts SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'approved'", [at, Number(item.draft_id)]);
      }
      await this.appendAudit(actor, action, Number(item.draft_id), { deliveryKey: item.delivery_key, from, to }, at, tx);
      return true;
    });
  }

  async getOutboxItem(id: number): Promise<OutboxItem | undefined> {
    const row = await this.sql.get("SELECT * FROM outbox WHERE id = ?", [id]);
    return row ? toOutbox(row) : undefined;
  }

  /** Outbox items in the given states, oldest first. */
  async listOutbox(states: readonly OutboxState[]): Promise<OutboxItem[]> {
    return (await this.sql.all(`SELECT * FROM outbox WHERE state IN (${states.map(() => "?").join(",")}) ORDER BY id`, states)).map(toOutbox);
  }

  /** Outbox items of one draft. */
  async outboxFor(draftId: number): Promise<OutboxItem[]> {
    return (await this.sql.all("SELECT * FROM outbox WHERE draft_id = ? ORDER BY id", [draftId])).map(toOutbox);
  }

  /** The audit trail of one draft, oldest first (or the whole log, newest first, when draftId is undefined). */
  async audit(draftId?: number, limit = 500): Promise<AuditEntry[]> {
    const rows = draftId === undefined
      ? await this.sql.all("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
      : await this.sql.all("SELECT * FROM audit_log WHERE draft_id = ? ORDER BY id LIMIT ?", [draftId, limit]);
    return rows.map((r) => ({
      id: Number(r.id), at: Number(r.at), actor: String(r.actor), action: String(r.action),
      draftId: num(r.draft_id), detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
    }));
  }

  /** The mode staff set for a chat, if any. */
  async getMode(channel: string, chatId: string): Promise<ReviewMode | undefined> {
    const row = await this.sql.get("SELECT mode FROM review_modes WHERE channel = ? AND chat_id = ?", [channel, chatId]);
    return row ? (row.mode as ReviewMode) : undefined;
  }

  /** Persist a chat's review mode with its author. */
  setMode(channel: string, chatId: string, mode: ReviewMode, actor: string, at: number): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run(`INSERT INTO review_modes (channel, chat_id, mode, set_by, set_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (channel, chat_id) DO UPDATE SET mode = excluded.mode, set_by = excluded.set_by, set_at = excluded.set_at`,
        [channel, chatId, mode, actor, at]);
      await this.appendAudit(actor, "review_mode", undefined, { channel, chatId, mode }, at, tx);
    });
  }

  /** Remember a group chat the bot has seen, with its current name (the staff console lists these). */
  async noteChat(channel: string, chatId: string, name: string | undefined, at: number): Promise<void> {
    await this.sql.run(`INSERT INTO seen_chats (channel, chat_id, name, seen_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (channel, chat_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at`, [channel, chatId, name ?? null, at]);
  }

  /** Chats the bot has seen, chats staff set a mode for, and chats that have drafts. */
  async knownChats(): Promise<{ channel: string; chatId: string; name?: string; mode?: ReviewMode; setBy?: string; drafts: number }[]> {
    const rows = await this.sql.all(`SELECT c.channel, c.chat_id, s.name, m.mode, m.set_by, (SELECT count(*) FROM drafts d WHERE d.channel = c.channel AND d.chat_id = c.chat_id) AS drafts
        FROM (SELECT channel, chat_id FROM drafts UNION SELECT channel, chat_id FROM review_modes UNION SELECT channel, chat_id FROM seen_chats) c
        LEFT JOIN review_modes m ON m.channel = c.channel AND m.chat_id = c.chat_id
        LEFT JOIN seen_chats s ON s.channel = c.channel AND s.chat_id = c.chat_id ORDER BY c.channel, c.chat_id`);
    return rows.map((r) => ({ channel: String(r.channel), chatId: String(r.chat_id), name: str(r.name), mode: str(r.mode) as ReviewMode | undefined, setBy: str(r.set_by), drafts: Number(r.drafts) }));
  }

  /** Store an edit waiting for its author's override confirmation; returns its id. */
  async insertProposal(draftId: number, staff: string, text: string, ungrounded: string[], at: number): Promise<number> {
    const row = await this.sql.get("INSERT INTO edit_proposals (draft_id, staff, text, ungrounded, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      [draftId, staff, text, JSON.stringify(ungrounded), at]);
    return Number(row!.id);
  }

  /** A proposal by id, or the latest one by `staff` for `draftId`. */
  async getProposal(by: { id: number } | { draftId: number; staff: string }): Promise<EditProposal | undefined> {
    const row = "id" in by
      ? await this.sql.get("SELECT * FROM edit_proposals WHERE id = ?", [by.id])
      : await this.sql.get("SELECT * FROM edit_proposals WHERE draft_id = ? AND staff = ? ORDER BY id DESC LIMIT 1", [by.draftId, by.staff]);
    if (!row) return undefined;
    return { id: Number(row.id), draftId: Number(row.draft_id), staff: String(row.staff), text: String(row.text),
      ungrounded: JSON.parse(String(row.ungrounded)) as string[], createdAt: Number(row.created_at) };
  }

  /** Number of drafts in each state. */
  async countsByState(): Promise<Record<DraftState, number>> {
    const counts = Object.fromEntries(DRAFT_STATES.map((s) => [s, 0])) as Record<DraftState, number>;
    for (const r of await this.sql.all("SELECT state, count(*) AS n FROM drafts GROUP BY state")) {
      counts[r.state as DraftState] = Number(r.n);
    }
    return counts;
  }

  /** Milliseconds from draft to approval, for every approved (or sent) draft. */
  async approvalDurations(): Promise<number[]> {
    return (await this.sql.all("SELECT decided_at - created_at AS ms FROM drafts WHERE state IN ('approved', 'sent') AND decided_at IS NOT NULL ORDER BY ms"))
      .map((r) => Number(r.ms));
  }
}
