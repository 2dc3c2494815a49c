/**
 * 亩均评价 in the browser: the evaluator runs the latest year's evaluation again from the results page, reads the
 * ranking, the class distribution, the town aggregates and the comparison with the previous run, and opens a C-class
 * enterprise's 体检报告 (class, rank, radar, how to move up); the enterprise contact lands on its own report and no
 * other; a street's clerk sees its street's enterprises only and downloads their reports as one PDF. Screenshots:
 * e2e/output/mujun-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NEW_PASSWORD, type TestApp } from '../test/harness.js';
import { DEMO_ENTERPRISE_USCC } from '../src/demo/anyuan.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

/** Waits until every echarts canvas inside the test id has painted. */
async function chart(page: Page, testId: string) {
  await page.getByTestId(testId).locator('canvas').first().waitFor();
}

describe.skipIf(!hasChromium)('亩均评价, in the browser', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  /** a C-class enterprise the evaluator opened: not the demo contact's */
  let otherUscc = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
  });
  afterAll(() => env?.stop());

  it('the evaluator runs the evaluation and reads results and a report', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInFirstTime(page, base, t.credentials, 'gxj.evaluator', NEW_PASSWORD);

    // the menu group, the results page on the newest run of the newest year
    await page.getByTestId('app-menu').getByText('评价结果').click();
    await page.waitForURL((u) => u.pathname === '/mujun');
    const info = page.getByTestId('mujun-run-info');
    await info.waitFor();
    const runsBefore = (await (await page.request.get(`${base}/api/mujun/meta`)).json()) as { years: number[] };
    const year = runsBefore.years[0]!;

    // a new run of that year through the UI
    await page.getByTestId('mujun-run-create').click();
    await page.getByTestId('mujun-run-reason').fill('浏览器测试复核');
    await page.getByTestId('mujun-run-create-ok').click();
    await info.getByText('浏览器测试复核').waitFor();
    const runId = new URL(page.url()).searchParams.get('run')!;
    expect(runId).toBeTruthy();
    const runs = (await (await page.request.get(`${base}/api/mujun/runs?year=${year}`)).json()) as {
      id: string;
      version: number;
      schemeId: string;
    }[];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const created = runs.find((r) => r.id === runId)!;
    expect(created.version).toBe(Math.max(...runs.map((r) => r.version)));
    // the new version keeps the scheme of the one it follows
    expect(created.schemeId).toBe(runs.find((r) => r.version === created.version - 1)!.schemeId);

    // summary, distribution, ranking
    const n = Number(await page.getByTestId('mujun-summary-n').innerText());
    expect(n).toBeGreaterThan(10);
    await chart(page, 'mujun-distribution-chart');
    const ranking = page.getByTestId('mujun-ranking');
    await ranking.locator('tbody tr.ant-table-row').first().waitFor();
    expect(Number(await ranking.getAttribute('data-total'))).toBe(n);
    const firstClass = await ranking.locator('[data-testid^="mujun-class-"]').first().getAttribute('data-class');
    expect(firstClass).toBe('A');
    await page.waitForTimeout(1000); // the charts' entry animation
    await page.screenshot({ path: `${SHOTS}mujun-results.png`, fullPage: true });

    // filter to class C: every row shows a C tag
    await page.goto(`${base}/mujun?year=${year}&run=${runId}&class=C`);
    await ranking.locator('tbody tr.ant-table-row').first().waitFor();
    await page.waitForFunction(() => {
      const tags = [...document.querySelectorAll('[data-testid="mujun-ranking"] [data-testid^="mujun-class-"]')];
      return tags.length > 0 && tags.every((e) => e.getAttribute('data-class') === 'C');
    });
    const link = ranking.locator('a[data-testid^="mujun-ent-"]').first();
    const name = await link.innerText();
    await link.click();

    // the report: class, rank of n, radar, indicators, how to move up (to B), policies
    await page.waitForURL(/\/mujun\/runs\/[^/]+\/enterprises\//);
    otherUscc = page.url().split('/').pop()!;
    await page.getByTestId('mujun-report').waitFor();
    expect(await page.getByTestId('mujun-report-name').innerText()).toBe(name);
    expect(await page.getByTestId('mujun-report-class').getAttribute('data-class')).toBe('C');
    expect(await page.getByTestId('mujun-report-rank').innerText()).toMatch(/^第 \d+ \/ \d+ 名$/);
    await chart(page, 'mujun-radar');
    expect(await page.getByTestId('mujun-indicators').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    const uplift = page.getByTestId('mujun-uplift');
    await uplift.getByText('可升至 B 档').first().waitFor();
    expect(await uplift.locator('li[data-possible="1"]').count()).toBeGreaterThan(0);
    await page.getByTestId('mujun-policies').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}mujun-report.png`, fullPage: true });
    // printed: the app shell is hidden
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}mujun-report-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // per town, and the comparison with the previous version
    await page.goto(`${base}/mujun?year=${year}&run=${runId}&tab=towns`);
    await chart(page, 'mujun-agg-chart-town');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SHOTS}mujun-towns.png`, fullPage: true });
    await page.goto(`${base}/mujun?year=${year}&run=${runId}&tab=compare`);
    await page.getByTestId('mujun-compare-matrix').locator('tbody tr').first().waitFor();
    await page.screenshot({ path: `${SHOTS}mujun-compare.png`, fullPage: true });

    // the appeals list (the demo's street filed one)
    await page.goto(`${base}/mujun/appeals`);
    await page.getByTestId('mujun-appeals-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.screenshot({ path: `${SHOTS}mujun-appeals.png`, fullPage: true });
    await page.close();
  });

  it('the town clerk sees only its town and downloads the town’s reports as one PDF', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await signInFirstTime(page, base, t.credentials, 'baiyuan.clerk', NEW_PASSWORD);
    const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { user: { unitName: string } };
    const town = me.user.unitName;
    expect(town).toBeTruthy();

    await page.getByTestId('app-menu').getByText('评价结果').click();
    await page.waitForURL((u) => u.pathname === '/mujun');
    const ranking = page.getByTestId('mujun-ranking');
    await ranking.locator('tbody tr.ant-table-row').first().waitFor();
    // the summary counts the town's enterprises, not the district's
    await page.locator('[data-testid="mujun-summary-n"][data-scoped="1"]').waitFor();
    const runId = new URL(
      `${base}${await ranking.locator('a[data-testid^="mujun-ent-"]').first().getAttribute('href')}`,
    ).pathname.split('/')[3]!;
    const all = (await (await page.request.get(`${base}/api/mujun/runs/${runId}/results?pageSize=100`)).json()) as {
      items: { town: string }[];
      total: number;
    };
    expect(all.total).toBeGreaterThan(0);
    expect(new Set(all.items.map((i) => i.town))).toEqual(new Set([town]));
    expect(Number(await ranking.getAttribute('data-total'))).toBe(all.total);

    // by town: its own town only, with the reports up front
    await page.getByRole('tab', { name: '按乡镇街道' }).click();
    const panel = page.getByTestId('mujun-agg-town');
    await panel.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await panel.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('mujun-own-town').innerText()).toContain(town);
    const [res, file] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/mujun/runs/${runId}/reports.pdf`)),
      page.waitForEvent('download'),
      page.getByTestId('mujun-own-town-pdf').click(),
    ]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    expect(file.suggestedFilename()).toContain(town);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}mujun-town-clerk.png`, fullPage: true });
    await ctx.close();
  });

  it('the enterprise contact sees its own report and no other', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await signInFirstTime(page, base, t.credentials, 'qiye.demo', NEW_PASSWORD);
    await page.goto(`${base}/`);
    await page.waitForURL((u) => u.pathname.endsWith(`/enterprises/${DEMO_ENTERPRISE_USCC}`));
    await page.getByTestId('mujun-report').waitFor();
    expect(await page.getByTestId('mujun-report-class').getAttribute('data-class')).toMatch(/^[A-D]$/);
    await chart(page, 'mujun-radar');
    await page.getByTestId('mujun-appeal').waitFor();
    // no tracking menu and no 工作台: only its report and its appeals
    const menu = await page.getByTestId('app-menu').innerText();
    expect(menu).not.toContain('督办台账');
    expect(
      menu
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['体检报告', '申诉']);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}mujun-enterprise.png`, fullPage: true });

    // another enterprise of the same run: not found
    const runId = /\/mujun\/runs\/([^/]+)\//.exec(page.url())![1]!;
    const other = await page.request.get(`${base}/api/mujun/runs/${runId}/results?pageSize=100`);
    const items = ((await other.json()) as { items: { uscc: string }[] }).items;
    expect(items.map((i) => i.uscc)).toEqual([DEMO_ENTERPRISE_USCC]);
    expect(otherUscc).toMatch(/^[0-9A-Z]{18}$/);
    expect(otherUscc).not.toBe(DEMO_ENTERPRISE_USCC);
    await page.goto(`${base}/mujun/runs/${runId}/enterprises/${otherUscc}`);
    await page.locator('.ant-result-404').waitFor();

    // it appeals its tax figure; the evaluator accepts, which makes a new run version
    await page.goto(`${base}/mujun/runs/${runId}/enterprises/${DEMO_ENTERPRISE_USCC}`);
    await page.getByTestId('mujun-appeal').click();
    await page.getByTestId('mujun-appeal-field').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '实缴税金' }).first().click();
    await page.getByTestId('mujun-appeal-value').fill('888');
    await page.getByTestId('mujun-appeal-reason').fill('税务局数据漏计了第四季度入库税款');
    await page.getByTestId('mujun-appeal-submit').click();
    await page.getByText('申诉已提交').first().waitFor();
    await ctx.close();

    const ev = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await ev.goto(`${base}/login`);
    await ev.getByTestId('login-username').fill('gxj.evaluator');
    await ev.getByTestId('login-password').fill(t.credentials.get('gxj.evaluator')!);
    await ev.getByTestId('login-submit').click();
    await ev.getByTestId('app-menu').waitFor();
    await ev.goto(`${base}/mujun/appeals?status=pending`);
    const row = ev.getByTestId('mujun-appeals-table').locator('tbody tr.ant-table-row').filter({ hasText: '税务局数据漏计' });
    await row.locator('[data-testid^="mujun-accept-"]').click();
    expect(await ev.getByTestId('mujun-decide-value').inputValue()).toBe('888');
    await ev.getByTestId('mujun-decide-reason').fill('经税务局核实，予以更正');
    await ev.getByTestId('mujun-decide-ok').click();
    await ev.getByText('已采纳').first().waitFor();
    await ev.goto(`${base}/mujun/appeals?status=accepted`);
    const accepted = ev
      .getByTestId('mujun-appeals-table')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: '税务局数据漏计' });
    await accepted.locator('[data-testid^="mujun-newrun-"]').click();
    await ev.waitForURL((u) => u.pathname.endsWith(`/enterprises/${DEMO_ENTERPRISE_USCC}`) && !u.pathname.includes(runId));
    await ev.getByTestId('mujun-report').waitFor();
    await ev.waitForTimeout(500);
    await ev.screenshot({ path: `${SHOTS}mujun-appeal-new-run.png`, fullPage: true });
    await ev.close();
  });
});
