/** Creating and editing key tasks (the supervision office's work), with optimistic locking against lost updates. */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { counters, milestones, people, targets, taskSources, taskUnits, tasks, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, validation, type FieldIssue } from '../../domain/errors.js';
import { isIsoDate, localDate } from '../../domain/time/dates.js';
import type { Cycle, Priority, SourceKind, TaskStatus } from '../../domain/tasks/workflow.js';
import { refusal } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleTask } from './access.js';
import { recordTaskEvent } from './events.js';
import { getSetting } from '../settings/read.js';
import { districtSetting } from '../settings/district.js';

export interface MilestoneInput {
  id?: string;
  name: string;
  plannedOn: string;
  doneOn?: string | null;
  evidence?: string | null;
}
export interface TargetInput {
  id?: string;
  name: string;
  unit: string;
  targetValue: number;
}
export interface TaskInput {
  title: string;
  requirement: string;
  sourceId?: string | null;
  sourceKind: SourceKind;
  category?: string | null;
  leadLeaderId?: string | null;
  leadUnitId: string;
  coopUnitIds: string[];
  deadline: string;
  priority: Priority;
  cycle: Cycle;
  cycleDay?: number | null;
  milestones: MilestoneInput[];
  targets: TargetInput[];
}

/** Checks references and dates; returns every problem at once. */
async function checkInput(db: Db, input: TaskInput): Promise<void> {
  const issues: FieldIssue[] = [];
  const unitIds = [...new Set([input.leadUnitId, ...input.coopUnitIds])];
  const found = await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (!found.some((u) => u.id === input.leadUnitId)) issues.push({ field: 'leadUnitId', message: '牵头单位不存在' });
  if (found.length < unitIds.length && found.some((u) => u.id === input.leadUnitId)) {
    issues.push({ field: 'coopUnitIds', message: '协办单位中有不存在的单位' });
  }
  if (input.coopUnitIds.includes(input.leadUnitId)) issues.push({ field: 'coopUnitIds', message: '协办单位不能与牵头单位相同' });
  if (input.leadLeaderId) {
    const [p] = await db.select({ isLeader: people.isLeader }).from(people).where(eq(people.id, input.leadLeaderId));
    if (!p?.isLeader) issues.push({ field: 'leadLeaderId', message: '牵头领导须为区领导' });
  }
  if (input.sourceId) {
    const [s] = await db.select({ id: taskSources.id }).from(taskSources).where(eq(taskSources.id, input.sourceId));
    if (!s) issues.push({ field: 'sourceId', message: '事项来源不存在' });
  }
  if (!isIsoDate(input.deadline)) issues.push({ field: 'deadline', message: '完成时限不是有效日期' });
  input.milestones.forEach((m, i) => {
    if (!isIsoDate(m.plannedOn)) issues.push({ field: `milestones.${i}.plannedOn`, message: `节点“${m.name}”的计划日期无效` });
    else if (m.plannedOn > input.deadline)
      issues.push({ field: `milestones.${i}.plannedOn`, message: `节点“${m.name}”的计划日期晚于完成时限` });
  });
  if (issues.length) throw validation(issues);
}

/** The next task number, e.g. AY-2022-017: district prefix, year, a per-year sequence (atomic across instances). */
async function nextNumber(db: Db, ctx: Ctx): Promise<string> {
  const year = localDate(ctx.clock.now()).slice(0, 4);
  const prefix = (await getSetting(db, districtSetting))?.taskPrefix ?? 'DB';
  const [row] = await db
    .insert(counters)
    .values({ key: `task:${year}`, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return `${prefix}-${year}-${String(row!.value).padStart(3, '0')}`;
}

async function writeChildren(
  tx: Db,
  taskId: string,
  input: Pick<TaskInput, 'leadUnitId' | 'coopUnitIds' | 'milestones' | 'targets'>,
) {
  await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), inArray(taskUnits.role, ['lead', 'coop'])));
  await tx
    .insert(taskUnits)
    .values([
      { taskId, unitId: input.leadUnitId, role: 'lead' },
      ...[...new Set(input.coopUnitIds)].map((unitId) => ({ taskId, unitId, role: 'coop' })),
    ]);
  const keepM = input.milestones.filter((m) => m.id).map((m) => m.id!);
  await tx
    .delete(milestones)
    .where(and(eq(milestones.taskId, taskId), keepM.length ? notInArray(milestones.id, keepM) : undefined));
  for (const [i, m] of input.milestones.entries()) {
    const values = { name: m.name, plannedOn: m.plannedOn, doneOn: m.doneOn ?? null, evidence: m.evidence ?? null, sortOrder: i };
    if (m.id)
      await tx
        .update(milestones)
        .set(values)
        .where(and(eq(milestones.id, m.id), eq(milestones.taskId, taskId)));
    else await tx.insert(milestones).values({ ...values, taskId });
  }
  const keepT = input.targets.filter((t) => t.id).map((t) => t.id!);
  await tx.delete(targets).where(and(eq(targets.taskId, taskId), keepT.length ? notInArray(targets.id, keepT) : undefined));
  for (const [i, t] of input.targets.entries()) {
    const values = { name: t.name, unit: t.unit, targetValue: t.targetValue, sortOrder: i };
    if (t.id)
      await tx
        .update(targets)
        .set(values)
        .where(and(eq(targets.id, t.id), eq(targets.taskId, taskId)));
    else await tx.insert(targets).values({ ...values, taskId });
  }
}

