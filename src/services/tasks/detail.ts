/** The task page: the task with everything around it, and the actions the caller may take now. */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import {
  attachments,
  extensionRequests,
  milestones,
  people,
  progressReports,
  taskEvents,
  taskSources,
  targets,
  tasks,
  units,
} from '../../db/schema.js';
import { localDate } from '../../domain/time/dates.js';
import { OPEN_STATUSES, allowedActions, canDecideExtension, type ExtensionStage } from '../../domain/tasks/workflow.js';
import { reportsDue } from './report-due.js';
import { qualityRatings } from '../scoring/settings.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleTask, taskVisibility } from './access.js';

export const REPORTS_ON_PAGE = 20;

export async function getTask(ctx: Ctx, id: string) {
  requirePermission(ctx, 'tasks.read');
  const db = ctx.db;
  const { task, coopUnitIds, facts } = await loadVisibleTask(db, ctx, id);
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, task.leadUnitId));
  const coopUnits = coopUnitIds.length
    ? await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, coopUnitIds))
        .orderBy(asc(units.sortOrder))
    : [];
  const [leader] = task.leadLeaderId
    ? await db
        .select({ id: people.id, name: people.name, title: people.title })
        .from(people)
        .where(eq(people.id, task.leadLeaderId))
    : [];
  const [source] = task.sourceId ? await db.select().from(taskSources).where(eq(taskSources.id, task.sourceId)) : [];
  const ms = await db.select().from(milestones).where(eq(milestones.taskId, id)).orderBy(asc(milestones.sortOrder));
  const tg = await db.select().from(targets).where(eq(targets.taskId, id)).orderBy(asc(targets.sortOrder));
  const reports = await db
    .select({
      id: progressReports.id,
      unitId: progressReports.unitId,
      authorName: progressReports.authorName,
      text: progressReports.text,
      percent: progressReports.percent,
      values: progressReports.values,
      createdAt: progressReports.createdAt,
    })
    .from(progressReports)
    .where(eq(progressReports.taskId, id))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(REPORTS_ON_PAGE);
  const [reportCount] = await db.select({ n: count() }).from(progressReports).where(eq(progressReports.taskId, id));
  const timeline = await db
    .select()
    .from(taskEvents)
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.at), asc(taskEvents.id));
  const files = await db
    .select({
      id: attachments.id,
      eventId: attachments.eventId,
      filename: attachments.filename,
      mime: attachments.mime,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.taskId, id))
    .orderBy(asc(attachments.createdAt));
  const extensions = await db
    .select()
    .from(extensionRequests)
    .where(eq(extensionRequests.taskId, id))
    .orderBy(desc(extensionRequests.createdAt));
  const children = await db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      status: tasks.status,
      percent: tasks.percent,
      deadline: tasks.deadline,
      leadUnitId: tasks.leadUnitId,
    })
    .from(tasks)
    .where(and(eq(tasks.parentId, id), taskVisibility(ctx.actor)))
    .orderBy(asc(tasks.number));
  const [parent] = task.parentId
    ? await db.select({ id: tasks.id, number: tasks.number, title: tasks.title }).from(tasks).where(eq(tasks.id, task.parentId))
    : [];
  const today = localDate(ctx.clock.now());
  const open = (OPEN_STATUSES as readonly string[]).includes(task.status);
  return {
    task: {
      ...task,
      leadUnit: unitRows[0] ?? null,
      coopUnits,
      leadLeader: leader ?? null,
      source: source ?? null,
      parent: parent ?? null,
      overdue: open && task.deadline < today,
      reportDue:
        task.status === 'in_progress' ? (await reportsDue(db, [task], task.leadUnitId, ctx.clock.now())).get(task.id)! : null,
    },
    milestones: ms,
    targets: tg,
    reports: { items: reports, total: Number(reportCount?.n ?? 0) },
    timeline,
    attachments: files,
    extensions: extensions.map((e) => ({
      ...e,
      canDecide:
        ['unit_head', 'supervisor', 'leader'].includes(e.stage) &&
        canDecideExtension(e.stage as ExtensionStage, facts, ctx.actor),
    })),
    children,
    /** 督查室's rating of the closing report (counts in unit scores); shown to 督查室 only. */
    qualityRating: ctx.actor.roles.includes('supervisor') ? ((await qualityRatings(db))[id] ?? null) : null,
    actions: allowedActions(facts, ctx.actor, today),
  };
}

/** Older progress reports of a task, page by page. */
export async function listReports(ctx: Ctx, id: string, page: number, pageSize: number) {
  requirePermission(ctx, 'tasks.read');
  await loadVisibleTask(ctx.db, ctx, id);
  const items = await ctx.db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.taskId, id)))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(progressReports).where(eq(progressReports.taskId, id));
  return { items, total: Number(n?.n ?? 0), page, pageSize };
}
