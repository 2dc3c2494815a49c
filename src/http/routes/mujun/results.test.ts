import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mujunResults, mujunRuns } from '../../../db/schema.js';
import { DEMO_ENTERPRISE_USCC } from '../../../demo/anyuan.js';
import type { Scheme } from '../../../domain/mujun/scheme.js';
import { findPdfFont } from '../../../services/mujun/report-pdf.js';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';

const TOWN = '白源街道';

type Row = typeof mujunResults.$inferSelect;
interface Item {
  uscc: string;
  name: string;
  town: string | null;
  industry: string | null;
  group: string | null;
  status: string;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: Record<string, number> | null;
}

/** A minimal RFC 4180 line splitter (the snapshot is canonical CSV: LF, quotes only where needed). */
function csvRecords(csv: string): Record<string, string>[] {
  const lines: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field), lines.push(row), (row = []), (field = ''));
    else field += c;
  }
  const [head, ...rest] = lines;
  return rest.map((cells) => Object.fromEntries(head!.map((h, k) => [h, cells[k] ?? ''])));
}

const num = (s: string | undefined) => (s === undefined || s === '' ? NaN : Number(s));

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe.each(backends())('亩均 results on %s', (backend) => {
  let t: TestApp;
  let ev: Agent;
  let clerk: Agent;
  let firm: Agent;
  let run: typeof mujunRuns.$inferSelect;
  let older: typeof mujunRuns.$inferSelect;
  let rows: Row[];
  let scheme: Scheme;

  beforeAll(async () => {
    t = await startTestApp(backend);
    [ev, clerk, firm] = await Promise.all([signIn(t, 'gxj.evaluator'), signIn(t, 'baiyuan.clerk'), signIn(t, 'qiye.demo')]);
    const runs = await t.database.db.select().from(mujunRuns).orderBy(desc(mujunRuns.year), desc(mujunRuns.version));
    expect(runs.length).toBeGreaterThanOrEqual(2);
    run = runs[0]!;
    older = runs.find((r) => r.year < run.year)!;
    scheme = run.scheme as Scheme;
    rows = await t.database.db.select().from(mujunResults).where(eq(mujunResults.runId, run.id)).orderBy(asc(mujunResults.uscc));
  }, 120_000);
  afterAll(() => t?.close());

  const url = (path: string) => `/api/mujun/runs/${run.id}${path}`;
  const all = async (agent: Agent, query = ''): Promise<{ items: Item[]; total: number }> => {
    const res = await agent.get(url(`/results?pageSize=200&${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('ranks, pages, filters and sorts the results', async () => {
    const first = await all(ev);
    expect(first.total).toBe(rows.length);
    // rank order: groups in the scheme's order, ranks ascending within each
    const scored = first.items.filter((i) => i.status === 'scored');
    const groupIndex = (g: string | null) => scheme.groups.findIndex((x) => x.id === g);
    for (let k = 1; k < scored.length; k++) {
      const [a, b] = [scored[k - 1]!, scored[k]!];
      expect(groupIndex(a.group) < groupIndex(b.group) || (a.group === b.group && a.rank! <= b.rank!)).toBe(true);
    }
    const p1 = (await ev.get(url('/results?pageSize=7&page=1'))).json();
    const p2 = (await ev.get(url('/results?pageSize=7&page=2'))).json();
    expect([...p1.items, ...p2.items].map((i: Item) => i.uscc)).toEqual(first.items.slice(0, 14).map((i) => i.uscc));
    expect([p1.page, p1.pageSize, p2.total]).toEqual([1, 7, rows.length]);

    const groupId = scheme.groups[0]!.id;
    const byGroup = await all(ev, `group=${groupId}`);
    expect(byGroup.total).toBe(rows.filter((r) => r.grp === groupId).length);
    expect(byGroup.items.every((i) => i.group === groupId)).toBe(true);
    const byTown = await all(ev, `town=${encodeURIComponent(TOWN)}`);
    expect(byTown.total).toBe(rows.filter((r) => r.town === TOWN).length);
    expect(byTown.total).toBeGreaterThan(0);
    const division = rows.find((r) => r.division)!.division!;
    const byIndustry = await all(ev, `industry=${division}`);
    expect(byIndustry.total).toBe(rows.filter((r) => r.industry?.startsWith(division)).length);
    const byClass = await all(ev, 'class=A');
    expect(byClass.total).toBe(rows.filter((r) => r.class === 'A').length);
    expect(byClass.items.every((i) => i.class === 'A')).toBe(true);
    const combined = await all(ev, `class=C&town=${encodeURIComponent(TOWN)}&group=${groupId}`);
    expect(combined.total).toBe(rows.filter((r) => r.class === 'C' && r.town === TOWN && r.grp === groupId).length);
    const q = await all(ev, `q=${encodeURIComponent(rows[3]!.name)}`);
    expect(q.items.map((i) => i.uscc)).toContain(rows[3]!.uscc);

    const byTotal = (await all(ev, 'sort=-total&status=scored')).items.map((i) => i.total!);
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));
    const byName = (await all(ev, 'sort=name')).items;
    expect(byName).toHaveLength(Math.min(200, rows.length));
    expect((await ev.get(url('/results?sort=bogus'))).statusCode).toBe(422);
  });

  it('distributes classes so that every count adds up', async () => {
    const res = await ev.get(url('/distribution'));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as {
      groups: { id: string; n: number; classCounts: Record<string, number> }[];
      overall: Record<string, number>;
      statuses: Record<string, number>;
    };
    const sum = (o: Record<string, number>) => Object.values(o).reduce((s, x) => s + x, 0);
    for (const g of d.groups) {
      expect(sum(g.classCounts)).toBe(g.n);
      expect(g.n).toBe(rows.filter((r) => r.grp === g.id && r.status === 'scored').length);
      expect(g.classCounts['A']).toBe(rows.filter((r) => r.grp === g.id && r.status === 'scored' && r.class === 'A').length);
    }
    expect(sum(d.overall)).toBe(d.groups.reduce((s, g) => s + g.n, 0));
    expect(sum(d.statuses)).toBe(rows.length);
  });

  it('aggregates per town and per industry division, checked against the snapshot', async () => {
    const res = await ev.get(url('/aggregates?by=town'));
    expect(res.statusCode, res.body).toBe(200);
    const towns = res.json() as {
      key: string;
      n: number;
      enterprises: number;
      classCounts: Record<string, number>;
      meanTotal: number;
      land_mu: number;
      tax: number;
      taxPerMu: number;
    }[];
    expect(towns.reduce((s, a) => s + a.enterprises, 0)).toBe(rows.length);
    const mine = towns.find((a) => a.key === TOWN)!;
    const scoredHere = rows.filter((r) => r.town === TOWN && r.status === 'scored');
    const input = new Map(csvRecords(run.inputCsv).map((r) => [r['uscc']!, r]));
    const land = scoredHere.reduce((s, r) => s + (num(input.get(r.uscc)!['land_mu']) || 0), 0);
    const tax = scoredHere.reduce((s, r) => s + (num(input.get(r.uscc)!['tax']) || 0), 0);
    expect(mine.n).toBe(scoredHere.length);
    expect(mine.classCounts['B']).toBe(scoredHere.filter((r) => r.class === 'B').length);
    expect(mine.meanTotal).toBeCloseTo(scoredHere.reduce((s, r) => s + r.total!, 0) / scoredHere.length, 3);
    expect(mine.land_mu).toBeCloseTo(land, 3);
    expect(mine.tax).toBeCloseTo(tax, 3);
    expect(mine.taxPerMu).toBeCloseTo(tax / land, 3);

    const industries = (await ev.get(url('/aggregates?by=industry'))).json() as { key: string; label: string; n: number }[];
    const c30 = industries.find((a) => a.key === 'C30');
    if (c30) expect(c30.label).toBe('C30 非金属矿物制品业');
    expect(industries.reduce((s, a) => s + a.n, 0)).toBe(rows.filter((r) => r.status === 'scored').length);
    expect((await ev.get(url('/aggregates?by=unit'))).statusCode).toBe(422);
  });

  it('describes one enterprise: result, input, benchmarks, radar, uplift, trend and policies', async () => {
    const group = scheme.groups[0]!;
    // an enterprise in both years, scored, not in the top class
    const olderUsccs = new Set(
      (await t.database.db.select({ uscc: mujunResults.uscc }).from(mujunResults).where(eq(mujunResults.runId, older.id))).map(
        (r) => r.uscc,
      ),
    );
    const target = rows.find((r) => r.grp === group.id && r.status === 'scored' && r.class === 'C' && olderUsccs.has(r.uscc))!;
    expect(target).toBeDefined();
    const res = await ev.get(url(`/enterprises/${target.uscc}`));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.run).toMatchObject({ id: run.id, year: run.year, version: run.version });
    expect(d.result).toMatchObject({ uscc: target.uscc, class: 'C', rank: target.rank, total: target.total });
    expect(d.input.uscc).toBe(target.uscc);
    expect(d.group.id).toBe(group.id);
    expect(d.group.n).toBe(rows.filter((r) => r.grp === group.id && r.status === 'scored').length);
    expect(d.group.indicators.map((i: { id: string }) => i.id)).toEqual(group.indicators.map((i) => i.id));

    // a hand-checked benchmark: a group-wide aggregate is Σ numerator ÷ Σ denominator over the group's valued members
    const ind = group.indicators.find(
      (i) =>
        i.benchmark?.method === 'aggregate' &&
        !i.benchmark.by &&
        i.denominator &&
        /^\w+$/.test(i.numerator) &&
        /^\w+$/.test(i.denominator),
    )!;
    expect(ind).toBeDefined();
    const input = new Map(csvRecords(run.inputCsv).map((r) => [r['uscc']!, r]));
    let sn = 0;
    let sd = 0;
    for (const r of rows.filter((x) => x.grp === group.id && x.status === 'scored')) {
      const n = num(input.get(r.uscc)![ind.numerator]);
      const dd = num(input.get(r.uscc)![ind.denominator!]);
      if (Number.isNaN(n) || Number.isNaN(dd) || dd <= 0) continue;
      sn += n;
      sd += dd;
    }
    const expected = (sn / sd) * (ind.benchmark!.multiplier ?? 1);
    const applied = d.group.indicators.find((i: { id: string }) => i.id === ind.id).benchmark;
    expect(applied).toBeCloseTo(expected, 9);
    expect(d.result.indicators[ind.id].benchmark).toBeCloseTo(expected, 9);

    // radar: max = hero weight sums, group mean from the stored hero scores
    const heroes = ['mujun', 'ditan', 'keji', 'renjun'] as const;
    expect(d.radar.heroes).toEqual(heroes);
    expect(d.radar.max).toEqual(
      heroes.map((h) => group.indicators.filter((i) => i.hero === h).reduce((s, i) => s + i.weight, 0)),
    );
    const members = rows.filter((r) => r.grp === group.id && r.status === 'scored');
    heroes.forEach((h, k) => {
      expect(d.radar.groupMean[k]).toBeCloseTo(members.reduce((s, r) => s + (r[h] ?? 0), 0) / members.length, 3);
      expect(d.radar.enterprise[k]).toBeCloseTo(target[h] ?? 0, 9);
    });

    // uplift: re-derived from the snapshot; the next class of a C is B
    expect(d.uplift).toMatchObject({ uscc: target.uscc, currentClass: 'C', nextClass: 'B' });
    expect(d.uplift.neededPoints).toBeGreaterThan(0);
    expect(d.uplift.items).toHaveLength(group.indicators.length);
    expect(d.uplift.items.some((i: { possible: boolean }) => i.possible)).toBe(true);

    // trend: one point per year, oldest first, this run for its own year
    expect(d.trend.map((p: { year: number }) => p.year)).toEqual([older.year, run.year]);
    expect(d.trend[1]).toMatchObject({ runId: run.id, class: 'C', rank: target.rank });
    expect(d.trend[0].runId).toBe(older.id);

    expect(d.policies.length).toBeGreaterThan(0);
    expect(d.policies.every((p: { class: string }) => p.class === 'C')).toBe(true);

    expect((await ev.get(url('/enterprises/91360302MA0000000X'))).statusCode).toBe(404);
  });

  it('keeps a street clerk inside its street and an enterprise contact to itself', async () => {
    const own = rows.filter((r) => r.town === TOWN);
    const list = await all(clerk);
    expect(list.total).toBe(own.length);
    expect(list.items.every((i) => i.town === TOWN)).toBe(true);
    const other = rows.find((r) => r.town !== TOWN && r.town)!;
    expect((await clerk.get(url(`/enterprises/${other.uscc}`))).statusCode).toBe(404);
    expect((await clerk.get(url(`/enterprises/${own[0]!.uscc}`))).statusCode).toBe(200);
    const dist = (await clerk.get(url('/distribution'))).json();
    expect(Object.values(dist.statuses as Record<string, number>).reduce((s, x) => s + x, 0)).toBe(own.length);
    const towns = (await clerk.get(url('/aggregates?by=town'))).json();
    expect(towns.map((a: { key: string }) => a.key)).toEqual([TOWN]);

    const firmList = await all(firm);
    expect(firmList.items.map((i) => i.uscc)).toEqual([DEMO_ENTERPRISE_USCC]);
    expect((await firm.get(url(`/enterprises/${DEMO_ENTERPRISE_USCC}`))).statusCode).toBe(200);
    expect((await firm.get(url(`/enterprises/${other.uscc}`))).statusCode).toBe(404);
    expect((await firm.get(url('/class-lists.xlsx'))).statusCode).toBe(403);

    const auditor = await signIn(t, 'auditor');
    expect((await auditor.get(url('/results'))).statusCode).toBe(403);
  });

  it('compares two runs across years: the matrix adds up to the enterprises both hold', async () => {
    const olderRows = await t.database.db.select().from(mujunResults).where(eq(mujunResults.runId, older.id));
    const before = new Map(olderRows.map((r) => [r.uscc, r]));
    const both = rows.filter((r) => before.has(r.uscc));
    const res = await ev.get(`/api/mujun/compare?a=${older.id}&b=${run.id}&pageSize=5`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.a.id).toBe(older.id);
    expect(c.b.id).toBe(run.id);
    const cells = Object.values(c.matrix as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, x) => s + x, 0)).toBe(both.length);
    expect(c.total).toBe(both.length);
    expect(c.items).toHaveLength(Math.min(5, both.length));
    expect(c.matrix['A']['A']).toBe(both.filter((r) => r.class === 'A' && before.get(r.uscc)!.class === 'A').length);
    const changed = (await ev.get(`/api/mujun/compare?a=${older.id}&b=${run.id}&changed=1&pageSize=200`)).json();
    expect(changed.total).toBe(both.filter((r) => r.class !== before.get(r.uscc)!.class).length);
    expect(changed.items.every((i: { classA: string; classB: string }) => i.classA !== i.classB)).toBe(true);

    const mine = (await clerk.get(`/api/mujun/compare?a=${older.id}&b=${run.id}&pageSize=200`)).json();
    expect(mine.total).toBe(both.filter((r) => r.town === TOWN && before.get(r.uscc)!.town === TOWN).length);
  });

  it('exports the ranking and the class lists as workbooks', async () => {
    const res = await ev.get(url('/export.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    const wb = await workbook(res.rawPayload);
    for (const g of scheme.groups) {
      const ws = wb.getWorksheet(g.name)!;
      expect(ws, g.name).toBeDefined();
      expect(ws.getRow(2).getCell(2).value).toBe('统一社会信用代码');
      expect(ws.rowCount - 2).toBe(rows.filter((r) => r.grp === g.id && r.status === 'scored').length);
    }
    const clerkBook = await workbook((await clerk.get(url('/export.xlsx'))).rawPayload);
    const clerkRows = clerkBook.worksheets.reduce((s, ws) => s + ws.rowCount - 2, 0);
    expect(clerkRows).toBe(rows.filter((r) => r.town === TOWN).length);

    const lists = await ev.get(url('/class-lists.xlsx'));
    expect(lists.statusCode, lists.body).toBe(200);
    const lb = await workbook(lists.rawPayload);
    const a = lb.getWorksheet('A类')!;
    expect(a).toBeDefined();
    const cells: string[] = [];
    a.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('统一社会信用代码');
    const aUsccs = rows.filter((r) => r.class === 'A').map((r) => r.uscc);
    expect(aUsccs.every((u) => cells.includes(u))).toBe(true);
    expect(cells.some((s) => s.includes('优先'))).toBe(true); // a policy of class A on top
    expect((await clerk.get(url('/class-lists.xlsx'))).statusCode).toBe(403);
  });

  it('renders the 体检报告 as PDF (one page per enterprise for a town)', async () => {
    if (!findPdfFont()) {
      console.warn(
        `[notice] no CJK font (ls /usr/share/fonts/opentype/noto/: ${existsSync('/usr/share/fonts/opentype/noto') ? 'present' : 'missing'}): the PDF must answer 503`,
      );
      const res = await ev.get(url(`/enterprises/${DEMO_ENTERPRISE_USCC}/report.pdf`));
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain('服务器未安装中文字体');
      return;
    }
    const one = await firm.get(url(`/enterprises/${DEMO_ENTERPRISE_USCC}/report.pdf`));
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const pages = (buf: Buffer) => (buf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    expect(pages(one.rawPayload)).toBe(1);

    const batch = await clerk.get(url(`/reports.pdf?town=${encodeURIComponent(TOWN)}`));
    expect(batch.statusCode, batch.body).toBe(200);
    expect(pages(batch.rawPayload)).toBe(rows.filter((r) => r.town === TOWN).length);
    const other = rows.find((r) => r.town && r.town !== TOWN)!.town!;
    expect((await clerk.get(url(`/reports.pdf?town=${encodeURIComponent(other)}`))).statusCode).toBe(404);
    expect(
      (await firm.get(url(`/enterprises/${rows.find((r) => r.uscc !== DEMO_ENTERPRISE_USCC)!.uscc}/report.pdf`))).statusCode,
    ).toBe(404);
  }, 60_000);

  it('replaces the policies as a whole, audited, for evaluators only', async () => {
    const before = (await clerk.get('/api/mujun/policies')).json();
    expect(before.length).toBeGreaterThan(0);
    const items = [
      { class: 'A', category: 'award', measure: '给予亩均效益领跑奖励 20 万元', department: '区工信局' },
      { class: 'D', category: 'electricity', measure: '差别化电价加价 0.1 元/千瓦时', department: null },
    ];
    expect((await clerk.put('/api/mujun/policies', { items })).statusCode).toBe(403);
    const bad = await ev.put('/api/mujun/policies', { items: [{ class: 'A', category: 'tax', measure: 'x' }] });
    expect(bad.statusCode).toBe(422);
    const dup = await ev.put('/api/mujun/policies', { items: [items[0], items[0]] });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details[0].field).toBe('items[1].measure');

    const res = await ev.put('/api/mujun/policies', { items });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((p: { measure: string }) => p.measure)).toEqual(items.map((i) => i.measure));
    expect((await firm.get('/api/mujun/policies')).json()).toHaveLength(2);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mujun.policy.replace'), eq(auditEvents.actorName, '工信局评价专员')))
      .orderBy(desc(auditEvents.at));
    expect((event!.before as unknown[]).length).toBe(before.length);
    expect(event!.after).toEqual(items.map((i) => ({ ...i, department: i.department ?? null, sortOrder: 0 })));
  });

  it('shows the id where a scheme names no indicator, adjustment or veto', async () => {
    const body = structuredClone(scheme) as Scheme & Record<string, unknown>;
    body.id = `${scheme.id}-nameless`;
    for (const g of body.groups) {
      for (const x of [...g.indicators, ...(g.adjustments ?? []), ...(g.vetoes ?? [])]) delete (x as { name?: string }).name;
    }
    const saved = await ev.post('/api/mujun/schemes', { body });
    expect(saved.statusCode, saved.body).toBe(201);
    const created = await ev.post('/api/mujun/runs', { year: run.year, schemeId: saved.json().id, reason: '无名称方案' });
    expect(created.statusCode, created.body).toBe(201);
    const nr = created.json();
    const g = body.groups[0]!;
    expect(nr.groups[0].indicators.map((i: { name: string }) => i.name)).toEqual(g.indicators.map((i) => i.id));
    const newRows = await t.database.db.select().from(mujunResults).where(eq(mujunResults.runId, nr.id));
    const adjusted = newRows.find((r) => ((r.adjustments ?? []) as unknown[]).length > 0)!;
    const vetoed = newRows.find((r) => (r.vetoes ?? []).length > 0)!;
    expect(adjusted && vetoed).toBeTruthy();
    for (const r of [adjusted, vetoed]) {
      const res = await ev.get(`/api/mujun/runs/${nr.id}/enterprises/${r.uscc}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      for (const a of d.result.adjustments) expect(a.name).toBe(a.id);
      for (const v of d.result.vetoDetails) expect(v.name).toBe(v.id);
      for (const i of d.group.indicators) expect(i.name).toBe(i.id);
      for (const i of d.uplift?.items ?? []) expect(i.name).toBe(i.indicatorId);
    }
    const vd = (await ev.get(`/api/mujun/runs/${nr.id}/enterprises/${vetoed.uscc}`)).json();
    expect(vd.result.vetoDetails.length).toBeGreaterThan(0);
    const ad = (await ev.get(`/api/mujun/runs/${nr.id}/enterprises/${adjusted.uscc}`)).json();
    expect(ad.result.adjustments.length).toBeGreaterThan(0);
  }, 120_000);
});
