/**
 * The facts each lead unit is scored on for a period, from the database. Scores are computed over every unit, whoever
 * asks: ranks are public within the district government (the briefing publishes them too), so a unit sees all units'
 * scores and breakdowns but — through the ledger — only its own tasks.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { progressReports, taskEvents, tasks, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { UnitFacts } from '../../domain/scoring/score.js';
import { reportDue } from '../../domain/tasks/cycle.js';
import type { Cycle } from '../../domain/tasks/workflow.js';
import { addDays, localDate } from '../../domain/time/dates.js';
import { TRACKED } from '../dashboard/common.js';
import { qualityRatings } from './settings.js';
import { lightsDuring, type Period } from './period.js';

/** Instants bounding the local dates from–to (±1 day of slack; exact dates are then compared locally). */
const around = (p: Period) => [new Date(`${addDays(p.from, -1)}T00:00:00Z`), new Date(`${addDays(p.to, 2)}T00:00:00Z`)] as const;

export async function unitFacts(db: Db, p: Period): Promise<UnitFacts[]> {
  const rows = await db
    .select({
      id: tasks.id,
      status: tasks.status,
      deadline: tasks.deadline,
      cycle: tasks.cycle,
      cycleDay: tasks.cycleDay,
      assignedAt: tasks.assignedAt,
      closedAt: tasks.closedAt,
      unitId: tasks.leadUnitId,
      unitName: units.name,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(inArray(tasks.status, TRACKED));
  // handed out by the period's end
  const live = rows.filter((r) => r.assignedAt && localDate(r.assignedAt) <= p.to);
  const ids = live.map((r) => r.id);
  const out = new Map<string, UnitFacts>();
  const of = (r: (typeof live)[number]) => {
    let f = out.get(r.unitId);
    if (!f) {
      f = {
        unitId: r.unitId,
        unitName: r.unitName,
        onTimeReport: 0,
        closedOnTime: 0,
        overdue: 0,
        returned: 0,
        red: 0,
        quality: { excellent: 0, good: 0, poor: 0 },
      };
      out.set(r.unitId, f);
    }
    return f;
  };
  const reports = new Map<string, string[]>();
  if (ids.length) {
    const rs = await db
      .select({ taskId: progressReports.taskId, unitId: progressReports.unitId, at: progressReports.createdAt })
      .from(progressReports)
      .where(inArray(progressReports.taskId, ids));
    for (const r of rs)
      if (localDate(r.at) <= p.to)
        reports.set(`${r.taskId}:${r.unitId}`, [...(reports.get(`${r.taskId}:${r.unitId}`) ?? []), localDate(r.at)]);
  }
  const ratings = await qualityRatings(db);
  const lights = await lightsDuring(db, ids, p);
  for (const r of live) {
    const f = of(r);
    const closedOn = r.closedAt ? localDate(r.closedAt) : null;
    const openAtEnd = !closedOn || closedOn > p.to;
    if (closedOn && closedOn >= p.from && closedOn <= p.to) {
      if (closedOn <= r.deadline) f.closedOnTime++;
      const q = ratings[r.id];
      if (q) f.quality[q]++;
    }
    if (openAtEnd && r.deadline < p.to) f.overdue++;
    // Approximation of “reports on time”: a task open at the period's end counts once when, judged at that end date,
    // its lead unit's next report is not late (reportDue over the reports made up to then).
    if (openAtEnd) {
      const due = reportDue(
        r.cycle as Cycle,
        r.cycleDay,
        r.deadline,
        localDate(r.assignedAt!),
        reports.get(`${r.id}:${r.unitId}`) ?? [],
        p.to,
      );
      if (!due.late) f.onTimeReport++;
    }
    if (lights.get(r.id)?.has('red')) f.red++;
  }
  if (ids.length) {
    const [start, end] = around(p);
    // 退回 by the unit at sign-off and 退回整改 by 督查室 both count as “returned”
    const events = await db
      .select({ taskId: taskEvents.taskId, at: taskEvents.at })
      .from(taskEvents)
      .where(
        and(
          inArray(taskEvents.taskId, ids),
          inArray(taskEvents.action, ['return', 'request_rectify']),
          gte(taskEvents.at, start),
          lte(taskEvents.at, end),
        ),
      );
    const byId = new Map(live.map((r) => [r.id, r]));
    for (const e of events) {
      const day = localDate(e.at);
      if (day >= p.from && day <= p.to) of(byId.get(e.taskId)!).returned++;
    }
  }
  return [...out.values()];
}
