/**
 * One enterprise's page of a run (企业画像): its result, its input row from the run's snapshot, its group's indicators
 * with the benchmark applied to it, the radar against the group's mean hero scores, what would move it up one class
 * (re-derived from the stored snapshot and scheme), its trend over the years and the policies of its class.
 */
import { and, asc, avg, count, desc, eq, inArray } from 'drizzle-orm';
import { mujunResults, mujunRuns } from '../../../db/schema.js';
import type { IndicatorResult } from '../../../domain/mujun/engine.js';
import { HEROES, type Hero } from '../../../domain/mujun/scheme.js';
import { upliftFor, type UpliftAnswer } from '../../../domain/mujun/uplift.js';
import type { MujunScope } from '../../../domain/org/roles.js';
import { notFound, validation } from '../../../domain/errors.js';
import { requirePermission, type Ctx } from '../../context.js';
import { assertEnterpriseVisible, mujunScope, scopeCondition } from '../access.js';
import { policyRows, type Policy } from '../policies.js';
import {
  heroMax,
  loadRun,
  resultsOrder,
  resultsWhere,
  snapshotOf,
  snapshotRow,
  toItem,
  type RunHeader,
  type StoredGroup,
} from './common.js';

type ResultRow = typeof mujunResults.$inferSelect;

export interface TrendPoint {
  year: number;
  runId: string;
  version: number;
  total: number | null;
  rank: number | null;
  n: number | null;
  class: string | null;
  status: string;
}

export interface EnterpriseDetail {
  run: { id: string; year: number; version: number; schemeName: string; inputSha256: string; createdAt: Date };
  result: {
    uscc: string;
    name: string;
    town: string | null;
    industry: string | null;
    scale: string | null;
    group: string | null;
    status: string;
    total: number | null;
    rank: number | null;
    class: string | null;
    heroes: Record<Hero, number> | null;
    indicators: Record<string, IndicatorResult>;
    adjustments: { id: string; name: string; points: number }[];
    vetoes: string[];
    /** the vetoes that apply, with their names and classes */
    vetoDetails: { id: string; name: string; class: string }[];
  };
  input: Record<string, string | number | null> | null;
  group: {
    id: string;
    name: string;
    n: number;
    indicators: {
      id: string;
      name: string;
      hero: Hero;
      unit: string | null;
      weight: number;
      direction: 'higher' | 'lower';
      benchmark: number | null;
    }[];
  } | null;
  radar: { heroes: Hero[]; enterprise: number[]; groupMean: number[]; max: number[] };
  uplift: UpliftAnswer;
  trend: TrendPoint[];
  policies: Policy[];
}

/** The detail of one enterprise of a run; 404 outside the actor's scope. */
export async function enterpriseDetail(ctx: Ctx, runId: string, uscc: string): Promise<EnterpriseDetail> {
  requirePermission(ctx, 'mujun.read');
  const scope = await mujunScope(ctx);
  const row = await assertEnterpriseVisible(ctx, runId, uscc, scope);
  const run = await loadRun(ctx.db, runId);
  const [detail] = await buildDetails(ctx, run, [row], scope);
  return detail!;
}

/** The details of every visible enterprise of a run in one town (for the batch of reports), in ranking order. */
export async function townDetails(ctx: Ctx, runId: string, town: string, limit: number): Promise<EnterpriseDetail[]> {
  requirePermission(ctx, 'mujun.read');
  const run = await loadRun(ctx.db, runId);
  const scope = await mujunScope(ctx);
  const rows = await ctx.db
    .select()
    .from(mujunResults)
    .where(resultsWhere(run.id, scope, { town }))
    .orderBy(...resultsOrder(run.scheme, 'rank'))
    .limit(limit + 1);
  if (rows.length === 0) throw notFound('该乡镇街道的评价结果');
  if (rows.length > limit)
    throw validation([{ field: 'town', message: `该乡镇街道的企业超过 ${limit} 家，请按企业分别下载报告` }]);
  return buildDetails(ctx, run, rows, scope);
}

