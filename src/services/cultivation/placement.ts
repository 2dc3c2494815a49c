/**
 * The yearly placement of enterprises in the cultivation tiers (培育库): from the latest 亩均 run of the year — its input
 * snapshot (the statistics bureau's revenue, scale … merged with the other departments' data, exactly as evaluated)
 * and its results (class and total score, columns `mujun_class` / `mujun_score` for the rules) — compared with the
 * latest run of the year before. A run is immutable, so the placement of a year is reproducible and cached per pair
 * of runs and tier set. Data scope as for the 亩均 results (`mujunScope`): a town's staff see their town's enterprises,
 * an enterprise contact its own.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { leaderPortfolios, mujunResults, mujunRuns, people, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import {
  CLASS_FIELD,
  MOVEMENT_LABELS,
  SCORE_FIELD,
  movementOf,
  placeEnterprises,
  targetFor,
  type Movement,
  type TierDef,
  type YearData,
} from '../../domain/cultivation/tiers.js';
import type { MujunTable } from '../../domain/mujun/engine.js';
import type { MujunScope } from '../../domain/org/roles.js';
import type { Scheme } from '../../domain/mujun/scheme.js';
import { requirePermission, type Ctx } from '../context.js';
import { mujunScope } from '../mujun/access.js';
import { snapshotOf } from '../mujun/results/common.js';
import { checkYear } from '../mujun/uploads.js';
import { tierSet } from './tiers.js';

interface RunRef {
  id: string;
  year: number;
  version: number;
}

/** The latest run (highest version) of a year, or null. */
async function latestRun(db: Db, year: number): Promise<(RunRef & { scheme: Scheme }) | null> {
  const [row] = await db
    .select({ id: mujunRuns.id, year: mujunRuns.year, version: mujunRuns.version, scheme: mujunRuns.scheme })
    .from(mujunRuns)
    .where(eq(mujunRuns.year, year))
    .orderBy(desc(mujunRuns.version))
    .limit(1);
  return row ? { ...row, scheme: row.scheme as Scheme } : null;
}

/** Years with at least one run, newest first. */
async function runYears(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ year: mujunRuns.year }).from(mujunRuns);
  return rows.map((r) => r.year).sort((a, b) => b - a);
}

interface RunData {
  data: YearData;
  table: MujunTable;
  cls: string[];
}

/** A run's snapshot as the rules' columns, with the run's class and total score. */
async function runData(db: Db, run: { id: string; scheme: Scheme }): Promise<RunData> {
  const snap = await snapshotOf(db, run);
  const table = snap.table;
  const n = table.uscc.length;
  const cls = new Array<string>(n).fill('');
  const score = new Float64Array(n).fill(NaN);
  const rows = await db
    .select({ uscc: mujunResults.uscc, class: mujunResults.class, total: mujunResults.total })
    .from(mujunResults)
    .where(eq(mujunResults.runId, run.id));
  for (const r of rows) {
    const i = snap.rowOf.get(r.uscc);
    if (i === undefined) continue;
    cls[i] = r.class ?? '';
    if (r.total !== null) score[i] = r.total;
  }
  return {
    table,
    cls,
    data: {
      uscc: table.uscc,
      cols: { n, numbers: { ...table.columns, [SCORE_FIELD]: score }, text: { ...table.text, [CLASS_FIELD]: cls } },
    },
  };
}

export interface PlacedRow {
  uscc: string;
  name: string;
  town: string | null;
  scale: string | null;
  /** 亩均 class this year (null: not classed, or gone from this year's data) */
  mujunClass: string | null;
  tier: number;
  prevTier: number;
  movement: Movement;
  becameAboveScale: boolean;
  /** false: in last year's data only (an exit) */
  inData: boolean;
  nextTier: number;
  /** the value of the next tier's threshold field (null: missing) */
  value: number | null;
  gap: number | null;
}

interface YearPlacement {
  year: number;
  run: RunRef;
  previous: RunRef | null;
  tiers: TierDef[];
  illustrative: boolean;
  note: string;
  rows: PlacedRow[];
}

