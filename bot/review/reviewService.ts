/**
 * Staff review: holds answers of reviewed chats as drafts, records staff decisions (first decision wins),
 * and delivers approved replies through the channel's sender via a durable outbox.
 *
 * Delivery guarantee (what a kill -9 can and cannot do):
 * - A draft, a decision and its queued reply are each one committed transaction (SQLite with synchronous=FULL,
 *   or PostgreSQL): once `holdDraft` or `approve` resolves, the draft / the approval survives any crash.
 * - Before a send starts, its outbox row is committed as `sending` with a unique delivery key; after the
 *   channel accepts, the row is committed as `sent`. A row already `sent` is never sent again.
 * - The one window that cannot be closed from our side: a crash after the channel accepted the message but
 *   before `sent` was committed. On restart such a row is found `sending` with a dead owner. If the channel's
 *   sender declares `dedupesByKey` (it drops a repeated delivery key), the row is resent with the same key:
 *   exactly once in effect. Otherwise it becomes `uncertain` and is shown to staff, who check the chat and
 *   choose "resend" or "mark delivered": a reply is never posted twice automatically, and never silently lost.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { ChannelSender, ReplyTarget } from "./channelSender.js";
import { FACTS, type FactName } from "../../rules/facts.js";
import { AnswerSchema, awardAmountsOf } from "../answer.js";
import type { ChannelName, IncomingMessage } from "../message.js";
import { numberGuard, type Grounding, type UngroundedNumber } from "../numberGuard.js";
import type { DraftInput, EarlierDecision, ReviewGate } from "../reviewGate.js";
import type { Store } from "../store/store.js";
import type { DraftStore, Draft, DraftFilter, DraftState, OutboxItem, ReviewMode } from "./draftStore.js";

/** Who acts on a draft. `via` is where they acted; `id` their chat user id when they acted from a chat. */
export interface StaffIdentity {
  name: string;
  via: "console" | "telegram" | "wechat" | "wecom" | "cli";
  id?: string;
}

/** Options of a send the outbox makes: the key is the same on every retry of one message. */
export interface DeliveryOptions {
  deliveryKey: string;
}

/**
 * A ChannelSender that may receive the delivery key. `dedupesByKey: true` promises that a second send with
 * a key the channel already accepted posts nothing; only then are crash-interrupted sends retried.
 */
export interface KeyedChannelSender extends ChannelSender {
  dedupesByKey?: boolean;
  sendReply(chatId: string, text: string, to: ReplyTarget, options?: DeliveryOptions): Promise<void>;
}

export type DecisionResult =
  | { ok: true; action: "approved" | "rejected"; draft: Draft; message: string }
  | { ok: false; reason: "already_decided"; draft: Draft; message: string }
  | { ok: false; reason: "needs_override"; draft: Draft; ungrounded: string[]; proposalId: number; message: string }
  | { ok: false; reason: "not_found" | "invalid"; message: string };

