/**
 * The staff review console: a small fastify server with server-rendered pages.
 *
 * Security: bound to 127.0.0.1 by default; login with the configured token compared in constant time
 * (SHA-256 digests through crypto.timingSafeEqual, every configured token checked); a random session id
 * in an HttpOnly, SameSite=Strict cookie; every POST carries the session's synchroniser CSRF token (403
 * when missing or wrong) and a foreign Origin is refused; failed logins are slowed down per staff name and overall (loginThrottle.ts);
 * pages are sent with a strict CSP and no-store. Sessions live in memory: a restart logs staff out,
 * decisions are in SQLite.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import { z } from "zod";
import type { DraftState } from "../../bot/review/draftStore.js";
import { DRAFT_STATES } from "../../bot/review/draftStore.js";
import type { DecisionResult, ReviewService, StaffIdentity } from "../../bot/review/reviewService.js";
import type { StaffTokens } from "./config.js";
import { LoginThrottle, type LoginThrottleOptions } from "./loginThrottle.js";
import { chatsPage, draftPage, historyPage, loginPage, messagePage, pendingPage, type PageFrame } from "./consoleViews.js";
import type { PolicyPagesOptions } from "./policyPages.js";

export interface StaffConsoleOptions {
  service: ReviewService;
  tokens: StaffTokens;
  /** Default 127.0.0.1: the console is reached through the host or an HTTPS proxy, not the internet. */
  host?: string;
  /** Default 8787; 0 picks a free port (tests). */
  port?: number;
  /** Set the cookie's Secure flag (behind HTTPS). */
  cookieSecure?: boolean;
  /** Idle time after which a login expires. Default 12 h. */
  sessionIdleMs?: number;
  /** Login throttling per staff name and overall (defaults in LoginThrottle). */
  loginThrottle?: Omit<LoginThrottleOptions, "now">;
  now?: () => number;
  /** Folders of the 政策 page (default: the repository's rules/ and knowledge/policies/). */
  policyDirs?: PolicyPagesOptions["dirs"];
}

export interface StaffConsole {
  app: FastifyInstance;
  /** http://host:port of the listening server. */
  url: string;
  close(): Promise<void>;
}

interface ConsoleSession {
  /** Staff name once logged in; undefined for the pre-login session that only carries the login form's CSRF token. */
  staff?: string;
  csrf: string;
  expiresAt: number;
}

const COOKIE = "hs_review";
const PUBLIC_PATHS = new Set(["/login", "/console.css", "/healthz"]);
const ANON_IDLE_MS = 30 * 60_000;
const MAX_SESSIONS = 5_000;
const CSS = readFileSync(new URL("./console.css", import.meta.url), "utf8");

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/**
 * The staff name a token logs in as: "" for the shared token (the name comes from the form), the mapped
 * name for a named token, or null. Every configured token is compared, so timing does not reveal which.
 */
export function staffForToken(tokens: StaffTokens, input: string): string | null {
  if (tokens.kind === "shared") return sameSecret(input, tokens.token) ? "" : null;
  let found: string | null = null;
  for (const t of tokens.tokens) if (sameSecret(input, t.token) && found === null) found = t.name;
  return found;
}

const LoginBody = z.object({ _csrf: z.string().optional(), token: z.string().max(512).default(""), name: z.string().max(100).optional() });
const ApproveBody = z.object({ text: z.string().max(8000).optional(), override: z.literal("1").optional() });
const RejectBody = z.object({ reason: z.string().max(500).optional(), notify: z.literal("1").optional(), notifyText: z.string().max(2000).optional() });
const ModeBody = z.object({ channel: z.enum(["wechat", "wecom", "telegram", "console", "cli"]), chatId: z.string().trim().min(1).max(200), mode: z.enum(["off", "review"]) });
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const HistoryQuery = z.object({
  state: z.enum(DRAFT_STATES as [DraftState, ...DraftState[]]).optional().catch(undefined),
  channel: z.string().max(20).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});