async function buildDetails(ctx: Ctx, run: RunHeader, rows: ResultRow[], scope: MujunScope): Promise<EnterpriseDetail[]> {
  const snap = await snapshotOf(ctx.db, run);
  const groupIds = [...new Set(rows.map((r) => r.grp).filter((g): g is string => g !== null))];
  const [means, trends, policies] = await Promise.all([
    groupMeans(ctx, run.id, groupIds),
    trendsOf(
      ctx,
      run,
      rows.map((r) => r.uscc),
      scope,
    ),
    policyRows(ctx.db),
  ]);
  return rows.map((row) => {
    const g = run.scheme.groups.find((x) => x.id === row.grp) ?? null;
    const indicators = (row.indicators ?? {}) as Record<string, IndicatorResult>;
    const stored = run.groups.find((x) => x.id === row.grp);
    const item = toItem({ ...row, group: row.grp });
    const mean = row.grp ? means.get(row.grp) : undefined;
    const adjustments = (row.adjustments ?? []) as { id: string; points: number }[];
    return {
      run: {
        id: run.id,
        year: run.year,
        version: run.version,
        schemeName: run.scheme.name,
        inputSha256: run.inputSha256,
        createdAt: run.createdAt,
      },
      result: {
        ...item,
        indicators,
        adjustments: adjustments.map((a) => ({ ...a, name: g?.adjustments?.find((x) => x.id === a.id)?.name ?? a.id })),
        vetoDetails: item.vetoes.map((id) => {
          const v = g?.vetoes?.find((x) => x.id === id);
          return { id, name: v?.name ?? id, class: v?.class ?? '' };
        }),
      },
      input: snapshotRow(snap, row.uscc),
      group: g
        ? {
            id: g.id,
            name: g.name,
            n: mean?.n ?? stored?.n ?? 0,
            indicators: g.indicators.map((ind) => ({
              id: ind.id,
              name: ind.name,
              hero: ind.hero,
              unit: ind.unit ?? null,
              weight: ind.weight,
              direction: ind.direction,
              benchmark: appliedBenchmark(indicators[ind.id], stored, ind.id),
            })),
          }
        : null,
      radar: {
        heroes: [...HEROES],
        enterprise: HEROES.map((h) => item.heroes?.[h] ?? 0),
        groupMean: HEROES.map((h) => mean?.[h] ?? 0),
        max: heroMax(run.scheme, row.grp),
      },
      uplift: upliftFor(run.scheme, snap.evaluation(), row.uscc),
      trend: trends.get(row.uscc) ?? [],
      policies: row.class ? policies.filter((p) => p.class === row.class) : [],
    };
  });
}

/** The benchmark applied to the enterprise (its division's under `by: industry`), else the group's. */
function appliedBenchmark(r: IndicatorResult | undefined, stored: StoredGroup | undefined, id: string): number | null {
  if (r && r.benchmark !== undefined) return r.benchmark;
  const b = stored?.benchmarks?.[id];
  return typeof b === 'number' ? b : null;
}

/** Mean hero scores and the number of scored enterprises of each group (the whole group: it is the yardstick). */
async function groupMeans(ctx: Ctx, runId: string, groupIds: string[]) {
  const out = new Map<string, Record<Hero, number> & { n: number }>();
  if (groupIds.length === 0) return out;
  const rows = await ctx.db
    .select({
      grp: mujunResults.grp,
      n: count(),
      mujun: avg(mujunResults.mujun),
      ditan: avg(mujunResults.ditan),
      keji: avg(mujunResults.keji),
      renjun: avg(mujunResults.renjun),
    })
    .from(mujunResults)
    .where(and(eq(mujunResults.runId, runId), eq(mujunResults.status, 'scored'), inArray(mujunResults.grp, groupIds)))
    .groupBy(mujunResults.grp);
  const r4 = (x: string | null) => (x === null ? 0 : Math.round(Number(x) * 1e4) / 1e4);
  for (const r of rows)
    out.set(r.grp!, { n: Number(r.n), mujun: r4(r.mujun), ditan: r4(r.ditan), keji: r4(r.keji), renjun: r4(r.renjun) });
  return out;
}

/**
 * Each enterprise's result in the latest run of every year (for the run's own year: this run), oldest year first,
 * inside the scope.
 */
async function trendsOf(ctx: Ctx, run: RunHeader, usccs: string[], scope: MujunScope): Promise<Map<string, TrendPoint[]>> {
  const out = new Map<string, TrendPoint[]>();
  if (usccs.length === 0) return out;
  const rows = await ctx.db
    .selectDistinctOn([mujunResults.uscc, mujunRuns.year], {
      uscc: mujunResults.uscc,
      year: mujunRuns.year,
      runId: mujunRuns.id,
      version: mujunRuns.version,
      groups: mujunRuns.groups,
      grp: mujunResults.grp,
      status: mujunResults.status,
      total: mujunResults.total,
      rank: mujunResults.rank,
      class: mujunResults.class,
    })
    .from(mujunResults)
    .innerJoin(mujunRuns, eq(mujunRuns.id, mujunResults.runId))
    .where(and(inArray(mujunResults.uscc, usccs), scopeCondition(scope)))
    .orderBy(
      asc(mujunResults.uscc),
      asc(mujunRuns.year),
      // this run first within its year, then the latest version
      desc(eq(mujunRuns.id, run.id)),
      desc(mujunRuns.version),
    );
  for (const r of rows) {
    const g = ((r.groups ?? []) as StoredGroup[]).find((x) => x.id === r.grp);
    const list = out.get(r.uscc) ?? [];
    list.push({
      year: r.year,
      runId: r.runId,
      version: r.version,
      total: r.total,
      rank: r.rank,
      n: r.status === 'scored' && g ? g.n : null,
      class: r.class,
      status: r.status,
    });
    out.set(r.uscc, list);
  }
  return out;
}
