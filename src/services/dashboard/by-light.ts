/** Open tasks by 三色预警 light. */
import { tasks } from '../../db/schema.js';
import { LIGHTS, type Light } from '../../domain/warnings/lights.js';
import { requirePermission, type Ctx } from '../context.js';
import { ledgerWhere } from '../tasks/ledger.js';
import { OPEN, countAll, figure, type DashboardFilter, type Figure } from './common.js';

export async function byLight(ctx: Ctx, base: DashboardFilter): Promise<Record<Light, Figure>> {
  requirePermission(ctx, 'tasks.read');
  const rows = await ctx.db
    .select({ light: tasks.light, n: countAll() })
    .from(tasks)
    .where(ledgerWhere(ctx, { ...base, status: OPEN, light: [...LIGHTS] }))
    .groupBy(tasks.light);
  const n = new Map(rows.map((r) => [r.light, r.n]));
  return Object.fromEntries(LIGHTS.map((l) => [l, figure(n.get(l), { ...base, light: [l], status: OPEN })])) as Record<
    Light,
    Figure
  >;
}
