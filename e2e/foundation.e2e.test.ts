/**
 * As a new user would: open Luoshi, sign in with a demo account, change the forced password, see the shell and the
 * organisation tree; the auditor sees the audit log; the language switch works. Screenshots go to e2e/output/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NEW_PASSWORD, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime as signIn, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('foundation in the browser', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
  });
  afterAll(() => env?.stop());

  const signInFirstTime = (page: Page, username: string, shot: string) =>
    signIn(page, base, t.credentials, username, NEW_PASSWORD, shot);

  it('a unit clerk signs in, changes the forced password and sees the shell and the unit tree', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await signInFirstTime(page, 'swj.clerk', 'clerk');
    await expect(page.getByTestId('app-menu').innerText()).resolves.toContain('组织机构');
    // a clerk has no account management and no audit log in the menu
    const menu = await page.getByTestId('app-menu').innerText();
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('账号管理');
    await page.screenshot({ path: `${SHOTS}clerk-3-home.png` });
    await page.goto(`${base}/org/units`);
    await page.getByTestId('unit-tree').waitFor();
    await page.getByText('区商务局').first().waitFor();
    const tree = await page.getByTestId('unit-tree').innerText();
    expect(tree).toContain('区工业和信息化局');
    expect(tree).toContain('区商务局');
    await page.screenshot({ path: `${SHOTS}clerk-4-units.png`, fullPage: true });
    await page.close();
  });

  it('the auditor sees the audit log and nothing of the organisation', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await signInFirstTime(page, 'auditor', 'auditor');
    const menu = await page.getByTestId('app-menu').innerText();
    expect(menu).toContain('审计日志');
    expect(menu).not.toContain('组织机构');
    await page.goto(`${base}/audit`);
    // the auditor's own password change is the newest event
    await page.getByText('修改密码').first().waitFor();
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('安全审计员');
    await page.screenshot({ path: `${SHOTS}auditor-3-audit.png`, fullPage: true });
    await page.close();
  });

  it('switches the interface to English', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(t.credentials.get('admin')!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('pwd-new').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => /password/i.test(document.body.innerText));
    await page.screenshot({ path: `${SHOTS}admin-english.png` });
    expect(await page.locator('body').innerText()).toMatch(/password/i);
    await page.close();
  });
});
