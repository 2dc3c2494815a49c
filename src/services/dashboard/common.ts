/**
 * Shared pieces of the dashboard metrics: each metric is one query, scoped like the ledger, and every number it returns
 * carries the ledger filter that reproduces it exactly (`/tasks?` + `ledgerQueryString(filter)`).
 */
import { count, inArray, sql, type SQL } from 'drizzle-orm';
import { tasks } from '../../db/schema.js';
import { OPEN_STATUSES, type TaskStatus } from '../../domain/tasks/workflow.js';
import { localDateSql, type LedgerFilter } from '../tasks/ledger.js';

/** The filters a dashboard may be narrowed by (status, light and dates are the metric's own). */
export type DashboardFilter = Pick<LedgerFilter, 'q' | 'sourceKind' | 'sourceId' | 'leaderId' | 'leadUnitId' | 'unitId'>;

/** Tasks that have been handed to a unit: counted in rates (drafts, reviews and withdrawn ones are not). */
export const TRACKED: TaskStatus[] = ['assigned', 'returned', 'in_progress', 'completion_requested', 'closed', 'archived'];
export const CLOSED: TaskStatus[] = ['closed', 'archived'];
export const OPEN: TaskStatus[] = [...OPEN_STATUSES];
/** Handed to a unit and not closed yet: the tasks that can be overdue in a rate. */
export const TRACKED_OPEN: TaskStatus[] = TRACKED.filter((s) => OPEN.includes(s));

/** A number and the ledger filter behind it. */
export interface Figure {
  n: number;
  filter: LedgerFilter;
}
export const figure = (n: unknown, filter: LedgerFilter): Figure => ({ n: Number(n ?? 0), filter });

export const countAll = () => count();
export const countWhere = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
export const isClosed = () => inArray(tasks.status, CLOSED);
export const closedOnTime = () => sql`${isClosed()} and ${localDateSql(tasks.closedAt)} <= ${tasks.deadline}`;

/** Tracked, still open and past its deadline (the district's local date), as the ledger's `overdue` filter counts it. */
export const openOverdue = (today: string) =>
  sql`${inArray(tasks.status, TRACKED_OPEN)} and ${tasks.deadline} < ${today}`;

export const rate = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** The ledger's query string for a filter (arrays as comma lists), for the UI's click-through and the tests. */
export function ledgerQueryString(f: LedgerFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p.toString();
}
