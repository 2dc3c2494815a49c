import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { projectAcceptances, projectReports, projects } from '../../db/schema.js';
import { STAGE_IDS, STATE_IDS } from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import { anyuanEnterprises } from '../../demo/anyuan-enterprises.js';
import { anyuanProjects } from '../../demo/anyuan-projects.js';
import { usccProblem } from '../../domain/uscc/uscc.js';
import { freshDatabase } from '../../../test/harness.js';
import { systemActor, systemClock } from '../context.js';
import { pipeline } from '../projects/read.js';
import { bootstrap } from './bootstrap.js';

describe('demo projects', () => {
  it('are valid, ordered and deterministic for any day of loading', () => {
    const years = anyuanEnterprises();
    const last = years[years.length - 1]!;
    for (const day of ['2026-01-03', '2026-07-15', '2027-12-31']) {
      const list = anyuanProjects(day, last.records, last.year);
      expect(list.length).toBeGreaterThanOrEqual(55);
      for (const p of list) {
        expect(usccProblem(p.investorUscc)).toBeNull();
        const actual = STAGE_IDS.filter((st) => p.actual[st]).map((st) => p.actual[st]!);
        expect(actual).toEqual([...actual].sort());
        expect(actual.every((d) => d <= day)).toBe(true);
      }
      expect(anyuanProjects(day, last.records, last.year)).toEqual(list);
    }
  });

  it('load with the full demo across every stage, with reports, lights and both acceptance verdicts', async () => {
    const { database, drop } = await freshDatabase('pglite');
    try {
      await bootstrap(database, { demo: true, demoTasks: true });
      const db = database.db;
      const byState = await db.select({ state: projects.state, n: count() }).from(projects).groupBy(projects.state);
      expect(byState.map((r) => r.state).sort()).toEqual([...STATE_IDS].sort());
      expect(byState.reduce((a, r) => a + r.n, 0)).toBeGreaterThanOrEqual(55);
      expect((await db.select({ n: count() }).from(projectReports))[0]!.n).toBeGreaterThan(100);
      const verdicts = await db.select({ v: projectAcceptances.verdict, n: count() }).from(projectAcceptances).groupBy(projectAcceptances.verdict);
      expect(verdicts.map((v) => v.v)).toContain('pass');
      expect(verdicts.map((v) => v.v)).toContain('fail');
      const lights = await db.select({ light: projects.light, n: count() }).from(projects).groupBy(projects.light);
      expect(lights.map((l) => l.light)).toEqual(expect.arrayContaining(['red', 'yellow', 'green']));
      const year = Number(localDate(new Date()).slice(0, 4));
      const p = await pipeline({ db, clock: systemClock, actor: systemActor(), ip: null }, year);
      expect(p.targets.find((t) => t.id === 'central_soe')).toMatchObject({ done: 0, target: 1, met: false });
      expect(p.funnel[0]!.count).toBe(p.total);
      expect(p.funnel.map((f) => f.count)).toEqual([...p.funnel.map((f) => f.count)].sort((a, b) => b - a));
    } finally {
      await drop();
    }
  });
});
