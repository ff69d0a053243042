/**
 * SQL for staff review: drafts, their decisions, the outbox of replies to post, the append-only audit
 * log, per-chat review modes and pending edit overrides. Every method that changes more than one row
 * runs in one IMMEDIATE transaction, so a kill -9 leaves either all of a step or none of it.
 */
import { randomUUID } from "node:crypto";
import type { ReplyTarget } from "../../adapters/channelSender.js";
import type { Facts } from "../../rules/facts.js";
import type { Answer } from "../answer.js";
import type { ChannelName } from "../message.js";
import type { DraftInput } from "../reviewGate.js";
import type { SqliteDatabase } from "../store/database.js";

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

type Row = Record<string, unknown>;
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
  constructor(readonly db: SqliteDatabase) {}

  /** Append one audit entry (inside the caller's transaction when there is one). */
  appendAudit(actor: string, action: string, draftId: number | undefined, detail: Record<string, unknown>, at: number): void {
    this.db
      .prepare("INSERT INTO audit_log (at, actor, action, draft_id, detail) VALUES (?, ?, ?, ?, ?)")
      .run(at, actor, action, draftId ?? null, JSON.stringify(detail));
  }

  /** Store a new pending draft and its "held" audit entry; returns the draft id. */
  insertDraft(input: DraftInput, at: number): number {
    return this.db.transaction(() => {
      const m = input.message;
      const { lastInsertRowid } = this.db
        .prepare(`INSERT INTO drafts (channel, chat_id, user_id, user_name, message_id, question, facts, answer, draft_text, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(m.channel, m.chatId, m.userId, m.userName ?? null, m.messageId ?? null, m.text,
          JSON.stringify(input.facts), JSON.stringify(input.answer), input.answer.text, at);
      const id = Number(lastInsertRowid);
      this.appendAudit("bot", "draft_held", id, { channel: m.channel, chatId: m.chatId, userId: m.userId }, at);
      return id;
    }).immediate();
  }

  getDraft(id: number): Draft | undefined {
    const row = this.db.prepare("SELECT * FROM drafts WHERE id = ?").get(id) as Row | undefined;
    return row ? toDraft(row) : undefined;
  }

  /** The newest draft of this asker's exact question in this chat. */
  latestDraftOf(message: { channel: string; chatId: string; userId: string; text: string }): Draft | undefined {
    const row = this.db
      .prepare("SELECT * FROM drafts WHERE channel = ? AND chat_id = ? AND user_id = ? AND question = ? ORDER BY id DESC LIMIT 1")
      .get(message.channel, message.chatId, message.userId, message.text) as Row | undefined;
    return row ? toDraft(row) : undefined;
  }

  /** Drafts matching the filter, newest first. */
  listDrafts(filter: DraftFilter = {}): Draft[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit ?? 200 };
    if (filter.state) (where.push("state = @state"), (params.state = filter.state));
    if (filter.channel) (where.push("channel = @channel"), (params.channel = filter.channel));
    if (filter.text) {
      where.push(`(instr(question, @text) > 0 OR instr(draft_text, @text) > 0
        OR instr(coalesce(final_text, ''), @text) > 0 OR instr(coalesce(user_name, ''), @text) > 0)`);
      params.text = filter.text;
    }
    const sql = `SELECT * FROM drafts ${where.length ? "WHERE " + where.join(" AND ") : ""}
      ORDER BY created_at DESC, id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as Row[]).map(toDraft);
  }

  /**
   * pending → approved, queueing the reply in the same transaction. The `WHERE state = 'pending'`
   * makes the first decision win even across processes; a loser gets the current draft back.
   */
  approve(id: number, decision: Decision, finalText: string, auditDetail: Record<string, unknown>): DecideOutcome {
    return this.db.transaction((): DecideOutcome => {
      const { changes } = this.db
        .prepare(`UPDATE drafts SET state = 'approved', final_text = ?, decided_at = ?, decided_by = ?, decided_via = ?
          WHERE id = ? AND state = 'pending'`)
        .run(finalText, decision.at, decision.actor, decision.via, id);
      const draft = this.getDraft(id);
      if (changes !== 1 || !draft) return { changed: false, draft };
      this.#enqueue(draft, "reply", finalText, decision.at);
      this.appendAudit(decision.actor, "approved", id, { via: decision.via, ...auditDetail }, decision.at);
      return { changed: true, draft };
    }).immediate();
  }

  /** pending → rejected; queues the optional notice to the asker in the same transaction. */
  reject(id: number, decision: Decision, reason: string | undefined, notifyText: string | undefined): DecideOutcome {
    return this.db.transaction((): DecideOutcome => {
      const { changes } = this.db
        .prepare(`UPDATE drafts SET state = 'rejected', decided_at = ?, decided_by = ?, decided_via = ?, reject_reason = ?
          WHERE id = ? AND state = 'pending'`)
        .run(decision.at, decision.actor, decision.via, reason ?? null, id);
      const draft = this.getDraft(id);
      if (changes !== 1 || !draft) return { changed: false, draft };
      if (notifyText) this.#enqueue(draft, "rejection_notice", notifyText, decision.at);
      this.appendAudit(decision.actor, "rejected", id, { via: decision.via, reason, notified: Boolean(notifyText) }, decision.at);
      return { changed: true, draft };
    }).immediate();
  }

  #enqueue(draft: Draft, kind: OutboxItem["kind"], text: string, at: number): void {
    const target: ReplyTarget = { userId: draft.userId, userName: draft.userName, messageId: draft.messageId };
    this.db
      .prepare(`INSERT INTO outbox (draft_id, kind, delivery_key, channel, chat_id, target, text, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      // The random part keeps keys distinct across database files that reuse draft ids.
      .run(draft.id, kind, `hs-${draft.id}-${kind}-${randomUUID().slice(0, 8)}`, draft.channel, draft.chatId,
        JSON.stringify(target), text, at, at);
  }

  /**
   * Claim the oldest due queued item of one of `channels` for `owner`: queued → sending, committed
   * before the send starts, so a crash during the send is visible afterwards as a `sending` row.
   */
  claimNext(owner: string, channels: readonly string[], now: number): OutboxItem | undefined {
    if (channels.length === 0) return undefined;
    return this.db.transaction((): OutboxItem | undefined => {
      const row = this.db
        .prepare(`SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?
          AND channel IN (${channels.map(() => "?").join(",")}) ORDER BY id LIMIT 1`)
        .get(now, ...channels) as Row | undefined;
      if (!row) return undefined;
      this.db
        .prepare("UPDATE outbox SET state = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'queued'")
        .run(owner, now, row.id);
      return toOutbox({ ...row, state: "sending", claimed_by: owner, claimed_at: now, attempts: Number(row.attempts) + 1 });
    }).immediate();
  }

  /** The channel accepted the message: mark it sent (and the draft, for a reply) in one transaction. */
  markSent(item: OutboxItem, actor: string, at: number): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?").run(at, item.id);
      if (item.kind === "reply") {
        this.db.prepare("UPDATE drafts SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'approved'").run(at, item.draftId);
      }
      this.appendAudit(actor, "delivered", item.draftId, { kind: item.kind, deliveryKey: item.deliveryKey, attempt: item.attempts }, at);
    }).immediate();
  }

  /** The send failed: queue a retry at `retryAt`, or give up (`failed`) when it is null. */
  markSendFailed(item: OutboxItem, error: string, retryAt: number | null, at: number): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL WHERE id = ?")
        .run(retryAt === null ? "failed" : "queued", retryAt ?? at, error, item.id);
      this.appendAudit("bot", retryAt === null ? "delivery_failed" : "delivery_retry", item.draftId,
        { kind: item.kind, deliveryKey: item.deliveryKey, attempt: item.attempts, error }, at);
    }).immediate();
  }

  /** Items left `sending` by someone else on this channel (a crashed process, or a live peer). */
  sendingItems(channel: string): OutboxItem[] {
    return (this.db.prepare("SELECT * FROM outbox WHERE state = 'sending' AND channel = ? ORDER BY id").all(channel) as Row[]).map(toOutbox);
  }

  /**
   * Move an item to `queued` (resend) or `uncertain` (a human must check) or `sent` (a human checked),
   * only if it is still in `from` — so two processes recovering the same row do it once.
   */
  resolveItem(id: number, from: OutboxState, to: "queued" | "uncertain" | "sent", actor: string, action: string, at: number): boolean {
    return this.db.transaction((): boolean => {
      const item = this.db.prepare("SELECT * FROM outbox WHERE id = ?").get(id) as Row | undefined;
      if (!item) return false;
      const { changes } = this.db
        .prepare(`UPDATE outbox SET state = ?, claimed_by = NULL, next_attempt_at = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
          WHERE id = ? AND state = ?`)
        .run(to, at, to, at, id, from);
      if (changes !== 1) return false;
      if (to === "sent" && item.kind === "reply") {
        this.db.prepare("UPDATE drafts SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'approved'").run(at, item.draft_id);
      }
      this.appendAudit(actor, action, Number(item.draft_id), { deliveryKey: item.delivery_key, from, to }, at);
      return true;
    }).immediate();
  }

  getOutboxItem(id: number): OutboxItem | undefined {
    const row = this.db.prepare("SELECT * FROM outbox WHERE id = ?").get(id) as Row | undefined;
    return row ? toOutbox(row) : undefined;
  }

  /** Outbox items in the given states, oldest first. */
  listOutbox(states: readonly OutboxState[]): OutboxItem[] {
    return (this.db
      .prepare(`SELECT * FROM outbox WHERE state IN (${states.map(() => "?").join(",")}) ORDER BY id`)
      .all(...states) as Row[]).map(toOutbox);
  }

  /** Outbox items of one draft. */
  outboxFor(draftId: number): OutboxItem[] {
    return (this.db.prepare("SELECT * FROM outbox WHERE draft_id = ? ORDER BY id").all(draftId) as Row[]).map(toOutbox);
  }

  /** The audit trail of one draft, oldest first (or the whole log when draftId is undefined). */
  audit(draftId?: number, limit = 500): AuditEntry[] {
    const rows = (draftId === undefined
      ? this.db.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?").all(limit)
      : this.db.prepare("SELECT * FROM audit_log WHERE draft_id = ? ORDER BY id LIMIT ?").all(draftId, limit)) as Row[];
    return rows.map((r) => ({
      id: Number(r.id), at: Number(r.at), actor: String(r.actor), action: String(r.action),
      draftId: num(r.draft_id), detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
    }));
  }

  /** The mode staff set for a chat, if any. */
  getMode(channel: string, chatId: string): ReviewMode | undefined {
    const row = this.db.prepare("SELECT mode FROM review_modes WHERE channel = ? AND chat_id = ?").get(channel, chatId) as Row | undefined;
    return row ? (row.mode as ReviewMode) : undefined;
  }

  /** Persist a chat's review mode with its author. */
  setMode(channel: string, chatId: string, mode: ReviewMode, actor: string, at: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO review_modes (channel, chat_id, mode, set_by, set_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (channel, chat_id) DO UPDATE SET mode = excluded.mode, set_by = excluded.set_by, set_at = excluded.set_at`)
        .run(channel, chatId, mode, actor, at);
      this.appendAudit(actor, "review_mode", undefined, { channel, chatId, mode }, at);
    }).immediate();
  }

  /** Chats staff set a mode for, and chats that have drafts. */
  knownChats(): { channel: string; chatId: string; mode?: ReviewMode; setBy?: string; drafts: number }[] {
    const rows = this.db
      .prepare(`SELECT c.channel, c.chat_id, m.mode, m.set_by, (SELECT count(*) FROM drafts d WHERE d.channel = c.channel AND d.chat_id = c.chat_id) AS drafts
        FROM (SELECT channel, chat_id FROM drafts UNION SELECT channel, chat_id FROM review_modes) c
        LEFT JOIN review_modes m ON m.channel = c.channel AND m.chat_id = c.chat_id ORDER BY c.channel, c.chat_id`)
      .all() as Row[];
    return rows.map((r) => ({ channel: String(r.channel), chatId: String(r.chat_id), mode: str(r.mode) as ReviewMode | undefined, setBy: str(r.set_by), drafts: Number(r.drafts) }));
  }

  /** Store an edit waiting for its author's override confirmation; returns its id. */
  insertProposal(draftId: number, staff: string, text: string, ungrounded: string[], at: number): number {
    return Number(this.db
      .prepare("INSERT INTO edit_proposals (draft_id, staff, text, ungrounded, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(draftId, staff, text, JSON.stringify(ungrounded), at).lastInsertRowid);
  }

  /** A proposal by id, or the latest one by `staff` for `draftId`. */
  getProposal(by: { id: number } | { draftId: number; staff: string }): EditProposal | undefined {
    const row = ("id" in by
      ? this.db.prepare("SELECT * FROM edit_proposals WHERE id = ?").get(by.id)
      : this.db.prepare("SELECT * FROM edit_proposals WHERE draft_id = ? AND staff = ? ORDER BY id DESC LIMIT 1").get(by.draftId, by.staff)) as Row | undefined;
    if (!row) return undefined;
    return { id: Number(row.id), draftId: Number(row.draft_id), staff: String(row.staff), text: String(row.text),
      ungrounded: JSON.parse(String(row.ungrounded)) as string[], createdAt: Number(row.created_at) };
  }

  /** Number of drafts in each state. */
  countsByState(): Record<DraftState, number> {
    const counts = Object.fromEntries(DRAFT_STATES.map((s) => [s, 0])) as Record<DraftState, number>;
    for (const r of this.db.prepare("SELECT state, count(*) AS n FROM drafts GROUP BY state").all() as Row[]) {
      counts[r.state as DraftState] = Number(r.n);
    }
    return counts;
  }

  /** Milliseconds from draft to approval, for every approved (or sent) draft. */
  approvalDurations(): number[] {
    return (this.db
      .prepare("SELECT decided_at - created_at AS ms FROM drafts WHERE state IN ('approved', 'sent') AND decided_at IS NOT NULL ORDER BY ms")
      .all() as Row[]).map((r) => Number(r.ms));
  }
}
