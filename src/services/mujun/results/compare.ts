/**
 * Two runs side by side (two versions of a year, or two years): how the enterprises both runs hold moved between
 * classes (the transition matrix) and the list of them, paged, optionally only those whose class changed.
 * Inside the actor's scope on both runs.
 */
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { mujunResults } from '../../../db/schema.js';
import { requirePermission, type Ctx } from '../../context.js';
import { mujunScope, scopeCondition } from '../access.js';
import { NO_CLASS, classOrder, loadRun, runSummary } from './common.js';

export interface CompareQuery {
  changed?: boolean;
  page?: number;
  pageSize?: number;
}

export async function compareRuns(ctx: Ctx, aId: string, bId: string, query: CompareQuery = {}) {
  requirePermission(ctx, 'mujun.read');
  const { changed = false, page = 1, pageSize = 20 } = query;
  const [a, b] = await Promise.all([loadRun(ctx.db, aId), loadRun(ctx.db, bId)]);
  const scope = await mujunScope(ctx);
  const rb = alias(mujunResults, 'rb');
  // the B side inside the scope: the same condition, on the B run's rows
  const visibleInB = ctx.db
    .select({ uscc: mujunResults.uscc })
    .from(mujunResults)
    .where(and(eq(mujunResults.runId, b.id), scopeCondition(scope)));
  const classA = sql<string>`coalesce(${mujunResults.class}, ${NO_CLASS})`;
  const classB = sql<string>`coalesce(${rb.class}, ${NO_CLASS})`;
  const common = and(eq(mujunResults.runId, a.id), scopeCondition(scope), inArray(mujunResults.uscc, visibleInB));
  const where = changed ? and(common, sql`${mujunResults.class} is distinct from ${rb.class}`) : common;
  const join = and(eq(rb.uscc, mujunResults.uscc), eq(rb.runId, b.id));

  const [cells, items, [counted]] = await Promise.all([
    ctx.db
      .select({ classA, classB, n: count() })
      .from(mujunResults)
      .innerJoin(rb, join)
      .where(common)
      .groupBy(mujunResults.class, rb.class),
    ctx.db
      .select({
        uscc: mujunResults.uscc,
        name: mujunResults.name,
        town: mujunResults.town,
        groupA: mujunResults.grp,
        groupB: rb.grp,
        classA: mujunResults.class,
        classB: rb.class,
        totalA: mujunResults.total,
        totalB: rb.total,
        rankA: mujunResults.rank,
        rankB: rb.rank,
      })
      .from(mujunResults)
      .innerJoin(rb, join)
      .where(where)
      .orderBy(sql`${mujunResults.rank} asc nulls last`, asc(mujunResults.grp), asc(mujunResults.uscc))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(mujunResults).innerJoin(rb, join).where(where),
  ]);

  const seen = new Set<string>();
  for (const c of cells) seen.add(c.classA).add(c.classB);
  const classes = classOrder(a.scheme, [...classOrder(b.scheme, seen), ...seen]);
  if (seen.has(NO_CLASS)) classes.push(NO_CLASS);
  const matrix: Record<string, Record<string, number>> = {};
  for (const ca of classes) matrix[ca] = Object.fromEntries(classes.map((cb) => [cb, 0]));
  let both = 0;
  for (const c of cells) {
    matrix[c.classA]![c.classB] = Number(c.n);
    both += Number(c.n);
  }
  return {
    a: runSummary(a),
    b: runSummary(b),
    classes,
    matrix,
    common: both,
    items,
    total: Number(counted?.n ?? 0),
    page,
    pageSize,
  };
}
