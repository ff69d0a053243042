/**
 * Pages of the staff console, server-rendered. No scripts: every action is a form POST carrying the
 * session's CSRF token, so the console works on any phone browser and under a strict CSP.
 */
import type { Award } from "../../bot/answer.js";
import { formatFen } from "../../rules/money.js";
import { missingLabels } from "../../bot/composeAnswer.js";
import { FACTS } from "../../rules/facts.js";
import type { AuditEntry, Draft, DraftFilter, OutboxItem, ReviewMode } from "../../bot/review/draftStore.js";
import { DRAFT_STATES } from "../../bot/review/draftStore.js";
import { draftStateLabel, formatReviewTime } from "../../bot/review/reviewService.js";
import { html, highlight, type SafeHtml } from "./html.js";
import { channelLabel } from "./draftNotice.js";

export interface PageFrame {
  title: string;
  /** Logged-in staff name; absent on the login page. */
  staff?: string;
  csrf: string;
  active?: "pending" | "history" | "chats" | "policies";
}

export type Stats = { counts: Record<Draft["state"], number>; medianApprovalMs: number | null };

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** The page shell: UTF-8, phone viewport, nav, logout form. */
export function layout(frame: PageFrame, body: SafeHtml): string {
  const nav = (key: PageFrame["active"], href: string, label: string) =>
    html`<a href="${href}" class="${frame.active === key ? "on" : ""}">${label}</a>`;
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · 惠商政策答复审核</title>
<link rel="stylesheet" href="/console.css"></head>
<body>
<header class="top"><a class="brand" href="/pending">惠商政策答复审核</a>
${frame.staff ? html`<nav>${nav("pending", "/pending", "待审核")}${nav("history", "/history", "历史记录")}${nav("chats", "/chats", "审核群聊")}${nav("policies", "/policies", "政策")}</nav>
<div class="who">审核人：<b>${frame.staff}</b><form method="post" action="/logout">${csrfField(frame.csrf)}<button type="submit">退出</button></form></div>` : null}
</header>
<main>${body}</main>
</body></html>`.value;
}

/** Login form: name + token for a shared token, token only when tokens are mapped to names. */
export function loginPage(csrf: string, options: { askName: boolean; error?: string }): string {
  return layout({ title: "登录", csrf }, html`<form class="login" method="post" action="/login">
<h1>审核人员登录</h1>
${options.error ? html`<div class="flash err">${options.error}</div>` : null}
${csrfField(csrf)}
${options.askName ? html`<label>姓名（记入审核记录）<input type="text" name="name" maxlength="32" required autocomplete="username"></label>` : null}
<label>登录口令<input type="password" name="token" required autocomplete="current-password"></label>
<button class="primary" type="submit">登录</button>
</form>`);
}

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const min = Math.round(ms / 60_000);
  if (min < 1) return `${Math.max(1, Math.round(ms / 1000))} 秒`;
  if (min < 120) return `${min} 分钟`;
  return `${(min / 60).toFixed(1)} 小时`;
}

/** Drafts by state and the median time to approval. */
export function statsStrip(stats: Stats): SafeHtml {
  return html`<div class="stats">
${DRAFT_STATES.map((s) => html`<div class="stat"><b>${stats.counts[s]}</b><span>${draftStateLabel(s)}</span></div>`)}
<div class="stat"><b>${formatDuration(stats.medianApprovalMs)}</b><span>审核用时中位数</span></div>
</div>`;
}

function eligibility(a: Award): SafeHtml {
  if (a.eligible === true) return html`<span class="badge b-yes">符合</span>`;
  if (a.eligible === false) return html`<span class="badge b-no">不符合</span>`;
  return html`<span class="badge b-unk">待补充信息</span>`;
}

/** An award as the engine decided it. Only an eligible award shows an amount; an undecided one shows what it waits for. */
function awardBlock(a: Award, waitingFor: string): SafeHtml {
  return html`<div class="award">
<div><span class="t">${a.title}</span> ${eligibility(a)}${a.inForce === false ? html` <span class="badge b-no">不在有效期</span>` : null}</div>
<div class="clause">${a.clause}</div>
${a.eligible === true && a.amountFen !== null ? html`<div class="amt">${a.upTo ? "最高 " : ""}${formatFen(a.amountFen)}</div>` : null}
${a.eligible === null && waitingFor ? html`<div class="waiting">待补充：${waitingFor}</div>` : null}
${a.trace.length ? html`<ul>${a.trace.map((t) => html`<li>${t}</li>`)}</ul>` : null}
${a.conditions.length ? html`<ul class="cond">${a.conditions.map((c) => html`<li>需满足：${c}</li>`)}</ul>` : null}
</div>`;
}

function stateBadge(d: Draft): SafeHtml {
  return html`<span class="badge s-${d.state}">${draftStateLabel(d.state)}</span>`;
}

function asker(d: Draft): string {
  return d.userName ? `${d.userName}（${d.userId}）` : d.userId;
}

/** The three columns staff compare: question and draft · engine result with trace · cited clauses. */
function draftColumns(d: Draft, textHtml?: SafeHtml): SafeHtml {
  // A stored draft may name a fact the vocabulary no longer has: shown as stored rather than failing the page.
  const waitingFor = d.answer.missing.map((m) => (m === "region" || m in FACTS ? missingLabels([m]) : m)).join("、");
  return html`<div class="cols">
<section><h2>提问</h2><p class="question">${d.question}</p>
<h2>${d.finalText && d.finalText !== d.draftText ? "发送文本（已修改）" : "草稿"}</h2><pre class="draft">${textHtml ?? d.finalText ?? d.draftText}</pre></section>
<section><h2>引擎计算与依据</h2>${d.answer.awards.length ? d.answer.awards.map((a) => awardBlock(a, waitingFor)) : html`<p class="muted">本问题没有计算金额。</p>`}
${waitingFor ? html`<p class="muted">尚缺信息：${waitingFor}</p>` : null}</section>
<section><h2>引用条款</h2>${d.answer.citations.length ? d.answer.citations.map((c) => html`<blockquote><div class="clause">${c.clause}</div>${c.quote}</blockquote>`) : html`<p class="muted">无引用。</p>`}</section>
</div>`;
}

function draftHead(d: Draft): SafeHtml {
  return html`<div class="head"><a class="id" href="/drafts/${d.id}">草稿 #${d.id}</a> ${stateBadge(d)}
<span class="meta">${channelLabel(d.channel)} · ${d.chatId} · 提问人 ${asker(d)} · ${formatReviewTime(d.createdAt)}</span>
${d.decidedBy ? html`<span class="meta">由 ${d.decidedBy} 于 ${formatReviewTime(d.decidedAt ?? 0)} ${d.state === "rejected" ? "驳回" : "通过"}</span>` : null}</div>`;
}

export interface EditState {
  text: string;
  ungrounded: string[];
}

/** Approve / edit / reject forms of a pending draft. With `edit`, the edit form is open with the guard's findings. */
function actionForms(d: Draft, csrf: string, edit?: EditState): SafeHtml {
  return html`<div class="actions">
<form method="post" action="/drafts/${d.id}/approve">${csrfField(csrf)}<button class="approve" type="submit">通过并发送</button></form>
<details ${edit ? html`open` : null}><summary class="btn">修改后发送</summary>
<form method="post" action="/drafts/${d.id}/approve">${csrfField(csrf)}
<textarea name="text" required maxlength="4000" aria-label="修改后的文本">${edit?.text ?? d.draftText}</textarea>
${edit?.ungrounded.length ? html`<div class="flash err">以下数字没有依据，或被写成提问人可得的金额却不是符合条件的奖励金额：${edit.ungrounded.map((n) => html`<mark>${n}</mark> `)}
<pre class="draft">${highlight(edit.text, edit.ungrounded)}</pre>
<label class="inline"><input type="checkbox" name="override" value="1" required> 我已逐一核对上述数字，确认无误，坚持发送（将以我的名义记入审计日志）</label></div>` : html`<p class="muted">修改稿会经过与模型文本相同的数字核对：没有依据的数字需要确认。</p>`}
<button class="primary" type="submit">保存修改并发送</button></form></details>
<details><summary class="btn reject">驳回</summary>
<form method="post" action="/drafts/${d.id}/reject">${csrfField(csrf)}
<label>驳回原因（仅内部记录）<input type="text" name="reason" maxlength="200"></label>
<label class="inline"><input type="checkbox" name="notify" value="1"> 通知提问人</label>
<textarea name="notifyText" maxlength="1000" aria-label="给提问人的通知">您好，您的问题需要工作人员进一步核实，稍后会另行答复。</textarea>
<button class="reject" type="submit">确认驳回</button></form></details>
</div>`;
}

/** One draft as a card; pending drafts carry the action forms. */
export function draftCard(d: Draft, csrf: string, edit?: EditState): SafeHtml {
  return html`<article class="card" id="draft-${d.id}">${draftHead(d)}${draftColumns(d)}${d.state === "pending" ? actionForms(d, csrf, edit) : null}</article>`;
}

function attentionBlock(items: OutboxItem[], csrf: string): SafeHtml | null {
  if (items.length === 0) return null;
  return html`<div class="card"><div class="head"><span class="id">需要人工确认的发送</span>
<span class="meta">程序在发送途中中断（无法确认是否已发出），或多次发送失败。请先到群里查看，再选择。</span></div>
<table><thead><tr><th>草稿</th><th>群聊</th><th>状态</th><th>原因</th><th>操作</th></tr></thead><tbody>
${items.map((o) => html`<tr><td><a href="/drafts/${o.draftId}">#${o.draftId}</a>${o.kind === "rejection_notice" ? "（驳回通知）" : ""}</td>
<td>${channelLabel(o.channel)} · ${o.chatId}</td><td>${o.state === "uncertain" ? "是否已发出未知" : "发送失败"}</td><td>${o.lastError ?? "发送途中程序中断"}</td>
<td><form method="post" action="/outbox/${o.id}/resend">${csrfField(csrf)}<button type="submit">重新发送</button></form>
<form method="post" action="/outbox/${o.id}/confirm">${csrfField(csrf)}<button type="submit">群里已有，标记已送达</button></form></td></tr>`)}
</tbody></table></div>`;
}

/** Pending drafts, newest first, with counts and any deliveries that need a human. */
export function pendingPage(frame: PageFrame, data: { drafts: Draft[]; stats: Stats; attention: OutboxItem[]; flash?: { ok: boolean; text: string } }): string {
  return layout({ ...frame, active: "pending" }, html`<h1>待审核草稿</h1>
${data.flash ? html`<div class="flash ${data.flash.ok ? "ok" : "err"}" role="status">${data.flash.text}</div>` : null}
${statsStrip(data.stats)}
${attentionBlock(data.attention, frame.csrf)}
${data.drafts.length ? data.drafts.map((d) => draftCard(d, frame.csrf)) : html`<div class="empty">没有待审核的草稿。</div>`}`);
}

const AUDIT_LABEL: Record<string, string> = {
  draft_held: "生成草稿", approved: "通过", rejected: "驳回", edit_blocked: "修改稿数字未通过核对", delivered: "已送达",
  delivery_retry: "发送失败，稍后重试", delivery_failed: "发送失败", delivery_resumed: "重启后继续发送", delivery_uncertain: "发送中断，待人工确认",
  delivery_resend: "人工重新发送", delivery_confirmed: "人工确认已送达", review_mode: "审核模式",
};

/** One draft with its audit trail; `edit` re-opens the edit form after the guard stopped it. */
export function draftPage(frame: PageFrame, d: Draft, audit: AuditEntry[], outbox: OutboxItem[], notice?: { ok: boolean; text: string }, edit?: EditState): string {
  return layout({ ...frame, active: d.state === "pending" ? "pending" : "history" }, html`<h1>草稿 #${d.id}</h1>
${notice ? html`<div class="flash ${notice.ok ? "ok" : "err"}" role="status">${notice.text}</div>` : null}
${draftCard(d, frame.csrf, edit)}
<div class="card"><div class="head"><span class="id">审计记录</span></div>
<table class="audit"><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>详情</th></tr></thead><tbody>
${audit.map((a) => html`<tr><td>${formatReviewTime(a.at)}</td><td>${a.actor}</td><td>${AUDIT_LABEL[a.action] ?? a.action}</td><td class="text">${auditDetail(a)}</td></tr>`)}
</tbody></table>
${outbox.length ? html`<p class="muted pad">发送记录：${outbox.map((o) => `${o.kind === "reply" ? "答复" : "驳回通知"} ${o.state}（${o.attempts} 次尝试）`).join("；")}</p>` : null}
</div>`);
}

function auditDetail(a: AuditEntry): string {
  const d = a.detail;
  const parts: string[] = [];
  if (typeof d.via === "string") parts.push(`经由 ${d.via}`);
  if (d.edited) parts.push("已修改");
  if (d.override) parts.push(`确认覆盖数字核对：${(d.ungrounded as string[]).join("、")}`);
  if (a.action === "edit_blocked") parts.push(`无依据数字：${(d.ungrounded as string[]).join("、")}`);
  if (typeof d.reason === "string") parts.push(`原因：${d.reason}`);
  if (d.notified) parts.push("已通知提问人");
  if (typeof d.error === "string") parts.push(d.error);
  if (typeof d.mode === "string") parts.push(`${d.channel}:${d.chatId} → ${d.mode}`);
  return parts.join("；");
}

/** All drafts with filters by state, channel and text. */
export function historyPage(frame: PageFrame, data: { drafts: Draft[]; filter: DraftFilter; stats: Stats; channels: string[] }): string {
  const f = data.filter;
  return layout({ ...frame, active: "history" }, html`<h1>历史记录</h1>
${statsStrip(data.stats)}
<form class="filters" method="get" action="/history">
<label>状态<select name="state"><option value="">全部</option>${DRAFT_STATES.map((s) => html`<option value="${s}" ${f.state === s ? html`selected` : null}>${draftStateLabel(s)}</option>`)}</select></label>
<label>渠道<select name="channel"><option value="">全部</option>${data.channels.map((c) => html`<option value="${c}" ${f.channel === c ? html`selected` : null}>${channelLabel(c)}</option>`)}</select></label>
<label>包含文字<input type="text" name="q" value="${f.text ?? ""}" maxlength="100"></label>
<button type="submit">筛选</button></form>
${data.drafts.length ? html`<table><thead><tr><th>#</th><th>状态</th><th>时间</th><th>群聊 / 提问人</th><th>提问</th><th>发送文本</th><th>审核人</th></tr></thead><tbody>
${data.drafts.map((d) => html`<tr><td><a href="/drafts/${d.id}">${d.id}</a></td><td>${stateBadge(d)}</td><td>${formatReviewTime(d.createdAt)}</td>
<td>${channelLabel(d.channel)} · ${d.chatId}<br><span class="muted">${asker(d)}</span></td><td class="text">${d.question}</td>
<td class="text">${(d.finalText ?? d.draftText).slice(0, 120)}</td><td>${d.decidedBy ?? ""}</td></tr>`)}
</tbody></table>` : html`<div class="empty">没有符合条件的记录。</div>`}`);
}

/** Chats and their review mode, with a switch per chat and a form for a chat not seen yet. */
export function chatsPage(frame: PageFrame, chats: { channel: string; chatId: string; name?: string; mode: ReviewMode; source: "staff" | "config"; drafts: number }[], notice?: string): string {
  const toggle = (c: { channel: string; chatId: string; mode: ReviewMode }) => html`<form method="post" action="/chats/mode">${csrfField(frame.csrf)}
<input type="hidden" name="channel" value="${c.channel}"><input type="hidden" name="chatId" value="${c.chatId}">
<input type="hidden" name="mode" value="${c.mode === "review" ? "off" : "review"}"><button type="submit">${c.mode === "review" ? "关闭审核" : "开启审核"}</button></form>`;
  return layout({ ...frame, active: "chats" }, html`<h1>审核群聊</h1>
${notice ? html`<div class="flash ok" role="status">${notice}</div>` : null}
<p class="muted">处于审核模式的群聊，机器人的答复先成为草稿，经审核人员通过后才发出。下表列出机器人见过的群聊，点“开启审核”即可。</p>
<table><thead><tr><th>渠道</th><th>群聊</th><th>模式</th><th>来源</th><th>草稿数</th><th>操作</th></tr></thead><tbody>
${chats.map((c) => html`<tr><td>${channelLabel(c.channel)}</td><td>${c.name ? html`${c.name}<br><span class="muted">${c.chatId}</span>` : c.chatId}</td><td>${c.mode === "review" ? "审核" : "直接答复"}</td><td>${c.source === "staff" ? "审核人员设置" : "配置文件"}</td><td>${c.drafts}</td><td>${toggle(c)}</td></tr>`)}
</tbody></table>
<h2 class="spaced">设置其他群聊</h2>
<form class="filters" method="post" action="/chats/mode">${csrfField(frame.csrf)}
<label>渠道<select name="channel"><option value="wechat">微信</option><option value="wecom">企业微信</option><option value="telegram">Telegram</option></select></label>
<label>群聊 ID<input type="text" name="chatId" required maxlength="200"></label>
<label>模式<select name="mode"><option value="review">审核</option><option value="off">直接答复</option></select></label>
<button type="submit">保存</button></form>`);
}

/** A short page for an outcome that is not a redirect (already decided, not found, refused). */
export function messagePage(frame: PageFrame, heading: string, text: string): string {
  return layout(frame, html`<h1>${heading}</h1><div class="flash err" role="alert">${text}</div><p><a class="btn" href="/pending">返回待审核</a></p>`);
}
