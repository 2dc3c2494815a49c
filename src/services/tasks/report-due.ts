import { and, eq, inArray } from 'drizzle-orm';
import { progressReports } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { reportDue, type ReportDue } from '../../domain/tasks/cycle.js';
import { localDate } from '../../domain/time/dates.js';
import type { Cycle } from '../../domain/tasks/workflow.js';

interface DueInput {
  id: string;
  cycle: string;
  cycleDay: number | null;
  deadline: string;
  assignedAt: Date | null;
}

/** The next report each task expects from `unitId`, from that unit's reports since assignment (one query). */
export async function reportsDue(db: Db, taskList: DueInput[], unitId: string, now: Date): Promise<Map<string, ReportDue>> {
  const out = new Map<string, ReportDue>();
  if (!taskList.length) return out;
  const rows = await db
    .select({ taskId: progressReports.taskId, at: progressReports.createdAt })
    .from(progressReports)
    .where(
      and(
        inArray(
          progressReports.taskId,
          taskList.map((t) => t.id),
        ),
        eq(progressReports.unitId, unitId),
      ),
    );
  const dates = new Map<string, string[]>();
  for (const r of rows) dates.set(r.taskId, [...(dates.get(r.taskId) ?? []), localDate(r.at)]);
  const today = localDate(now);
  for (const t of taskList) {
    const since = localDate(t.assignedAt ?? now);
    out.set(t.id, reportDue(t.cycle as Cycle, t.cycleDay, t.deadline, since, dates.get(t.id) ?? [], today));
  }
  return out;
}
