/** Creating and editing projects (the register kept by 督查室 and the investment bureau), with optimistic locking. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { counters, people, projectStages, projectUnits, projects, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { conflict, validation, type FieldIssue } from '../../domain/errors.js';
import {
  plannedDateProblems,
  STAGE_IDS,
  stageIndex,
  type InvestorFlag,
  type ProjectSource,
  type ProjectState,
  type Stage,
} from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import { resolveCommitments } from '../../domain/projects/commitments.js';
import { normalizeUscc, usccProblem, USCC_PROBLEM_ZH } from '../../domain/uscc/uscc.js';
import { requirePermission, type Ctx } from '../context.js';
import { getSetting } from '../settings/read.js';
import { districtSetting } from '../settings/district.js';
import { loadVisibleProject, requireManager } from './access.js';
import { recordProjectEvent } from './events.js';
import { projectSettings, type ProjectSettings } from './settings.js';

export interface ProjectInput {
  name: string;
  investorName: string;
  investorUscc?: string | null;
  investorFlags: InvestorFlag[];
  source: ProjectSource;
  fundName?: string | null;
  industryCode?: string | null;
  track?: string | null;
  totalInvestment: number;
  fixedInvestment?: number | null;
  yearPlanInvestment?: number | null;
  landMu?: number | null;
  placeUnitId?: string | null;
  leaderId?: string | null;
  leadUnitId: string;
  coopUnitIds: string[];
  listYear: number;
  /** Planned date per stage (the schedule). */
  planned: Partial<Record<Stage, string | null>>;
}

const PLACE_KINDS = ['township', 'street', 'park'];

/** Every problem of a project's fields and references at once (Chinese, with the field). */
export async function projectInputProblems(db: Db, input: ProjectInput, s: ProjectSettings): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.investorUscc) {
    const why = usccProblem(normalizeUscc(input.investorUscc));
    if (why) issues.push({ field: 'investorUscc', message: USCC_PROBLEM_ZH[why] });
  }
  if (input.source === 'fund' && !input.fundName?.trim()) issues.push({ field: 'fundName', message: '基金招商项目须填写基金名称' });
  if (input.track && s.tracks.length && !s.tracks.includes(input.track))
    issues.push({ field: 'track', message: `产业赛道“${input.track}”不在本区的赛道清单中` });
  if (input.fixedInvestment != null && input.fixedInvestment > input.totalInvestment)
    issues.push({ field: 'fixedInvestment', message: '固定资产投资不能大于总投资' });
  if (input.industryCode && !/^[A-T]?\d{2,4}$/.test(input.industryCode.trim()))
    issues.push({ field: 'industryCode', message: '行业代码须为 GB/T 4754 的 2–4 位代码' });
  const unitIds = [...new Set([input.leadUnitId, ...input.coopUnitIds, ...(input.placeUnitId ? [input.placeUnitId] : [])])];
  const found = await db.select({ id: units.id, kind: units.kind }).from(units).where(inArray(units.id, unitIds));
  const kindOf = new Map(found.map((u) => [u.id, u.kind]));
  if (!kindOf.has(input.leadUnitId)) issues.push({ field: 'leadUnitId', message: '责任单位不存在' });
  if (input.coopUnitIds.some((u) => !kindOf.has(u))) issues.push({ field: 'coopUnitIds', message: '配合单位中有不存在的单位' });
  if (input.coopUnitIds.includes(input.leadUnitId)) issues.push({ field: 'coopUnitIds', message: '配合单位不能与责任单位相同' });
  if (input.placeUnitId) {
    const k = kindOf.get(input.placeUnitId);
    if (!k) issues.push({ field: 'placeUnitId', message: '项目所在地不存在' });
    else if (!PLACE_KINDS.includes(k)) issues.push({ field: 'placeUnitId', message: '项目所在地须为镇、街道或园区' });
  }
  if (input.leaderId) {
    const [p] = await db.select({ isLeader: people.isLeader }).from(people).where(eq(people.id, input.leaderId));
    if (!p?.isLeader) issues.push({ field: 'leaderId', message: '包抓领导须为区领导' });
  }
  const dates = STAGE_IDS.map((stage) => ({ stage, plannedOn: input.planned[stage] ?? null, actualOn: null }));
  for (const p of plannedDateProblems(dates)) issues.push({ field: `planned.${p.stage}`, message: p.message });
  return issues;
}

