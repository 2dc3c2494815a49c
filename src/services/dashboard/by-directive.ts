/** Each meeting directive's progress: its tasks, closed, average percent (only directives with tasks). */
import { eq, sql } from 'drizzle-orm';
import { directives, meetings, taskSources, tasks } from '../../db/schema.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere } from '../tasks/ledger.js';
import { TASK_STATUSES, type TaskStatus } from '../../domain/tasks/workflow.js';
import { CLOSED, countAll, countWhere, figure, isClosed, rate, type DashboardFilter } from './common.js';

/** A directive's tasks count from 立项 on (a confirmed meeting's tasks start as drafts); withdrawn ones do not. */
const LIVE: TaskStatus[] = TASK_STATUSES.filter((s) => s !== 'withdrawn');

export async function byDirective(ctx: Ctx, base: DashboardFilter) {
  requirePermission(ctx, 'tasks.read');
  const rows = await ctx.db
    .select({
      id: directives.id,
      meetingId: meetings.id,
      meetingTitle: taskSources.title,
      heldOn: meetings.heldOn,
      groupIndex: directives.groupIndex,
      ordinal: directives.ordinal,
      marker: directives.marker,
      standard: directives.standard,
      field: directives.field,
      total: countAll(),
      closed: countWhere(isClosed()),
      avgPercent: sql<number>`round(avg(${tasks.percent}))`.mapWith(Number),
    })
    .from(tasks)
    .innerJoin(directives, eq(directives.id, tasks.directiveId))
    .innerJoin(meetings, eq(meetings.id, directives.meetingId))
    .innerJoin(taskSources, eq(taskSources.id, meetings.sourceId))
    .where(ledgerWhere(ctx, { ...base, status: LIVE }))
    .groupBy(directives.id, meetings.id, taskSources.title, meetings.heldOn)
    .orderBy(meetings.heldOn, meetings.id, directives.groupIndex, directives.ordinal);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meetingId,
    meetingTitle: r.meetingTitle,
    heldOn: r.heldOn,
    marker: r.marker,
    standard: r.standard,
    field: r.field,
    total: figure(r.total, { ...base, directiveId: r.id, status: LIVE }),
    closed: figure(r.closed, { ...base, directiveId: r.id, status: CLOSED }),
    completionRate: rate(r.closed, r.total),
    avgPercent: r.avgPercent,
  }));
}
