import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyuanEnterprises } from '../../../demo/anyuan-enterprises.js';
import { departmentCsv } from '../../../services/mujun/demo.js';
import { signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { postMultipart } from './multipart-testing.js';

const EVIL = '=HYPERLINK("http://x","y")';

/** Every cell of every sheet: [value type, text]. */
async function cellsOf(buf: Buffer): Promise<{ texts: string[]; numbers: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const texts: string[] = [];
  let numbers = 0;
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') texts.push(c.value);
        else if (typeof c.value === 'number') numbers++;
        else if (c.value && typeof c.value === 'object' && 'formula' in c.value) texts.push(`FORMULA ${String(c.value.formula)}`);
      }),
    );
  return { texts, numbers };
}

/** Formula-leading text written by Luoshi is neutralised (a leading ') in every CSV and Excel file it serves. */
describe('formula-leading text in exported files', () => {
  let t: TestApp;
  let evaluator: Agent;
  let sup: Agent;
  let auditor: Agent;
  let runId: string;
  let uscc: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    evaluator = await signIn(t, 'gxj.evaluator');
    sup = await signIn(t, 'duchashi');
    auditor = await signIn(t, 'auditor');
    const records = anyuanEnterprises()
      .find((y) => y.year === 2022)!
      .records.map((r) => ({ ...r }));
    const target = records.find((r) => r['scale'] === 'above')!;
    uscc = String(target['uscc']);
    target['name'] = EVIL;
    t.clock.advance(60_000); // later than the demo's own land file of 2022
    const csv = departmentCsv(records, ['town', 'land_mu', 'tenants', 'landlord_uscc']);
    const up = await postMultipart(evaluator, '/api/mujun/uploads', { year: '2022', source: 'land' }, { name: 'land.csv', content: Buffer.from(csv) });
    expect(up.statusCode, up.body).toBe(201);
    t.clock.advance(60_000);
    const schemeId = (await evaluator.get('/api/mujun/runs?year=2022')).json()[0].schemeId;
    const run = await evaluator.post('/api/mujun/runs', { year: 2022, schemeId });
    expect(run.statusCode, run.body).toBe(201);
    runId = run.json().id;
  });
  afterAll(() => t.close());

  it('the run keeps the name as uploaded (the stored snapshot is unchanged)', async () => {
    const r = (await evaluator.get(`/api/mujun/runs/${runId}/results?q=${encodeURIComponent('HYPERLINK')}`)).json();
    expect(JSON.stringify(r)).toContain(EVIL.replaceAll('"', '\\"'));
  });

  it('input.csv writes the name with a leading apostrophe, numbers as they are', async () => {
    const dl = await evaluator.get(`/api/mujun/runs/${runId}/input.csv`);
    expect(dl.statusCode).toBe(200);
    const line = dl.body.split('\n').find((l) => l.startsWith(uscc))!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(line).not.toMatch(/,"?=/);
    // a numeric cell stays a plain number
    expect(line.split(',').some((c) => /^\d+(\.\d+)?$/.test(c))).toBe(true);
  });

  it('the ranking and class-list workbooks prefix the name and keep numbers numeric', async () => {
    for (const path of ['export.xlsx', 'class-lists.xlsx']) {
      const res = await evaluator.get(`/api/mujun/runs/${runId}/${path}`);
      expect(res.statusCode, path).toBe(200);
      const { texts, numbers } = await cellsOf(res.rawPayload);
      expect(texts, path).toContain(`'${EVIL}`);
      expect(texts.filter((s) => /^[=+\-@]/.test(s)), path).toEqual([]);
      expect(numbers, path).toBeGreaterThan(100);
    }
  });

  it('the task ledger export and the audit export prefix formula-leading text', async () => {
    const { taskBody } = await import('../../../../test/factories.js');
    const created = await sup.post('/api/tasks', await taskBody(t, { title: EVIL, requirement: '-5' }));
    expect(created.statusCode, created.body).toBe(201);
    const ledger = await sup.get('/api/tasks/export');
    expect(ledger.statusCode).toBe(200);
    const l = await cellsOf(ledger.rawPayload);
    expect(l.texts).toContain(`'${EVIL}`);
    expect(l.texts.filter((s) => /^[=+\-@]/.test(s))).toEqual([]);
    const audit = await auditor.get('/api/audit/export');
    expect(audit.statusCode, audit.body).toBe(200);
    const a = await cellsOf(audit.rawPayload);
    expect(a.texts.some((s) => s.includes('=HYPERLINK'))).toBe(true);
    expect(a.texts.filter((s) => /^[=+\-@]/.test(s))).toEqual([]);
  });
});
