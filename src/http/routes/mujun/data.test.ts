import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mujunResults, mujunRuns, mujunUploads } from '../../../db/schema.js';
import { PLANTED_INCONSISTENCIES, anyuanEnterprises } from '../../../demo/anyuan-enterprises.js';
import { evaluate } from '../../../domain/mujun/engine.js';
import { validateScheme } from '../../../domain/mujun/scheme.js';
import { HUANGYAN_SCHEME_URL } from '../../../services/mujun/demo.js';
import { readMujunInput } from '../../../services/mujun/input-files.js';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';
import { postMultipart } from './multipart-testing.js';

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const records2022 = anyuanEnterprises().find((y) => y.year === 2022)!.records;
const [e1, e2] = records2022.filter((r) => r['scale'] === 'above');
/** A valid credit code with its check digit changed. */
const badCheck = (u: string) => u.slice(0, 17) + (u.endsWith('0') ? '1' : '0');

describe.each(backends())('亩均 data, schemes and runs on %s', (backend) => {
  let t: TestApp;
  let evaluator: Agent;
  let leader: Agent;
  let head: Agent;
  let town: Agent;

  beforeAll(async () => {
    t = await startTestApp(backend);
    evaluator = await signIn(t, 'gxj.evaluator');
    leader = await signIn(t, 'leader.industry');
    head = await signIn(t, 'gxj.head');
    town = await signIn(t, 'baiyuan.clerk');
  });
  afterAll(() => t.close());

  const runsOf = async (year: number) => (await evaluator.get(`/api/mujun/runs?year=${year}`)).json() as Record<string, any>[];
  const resultRows = (runId: string) =>
    t.database.db.select().from(mujunResults).where(eq(mujunResults.runId, runId)).orderBy(asc(mujunResults.uscc));

  it('serves the meta and the demo: uploads of 2021 and 2022, one run per year', async () => {
    const meta = (await leader.get('/api/mujun/meta')).json();
    expect(meta.sources.map((s: { id: string }) => s.id)).toEqual([
      'land',
      'tax',
      'stats',
      'power',
      'environment',
      'tech',
      'hr',
      'industry',
    ]);
    expect(meta.fields.find((f: { key: string }) => f.key === 'tax').zh).toBe('实缴税金(万元)');
    expect(meta.years).toEqual([2022, 2021]);
    expect(meta.classes).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
    const uploads = (await evaluator.get('/api/mujun/uploads?year=2022')).json();
    expect(uploads).toHaveLength(8);
    expect(uploads.map((u: { fileName: string }) => u.fileName)).toContain('2022-税务局.xlsx');
    for (const y of [2021, 2022]) {
      const runs = await runsOf(y);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ year: y, version: 1, schemeCode: `default-${y}`, schemeVersion: 1, parentRunId: null });
      expect(runs[0]!.groups.map((g: { id: string }) => g.id)).toEqual(['above', 'below']);
      expect(runs[0]!.groups[0].indicators.length).toBeGreaterThan(3);
    }
    expect((await head.get('/api/mujun/uploads')).statusCode).toBe(403);
    const openapi = (await leader.get('/api/openapi.json')).json();
    for (const path of [
      '/api/mujun/uploads',
      '/api/mujun/schemes/validate',
      '/api/mujun/runs/{id}/input.csv',
      '/api/mujun/appeals/{id}/accept',
    ])
      expect(openapi.paths[path], path).toBeDefined();
  });

  it('refuses a file with bad rows: every problem with row and column, and nothing stored', async () => {
    const csv = ['统一社会信用代码,企业名称,实缴税金(万元)', `${badCheck(String(e1!.uscc))},甲,12`, `${e2!.uscc},乙,abc`].join(
      '\n',
    );
    const res = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      {
        name: '2023-税务局.csv',
        content: Buffer.from(csv),
      },
    );
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '统一社会信用代码' }),
        expect.objectContaining({ row: 3, column: '实缴税金(万元)', value: 'abc' }),
      ]),
    );
    for (const d of body.details) expect(d.reason).toEqual(expect.any(String));
    expect((await evaluator.get('/api/mujun/uploads?year=2023')).json()).toEqual([]);
    expect(
      await t.database.db.select({ id: mujunUploads.id }).from(mujunUploads).where(eq(mujunUploads.year, 2023)),
    ).toHaveLength(0);

    // a file without any of the department's columns, an unknown source, no file
    const onlyIds = Buffer.from(`uscc,name\n${e1!.uscc},甲\n`);
    const none = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      { name: 'x.csv', content: onlyIds },
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details[0].reason).toContain('税务局');
    const noName = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      {
        name: 'x.csv',
        content: Buffer.from(`uscc,tax\n${e1!.uscc},1\n`),
      },
    );
    expect(noName.statusCode).toBe(422);
    const badSource = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2023', source: 'bank' },
      { name: 'x.csv', content: onlyIds },
    );
    expect(badSource.statusCode).toBe(422);
    expect(badSource.json().error.details[0].field).toBe('source');
    const noFile = await postMultipart(evaluator, '/api/mujun/uploads', { year: '2023', source: 'tax' });
    expect(noFile.statusCode).toBe(422);
    const xls = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      { name: 'old.xls', content: onlyIds },
    );
    expect(xls.statusCode).toBe(422);
    expect(xls.json().error.details[0].reason).toContain('.xlsx');
    // unit roles may not upload
    const denied = await postMultipart(
      town,
      '/api/mujun/uploads',
      { year: '2023', source: 'tax' },
      { name: 'x.csv', content: onlyIds },
    );
    expect(denied.statusCode).toBe(403);
  });

  it('stores a good department file (xlsx, Chinese headers): only the department fields, hash and size, audited', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('税务');
    ws.addRow(['统一社会信用代码', '企业名称', '实缴税金(万元)', '用地面积(亩)']);
    ws.addRow([e1!.uscc, e1!.name, 123.45, 10]);
    ws.addRow([e2!.uscc, e2!.name, '1,234.5', 20]);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { source: 'tax', year: '2023' },
      { name: '2023-税务局.xlsx', content },
    );
    expect(res.statusCode).toBe(201);
    const up = res.json();
    expect(up).toMatchObject({
      year: 2023,
      source: 'tax',
      fileName: '2023-税务局.xlsx',
      rowCount: 2,
      fields: ['tax'],
      size: content.length,
    });
    expect(up.sha256).toBe(sha256(content));
    expect(up.uploadedByName).toBe('工信局评价专员');
    expect(up.warnings[0]).toContain('用地面积(亩)');
    const [row] = await t.database.db.select().from(mujunUploads).where(eq(mujunUploads.id, up.id));
    expect(row!.records).toEqual([
      { uscc: e1!.uscc, name: e1!.name, tax: 123.45 },
      { uscc: e2!.uscc, name: e2!.name, tax: 1234.5 },
    ]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mujun.upload.create'), eq(auditEvents.targetId, up.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorName).toBe('工信局评价专员');
    // the reconciliation of 2023 sees one source
    const rec = (await evaluator.get('/api/mujun/reconciliation?year=2023')).json();
    expect(rec.enterprises).toBe(2);
    expect(rec.sources.find((s: { source: string }) => s.source === 'tax')).toMatchObject({ uploadId: up.id, rowCount: 2 });
    expect(rec.sources.find((s: { source: string }) => s.source === 'land')).toMatchObject({ uploadId: null, rowCount: 0 });
  });

  it('finds the planted inconsistencies of the demo uploads', async () => {
    for (const year of [2021, 2022]) {
      const rec = (await evaluator.get(`/api/mujun/reconciliation?year=${year}`)).json();
      expect(rec.enterprises).toBeGreaterThan(500);
      const planted = PLANTED_INCONSISTENCIES.filter((p) => p.year === year);
      expect(planted.length).toBeGreaterThan(0);
      for (const p of planted) {
        if (p.kind === 'missing_row')
          expect(rec.missing).toContainEqual({ source: p.source, uscc: p.uscc, name: expect.any(String) });
        if (p.kind === 'name_mismatch') {
          const c = rec.nameConflicts.find((x: { uscc: string }) => x.uscc === p.uscc);
          expect(c, p.note).toBeDefined();
          expect(c.names).toContainEqual({ source: p.source, name: p.uploaded });
        }
        if (p.kind === 'outlier') {
          expect(rec.outliers).toContainEqual(
            expect.objectContaining({ uscc: p.uscc, field: p.field, value: p.uploaded, lastYear: p.previous }),
          );
        }
      }
      expect(rec.duplicates).toEqual([]);
      if (year === 2021) expect(rec.outliers).toEqual([]);
    }
    expect((await leader.get('/api/mujun/reconciliation?year=2022')).statusCode).toBe(403);
  });

  it('versions schemes and names the field and position of every problem', async () => {
    const list = (await leader.get('/api/mujun/schemes')).json() as { id: string; code: string; version: number }[];
    expect(list.map((s) => `${s.code} v${s.version}`).sort()).toEqual(['default-2021 v1', 'default-2022 v1', 'huangyan-2023 v1']);
    const base = list.find((s) => s.code === 'default-2022')!;
    const body = (await leader.get(`/api/mujun/schemes/${base.id}`)).json().body;

    const changed = structuredClone(body);
    changed.groups[0].indicators[0].weight = 30;
    const saved = await evaluator.post('/api/mujun/schemes', { body: changed, note: '亩均税收权重调为30' });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ code: 'default-2022', version: 2, note: '亩均税收权重调为30', year: 2022 });
    const again = await evaluator.post('/api/mujun/schemes', { body: changed });
    expect(again.json().version).toBe(3);
    // version 1 is unchanged
    expect((await leader.get(`/api/mujun/schemes/${base.id}`)).json().body).toEqual(body);

    const bad = structuredClone(body);
    bad.groups[0].indicators[1].numerator = 'value_added +* 2';
    bad.groups[1].classes.bands = [];
    const res = await evaluator.post('/api/mujun/schemes', { body: bad });
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { field: string; message: string; position?: number }[];
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['groups[1].classes.bands']));
    const bad2 = structuredClone(body);
    bad2.groups[0].indicators[1].numerator = 'value_added +* 2';
    const res2 = await evaluator.post('/api/mujun/schemes', { body: bad2 });
    expect(res2.statusCode).toBe(422);
    const d2 = res2.json().error.details[0];
    expect(d2.field).toBe('groups[0].indicators[1].numerator');
    expect(d2.position).toBe(13);
    expect(d2.message).toContain('（位置 13）');

    const v = (await evaluator.post('/api/mujun/schemes/validate', { body: bad2 })).json();
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ path: 'groups[0].indicators[1].numerator', position: 13 });
    expect((await evaluator.post('/api/mujun/schemes/validate', { body })).json()).toEqual({ ok: true });
    expect((await leader.post('/api/mujun/schemes', { body })).statusCode).toBe(403);
    expect((await evaluator.post('/api/mujun/schemes', { body: [1, 2] })).statusCode).toBe(422);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'mujun.scheme.create'));
    expect(audit.length).toBe(3 + 2); // three of the demo, two here
  });

  it('keeps the Huangyan example unchanged and runs it on the demo data', async () => {
    const fixture = JSON.parse(readFileSync(HUANGYAN_SCHEME_URL, 'utf8'));
    const list = (await leader.get('/api/mujun/schemes')).json() as { id: string; code: string }[];
    const hy = list.find((s) => s.code === 'huangyan-2023')!;
    expect((await leader.get(`/api/mujun/schemes/${hy.id}`)).json().body).toEqual(fixture);

    expect((await head.post('/api/mujun/runs', { year: 2022, schemeId: hy.id })).statusCode).toBe(403);
    expect((await town.post('/api/mujun/runs', { year: 2022, schemeId: hy.id })).statusCode).toBe(403);
    const res = await evaluator.post('/api/mujun/runs', { year: 2022, schemeId: hy.id, reason: '对照黄岩办法试算' });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({
      year: 2022,
      version: 2,
      schemeCode: 'huangyan-2023',
      reason: '对照黄岩办法试算',
      parentRunId: null,
    });
    expect(run.groups.map((g: { name: string }) => g.name)).toEqual(fixture.groups.map((g: { name: string }) => g.name));
    const [stored] = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.id, run.id));
    expect(stored!.scheme).toEqual(fixture);
    expect(await resultRows(run.id)).toHaveLength(run.enterpriseCount);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mujun.run.create'), eq(auditEvents.targetId, run.id)));
    expect(audit).toHaveLength(1);
    expect((await evaluator.post('/api/mujun/runs', { year: 2030, schemeId: hy.id })).statusCode).toBe(422);
  });

  it('never changes a run: a new run leaves the old one as it was; its snapshot re-evaluates to the same results', async () => {
    const [first] = (await runsOf(2022)).filter((r) => r.version === 1);
    const before = (await leader.get(`/api/mujun/runs/${first!.id}`)).json();
    const rowsBefore = await resultRows(first!.id);

    // new data for 2022 (a corrected tax file) and a new run
    const tax = rowsBefore.find((r) => r.status === 'scored')!;
    const csv = `uscc,name,tax\n${tax.uscc},${tax.name},99999\n`;
    const up = await postMultipart(
      evaluator,
      '/api/mujun/uploads',
      { year: '2022', source: 'tax' },
      { name: 'fix.csv', content: Buffer.from(csv) },
    );
    expect(up.statusCode).toBe(201);
    t.clock.advance(60_000);
    const run = (await evaluator.post('/api/mujun/runs', { year: 2022, schemeId: before.schemeId })).json();
    expect(run.version).toBe(3);
    expect(run.enterpriseCount).toBeGreaterThan(500); // other departments' latest files still count

    expect((await leader.get(`/api/mujun/runs/${first!.id}`)).json()).toEqual(before);
    expect(await resultRows(first!.id)).toEqual(rowsBefore);

    // the input snapshot: its hash, and the same results when evaluated again with the stored scheme
    const dl = await evaluator.get(`/api/mujun/runs/${first!.id}/input.csv`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('text/csv');
    expect(sha256(dl.rawPayload)).toBe(before.inputSha256);
    expect((await leader.get(`/api/mujun/runs/${first!.id}/input.csv`)).statusCode).toBe(403);
    const parsed = await readMujunInput({ buffer: dl.rawPayload, fileName: 'input.csv' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    const [stored] = await t.database.db.select().from(mujunRuns).where(eq(mujunRuns.id, first!.id));
    const scheme = validateScheme(stored!.scheme);
    if (!scheme.ok) throw new Error('stored scheme invalid');
    const again = evaluate(scheme.scheme, parsed.table);
    const by = new Map(again.results.map((r) => [r.uscc, r]));
    expect(again.results).toHaveLength(rowsBefore.length);
    for (const row of rowsBefore) {
      const r = by.get(row.uscc)!;
      expect([r.status, r.total, r.rank, r.class, r.group]).toEqual([row.status, row.total, row.rank, row.class, row.grp]);
      expect(r.indicators).toEqual(row.indicators);
    }
  });
});
