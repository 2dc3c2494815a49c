/** Tasks by workflow status. */
import { tasks } from '../../db/schema.js';
import { TASK_STATUSES, type TaskStatus } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere } from '../tasks/ledger.js';
import { countAll, figure, type DashboardFilter, type Figure } from './common.js';

export async function byStatus(ctx: Ctx, base: DashboardFilter): Promise<Record<TaskStatus, Figure>> {
  requirePermission(ctx, 'tasks.read');
  const rows = await ctx.db
    .select({ status: tasks.status, n: countAll() })
    .from(tasks)
    .where(ledgerWhere(ctx, base))
    .groupBy(tasks.status);
  const n = new Map(rows.map((r) => [r.status, r.n]));
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, figure(n.get(s), { ...base, status: [s] })])) as Record<
    TaskStatus,
    Figure
  >;
}
