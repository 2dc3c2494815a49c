import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../test/harness.js';
import { buildTrackingFixture, type TrackingFixture } from '../../../test/tracking-fixture.js';
import { ledgerQueryString, type Figure } from './common.js';

const METRICS = ['by-light', 'by-status', 'rates-by-unit', 'rates-by-leader', 'monthly-trend', 'by-source', 'overdue'];

/** Every { n, filter } anywhere in a response. */
function figures(x: unknown, path = '', out: [string, Figure][] = []): [string, Figure][] {
  if (Array.isArray(x)) x.forEach((v, i) => figures(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.n === 'number' && o.filter && typeof o.filter === 'object') out.push([path, o as unknown as Figure]);
    else for (const [k, v] of Object.entries(o)) figures(v, `${path}.${k}`, out);
  }
  return out;
}

describe.each(backends())('dashboard on %s', (backend) => {
  let t: TestApp;
  let fx: TrackingFixture;

  beforeAll(async () => {
    t = await startTestApp(backend);
    fx = await buildTrackingFixture(t);
  });
  afterAll(() => t.close());

  const checkAll = async (agent: Agent) => {
    const seen: Record<string, number> = {};
    for (const m of METRICS) {
      const res = await agent.get(`/api/dashboard/${m}`);
      expect(res.statusCode, `${m}: ${res.body}`).toBe(200);
      const list = figures(res.json());
      expect(list.length, m).toBeGreaterThan(0);
      for (const [path, f] of list) {
        const ledger = await agent.get(`/api/tasks?pageSize=1&${ledgerQueryString(f.filter)}`);
        expect(ledger.statusCode, `${m}${path}: ${ledger.body}`).toBe(200);
        expect(ledger.json().total, `${m}${path} ${JSON.stringify(f.filter)}`).toBe(f.n);
        seen[`${m}${path}`] = f.n;
      }
    }
    return seen;
  };

  it('gives 督查室 numbers that equal the ledger counts they click through to', async () => {
    const seen = await checkAll(fx.sup);
    const light = (await fx.sup.get('/api/dashboard/by-light')).json();
    expect(light.red.n).toBe(1); // 托幼园位: past its deadline
    const status = (await fx.sup.get('/api/dashboard/by-status')).json();
    expect([status.closed.n, status.draft.n, status.withdrawn.n, status.returned.n]).toEqual([2, 1, 1, 1]);
    const swj = (await fx.sup.get('/api/dashboard/rates-by-unit')).json().find((r: { name: string }) => r.name === '区商务局');
    expect([swj.total.n, swj.closed.n, swj.closedOnTime.n, swj.completionRate, swj.onTimeRate]).toEqual([4, 2, 1, 50, 50]);
    expect(swj.openOverdue.n).toBe(0);
    const trend = (await fx.sup.get('/api/dashboard/monthly-trend')).json();
    expect(trend).toHaveLength(12);
    expect(trend[11].month).toBe('2026-03');
    expect([trend[11].opened.n, trend[11].closed.n]).toEqual([6, 2]);
    const overdue = (await fx.sup.get('/api/dashboard/overdue')).json();
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([fx.ids.overdue]);
    const src = (await fx.sup.get('/api/dashboard/by-source')).json().find((r: { id: string }) => r.id === fx.sourceId);
    expect([src.total.n, src.closed.n, src.avgPercent]).toEqual([3, 2, 80]);
    expect(Object.keys(seen).length).toBeGreaterThan(20);
  });

  it('counts open overdue tasks in the on-time rate: on-time closed ÷ (closed + open overdue)', async () => {
    const rows = (await fx.sup.get('/api/dashboard/rates-by-unit')).json() as {
      name: string;
      closed: Figure;
      closedOnTime: Figure;
      openOverdue: Figure;
      onTimeRate: number | null;
    }[];
    // 区教育体育局 has one task, still open and past its deadline: 0 %, not "no rate"
    const jyj = rows.find((r) => r.openOverdue.n > 0)!;
    expect([jyj.closed.n, jyj.closedOnTime.n, jyj.openOverdue.n, jyj.onTimeRate]).toEqual([0, 0, 1, 0]);
    expect(jyj.openOverdue.filter).toMatchObject({ overdue: true });
    // the district figure the leaders' card shows: 1 on time of 2 closed + 1 open overdue
    const onTime = rows.reduce((s, r) => s + r.closedOnTime.n, 0);
    const due = rows.reduce((s, r) => s + r.closed.n + r.openOverdue.n, 0);
    expect([onTime, due]).toEqual([1, 3]);
    const leaders = (await fx.sup.get('/api/dashboard/rates-by-leader')).json() as { openOverdue: Figure; onTimeRate: number | null }[];
    expect(leaders.reduce((s, r) => s + r.openOverdue.n, 0)).toBe(1);
  });

  it('keeps a unit clerk inside its scope, numbers still equal to its ledger', async () => {
    await checkAll(fx.clerk);
    const light = (await fx.clerk.get('/api/dashboard/by-light')).json();
    expect(light.red.n).toBe(0);
    const units = (await fx.clerk.get('/api/dashboard/rates-by-unit')).json().map((r: { name: string }) => r.name);
    expect(units).toEqual(['区商务局']);
  });

  it('narrows by the ledger filters and refuses roles without the right', async () => {
    const narrowed = (await fx.sup.get('/api/dashboard/by-status?sourceKind=livelihood')).json();
    expect(narrowed.assigned.n).toBe(1);
    expect(narrowed.assigned.filter).toEqual({ sourceKind: 'livelihood', status: ['assigned'] });
    const auditor = await signIn(t, 'auditor');
    expect((await auditor.get('/api/dashboard/by-light')).statusCode).toBe(403);
  });
});
