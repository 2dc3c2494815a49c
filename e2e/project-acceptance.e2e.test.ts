/**
 * 对标验收 in the browser: a project in production is judged on its enterprise's 亩均 data (set up through the API);
 * the lead unit's head (工信局) reads the result with its PDF and 承诺书 and appeals the 容积率 with a claimed value;
 * the investment bureau (商务局) accepts the appeal, and the project is judged again; it edits the project and runs the
 * yearly acceptance of due projects from the ledger. Screenshots:
 * e2e/output/project-acceptance-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISE_USCC } from '../src/demo/anyuan.js';
import { localDate } from '../src/domain/time/dates.js';
import { NEW_PASSWORD, signIn as apiSignIn, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)('对标验收 in the browser: the result, an appeal, and its acceptance', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  let id = '';
  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
    const sup = await apiSignIn(t, 'duchashi');
    const units = (await sup.get('/api/units')).json().items as { id: string; code: string }[];
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const settings = (await sup.get('/api/projects/settings')).json();
    await sup.put('/api/projects/settings', { ...settings, officeUnitIds: [unit('SWJ')] });
    const swj = await apiSignIn(t, 'swj.clerk');
    const today = localDate(new Date());
    const created = await swj.post('/api/projects', {
      name: '年产 3 万吨先进陶瓷技改项目',
      investorName: '萍乡市鑫诚环保科技有限公司',
      investorUscc: DEMO_ENTERPRISE_USCC,
      investorFlags: [],
      source: 'business',
      industryCode: 'C3073',
      totalInvestment: 50000,
      fixedInvestment: 40000,
      landMu: 100,
      leadUnitId: unit('GXJ'),
      coopUnitIds: [],
      listYear: Number(today.slice(0, 4)),
      planned: {},
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    let version = (await swj.get(`/api/projects/${id}`)).json().version;
    for (const to of ['signed', 'land', 'started', 'completed', 'producing']) {
      const r = await swj.post(`/api/projects/${id}/stage`, { to, on: today, version });
      expect(r.statusCode, r.body).toBe(200);
      version++;
    }
    const judged = await swj.post(`/api/projects/${id}/acceptance`, { year: 2022, entered: { plot_ratio: 0.5 } });
    expect(judged.json().verdict).toBe('fail');
  });
  afterAll(() => env?.stop());

  const newPage = () => browser.newPage({ viewport: { width: 1440, height: 900 } });
  async function signInAgain(page: Page, username: string) {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(t.credentials.get(username)!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-menu').waitFor();
  }

  it('the lead unit reads the failed acceptance and appeals the 容积率', async () => {
    const page = await newPage();
    await signInFirstTime(page, base, t.credentials, 'gxj.head', NEW_PASSWORD);
    await page.goto(`${base}/projects/${id}`);
    await page.getByTestId('project-acceptances').getByText('未达标').first().waitFor();
    expect(await page.getByTestId('acceptance-pdf').getAttribute('href')).toMatch(/\/report\.pdf$/);
    await page.getByTestId('project-pledge').waitFor();
    await page.getByTestId('appeal-open').click();
    await page.getByTestId('appeal-indicator').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '容积率' }).click();
    await page.locator('[data-testid="appeal-claimed"] input, input[data-testid="appeal-claimed"]').first().fill('1.2');
    await page.getByTestId('appeal-reason').fill('容积率以规划核实意见为准');
    await page.screenshot({ path: `${SHOTS}project-acceptance-1-appeal.png` });
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.locator('[data-testid="project-appeal"][data-status="pending"]').waitFor();
    await page.screenshot({ path: `${SHOTS}project-acceptance-2-filed.png`, fullPage: true });
    expect(await page.getByTestId('appeal-accept').count()).toBe(0); // the lead unit does not decide
    await page.close();
  });

  it('the investment bureau accepts it and the project is judged again', async () => {
    const page = await newPage();
    await signInAgain(page, 'swj.clerk');
    await page.goto(`${base}/projects/${id}`);
    await page.getByTestId('appeal-decision').fill('经规划核实，容积率 1.2');
    await page.getByTestId('appeal-accept').click();
    await page.locator('[data-testid="project-appeal"][data-status="accepted"]').waitFor();
    expect(await page.getByTestId('acceptance').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}project-acceptance-3-accepted.png`, fullPage: true });
    // the register's keeper edits the project (the form starts from the stored values and their version)
    await page.getByTestId('project-edit').click();
    await page.getByTestId('pf-name').fill('年产 5 万吨先进陶瓷技改项目');
    await page.getByTestId('project-form-submit').click();
    await page.getByTestId('project-title').getByText('年产 5 万吨先进陶瓷技改项目').waitFor();
    // and runs the yearly acceptance of every due project from the ledger (none is due here)
    await page.goto(`${base}/projects`);
    await page.getByTestId('project-accept-due').click();
    await page.getByText(/验收 0 个/).waitFor();
    await page.screenshot({ path: `${SHOTS}project-acceptance-4-ledger.png` });
    await page.close();
  });

  it('督查室 edits the control table: a bad formula is refused on its field and nothing is stored', async () => {
    const page = await newPage();
    await signInAgain(page, 'duchashi');
    await page.goto(`${base}/projects/settings`);
    await page.getByTestId('control-table').waitFor();
    expect(await page.getByText('当前控制指标表为示例数据').count()).toBe(1);
    const formula = page.getByTestId('indicator-formula').nth(1);
    await formula.fill('taxx / land_mu');
    await page.getByTestId('project-settings-save').click();
    await page.getByText('公式用到未知字段“taxx”').first().waitFor();
    await page.screenshot({ path: `${SHOTS}project-acceptance-5-settings-error.png`, fullPage: true });
    const sup = await apiSignIn(t, 'baiyuan.clerk');
    expect((await sup.get('/api/projects/settings')).json().controlTable.indicators[1].formula).toBe('tax / land_mu');
    await formula.fill('tax / land_mu');
    await page.getByTestId('project-settings-save').click();
    await page.getByText('设置已保存').waitFor();
    await page.close();
  });
});
