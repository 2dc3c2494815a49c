import { projectEvents } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { recordAudits, type AuditEntry } from '../audit/record.js';
import type { Ctx } from '../context.js';
import { refreshProjectLights } from './light.js';

export interface ProjectEntry {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

const auditOf = (projectId: string, e: ProjectEntry): AuditEntry => ({
  action: `project.${e.action}`,
  targetType: 'project',
  targetId: projectId,
  before: e.fromState ? { state: e.fromState } : null,
  after: { ...(e.toState ? { state: e.toState } : {}), ...(e.comment ? { comment: e.comment } : {}), ...(e.data ? { data: e.data } : {}) },
});

/**
 * One step of a project: on its timeline and in the audit trail, and its light recomputed, all in the caller's
 * transaction (as recordTaskEvent does for a task). Returns the event id.
 */
export async function recordProjectEvent(tx: Db, ctx: Ctx, projectId: string, e: ProjectEntry): Promise<number> {
  const [id] = await insertEvents(tx, ctx, [{ projectId, ...e }]);
  await recordAudits(tx, ctx, [auditOf(projectId, e)]);
  await refreshProjectLights(tx, [projectId], ctx.clock.now());
  return id!;
}

/**
 * The same for a step of many projects at once (the yearly acceptance run): the events, the audit entries and the
 * lights each in one statement per chunk instead of a handful per project.
 */
export async function recordProjectEvents(tx: Db, ctx: Ctx, entries: readonly (ProjectEntry & { projectId: string })[]): Promise<void> {
  if (!entries.length) return;
  await insertEvents(tx, ctx, entries);
  await recordAudits(tx, ctx, entries.map((e) => auditOf(e.projectId, e)));
  await refreshProjectLights(tx, [...new Set(entries.map((e) => e.projectId))], ctx.clock.now());
}

async function insertEvents(tx: Db, ctx: Ctx, entries: readonly (ProjectEntry & { projectId: string })[]): Promise<number[]> {
  const at = ctx.clock.now();
  const rows = await tx
    .insert(projectEvents)
    .values(
      entries.map((e) => ({
        projectId: e.projectId,
        at,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.name,
        action: e.action,
        fromState: e.fromState ?? null,
        toState: e.toState ?? null,
        comment: e.comment ?? null,
        data: (e.data ?? null) as never,
      })),
    )
    .returning({ id: projectEvents.id });
  return rows.map((r) => r.id);
}
