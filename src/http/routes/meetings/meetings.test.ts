import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { meetings, tasks } from '../../../db/schema.js';
import { backends, signIn, startTestApp, upload, type Agent, type TestApp } from '../../../../test/harness.js';

const SEED = readFileSync(
  fileURLToPath(new URL('../../../domain/meetings/fixtures/anyuan-seed-2022-02-11.txt', import.meta.url)),
  'utf8',
);

describe.each(backends())('from a meeting report to tasks on %s', (backend) => {
  let t: TestApp;
  let sup: Agent;
  let clerk: Agent;
  beforeAll(async () => {
    t = await startTestApp(backend);
    sup = await signIn(t, 'duchashi');
    clerk = await signIn(t, 'swj.clerk');
  });
  afterAll(() => t.close());

  async function parsed() {
    const res = await sup.post('/api/meetings/parse', { text: SEED, publicationYear: 2022 });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  it('parses the seed into six directives with spans, and suggests units by the district’s hints', async () => {
    const { parsed: p, units } = await parsed();
    const ds = p.groups.flatMap((g: { directives: unknown[] }) => g.directives);
    expect(ds).toHaveLength(6);
    expect(SEED.slice(ds[2].span.start, ds[2].span.end)).toMatch(/^第三/);
    expect(ds[2].standard).toBe('招大引强、亩均标准');
    const consumption = ds[3].tasks.find((x: { text: string }) => x.text.includes('促进消费'));
    expect(consumption.suggestedUnitCode).toBe('SWJ');
    expect(units.SWJ.name).toBe('区商务局');
    expect((await clerk.post('/api/meetings/parse', { text: SEED })).statusCode).toBe(403);
    expect((await sup.post('/api/meetings/parse', { text: '   ' })).statusCode).toBe(422);
  });

  it('parses an uploaded .txt and refuses other files', async () => {
    const ok = await upload(sup, '/api/meetings/parse-file?publicationYear=2022', Buffer.from(SEED), 'report.txt');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().parsed.meeting.date).toBe('2022-02-11');
    expect((await upload(sup, '/api/meetings/parse-file', Buffer.from('x'), 'report.pdf')).statusCode).toBe(422);
  });

  it('confirms the meeting and three reviewed tasks, linked to their directives, all or nothing', async () => {
    const { parsed: p, units } = await parsed();
    const ds = p.groups.flatMap((g: { title: string | null; directives: Record<string, unknown>[] }, gi: number) =>
      g.directives.map((d) => ({ ...d, groupIndex: gi, groupTitle: g.title })),
    );
    const body = {
      text: SEED,
      title: '区政府党组会议（2022年2月11日）',
      meeting: {
        heldOn: p.meeting.date,
        kind: p.meeting.kind,
        chair: p.meeting.chair,
        attendees: p.meeting.attendees,
        studied: p.meeting.studied,
      },
      directives: ds.map((d: Record<string, unknown>) => ({
        groupIndex: d.groupIndex,
        groupTitle: d.groupTitle,
        ordinal: d.ordinal,
        marker: d.marker,
        text: d.text,
        span: d.span,
        standard: d.standard,
        field: d.field,
      })),
      tasks: [
        { directiveIndex: 2, title: '加快安源科创城建设', leadUnitId: units['P-KCC'].id, deadline: '2026-12-31' },
        {
          directiveIndex: 2,
          title: '力争在引进央企、国字号企业上实现零的突破',
          leadUnitId: units.SWJ.id,
          deadline: '2026-12-31',
        },
        { directiveIndex: 3, title: '抓紧出台促进消费的若干举措', leadUnitId: units.SWJ.id, deadline: '2026-06-30' },
      ],
    };
    const before = (await t.database.db.select({ n: count() }).from(meetings))[0]!.n;
    const bad = await sup.post('/api/meetings', {
      ...body,
      tasks: [...body.tasks, { directiveIndex: 9, title: 'x', leadUnitId: units.SWJ.id, deadline: '2026-12-31' }],
    });
    expect(bad.statusCode).toBe(422);
    expect((await t.database.db.select({ n: count() }).from(meetings))[0]!.n).toBe(before);
    const res = await sup.post('/api/meetings', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().tasks).toHaveLength(3);
    const meeting = (await sup.get(`/api/meetings/${res.json().id}`)).json();
    expect(meeting.directives.map((d: { tasks: number }) => d.tasks)).toEqual([0, 0, 2, 1, 0, 0]);
    const ledger = (await sup.get(`/api/tasks?sourceId=${res.json().sourceId}`)).json();
    expect(ledger.total).toBe(3);
    // the dashboard's directive panel: every number is the ledger count it clicks through to
    const panel = (await sup.get('/api/dashboard/by-directive')).json();
    expect(panel.map((d: { marker: string; total: { n: number } }) => [d.marker, d.total.n])).toEqual([
      ['第三', 2],
      ['第四', 1],
    ]);
    for (const d of panel) {
      const qs = new URLSearchParams(
        Object.entries(d.total.filter as Record<string, unknown>).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : String(v),
        ]),
      );
      expect((await sup.get(`/api/tasks?${qs}`)).json().total).toBe(d.total.n);
    }
    // each directive's count clicks through to exactly its tasks
    for (const d of meeting.directives) {
      expect((await sup.get(`/api/tasks?directiveId=${d.id}`)).json().total).toBe(d.tasks);
    }
    expect((await t.database.db.select({ n: count() }).from(tasks))[0]!.n).toBe(3);
  });

  it('keeps the keyword → unit hints as data the supervision office edits', async () => {
    const hints = (await sup.get('/api/meetings/unit-hints')).json().items;
    expect(hints.length).toBeGreaterThan(10);
    expect((await sup.put('/api/meetings/unit-hints', { items: [{ keyword: '消费', unitCode: 'NO-SUCH' }] })).statusCode).toBe(
      422,
    );
    expect((await sup.put('/api/meetings/unit-hints', { items: [{ keyword: '消费', unitCode: 'FGW' }] })).statusCode).toBe(200);
    const { parsed: p } = await parsed();
    const task = p.groups[0].directives[3].tasks.find((x: { text: string }) => x.text.includes('促进消费'));
    expect(task.suggestedUnitCode).toBe('FGW');
    expect((await clerk.get('/api/meetings/unit-hints')).statusCode).toBe(403);
  });
});
