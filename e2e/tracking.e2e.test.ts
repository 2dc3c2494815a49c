/**
 * One key task across three accounts, in the browser: 督查室 submits it for review, the lead leader approves it (交办),
 * the lead unit's clerk signs, reports progress and asks to close it, 督查室 agrees (已办结). Screenshots: e2e/output/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Agent, NEW_PASSWORD, signIn as apiSignIn, type TestApp } from '../test/harness.js';
import { taskBody } from '../test/factories.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('a key task in the browser, across three accounts', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  let taskId = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
    // the draft is made through the API (the form has its own test below); the workflow runs in the browser
    const sup: Agent = await apiSignIn(t, 'duchashi');
    const today = new Date();
    const deadline = `${today.getFullYear() + 1}-06-30`;
    const created = await sup.post('/api/tasks', await taskBody(t, { deadline, milestones: [] }));
    taskId = created.json().id;
  });
  afterAll(() => env?.stop());

  async function act(page: Page, action: string, comment?: string) {
    await page.getByTestId(`action-${action}`).click();
    if (comment !== undefined) {
      await page.getByTestId('action-modal-comment').fill(comment);
      await page.getByTestId('action-modal-ok').click();
    }
  }
  const status = (page: Page) => page.getByTestId('task-status').innerText();

  it('督查室 submits the task for the lead leader’s review', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('duchashi');
    await page.getByTestId('login-password').fill(t.credentials.get('duchashi')!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-menu').waitFor();
    await page.goto(`${base}/tasks`);
    await page.getByTestId('ledger-table').getByText('出台促进消费的若干举措').waitFor();
    await page.screenshot({ path: `${SHOTS}tracking-1-ledger.png`, fullPage: true });
    await page.goto(`${base}/tasks/${taskId}`);
    await page.getByTestId('task-title').waitFor();
    await act(page, 'submit_review');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('待领导审核'));
    await page.screenshot({ path: `${SHOTS}tracking-2-submitted.png`, fullPage: true });
    await page.close();
  });

  it('the lead leader approves and assigns it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await signInFirstTime(page, base, t.credentials, 'leader.industry', NEW_PASSWORD);
    await page.getByTestId('workbench-toReview').getByText('出台促进消费的若干举措').click();
    await page.getByTestId('task-title').waitFor();
    await act(page, 'approve_review');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('已交办'));
    await page.screenshot({ path: `${SHOTS}tracking-3-approved.png`, fullPage: true });
    await page.close();
  });

  it('the lead unit’s clerk signs, reports progress and asks to close it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await signInFirstTime(page, base, t.credentials, 'swj.clerk', NEW_PASSWORD);
    await page.getByTestId('workbench-toSign').getByText('出台促进消费的若干举措').click();
    await page.getByTestId('task-title').waitFor();
    await act(page, 'sign');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('办理中'));
    await page.getByTestId('report-open').click();
    await page.getByTestId('report-text').fill('已完成若干举措初稿，正在征求发改、财政等部门意见。');
    await page.getByTestId('report-percent').locator('input').fill('60');
    await page.screenshot({ path: `${SHOTS}tracking-4-report-form.png`, fullPage: true });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('timeline').getByText('已完成若干举措初稿').first().waitFor();
    await act(page, 'request_completion', '《安源区促进消费的若干举措》已于本月印发实施。');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('申请办结'));
    await page.screenshot({ path: `${SHOTS}tracking-5-completion-requested.png`, fullPage: true });
    await page.close();
  });

  it('督查室 agrees and the task is closed, with the whole story on its timeline', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('duchashi');
    await page.getByTestId('login-password').fill(t.credentials.get('duchashi')!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workbench-toReview').getByText('出台促进消费的若干举措').click();
    await page.getByTestId('task-title').waitFor();
    await act(page, 'approve_completion');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-status"]')?.textContent?.includes('已办结'));
    expect(await status(page)).toContain('已办结');
    const timeline = await page.getByTestId('timeline').innerText();
    for (const who of ['督查室专员', '副区长（分管工业）', '商务局联络员']) expect(timeline).toContain(who);
    await page.screenshot({ path: `${SHOTS}tracking-6-closed.png`, fullPage: true });
    await page.close();
  });
});
