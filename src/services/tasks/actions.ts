/** Workflow steps on a task: each checked against the workflow table, within scope, on the timeline, audited. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { attachments, extensionRequests, milestones, progressReports, targets, taskUnits, tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, validation } from '../../domain/errors.js';
import { localDate } from '../../domain/time/dates.js';
import {
  WORKFLOW,
  canDecideExtension,
  nextExtensionStage,
  refusal,
  type Cycle,
  type ExtensionStage,
  type Priority,
  type SourceKind,
  type TaskAction,
} from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleTask, type LoadedTask } from './access.js';
import { recordTaskEvent } from './events.js';
import { insertTask } from './write.js';

function check(action: TaskAction, loaded: LoadedTask, ctx: Ctx, comment?: string | null) {
  const no = refusal(action, loaded.facts, ctx.actor, localDate(ctx.clock.now()));
  if (no) throw new AppError(no.code === 'FORBIDDEN' ? 403 : 409, no.code, no.message);
  if (WORKFLOW[action].needsComment && !comment?.trim()) {
    throw validation([{ field: 'comment', message: `“${WORKFLOW[action].zh}”须填写说明` }]);
  }
}

async function bindAttachments(tx: Db, taskId: string, eventId: number, ids: string[] | undefined) {
  if (!ids?.length) return;
  const rows = await tx
    .update(attachments)
    .set({ eventId })
    .where(and(eq(attachments.taskId, taskId), inArray(attachments.id, ids), isNull(attachments.eventId)))
    .returning({ id: attachments.id });
  if (rows.length !== new Set(ids).size) throw validation([{ field: 'attachmentIds', message: '附件不存在或已被使用' }]);
}

/** The plain steps: they move the state (or not) and leave a comment on the timeline. */
export type SimpleAction = Exclude<TaskAction, 'edit' | 'report' | 'decompose' | 'request_extension'>;

export async function act(
  ctx: Ctx,
  id: string,
  action: SimpleAction,
  input: { comment?: string | null; attachmentIds?: string[]; version?: number },
) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisibleTask(tx, ctx, id, true);
    check(action, loaded, ctx, input.comment);
    const { task } = loaded;
    if (input.version !== undefined && input.version !== task.version) {
      throw conflict('该事项已有新的变化，请刷新后再操作', { current: task });
    }
    const to = WORKFLOW[action].to;
    const now = ctx.clock.now();
    const set: Partial<typeof tasks.$inferInsert> = { version: task.version + 1, updatedAt: now };
    if (to) set.status = to;
    if (action === 'assign' || action === 'approve_review') set.assignedAt = now;
    if (action === 'approve_completion') {
      set.closedAt = now;
      set.percent = 100;
    }
    if (action === 'withdraw') set.withdrawnReason = input.comment ?? null;
    await tx.update(tasks).set(set).where(eq(tasks.id, id));
    const eventId = await recordTaskEvent(tx, ctx, id, {
      action,
      fromStatus: to ? task.status : null,
      toStatus: to ?? null,
      comment: input.comment ?? null,
    });
    await bindAttachments(tx, id, eventId, input.attachmentIds);
    return { id, status: to ?? task.status, version: task.version + 1 };
  });
}

export interface ReportInput {
  text: string;
  percent: number;
  values?: Record<string, number>;
  milestonesDone?: { id: string; doneOn: string; evidence?: string | null }[];
  attachmentIds?: string[];
}

/** 报送进展: a progress report by the lead or a cooperating unit. */
export async function report(ctx: Ctx, id: string, input: ReportInput) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisibleTask(tx, ctx, id, true);
    check('report', loaded, ctx);
    const { task } = loaded;
    const now = ctx.clock.now();
    const values = input.values ?? {};
    const ids = Object.keys(values);
    if (ids.length) {
      const known = await tx
        .select({ id: targets.id })
        .from(targets)
        .where(and(eq(targets.taskId, id), inArray(targets.id, ids)));
      if (known.length !== ids.length) throw validation([{ field: 'values', message: '指标不属于该事项' }]);
      for (const [targetId, value] of Object.entries(values)) {
        await tx.update(targets).set({ latestValue: value }).where(eq(targets.id, targetId));
      }
    }
    for (const m of input.milestonesDone ?? []) {
      const done = await tx
        .update(milestones)
        .set({ doneOn: m.doneOn, evidence: m.evidence ?? null })
        .where(and(eq(milestones.id, m.id), eq(milestones.taskId, id)))
        .returning({ id: milestones.id });
      if (!done.length) throw validation([{ field: 'milestonesDone', message: '节点不属于该事项' }]);
    }
    const isLead = ctx.actor.unitId === task.leadUnitId;
    await tx.insert(progressReports).values({
      taskId: id,
      unitId: ctx.actor.unitId!,
      authorId: ctx.actor.userId,
      authorName: ctx.actor.name,
      text: input.text,
      percent: input.percent,
      values,
      createdAt: now,
    });
    // the lead unit's report sets the task's progress; a cooperating unit's report is on the record only
    await tx
      .update(tasks)
      .set({
        ...(isLead ? { percent: input.percent } : {}),
        latestReportAt: now,
        latestReportText: input.text,
        version: task.version + 1,
        updatedAt: now,
      })
      .where(eq(tasks.id, id));
    const eventId = await recordTaskEvent(tx, ctx, id, {
      action: 'report',
      comment: input.text,
      data: { percent: input.percent, values },
    });
    await bindAttachments(tx, id, eventId, input.attachmentIds);
    return { id, percent: isLead ? input.percent : task.percent };
  });
}

