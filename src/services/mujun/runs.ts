/**
 * Evaluation runs (评价批次): the merged input of a year evaluated with a scheme version. A run stores the scheme and
 * the input exactly as used (canonical CSV + SHA-256) with every enterprise's result, and is never changed: a correction
 * makes a new run version of the year that names its parent.
 */
import { desc, eq, max, sql } from 'drizzle-orm';
import { mujunResults, mujunRuns, mujunSchemes, mujunUploads } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { notFound, validation } from '../../domain/errors.js';
import { evaluate, type EvaluationResult } from '../../domain/mujun/engine.js';
import { MujunExprError } from '../../domain/mujun/expr.js';
import { INPUT_FIELDS, KNOWN_FLAGS, type MujunRecord } from '../../domain/mujun/fields.js';
import { DATA_SOURCES } from '../../domain/mujun/sources.js';
import { recordsToTable, schemeInputProblems, tableHasFormulaText, tableToCsv } from '../../domain/mujun/input.js';
import { parseSnapshot } from './results/common.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { mergedRecords } from './reconcile.js';
import { loadScheme, parseSchemeBody } from './schemes.js';
import { checkYear, fileInvalid, sha256Hex } from './uploads.js';

/** Rows per INSERT of results (19 columns each: well under PostgreSQL's 65,535 parameters). */
export const RESULT_BATCH = 1000;

export type RunRow = typeof mujunRuns.$inferSelect;

export interface RunGroup {
  id: string;
  name: string;
  n: number;
  benchmarks: Record<string, number | null>;
  classCounts: Record<string, number>;
  indicators: { id: string; name: string; hero: string; unit: string | null; weight: number }[];
}

const summaryColumns = {
  id: mujunRuns.id,
  year: mujunRuns.year,
  version: mujunRuns.version,
  schemeId: mujunRuns.schemeId,
  schemeCode: mujunSchemes.code,
  schemeVersion: mujunSchemes.version,
  schemeName: mujunSchemes.name,
  parentRunId: mujunRuns.parentRunId,
  reason: mujunRuns.reason,
  enterpriseCount: mujunRuns.enterpriseCount,
  inputSha256: mujunRuns.inputSha256,
  uploadIds: mujunRuns.uploadIds,
  groups: mujunRuns.groups,
  warnings: mujunRuns.warnings,
  createdByName: mujunRuns.createdByName,
  createdAt: mujunRuns.createdAt,
};

export type RunSummary = Omit<
  { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] },
  'groups' | 'schemeCode' | 'schemeVersion' | 'schemeName'
> & { groups: RunGroup[]; schemeCode: string; schemeVersion: number; schemeName: string };

export interface StoreRunInput {
  year: number;
  /** the scheme version used: its id and body (a run's own stored body for a re-run) */
  scheme: { id: string; body: unknown };
  records: readonly MujunRecord[];
  uploadIds: readonly string[];
  parentRunId: string | null;
  reason: string | null;
}

/**
 * Evaluates and stores a run with its results and audit event, in the caller's transaction. Queries run one after
 * another (PGlite is one connection). The version is the year's highest + 1, under a transaction-scoped advisory lock.
 */