/** 立项: the supervision office drafts a task. */
export async function createTask(ctx: Ctx, input: TaskInput) {
  requirePermission(ctx, 'tasks.manage');
  return ctx.db.transaction((tx) => insertTask(tx, ctx, input));
}

/** Inserts a task with its units, milestones and targets, in the caller's transaction (permission checked there). */
export async function insertTask(
  tx: Db,
  ctx: Ctx,
  input: TaskInput,
  opts: { parentId?: string; status?: TaskStatus; directiveId?: string } = {},
) {
  {
    await checkInput(tx, input);
    const number = await nextNumber(tx, ctx);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(tasks)
      .values({
        number,
        title: input.title,
        requirement: input.requirement,
        sourceId: input.sourceId ?? null,
        sourceKind: input.sourceKind,
        category: input.category ?? null,
        leadLeaderId: input.leadLeaderId ?? null,
        leadUnitId: input.leadUnitId,
        deadline: input.deadline,
        priority: input.priority,
        cycle: input.cycle,
        cycleDay: input.cycleDay ?? null,
        status: opts.status ?? 'draft',
        parentId: opts.parentId ?? null,
        directiveId: opts.directiveId ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tasks.id });
    const id = row!.id;
    await writeChildren(tx, id, input);
    await recordTaskEvent(tx, ctx, id, {
      action: 'create',
      toStatus: opts.status ?? 'draft',
      data: { number, title: input.title },
    });
    return { id, number };
  }
}

const EDITABLE = [
  'title',
  'requirement',
  'sourceId',
  'sourceKind',
  'category',
  'leadLeaderId',
  'leadUnitId',
  'deadline',
  'priority',
  'cycle',
  'cycleDay',
] as const;

/**
 * Edits a task. `version` is the version the editor started from: when somebody saved in between, the save is
 * refused with 409 and the newer task in `details.current`, so nothing is silently overwritten.
 */
export async function editTask(ctx: Ctx, id: string, input: TaskInput & { version: number }) {
  requirePermission(ctx, 'tasks.manage');
  return ctx.db.transaction(async (tx) => {
    const { task, facts } = await loadVisibleTask(tx, ctx, id, true);
    const no = refusal('edit', facts, ctx.actor, localDate(ctx.clock.now()));
    if (no) throw new AppError(no.code === 'FORBIDDEN' ? 403 : 409, no.code, no.message);
    if (task.version !== input.version) {
      throw conflict('该事项已被他人修改，请查看最新内容后再保存', { current: task });
    }
    await checkInput(tx, input);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of EDITABLE) {
      const next = (input as unknown as Record<string, unknown>)[k] ?? null;
      if (JSON.stringify(task[k] ?? null) !== JSON.stringify(next)) {
        before[k] = task[k];
        after[k] = next;
      }
    }
    const [updated] = await tx
      .update(tasks)
      .set({
        ...Object.fromEntries(EDITABLE.map((k) => [k, (input as unknown as Record<string, unknown>)[k] ?? null])),
        version: task.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(tasks.id, id), eq(tasks.version, input.version)))
      .returning({ version: tasks.version });
    if (!updated) throw conflict('该事项已被他人修改，请查看最新内容后再保存');
    await writeChildren(tx, id, input);
    await recordTaskEvent(tx, ctx, id, { action: 'edit', data: { before, after } });
    return { id, version: updated.version };
  });
}