/** 申请延期: before the deadline, with a reason, the new date and the progress so far. */
export async function requestExtension(ctx: Ctx, id: string, input: { reason: string; newDeadline: string; progress: string }) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisibleTask(tx, ctx, id, true);
    check('request_extension', loaded, ctx, input.reason);
    const { task } = loaded;
    if (input.newDeadline <= task.deadline) throw validation([{ field: 'newDeadline', message: '新的完成时限须晚于原时限' }]);
    const open = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.taskId, id), inArray(extensionRequests.stage, ['unit_head', 'supervisor', 'leader'])));
    if (open.length) throw conflict('该事项已有待审批的延期申请');
    // a unit head's own request needs no second signature of the head
    const stage: ExtensionStage = ctx.actor.roles.includes('unit_head') ? 'supervisor' : 'unit_head';
    const [row] = await tx
      .insert(extensionRequests)
      .values({
        taskId: id,
        reason: input.reason,
        newDeadline: input.newDeadline,
        oldDeadline: task.deadline,
        progress: input.progress,
        stage,
        requestedBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: extensionRequests.id });
    await recordTaskEvent(tx, ctx, id, {
      action: 'request_extension',
      comment: input.reason,
      data: { newDeadline: input.newDeadline, progress: input.progress, stage },
    });
    return { id: row!.id, stage };
  });
}

/** One signature on an extension request: the unit head, then the supervision office, then the lead leader. */
export async function decideExtension(
  ctx: Ctx,
  taskId: string,
  requestId: string,
  input: { approve: boolean; comment?: string | null },
) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisibleTask(tx, ctx, taskId, true);
    const [req] = await tx
      .select()
      .from(extensionRequests)
      .where(and(eq(extensionRequests.id, requestId), eq(extensionRequests.taskId, taskId)));
    if (!req) throw new AppError(404, 'NOT_FOUND', '延期申请不存在');
    const stage = req.stage as ExtensionStage;
    if (!['unit_head', 'supervisor', 'leader'].includes(stage)) throw conflict('该延期申请已处理');
    if (!canDecideExtension(stage, loaded.facts, ctx.actor)) throw new AppError(403, 'FORBIDDEN', '当前审批环节不由您处理');
    if (!input.approve && !input.comment?.trim()) throw validation([{ field: 'comment', message: '不同意延期须填写理由' }]);
    let next: string | null = input.approve ? nextExtensionStage(stage) : 'rejected';
    if (next === 'leader' && !loaded.task.leadLeaderId) next = null;
    const final = next ?? 'approved';
    const now = ctx.clock.now();
    await tx
      .update(extensionRequests)
      .set({ stage: final, decidedAt: ['approved', 'rejected'].includes(final) ? now : null })
      .where(eq(extensionRequests.id, requestId));
    if (final === 'approved') {
      await tx
        .update(tasks)
        .set({ deadline: req.newDeadline, version: loaded.task.version + 1, updatedAt: now })
        .where(eq(tasks.id, taskId));
    }
    await recordTaskEvent(tx, ctx, taskId, {
      action: input.approve ? 'approve_extension' : 'reject_extension',
      comment: input.comment ?? null,
      data: {
        stage,
        next: final,
        ...(final === 'approved' ? { oldDeadline: req.oldDeadline, newDeadline: req.newDeadline } : {}),
      },
    });
    return { stage: final };
  });
}

/** 分解: the lead unit hands part of the task to a cooperating unit as a sub-task it owns (assigned at once). */
export async function decompose(
  ctx: Ctx,
  id: string,
  input: { title: string; requirement: string; unitId: string; deadline: string },
) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadVisibleTask(tx, ctx, id, true);
    check('decompose', loaded, ctx);
    const { task } = loaded;
    if (!loaded.coopUnitIds.includes(input.unitId)) throw validation([{ field: 'unitId', message: '子任务须由协办单位承办' }]);
    if (input.deadline > task.deadline) throw validation([{ field: 'deadline', message: '子任务时限不能晚于主任务' }]);
    const child = await insertTask(
      tx,
      ctx,
      {
        title: input.title,
        requirement: input.requirement,
        sourceId: task.sourceId,
        sourceKind: task.sourceKind as SourceKind,
        category: task.category,
        leadLeaderId: task.leadLeaderId,
        leadUnitId: input.unitId,
        coopUnitIds: [],
        deadline: input.deadline,
        priority: task.priority as Priority,
        cycle: task.cycle as Cycle,
        cycleDay: task.cycleDay,
        milestones: [],
        targets: [],
      },
      { parentId: id, status: 'assigned' },
    );
    await tx.update(tasks).set({ assignedAt: ctx.clock.now() }).where(eq(tasks.id, child.id));
    // the parent's lead unit follows its sub-tasks (reads them; the owning unit does the work)
    await tx.insert(taskUnits).values({ taskId: child.id, unitId: task.leadUnitId, role: 'parent' });
    await recordTaskEvent(tx, ctx, id, {
      action: 'decompose',
      comment: input.title,
      data: { childId: child.id, number: child.number, unitId: input.unitId },
    });
    return child;
  });
}
