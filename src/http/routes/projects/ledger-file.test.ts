import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { projects } from '../../../db/schema.js';
import { backends, signIn, startTestApp, upload, type Agent, type TestApp } from '../../../../test/harness.js';

const HEADERS = ['项目编号', '项目名称', '投资方', '统一社会信用代码', '投资方类型', '招商方式', '基金名称', '行业代码', '产业赛道', '总投资(万元)', '固定资产投资(万元)', '年度计划投资(万元)', '用地(亩)', '所在地', '包抓领导', '责任单位', '配合单位', '计划签约', '计划供地', '实际签约'];

async function book(rows: unknown[][], title = '2026年重大项目清单'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  ws.addRow([title]);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good = (over: Partial<Record<string, unknown>> = {}) => {
  const row: Record<string, unknown> = {
    项目名称: '年产 5 万吨环保填料项目',
    投资方: '江西华瓷新材料集团有限公司',
    统一社会信用代码: '91360302MA3ABUR052',
    投资方类型: '央企、国字号',
    招商方式: '以商招商',
    行业代码: 'C3073',
    产业赛道: '新材料',
    '总投资(万元)': 30000,
    '固定资产投资(万元)': 20000,
    '用地(亩)': 60,
    所在地: '安源经开区',
    包抓领导: '副区长（分管工业）',
    责任单位: '工信局',
    配合单位: '自然资源局、行政审批局',
    计划签约: '2026-02-01',
    计划供地: '2026-05-01',
    实际签约: '2026-02-10',
    ...over,
  };
  return HEADERS.map((h) => row[h] ?? null);
};

describe.each(backends())('the 项目台账 file on %s', (backend) => {
  let t: TestApp;
  let swj: Agent;
  let gxj: Agent;
  const total = async () => (await t.database.db.select({ n: count() }).from(projects))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp(backend);
    swj = await signIn(t, 'swj.clerk');
    gxj = await signIn(t, 'gxj.head');
  });
  afterAll(() => t.close());

  it('refuses a list with errors, naming row and column, and stores none of it', async () => {
    const file = await book([
      good(),
      good({ 招商方式: '网络招商', '总投资(万元)': '三亿', 责任单位: '不存在局', 投资方类型: '民企' }),
      good({ 计划供地: '2026-01-01', 基金名称: null, 招商方式: '基金招商', 实际签约: '2026-13-01' }),
    ]);
    const res = await upload(swj, '/api/projects/import?year=2026', file);
    expect(res.statusCode).toBe(422);
    const cells = res.json().error.details.map((d: { row: number; column: string; message: string }) => `${d.row}${d.column} ${d.message}`);
    expect(cells).toEqual([
      '4E 投资方类型“民企”无法识别（可填 央企、国字号、世界500强、中国500强、上市公司、外资）',
      '4F 招商方式须为 基金招商、以商招商、驻点招商 或 其他',
      '4J “总投资(万元)”须为不小于 0 的数字',
      '4P 责任单位“不存在局”不存在',
      '5T “实际签约”日期“2026-13-01”无效',
    ]);
    expect(await total()).toBe(0);
    const second = await upload(swj, '/api/projects/import?year=2026', await book([good({ 计划供地: '2026-01-01', 招商方式: '基金招商' })]));
    expect(second.json().error.details.map((d: { row: number; column: string }) => `${d.row}${d.column}`)).toEqual(['3G', '3S']);
    expect((await upload(swj, '/api/projects/import?year=2026', Buffer.from('not a workbook'))).statusCode).toBe(422);
    expect(await total()).toBe(0);
  });

  it('imports the yearly list, keeps it to the register’s keepers, and round-trips through the export', async () => {
    expect((await upload(gxj, '/api/projects/import?year=2026', await book([good()]))).statusCode).toBe(403);
    const res = await upload(swj, '/api/projects/import?year=2026', await book([good(), good({ 项目名称: '数据中心项目', 实际签约: null, 投资方类型: null })]));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ created: 2, updated: 0 });
    const list = (await swj.get('/api/projects?year=2026')).json().items;
    expect(list.map((p: { state: string }) => p.state).sort()).toEqual(['negotiating', 'signed']);
    const signed = list.find((p: { state: string }) => p.state === 'signed');
    expect(signed.investorFlags).toEqual(['central_soe', 'national']);

    const exp = await swj.get('/api/projects/export?year=2026');
    expect(exp.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('2026年重大项目台账');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const row = [3, 4].find((r) => ws.getRow(r).getCell(col('项目名称')).value === '数据中心项目')!;
    expect(ws.getRow(row).getCell(col('当前阶段')).value).toBe('在谈');
    // the office edits the name and a planned date in the exported file and imports it back
    ws.getRow(row).getCell(col('项目名称')).value = '大数据中心项目';
    ws.getRow(row).getCell(col('计划开工')).value = '2026-09-30';
    const back = await upload(swj, '/api/projects/import?year=2026', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json()).toEqual({ created: 0, updated: 2 });
    const after = (await swj.get('/api/projects?year=2026&q=大数据')).json().items;
    expect(after).toHaveLength(1);
    const detail = (await swj.get(`/api/projects/${after[0].id}`)).json();
    expect(detail.stages.find((s: { stage: string }) => s.stage === 'started').plannedOn).toBe('2026-09-30');
    expect(detail.events[0].action).toBe('import_update');
    expect(await total()).toBe(2);
  });

  it('refuses to move stages through the file', async () => {
    const exp = await swj.get('/api/projects/export?year=2026');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const row = [3, 4].find((r) => ws.getRow(r).getCell(header.indexOf('当前阶段') + 1).value === '签约')!;
    ws.getRow(row).getCell(header.indexOf('实际供地') + 1).value = '2026-03-01';
    const res = await upload(swj, '/api/projects/import?year=2026', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toMatch(/^已入库项目的阶段请在项目页推进/);
  });
});
