/**
 * How a run's classes are distributed, per group and overall, over the enterprises the actor may see. As in the
 * spec (§2.6), class counts count the final classes of scored enterprises; `statuses` counts every visible enterprise.
 */
import { count, sql } from 'drizzle-orm';
import { mujunResults } from '../../../db/schema.js';
import { requirePermission, type Ctx } from '../../context.js';
import { mujunScope } from '../access.js';
import { NO_CLASS, classOrder, loadRun, resultsWhere } from './common.js';

export interface Distribution {
  groups: { id: string; name: string; n: number; classCounts: Record<string, number> }[];
  overall: Record<string, number>;
  /** every visible enterprise by status (scored, exempt, tenant, unevaluated) */
  statuses: Record<string, number>;
  /** the classes in display order */
  classes: string[];
}

export async function distribution(ctx: Ctx, runId: string): Promise<Distribution> {
  requirePermission(ctx, 'mujun.read');
  const run = await loadRun(ctx.db, runId);
  const rows = await ctx.db
    .select({
      group: mujunResults.grp,
      status: mujunResults.status,
      class: sql<string>`coalesce(${mujunResults.class}, ${NO_CLASS})`,
      n: count(),
    })
    .from(mujunResults)
    .where(resultsWhere(run.id, await mujunScope(ctx)))
    .groupBy(mujunResults.grp, mujunResults.status, mujunResults.class);

  const classes = classOrder(
    run.scheme,
    rows.map((r) => r.class),
  );
  const zero = () => Object.fromEntries(classes.map((c) => [c, 0])) as Record<string, number>;
  const groups = run.scheme.groups.map((g) => ({ id: g.id, name: g.name, n: 0, classCounts: zero() }));
  const overall = zero();
  const statuses: Record<string, number> = { scored: 0, exempt: 0, tenant: 0, unevaluated: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    statuses[r.status] = (statuses[r.status] ?? 0) + n;
    if (r.status !== 'scored') continue;
    const g = groups.find((x) => x.id === r.group);
    if (!g) continue;
    g.n += n;
    g.classCounts[r.class] = (g.classCounts[r.class] ?? 0) + n;
    overall[r.class] = (overall[r.class] ?? 0) + n;
  }
  if (rows.some((r) => r.status === 'scored' && r.class === NO_CLASS)) classes.push(NO_CLASS);
  return { groups, overall, statuses, classes };
}