export interface ReviewServiceOptions {
  /** The database (SQLite or PostgreSQL); several processes may share one. */
  store: Store;
  /** Chats in review mode unless staff switched them off: "channel:chatId", "channel:*" or "*". */
  reviewChats?: readonly string[];
  /** Chats whose askers get `ackText` while their draft waits: same forms as reviewChats. */
  ackChats?: readonly string[];
  ackText?: string;
  now?: () => number;
  /** Attempts before a reply is marked failed (staff can resend it), and the first retry delay. */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** One-line operator log (default: stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_ACK_TEXT = "已收到，工作人员核对后回复。";
/** What an asker who cannot be notified (`ask`) hears about a rejected draft when staff wrote no notice. */
export const REJECTED_TEXT = "工作人员核对后没有采用这条答复，请换个说法再问，或直接联系工作人员。";
const MAX_TEXT_LENGTH = 4000;
// A claim by a process on another host cannot be checked; after this long it is treated as abandoned.
const FOREIGN_CLAIM_LEASE_MS = 10 * 60_000;
// Owners of live services in this process, so a second instance does not mistake the first for dead.
const LIVE_OWNERS = new Set<string>();

/** "2024-05-01 10:03" in China time, for staff-facing messages. */
export function formatReviewTime(ms: number): string {
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

const STATE_LABEL: Record<DraftState, string> = { pending: "待审核", approved: "已通过", rejected: "已驳回", sent: "已发送" };
/** Chinese label of a draft state. */
export function draftStateLabel(state: DraftState): string {
  return STATE_LABEL[state];
}

/** "channel:chatId" patterns → matcher. "*" or "channel:*" match a whole channel. */
function chatMatcher(patterns: readonly string[]): (channel: string, chatId: string) => boolean {
  const set = new Set(patterns.map((p) => p.trim()).filter(Boolean));
  return (channel, chatId) => set.has("*") || set.has(`${channel}:*`) || set.has(`${channel}:${chatId}`);
}

function actorOf(staff: StaffIdentity): string {
  return staff.id ? `${staff.name} (${staff.via}:${staff.id})` : staff.name;
}

/**
 * What numbers an edited text may contain: those of the engine result, the quotes, the user's words and
 * the original draft (which already passed the guard when it was composed); and a number presented as the
 * asker's award must be the amount of an eligible award of the draft.
 */
export function draftGrounding(draft: Draft): Grounding {
  const factEntries = Object.entries(draft.facts) as [FactName, unknown][];
  const fenFacts = factEntries.filter(([k, v]) => FACTS[k]?.unit === "fen" && typeof v === "number").map(([, v]) => v as number);
  const otherFacts = factEntries.filter(([k, v]) => FACTS[k]?.unit !== "fen" && typeof v === "number").map(([, v]) => String(v));
  return {
    userTexts: [draft.question],
    quotes: draft.answer.citations.map((c) => c.quote),
    amountsFen: [...draft.answer.awards.flatMap((a) => (a.amountFen === null ? [] : [a.amountFen])), ...fenFacts],
    extraTexts: [draft.draftText, ...draft.answer.awards.flatMap((a) => [...a.trace, ...a.conditions, a.title, a.clause]), ...otherFacts],
    awardAmountsFen: draft.answer.awards.flatMap(awardAmountsOf),
  };
}

/** Numbers of an edited text the guard stops: without any source, or shown as the asker's award without being one. */
export function editedTextProblems(draft: Draft, text: string): { ungrounded: string[]; notAward: string[] } {
  const found = numberGuard(text, draftGrounding(draft)).ungrounded;
  const raws = (reason: UngroundedNumber["reason"]) => [...new Set(found.filter((u) => u.reason === reason).map((u) => u.raw))];
  return { ungrounded: raws("ungrounded"), notAward: raws("not_an_award") };
}

/** What staff are told when an edit needs the logged override. */
function overrideMessage(problems: { ungrounded: string[]; notAward: string[] }): string {
  return [
    problems.ungrounded.length ? `修改稿中的数字 ${problems.ungrounded.join("、")} 在计算结果、引用条款和提问中都找不到依据。` : "",
    problems.notAward.length ? `修改稿把 ${problems.notAward.join("、")} 写成提问人可得的金额，但它不是本答复中符合条件的奖励金额。` : "",
    "请核对；确认无误需明确确认覆盖（将记入审计日志）。",
  ].join("");
}

/** Staff review over one database. Implements the bot's ReviewGate. */
export class ReviewService implements ReviewGate {
  readonly store: DraftStore;
  readonly #now: () => number;
  readonly #inReviewByConfig: (channel: string, chatId: string) => boolean;
  readonly #acked: (channel: string, chatId: string) => boolean;
  readonly #ackText: string;
  readonly #maxAttempts: number;
  readonly #retryDelayMs: number;
  readonly #log: (line: string) => void;
  readonly #owner = `${hostname()}/${process.pid}/${randomUUID()}`;
  readonly #senders = new Map<string, KeyedChannelSender>();
  readonly #heldListeners = new Set<(draft: Draft) => void>();
  readonly #decisionListeners = new Set<(draft: Draft) => void>();
  /** "channel:chatId" → the chat's current name (a WeChat room topic), see `noteChat`. */
  readonly #chatNames = new Map<string, string | undefined>();
  #delivering: Promise<number> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ReviewServiceOptions) {
    this.store = options.store.drafts;
    this.#now = options.now ?? Date.now;
    this.#inReviewByConfig = chatMatcher(options.reviewChats ?? []);
    this.#acked = chatMatcher(options.ackChats ?? []);
    this.#ackText = options.ackText ?? DEFAULT_ACK_TEXT;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryDelayMs = options.retryDelayMs ?? 5_000;
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    LIVE_OWNERS.add(this.#owner);
  }

  // ---- ReviewGate ----

  /** true when the chat's answers are held: staff's persisted choice, else the configured REVIEW_CHATS. */
  async isReviewed(channel: ChannelName, chatId: string): Promise<boolean> {
    return (await this.reviewMode(channel, chatId)).mode === "review";
  }

  /** Store the draft (one committed transaction), tell listeners (staff chat forwarding), return its id. */
  async holdDraft(input: DraftInput): Promise<number> {
    const answer = AnswerSchema.parse(input.answer);
    const id = await this.store.insertDraft({ ...input, answer }, this.#now());
    const draft = await this.store.getDraft(id);
    if (draft) this.#emit(this.#heldListeners, draft);
    return id;
  }

  /** The acknowledgement for askers in this chat, or null when the chat is not configured to send one. */
  acknowledgement(channel: ChannelName, chatId: string): string | null {
    return this.#configured(this.#acked, channel, chatId) ? this.#ackText : null;
  }

  /**
   * For a channel without a registered sender (`ask`, where the asker comes back rather than being pushed to):
   * the decision on this asker's newest draft of the same question. An approved reply or rejection notice
   * reported here counts as delivered.
   */
  async recall(message: IncomingMessage): Promise<EarlierDecision | undefined> {
    if (this.#senders.has(message.channel)) return undefined;
    const draft = await this.store.latestDraftOf(message);
    if (!draft) return undefined;
    if (draft.state === "pending") return { state: "pending", draftId: draft.id, answer: draft.answer };
    const outbox = await this.store.outboxFor(draft.id);
    for (const item of outbox.filter((o) => o.state === "queued")) await this.store.resolveItem(item.id, "queued", "sent", "bot", "delivered_on_request", this.#now());
    if (draft.state === "rejected") return { state: "rejected", draftId: draft.id, text: outbox.find((o) => o.kind === "rejection_notice")?.text ?? REJECTED_TEXT };
    return { state: "approved", draftId: draft.id, answer: draft.answer, text: draft.finalText ?? draft.draftText };
  }

  // ---- review modes ----

  /** The chat's mode and whether staff set it or it comes from config. */
  async reviewMode(channel: string, chatId: string): Promise<{ mode: ReviewMode; source: "staff" | "config" }> {
    const set = await this.store.getMode(channel, chatId);
    if (set) return { mode: set, source: "staff" };
    return { mode: this.#configured(this.#inReviewByConfig, channel, chatId) ? "review" : "off", source: "config" };
  }

  /**
   * A group chat the bot has seen, with its current name when the channel has one (a WeChat room's topic,
   * a Telegram group's title). It is listed on the console's 审核群聊 page, and REVIEW_CHATS and REVIEW_ACK
   * may name the chat instead of giving its id, which WeChat changes on every re-login.
   */
  noteChat(channel: string, chatId: string, name?: string): void {
    const key = `${channel}:${chatId}`;
    if (this.#chatNames.has(key) && this.#chatNames.get(key) === name) return; // stored already
    this.#chatNames.set(key, name);
    this.store.noteChat(channel, chatId, name, this.#now()).catch((error: Error) => this.#log(`review: could not record chat ${key}: ${error.message}`));
  }

  /** Whether a configured pattern matches the chat by id or by its current name. */
  #configured(matches: (channel: string, chatId: string) => boolean, channel: string, chatId: string): boolean {
    const name = this.#chatNames.get(`${channel}:${chatId}`);
    return matches(channel, chatId) || (name !== undefined && matches(channel, name));
  }

  /** Persist a chat's review mode (a staff command); logged in the audit with its author. */
  setReviewMode(channel: string, chatId: string, mode: ReviewMode, staff: StaffIdentity): Promise<void> {
    return this.store.setMode(channel, chatId, mode, actorOf(staff), this.#now());
  }

  // ---- decisions ----

  /**
   * Approve a pending draft, optionally with an edited text. An edited text must pass the number guard
   * unless `override` is set; the override and the numbers it let through are logged with the author.
   * First decision wins: a second one gets "already decided by X at T" and changes nothing.
   */
  async approve(id: number, staff: StaffIdentity, editedText?: string, options: { override?: boolean } = {}): Promise<DecisionResult> {
    const draft = await this.store.getDraft(id);
    if (!draft) return { ok: false, reason: "not_found", message: `没有编号为 #${id} 的草稿。` };
    if (draft.state !== "pending") return this.#alreadyDecided(draft);
    const edited = editedText !== undefined && editedText.trim() !== draft.draftText.trim();
    const finalText = edited ? editedText.trim() : draft.draftText;
    if (edited && finalText.length === 0) return { ok: false, reason: "invalid", message: "修改后的文本不能为空。" };
    if (finalText.length > MAX_TEXT_LENGTH) return { ok: false, reason: "invalid", message: `修改后的文本过长（上限 ${MAX_TEXT_LENGTH} 字）。` };
    const problems = edited ? editedTextProblems(draft, finalText) : { ungrounded: [], notAward: [] };
    const ungrounded = [...problems.ungrounded, ...problems.notAward];
    if (ungrounded.length > 0 && !options.override) {
      const at = this.#now();
      const proposalId = await this.store.insertProposal(id, actorOf(staff), finalText, ungrounded, at);
      await this.store.appendAudit(actorOf(staff), "edit_blocked", id, { via: staff.via, ungrounded, proposalId }, at);
      return {
        ok: false, reason: "needs_override", draft, ungrounded, proposalId,
        message: overrideMessage(problems),
      };
    }
    const detail = { edited, ...(edited ? { originalText: draft.draftText } : {}), ...(ungrounded.length ? { override: true, ungrounded } : {}) };
    const outcome = await this.store.approve(id, { actor: actorOf(staff), via: staff.via, at: this.#now() }, finalText, detail);
    if (!outcome.changed) return outcome.draft ? this.#alreadyDecided(outcome.draft) : { ok: false, reason: "not_found", message: `没有编号为 #${id} 的草稿。` };
    this.#emit(this.#decisionListeners, outcome.draft);
    this.kick();
    return { ok: true, action: "approved", draft: outcome.draft, message: `草稿 #${id} 已通过${edited ? "（已修改）" : ""}，正在发送给提问人。` };
  }

  /** Approve with the edit a staff member proposed earlier and now confirms despite the guard (override). */
  async confirmProposal(by: { proposalId: number } | { draftId: number }, staff: StaffIdentity): Promise<DecisionResult> {
    const proposal = "proposalId" in by
      ? await this.store.getProposal({ id: by.proposalId })
      : await this.store.getProposal({ draftId: by.draftId, staff: actorOf(staff) });
    // Only the author of an edit may confirm its override: the audit names one responsible person.
    if (!proposal || proposal.staff !== actorOf(staff)) {
      return { ok: false, reason: "invalid", message: "没有找到您待确认的修改稿，请重新提交修改。" };
    }
    return this.approve(proposal.draftId, staff, proposal.text, { override: true });
  }

  /** Reject a pending draft; `notifyText` (optional) is sent to the asker through the outbox. */
  async reject(id: number, staff: StaffIdentity, options: { notifyText?: string; reason?: string } = {}): Promise<DecisionResult> {
    const notifyText = options.notifyText?.trim() || undefined;
    if (notifyText && notifyText.length > MAX_TEXT_LENGTH) return { ok: false, reason: "invalid", message: "通知文本过长。" };
    const outcome = await this.store.reject(id, { actor: actorOf(staff), via: staff.via, at: this.#now() }, options.reason?.trim() || undefined, notifyText);
    if (!outcome.changed) return outcome.draft ? this.#alreadyDecided(outcome.draft) : { ok: false, reason: "not_found", message: `没有编号为 #${id} 的草稿。` };
    this.#emit(this.#decisionListeners, outcome.draft);
    if (notifyText) this.kick();
    return { ok: true, action: "rejected", draft: outcome.draft, message: `草稿 #${id} 已驳回${notifyText ? "，已通知提问人" : ""}。` };
  }

  #alreadyDecided(draft: Draft): DecisionResult {
    const verb = draft.state === "rejected" ? "驳回" : "通过";
    const when = draft.decidedAt ? formatReviewTime(draft.decidedAt) : "";
    return { ok: false, reason: "already_decided", draft, message: `草稿 #${draft.id} 已由 ${draft.decidedBy ?? "他人"} 于 ${when} ${verb}，以先作出的决定为准，本次操作未生效。` };
  }

  // ---- queries ----

  getDraft(id: number): Promise<Draft | undefined> {
    return this.store.getDraft(id);
  }

  /** Drafts matching the filter, newest first. */
  listDrafts(filter: DraftFilter = {}): Promise<Draft[]> {
    return this.store.listDrafts(filter);
  }

  /** Drafts by state and the median time from draft to approval (null when nothing was approved yet). */
  async stats(): Promise<{ counts: Record<DraftState, number>; medianApprovalMs: number | null }> {
    const d = await this.store.approvalDurations();
    const mid = Math.floor(d.length / 2);
    const median = d.length === 0 ? null : d.length % 2 ? d[mid]! : (d[mid - 1]! + d[mid]!) / 2;
    return { counts: await this.store.countsByState(), medianApprovalMs: median };
  }

  /** Replies that need a human: failed after all retries, or interrupted by a crash on a channel without keys. */
  deliveriesNeedingAttention(): Promise<OutboxItem[]> {
    return this.store.listOutbox(["failed", "uncertain"]);
  }

  // ---- listeners ----

  /** Call `listener` with every new draft (to forward it to a staff chat). Returns an unsubscribe function. */
  onDraftHeld(listener: (draft: Draft) => void): () => void {
    this.#heldListeners.add(listener);
    return () => this.#heldListeners.delete(listener);
  }

  /** Call `listener` after every decision that took effect. Returns an unsubscribe function. */
  onDecision(listener: (draft: Draft) => void): () => void {
    this.#decisionListeners.add(listener);
    return () => this.#decisionListeners.delete(listener);
  }

  #emit(listeners: Set<(draft: Draft) => void>, draft: Draft): void {
    for (const l of listeners) {
      try {
        l(draft);
      } catch (error) {
        this.#log(`review: listener failed for draft #${draft.id}: ${(error as Error).message}`);
      }
    }
  }

  // ---- delivery ----

  /**
   * Register the sender of a channel. Replies for that channel left `sending` by a crashed process are
   * recovered (resent when the sender dedupes by key, else marked uncertain), then queued replies go out.
   */
  registerSender(sender: ChannelSender | KeyedChannelSender): void {
    this.#senders.set(sender.channel, sender);
    this.kick();
  }

  /** Start delivering in the background and retrying every `intervalMs`. */
  start(intervalMs = 5_000): void {
    this.stop();
    this.#timer = setInterval(() => this.kick(), intervalMs);
    this.#timer.unref();
    this.kick();
  }

  /** Stop the retry timer, wait for an in-flight delivery, and release this instance's owner id. */
  async close(): Promise<void> {
    this.stop();
    await this.#delivering;
    LIVE_OWNERS.delete(this.#owner);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Trigger delivery without waiting (errors are logged). */
  kick(): void {
    this.deliverDue().catch((error: unknown) => this.#log(`review: delivery loop failed: ${(error as Error).message}`));
  }

  /**
   * Post every due queued reply, one at a time in approval order. Single-flight: a call while a run is in
   * progress makes that run go round once more, and returns its promise. Resolves to the number sent.
   */
  deliverDue(): Promise<number> {
    if (this.#delivering) {
      this.#again = true;
      return this.#delivering;
    }
    this.#delivering = this.#deliveryLoop();
    return this.#delivering;
  }

  async #deliveryLoop(): Promise<number> {
    // Yield once so `#delivering` is assigned before the loop runs; the loop clears it with no await
    // between its last check of `#again` and the clearing, so no request to deliver is ever dropped.
    await null;
    let sent = 0;
    try {
      do {
        this.#again = false;
        await this.#recoverOrphans();
        for (;;) {
          const item = await this.store.claimNext(this.#owner, [...this.#senders.keys()], this.#now());
          if (!item) break;
          if (await this.#send(item)) sent++;
        }
      } while (this.#again);
    } finally {
      this.#delivering = undefined;
    }
    return sent;
  }

  async #send(item: OutboxItem): Promise<boolean> {
    const sender = this.#senders.get(item.channel)!;
    try {
      await sender.sendReply(item.chatId, item.text, item.target, { deliveryKey: item.deliveryKey });
    } catch (error) {
      // A thrown send is taken as "not posted": retried with backoff, then left for staff as failed.
      const retryAt = item.attempts >= this.#maxAttempts ? null : this.#now() + this.#retryDelayMs * 2 ** (item.attempts - 1);
      await this.store.markSendFailed(item, String((error as Error)?.message ?? error).slice(0, 500), retryAt, this.#now());
      this.#log(`review: sending draft #${item.draftId} to ${item.channel}:${item.chatId} failed (attempt ${item.attempts}): ${(error as Error)?.message}`);
      return false;
    }
    await this.store.markSent(item, "bot", this.#now());
    return true;
  }

  /** Rows `sending` whose owner process is gone: resend (keyed channel) or hand to staff (uncertain). */
  async #recoverOrphans(): Promise<void> {
    for (const [channel, sender] of this.#senders) {
      for (const item of await this.store.sendingItems(channel)) {
        if (this.#ownerAlive(item)) continue;
        const to = sender.dedupesByKey ? "queued" : "uncertain";
        if (await this.store.resolveItem(item.id, "sending", to, "bot", to === "queued" ? "delivery_resumed" : "delivery_uncertain", this.#now())) {
          this.#log(`review: draft #${item.draftId}: a send was interrupted by a crash; ${to === "queued" ? "resending with the same delivery key" : "marked uncertain for staff to check"}`);
        }
      }
    }
  }

  #ownerAlive(item: OutboxItem): boolean {
    const owner = item.claimedBy ?? "";
    if (owner === this.#owner || LIVE_OWNERS.has(owner)) return true;
    const [host, pidText] = owner.split("/");
    const pid = Number(pidText);
    if (host !== hostname()) return this.#now() - (item.claimedAt ?? 0) < FOREIGN_CLAIM_LEASE_MS;
    // Our own pid with another owner id is a previous run of this process slot (e.g. pid 1 in a container).
    if (!Number.isInteger(pid) || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }

  /** Staff: send a failed or uncertain reply again (same delivery key). */
  async resend(outboxId: number, staff: StaffIdentity): Promise<boolean> {
    const item = await this.store.getOutboxItem(outboxId);
    if (!item || (item.state !== "failed" && item.state !== "uncertain")) return false;
    const ok = await this.store.resolveItem(outboxId, item.state, "queued", actorOf(staff), "delivery_resend", this.#now());
    if (ok) this.kick();
    return ok;
  }

  /** Staff: they saw the reply in the chat, so an uncertain or failed item is recorded as delivered. */
  async confirmDelivered(outboxId: number, staff: StaffIdentity): Promise<boolean> {
    const item = await this.store.getOutboxItem(outboxId);
    if (!item || (item.state !== "failed" && item.state !== "uncertain")) return false;
    return this.store.resolveItem(outboxId, item.state, "sent", actorOf(staff), "delivery_confirmed", this.#now());
  }
}
