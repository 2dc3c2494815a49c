/**
 * 导入年度清单 in the browser: the list's name is required, a file with problems imports nothing and lists every
 * problem with row and column, a good file creates the tasks and links to them in the ledger; the org import page
 * (the same ImportCard) still works. Screenshots: e2e/output/task-import-*.png.
 */
import ExcelJS from 'exceljs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tasks } from '../src/db/schema.js';
import { NEW_PASSWORD, type TestApp } from '../test/harness.js';
import { type BrowserApp, SHOTS, hasChromium, signInFirstTime, startBrowserApp } from './browser.js';

const HEAD = ['任务内容*', '具体要求', '类别', '牵头领导', '牵头单位*', '协办单位', '完成时限*', '优先级', '报送周期', '报送日'];

async function book(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!hasChromium)('importing an annual list in the browser', () => {
  let env: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base = '';
  let page: Page;
  const taskCount = async () => (await t.database.db.select({ n: count() }).from(tasks))[0]!.n;

  beforeAll(async () => {
    env = await startBrowserApp();
    ({ t, base, browser } = env);
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signInFirstTime(page, base, t.credentials, 'duchashi', NEW_PASSWORD);
  });
  afterAll(() => env?.stop());

  const drop = (name: string, buffer: Buffer, mimeType = XLSX) =>
    page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  const result = () => page.getByTestId('import-result');

  it('asks for the list name first, and refuses a file that is not .xlsx', async () => {
    await page.goto(`${base}/tasks/import`);
    await page.getByTestId('import-columns').waitFor();
    await page.screenshot({ path: `${SHOTS}task-import-1-page.png`, fullPage: true });
    await drop('清单.xlsx', await book([]));
    await result().getByText('请先填写清单名称').first().waitFor();
    await page.getByTestId('import-title').fill('2026年区政府重点工作');
    await drop('清单.txt', Buffer.from('not a workbook'), 'text/plain');
    await result().getByText('请上传 .xlsx 格式的 Excel 文件').waitFor();
    expect(await result().innerText()).toContain('清单.txt');
  });

  it('a file with problems imports nothing and lists each with row and column', async () => {
    const before = await taskCount();
    await drop(
      '有误的清单.xlsx',
      await book([
        ['加快安源科创城建设', '', '创新', '副区长（分管工业）', '区科学技术局', '科创城', '2026-12-31', '重要', '每月', 28],
        ['打造全省营商环境一等县区', '', '营商环境', '无此领导', '行政审批局', '', '2026-13-01', '特急', '每月', 10],
      ]),
    );
    await result().getByText('文件校验未通过，未导入任何数据').waitFor();
    const text = await result().innerText();
    expect(text).toContain('共发现 3 处问题');
    expect(text).toContain('牵头领导“无此领导”不是区领导');
    expect(text).toContain('完成时限“2026-13-01”不是有效日期');
    expect(text).toContain('优先级须为 紧急、重要 或 一般');
    expect(text).toContain('有误的清单.xlsx');
    await page.screenshot({ path: `${SHOTS}task-import-2-invalid.png`, fullPage: true });
    expect(await taskCount()).toBe(before);
  });

  it('a good file creates the tasks and links to them in the ledger', async () => {
    const before = await taskCount();
    await drop(
      '清单.xlsx',
      await book([
        [
          '加快安源科创城建设',
          '力争年内主体完工',
          '创新',
          '副区长（分管工业）',
          '区科学技术局',
          '科创城',
          '2026/12/31',
          '重要',
          '每月',
          28,
        ],
        ['打造全省营商环境一等县区', '', '营商环境', '', '行政审批局', '', '2026年11月30日', '', '每季度', ''],
      ]),
    );
    await result().getByText('导入成功：新建 2 项事项（立项状态）').waitFor();
    await page.screenshot({ path: `${SHOTS}task-import-3-success.png`, fullPage: true });
    expect(await taskCount()).toBe(before + 2);
    await result().getByText('在台账中查看本清单').click();
    await page.getByTestId('ledger-table').getByText('打造全省营商环境一等县区').waitFor();
    expect(await page.getByTestId('ledger-table').getByText('加快安源科创城建设').count()).toBe(1);
  });

  it('the org import page (the same ImportCard) still imports and reports problems', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signInFirstTime(admin, base, t.credentials, 'admin', NEW_PASSWORD);
    await admin.goto(`${base}/org/import`);
    await admin.getByTestId('import-units').waitFor();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单位').addRow(['nothing useful']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await admin
      .getByTestId('import-units')
      .locator('input[type=file]')
      .setInputFiles({ name: '单位.xlsx', mimeType: XLSX, buffer });
    const res = admin.getByTestId('import-result-units');
    await res.waitFor();
    expect(await res.innerText()).toContain('单位.xlsx');
    expect(await res.innerText()).toContain('未导入任何数据');
    await admin.screenshot({ path: `${SHOTS}task-import-4-org.png`, fullPage: true });
    await admin.close();
  });
});