export async function storeRun(tx: Db, ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>, input: StoreRunInput): Promise<RunSummary> {
  const scheme = parseSchemeBody(input.scheme.body);
  const built = recordsToTable(input.records);
  if (!built.ok) throw fileInvalid(built.errors);
  const table = built.table;
  const problems = schemeInputProblems(scheme, table);
  if (problems.length) throw validation(problems.map((p) => ({ field: p.column ?? '', message: p.reason })));
  let result: EvaluationResult;
  try {
    result = evaluate(scheme, table);
  } catch (e) {
    if (e instanceof MujunExprError) throw validation([{ field: e.field, message: e.message }]);
    throw e;
  }
  const csv = tableToCsv(table);
  const inputSha256 = sha256Hex(csv);
  const groups: RunGroup[] = result.groups.map((g) => {
    const def = scheme.groups.find((x) => x.id === g.id)!;
    return {
      id: g.id,
      name: def.name,
      n: g.n,
      benchmarks: g.benchmarks,
      classCounts: g.classCounts,
      indicators: def.indicators.map((i) => ({ id: i.id, name: i.name, hero: i.hero, unit: i.unit ?? null, weight: i.weight })),
    };
  });

  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('luoshi.mujun_runs'), ${input.year})`);
  const [{ v } = { v: null }] = await tx
    .select({ v: max(mujunRuns.version) })
    .from(mujunRuns)
    .where(eq(mujunRuns.year, input.year));
  const version = (v ?? 0) + 1;
  const [run] = await tx
    .insert(mujunRuns)
    .values({
      year: input.year,
      version,
      schemeId: input.scheme.id,
      scheme: scheme as object, // exactly what was evaluated (validated, unknown keys dropped)
      inputCsv: csv,
      inputSha256,
      uploadIds: [...input.uploadIds],
      parentRunId: input.parentRunId,
      reason: input.reason,
      groups,
      warnings: result.warnings,
      enterpriseCount: table.uscc.length,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: mujunRuns.id });
  const runId = run!.id;

  const town = table.text['town'];
  const industry = table.text['industry'];
  const scale = table.text['scale'];
  const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
  const rows = result.results.map((r, i) => {
    const ind = blank(industry?.[i]);
    return {
      runId,
      uscc: r.uscc,
      name: r.name,
      town: blank(town?.[i]),
      industry: ind,
      division: ind ? ind.slice(0, 3) : null,
      scale: blank(scale?.[i]),
      grp: r.group,
      status: r.status,
      total: r.total,
      rank: r.rank,
      class: r.class,
      mujun: r.heroes ? r.heroes.mujun : null,
      ditan: r.heroes ? r.heroes.ditan : null,
      keji: r.heroes ? r.heroes.keji : null,
      renjun: r.heroes ? r.heroes.renjun : null,
      indicators: r.indicators,
      adjustments: r.adjustments,
      vetoes: r.vetoes,
    };
  });
  for (let k = 0; k < rows.length; k += RESULT_BATCH) await tx.insert(mujunResults).values(rows.slice(k, k + RESULT_BATCH));

  const [schemeRow] = await tx
    .select({ code: mujunSchemes.code, version: mujunSchemes.version, name: mujunSchemes.name })
    .from(mujunSchemes)
    .where(eq(mujunSchemes.id, input.scheme.id));
  await recordAudit(tx, ctx, {
    action: 'mujun.run.create',
    targetType: 'mujun_run',
    targetId: runId,
    after: {
      year: input.year,
      version,
      scheme: schemeRow ? `${schemeRow.code} v${schemeRow.version}` : input.scheme.id,
      enterprises: table.uscc.length,
      inputSha256,
      parentRunId: input.parentRunId,
      reason: input.reason,
      classCounts: Object.fromEntries(groups.map((g) => [g.id, g.classCounts])),
    },
  });
  return (await runSummary(tx, runId))!;
}

async function runSummary(db: Db, id: string): Promise<RunSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(mujunRuns)
    .innerJoin(mujunSchemes, eq(mujunSchemes.id, mujunRuns.schemeId))
    .where(eq(mujunRuns.id, id))
    .limit(1);
  return (row as RunSummary | undefined) ?? null;
}

/** Evaluates the merged latest uploads of a year with a scheme version and stores the run. */
export async function createRun(ctx: Ctx, input: { year: number; schemeId: string; reason?: string | null }) {
  requirePermission(ctx, 'mujun.manage');
  checkYear(input.year);
  const scheme = await loadScheme(ctx.db, input.schemeId);
  parseSchemeBody(scheme.body);
  const { records, uploadIds } = await mergedRecords(ctx.db, input.year);
  if (!records.length) throw validation([{ field: 'year', message: `${input.year} 年度还没有上传任何部门数据` }]);
  return ctx.db.transaction((tx) =>
    storeRun(tx, ctx, {
      year: input.year,
      scheme: { id: scheme.id, body: scheme.body },
      records,
      uploadIds,
      parentRunId: null,
      reason: input.reason ?? null,
    }),
  );
}

/** The runs of a year (or of every year), newest first. */
export async function listRuns(ctx: Ctx, year?: number): Promise<RunSummary[]> {
  requirePermission(ctx, 'mujun.read');
  const rows = await ctx.db
    .select(summaryColumns)
    .from(mujunRuns)
    .innerJoin(mujunSchemes, eq(mujunSchemes.id, mujunRuns.schemeId))
    .where(year === undefined ? undefined : eq(mujunRuns.year, year))
    .orderBy(desc(mujunRuns.year), desc(mujunRuns.version));
  return rows as RunSummary[];
}

export async function getRun(ctx: Ctx, id: string): Promise<RunSummary> {
  requirePermission(ctx, 'mujun.read');
  const run = await runSummary(ctx.db, id);
  if (!run) throw notFound('评价批次');
  return run;
}

/** The whole stored run (scheme body and input snapshot included). */
export async function loadRun(db: Db, id: string): Promise<RunRow> {
  const [row] = await db.select().from(mujunRuns).where(eq(mujunRuns.id, id)).limit(1);
  if (!row) throw notFound('评价批次');
  return row;
}

/** The input snapshot of a run: as stored, except that text which could start a formula gets a leading '. */
export async function runInputCsv(ctx: Ctx, id: string) {
  requirePermission(ctx, 'mujun.manage');
  const [row] = await ctx.db
    .select({ year: mujunRuns.year, version: mujunRuns.version, csv: mujunRuns.inputCsv, sha256: mujunRuns.inputSha256 })
    .from(mujunRuns)
    .where(eq(mujunRuns.id, id))
    .limit(1);
  if (!row) throw notFound('评价批次');
  // formula-leading text is escaped on the way out; the stored snapshot and its hash stay as they are
  const table = parseSnapshot(row.csv);
  const csv = tableHasFormulaText(table) ? tableToCsv(table, { safe: true }) : row.csv;
  return { fileName: `亩均评价输入-${row.year}-第${row.version}版.csv`, csv, sha256: row.sha256 };
}

/** Years that have uploads or runs, newest first. */
export async function mujunYears(db: Db): Promise<number[]> {
  const a = await db.selectDistinct({ year: mujunUploads.year }).from(mujunUploads);
  const b = await db.selectDistinct({ year: mujunRuns.year }).from(mujunRuns);
  return [...new Set([...a, ...b].map((r) => r.year))].sort((x, y) => y - x);
}

/** The classes every scheme uses; runs may add others (an exemption class such as T). */
export const BASE_CLASSES: readonly string[] = ['A', 'B', 'C', 'D'];

/** What the screens need to know: departments, fields, flags, years with data, classes in use. */
export async function mujunMeta(ctx: Ctx) {
  requirePermission(ctx, 'mujun.read');
  const years = await mujunYears(ctx.db);
  const rows = await ctx.db.select({ groups: mujunRuns.groups }).from(mujunRuns);
  const classes = new Set(BASE_CLASSES);
  for (const r of rows) for (const g of r.groups as RunGroup[]) for (const c of Object.keys(g.classCounts ?? {})) classes.add(c);
  return {
    sources: DATA_SOURCES,
    fields: INPUT_FIELDS,
    flags: KNOWN_FLAGS,
    years,
    classes: [...classes].sort(),
  };
}
