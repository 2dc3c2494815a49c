/**
 * From a meeting report to the dashboard: 督查室 pastes the 安源 seed report, keeps three tasks, confirms; the dashboard,
 * scoped to that meeting's source, counts them, and the count opens the ledger with exactly those three. Screenshots: e2e/output/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NEW_PASSWORD, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

const SEED = readFileSync(new URL('../src/domain/meetings/fixtures/anyuan-seed-2022-02-11.txt', import.meta.url), 'utf8');
const KEEP = ['加快安源科创城建设', '力争在引进央企', '抓紧出台促进消费的若干举措'];

describe.skipIf(!hasChromium)('meeting → dashboard → ledger, in the browser', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
  });
  afterAll(() => env?.stop());

  it('three tasks from a meeting are counted on the dashboard and open in the ledger', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInFirstTime(page, base, t.credentials, 'duchashi', NEW_PASSWORD);
    await page.goto(`${base}/meetings/new`);
    await page.getByTestId('meeting-text').fill(SEED);
    await page.getByTestId('meeting-year').fill('2022');
    await page.getByTestId('meeting-parse').click();
    await page.locator('[data-testid^="meeting-task-keep-"]').first().waitFor();

    // every drafted task: keep the three, drop the rest
    const rows = await page.$$eval('[data-testid^="meeting-task-title-"]', (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-testid')!.replace('meeting-task-title-', ''),
        text: (e as HTMLTextAreaElement).value,
      })),
    );
    const kept = rows.filter((r) => KEEP.some((k) => r.text.includes(k)));
    expect(kept.map((r) => r.text)).toHaveLength(3);
    for (const r of rows) {
      const id = `meeting-task-keep-${r.id}`;
      const box = page
        .locator(`input[type="checkbox"][data-testid="${id}"], [data-testid="${id}"] input[type="checkbox"]`)
        .first();
      const want = kept.includes(r);
      if ((await box.isChecked()) !== want) await box.click();
    }
    for (const r of kept) {
      const input = page
        .locator(`[data-testid="meeting-task-deadline-${r.id}"] input, input[data-testid="meeting-task-deadline-${r.id}"]`)
        .first();
      await input.click();
      await input.fill('2022-06-30');
      await input.press('Enter');
    }
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-1-review.png`, fullPage: true });
    await page.getByTestId('meeting-confirm').click();
    await page.getByTestId('meeting-result').waitFor();
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-2-confirmed.png`, fullPage: true });
    const href = await page.getByTestId('meeting-result').locator('a[href*="sourceId="]').first().getAttribute('href');
    const sourceId = new URL(href!, base).searchParams.get('sourceId')!;
    expect(sourceId).toBeTruthy();

    // the dashboard scoped to the meeting's source: three drafts
    await page.goto(`${base}/dashboard?sourceId=${sourceId}`);
    const drafts = page.getByTestId('dash-status-draft');
    await drafts.waitFor();
    expect(await drafts.innerText()).toBe('3');
    await page.getByTestId('chart-status').locator('canvas').first().waitFor();
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-3-dashboard.png`, fullPage: true });

    // the number opens the ledger with exactly those three
    await drafts.click();
    await page.waitForURL(
      (u) => u.pathname === '/tasks' && u.searchParams.get('sourceId') === sourceId && u.searchParams.get('status') === 'draft',
    );
    const table = page.getByTestId('ledger-table');
    for (const k of KEEP) await table.getByText(k).first().waitFor();
    const n = await table.locator('tbody tr.ant-table-row').count();
    expect(n).toBe(3);
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-4-ledger.png`, fullPage: true });

    // each directive's progress: 第三 has two of the kept tasks, 第四 one
    await page.goto(`${base}/dashboard`);
    const directivesPanel = page.getByTestId('panel-directive');
    await directivesPanel.getByText('第三').first().waitFor();
    const directiveRows = await directivesPanel.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(directiveRows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/第三.* 2 0/),
      expect.stringMatching(/第四.* 1 0/),
    ]);
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-5-directives.png`, fullPage: true });
    // 第三's count opens the ledger on exactly its two tasks
    await directivesPanel.locator('tbody tr.ant-table-row').first().locator('[data-testid^="dash-directive-total-"]').click();
    await page.waitForURL(/directiveId=/);
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByText('加快安源科创城建设').first().waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(2);

    // full screen wall
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('dashboard-fullscreen').click();
    await page.getByTestId('dashboard-wall').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SHOTS}meeting-dashboard-6-wall.png` });
    await page.close();
  });
});
