/**
 * 对标验收: a project in production checked against its 标准地 commitments. The actual values come from the
 * enterprise's 亩均 data of the year — the same department uploads merged on the credit code (mergedRecords) and the
 * same expression engine as the evaluation — or are entered with evidence where the data has no column.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { projectAcceptances, projectStages, projects } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, validation } from '../../domain/errors.js';
import { judgeAcceptance, measureActuals, VERDICTS, type AcceptanceSubject, type Verdict } from '../../domain/projects/commitments.js';
import { addDays, addMonths, localDate } from '../../domain/time/dates.js';
import type { MujunRecord } from '../../domain/mujun/fields.js';
import { requirePermission, type Ctx } from '../context.js';
import { mergedRecords } from '../mujun/reconcile.js';
import { loadVisibleProject, requireManager, type ProjectRow } from './access.js';
import { recordProjectEvents } from './events.js';
import { projectSettings, type ProjectSettings } from './settings.js';

/** The date a producing project's acceptance falls due: `acceptanceYears` after its 投产 date. */
export function acceptanceDueOn(producingOn: string | null, years: number): string | null {
  if (!producingOn) return null;
  const y = Number(producingOn.slice(0, 4)) + years;
  const md = producingOn.slice(5);
  return md === '02-29' ? `${y}-03-01` : `${y}-${md}`;
}

interface Judged {
  project: ProjectRow;
  entered: Record<string, number>;
}

/** Projects judged and stored per statement of a batch run (keeps each INSERT well below the parameter limit). */
const CHUNK = 500;

/**
 * Judges and stores a batch of projects in the caller's transaction: one evaluation per indicator over the batch, then
 * per chunk one INSERT of the acceptances, one UPDATE of the verdicts per verdict, and the events, audit entries and
 * lights in one statement each (recordProjectEvents) — not a handful of round trips per project.
 */
async function judgeAndStore(tx: Db, ctx: Ctx, s: ProjectSettings, batch: Judged[], year: number, records: ReadonlyMap<string, MujunRecord>) {
  const subjects: AcceptanceSubject[] = batch.map(({ project: p }) => ({
    investment: p.totalInvestment,
    fixedInvestment: p.fixedInvestment,
    landMu: p.landMu,
    record: p.investorUscc ? (records.get(p.investorUscc) ?? null) : null,
  }));
  const measured = measureActuals(s.controlTable, subjects);
  const today = localDate(ctx.clock.now());
  const now = ctx.clock.now();
  const judged = batch.map(({ project: p, entered }, i) => {
    const m = new Map<string, number>();
    for (const [id, col] of measured) m.set(id, col[i]!);
    const result = judgeAcceptance(s.controlTable, p.commitments ?? [], m, new Map(Object.entries(entered)), subjects[i]!);
    const rectifyBy = result.verdict === 'fail' ? addMonths(today, s.controlTable.rectifyMonths) : null;
    return { p, entered, result, rectifyBy, acceptanceId: randomUUID() };
  });
  for (let i = 0; i < judged.length; i += CHUNK) {
    const part = judged.slice(i, i + CHUNK);
    await tx.insert(projectAcceptances).values(
      part.map(({ p, entered, result, rectifyBy, acceptanceId }) => ({
        id: acceptanceId,
        projectId: p.id,
        year,
        verdict: result.verdict,
        result,
        entered,
        rectifyBy,
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.name,
        createdAt: now,
      })),
    );
    for (const verdict of Object.keys(VERDICTS) as Verdict[]) {
      const ids = part.filter((j) => j.result.verdict === verdict).map((j) => j.p.id);
      if (ids.length) await tx.update(projects).set({ acceptanceVerdict: verdict, updatedAt: now }).where(inArray(projects.id, ids));
    }
    await recordProjectEvents(
      tx,
      ctx,
      part.map(({ p, result, rectifyBy, acceptanceId }) => ({
        projectId: p.id,
        action: 'acceptance',
        comment: `${year} 年度对标验收：${VERDICTS[result.verdict].zh}${result.failed ? `（${result.failed} 项未达标）` : ''}`,
        data: { acceptanceId, year, verdict: result.verdict, failed: result.failed, penalty: result.penalty, rectifyBy },
      })),
    );
  }
  return judged.map(({ p, result, rectifyBy, acceptanceId }) => ({
    projectId: p.id,
    number: p.number,
    name: p.name,
    acceptanceId,
    verdict: result.verdict,
    failed: result.failed,
    penalty: result.penalty,
    rectifyBy,
  }));
}