const CACHE_SIZE = 4;
const cache = new Map<string, YearPlacement>();

/** Every enterprise of a year placed (no scope applied: the callers filter). */
async function yearPlacement(db: Db, year: number): Promise<YearPlacement> {
  const run = await latestRun(db, year);
  if (!run) throw validation([{ field: 'year', message: `${year} 年度还没有亩均评价批次，无法入库` }]);
  const prevRun = await latestRun(db, year - 1);
  const set = await tierSet(db);
  const key = JSON.stringify([run.id, prevRun?.id ?? null, set]);
  const hit = cache.get(key);
  if (hit) return hit;

  const cur = await runData(db, run);
  const prev = prevRun ? await runData(db, prevRun) : null;
  const tiers = set.tiers;
  const p = placeEnterprises(tiers, cur.data, prev?.data ?? null);
  const text = (t: MujunTable, k: string, i: number) => {
    const v = t.text[k]?.[i];
    return v ? v : null;
  };
  const thresholdCol = tiers.map((t) => (t.threshold ? cur.data.cols.numbers[t.threshold.field] : undefined));
  const rows: PlacedRow[] = [];
  for (let i = 0; i < p.n; i++) {
    const next = p.nextTier[i]!;
    const v = next >= 0 ? thresholdCol[next]?.[i] : undefined;
    const gap = p.gap[i]!;
    rows.push({
      uscc: cur.table.uscc[i]!,
      name: cur.table.name[i]!,
      town: text(cur.table, 'town', i),
      scale: text(cur.table, 'scale', i),
      mujunClass: cur.cls[i] || null,
      tier: p.tier[i]!,
      prevTier: p.prevTier[i]!,
      movement: movementOf(p.movement[i]!),
      becameAboveScale: p.becameAboveScale[i] === 1,
      inData: true,
      nextTier: next,
      value: v === undefined || Number.isNaN(v) ? null : v,
      gap: Number.isNaN(gap) ? null : gap,
    });
  }
  if (prev) {
    const prevRow = new Map(prev.table.uscc.map((u, j) => [u, j]));
    for (const g of p.goneRows) {
      const j = prevRow.get(g.uscc)!;
      rows.push({
        uscc: g.uscc,
        name: prev.table.name[j]!,
        town: text(prev.table, 'town', j),
        scale: text(prev.table, 'scale', j),
        mujunClass: null,
        tier: -1,
        prevTier: g.prevTier,
        movement: 'exit',
        becameAboveScale: false,
        inData: false,
        nextTier: -1,
        value: null,
        gap: null,
      });
    }
  }
  const out: YearPlacement = {
    year,
    run: { id: run.id, year: run.year, version: run.version },
    previous: prevRun ? { id: prevRun.id, year: prevRun.year, version: prevRun.version } : null,
    tiers,
    illustrative: set.illustrative,
    note: set.note,
    rows,
  };
  cache.set(key, out);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return out;
}

const visible = (scope: MujunScope) => (r: PlacedRow) =>
  scope.all || (r.town !== null && scope.towns.includes(r.town)) || scope.usccs.includes(r.uscc);

interface LeaderRef {
  id: string;
  name: string;
  title: string | null;
}

/** Leaders by the units of their portfolios, and town name → unit id. */
async function leaderIndex(db: Db) {
  const rows = await db
    .select({ unitId: leaderPortfolios.unitId, id: people.id, name: people.name, title: people.title })
    .from(leaderPortfolios)
    .innerJoin(people, eq(people.id, leaderPortfolios.personId))
    .where(and(eq(people.active, true), eq(people.isLeader, true)))
    .orderBy(people.sortOrder, people.name);
  const byUnit = new Map<string, LeaderRef[]>();
  const all = new Map<string, LeaderRef>();
  for (const r of rows) {
    const l = { id: r.id, name: r.name, title: r.title };
    all.set(l.id, l);
    const list = byUnit.get(r.unitId) ?? [];
    list.push(l);
    byUnit.set(r.unitId, list);
  }
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true));
  const unitByName = new Map(unitRows.map((u) => [u.name, u.id]));
  return { byUnit, all: [...all.values()], unitByName };
}

