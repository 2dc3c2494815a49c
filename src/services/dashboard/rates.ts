/** Shared by the unit and leader rates: total, closed and closed on time per group, in one query. */
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { tasks } from '../../db/schema.js';
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
  rate,
  type DashboardFilter,
  type Figure,
} from './common.js';

export interface RateRow {
  id: string;
  name: string;
  total: Figure;
  closed: Figure;
  closedOnTime: Figure;
  /** Percentages with one decimal; null when there is nothing to divide by. */
  completionRate: number | null;
  onTimeRate: number | null;
}

export async function ratesBy(
  ctx: Ctx,
  base: DashboardFilter,
  group: { col: typeof tasks.leadUnitId | typeof tasks.leadLeaderId; table: PgTable; id: PgColumn; name: SQL | PgColumn },
  key: 'leadUnitId' | 'leaderId',
): Promise<RateRow[]> {
  const rows = await ctx.db
    .select({
      id: group.id,
      name: group.name,
      total: countAll(),
      closed: countWhere(isClosed()),
      onTime: countWhere(closedOnTime()),
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
        completionRate: rate(Number(r.closed), Number(r.total)),
        onTimeRate: rate(Number(r.onTime), Number(r.closed)),
      };
    })
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.total.n - a.total.n || a.name.localeCompare(b.name, 'zh'));
}
