/**
 * The 政策 page of the staff console: policies, their confirmed rules and their drafted rules. Staff
 * confirm, edit or reject each drafted rule with its quote beside it; every decision is written to the
 * audit log under the staff member's name. Only confirmed rules answer users (rules/draft/decideDraft.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { AuditEntry } from "../../bot/review/draftStore.js";
import type { ReviewService } from "../../bot/review/reviewService.js";
import { formatReviewTime } from "../../bot/review/reviewService.js";
import { loadPolicyMeta } from "../../knowledge/policyMeta.js";
import { readDraftFile, type DraftEntry } from "../../rules/draft/draftFile.js";
import { decideDraftRule, DEFAULT_DRAFT_DIRS, ruleYaml, type Decision, type DraftDirs } from "../../rules/draft/decideDraft.js";
import { describeAmount } from "../../rules/draft/describeAmount.js";
import { readRuleFiles } from "../../rules/ruleFiles.js";
import { parsePolicyRuleFile, type Rule } from "../../rules/ruleSchema.js";
import { layout, type PageFrame } from "./consoleViews.js";
import { html } from "./html.js";

export interface PolicyPagesOptions {
  service: ReviewService;
  frame: (req: FastifyRequest, title: string) => PageFrame;
  staffName: (req: FastifyRequest) => string;
  now: () => number;
  /** Where rules, drafts and policy metadata live (default: the repository's folders). */
  dirs?: DraftDirs & { policyDir?: string };
}

const POLICY_DIR = fileURLToPath(new URL("../../knowledge/policies/", import.meta.url));
const Params = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), rule: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional() });
const ACTION_LABEL: Record<string, string> = { policy_rule_confirmed: "确认规则", policy_rule_edited: "修改并确认规则", policy_rule_rejected: "驳回规则" };

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

function ruleBlock(rule: Rule): ReturnType<typeof html> {
  return html`<div class="award"><div class="t">${rule.title} <span class="clause">${rule.clause} · ${rule.id}</span></div>
<div class="amt">${rule.upTo ? "最高 " : ""}${describeAmount(rule.amount)}</div>
${rule.conditions?.length ? html`<ul>${rule.conditions.map((c) => html`<li class="cond">${c}</li>`)}</ul>` : null}</div>`;
}

function draftCard(policy: string, e: DraftEntry, csrf: string): ReturnType<typeof html> {
  const base = `/policies/${policy}/rules/${e.rule.id}`;
  const badge = e.status === "待确认" ? "b-unk" : e.status === "已确认" ? "b-yes" : "b-no";
  return html`<article class="card" id="rule-${e.rule.id}"><div class="head"><span class="id">${e.rule.title}</span>
<span class="badge ${badge}">${e.status}</span><span class="meta">${e.shape}${e.by ? html` · ${e.by}` : null}</span></div>
<div class="cols"><section><h2>原文</h2><blockquote><div class="clause">${e.rule.clause}</div>${e.rule.quote}</blockquote></section>
<section><h2>起草的规则</h2>${ruleBlock(e.rule)}</section>
<section><h2>操作</h2>${e.status === "待确认" ? html`
<form method="post" action="${base}/confirm">${csrfField(csrf)}<button class="primary" type="submit">确认</button></form>
<details><summary class="btn">修改后确认</summary><form method="post" action="${base}/edit">${csrfField(csrf)}
<label>规则（YAML）<textarea name="yaml" rows="14">${ruleYaml(e.rule)}</textarea></label>
<button class="primary" type="submit">保存修改并确认</button></form></details>
<form method="post" action="${base}/reject">${csrfField(csrf)}<button class="reject" type="submit">驳回</button></form>` : html`<p class="muted">${e.status}${e.at ? html`（${e.at.slice(0, 16).replace("T", " ")}）` : null}</p>`}</section></div></article>`;
}

function auditTable(entries: AuditEntry[]): ReturnType<typeof html> {
  return html`<div class="card"><div class="head"><span class="id">审计记录</span></div>
<table class="audit"><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>规则</th></tr></thead><tbody>
${entries.map((a) => html`<tr><td>${formatReviewTime(a.at)}</td><td>${a.actor}</td><td>${ACTION_LABEL[a.action] ?? a.action}</td><td>${String(a.detail.rule ?? "")} ${String(a.detail.clause ?? "")}</td></tr>`)}
</tbody></table></div>`;
}

