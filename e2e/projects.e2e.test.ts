/**
 * 重大项目 in the browser: the investment bureau's clerk (商务局, the projects' office unit) registers a project, advances
 * it to 签约 and finds it in the ledger and the funnel; the lead unit's head (工信局) files a monthly report; a unit
 * outside the project (白源街道) neither lists nor opens it. Screenshots: e2e/output/projects-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NEW_PASSWORD, signIn as apiSignIn, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

const NAME = '安源区高端装备智能制造产业园项目';

describe.skipIf(!hasChromium)('重大项目 in the browser: the investment bureau and a unit', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  let projectId = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
    // 商务局 keeps the register (the demo's settings do the same; set here so the test does not depend on them)
    const sup = await apiSignIn(t, 'duchashi');
    const units = (await sup.get('/api/units')).json().items as { id: string; code: string }[];
    const swj = units.find((u) => u.code === 'SWJ')!;
    const settings = (await sup.get('/api/projects/settings')).json();
    const put = await sup.put('/api/projects/settings', { ...settings, officeUnitIds: [...new Set([...settings.officeUnitIds, swj.id])] });
    expect(put.statusCode).toBe(200);
  });
  afterAll(() => env?.stop());

  const newPage = () => browser.newPage({ viewport: { width: 1440, height: 900 } });
  /** an InputNumber's input, wherever antd puts the test id */
  const num = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
  const stateOf = (page: Page) => page.getByTestId('project-state').getAttribute('data-state');

  it('商务局 registers a project, advances it to 签约, and sees it in the ledger and the funnel', async () => {
    const page = await newPage();
    await signInFirstTime(page, base, t.credentials, 'swj.clerk', NEW_PASSWORD);
    const menu = await page.getByTestId('app-menu').innerText();
    expect(menu).toContain('重大项目');
    expect(menu).toContain('项目台账');
    await page.goto(`${base}/projects`);
    await page.getByTestId('project-table').waitFor();
    await page.getByTestId('project-create').click();
    await page.getByTestId('pf-name').fill(NAME);
    await page.getByTestId('pf-investor').fill('中国机械工业集团有限公司');
    await page.getByTestId('pf-industry').fill('C3512');
    await num(page, 'pf-total').fill('120000');
    await page.getByTestId('pf-flags').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '央企' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('pf-lead-unit').click();
    await page.keyboard.type('工业和信息化');
    await page.locator('.ant-select-tree-treenode, [role="treeitem"]').filter({ hasText: '区工业和信息化局' }).first().click();
    const year = new Date().getFullYear();
    await page.getByTestId('pf-planned-signed').click();
    await page.keyboard.type(`${year}-12-30`);
    await page.keyboard.press('Enter');
    await page.screenshot({ path: `${SHOTS}projects-1-create-form.png` });
    await page.getByTestId('project-form-submit').click();
    await page.getByTestId('project-title').waitFor();
    projectId = page.url().split('/projects/')[1]!;
    expect(await stateOf(page)).toBe('negotiating');
    await page.getByTestId('project-advance').click();
    await page.getByTestId('move-evidence').fill('双方已签订投资合作协议');
    await page.getByTestId('move-ok').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="project-state"]')?.getAttribute('data-state') === 'signed');
    expect(await page.getByTestId('project-timeline').innerText()).toContain('推进阶段');
    await page.screenshot({ path: `${SHOTS}projects-2-detail-signed.png`, fullPage: true });

    await page.goto(`${base}/projects?q=${encodeURIComponent('高端装备')}`);
    await page.getByTestId('project-table').getByText(NAME).waitFor();
    const row = page.locator('tr', { hasText: NAME });
    expect(await row.locator('[data-state]').getAttribute('data-state')).toBe('signed');
    await page.goto(`${base}/projects`);
    await page.getByTestId('project-table').getByText(NAME).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SHOTS}projects-3-ledger.png`, fullPage: true });

    await page.goto(`${base}/projects/pipeline?year=${year}`);
    await page.getByTestId('chart-funnel').locator('canvas').waitFor();
    const counts = (await page.getByTestId('pipeline-funnel').getAttribute('data-counts'))!.split(',').map(Number);
    expect(counts[1]).toBeGreaterThanOrEqual(1); // 签约 reached
    expect(await page.getByTestId('pipeline-targets').innerText()).toBeTruthy();
    await page.waitForTimeout(800); // the charts' entry animation
    await page.screenshot({ path: `${SHOTS}projects-4-pipeline.png`, fullPage: true });
    await page.close();
  });

  it('the lead unit files a monthly report; a unit outside the project does not see it', async () => {
    const page = await newPage();
    await signInFirstTime(page, base, t.credentials, 'gxj.head', NEW_PASSWORD);
    await page.goto(`${base}/projects`);
    await page.getByTestId('project-table').getByText(NAME).click();
    await page.getByTestId('project-title').waitFor();
    expect(await page.getByTestId('project-advance').count()).toBe(0); // the unit reports, it does not keep the register
    await page.getByTestId('preport-open').click();
    await num(page, 'preport-investment').fill('3500');
    await page.getByTestId('preport-progress').fill('完成场地平整和规划设计方案报批。');
    await page.getByTestId('preport-problems').fill('用地指标需区自然资源局协调。');
    await page.screenshot({ path: `${SHOTS}projects-5-report-form.png` });
    await page.getByTestId('preport-submit').click();
    await page.getByTestId('project-reports').getByText('完成场地平整').waitFor();
    expect(await page.getByTestId('report-raise').count()).toBe(0); // only the register's keepers raise tasks
    await page.screenshot({ path: `${SHOTS}projects-6-reported.png`, fullPage: true });
    await page.close();

    const outsider = await newPage();
    await signInFirstTime(outsider, base, t.credentials, 'baiyuan.clerk', NEW_PASSWORD);
    await outsider.goto(`${base}/projects?q=${encodeURIComponent('高端装备')}`);
    await outsider.waitForFunction(() => document.querySelector('[data-testid="project-table"]')?.getAttribute('data-total') === '0');
    await outsider.goto(`${base}/projects/${projectId}`);
    await outsider.getByText('项目不存在，或不在您的查看范围内。').waitFor();
    await outsider.screenshot({ path: `${SHOTS}projects-7-outsider.png`, fullPage: true });
    await outsider.close();
  });

  it('商务局 turns the reported problem into a tracked task; 督查室 opens it from the report', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('swj.clerk');
    await page.getByTestId('login-password').fill(t.credentials.get('swj.clerk')!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-menu').waitFor();
    await page.goto(`${base}/projects/${projectId}`);
    await page.getByTestId('report-raise').click();
    // the task's lead unit is the project's (工信局): outside 商务局's task scope, so its number shows without a link
    await page.getByTestId('report-task-number').waitFor();
    expect(await page.getByTestId('report-task-number').innerText()).toMatch(/已转督办事项 \S+/);
    await page.close();

    const dcs = await newPage();
    await dcs.goto(`${base}/login`);
    await dcs.getByTestId('login-username').fill('duchashi');
    await dcs.getByTestId('login-password').fill(t.credentials.get('duchashi')!);
    await dcs.getByTestId('login-submit').click();
    await dcs.getByTestId('app-menu').waitFor();
    await dcs.goto(`${base}/projects/${projectId}`);
    await dcs.getByTestId('project-tasks').waitFor();
    await dcs.screenshot({ path: `${SHOTS}projects-8-task-raised.png`, fullPage: true });
    await dcs.getByTestId('report-task-link').click();
    await dcs.getByTestId('task-title').waitFor();
    expect(await dcs.getByTestId('task-title').innerText()).toContain('安源区高端装备智能制造产业园项目');
    await dcs.screenshot({ path: `${SHOTS}projects-9-task.png`, fullPage: true });
    await dcs.close();
  });
});
