/**
 * The 亩均 endpoints' edges: who reads what (scope on every enterprise-level read, 404 outside it), department files
 * read only in their own columns, upload limits, evidence served safely, corrections checked by the input rules,
 * decisions and run versions under concurrency, and the scheme a run stores.
 */
import ExcelJS from 'exceljs';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mujunAppeals, mujunResults, mujunRuns, mujunUploads } from '../../../db/schema.js';
import { DEMO_ENTERPRISE_USCC } from '../../../demo/anyuan.js';
import { validateScheme } from '../../../domain/mujun/scheme.js';
import { defaultScheme } from '../../../domain/mujun/default-scheme.js';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { postMultipart } from './multipart-testing.js';
import { attachmentDisposition, safeFileName } from '../../uploads.js';

const TOWN = '白源街道';

/** A multipart body whose file part claims `mime` (as a browser or an attacker may send it). */
function multipartWithType(fields: Record<string, string>, file: { name: string; content: Buffer; mime: string }) {
  const boundary = `----luoshi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('download names', () => {
  it('keeps the last path segment without control characters and quotes, and encodes filename* by RFC 5987', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a"b\r\n.pdf')).toBe('a_b__.pdf');
    expect(safeFileName('...')).toBe('download');
    const d = attachmentDisposition("证明(1)'s *.pdf");
    expect(d).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(d).toContain("filename*=UTF-8''%E8%AF%81%E6%98%8E%281%29%27s%20_.pdf");
  });
});

describe.each(backends())('亩均 review on %s', (backend) => {
  let t: TestApp;
  let ev: Agent;
  let clerk: Agent;
  let firm: Agent;
  let run: typeof mujunRuns.$inferSelect;
  let ownTown: (typeof mujunResults.$inferSelect)[];
  let otherTown: typeof mujunResults.$inferSelect;

  beforeAll(async () => {
    t = await startTestApp(backend);
    [ev, clerk, firm] = await Promise.all([signIn(t, 'gxj.evaluator'), signIn(t, 'baiyuan.clerk'), signIn(t, 'qiye.demo')]);
    const runs = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.year, 2022));
    run = runs[0]!;
    ownTown = await t.database.db
      .select()
      .from(mujunResults)
      .where(and(eq(mujunResults.runId, run.id), eq(mujunResults.town, TOWN), eq(mujunResults.status, 'scored')));
    const [other] = await t.database.db
      .select()
      .from(mujunResults)
      .where(
        and(
          eq(mujunResults.runId, run.id),
          ne(mujunResults.town, TOWN),
          ne(mujunResults.uscc, DEMO_ENTERPRISE_USCC),
          eq(mujunResults.status, 'scored'),
        ),
      )
      .limit(1);
    otherTown = other!;
  }, 120_000);
  afterAll(() => t?.close());

  const url = (path: string) => `/api/mujun/runs/${run.id}${path}`;

  it('reads a department file only in its own columns: other columns are ignored with a warning, not validated', async () => {
    const [a, b] = ownTown;
    // a tax file that also carries a negative 用地面积, a broken scale and an unknown column: all someone else's
    const csv = [
      '统一社会信用代码,企业名称,实缴税金(万元),用地面积(亩),规模,备注',
      `${a!.uscc},${a!.name},12.5,-3,巨型,随便写`,
      `${b!.uscc},${b!.name},7,abc,,`,
    ].join('\n');
    const res = await postMultipart(
      ev,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      { name: 'tax.csv', content: Buffer.from(csv) },
    );
    expect(res.statusCode, res.body).toBe(201);
    const up = res.json();
    expect(up.fields).toEqual(['tax']);
    expect(up.rowCount).toBe(2);
    expect(up.warnings[0]).toContain('用地面积(亩)');
    expect(up.warnings[0]).toContain('备注');
    const [stored] = await t.database.db.select().from(mujunUploads).where(eq(mujunUploads.id, up.id));
    expect(stored!.records).toEqual([
      { uscc: a!.uscc, name: a!.name, tax: 12.5 },
      { uscc: b!.uscc, name: b!.name, tax: 7 },
    ]);

    // the department's own column is still checked, with the row and column as in the file
    const bad = [
      '用地面积(亩),统一社会信用代码,企业名称,实缴税金(万元)',
      `-1,${a!.uscc},${a!.name},1`,
      `-2,${b!.uscc},${b!.name},abc`,
    ].join('\n');
    const refused = await postMultipart(
      ev,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      { name: 't.csv', content: Buffer.from(bad) },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ row: 3, column: '实缴税金(万元)', value: 'abc' })]);

    // the same in a workbook: sheet row numbers, other columns ignored
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('税务');
    ws.addRow(['用地面积(亩)', '统一社会信用代码', '企业名称', '实缴税金(万元)']);
    ws.addRow([-1, a!.uscc, a!.name, 3]);
    ws.addRow(['x', b!.uscc, b!.name, 4]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await postMultipart(ev, '/api/mujun/uploads', { year: '2023', source: 'tax' }, { name: 't.xlsx', content: xlsx });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().warnings[0]).toContain('用地面积(亩)');
    ws.getCell('D3').value = 'abc';
    const xbad = Buffer.from(await wb.xlsx.writeBuffer());
    const xr = await postMultipart(ev, '/api/mujun/uploads', { year: '2023', source: 'tax' }, { name: 't.xlsx', content: xbad });
    expect(xr.statusCode).toBe(422);
    expect(xr.json().error.details).toEqual([expect.objectContaining({ row: 3, column: '实缴税金(万元)', value: 'abc' })]);
  });

  it('refuses files over the route limit with 413 and a Chinese message naming it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    const res = await postMultipart(ev, '/api/mujun/uploads', { year: '2023', source: 'tax' }, { name: 'big.csv', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('20 MB');
    const evidence = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20);
    const appeal = await postMultipart(
      firm,
      '/api/mujun/appeals',
      { runId: run.id, uscc: DEMO_ENTERPRISE_USCC, kind: 'class', reason: '证明材料过大' },
      { name: 'big.pdf', content: evidence },
    );
    expect(appeal.statusCode).toBe(413);
    expect(appeal.json().error.message).toContain('10 MB');
    expect(await t.database.db.select().from(mujunAppeals).where(eq(mujunAppeals.reason, '证明材料过大'))).toHaveLength(0);
  }, 60_000);

  it('keeps a town clerk from appealing for another town and serves evidence as a safe attachment', async () => {
    const foreign = await postMultipart(clerk, '/api/mujun/appeals', {
      runId: run.id,
      uscc: otherTown.uscc,
      kind: 'class',
      reason: '替别的乡镇申诉',
    });
    expect(foreign.statusCode).toBe(404);
    expect(await t.database.db.select().from(mujunAppeals).where(eq(mujunAppeals.uscc, otherTown.uscc))).toHaveLength(0);

    const { body, contentType } = multipartWithType(
      { runId: run.id, uscc: ownTown[0]!.uscc, kind: 'class', reason: '请复核类别' },
      { name: '../证明材料 (1).pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), mime: 'text/html' },
    );
    const filed = await clerk.request('POST', '/api/mujun/appeals', body, { 'content-type': contentType });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json();
    expect(appeal.evidenceName).toBe('证明材料 (1).pdf');
    const dl = await ev.get(`/api/mujun/appeals/${appeal.id}/evidence`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf'); // by the extension, not the sender's text/html
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(dl.headers['content-disposition']);
    expect(disposition.startsWith('attachment;')).toBe(true);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('证明材料 ')}%281%29.pdf`);
    expect(disposition).toMatch(/filename="[\x20-\x7e]+"/);

    // a type that is not accepted is refused
    const html = multipartWithType(
      { runId: run.id, uscc: ownTown[0]!.uscc, kind: 'value', field: 'tax', claimedValue: '1', reason: 'x' },
      { name: 'x.html', content: Buffer.from('<html></html>'), mime: 'text/html' },
    );
    const refused = await clerk.request('POST', '/api/mujun/appeals', html.body, { 'content-type': html.contentType });
    expect(refused.statusCode).toBe(422);
  });

  it('keeps enterprise-level reads inside the scope: exports, comparisons, input snapshots', async () => {
    const book = new ExcelJS.Workbook();
    const res = await firm.get(url('/export.xlsx'));
    expect(res.statusCode).toBe(200);
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const usccs: string[] = [];
    book.eachSheet((ws) =>
      ws.eachRow((row, n) => n > 2 && row.eachCell((c) => /^[0-9A-Z]{18}$/.test(String(c.value)) && usccs.push(String(c.value)))),
    );
    expect(usccs).toEqual([DEMO_ENTERPRISE_USCC]);

    const [older] = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.year, 2021));
    const cmp = (await firm.get(`/api/mujun/compare?a=${older!.id}&b=${run.id}&pageSize=200`)).json();
    expect(cmp.items.every((i: { uscc: string }) => i.uscc === DEMO_ENTERPRISE_USCC)).toBe(true);
    expect(cmp.common).toBeLessThanOrEqual(1);
    expect(cmp.total).toBe(cmp.items.length);

    for (const agent of [firm, clerk]) expect((await agent.get(url('/input.csv'))).statusCode).toBe(403);
    expect((await clerk.get(url(`/enterprises/${otherTown.uscc}/report.pdf`))).statusCode).toBe(404);
    expect((await firm.get(url(`/reports.pdf?town=${encodeURIComponent(TOWN)}`))).statusCode).toBe(404);

    // bounded queries
    expect((await ev.get(url('/results?pageSize=1000'))).statusCode).toBe(422);
    expect((await ev.get('/api/mujun/runs?year=99999')).statusCode).toBe(422);
    expect((await ev.post('/api/mujun/runs', { year: 1900, schemeId: run.schemeId })).statusCode).toBe(422);
  });

  it('checks a correction by the input rules: a negative land area or a bad landlord code is 422, nothing decided', async () => {
    const target = ownTown[1]!;
    const filed = await postMultipart(clerk, '/api/mujun/appeals', {
      runId: run.id,
      uscc: target.uscc,
      kind: 'value',
      field: 'land_mu',
      claimedValue: '12',
      reason: '用地面积有误',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    const runsBefore = (await ev.get('/api/mujun/runs?year=2022')).json().length;
    const neg = await ev.post(`/api/mujun/appeals/${id}/accept`, {
      reason: '同意',
      corrections: [{ field: 'land_mu', value: -5 }],
    });
    expect(neg.statusCode).toBe(422);
    expect(neg.json().error.details[0].field).toBe('corrections[0].value');
    const text = await ev.post(`/api/mujun/appeals/${id}/accept`, {
      reason: '同意',
      corrections: [{ field: 'land_mu', value: '0x10' }],
    });
    expect(text.statusCode).toBe(422);
    const landlord = await ev.post(`/api/mujun/appeals/${id}/accept`, {
      reason: '同意',
      corrections: [{ field: 'landlord_uscc', value: 'ABC' }],
    });
    expect(landlord.statusCode).toBe(422);
    const [stored] = await t.database.db.select().from(mujunAppeals).where(eq(mujunAppeals.id, id));
    expect(stored!.status).toBe('pending');
    expect((await ev.get('/api/mujun/runs?year=2022')).json()).toHaveLength(runsBefore);

    // decided once, also when two decisions race
    const [x, y] = await Promise.all([
      ev.post(`/api/mujun/appeals/${id}/accept`, { reason: '同意', corrections: [{ field: 'land_mu', value: '1,234.5' }] }),
      ev.post(`/api/mujun/appeals/${id}/reject`, { reason: '驳回' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
  });

  it('numbers concurrent runs of a year without gaps or clashes, and stores the scheme exactly as evaluated', async () => {
    const body = { ...defaultScheme(2022), id: 'review-2022', note: 'an unknown key the validator drops' };
    const saved = await ev.post('/api/mujun/schemes', { body });
    expect(saved.statusCode, saved.body).toBe(201);
    const schemeId = saved.json().id;
    const before = (await ev.get('/api/mujun/runs?year=2022')).json() as { version: number }[];
    const top = Math.max(...before.map((r) => r.version));
    const made = await Promise.all([1, 2, 3].map(() => ev.post('/api/mujun/runs', { year: 2022, schemeId })));
    for (const r of made) expect(r.statusCode, r.body).toBe(201);
    expect(made.map((r) => r.json().version as number).sort()).toEqual([top + 1, top + 2, top + 3]);
    const [stored] = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.id, made[0]!.json().id));
    const parsed = validateScheme(body);
    if (!parsed.ok) throw new Error('scheme invalid');
    expect(stored!.scheme).toEqual(JSON.parse(JSON.stringify(parsed.scheme)));
    expect(stored!.scheme).not.toHaveProperty('note');

    // two saves of one code at once: consecutive versions, neither refused
    const saves = await Promise.all([1, 2].map(() => ev.post('/api/mujun/schemes', { body })));
    for (const r of saves) expect(r.statusCode, r.body).toBe(201);
    expect(saves.map((r) => r.json().version as number).sort()).toEqual([2, 3]);
  }, 120_000);
});
