import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestApp, type TestApp } from '../../../test/harness.js';
import { buildTrackingFixture, type TrackingFixture } from '../../../test/tracking-fixture.js';
import { periodLabel } from './data.js';

describe.each(backends())('briefing (情况通报) on %s', (backend) => {
  let t: TestApp;
  let fx: TrackingFixture;
  const title = '关于2026年3月督查督办工作情况的通报';

  beforeAll(async () => {
    t = await startTestApp(backend);
    fx = await buildTrackingFixture(t);
  });
  afterAll(() => t.close());

  it('names the period', () => {
    expect(periodLabel({ from: '2026-03-01', to: '2026-03-31' })).toBe('2026年3月');
    expect(periodLabel({ from: '2026-01-01', to: '2026-06-30' })).toBe('2026年1月1日至2026年6月30日');
  });

  it('writes the briefing as a Word document with its sections and the red items', async () => {
    const res = await fx.sup.get('/api/briefings?from=2026-03-01&to=2026-03-31&format=docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    for (const s of [title, '一、总体情况', '二、红黄灯事项', '三、先进与后进单位', '新增托幼园位三千个', '区教育局'])
      expect(value).toContain(s);
    expect(value).toContain('本期办结2项，其中按期办结1项');
  });

  it('writes the same briefing as Excel', async () => {
    const res = await fx.sup.get('/api/briefings?from=2026-03-01&to=2026-03-31&format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '红黄灯事项', '先进与后进单位']);
    const all = wb.getWorksheet('总体情况')!;
    expect(all.getCell('A1').value).toBe(title);
    expect([all.getCell('A4').value, all.getCell('B4').value]).toEqual(['本期办结', 2]);
    const ry = wb.getWorksheet('红黄灯事项')!;
    const rows = [];
    for (let i = 3; i <= ry.rowCount; i++) rows.push([ry.getCell(i, 1).value, ry.getCell(i, 3).value, ry.getCell(i, 4).value]);
    expect(rows).toContainEqual(['区教育局', '新增托幼园位三千个', '红灯']);
    const units = wb.getWorksheet('先进与后进单位')!;
    expect(units.getCell('A3').value).toBe('前五位');
  });

  it('is for 督查室 only and checks the period', async () => {
    expect((await fx.clerk.get('/api/briefings?from=2026-03-01&to=2026-03-31')).statusCode).toBe(403);
    expect((await fx.sup.get('/api/briefings?from=2026-03-31&to=2026-03-01')).statusCode).toBe(422);
  });
});