/** Registers GET /policies, GET /policies/:id and the decision POSTs on the console app. */
export function registerPolicyPages(app: FastifyInstance, options: PolicyPagesOptions): void {
  const dirs = { ...DEFAULT_DRAFT_DIRS, ...options.dirs };
  const policyDir = options.dirs?.policyDir ?? POLICY_DIR;
  const send = (reply: FastifyReply, code: number, body: string) => reply.code(code).type("text/html; charset=utf-8").send(body);
  const confirmed = (id: string): Rule[] => {
    const entry = readRuleFiles(dirs.rulesDir).find((e) => (e.data as { policy?: string } | null)?.policy === id);
    return entry ? parsePolicyRuleFile(entry.data, entry.source).rules : [];
  };
  const auditOf = async (id: string) => (await options.service.store.audit()).filter((a) => a.action.startsWith("policy_rule_") && a.detail.policy === id);

  app.get("/policies", async (req, reply) => {
    const frame = { ...options.frame(req, "政策"), active: "policies" as const };
    const rows = loadPolicyMeta(policyDir).map((m) => {
      const draft = readDraftFile(m.id, dirs.draftsDir);
      const count = (s: string) => draft?.rules.filter((r) => r.status === s).length ?? 0;
      return html`<tr><td><a href="/policies/${m.id}">${m.title}</a></td><td>${m.issuer}</td><td>${m.status === "draft" ? "征求意见稿" : "正式"}</td>
<td>${confirmed(m.id).length}</td><td>${count("待确认")}</td><td>${count("已驳回")}</td></tr>`;
    });
    return send(reply, 200, layout(frame, html`<h1>政策</h1><table class="list"><thead><tr><th>政策</th><th>发文机关</th><th>状态</th><th>已生效规则</th><th>待确认</th><th>已驳回</th></tr></thead>
<tbody>${rows}</tbody></table>`));
  });

  async function policyPage(req: FastifyRequest, reply: FastifyReply, id: string, notice?: { ok: boolean; text: string }, code = 200) {
    const meta = loadPolicyMeta(policyDir).find((m) => m.id === id);
    const frame = { ...options.frame(req, "政策"), active: "policies" as const };
    if (!meta) return send(reply, 404, layout(frame, html`<h1>未找到</h1><p>没有政策 ${id}。</p>`));
    const draft = readDraftFile(id, dirs.draftsDir);
    const live = confirmed(id);
    return send(reply, code, layout(frame, html`<h1>${meta.title}</h1>
${notice ? html`<div class="flash ${notice.ok ? "ok" : "err"}" role="status">${notice.text}</div>` : null}
<p class="muted">${meta.issuer}${meta.docNumber ? html` ${meta.docNumber}` : null} · 只有已确认的规则回答用户；待确认的条款只引用原文并说明金额正在核对。</p>
<h2>起草的规则（${draft ? draft.source : "尚未起草：npm run policy:draft -- FILE --id " + id}）</h2>
${draft?.rules.map((e) => draftCard(id, e, frame.csrf)) ?? null}
${draft?.undrafted.length ? html`<div class="card"><div class="head"><span class="id">未能起草</span></div>${draft.undrafted.map((u) => html`<blockquote><div class="clause">${u.clause} · ${u.reason}</div>${u.quote}</blockquote>`)}</div>` : null}
<h2>已生效的规则（${live.length}）</h2>
<div class="card" id="live">${live.length ? live.map(ruleBlock) : html`<p class="empty">还没有已确认的规则。</p>`}</div>
${auditTable(await auditOf(id))}`));
  }

  app.get("/policies/:id", async (req, reply) => policyPage(req, reply, Params.parse(req.params).id));

  const ACTIONS = { confirm: "policy_rule_confirmed", edit: "policy_rule_edited", reject: "policy_rule_rejected" } as const;
  for (const action of Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>) {
    app.post(`/policies/:id/rules/:rule/${action}`, async (req, reply) => {
      const { id, rule } = Params.parse(req.params);
      const decision: Decision = action === "edit" ? { action, yaml: z.object({ yaml: z.string().max(20_000) }).parse(req.body).yaml } : { action };
      const staff = options.staffName(req);
      const outcome = decideDraftRule(id, rule!, decision, staff, new Date(options.now()), dirs);
      if (!outcome.ok) return policyPage(req, reply, id, { ok: false, text: outcome.message }, 409);
      await options.service.store.appendAudit(staff, ACTIONS[action], undefined, { policy: id, rule: outcome.rule.id, clause: outcome.rule.clause }, options.now());
      const done = { confirm: "已确认", edit: "已修改并确认", reject: "已驳回" }[action];
      return policyPage(req, reply, id, { ok: true, text: `规则 ${outcome.rule.id} ${done}。` });
    });
  }
}
