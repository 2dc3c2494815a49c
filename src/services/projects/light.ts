/**
 * Keeps each project's light current with the one set of warning rules: recomputed in the transaction of every change
 * and for all projects by the daily warnings job (the date moves on).
 */
import { and, eq, gt, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { projectReports, projectStages, projects } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { missedMonthlyReport, projectLight, type ProjectState, type Stage, type StageDates } from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import type { LightRules } from '../../domain/warnings/lights.js';
import { lightRules } from '../warnings/rules.js';
import { projectSettings } from './settings.js';

const BATCH = 1000;

type Row = Pick<typeof projects.$inferSelect, 'id' | 'state' | 'light' | 'lightReasons'>;

async function refreshRows(db: Db, rows: Row[], rules: LightRules, dueDay: number, now: Date): Promise<number> {
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  const today = localDate(now);
  const stages = await db.select().from(projectStages).where(inArray(projectStages.projectId, ids));
  const reports = await db
    .select({ projectId: projectReports.projectId, month: projectReports.month })
    .from(projectReports)
    .where(inArray(projectReports.projectId, ids));
  const stagesBy = new Map<string, StageDates[]>();
  for (const s of stages) {
    const list = stagesBy.get(s.projectId) ?? [];
    list.push({ stage: s.stage as Stage, plannedOn: s.plannedOn, actualOn: s.actualOn });
    stagesBy.set(s.projectId, list);
  }
  const monthsBy = new Map<string, Set<string>>();
  for (const r of reports) {
    const set = monthsBy.get(r.projectId) ?? new Set<string>();
    set.add(r.month);
    monthsBy.set(r.projectId, set);
  }
  let changed = 0;
  for (const p of rows) {
    const dates = stagesBy.get(p.id) ?? [];
    const signedOn = dates.find((d) => d.stage === 'signed')?.actualOn ?? null;
    const missed = missedMonthlyReport(p.state as ProjectState, signedOn, monthsBy.get(p.id) ?? new Set(), dueDay, today);
    const result = projectLight({ state: p.state as ProjectState, dates, missedReport: missed }, rules, today);
    const light = result?.light ?? null;
    const reasons = result?.reasons ?? null;
    if (light === p.light && JSON.stringify(reasons) === JSON.stringify(p.lightReasons)) continue;
    await db
      .update(projects)
      .set({ light, lightReasons: reasons, ...(light !== p.light ? { lightSince: now } : {}) })
      .where(eq(projects.id, p.id));
    changed++;
  }
  return changed;
}

const cols = { id: projects.id, state: projects.state, light: projects.light, lightReasons: projects.lightReasons };

/** One project's light, in the caller's transaction. */
export async function refreshProjectLight(db: Db, id: string, now: Date): Promise<void> {
  await refreshProjectLights(db, [id], now);
}

/** These projects' lights, in the caller's transaction: the settings read once, the rows BATCH at a time. */
export async function refreshProjectLights(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  const rules = await lightRules(db);
  const s = await projectSettings(db);
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db.select(cols).from(projects).where(inArray(projects.id, ids.slice(i, i + BATCH)));
    await refreshRows(db, rows, rules, s.reportDueDay, now);
  }
}

/** Every open project's light (the daily job); returns how many changed. Batches keep memory flat at any size. */
export async function refreshAllProjectLights(db: Db, now: Date): Promise<number> {
  const rules = await lightRules(db);
  const s = await projectSettings(db);
  let changed = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .select({ ...cols, number: projects.number })
      .from(projects)
      .where(and(notInArray(projects.state, ['terminated']), after ? gt(projects.number, after) : undefined))
      .orderBy(projects.number)
      .limit(BATCH);
    if (!rows.length) break;
    changed += await refreshRows(db, rows, rules, s.reportDueDay, now);
    after = rows[rows.length - 1]!.number;
  }
  // a terminated project loses its light
  const cleared = await db
    .update(projects)
    .set({ light: null, lightReasons: null, lightSince: now })
    .where(and(eq(projects.state, 'terminated'), isNotNull(projects.light)))
    .returning({ id: projects.id });
  return changed + cleared.length;
}
