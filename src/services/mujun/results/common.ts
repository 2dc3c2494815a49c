/**
 * Shared pieces of the 亩均 result queries (one query per file, like the dashboard): the run header, the filters of the
 * ranking, the actor's scope as SQL, the order of a run's groups, and the run's input snapshot parsed back into a table
 * and re-evaluated (runs are immutable, so both are cached per run id in a small LRU).
 */
import { and, asc, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { mujunResults, mujunRuns } from '../../../db/schema.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../domain/errors.js';
import { CsvReader } from '../../../domain/mujun/csv.js';
import { evaluate, type EvaluationResult, type MujunTable } from '../../../domain/mujun/engine.js';
import { INPUT_FIELDS } from '../../../domain/mujun/fields.js';
import { MujunTableBuilder } from '../../../domain/mujun/input.js';
import { HEROES, type Hero, type Scheme } from '../../../domain/mujun/scheme.js';
import type { MujunScope } from '../../../domain/org/roles.js';
import { scopeCondition } from '../access.js';

export const STATUS_LABELS: Record<string, string> = {
  scored: '参评',
  exempt: '免评',
  tenant: '承租（随出租方定档）',
  unevaluated: '未纳入评价',
};

export const HERO_LABELS: Record<Hero, string> = { mujun: '亩均', ditan: '低碳', keji: '科技', renjun: '人均' };

/** The key of "no class" in class counts and the compare matrix. */
export const NO_CLASS = '-';

/** The run as the result screens need it (without the input snapshot). */
export interface RunHeader {
  id: string;
  year: number;
  version: number;
  schemeId: string;
  scheme: Scheme;
  inputSha256: string;
  groups: StoredGroup[];
  enterpriseCount: number;
  parentRunId: string | null;
  reason: string | null;
  createdAt: Date;
}

/** A group as the run stores it (`mujun_runs.groups`). */
export interface StoredGroup {
  id: string;
  name?: string;
  n: number;
  benchmarks?: Record<string, unknown>;
  classCounts?: Record<string, number>;
}

export async function loadRun(db: Db, runId: string): Promise<RunHeader> {
  const [run] = await db
    .select({
      id: mujunRuns.id,
      year: mujunRuns.year,
      version: mujunRuns.version,
      schemeId: mujunRuns.schemeId,
      scheme: mujunRuns.scheme,
      inputSha256: mujunRuns.inputSha256,
      groups: mujunRuns.groups,
      enterpriseCount: mujunRuns.enterpriseCount,
      parentRunId: mujunRuns.parentRunId,
      reason: mujunRuns.reason,
      createdAt: mujunRuns.createdAt,
    })
    .from(mujunRuns)
    .where(eq(mujunRuns.id, runId))
    .limit(1);
  if (!run) throw notFound('评价批次');
  return { ...run, scheme: run.scheme as Scheme, groups: (run.groups ?? []) as StoredGroup[] };
}

/** A short description of a run for the screens (compare, trend). */
export function runSummary(run: RunHeader) {
  return {
    id: run.id,
    year: run.year,
    version: run.version,
    schemeId: run.schemeId,
    schemeName: run.scheme.name,
    enterpriseCount: run.enterpriseCount,
    parentRunId: run.parentRunId,
    reason: run.reason,
    createdAt: run.createdAt,
  };
}

export const groupName = (scheme: Scheme, id: string | null): string | null =>
  id === null ? null : (scheme.groups.find((g) => g.id === id)?.name ?? id);

/** Sorts by the scheme's group order (unknown or no group last). */
export function groupOrder(scheme: Scheme): SQL {
  if (scheme.groups.length === 0) return sql`0`;
  const cases = scheme.groups.map((g, i) => sql`when ${g.id} then ${i}`);
  return sql`(case ${mujunResults.grp} ${sql.join(cases, sql` `)} else ${scheme.groups.length} end)`;
}

/** The filters of the ranking (and of the exports). */
export interface ResultFilter {
  group?: string;
  town?: string;
  /** an industry code prefix: the division (C30) or a finer code (C3072) */
  industry?: string;
  class?: string;
  status?: string;
  /** part of the name, or the start of the credit code */
  q?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE of a run's results inside the actor's scope, narrowed by the filter. */
export function resultsWhere(runId: string, scope: MujunScope, f: ResultFilter = {}): SQL {
  const q = f.q?.trim();
  return and(
    eq(mujunResults.runId, runId),
    scopeCondition(scope),
    f.group ? eq(mujunResults.grp, f.group) : undefined,
    f.town ? eq(mujunResults.town, f.town) : undefined,
    f.industry ? like(mujunResults.industry, `${escapeLike(f.industry.trim().toUpperCase())}%`) : undefined,
    f.class ? (f.class === NO_CLASS ? sql`${mujunResults.class} is null` : eq(mujunResults.class, f.class)) : undefined,
    f.status ? eq(mujunResults.status, f.status) : undefined,
    q
      ? or(ilike(mujunResults.name, `%${escapeLike(q)}%`), like(mujunResults.uscc, `${escapeLike(q.toUpperCase())}%`))
      : undefined,
  )!;
}

export type ResultSort = 'rank' | '-total' | 'total' | 'name';

/** ORDER BY for a sort; the credit code breaks ties so that paging is stable. */
export function resultsOrder(scheme: Scheme, sort: ResultSort): SQL[] {
  const tail = asc(mujunResults.uscc);
  switch (sort) {
    case 'rank':
      return [groupOrder(scheme), sql`${mujunResults.rank} asc nulls last`, sql`${mujunResults.total} desc nulls last`, tail];
    case '-total':
      return [sql`${mujunResults.total} desc nulls last`, tail];
    case 'total':
      return [sql`${mujunResults.total} asc nulls last`, tail];
    case 'name':
      return [asc(mujunResults.name), tail];
  }
}

/** The columns of a ranking row. */
export const itemColumns = {
  uscc: mujunResults.uscc,
  name: mujunResults.name,
  town: mujunResults.town,
  industry: mujunResults.industry,
  division: mujunResults.division,
  scale: mujunResults.scale,
  group: mujunResults.grp,
  status: mujunResults.status,
  total: mujunResults.total,
  rank: mujunResults.rank,
  class: mujunResults.class,
  mujun: mujunResults.mujun,
  ditan: mujunResults.ditan,
  keji: mujunResults.keji,
  renjun: mujunResults.renjun,
  vetoes: mujunResults.vetoes,
};

interface ItemRow {
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
  mujun: number | null;
  ditan: number | null;
  keji: number | null;
  renjun: number | null;
  vetoes: string[] | null;
}

export function toItem(r: ItemRow) {
  return {
    uscc: r.uscc,
    name: r.name,
    town: r.town,
    industry: r.industry,
    scale: r.scale,
    group: r.group,
    status: r.status,
    total: r.total,
    rank: r.rank,
    class: r.class,
    heroes: r.status === 'scored' ? { mujun: r.mujun ?? 0, ditan: r.ditan ?? 0, keji: r.keji ?? 0, renjun: r.renjun ?? 0 } : null,
    vetoes: r.vetoes ?? [],
  };
}
export type ResultItem = ReturnType<typeof toItem>;

/** Classes in a sensible order: the scheme's bands, veto classes and the exempt class first, then the others sorted. */
export function classOrder(scheme: Scheme, seen: Iterable<string> = []): string[] {
  const out: string[] = [];
  const add = (c: string | null | undefined) => {
    if (c && !out.includes(c)) out.push(c);
  };
  for (const g of scheme.groups) for (const [c] of g.classes.bands) add(c);
  for (const g of scheme.groups) for (const v of g.vetoes ?? []) add(v.class);
  add(scheme.exempt?.class);
  const rest = [...seen].filter((c) => c !== NO_CLASS && !out.includes(c)).sort();
  return [...out, ...rest];
}

/** The hero weight sums of a group (the radar's maximum). */
export function heroMax(scheme: Scheme, groupId: string | null): number[] {
  const g = scheme.groups.find((x) => x.id === groupId);
  return HEROES.map((h) => (g ? g.indicators.filter((i) => i.hero === h).reduce((s, i) => s + i.weight, 0) : 0));
}

// ---- the input snapshot, parsed and re-evaluated -------------------------------------------------------------------

export interface Snapshot {
  table: MujunTable;
  rowOf: Map<string, number>;
  /** the run's evaluation recomputed from its snapshot and scheme (for "what would move it up") */
  evaluation(): EvaluationResult;
}

const SNAPSHOT_CACHE_SIZE = 4;
const snapshots = new Map<string, Snapshot>();

/** Parses the canonical CSV snapshot of a run back into the table the engine read. */
export function parseSnapshot(csv: string): MujunTable {
  const builder = new MujunTableBuilder();
  const reader = new CsvReader(builder);
  reader.push(new TextEncoder().encode(csv));
  reader.end();
  const res = builder.finish();
  if (!res.ok) throw new Error(`run input snapshot does not read back: ${JSON.stringify(res.errors.slice(0, 3))}`);
  return res.table;
}

/** The run's snapshot (cached: runs never change). */
export async function snapshotOf(db: Db, run: Pick<RunHeader, 'id' | 'scheme'>): Promise<Snapshot> {
  const hit = snapshots.get(run.id);
  if (hit) {
    snapshots.delete(run.id); // most recently used goes last
    snapshots.set(run.id, hit);
    return hit;
  }
  const [row] = await db.select({ csv: mujunRuns.inputCsv }).from(mujunRuns).where(eq(mujunRuns.id, run.id)).limit(1);
  if (!row) throw notFound('评价批次');
  const table = parseSnapshot(row.csv);
  const rowOf = new Map(table.uscc.map((u, i) => [u, i]));
  let ev: EvaluationResult | null = null;
  const snap: Snapshot = { table, rowOf, evaluation: () => (ev ??= evaluate(run.scheme, table)) };
  snapshots.set(run.id, snap);
  while (snapshots.size > SNAPSHOT_CACHE_SIZE) snapshots.delete(snapshots.keys().next().value!);
  return snap;
}

/** One enterprise's input row as `{ field: value }` (missing = null), fields in the table's order. */
export function snapshotRow(s: Snapshot, uscc: string): Record<string, string | number | null> | null {
  const i = s.rowOf.get(uscc);
  if (i === undefined) return null;
  const out: Record<string, string | number | null> = { uscc, name: s.table.name[i] ?? '' };
  const keys = [...INPUT_FIELDS.map((f) => f.key), ...Object.keys(s.table.text), ...Object.keys(s.table.columns)];
  for (const k of keys) {
    if (k in out) continue;
    const text = s.table.text[k];
    const num = s.table.columns[k];
    if (text) out[k] = text[i] ? text[i]! : null;
    else if (num) out[k] = Number.isNaN(num[i]!) ? null : num[i]!;
  }
  return out;
}

/** A number field of the snapshot for one row (NaN when missing or absent). */
export function snapshotNumber(s: Snapshot, uscc: string, field: string): number {
  const i = s.rowOf.get(uscc);
  const col = s.table.columns[field];
  return i === undefined || !col ? NaN : col[i]!;
}