type LeaderIndex = Awaited<ReturnType<typeof leaderIndex>>;

/**
 * The leaders of a placed enterprise: whose portfolio holds the owner unit of its tier (last year's tier for an
 * exit) or the unit of its town or street.
 */
function leadersOf(ix: LeaderIndex, tiers: readonly TierDef[], r: PlacedRow): LeaderRef[] {
  const k = r.tier >= 0 ? r.tier : r.prevTier;
  const owner = k >= 0 ? tiers[k]!.ownerUnitId : null;
  const townUnit = r.town ? ix.unitByName.get(r.town) : undefined;
  const out = new Map<string, LeaderRef>();
  for (const u of [owner, townUnit]) if (u) for (const l of ix.byUnit.get(u) ?? []) out.set(l.id, l);
  return [...out.values()];
}

/** The year asked for, or the latest year with a run. */
async function resolveYear(db: Db, year: number | undefined): Promise<{ year: number; years: number[] }> {
  const years = await runYears(db);
  if (year !== undefined) {
    checkYear(year);
    return { year, years };
  }
  if (!years.length) throw validation([{ field: 'year', message: '还没有任何年度的亩均评价批次' }]);
  return { year: years[0]!, years };
}

const tierRef = (tiers: readonly TierDef[], k: number) => (k >= 0 ? { id: tiers[k]!.id, name: tiers[k]!.name } : null);

/** Tier counts against the year's targets, with last year's counts and the movements, inside the actor's scope. */
export async function cultivationSummary(ctx: Ctx, query: { year?: number } = {}) {
  requirePermission(ctx, 'mujun.read');
  const { year, years } = await resolveYear(ctx.db, query.year);
  const pl = await yearPlacement(ctx.db, year);
  const scope = await mujunScope(ctx);
  const rows = pl.rows.filter(visible(scope));
  const counts = pl.tiers.map(() => 0);
  const prevCounts = pl.tiers.map(() => 0);
  const movements: Record<Movement, number> = { up: 0, down: 0, new: 0, exit: 0, same: 0, none: 0 };
  let becameAboveScale = 0;
  const towns = new Map<string, number[]>();
  for (const r of rows) {
    if (r.tier >= 0) counts[r.tier]!++;
    if (r.prevTier >= 0) prevCounts[r.prevTier]!++;
    movements[r.movement]++;
    if (r.becameAboveScale) becameAboveScale++;
    if (r.tier >= 0) {
      const key = r.town ?? '';
      const c = towns.get(key) ?? pl.tiers.map(() => 0);
      c[r.tier]!++;
      towns.set(key, c);
    }
  }
  const ownerIds = [...new Set(pl.tiers.map((t) => t.ownerUnitId).filter((x): x is string => !!x))];
  const unitRows = ownerIds.length
    ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ownerIds))
    : [];
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  return {
    year,
    years,
    run: pl.run,
    previous: pl.previous,
    illustrative: pl.illustrative,
    note: pl.note,
    /** false: the counts are those of the enterprises the actor may see (a town, one enterprise), not the district's */
    district: scope.all,
    tiers: pl.tiers.map((t, k) => ({
      id: t.id,
      name: t.name,
      order: t.order,
      rule: t.rule,
      threshold: t.threshold,
      ownerUnitId: t.ownerUnitId,
      ownerUnitName: t.ownerUnitId ? (unitName.get(t.ownerUnitId) ?? null) : null,
      target: targetFor(t, year),
      count: counts[k]!,
      previousCount: pl.previous ? prevCounts[k]! : null,
    })),
    movements: { ...movements, becameAboveScale },
    movementLabels: MOVEMENT_LABELS,
    towns: [...towns.entries()]
      .map(([town, c]) => ({ town: town || null, counts: c, total: c.reduce((s, x) => s + x, 0) }))
      .sort((a, b) => b.total - a.total || (a.town ?? '').localeCompare(b.town ?? '')),
  };
}

