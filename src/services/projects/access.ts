/**
 * Who sees and who runs which project: the one place that turns data scope into project visibility, as for tasks —
 * a unit sees the projects it leads, helps with or hosts, a leader the projects they 包抓 and their portfolio's,
 * 督查室 and the investment bureau (the office units of the settings) everything, an enterprise contact the projects its
 * enterprise invests in.
 */
import { eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { projectUnits, projects } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import type { ProjectSettings } from './settings.js';

export type ProjectRow = typeof projects.$inferSelect;

/** 督查室, the system, and the staff of an office unit (the investment bureau). */
export function seesAllProjects(actor: Actor, s: Pick<ProjectSettings, 'officeUnitIds'>): boolean {
  if (actor.userId === null || actor.roles.includes('supervisor')) return true;
  return actor.unitId !== null && s.officeUnitIds.includes(actor.unitId) && actor.roles.some((r) => r === 'unit_head' || r === 'unit_clerk');
}

/** May keep the register (create, edit, import, run acceptances): 督查室 and the investment bureau. */
export function managesProjects(actor: Actor, s: Pick<ProjectSettings, 'officeUnitIds'>): boolean {
  return seesAllProjects(actor, s);
}

export function requireManager(ctx: Ctx, s: Pick<ProjectSettings, 'officeUnitIds'>): void {
  if (!managesProjects(ctx.actor, s)) throw forbidden('只有督查室和招商主管部门可以维护项目库');
}

/** The SQL condition that keeps a project query inside the actor's scope (undefined: no restriction). */
export function projectVisibility(actor: Actor, s: Pick<ProjectSettings, 'officeUnitIds'>): SQL | undefined {
  if (seesAllProjects(actor, s)) return undefined;
  const unitIds = actor.scope.all ? [] : [...actor.scope.unitIds];
  const byUnit = unitIds.length
    ? exists(
        sql`(SELECT 1 FROM ${projectUnits} WHERE ${projectUnits.projectId} = ${projects.id} AND ${inArray(projectUnits.unitId, unitIds)})`,
      )
    : undefined;
  const asLeader = actor.roles.includes('leader') && actor.personId ? eq(projects.leaderId, actor.personId) : undefined;
  // an enterprise contact sees the projects its enterprise invests in (their acceptance, to appeal it)
  const asInvestor = actor.roles.includes('enterprise') && actor.enterpriseUscc ? eq(projects.investorUscc, actor.enterpriseUscc) : undefined;
  return or(byUnit, asLeader, asInvestor) ?? sql`false`;
}

export function visibleProject(actor: Actor, s: Pick<ProjectSettings, 'officeUnitIds'>, p: ProjectRow, unitIds: readonly string[]): boolean {
  if (seesAllProjects(actor, s)) return true;
  if (actor.roles.includes('leader') && actor.personId && p.leaderId === actor.personId) return true;
  if (actor.roles.includes('enterprise') && actor.enterpriseUscc && p.investorUscc === actor.enterpriseUscc) return true;
  const scope = actor.scope;
  return !scope.all && unitIds.some((u) => scope.unitIds.includes(u));
}

/** The lead unit's staff file the monthly reports (and 督查室 / the bureau for them). */
export function reportsFor(actor: Actor, s: Pick<ProjectSettings, 'officeUnitIds'>, p: ProjectRow): boolean {
  if (managesProjects(actor, s)) return true;
  return actor.unitId === p.leadUnitId && actor.roles.some((r) => r === 'unit_head' || r === 'unit_clerk');
}

/** Loads a project the actor may see, or answers 404 as if it did not exist. `lock` takes a row lock for a change. */
export async function loadVisibleProject(
  db: Db,
  ctx: Pick<Ctx, 'actor'>,
  s: Pick<ProjectSettings, 'officeUnitIds'>,
  id: string,
  lock = false,
): Promise<{ project: ProjectRow; units: { unitId: string; role: string }[] }> {
  const q = db.select().from(projects).where(eq(projects.id, id)).limit(1);
  const [project] = lock ? await q.for('update') : await q;
  if (!project) throw notFound('项目');
  const units = await db.select({ unitId: projectUnits.unitId, role: projectUnits.role }).from(projectUnits).where(eq(projectUnits.projectId, id));
  if (!visibleProject(ctx.actor, s, project, units.map((u) => u.unitId))) throw notFound('项目');
  return { project, units };
}
