/**
 * Login throttling in the staff console (real Fastify app through its login form, a controlled clock):
 * growing delays per staff name and overall, never a lockout of everyone from one address.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildStaffConsole } from "../../../adapters/staff/console.js";
import { ReviewService } from "../../../bot/review/reviewService.js";
import { openDatabase } from "../../../bot/store/database.js";
import { sqliteStore } from "../../../bot/store/store.js";

const TOKEN = "s3cret-staff-token-2024";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(";")[0]!;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A console on a fresh database whose clock the test moves; `login` posts the real form (all from 127.0.0.1). */
function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "login-throttle-"));
  const db = openDatabase({ dataDir: dir });
  const service = new ReviewService({ store: sqliteStore(db), log: () => {} });
  let clock = 1_000_000;
  const app = buildStaffConsole({ service, tokens: { kind: "shared", token: TOKEN }, now: () => clock });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => db.close(), () => service.close(), () => app.close());
  const login = async (name: string, token: string) => {
    const page = await app.inject({ method: "GET", url: "/login" });
    const res = await app.inject({
      method: "POST", url: "/login", headers: { ...FORM, cookie: cookieOf(page.headers["set-cookie"]) },
      payload: new URLSearchParams({ _csrf: csrfOf(page.body), name, token }).toString(),
    });
    return { status: res.statusCode, retryAfter: res.headers["retry-after"] === undefined ? undefined : Number(res.headers["retry-after"]), body: res.body };
  };
  return { login, advance: (ms: number) => void (clock += ms), service };
}

describe("staff console login throttling", () => {
  it("slows down one name with doubling delays while other staff still log in at once", async () => {
    const { login, advance } = setup();
    for (let i = 0; i < 3; i++) expect((await login("张三", "wrong-token-0000")).status).toBe(401); // free failures
    expect((await login("张三", "wrong-token-0000")).status).toBe(401);
    const throttled = await login("张三", TOKEN); // even the right token waits: guesses are not compared
    expect(throttled).toMatchObject({ status: 429, retryAfter: 1 });
    expect(throttled.body).toContain("登录尝试过于频繁，请 1 秒后再试。");
    expect((await login("李四", TOKEN)).status).toBe(303); // same address, other staff: not locked out

    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const blocked = await login("张三", "wrong-token-0000");
      expect(blocked.status).toBe(429);
      waits.push(blocked.retryAfter!);
      advance(blocked.retryAfter! * 1000);
      expect((await login("张三", "wrong-token-0000")).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]); // growing, capped at a minute (never 10 minutes)

    advance(60_000);
    expect((await login("张三", TOKEN)).status).toBe(303);
    expect((await login("张三", "wrong-token-0000")).status).toBe(401); // a login clears the name's failures
    expect((await login("张三", "wrong-token-0000")).status).toBe(401);
  });

  it("slows down everyone a little after many failures under many names, for seconds, not minutes", async () => {
    const { login, advance, service } = setup();
    for (let i = 0; i < 20; i++) expect((await login(`猜测${i}`, "wrong-token-0000")).status).toBe(401);
    expect((await login("李四", TOKEN)).status).toBe(303); // the 20 free failures overall are used up by now…
    expect((await login("猜测20", "wrong-token-0000")).status).toBe(401);
    const blocked = await login("李四", TOKEN); // … and the next failure makes everyone wait a second
    expect(blocked).toMatchObject({ status: 429, retryAfter: 1 });
    for (let i = 21; i < 40; i++) {
      const r = await login(`猜测${i}`, "wrong-token-0000");
      if (r.status === 429) advance(r.retryAfter! * 1000);
      expect(r.retryAfter ?? 0).toBeLessThanOrEqual(15);
    }
    advance(15_000);
    expect((await login("李四", TOKEN)).status).toBe(303);
    const failedLogins = (await service.store.audit()).filter((a) => a.action === "login_failed");
    expect(failedLogins.length).toBeGreaterThan(20);
    expect(failedLogins.some((a) => a.detail.name === "猜测0" && a.detail.ip === "127.0.0.1")).toBe(true); // audited with the name tried
  });
});
