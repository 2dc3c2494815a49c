/** Overdue open tasks, most overdue first (top N), with their total. */
import { asc, count, eq } from 'drizzle-orm';
import { tasks, units } from '../../db/schema.js';
import { daysBetween, localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere } from '../tasks/ledger.js';
import { figure, type DashboardFilter } from './common.js';

export async function overdueList(ctx: Ctx, base: DashboardFilter, limit = 10) {
  requirePermission(ctx, 'tasks.read');
  const filter = { ...base, overdue: true };
  const where = ledgerWhere(ctx, filter);
  const rows = await ctx.db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      deadline: tasks.deadline,
      status: tasks.status,
      light: tasks.light,
      percent: tasks.percent,
      leadUnitId: tasks.leadUnitId,
      leadUnitName: units.name,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(where)
    .orderBy(asc(tasks.deadline), asc(tasks.number))
    .limit(limit);
  const [total] = await ctx.db.select({ n: count() }).from(tasks).where(where);
  const today = localDate(ctx.clock.now());
  return {
    total: figure(total?.n, filter),
    items: rows.map((r) => ({ ...r, daysOverdue: daysBetween(r.deadline, today) })),
  };
}
