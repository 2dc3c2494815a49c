/**
 * 企业培育库 in the browser: the evaluator opens the page from the menu, sees the demo's tiers marked 示例 with the
 * counts against the targets (chart and table), filters the list to the enterprises that moved up and to one tier, and
 * a street's clerk sees only its street. Screenshots: e2e/output/cultivation-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NEW_PASSWORD, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('企业培育库, in the browser', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
  });
  afterAll(() => env?.stop());

  it('the evaluator reads the tiers against the targets and filters the movements', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInFirstTime(page, base, t.credentials, 'gxj.evaluator', NEW_PASSWORD);
    await page.getByTestId('app-menu').getByText('企业培育库').click();
    await page.waitForURL((u) => u.pathname === '/cultivation');
    await page.getByTestId('cultivation-illustrative').waitFor();
    expect(await page.getByTestId('cultivation-illustrative').textContent()).toBe('示例');
    expect(await page.getByTestId('cultivation-note').textContent()).toContain('1231511');
    await page.getByTestId('cultivation-chart').locator('canvas').first().waitFor();
    const summary = (await (await page.request.get(`${base}/api/cultivation/summary`)).json()) as {
      tiers: { id: string; name: string; count: number; target: number }[];
      movements: Record<string, number>;
    };
    const tiersTable = page.getByTestId('cultivation-tiers');
    for (const x of summary.tiers) await tiersTable.getByText(x.name).waitFor();
    const list = page.getByTestId('cultivation-list');
    await list.locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `${SHOTS}cultivation-1-page.png`, fullPage: true });

    // only the enterprises that moved up
    await page.getByTestId('cultivation-movement-up').click();
    await page.waitForURL((u) => u.searchParams.get('movement') === 'up');
    await list.locator('tbody tr').filter({ hasText: '升档' }).first().waitFor();
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(summary.movements.up);

    // one tier, from its name in the tiers table
    const growth = summary.tiers.find((x) => x.id === 'growth')!;
    await page.getByTestId('cultivation-movement-up').click(); // off again
    await tiersTable.getByText(growth.name).click();
    await page.waitForURL((u) => u.searchParams.get('tier') === 'growth');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(Math.min(growth.count, 20));
    await page.screenshot({ path: `${SHOTS}cultivation-2-tier.png`, fullPage: true });

    // the editor: a bad rule is refused on its field and nothing is stored; a good target is saved
    const before = await (await page.request.get(`${base}/api/cultivation/tiers`)).json();
    await page.getByTestId('cultivation-edit').click();
    const editor = page.getByTestId('cultivation-editor');
    const rule = editor.locator('textarea[id="tiers_0_rule"]');
    await rule.fill('revenu >= 1');
    await editor
      .getByRole('button', { name: '保 存' })
      .or(editor.getByRole('button', { name: '保存' }))
      .click();
    await editor.getByText("准入条件第 1 个字符处：未知字段 'revenu'").first().waitFor();
    await page.screenshot({ path: `${SHOTS}cultivation-3-editor-error.png` });
    expect(await (await page.request.get(`${base}/api/cultivation/tiers`)).json()).toEqual(before);
    await rule.fill('revenue >= 70000');
    await editor.locator('input[id="tiers_0_targets_0_count"]').fill('2');
    await editor
      .getByRole('button', { name: '保 存' })
      .or(editor.getByRole('button', { name: '保存' }))
      .click();
    await editor.waitFor({ state: 'detached' });
    const after = await (await page.request.get(`${base}/api/cultivation/tiers`)).json();
    expect(after.tiers[0].targets[0].count).toBe(2);
    expect(after.tiers[0].rule).toBe('revenue >= 70000');

    // the dashboard panel
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('panel-cultivation').locator('canvas').first().waitFor();
    expect(await page.getByTestId('panel-cultivation').textContent()).toContain('示例');
    await page.close();
  });

  it("a street's clerk sees its street only", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInFirstTime(page, base, t.credentials, 'baiyuan.clerk', NEW_PASSWORD);
    await page.goto(`${base}/cultivation`);
    const list = page.getByTestId('cultivation-list');
    await page.getByTestId('cultivation-chart').locator('canvas').first().waitFor();
    await list.locator('tbody tr').first().waitFor();
    const towns = await list.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(towns.every((x) => x === '白源街道')).toBe(true);
    await page.screenshot({ path: `${SHOTS}cultivation-4-street.png`, fullPage: true });
    await page.close();
  });
});
