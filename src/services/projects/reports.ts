/**
 * The lead unit's monthly report: investment this month and to date, progress, and the problems needing help
 * (需协调解决的问题), which become a tracked task in one click with the project linked as its source.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { projectReports, projects, taskSources, tasks } from '../../db/schema.js';
import { AppError, forbidden, notFound, validation } from '../../domain/errors.js';
import { isYearMonth, monthlyReportDueOn } from '../../domain/projects/lifecycle.js';
import { addDays, localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { insertTask } from '../tasks/write.js';
import { taskVisibility } from '../tasks/access.js';
import { loadVisibleProject, reportsFor, requireManager } from './access.js';
import { recordProjectEvent } from './events.js';
import { projectSettings } from './settings.js';

export interface ReportInput {
  month: string;
  investmentMonth: number;
  progress: string;
  problems: string;
}

/** Files (or replaces) a month's report; the month may not lie in the future, and a project in talks or terminated files none. */
export async function fileReport(ctx: Ctx, id: string, input: ReportInput) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    const { project } = await loadVisibleProject(tx, ctx, s, id, true);
    if (!reportsFor(ctx.actor, s, project)) throw forbidden('月度进展由项目责任单位报送');
    const today = localDate(ctx.clock.now());
    const issues = [];
    if (!isYearMonth(input.month)) issues.push({ field: 'month', message: '月份格式应为 YYYY-MM' });
    else if (input.month > today.slice(0, 7)) issues.push({ field: 'month', message: '不能报送未来月份的进展' });
    if (project.state === 'negotiating' || project.state === 'terminated')
      issues.push({ field: 'month', message: project.state === 'terminated' ? '项目已终止，无需报送' : '项目尚未签约，无需报送月度进展' });
    if (issues.length) throw validation(issues);
    const [{ before } = { before: 0 }] = await tx
      .select({ before: sql<number>`coalesce(sum(${projectReports.investmentMonth}), 0)::float8` })
      .from(projectReports)
      .where(and(eq(projectReports.projectId, id), ne(projectReports.month, input.month)));
    const [{ earlier } = { earlier: 0 }] = await tx
      .select({ earlier: sql<number>`coalesce(sum(${projectReports.investmentMonth}), 0)::float8` })
      .from(projectReports)
      .where(and(eq(projectReports.projectId, id), sql`${projectReports.month} < ${input.month}`));
    const values = {
      investmentMonth: input.investmentMonth,
      investmentToDate: earlier + input.investmentMonth,
      progress: input.progress.trim(),
      problems: input.problems.trim(),
      authorId: ctx.actor.userId,
      authorName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    };
    const [row] = await tx
      .insert(projectReports)
      .values({ projectId: id, month: input.month, ...values })
      .onConflictDoUpdate({ target: [projectReports.projectId, projectReports.month], set: values })
      .returning({ id: projectReports.id });
    // later months' to-date figures follow from the months before them
    await tx.execute(sql`
      UPDATE ${projectReports} r SET investment_to_date = (
        SELECT sum(x.investment_month) FROM ${projectReports} x WHERE x.project_id = r.project_id AND x.month <= r.month)
      WHERE r.project_id = ${id} AND r.month > ${input.month}`);
    const total = Number(before) + input.investmentMonth;
    const [latest] = await tx
      .select({ month: projectReports.month })
      .from(projectReports)
      .where(eq(projectReports.projectId, id))
      .orderBy(desc(projectReports.month))
      .limit(1);
    await tx.update(projects).set({ investmentToDate: total, latestReportMonth: latest?.month ?? null }).where(eq(projects.id, id));
    await recordProjectEvent(tx, ctx, id, {
      action: 'report',
      comment: values.progress,
      data: { month: input.month, investmentMonth: input.investmentMonth, investmentToDate: total, dueOn: monthlyReportDueOn(input.month, s.reportDueDay) },
    });
    return { id: row!.id, investmentToDate: total };
  });
}

export interface RaiseInput {
  reportId: string;
  title?: string | null;
  deadline?: string | null;
}

/**
 * 一键转办: a report's problems become a task (a draft in the supervision office's queue, led by the project's unit
 * and leader), its source the project, so the task's page links back to it.
 */
export async function raiseTask(ctx: Ctx, id: string, input: RaiseInput) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const { project, units } = await loadVisibleProject(tx, ctx, s, id, true);
    const [report] = await tx
      .select()
      .from(projectReports)
      .where(and(eq(projectReports.id, input.reportId), eq(projectReports.projectId, id)));
    if (!report) throw notFound('月度进展');
    if (!report.problems) throw new AppError(422, 'VALIDATION', '该月进展没有需协调解决的问题', [{ field: 'reportId', message: '没有问题可转办' }]);
    let [source] = await tx.select({ id: taskSources.id }).from(taskSources).where(and(eq(taskSources.kind, 'project'), eq(taskSources.refId, id)));
    if (!source)
      [source] = await tx
        .insert(taskSources)
        .values({ kind: 'project', title: `${project.number} ${project.name}`, refId: id, issuedOn: localDate(ctx.clock.now()) })
        .returning({ id: taskSources.id });
    const deadline = input.deadline ?? addDays(localDate(ctx.clock.now()), 30);
    const task = await insertTask(tx, ctx, {
      title: (input.title?.trim() || `协调解决${project.name}${report.month}月反映的问题`).slice(0, 200),
      requirement: report.problems,
      sourceId: source!.id,
      sourceKind: 'project',
      category: '重大项目',
      leadLeaderId: project.leaderId,
      leadUnitId: project.leadUnitId,
      coopUnitIds: units.filter((u) => u.role === 'coop').map((u) => u.unitId),
      deadline,
      priority: 'important',
      cycle: 'once',
      cycleDay: null,
      milestones: [],
      targets: [],
    });
    await recordProjectEvent(tx, ctx, id, { action: 'raise_task', comment: report.problems, data: { taskId: task.id, taskNumber: task.number, month: report.month } });
    return task;
  });
}

/** The tasks raised from a project that the actor may see (number, title, status, light); the project is checked by the caller. */
export async function projectTasks(ctx: Ctx, projectId: string) {
  const rows = await ctx.db
    .select({ id: tasks.id, number: tasks.number, title: tasks.title, status: tasks.status, light: tasks.light, deadline: tasks.deadline })
    .from(tasks)
    .innerJoin(taskSources, eq(taskSources.id, tasks.sourceId))
    .where(and(eq(taskSources.kind, 'project'), eq(taskSources.refId, projectId), taskVisibility(ctx.actor)))
    .orderBy(tasks.number);
  return rows;
}