async function recordsOf(db: Db, year: number, usccs: readonly (string | null)[]): Promise<Map<string, MujunRecord>> {
  const want = new Set(usccs.filter((u): u is string => !!u));
  if (!want.size) return new Map();
  const { records } = await mergedRecords(db, year);
  return new Map(records.filter((r) => want.has(String(r['uscc']))).map((r) => [String(r['uscc']), r]));
}

function checkYear(year: number, today: string) {
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4)))
    throw validation([{ field: 'year', message: '验收数据年度须为 2000 年至今年之间的年份' }]);
}

/** 对标验收 of one project on demand, with values entered for indicators the data has no column for. */
export async function acceptProject(ctx: Ctx, id: string, input: { year: number; entered: Record<string, number> }) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const { project } = await loadVisibleProject(tx, ctx, s, id, true);
    checkYear(input.year, localDate(ctx.clock.now()));
    if (!project.commitments) throw new AppError(409, 'CONFLICT', '项目尚无标准地承诺（供地时确定），不能验收');
    if (project.state !== 'producing' && project.state !== 'full') throw new AppError(409, 'CONFLICT', '项目投产后才能对标验收');
    const known = new Set(project.commitments.map((c) => c.indicatorId));
    const bad = Object.keys(input.entered).filter((k) => !known.has(k));
    if (bad.length) throw validation(bad.map((k) => ({ field: `entered.${k}`, message: `项目没有承诺指标“${k}”` })));
    return judgeOne(tx, ctx, s, project, input.year, input.entered);
  });
}

/** Judges one loaded project on a year's data with these entered values and stores the acceptance (caller's tx). */
export async function judgeOne(tx: Db, ctx: Ctx, s: ProjectSettings, project: ProjectRow, year: number, entered: Record<string, number>) {
  const records = await recordsOf(tx, year, [project.investorUscc]);
  const [one] = await judgeAndStore(tx, ctx, s, [{ project, entered }], year, records);
  return one!;
}

/**
 * The yearly acceptance run: every visible project whose acceptance is due (投产 + the configured years ≤ today) and
 * not yet judged on that year's data, judged in one transaction (all or nothing).
 */
export async function acceptDue(ctx: Ctx, input: { year: number }) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const today = localDate(ctx.clock.now());
    checkYear(input.year, today);
    const candidates = await tx
      .select({ project: projects, producingOn: projectStages.actualOn })
      .from(projects)
      .innerJoin(projectStages, and(eq(projectStages.projectId, projects.id), eq(projectStages.stage, 'producing')))
      .where(and(inArray(projects.state, ['producing', 'full']), isNotNull(projects.commitments)));
    const judgedIds = new Set(
      (await tx.select({ id: projectAcceptances.projectId }).from(projectAcceptances).where(eq(projectAcceptances.year, input.year))).map((r) => r.id),
    );
    const due = candidates.filter((c) => {
      const on = acceptanceDueOn(c.producingOn, s.controlTable.acceptanceYears);
      return on !== null && on <= addDays(today, 0) && !judgedIds.has(c.project.id);
    });
    const records = await recordsOf(tx, input.year, due.map((d) => d.project.investorUscc));
    const results = await judgeAndStore(tx, ctx, s, due.map((d) => ({ project: d.project, entered: {} })), input.year, records);
    return {
      year: input.year,
      judged: results.length,
      pass: results.filter((r) => r.verdict === 'pass').length,
      fail: results.filter((r) => r.verdict === 'fail').length,
      incomplete: results.filter((r) => r.verdict === 'incomplete').length,
      results,
    };
  });
}
