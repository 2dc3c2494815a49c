import ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestApp, type TestApp } from '../../../test/harness.js';
import { buildTrackingFixture, type TrackingFixture } from '../../../test/tracking-fixture.js';
import { DEFAULT_SCHEME } from '../../domain/scoring/scheme.js';

describe.each(backends())('unit scores (考核) on %s', (backend) => {
  let t: TestApp;
  let fx: TrackingFixture;
  const q = 'from=2026-03-01&to=2026-03-31';

  beforeAll(async () => {
    t = await startTestApp(backend);
    fx = await buildTrackingFixture(t);
  });
  afterAll(() => t.close());

  it('scores, ranks and explains each unit from the period’s facts, with an editable scheme and quality ratings', async () => {
    expect((await fx.sup.get('/api/scores/scheme')).json()).toEqual(DEFAULT_SCHEME);
    expect((await fx.sup.put(`/api/scores/quality/${fx.ids.onTime}`, { rating: 'excellent' })).statusCode).toBe(200);
    expect((await fx.sup.put(`/api/scores/quality/${fx.ids.working}`, { rating: 'good' })).statusCode).toBe(422);
    expect((await fx.clerk.put(`/api/scores/quality/${fx.ids.onTime}`, { rating: 'poor' })).statusCode).toBe(403);
    const bad = await fx.sup.put('/api/scores/scheme', { ...DEFAULT_SCHEME, overdue: 5 });
    expect(bad.statusCode).toBe(422);
    expect((await fx.sup.put('/api/scores/scheme', { ...DEFAULT_SCHEME, base: 90 })).statusCode).toBe(200);
    const res = await fx.clerk.get(`/api/scores?${q}`); // ranks are public within the government
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      unitName: string;
      score: number;
      rank: number;
      breakdown: { item: string; count: number; subtotal: number }[];
    }[];
    const swj = items.find((s) => s.unitName === '区商务局')!;
    const jyj = items.find((s) => s.unitName === '区教育局')!;
    const counts = (s: typeof swj) => Object.fromEntries(s.breakdown.map((l) => [l.item, l.count]));
    expect(counts(swj)).toMatchObject({ closedOnTime: 1, overdue: 1, returned: 1, red: 1, excellent: 1 });
    expect(counts(jyj)).toMatchObject({ closedOnTime: 0, overdue: 1, red: 1 });
    for (const s of items) expect(s.breakdown.reduce((a, l) => a + l.subtotal, 0)).toBeCloseTo(s.score);
    // 90 + 按期办结 3 − 逾期 3 − 退回 2 − 红灯 2 + 优秀 2; no report was on time at 31 March (due 28 March)
    expect([swj.score, swj.rank, jyj.score, jyj.rank]).toEqual([88, 1, 85, 2]);
    const logged = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['scores.scheme', 'scores.quality']));
    expect(logged.map((a) => a.action).sort()).toEqual(['scores.quality', 'scores.scheme']);
  });

  it('exports the scores to Excel', async () => {
    const res = await fx.sup.get(`/api/scores/export?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核得分')!;
    expect(ws.getCell('A1').value).toBe('2026-03-01 至 2026-03-31 督查督办考核得分');
    expect(ws.getRow(2).values).toEqual([undefined, '名次', '单位', '得分', '得分明细']);
    expect(ws.getCell('A3').value).toBe(1);
    expect(String(ws.getCell('D3').value)).toContain('基础分 90 分');
  });
});
