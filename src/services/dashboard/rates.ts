/** Shared by the unit and leader rates: total, closed, closed on time and open overdue per group, in one query. */
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { tasks } from '../../db/schema.js';
import { localDate } from '../../domain/time/dates.js';
import type { Ctx } from '../context.js';
import { ledgerWhere, type LedgerFilter } from '../tasks/ledger.js';
import {
  CLOSED,
  TRACKED,
  closedOnTime,
  countAll,
  countWhere,
  figure,
  isClosed,
  openOverdue,
  rate,
  TRACKED_OPEN,
  type DashboardFilter,
  type Figure,
} from './common.js';

export interface RateRow {
  id: string;
  name: string;
  total: Figure;
  closed: Figure;
  closedOnTime: Figure;
  /** Handed over, still open and past the deadline. */
  openOverdue: Figure;
  /** Percentages with one decimal; null when there is nothing to divide by. */
  completionRate: number | null;
  /**
   * 按期办结率: closed on time ÷ (closed + open overdue). Work still open past its deadline can no longer be finished
   * on time, so it counts against the rate at once (a unit with six overdue tasks and one closed on time is not 100 %).
   */
  onTimeRate: number | null;
}

export async function ratesBy(
  ctx: Ctx,
  base: DashboardFilter,
  group: { col: typeof tasks.leadUnitId | typeof tasks.leadLeaderId; table: PgTable; id: PgColumn; name: SQL | PgColumn },
  key: 'leadUnitId' | 'leaderId',
): Promise<RateRow[]> {
  const today = localDate(ctx.clock.now());
  const rows = await ctx.db
    .select({
      id: group.id,
      name: group.name,
      total: countAll(),
      closed: countWhere(isClosed()),
      onTime: countWhere(closedOnTime()),
      overdue: countWhere(openOverdue(today)),
    })
    .from(tasks)
    .innerJoin(group.table, eq(group.id, group.col))
    .where(ledgerWhere(ctx, { ...base, status: TRACKED }))
    .groupBy(group.id, group.name);
  return rows
    .map((r) => {
      const f: LedgerFilter = { ...base, [key]: r.id as string };
      return {
        id: r.id as string,
        name: String(r.name),
        total: figure(r.total, { ...f, status: TRACKED }),
        closed: figure(r.closed, { ...f, status: CLOSED }),
        closedOnTime: figure(r.onTime, { ...f, status: CLOSED, closedOnTime: true }),
        openOverdue: figure(r.overdue, { ...f, status: TRACKED_OPEN, overdue: true }),
        completionRate: rate(Number(r.closed), Number(r.total)),
        onTimeRate: rate(Number(r.onTime), Number(r.closed) + Number(r.overdue)),
      };
    })
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.total.n - a.total.n || a.name.localeCompare(b.name, 'zh'));
}