/** The next project number, e.g. AY-XM-2026-007 (district prefix, list year, a per-year sequence across instances). */
async function nextNumber(db: Db, year: number): Promise<string> {
  const prefix = (await getSetting(db, districtSetting))?.taskPrefix ?? 'XM';
  const [row] = await db
    .insert(counters)
    .values({ key: `project:${year}`, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return `${prefix}-XM-${year}-${String(row!.value).padStart(3, '0')}`;
}

function columnsOf(input: ProjectInput) {
  return {
    name: input.name.trim(),
    investorName: input.investorName.trim(),
    investorUscc: input.investorUscc ? normalizeUscc(input.investorUscc) : null,
    investorFlags: [...new Set(input.investorFlags)],
    source: input.source,
    fundName: input.source === 'fund' ? (input.fundName?.trim() ?? null) : (input.fundName?.trim() || null),
    industryCode: input.industryCode?.trim() || null,
    track: input.track?.trim() || null,
    totalInvestment: input.totalInvestment,
    fixedInvestment: input.fixedInvestment ?? null,
    yearPlanInvestment: input.yearPlanInvestment ?? null,
    landMu: input.landMu ?? null,
    placeUnitId: input.placeUnitId ?? null,
    leaderId: input.leaderId ?? null,
    leadUnitId: input.leadUnitId,
    listYear: input.listYear,
  };
}

async function writeUnits(tx: Db, projectId: string, input: ProjectInput): Promise<void> {
  await tx.delete(projectUnits).where(eq(projectUnits.projectId, projectId));
  const rows = [
    { projectId, unitId: input.leadUnitId, role: 'lead' },
    ...[...new Set(input.coopUnitIds)].map((unitId) => ({ projectId, unitId, role: 'coop' })),
    ...(input.placeUnitId ? [{ projectId, unitId: input.placeUnitId, role: 'place' }] : []),
  ];
  await tx.insert(projectUnits).values(rows);
}

export interface InsertOptions {
  /** Stages already reached, with their actual dates (the yearly list import and the demo); in stage order. */
  actual?: Partial<Record<Stage, string>>;
  state?: ProjectState;
  terminatedReason?: string | null;
}

/** Inserts a checked project with its units and stages in the caller's transaction (permission checked there). */
export async function insertProject(tx: Db, ctx: Ctx, input: ProjectInput, opts: InsertOptions = {}) {
  const number = await nextNumber(tx, input.listYear);
  const now = ctx.clock.now();
  const actual = opts.actual ?? { negotiating: localDate(now) };
  const reachedStages = STAGE_IDS.filter((s) => actual[s]);
  const reached: Stage = reachedStages[reachedStages.length - 1] ?? 'negotiating';
  const state: ProjectState = opts.state ?? reached;
  // a project already past 供地 (the yearly list, the demo) carries the commitments of its industry from that day
  let commitments = null;
  if (stageIndex(reached) >= stageIndex('land')) {
    const s = await projectSettings(tx);
    commitments = resolveCommitments(s.controlTable, input.industryCode ?? null, []).commitments;
  }
  const [row] = await tx
    .insert(projects)
    .values({
      ...columnsOf(input),
      number,
      state,
      reached,
      terminatedReason: opts.terminatedReason ?? null,
      commitments,
      commitmentsOn: commitments ? (actual.land ?? null) : null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: projects.id });
  const id = row!.id;
  await writeUnits(tx, id, input);
  await tx.insert(projectStages).values(
    STAGE_IDS.map((stage) => ({
      projectId: id,
      stage,
      plannedOn: input.planned[stage] ?? null,
      actualOn: stageIndex(stage) <= stageIndex(reached) ? (actual[stage] ?? null) : null,
    })),
  );
  await recordProjectEvent(tx, ctx, id, { action: 'create', toState: state, data: { number, name: input.name } });
  return { id, number };
}

/** 入库: a new project in talks. */
export async function createProject(ctx: Ctx, input: ProjectInput) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const issues = await projectInputProblems(tx, input, s);
    if (issues.length) throw validation(issues);
    return insertProject(tx, ctx, input);
  });
}

/**
 * Edits a project's register fields and planned dates. `version` is the version the editor started from: a save over
 * somebody else's is refused with 409 and the current row, so nothing is silently overwritten.
 */
export async function editProject(ctx: Ctx, id: string, input: ProjectInput & { version: number }) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const { project } = await loadVisibleProject(tx, ctx, s, id, true);
    if (project.version !== input.version) throw conflict('该项目已被他人修改，请查看最新内容后再保存', { current: project });
    const issues = await projectInputProblems(tx, input, s);
    if (issues.length) throw validation(issues);
    return applyEdit(tx, ctx, project, input);
  });
}

/** Writes a checked edit of a loaded (locked) project: fields, units, planned dates, and the event. */
export async function applyEdit(tx: Db, ctx: Ctx, project: typeof projects.$inferSelect, input: ProjectInput, action = 'edit') {
  const id = project.id;
  const next = columnsOf(input);
  const changed = Object.keys(next).filter(
    (k) => JSON.stringify((project as Record<string, unknown>)[k]) !== JSON.stringify((next as Record<string, unknown>)[k]),
  );
  await tx
    .update(projects)
    .set({ ...next, version: project.version + 1, updatedAt: ctx.clock.now() })
    .where(eq(projects.id, id));
  await writeUnits(tx, id, input);
  for (const stage of STAGE_IDS)
    await tx
      .update(projectStages)
      .set({ plannedOn: input.planned[stage] ?? null })
      .where(and(eq(projectStages.projectId, id), eq(projectStages.stage, stage)));
  await recordProjectEvent(tx, ctx, id, { action, data: { changed, planned: input.planned } });
  return { id, version: project.version + 1 };
}
