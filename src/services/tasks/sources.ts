/** Task sources: meetings, leaders' instructions, annual key-work lists, 民生实事 and 安全生产 items. */
import { asc, count, desc, inArray, sql } from 'drizzle-orm';
import { taskSources, tasks } from '../../db/schema.js';
import type { SourceKind } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { taskVisibility } from './access.js';

export async function listSources(ctx: Ctx) {
  requirePermission(ctx, 'tasks.read');
  const rows = await ctx.db
    .select({
      id: taskSources.id,
      kind: taskSources.kind,
      title: taskSources.title,
      documentNo: taskSources.documentNo,
      issuedOn: taskSources.issuedOn,
    })
    .from(taskSources)
    .orderBy(desc(taskSources.issuedOn), asc(taskSources.title));
  if (!rows.length) return [];
  // how many of each source's tasks the caller can see, and how many of those are done
  const counts = await ctx.db
    .select({
      sourceId: tasks.sourceId,
      n: count(),
      done: sql<number>`count(*) filter (where ${tasks.status} in ('closed','archived'))`,
    })
    .from(tasks)
    .where(
      sql`${taskVisibility(ctx.actor) ?? sql`true`} AND ${inArray(
        tasks.sourceId,
        rows.map((r) => r.id),
      )}`,
    )
    .groupBy(tasks.sourceId);
  const by = new Map(counts.map((c) => [c.sourceId, c]));
  return rows
    .map((r) => ({ ...r, tasks: Number(by.get(r.id)?.n ?? 0), done: Number(by.get(r.id)?.done ?? 0) }))
    .filter((r) => ctx.actor.roles.includes('supervisor') || ctx.actor.userId === null || r.tasks > 0);
}

export async function createSource(
  ctx: Ctx,
  input: { kind: SourceKind; title: string; documentNo?: string | null; issuedOn?: string | null; content?: string | null },
) {
  requirePermission(ctx, 'tasks.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taskSources)
      .values({
        ...input,
        documentNo: input.documentNo ?? null,
        issuedOn: input.issuedOn ?? null,
        content: input.content ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'task_source.create',
      targetType: 'task_source',
      targetId: row!.id,
      after: { kind: row!.kind, title: row!.title },
    });
    return row!;
  });
}
