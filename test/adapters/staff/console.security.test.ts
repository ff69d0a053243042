import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStaffConsole, staffForToken, startStaffConsole, type StaffConsole } from "../../../adapters/staff/console.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase, type SqliteDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";
import { RecordingSender } from "../../bot/review/recordingSender.js";
import { SAMPLE_DRAFTS } from "../../bot/review/sampleDrafts.js";

const TOKEN = "s3cret-staff-token-2024";
let dir: string;
let db: SqliteDatabase;
let service: ReviewService;
let consoleServer: StaffConsole;
const sender = new RecordingSender("wechat");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "console-sec-"));
  db = openDatabase({ dataDir: dir });
  service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  service.registerSender(sender);
  consoleServer = await startStaffConsole({ service, tokens: { kind: "shared", token: TOKEN }, port: 0 });
});
afterAll(async () => {
  await consoleServer.close();
  await service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(";")[0]!;

/** Log in through the real login form; returns the session cookie and its CSRF token. */
async function login(name: string, token = TOKEN): Promise<{ status: number; cookie: string; csrf: string }> {
  const app = consoleServer.app;
  const page = await app.inject({ method: "GET", url: "/login" });
  const anon = cookieOf(page.headers["set-cookie"]);
  const res = await app.inject({ method: "POST", url: "/login", headers: { ...FORM, cookie: anon }, payload: form({ _csrf: csrfOf(page.body), name, token }) });
  if (res.statusCode !== 303) return { status: res.statusCode, cookie: anon, csrf: "" };
  const cookie = cookieOf(res.headers["set-cookie"]);
  const pending = await app.inject({ method: "GET", url: "/pending", headers: { cookie } });
  return { status: res.statusCode, cookie, csrf: csrfOf(pending.body) };
}

describe("staff console security", () => {
  it("refuses an approval without login (401) and changes nothing", async () => {
    const id = await service.holdDraft(SAMPLE_DRAFTS[0]!);
    const res = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/approve`, headers: FORM, payload: form({ _csrf: "x" }) });
    expect(res.statusCode).toBe(401);
    expect((await service.getDraft(id))!.state).toBe("pending");
    const page = await consoleServer.app.inject({ method: "GET", url: "/pending" });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/login");
  });

  it("refuses a wrong login token and names no staff member", async () => {
    const res = await login("张三", "wrong-token-wrong-token");
    expect(res.status).toBe(401);
    const page = await consoleServer.app.inject({ method: "GET", url: "/pending", headers: { cookie: res.cookie } });
    expect(page.statusCode).toBe(303);
    expect((await service.store.audit()).some((a) => a.action === "login_failed")).toBe(true);
  });

  it("sets an HttpOnly SameSite=Strict session cookie and a strict CSP", async () => {
    const page = await consoleServer.app.inject({ method: "GET", url: "/login" });
    expect(String(page.headers["set-cookie"])).toMatch(/HttpOnly/);
    expect(String(page.headers["set-cookie"])).toMatch(/SameSite=Strict/);
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("rejects a state-changing request with a missing or wrong CSRF token (403)", async () => {
    const { cookie, csrf } = await login("张三");
    const id = await service.holdDraft(SAMPLE_DRAFTS[1]!);
    const missing = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/approve`, headers: { ...FORM, cookie }, payload: "" });
    expect(missing.statusCode).toBe(403);
    const wrong = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/reject`, headers: { ...FORM, cookie }, payload: form({ _csrf: csrf.slice(1) + "A" }) });
    expect(wrong.statusCode).toBe(403);
    // Another session's token does not work either: the token is tied to its session.
    const other = await login("李四");
    const crossed = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/approve`, headers: { ...FORM, cookie }, payload: form({ _csrf: other.csrf }) });
    expect(crossed.statusCode).toBe(403);
    const foreign = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/approve`, headers: { ...FORM, cookie, origin: "http://evil.example" }, payload: form({ _csrf: csrf }) });
    expect(foreign.statusCode).toBe(403);
    expect((await service.getDraft(id))!.state).toBe("pending");
    const ok = await consoleServer.app.inject({ method: "POST", url: `/drafts/${id}/reject`, headers: { ...FORM, cookie }, payload: form({ _csrf: csrf }) });
    expect(ok.statusCode).toBe(303);
    expect(await service.getDraft(id)).toMatchObject({ state: "rejected", decidedBy: "张三" });
  });

  it("requires the login form's CSRF token too", async () => {
    const res = await consoleServer.app.inject({ method: "POST", url: "/login", headers: FORM, payload: form({ name: "张三", token: TOKEN }) });
    expect(res.statusCode).toBe(403);
  });

  it("sends exactly one reply when two staff approve the same draft in concurrent requests", async () => {
    const a = await login("张三");
    const b = await login("李四");
    const id = await service.holdDraft(SAMPLE_DRAFTS[2]!);
    const before = sender.sent.length;
    const post = (s: { cookie: string; csrf: string }) =>
      fetch(`${consoleServer.url}/drafts/${id}/approve`, { method: "POST", redirect: "manual", headers: { ...FORM, cookie: s.cookie }, body: form({ _csrf: s.csrf }) });
    const [r1, r2] = await Promise.all([post(a), post(b)]);
    expect([r1.status, r2.status].sort()).toEqual([303, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(await loser.text()).toMatch(/已由 (张三|李四) 于 .* 通过/);
    await service.deliverDue();
    expect(sender.sent.slice(before).map((s) => s.text)).toEqual([SAMPLE_DRAFTS[2]!.answer.text]);
  });

  it("escapes what askers wrote", async () => {
    const { cookie } = await login("张三");
    await service.holdDraft({ ...SAMPLE_DRAFTS[0]!, message: { ...SAMPLE_DRAFTS[0]!.message, text: "<script>alert(1)</script> 平阴", userName: "<b>x</b>" } });
    const page = await consoleServer.app.inject({ method: "GET", url: "/pending", headers: { cookie } });
    expect(page.body).not.toContain("<script>alert(1)");
    expect(page.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("takes the staff name from the token when tokens are mapped to names, comparing all of them", async () => {
    const tokens = { kind: "named" as const, tokens: [{ name: "张三", token: "token-of-zhang-san-1" }, { name: "李四", token: "token-of-li-si-22222" }] };
    expect(staffForToken(tokens, "token-of-li-si-22222")).toBe("李四");
    expect(staffForToken(tokens, "token-of-li-si-2222")).toBeNull();
    expect(staffForToken({ kind: "shared", token: TOKEN }, TOKEN)).toBe("");
    expect(buildStaffConsole({ service, tokens })).toBeDefined();
  });
});
