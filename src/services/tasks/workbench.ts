/** 工作台 (my work) and the leader's portfolio view (分管线). */
import { and, asc, count, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { extensionRequests, leaderPortfolios, people, taskEvents, taskUnits, tasks, units } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { localDate } from '../../domain/time/dates.js';
import { reportsDue } from './report-due.js';
import type { ReportDue } from '../../domain/tasks/cycle.js';
import { OPEN_STATUSES, TASK_STATUSES, type TaskStatus } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { taskVisibility } from './access.js';

const brief = {
  id: tasks.id,
  number: tasks.number,
  title: tasks.title,
  status: tasks.status,
  deadline: tasks.deadline,
  percent: tasks.percent,
  leadUnitName: units.name,
};

/** The row a select of these columns gives (nullable columns include null). */
type Row<C extends Record<string, { _: { data: unknown; notNull: boolean } }>> = {
  [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null;
};
/** A task in a workbench or overview list. */
export type BriefTask = Row<typeof brief>;

const reminderColumns = {
  taskId: tasks.id,
  number: tasks.number,
  title: tasks.title,
  action: taskEvents.action,
  comment: taskEvents.comment,
  at: taskEvents.at,
  actorName: taskEvents.actorName,
};

export interface MyWork {
  toSign: BriefTask[];
  toReport: (BriefTask & { due: ReportDue })[];
  toReview: BriefTask[];
  toHandle: BriefTask[];
  toApprove: (BriefTask & { requestId: string; newDeadline: string; reason: string })[];
  /** 催办 and 督办单 of the last 14 days */
  reminders: Row<typeof reminderColumns>[];
}

/** What waits for the caller: to sign, to report (with due dates), to review, to approve. */
export async function myWork(ctx: Ctx): Promise<MyWork> {
  requirePermission(ctx, 'tasks.read');
  const { actor, db } = ctx;
  const isUnit = actor.roles.includes('unit_head') || actor.roles.includes('unit_clerk');
  const out: MyWork = { toSign: [], toReport: [], toReview: [], toHandle: [], toApprove: [], reminders: [] };
  const base = () => db.select(brief).from(tasks).innerJoin(units, eq(units.id, tasks.leadUnitId));

  if (isUnit && actor.unitId) {
    out.toSign = await base()
      .where(and(eq(tasks.leadUnitId, actor.unitId), eq(tasks.status, 'assigned')))
      .orderBy(asc(tasks.deadline))
      .limit(100);
    const working = await db
      .select({ ...brief, cycle: tasks.cycle, cycleDay: tasks.cycleDay, assignedAt: tasks.assignedAt })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .innerJoin(units, eq(units.id, tasks.leadUnitId))
      .where(and(eq(taskUnits.unitId, actor.unitId), eq(tasks.status, 'in_progress')))
      .limit(500);
    const due = await reportsDue(db, working, actor.unitId, ctx.clock.now());
    out.toReport = working
      .map(({ cycle: _c, cycleDay: _d, assignedAt: _a, ...t }) => ({ ...t, due: due.get(t.id)! }))
      .sort((a, b) => a.due.dueOn.localeCompare(b.due.dueOn));
    const since = new Date(ctx.clock.now().getTime() - 14 * 86_400_000);
    out.reminders = await db
      .select(reminderColumns)
      .from(taskEvents)
      .innerJoin(tasks, eq(tasks.id, taskEvents.taskId))
      .where(
        and(
          eq(tasks.leadUnitId, actor.unitId),
          inArray(taskEvents.action, ['remind', 'issue_order']),
          sql`${taskEvents.at} >= ${since}`,
          inArray(tasks.status, [...OPEN_STATUSES]),
        ),
      )
      .orderBy(desc(taskEvents.at))
      .limit(50);
  }
  if (actor.roles.includes('unit_head') && actor.unitId) {
    out.toApprove = await extensionsAt(ctx, 'unit_head', eq(tasks.leadUnitId, actor.unitId));
  }
  if (actor.roles.includes('supervisor')) {
    out.toReview = await base().where(eq(tasks.status, 'completion_requested')).orderBy(asc(tasks.deadline)).limit(100);
    out.toHandle = await base()
      .where(inArray(tasks.status, ['returned', 'draft']))
      .orderBy(desc(tasks.updatedAt))
      .limit(100);
    out.toApprove = await extensionsAt(ctx, 'supervisor', undefined);
  }
  if (actor.roles.includes('leader') && actor.personId) {
    const mine = eq(tasks.leadLeaderId, actor.personId);
    out.toReview = await base()
      .where(and(mine, eq(tasks.status, 'pending_review')))
      .orderBy(asc(tasks.deadline))
      .limit(100);
    out.toApprove = await extensionsAt(ctx, 'leader', mine);
  }
  return out;
}

async function extensionsAt(ctx: Ctx, stage: string, where: ReturnType<typeof eq> | undefined) {
  return ctx.db
    .select({
      ...brief,
      requestId: extensionRequests.id,
      newDeadline: extensionRequests.newDeadline,
      reason: extensionRequests.reason,
    })
    .from(extensionRequests)
    .innerJoin(tasks, eq(tasks.id, extensionRequests.taskId))
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(eq(extensionRequests.stage, stage), where))
    .orderBy(asc(extensionRequests.createdAt))
    .limit(100);
}

/** A deputy head's portfolio at a glance: tasks they lead or whose lead unit they oversee. */
export async function leaderView(ctx: Ctx, personId: string) {
  requirePermission(ctx, 'tasks.read');
  const { db, actor } = ctx;
  if (!actor.roles.includes('supervisor') && actor.userId !== null && actor.personId !== personId) throw notFound('领导');
  const [person] = await db
    .select({ id: people.id, name: people.name, title: people.title, isLeader: people.isLeader })
    .from(people)
    .where(eq(people.id, personId));
  if (!person?.isLeader) throw notFound('领导');
  const portfolio = await db
    .select({ unitId: leaderPortfolios.unitId })
    .from(leaderPortfolios)
    .where(eq(leaderPortfolios.personId, personId));
  const unitIds = portfolio.map((p) => p.unitId);
  const theirs = and(
    taskVisibility(actor),
    or(eq(tasks.leadLeaderId, personId), unitIds.length ? inArray(tasks.leadUnitId, unitIds) : undefined),
    sql`${tasks.status} <> 'draft'`,
  );
  const today = localDate(ctx.clock.now());
  const byStatus = await db.select({ status: tasks.status, n: count() }).from(tasks).where(theirs).groupBy(tasks.status);
  const overdue = await db
    .select(brief)
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(theirs, lt(tasks.deadline, today), inArray(tasks.status, [...OPEN_STATUSES])))
    .orderBy(asc(tasks.deadline))
    .limit(50);
  const latest = await db
    .select({ ...brief, latestReportAt: tasks.latestReportAt, latestReportText: tasks.latestReportText })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(theirs, isNotNull(tasks.latestReportAt)))
    .orderBy(desc(tasks.latestReportAt))
    .limit(20);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const r of byStatus) counts[r.status] = Number(r.n);
  return { leader: { id: person.id, name: person.name, title: person.title }, unitIds, counts, overdue, latestReports: latest };
}