const FlashQuery = z.object({ r: z.enum(["approved", "edited", "rejected", "resent", "confirmed", "queued"]).optional().catch(undefined), id: z.coerce.number().int().optional().catch(undefined) });

const FLASH_TEXT: Record<string, (id: number) => string> = {
  approved: (id) => `草稿 #${id} 已通过，答复已发到原群聊。`,
  edited: (id) => `草稿 #${id} 已按修改稿通过，答复已发到原群聊。`,
  queued: (id) => `草稿 #${id} 已通过，答复在发送队列中（渠道暂未确认）。`,
  rejected: (id) => `草稿 #${id} 已驳回。`,
  resent: (id) => `草稿 #${id} 的答复已重新排队发送。`,
  confirmed: (id) => `草稿 #${id} 的答复已标记为送达。`,
};

/** Build the console app (not listening). Tests may call `app.inject`. */
export function buildStaffConsole(options: StaffConsoleOptions): FastifyInstance {
  const { service, tokens } = options;
  const now = options.now ?? Date.now;
  const idleMs = options.sessionIdleMs ?? 12 * 3600_000;
  const sessions = new Map<string, ConsoleSession>();
  const throttle = new LoginThrottle({ ...options.loginThrottle, now });
  const sessionOf = new WeakMap<FastifyRequest, { id: string; session: ConsoleSession }>();

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  void app.register(cookie);
  void app.register(formbody);

  function newSession(reply: FastifyReply, staff?: string): ConsoleSession {
    if (sessions.size >= MAX_SESSIONS) for (const [k, s] of sessions) if (s.expiresAt <= now() || !s.staff) sessions.delete(k);
    const id = randomBytes(32).toString("base64url");
    const session = { staff, csrf: randomBytes(32).toString("base64url"), expiresAt: now() + (staff ? idleMs : ANON_IDLE_MS) };
    sessions.set(id, session);
    reply.setCookie(COOKIE, id, { httpOnly: true, sameSite: "strict", path: "/", secure: options.cookieSecure ?? false });
    return session;
  }

  function frame(req: FastifyRequest, title: string): PageFrame {
    const s = sessionOf.get(req)!.session;
    return { title, staff: s.staff, csrf: s.csrf };
  }

  const staffOf = (req: FastifyRequest): StaffIdentity => ({ name: sessionOf.get(req)!.session.staff!, via: "console" });

  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("Cache-Control", "no-store");
    return payload;
  });

  // Authentication and CSRF for every route, in one place.
  app.addHook("preHandler", async (req, reply) => {
    const path = req.url.split("?")[0]!;
    const id = req.cookies[COOKIE];
    let session = id ? sessions.get(id) : undefined;
    if (session && session.expiresAt <= now()) {
      sessions.delete(id!);
      session = undefined;
    }
    if (session && id) {
      session.expiresAt = now() + (session.staff ? idleMs : ANON_IDLE_MS);
      sessionOf.set(req, { id, session });
    }
    if (!PUBLIC_PATHS.has(path) && !session?.staff) {
      if (req.method === "GET") return reply.redirect("/login", 303);
      return reply.code(401).type("text/plain; charset=utf-8").send("401 请先登录");
    }
    if (req.method === "POST") {
      // A browser names the page a form came from; a form from another site never carries our host.
      const origin = req.headers.origin;
      if (origin && origin !== "null" && URL.parse(origin)?.host !== req.headers.host) {
        return reply.code(403).type("text/plain; charset=utf-8").send("403 来源不符");
      }
      const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!session || typeof sent !== "string" || !sameSecret(sent, session.csrf)) {
        return reply.code(403).type("text/plain; charset=utf-8").send("403 表单已失效，请刷新页面后重试");
      }
    }
  });

  const html = (reply: FastifyReply, code: number, body: string) => reply.code(code).type("text/html; charset=utf-8").send(body);

  app.get("/console.css", async (_req, reply) => reply.type("text/css; charset=utf-8").send(CSS));
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/", async (_req, reply) => reply.redirect("/pending", 303));

  app.get("/login", async (req, reply) => {
    const s = sessionOf.get(req)?.session;
    if (s?.staff) return reply.redirect("/pending", 303);
    const session = s ?? newSession(reply);
    return html(reply, 200, loginPage(session.csrf, { askName: tokens.kind === "shared" }));
  });

  app.post("/login", async (req, reply) => {
    const current = sessionOf.get(req)!;
    const body = LoginBody.parse(req.body ?? {});
    const askName = tokens.kind === "shared";
    const typedName = (body.name ?? "").replace(/[\p{C}]/gu, "").trim().slice(0, 32);
    // Throttled by the name typed (named tokens carry no name field: they share one counter) and overall.
    const waitMs = throttle.waitMs(typedName);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      reply.header("Retry-After", String(seconds));
      return html(reply, 429, loginPage(current.session.csrf, { askName, error: `登录尝试过于频繁，请 ${seconds} 秒后再试。` }));
    }
    const found = staffForToken(tokens, body.token);
    const name = found === "" ? typedName : found;
    if (found === null || !name) {
      throttle.failed(typedName);
      await service.store.appendAudit("anonymous", "login_failed", undefined, { ip: req.ip, name: typedName }, now());
      const error = found === null ? "登录口令不正确。" : "请填写姓名。";
      return html(reply, 401, loginPage(current.session.csrf, { askName, error }));
    }
    throttle.succeeded(typedName);
    // A new session id at login: a pre-login id planted by someone else never becomes a staff session.
    sessions.delete(current.id);
    newSession(reply, name);
    await service.store.appendAudit(name, "login", undefined, { ip: req.ip }, now());
    return reply.redirect("/pending", 303);
  });

  app.post("/logout", async (req, reply) => {
    sessions.delete(sessionOf.get(req)!.id);
    reply.clearCookie(COOKIE, { path: "/" });
    return reply.redirect("/login", 303);
  });

  app.get("/pending", async (req, reply) => {
    const q = FlashQuery.parse(req.query);
    const flash = q.r && q.id ? { ok: true, text: FLASH_TEXT[q.r]!(q.id) } : undefined;
    return html(reply, 200, pendingPage(frame(req, "待审核"), {
      drafts: await service.listDrafts({ state: "pending" }), stats: await service.stats(), attention: await service.deliveriesNeedingAttention(), flash,
    }));
  });

  app.get("/drafts/:id", async (req, reply) => {
    const { id } = IdParam.parse(req.params);
    const draft = await service.getDraft(id);
    if (!draft) return html(reply, 404, messagePage(frame(req, "未找到"), "未找到", `没有编号为 #${id} 的草稿。`));
    return html(reply, 200, draftPage(frame(req, `草稿 #${id}`), draft, await service.store.audit(id), await service.store.outboxFor(id)));
  });

  /** Render a decision that did not take effect; redirect after one that did. */
  async function decisionReply(req: FastifyRequest, reply: FastifyReply, id: number, result: DecisionResult, editedText?: string) {
    if (result.ok) {
      let r = result.action === "rejected" ? "rejected" : editedText !== undefined && result.draft.finalText !== result.draft.draftText ? "edited" : "approved";
      if (result.action === "approved") {
        // Wait briefly for the channel, so the page can say "sent" rather than "queued" in the usual case.
        await Promise.race([service.deliverDue(), new Promise((r) => setTimeout(r, 3000).unref())]);
        if ((await service.getDraft(id))?.state !== "sent") r = "queued";
      }
      return reply.redirect(`/pending?r=${r}&id=${id}`, 303);
    }
    const f = frame(req, `草稿 #${id}`);
    switch (result.reason) {
      case "not_found":
        return html(reply, 404, messagePage(f, "未找到", result.message));
      case "already_decided":
        return html(reply, 409, messagePage(f, "已有审核结果", result.message));
      case "needs_override":
        return html(reply, 422, draftPage(f, result.draft, await service.store.audit(id), [], { ok: false, text: result.message },
          { text: editedText ?? "", ungrounded: result.ungrounded }));
      case "invalid": {
        const draft = (await service.getDraft(id))!;
        return html(reply, 400, draftPage(f, draft, await service.store.audit(id), [], { ok: false, text: result.message }, { text: editedText ?? "", ungrounded: [] }));
      }
    }
  }

  app.post("/drafts/:id/approve", async (req, reply) => {
    const { id } = IdParam.parse(req.params);
    const body = ApproveBody.parse(req.body);
    const result = await service.approve(id, staffOf(req), body.text, { override: body.override === "1" });
    return decisionReply(req, reply, id, result, body.text);
  });

  app.post("/drafts/:id/reject", async (req, reply) => {
    const { id } = IdParam.parse(req.params);
    const body = RejectBody.parse(req.body);
    const result = await service.reject(id, staffOf(req), { reason: body.reason, notifyText: body.notify ? body.notifyText : undefined });
    return decisionReply(req, reply, id, result);
  });

  app.post("/outbox/:id/:action", async (req, reply) => {
    const { id, action } = z.object({ id: z.coerce.number().int().positive(), action: z.enum(["resend", "confirm"]) }).parse(req.params);
    const item = await service.store.getOutboxItem(id);
    const ok = action === "resend" ? await service.resend(id, staffOf(req)) : await service.confirmDelivered(id, staffOf(req));
    if (!ok || !item) return html(reply, 409, messagePage(frame(req, "发送记录"), "无法操作", "这条发送记录已被处理或不存在。"));
    return reply.redirect(`/pending?r=${action === "resend" ? "resent" : "confirmed"}&id=${item.draftId}`, 303);
  });

  app.get("/history", async (req, reply) => {
    const q = HistoryQuery.parse(req.query);
    const filter = { state: q.state, channel: q.channel || undefined, text: q.q?.trim() || undefined };
    const channels = [...new Set((await service.store.knownChats()).map((c) => c.channel))];
    return html(reply, 200, historyPage(frame(req, "历史记录"), { drafts: await service.listDrafts(filter), filter, stats: await service.stats(), channels }));
  });

  async function chats(req: FastifyRequest, reply: FastifyReply, notice?: string) {
    const rows = await Promise.all((await service.store.knownChats()).map(async (c) => ({ ...c, ...(await service.reviewMode(c.channel, c.chatId)) })));
    return html(reply, 200, chatsPage(frame(req, "审核群聊"), rows, notice));
  }
  app.get("/chats", async (req, reply) => chats(req, reply));
  app.post("/chats/mode", async (req, reply) => {
    const body = ModeBody.safeParse(req.body);
    if (!body.success) return html(reply, 400, messagePage(frame(req, "审核群聊"), "无法保存", "请填写渠道、群聊 ID 和模式。"));
    await service.setReviewMode(body.data.channel, body.data.chatId, body.data.mode, staffOf(req));
    return chats(req, reply, `${body.data.chatId} 已${body.data.mode === "review" ? "开启" : "关闭"}审核模式。`);
  });

  // Loaded with the console only, so the bot's start-up does not pay for the rule drafting code.
  void app.register(async (scope) => {
    const { registerPolicyPages } = await import("./policyPages.js");
    registerPolicyPages(scope, { service, frame, staffName: (req) => staffOf(req).name, now, dirs: options.policyDirs });
  });

  app.setErrorHandler((error, _req, reply) => {
    const code = error instanceof z.ZodError ? 400 : ((error as { statusCode?: number }).statusCode ?? 500);
    if (code >= 500) process.stderr.write(`staff console: ${(error as Error).message}\n`);
    return reply.code(code).type("text/plain; charset=utf-8").send(code >= 500 ? "500 服务器内部错误" : `${code} 请求无效`);
  });

  return app;
}

/** Start the console on host:port (default 127.0.0.1:8787). */
export async function startStaffConsole(options: StaffConsoleOptions): Promise<StaffConsole> {
  const app = buildStaffConsole(options);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 8787 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return { app, url, close: () => app.close() };
}
