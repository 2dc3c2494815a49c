/** Who sees which task: the one place that turns data scope into task visibility, for SQL and for single rows. */
import { and, eq, exists, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { taskUnits, tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../domain/errors.js';
import type { TaskFacts, TaskStatus } from '../../domain/tasks/workflow.js';
import type { Actor, Ctx } from '../context.js';

export type TaskRow = typeof tasks.$inferSelect;

/** Before assignment a task belongs to the supervision office (and, under review, to its lead leader). */
const UNASSIGNED: TaskStatus[] = ['draft', 'pending_review'];

export function seesAll(actor: Actor): boolean {
  return actor.userId === null || actor.roles.includes('supervisor');
}

/** The SQL condition that keeps a task query inside the actor's scope (undefined: no restriction). */
export function taskVisibility(actor: Actor): SQL | undefined {
  if (seesAll(actor)) return undefined;
  const unitIds = actor.scope.all ? [] : [...actor.scope.unitIds];
  const byUnit = unitIds.length
    ? and(
        notInArray(tasks.status, UNASSIGNED),
        exists(
          sql`(SELECT 1 FROM ${taskUnits} WHERE ${taskUnits.taskId} = ${tasks.id} AND ${inArray(taskUnits.unitId, unitIds)})`,
        ),
      )
    : undefined;
  const asLeader =
    actor.roles.includes('leader') && actor.personId
      ? and(eq(tasks.leadLeaderId, actor.personId), notInArray(tasks.status, ['draft']))
      : undefined;
  return or(byUnit, asLeader) ?? sql`false`;
}

export function visibleRow(actor: Actor, task: TaskRow, unitIds: readonly string[]): boolean {
  if (seesAll(actor)) return true;
  if (actor.roles.includes('leader') && actor.personId && task.leadLeaderId === actor.personId && task.status !== 'draft')
    return true;
  if (UNASSIGNED.includes(task.status as TaskStatus)) return false;
  const scope = actor.scope;
  return !scope.all && unitIds.some((u) => scope.unitIds.includes(u));
}

export interface LoadedTask {
  task: TaskRow;
  coopUnitIds: string[];
  facts: TaskFacts;
}

/** Loads a task the actor may see, or answers 404 as if it did not exist. `lock` takes a row lock for a change. */
export async function loadVisibleTask(db: Db, ctx: Pick<Ctx, 'actor'>, id: string, lock = false): Promise<LoadedTask> {
  const q = db.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  const [task] = lock ? await q.for('update') : await q;
  if (!task) throw notFound('督办事项');
  const links = await db
    .select({ unitId: taskUnits.unitId, role: taskUnits.role })
    .from(taskUnits)
    .where(eq(taskUnits.taskId, id));
  if (
    !visibleRow(
      ctx.actor,
      task,
      links.map((l) => l.unitId),
    )
  )
    throw notFound('督办事项');
  const coopUnitIds = links.filter((l) => l.role === 'coop').map((l) => l.unitId);
  return {
    task,
    coopUnitIds,
    facts: {
      status: task.status as TaskStatus,
      deadline: task.deadline,
      leadUnitId: task.leadUnitId,
      coopUnitIds,
      leadLeaderId: task.leadLeaderId,
    },
  };
}
