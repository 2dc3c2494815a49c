/**
 * Keeps each task's light current: recomputed in the same transaction as every change of the task, and for all open
 * tasks by the daily job (the date moves on). A change of light is written to the history.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { milestones, progressReports, taskLights, tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { reportDue } from '../../domain/tasks/cycle.js';
import { OPEN_STATUSES, type Cycle } from '../../domain/tasks/workflow.js';
import { localDate } from '../../domain/time/dates.js';
import { computeLight, type Light, type LightReason, type LightRules } from '../../domain/warnings/lights.js';
import { lightRules } from './rules.js';

const BATCH = 500;

type Row = Pick<
  typeof tasks.$inferSelect,
  'id' | 'status' | 'deadline' | 'assignedAt' | 'percent' | 'cycle' | 'cycleDay' | 'leadUnitId' | 'light' | 'lightReasons'
>;

const columns = {
  id: tasks.id,
  status: tasks.status,
  deadline: tasks.deadline,
  assignedAt: tasks.assignedAt,
  percent: tasks.percent,
  cycle: tasks.cycle,
  cycleDay: tasks.cycleDay,
  leadUnitId: tasks.leadUnitId,
  light: tasks.light,
  lightReasons: tasks.lightReasons,
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function refreshRows(db: Db, rows: Row[], rules: LightRules, now: Date): Promise<number> {
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  const today = localDate(now);
  const ms = await db.select().from(milestones).where(inArray(milestones.taskId, ids)).orderBy(asc(milestones.sortOrder));
  const reports = await db
    .select({ taskId: progressReports.taskId, unitId: progressReports.unitId, at: progressReports.createdAt })
    .from(progressReports)
    .where(inArray(progressReports.taskId, ids));
  // one pass each to group by task, so a batch costs O(rows + reports), not O(rows × reports)
  const milestonesByTask = groupBy(ms, (m) => m.taskId);
  const reportsByTask = groupBy(reports, (r) => r.taskId);
  let changed = 0;
  for (const t of rows) {
    const open = (OPEN_STATUSES as readonly string[]).includes(t.status) && t.status !== 'pending_review';
    let light: Light | null = null;
    let reasons: LightReason[] | null = null;
    if (open) {
      const dates = (reportsByTask.get(t.id) ?? []).filter((r) => r.unitId === t.leadUnitId).map((r) => localDate(r.at));
      const due =
        t.status === 'in_progress' && t.assignedAt
          ? reportDue(t.cycle as Cycle, t.cycleDay, t.deadline, localDate(t.assignedAt), dates, today)
          : null;
      const result = computeLight(
        {
          deadline: t.deadline,
          assignedOn: t.assignedAt ? localDate(t.assignedAt) : null,
          percent: t.percent,
          milestones: milestonesByTask.get(t.id) ?? [],
          reportDue: due,
        },
        rules,
        today,
      );
      light = result.light;
      reasons = result.reasons;
    }
    if (light === t.light && JSON.stringify(reasons) === JSON.stringify(t.lightReasons)) continue;
    await db
      .update(tasks)
      .set({ light, lightReasons: reasons, ...(light !== t.light ? { lightSince: now } : {}) })
      .where(eq(tasks.id, t.id));
    if (light !== t.light) {
      await db.insert(taskLights).values({ taskId: t.id, light, reasons: reasons as never, at: now });
      changed++;
    }
  }
  return changed;
}

/** Recomputes the light of one task, in the caller's transaction (after any change of it). */
export async function refreshTaskLight(db: Db, taskId: string, now: Date): Promise<void> {
  const rows = await db.select(columns).from(tasks).where(eq(tasks.id, taskId));
  await refreshRows(db, rows, await lightRules(db), now);
}

/** Recomputes every open task (and clears lights of tasks no longer open), batch by batch. Returns lights changed. */
export async function refreshAllLights(db: Db, now: Date): Promise<number> {
  const rules = await lightRules(db);
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select(columns)
      .from(tasks)
      .where(and(gt(tasks.id, after), sql`(${inArray(tasks.status, [...OPEN_STATUSES])} OR ${tasks.light} IS NOT NULL)`))
      .orderBy(asc(tasks.id))
      .limit(BATCH);
    if (!rows.length) return changed;
    changed += await refreshRows(db, rows, rules, now);
    after = rows[rows.length - 1]!.id;
  }
}
