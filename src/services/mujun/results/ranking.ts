/** A run's results, ranked and filtered (by group, town, industry division, class, status, name or credit code). */
import { count } from 'drizzle-orm';
import { mujunResults } from '../../../db/schema.js';
import { requirePermission, type Ctx } from '../../context.js';
import { mujunScope } from '../access.js';
import {
  itemColumns,
  loadRun,
  resultsOrder,
  resultsWhere,
  toItem,
  type ResultFilter,
  type ResultItem,
  type ResultSort,
} from './common.js';

export interface RankingQuery extends ResultFilter {
  sort?: ResultSort;
  page?: number;
  pageSize?: number;
}

export interface RankingPage {
  items: ResultItem[];
  total: number;
  page: number;
  pageSize: number;
}

export async function ranking(ctx: Ctx, runId: string, query: RankingQuery = {}): Promise<RankingPage> {
  requirePermission(ctx, 'mujun.read');
  const { sort = 'rank', page = 1, pageSize = 20, ...filter } = query;
  const run = await loadRun(ctx.db, runId);
  const where = resultsWhere(run.id, await mujunScope(ctx), filter);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select(itemColumns)
      .from(mujunResults)
      .where(where)
      .orderBy(...resultsOrder(run.scheme, sort))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(mujunResults).where(where),
  ]);
  return { items: rows.map(toItem), total: Number(counted?.n ?? 0), page, pageSize };
}

/** Every row of a run inside the scope and the filter, in ranking order (for the exports). */
export async function rankingRows(ctx: Ctx, runId: string, filter: ResultFilter = {}, sort: ResultSort = 'rank') {
  requirePermission(ctx, 'mujun.read');
  const run = await loadRun(ctx.db, runId);
  const rows = await ctx.db
    .select({ ...itemColumns, indicators: mujunResults.indicators, adjustments: mujunResults.adjustments })
    .from(mujunResults)
    .where(resultsWhere(run.id, await mujunScope(ctx), filter))
    .orderBy(...resultsOrder(run.scheme, sort));
  return { run, rows };
}
