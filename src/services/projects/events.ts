import { projectEvents } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import type { Ctx } from '../context.js';
import { refreshProjectLight } from './light.js';

export interface ProjectEntry {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * One step of a project: on its timeline and in the audit trail, and its light recomputed, all in the caller's
 * transaction (as recordTaskEvent does for a task). Returns the event id.
 */
export async function recordProjectEvent(tx: Db, ctx: Ctx, projectId: string, e: ProjectEntry): Promise<number> {
  const [row] = await tx
    .insert(projectEvents)
    .values({
      projectId,
      at: ctx.clock.now(),
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      action: e.action,
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      comment: e.comment ?? null,
      data: (e.data ?? null) as never,
    })
    .returning({ id: projectEvents.id });
  await recordAudit(tx, ctx, {
    action: `project.${e.action}`,
    targetType: 'project',
    targetId: projectId,
    before: e.fromState ? { state: e.fromState } : null,
    after: { ...(e.toState ? { state: e.toState } : {}), ...(e.comment ? { comment: e.comment } : {}), ...(e.data ? { data: e.data } : {}) },
  });
  await refreshProjectLight(tx, projectId, ctx.clock.now());
  return row!.id;
}
