/** Opened (assigned) and closed tasks per month over the last 12 months, district-local dates. */
import { sql } from 'drizzle-orm';
import { tasks } from '../../db/schema.js';
import { dayOfMonth, daysInMonth, localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere, localDateSql, type LedgerFilter } from '../tasks/ledger.js';
import { figure, type DashboardFilter, type Figure } from './common.js';

export interface MonthPoint {
  month: string;
  opened: Figure;
  closed: Figure;
}

export async function monthlyTrend(ctx: Ctx, base: DashboardFilter, months = 12): Promise<MonthPoint[]> {
  requirePermission(ctx, 'tasks.read');
  const [y, m] = localDate(ctx.clock.now()).split('-').map(Number) as [number, number];
  const list = Array.from({ length: months }, (_, i) => {
    const first = dayOfMonth(y, m - months + 1 + i, 1);
    const [yy, mm] = first.split('-').map(Number) as [number, number];
    return { month: first.slice(0, 7), from: first, to: dayOfMonth(yy, mm, daysInMonth(yy, mm)) };
  });
  const from = list[0]!.from;
  const to = list[list.length - 1]!.to;
  const month = (col: typeof tasks.closedAt | typeof tasks.assignedAt) => sql<string>`to_char(${localDateSql(col)}, 'YYYY-MM')`;
  const tally = async (col: typeof tasks.closedAt | typeof tasks.assignedAt, range: LedgerFilter) => {
    const rows = await ctx.db
      .select({ month: month(col), n: sql<number>`count(*)`.mapWith(Number) })
      .from(tasks)
      .where(ledgerWhere(ctx, { ...base, ...range }))
      .groupBy(sql`1`);
    return new Map(rows.map((r) => [r.month, r.n]));
  };
  const opened = await tally(tasks.assignedAt, { assignedFrom: from, assignedTo: to });
  const closed = await tally(tasks.closedAt, { closedFrom: from, closedTo: to });
  return list.map((p) => ({
    month: p.month,
    opened: figure(opened.get(p.month), { ...base, assignedFrom: p.from, assignedTo: p.to }),
    closed: figure(closed.get(p.month), { ...base, closedFrom: p.from, closedTo: p.to }),
  }));
}