export const PLACEMENT_MOVEMENT_FILTERS = ['up', 'down', 'new', 'exit', 'same', 'none', 'xsg', 'listed'] as const;
export type PlacementMovementFilter = (typeof PLACEMENT_MOVEMENT_FILTERS)[number];

export interface PlacementQuery {
  year?: number;
  /** a tier id, or 'none' (in no tier this year) */
  tier?: string;
  town?: string;
  /** a movement, 'xsg' (小升规), or 'listed' (default: in a tier this year or last year) */
  movement?: PlacementMovementFilter;
  leaderId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The placed enterprises of a year inside the scope, filtered by tier, town, movement and leader, highest tier first. */
export async function cultivationList(ctx: Ctx, query: PlacementQuery = {}) {
  requirePermission(ctx, 'mujun.read');
  const { year } = await resolveYear(ctx.db, query.year);
  const pl = await yearPlacement(ctx.db, year);
  const scope = await mujunScope(ctx);
  const { page = 1, pageSize = 20 } = query;
  let tierIndex: number | undefined;
  if (query.tier !== undefined && query.tier !== 'none') {
    tierIndex = pl.tiers.findIndex((t) => t.id === query.tier);
    if (tierIndex < 0) throw validation([{ field: 'tier', message: `没有代码为「${query.tier}」的培育档次` }]);
  }
  const ix = await leaderIndex(ctx.db);
  if (query.leaderId && !ix.all.some((l) => l.id === query.leaderId))
    throw validation([{ field: 'leaderId', message: '所选领导不存在或没有分管单位' }]);
  const movement = query.movement ?? 'listed';
  const q = query.q?.trim();
  const rank = (k: number) => (k < 0 ? pl.tiers.length : k);
  const matched = pl.rows.filter(visible(scope)).filter((r) => {
    if (query.tier === 'none' && r.tier !== -1) return false;
    if (tierIndex !== undefined && r.tier !== tierIndex) return false;
    if (query.town && r.town !== query.town) return false;
    if (movement === 'listed') {
      if (r.tier < 0 && r.prevTier < 0) return false;
    } else if (movement === 'xsg') {
      if (!r.becameAboveScale) return false;
    } else if (r.movement !== movement) return false;
    if (q && !r.name.includes(q) && !r.uscc.startsWith(q.toUpperCase())) return false;
    if (query.leaderId && !leadersOf(ix, pl.tiers, r).some((l) => l.id === query.leaderId)) return false;
    return true;
  });
  matched.sort(
    (a, b) =>
      rank(a.tier) - rank(b.tier) ||
      rank(a.prevTier) - rank(b.prevTier) ||
      (a.gap ?? Infinity) - (b.gap ?? Infinity) ||
      a.uscc.localeCompare(b.uscc),
  );
  const items = matched.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
    uscc: r.uscc,
    name: r.name,
    town: r.town,
    scale: r.scale,
    mujunClass: r.mujunClass,
    inData: r.inData,
    tier: tierRef(pl.tiers, r.tier),
    previousTier: tierRef(pl.tiers, r.prevTier),
    movement: r.movement,
    becameAboveScale: r.becameAboveScale,
    nextTier: tierRef(pl.tiers, r.nextTier),
    gapField: r.nextTier >= 0 ? (pl.tiers[r.nextTier]!.threshold?.field ?? null) : null,
    value: r.value,
    gap: r.gap,
    leaders: leadersOf(ix, pl.tiers, r).map((l) => ({ id: l.id, name: l.name })),
  }));
  return { year, run: pl.run, previous: pl.previous, items, total: matched.length, page, pageSize };
}

/** The leaders one may filter the list by (those with a portfolio). */
export async function cultivationLeaders(ctx: Ctx) {
  requirePermission(ctx, 'mujun.read');
  return (await leaderIndex(ctx.db)).all;
}
