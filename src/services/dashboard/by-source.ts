/** Each source's (directive, document, meeting) progress: tasks handed out, closed, average percent. */
import { eq, sql } from 'drizzle-orm';
import { taskSources, tasks } from '../../db/schema.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere } from '../tasks/ledger.js';
import { CLOSED, TRACKED, countAll, countWhere, figure, isClosed, rate, type DashboardFilter } from './common.js';

export async function bySource(ctx: Ctx, base: DashboardFilter) {
  requirePermission(ctx, 'tasks.read');
  const rows = await ctx.db
    .select({
      id: taskSources.id,
      kind: taskSources.kind,
      title: taskSources.title,
      issuedOn: taskSources.issuedOn,
      total: countAll(),
      closed: countWhere(isClosed()),
      avgPercent: sql<number>`round(avg(${tasks.percent}))`.mapWith(Number),
    })
    .from(tasks)
    .innerJoin(taskSources, eq(taskSources.id, tasks.sourceId))
    .where(ledgerWhere(ctx, { ...base, status: TRACKED }))
    .groupBy(taskSources.id, taskSources.kind, taskSources.title, taskSources.issuedOn)
    .orderBy(taskSources.issuedOn, taskSources.title);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    issuedOn: r.issuedOn,
    total: figure(r.total, { ...base, sourceId: r.id, status: TRACKED }),
    closed: figure(r.closed, { ...base, sourceId: r.id, status: CLOSED }),
    completionRate: rate(r.closed, r.total),
    avgPercent: r.avgPercent,
  }));
}
