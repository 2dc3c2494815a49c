/** Headless Chromium for browser tests (Debian's package; playwright-core drives it). */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TestClock, startTestApp, type TestApp } from '../test/harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = fileURLToPath(new URL('./output/', import.meta.url));

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs a demo account in through the login page and makes the forced password change. */
export async function signInFirstTime(
  page: Page,
  base: string,
  credentials: Map<string, string>,
  username: string,
  newPassword: string,
  shot?: string,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(credentials.get(username)!);
  if (shot) await page.screenshot({ path: `${SHOTS}${shot}-1-login.png` });
  await page.getByTestId('login-submit').click();
  await page.getByTestId('pwd-new').waitFor();
  await page.getByTestId('pwd-current').fill(credentials.get(username)!);
  await page.getByTestId('pwd-new').fill(newPassword);
  await page.getByTestId('pwd-confirm').fill(newPassword);
  if (shot) await page.screenshot({ path: `${SHOTS}${shot}-2-change-password.png` });
  await page.getByTestId('pwd-submit').click();
  await page.getByTestId('app-menu').waitFor();
  credentials.set(username, newPassword);
}

export interface BrowserApp {
  t: TestApp;
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** A fresh Luoshi (demo district, real clock) serving the built web app on a free port, and a browser. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await startTestApp('pglite', { web: true, clock: TestClock.real() });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launch();
  return {
    t,
    base,
    browser,
    stop: async () => {
      await browser.close();
      await t.close();
    },
  };
}
