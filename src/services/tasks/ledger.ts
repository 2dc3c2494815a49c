/** The ledger (督办台账): every task in the caller's scope, filtered, sorted and paged in SQL. */
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { people, taskUnits, tasks, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { localDate } from '../../domain/time/dates.js';
import { districtTimeZone } from '../../domain/time/format.js';
import { OPEN_STATUSES, type SourceKind, type TaskStatus } from '../../domain/tasks/workflow.js';
import type { Light } from '../../domain/warnings/lights.js';
import { requirePermission, type Ctx } from '../context.js';
import { taskVisibility } from './access.js';

export interface LedgerFilter {
  q?: string;
  sourceKind?: SourceKind;
  sourceId?: string;
  leaderId?: string;
  leadUnitId?: string;
  /** Tasks in which this unit takes part (lead or cooperating). */
  unitId?: string;
  status?: TaskStatus[];
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue?: boolean;
  parentId?: string;
  /** Tasks carrying out one meeting directive. */
  directiveId?: string;
  /** 三色预警 light(s). */
  light?: Light[];
  /** Closed (closed_at, as a district-local date) within these dates, inclusive. */
  closedFrom?: string;
  closedTo?: string;
  /** Assigned (assigned_at, district-local date) within these dates, inclusive. */
  assignedFrom?: string;
  assignedTo?: string;
  /** true: closed on or before the deadline (closed_at's local date ≤ deadline); false: closed after it. */
  closedOnTime?: boolean;
}

/** A timestamp column's calendar date in the district's zone, as SQL (the zone is checked, then inlined). */
export function localDateSql(col: typeof tasks.closedAt | typeof tasks.assignedAt): SQL {
  const tz = districtTimeZone();
  if (!/^[A-Za-z0-9_/+-]+$/.test(tz)) throw new Error(`bad time zone ${tz}`);
  return sql`(${col} AT TIME ZONE '${sql.raw(tz)}')::date`;
}
export const LEDGER_SORTS = [
  'deadline',
  '-deadline',
  'number',
  '-number',
  'updatedAt',
  '-updatedAt',
  'percent',
  '-percent',
] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export function ledgerWhere(ctx: Ctx, f: LedgerFilter): SQL | undefined {
  const today = localDate(ctx.clock.now());
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    taskVisibility(ctx.actor),
    like ? or(ilike(tasks.title, like), ilike(tasks.number, like)) : undefined,
    f.sourceKind ? eq(tasks.sourceKind, f.sourceKind) : undefined,
    f.sourceId ? eq(tasks.sourceId, f.sourceId) : undefined,
    f.leaderId ? eq(tasks.leadLeaderId, f.leaderId) : undefined,
    f.leadUnitId ? eq(tasks.leadUnitId, f.leadUnitId) : undefined,
    f.unitId
      ? sql`EXISTS (SELECT 1 FROM ${taskUnits} WHERE ${taskUnits.taskId} = ${tasks.id} AND ${taskUnits.unitId} = ${f.unitId})`
      : undefined,
    f.status?.length ? inArray(tasks.status, f.status) : undefined,
    f.deadlineFrom ? gte(tasks.deadline, f.deadlineFrom) : undefined,
    f.deadlineTo ? lte(tasks.deadline, f.deadlineTo) : undefined,
    f.overdue ? and(lt(tasks.deadline, today), inArray(tasks.status, [...OPEN_STATUSES])) : undefined,
    f.parentId ? eq(tasks.parentId, f.parentId) : undefined,
    f.directiveId ? eq(tasks.directiveId, f.directiveId) : undefined,
    f.light?.length ? inArray(tasks.light, f.light) : undefined,
    f.closedFrom ? sql`${localDateSql(tasks.closedAt)} >= ${f.closedFrom}::date` : undefined,
    f.closedTo ? sql`${localDateSql(tasks.closedAt)} <= ${f.closedTo}::date` : undefined,
    f.assignedFrom ? sql`${localDateSql(tasks.assignedAt)} >= ${f.assignedFrom}::date` : undefined,
    f.assignedTo ? sql`${localDateSql(tasks.assignedAt)} <= ${f.assignedTo}::date` : undefined,
    f.closedOnTime === undefined
      ? undefined
      : f.closedOnTime
        ? sql`${localDateSql(tasks.closedAt)} <= ${tasks.deadline}`
        : sql`${localDateSql(tasks.closedAt)} > ${tasks.deadline}`,
  );
}

const leader = alias(people, 'leader');

function orderOf(sort: LedgerSort) {
  const dir = sort.startsWith('-') ? desc : asc;
  const col = { deadline: tasks.deadline, number: tasks.number, updatedAt: tasks.updatedAt, percent: tasks.percent }[
    sort.replace('-', '') as 'deadline'
  ];
  return [dir(col), dir(tasks.id)];
}

export const ledgerColumns = {
  id: tasks.id,
  number: tasks.number,
  title: tasks.title,
  sourceKind: tasks.sourceKind,
  sourceId: tasks.sourceId,
  category: tasks.category,
  status: tasks.status,
  priority: tasks.priority,
  deadline: tasks.deadline,
  percent: tasks.percent,
  leadUnitId: tasks.leadUnitId,
  leadUnitName: units.name,
  leadLeaderId: tasks.leadLeaderId,
  leadLeaderTitle: leader.title,
  leadLeaderName: leader.name,
  latestReportAt: tasks.latestReportAt,
  latestReportText: tasks.latestReportText,
  parentId: tasks.parentId,
  directiveId: tasks.directiveId,
  light: tasks.light,
  updatedAt: tasks.updatedAt,
};

/** Cooperating unit names of a set of tasks, in one query. */
export async function coopNames(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ taskId: taskUnits.taskId, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(inArray(taskUnits.taskId, ids), eq(taskUnits.role, 'coop')))
    .orderBy(asc(units.sortOrder));
  for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.name]);
  return out;
}

export async function listLedger(ctx: Ctx, f: LedgerFilter & { sort: LedgerSort; page: number; pageSize: number }) {
  requirePermission(ctx, 'tasks.read');
  const where = ledgerWhere(ctx, f);
  const rows = await ctx.db
    .select(ledgerColumns)
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .leftJoin(leader, eq(leader.id, tasks.leadLeaderId))
    .where(where)
    .orderBy(...orderOf(f.sort))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(tasks).where(where);
  const coop = await coopNames(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = localDate(ctx.clock.now());
  return {
    items: rows.map((r) => ({
      ...r,
      coopUnitNames: coop.get(r.id) ?? [],
      overdue: r.deadline < today && (OPEN_STATUSES as readonly string[]).includes(r.status),
    })),
    total: Number(total?.n ?? 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** All matching rows for the export (bounded), with the same scope and filters as the screen. */
export async function ledgerRowsForExport(ctx: Ctx, f: LedgerFilter, limit: number) {
  const rows = await ctx.db
    .select(ledgerColumns)
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .leftJoin(leader, eq(leader.id, tasks.leadLeaderId))
    .where(ledgerWhere(ctx, f))
    .orderBy(asc(tasks.sourceKind), asc(tasks.number))
    .limit(limit);
  const coop = await coopNames(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, coopUnitNames: coop.get(r.id) ?? [] }));
}
