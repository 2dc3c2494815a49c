import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people } from '../../../db/schema.js';
import { backends, signIn, startTestApp, type Agent, type TestApp } from '../../../../test/harness.js';

const TOWN = '白源街道';

interface Tier {
  id: string;
  name: string;
  order: number;
  rule: string;
  threshold: { field: string; value: number } | null;
  targets: { year: number; count: number }[];
  ownerUnitId: string | null;
  ownerUnitName: string | null;
}
interface Item {
  uscc: string;
  name: string;
  town: string | null;
  inData: boolean;
  tier: { id: string } | null;
  previousTier: { id: string } | null;
  movement: string;
  becameAboveScale: boolean;
  nextTier: { id: string } | null;
  gapField: string | null;
  value: number | null;
  gap: number | null;
  leaders: { id: string; name: string }[];
}
interface Summary {
  year: number;
  years: number[];
  previous: { year: number } | null;
  illustrative: boolean;
  note: string;
  district: boolean;
  tiers: { id: string; target: number | null; count: number; previousCount: number | null; ownerUnitName: string | null }[];
  movements: Record<string, number>;
  towns: { town: string | null; counts: number[]; total: number }[];
}

describe.each(backends())('cultivation (培育库) on %s', (backend) => {
  let t: TestApp;
  let ev: Agent;
  let clerk: Agent;
  let firm: Agent;
  let summary: Summary;

  beforeAll(async () => {
    t = await startTestApp(backend);
    [ev, clerk, firm] = await Promise.all([signIn(t, 'gxj.evaluator'), signIn(t, 'baiyuan.clerk'), signIn(t, 'qiye.demo')]);
    const res = await ev.get('/api/cultivation/summary');
    expect(res.statusCode, res.body).toBe(200);
    summary = res.json();
  }, 120_000);
  afterAll(() => t?.close());

  const list = async (agent: Agent, query = ''): Promise<{ items: Item[]; total: number }> => {
    const res = await agent.get(`/api/cultivation/enterprises?pageSize=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** every page of a list */
  const all = async (agent: Agent, query = ''): Promise<Item[]> => {
    const out: Item[] = [];
    for (let page = 1; ; page++) {
      const p = await list(agent, `${query}&page=${page}`);
      out.push(...p.items);
      if (out.length >= p.total || p.items.length === 0) return out;
    }
  };

  it('places the demo year against the year before, with the illustrative tiers and their targets', async () => {
    expect(summary.year).toBe(2022);
    expect(summary.previous?.year).toBe(2021);
    expect(summary.years).toEqual([2022, 2021]);
    expect(summary.illustrative).toBe(true);
    expect(summary.note).toContain('示例');
    expect(summary.district).toBe(true);
    expect(summary.tiers.map((x) => x.target)).toEqual([1, 2, 3, 15, 11]);
    expect(summary.tiers.every((x) => x.ownerUnitName)).toBe(true);
    const placed = summary.tiers.reduce((s, x) => s + x.count, 0);
    expect(placed).toBeGreaterThan(10);
    const m = summary.movements;
    expect(m.up! + m.down! + m.new! + m.same!).toBe(placed);
    expect(m.up! + m.down! + m.exit! + m.same!).toBe(summary.tiers.reduce((s, x) => s + x.previousCount!, 0));
    expect(summary.towns.reduce((s, x) => s + x.total, 0)).toBe(placed);

    const tiers = (await ev.get('/api/cultivation/tiers')).json();
    expect(tiers.illustrative).toBe(true);
    expect(tiers.tiers.map((x: Tier) => x.id)).toEqual(summary.tiers.map((x) => x.id));
    expect(tiers.fields.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(['revenue', 'mujun_class', 'scale']));

    const y2021 = (await ev.get('/api/cultivation/summary?year=2021')).json() as Summary;
    expect(y2021.previous).toBeNull();
    expect(y2021.tiers.map((x) => x.count)).toEqual(summary.tiers.map((x) => x.previousCount));
    expect(y2021.movements.new).toBe(y2021.tiers.reduce((s, x) => s + x.count, 0));
  });

  it('lists per tier, movement and town, with the gap to the next tier', async () => {
    for (const tier of summary.tiers) {
      const rows = await all(ev, `tier=${tier.id}`);
      expect(rows.length).toBe(tier.count);
      expect(rows.every((r) => r.tier?.id === tier.id)).toBe(true);
    }
    const listed = await all(ev);
    expect(listed.every((r) => r.tier || r.previousTier)).toBe(true);
    // highest tier first
    const order = summary.tiers.map((x) => x.id);
    const rank = (r: Item) => (r.tier ? order.indexOf(r.tier.id) : order.length);
    for (let k = 1; k < listed.length; k++) expect(rank(listed[k - 1]!)).toBeLessThanOrEqual(rank(listed[k]!));
    for (const mv of ['up', 'down', 'new', 'exit', 'same'] as const) {
      const rows = await all(ev, `movement=${mv}`);
      expect(rows.length).toBe(summary.movements[mv]);
      expect(rows.every((r) => r.movement === mv)).toBe(true);
    }
    const ups = await all(ev, 'movement=up');
    for (const r of ups) expect(order.indexOf(r.tier!.id)).toBeLessThan(order.indexOf(r.previousTier!.id));
    const xsg = await all(ev, 'movement=xsg');
    expect(xsg.length).toBe(summary.movements.becameAboveScale);
    expect(xsg.length).toBeGreaterThan(0);
    expect(xsg.every((r) => r.becameAboveScale)).toBe(true);

    const tiers = (await ev.get('/api/cultivation/tiers')).json().tiers as Tier[];
    const withGap = listed.filter((r) => r.gap !== null);
    expect(withGap.length).toBeGreaterThan(0);
    for (const r of withGap) {
      const next = tiers.find((x) => x.id === r.nextTier!.id)!;
      expect(r.gapField).toBe(next.threshold!.field);
      expect(r.gap).toBeCloseTo(Math.max(0, next.threshold!.value - r.value!), 6);
    }
    expect(listed.filter((r) => r.tier?.id === order[0]).every((r) => r.nextTier === null)).toBe(true);

    const town = await all(ev, `town=${encodeURIComponent(TOWN)}`);
    expect(town.every((r) => r.town === TOWN)).toBe(true);
    expect(town.length).toBe(listed.filter((r) => r.town === TOWN).length);
  });

  it('lists per leader: the portfolio holds the tier owner unit or the town', async () => {
    const leaders = (await ev.get('/api/cultivation/leaders')).json() as { id: string; name: string }[];
    const [industry] = await t.database.db
      .select()
      .from(people)
      .where(and(eq(people.name, '郑立新'), eq(people.isLeader, true)));
    expect(leaders.map((l) => l.id)).toContain(industry!.id);
    const listed = await all(ev);
    const mine = await all(ev, `leaderId=${industry!.id}`);
    // 郑立新 holds 工信局, the owner of the four top tiers, but not 统计局 (the 小升规 tier)
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.leaders.some((l) => l.id === industry!.id))).toBe(true);
    expect(mine.length).toBe(listed.filter((r) => r.leaders.some((l) => l.id === industry!.id)).length);
    // a 小升规 enterprise (owner 统计局) is his only where it sits in one of his parks
    const parks = ['安源经济开发区', '安源科创城'];
    const xsgTier = (r: Item) => (r.tier ?? r.previousTier)!.id === 'xiaoshenggui';
    expect(mine.filter(xsgTier).every((r) => parks.includes(r.town!))).toBe(true);
    expect(listed.filter((r) => !xsgTier(r)).every((r) => mine.some((m) => m.uscc === r.uscc))).toBe(true);
  });

  it('keeps a street clerk to the street and an enterprise to itself', async () => {
    const s = (await clerk.get('/api/cultivation/summary')).json() as Summary;
    expect(s.district).toBe(false);
    expect(s.towns.every((x) => x.town === TOWN)).toBe(true);
    const rows = await all(clerk);
    expect(rows.every((r) => r.town === TOWN)).toBe(true);
    expect(rows.length).toBe((await all(ev, `town=${encodeURIComponent(TOWN)}`)).length);
    expect(s.tiers.reduce((a, x) => a + x.count, 0)).toBe(rows.filter((r) => r.tier).length);
    const other = await list(clerk, `town=${encodeURIComponent('安源经济开发区')}`);
    expect(other.total).toBe(0);
    const own = await list(firm, 'movement=none');
    expect(own.items.length).toBeLessThanOrEqual(1);
    const firmAll = [...(await all(firm)), ...own.items];
    expect(new Set(firmAll.map((r) => r.uscc)).size).toBeLessThanOrEqual(1);
  });

  it('refuses bad input with 422 naming the field, and changes nothing', async () => {
    const before = (await ev.get('/api/cultivation/tiers')).json();
    const audits = async () =>
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'cultivation.tiers.replace'))).length;
    const n0 = await audits();
    const tiers = before.tiers.map(({ ownerUnitName: _n, ...x }: Tier) => x);
    const bad = structuredClone(tiers);
    bad[1].rule = 'revenu >= 1';
    const res = await ev.put('/api/cultivation/tiers', { illustrative: true, note: before.note, tiers: bad });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details).toEqual([
      { field: 'tiers[1].rule', message: `第 2 个档次「${tiers[1].name}」准入条件第 1 个字符处：未知字段 'revenu'` },
    ]);
    const dup = structuredClone(tiers);
    dup[2].order = dup[0].order;
    dup[3].ownerUnitId = '00000000-0000-4000-8000-000000000000';
    const res2 = await ev.put('/api/cultivation/tiers', { illustrative: true, note: '', tiers: dup });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().error.details.map((d: { field: string }) => d.field)).toEqual(['tiers[2].order', 'tiers[3].ownerUnitId']);
    const res3 = await ev.put('/api/cultivation/tiers', { tiers: [{ ...tiers[0], targets: [{ year: 2022, count: -1 }] }] });
    expect(res3.statusCode).toBe(422);
    expect(JSON.stringify(res3.json().error.details)).toContain('tiers.0.targets.0.count');
    expect((await clerk.put('/api/cultivation/tiers', { tiers })).statusCode).toBe(403);
    expect((await ev.get('/api/cultivation/tiers')).json()).toEqual(before);
    expect(await audits()).toBe(n0);

    for (const [q, field] of [
      ['movement=sideways', 'movement'],
      ['tier=nope', 'tier'],
      ['year=1999', 'year'],
      ['year=2030', 'year'],
      ['leaderId=00000000-0000-4000-8000-000000000000', 'leaderId'],
    ] as const) {
      const r = await ev.get(`/api/cultivation/enterprises?${q}`);
      expect(r.statusCode, q).toBe(422);
      expect(JSON.stringify(r.json().error), q).toContain(field);
    }
    expect((await ev.get('/api/cultivation/summary?year=abc')).statusCode).toBe(422);
  });

  it('lets the evaluator replace the tiers, audited, and places with the new set', async () => {
    const before = (await ev.get('/api/cultivation/tiers')).json();
    const tiers = before.tiers.map(({ ownerUnitName: _n, ...x }: Tier) => x);
    // a lower top threshold: more enterprises in the top tier
    tiers[0].rule = 'revenue >= 60000';
    tiers[0].threshold = { field: 'revenue', value: 60000 };
    tiers[0].targets = [{ year: 2022, count: 4 }];
    const res = await ev.put('/api/cultivation/tiers', { illustrative: false, note: '区工信局 2022 年培育计划', tiers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().illustrative).toBe(false);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cultivation.tiers.replace'), eq(auditEvents.actorName, '工信局评价专员')));
    expect((audit!.before as { illustrative: boolean }).illustrative).toBe(true);
    expect((audit!.after as { tiers: { rule: string }[] }).tiers[0]!.rule).toBe('revenue >= 60000');
    const s = (await ev.get('/api/cultivation/summary')).json() as Summary;
    expect(s.illustrative).toBe(false);
    expect(s.tiers[0]!.target).toBe(4);
    expect(s.tiers[0]!.count).toBeGreaterThan(summary.tiers[0]!.count);
    // the top tier now takes every enterprise from 6 亿 up, so the 6.5 亿 tier under it is empty; ≥ 5.5 亿 is the same set
    expect(s.tiers[1]!.count).toBe(0);
    const top3 = (x: Summary) => x.tiers.slice(0, 3).reduce((a, y) => a + y.count, 0);
    expect(top3(s)).toBe(top3(summary));
    expect(s.tiers.slice(3).map((x) => x.count)).toEqual(summary.tiers.slice(3).map((x) => x.count));
  });
});
