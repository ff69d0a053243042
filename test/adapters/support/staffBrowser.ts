/**
 * Debian's Chromium for the staff-console browser tests, and logging in through the console's own form.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** Skip only when the browser is absent outside CI; in CI a missing browser fails the test. */
export const skipWithoutChromium = !existsSync(CHROMIUM) && !process.env.CI;

/** Headless Chromium with nothing that reaches beyond loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

/** Log in as `name` with `token` and wait for the pending-drafts page. */
export async function logIn(page: Page, url: string, name: string, token: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("登录口令").fill(token);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/pending$/);
}
