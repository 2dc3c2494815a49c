/**
 * Whose 亩均 results an actor reads: the one place that turns `mujunScopeOf` into SQL and single-row checks. Outside
 * the scope an enterprise answers 404, as if it did not exist.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { mujunResults, units } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { mujunScopeOf, type MujunScope } from '../../domain/org/roles.js';
import type { Ctx } from '../context.js';

/** The actor's 亩均 scope; the system actor (CLI, seed) sees everything. */
export async function mujunScope(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<MujunScope> {
  const { actor } = ctx;
  if (actor.userId === null) return { all: true };
  let unitName: string | null = null;
  if (actor.unitId) {
    const [u] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, actor.unitId)).limit(1);
    unitName = u?.name ?? null;
  }
  return mujunScopeOf(actor.roles, unitName, actor.enterpriseUscc);
}

/** The SQL condition on `mujun_results` that keeps a query inside the scope (undefined: no restriction). */
export function scopeCondition(scope: MujunScope): SQL | undefined {
  if (scope.all) return undefined;
  const towns = scope.towns.length ? inArray(mujunResults.town, [...scope.towns]) : undefined;
  const usccs = scope.usccs.length ? inArray(mujunResults.uscc, [...scope.usccs]) : undefined;
  return or(towns, usccs) ?? sql`false`;
}

/**
 * Loads the result row of an enterprise in a run when the actor may see it; otherwise 404 (also when the run or the
 * enterprise does not exist). Returns the stored result row. `scope`: the actor's, when the caller already has it.
 */
export async function assertEnterpriseVisible(ctx: Pick<Ctx, 'db' | 'actor'>, runId: string, uscc: string, scope?: MujunScope) {
  scope ??= await mujunScope(ctx);
  const [row] = await ctx.db
    .select()
    .from(mujunResults)
    .where(and(eq(mujunResults.runId, runId), eq(mujunResults.uscc, uscc), scopeCondition(scope)))
    .limit(1);
  if (!row) throw notFound('企业评价结果');
  return row;
}
