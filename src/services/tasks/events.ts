import { taskEvents } from '../../db/schema.js';
import type { TaskStatus } from '../../domain/tasks/workflow.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { refreshTaskLight } from '../warnings/refresh.js';

export interface TimelineEntry {
  action: string;
  fromStatus?: TaskStatus | null;
  toStatus?: TaskStatus | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * One step of a task: on its timeline and in the audit trail, and its light recomputed, all in the caller's
 * transaction. Returns the event id.
 */
export async function recordTaskEvent(tx: Db, ctx: Ctx, taskId: string, e: TimelineEntry): Promise<number> {
  const [row] = await tx
    .insert(taskEvents)
    .values({
      taskId,
      at: ctx.clock.now(),
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      action: e.action,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      comment: e.comment ?? null,
      data: (e.data ?? null) as never,
    })
    .returning({ id: taskEvents.id });
  await recordAudit(tx, ctx, {
    action: `task.${e.action}`,
    targetType: 'task',
    targetId: taskId,
    before: e.fromStatus ? { status: e.fromStatus } : null,
    after: {
      ...(e.toStatus ? { status: e.toStatus } : {}),
      ...(e.comment ? { comment: e.comment } : {}),
      ...(e.data ? { data: e.data } : {}),
    },
  });
  // every change may change the task's light: recompute it in the same transaction
  await refreshTaskLight(tx, taskId, ctx.clock.now());
  return row!.id;
}
