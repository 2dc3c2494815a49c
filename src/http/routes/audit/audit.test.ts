import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_USERS, backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';

describe.each(backends())('audit trail on %s', (backend) => {
  let t: TestApp;
  let auditor: Agent;
  let admin: Agent;
  beforeAll(async () => {
    t = await startTestApp(backend);
    auditor = await signIn(t, 'auditor');
    admin = await signIn(t, 'admin');
    await admin.post('/api/units', { code: 'AUD-1', name: '审计测试单位', kind: 'other' });
  });
  afterAll(() => t.close());

  it('lets the auditor search by person, action, target and time', async () => {
    const all = (await auditor.get('/api/audit?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(3);
    const logins = (await auditor.get('/api/audit?action=auth.login&actor=系统管理员')).json();
    expect(logins.items.length).toBeGreaterThan(0);
    expect(
      logins.items.every((e: { action: string; actorName: string }) => e.action === 'auth.login' && e.actorName === '系统管理员'),
    ).toBe(true);
    const created = (await auditor.get('/api/audit?action=unit.create&targetType=unit')).json().items[0];
    expect(created.after).toMatchObject({ code: 'AUD-1', name: '审计测试单位' });
    expect(created.ip).toBeTruthy();
    const future = encodeURIComponent(new Date(t.clock.now().getTime() + 3600_000).toISOString());
    expect((await auditor.get(`/api/audit?from=${future}`)).json().total).toBe(0);
    expect((await auditor.get('/api/audit/actions')).json().items).toContain('unit.create');
  });

  it('exports the search to Excel, and audits the export', async () => {
    const res = await auditor.get('/api/audit/export?action=unit.create');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('操作人');
    expect(ws.getRow(2).getCell(5).value).toBe('unit.create');
    expect(String(ws.getRow(2).getCell(9).value)).toContain('审计测试单位');
    expect((await auditor.get('/api/audit?action=audit.export')).json().total).toBe(1);
  });

  it('keeps the auditor away from business data, and everyone else away from the audit log', async () => {
    for (const url of ['/api/units', '/api/people', '/api/accounts', '/api/leaders']) {
      expect((await auditor.get(url)).statusCode).toBe(403);
    }
    for (const u of DEMO_USERS.filter((u) => u !== 'auditor' && u !== 'admin')) {
      const a = await signIn(t, u);
      expect((await a.get('/api/audit')).statusCode).toBe(403);
      expect((await a.get('/api/audit/export')).statusCode).toBe(403);
    }
    expect((await admin.get('/api/audit')).statusCode).toBe(403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows at the database', async () => {
    const db = t.database.db;
    const failure = (q: ReturnType<typeof sql>) =>
      db.execute(q).then(
        () => 'succeeded',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await failure(sql`UPDATE audit_events SET actor_name = 'x'`)).toMatch(/append-only: UPDATE refused/);
    expect(await failure(sql`DELETE FROM audit_events`)).toMatch(/append-only: DELETE refused/);
    expect(await failure(sql`TRUNCATE audit_events`)).toMatch(/append-only: TRUNCATE refused/);
    const n = (await db.execute(sql`SELECT count(*)::int AS n FROM audit_events`)) as unknown as { rows: { n: number }[] };
    expect(n.rows[0]!.n).toBeGreaterThan(0);
  });
});
