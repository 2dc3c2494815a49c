/** The project ledger (项目台账), a project's page, and the pipeline figures — all inside the reader's scope. */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  people,
  projectAcceptances,
  projectEvents,
  projectFiles,
  projectReports,
  projectStages,
  projectUnits,
  projects,
  units,
} from '../../db/schema.js';
import type { Verdict } from '../../domain/projects/commitments.js';
import {
  STAGE_IDS,
  STAGES,
  stageIndex,
  type InvestorFlag,
  type ProjectSource,
  type ProjectState,
  type Stage,
} from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import type { Light } from '../../domain/warnings/lights.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleProject, managesProjects, projectVisibility, reportsFor } from './access.js';
import { projectTasks } from './reports.js';
import { projectAppealList } from './appeals.js';
import { projectSettings, type ProjectSettings } from './settings.js';

export interface ProjectFilter {
  q?: string;
  year?: number;
  state?: ProjectState[];
  track?: string;
  source?: ProjectSource;
  flag?: InvestorFlag;
  leaderId?: string;
  /** Projects in which this unit takes part (lead, cooperating or host). */
  unitId?: string;
  light?: Light[];
  /** A planned stage date has passed without the stage (滞后). */
  behind?: boolean;
  verdict?: Verdict;
}

export const PROJECT_SORTS = ['number', '-number', '-totalInvestment', 'totalInvestment', '-investmentToDate', 'state', '-state'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const STAGE_ARRAY = sql.raw(`ARRAY[${STAGE_IDS.map((s) => `'${s}'`).join(',')}]::text[]`);
/** The position of the project's state in the stage order (terminated: 0). */
const stagePos = sql<number>`coalesce(array_position(${STAGE_ARRAY}, ${projects.state}), 0)`;

export function projectWhere(ctx: Ctx, s: ProjectSettings, f: ProjectFilter): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const today = localDate(ctx.clock.now());
  return and(
    projectVisibility(ctx.actor, s),
    like ? or(ilike(projects.name, like), ilike(projects.investorName, like), ilike(projects.number, like)) : undefined,
    f.year ? eq(projects.listYear, f.year) : undefined,
    f.state?.length ? inArray(projects.state, f.state) : undefined,
    f.track ? eq(projects.track, f.track) : undefined,
    f.source ? eq(projects.source, f.source) : undefined,
    f.flag ? sql`${projects.investorFlags} ? ${f.flag}` : undefined,
    f.leaderId ? eq(projects.leaderId, f.leaderId) : undefined,
    f.unitId
      ? sql`EXISTS (SELECT 1 FROM ${projectUnits} WHERE ${projectUnits.projectId} = ${projects.id} AND ${projectUnits.unitId} = ${f.unitId})`
      : undefined,
    f.light?.length ? inArray(projects.light, f.light) : undefined,
    f.verdict ? eq(projects.acceptanceVerdict, f.verdict) : undefined,
    f.behind === undefined
      ? undefined
      : sql`${f.behind ? sql`` : sql`NOT `}(${projects.state} NOT IN ('terminated', 'full') AND EXISTS (SELECT 1 FROM ${projectStages} ps
          WHERE ps.project_id = ${projects.id} AND ps.planned_on < ${today}
          AND array_position(${STAGE_ARRAY}, ps.stage) > ${stagePos}))`,
  );
}

const leadUnit = alias(units, 'lead_unit');
const place = alias(units, 'place_unit');

function orderOf(sort: ProjectSort) {
  switch (sort) {
    case '-number':
      return [desc(projects.number)];
    case 'totalInvestment':
      return [asc(projects.totalInvestment), asc(projects.number)];
    case '-totalInvestment':
      return [desc(projects.totalInvestment), asc(projects.number)];
    case '-investmentToDate':
      return [desc(projects.investmentToDate), asc(projects.number)];
    case 'state':
      return [asc(stagePos), asc(projects.number)];
    case '-state':
      return [desc(stagePos), asc(projects.number)];
    default:
      return [asc(projects.number)];
  }
}

export const ledgerColumns = {
  id: projects.id,
  number: projects.number,
  name: projects.name,
  investorName: projects.investorName,
  investorUscc: projects.investorUscc,
  investorFlags: projects.investorFlags,
  source: projects.source,
  fundName: projects.fundName,
  industryCode: projects.industryCode,
  track: projects.track,
  totalInvestment: projects.totalInvestment,
  fixedInvestment: projects.fixedInvestment,
  yearPlanInvestment: projects.yearPlanInvestment,
  landMu: projects.landMu,
  investmentToDate: projects.investmentToDate,
  listYear: projects.listYear,
  state: projects.state,
  reached: projects.reached,
  light: projects.light,
  lightReasons: projects.lightReasons,
  acceptanceVerdict: projects.acceptanceVerdict,
  latestReportMonth: projects.latestReportMonth,
  leaderId: projects.leaderId,
  leaderName: people.name,
  leadUnitId: projects.leadUnitId,
  leadUnitName: sql<string>`coalesce(${leadUnit.shortName}, ${leadUnit.name})`,
  placeUnitId: projects.placeUnitId,
  placeName: sql<string | null>`coalesce(${place.shortName}, ${place.name})`,
};

export async function listProjects(ctx: Ctx, f: ProjectFilter & { sort?: ProjectSort; page?: number; pageSize?: number }) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  const where = projectWhere(ctx, s, f);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const items = await ctx.db
    .select(ledgerColumns)
    .from(projects)
    .innerJoin(leadUnit, eq(leadUnit.id, projects.leadUnitId))
    .leftJoin(place, eq(place.id, projects.placeUnitId))
    .leftJoin(people, eq(people.id, projects.leaderId))
    .where(where)
    .orderBy(...orderOf(f.sort ?? 'number'))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(projects).where(where);
  return { items, total, page, pageSize, canManage: managesProjects(ctx.actor, s) };
}

/** A project's page: register fields, stages, commitments, reports, tasks raised, acceptances, files, timeline. */
export async function getProject(ctx: Ctx, id: string) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  const { project, units: links } = await loadVisibleProject(ctx.db, ctx, s, id);
  const [row] = await ctx.db
    .select(ledgerColumns)
    .from(projects)
    .innerJoin(leadUnit, eq(leadUnit.id, projects.leadUnitId))
    .leftJoin(place, eq(place.id, projects.placeUnitId))
    .leftJoin(people, eq(people.id, projects.leaderId))
    .where(eq(projects.id, id));
  const unitNames = links.length
    ? await ctx.db
        .select({ id: units.id, name: sql<string>`coalesce(${units.shortName}, ${units.name})` })
        .from(units)
        .where(inArray(units.id, links.map((l) => l.unitId)))
    : [];
  const nameOf = new Map(unitNames.map((u) => [u.id, u.name]));
  const stageRows = await ctx.db.select().from(projectStages).where(eq(projectStages.projectId, id));
  const stages = STAGE_IDS.map((stage) => {
    const r = stageRows.find((x) => x.stage === stage);
    return { stage, label: STAGES[stage].zh, plannedOn: r?.plannedOn ?? null, actualOn: r?.actualOn ?? null, evidence: r?.evidence ?? null };
  });
  const reports = await ctx.db
    .select()
    .from(projectReports)
    .where(eq(projectReports.projectId, id))
    .orderBy(desc(projectReports.month))
    .limit(36);
  const events = await ctx.db
    .select()
    .from(projectEvents)
    .where(eq(projectEvents.projectId, id))
    .orderBy(desc(projectEvents.at), desc(projectEvents.id))
    .limit(200);
  const files = await ctx.db
    .select({ id: projectFiles.id, filename: projectFiles.filename, size: projectFiles.size, eventId: projectFiles.eventId, createdAt: projectFiles.createdAt })
    .from(projectFiles)
    .where(eq(projectFiles.projectId, id))
    .orderBy(desc(projectFiles.createdAt));
  const acceptances = await ctx.db
    .select()
    .from(projectAcceptances)
    .where(eq(projectAcceptances.projectId, id))
    .orderBy(desc(projectAcceptances.createdAt));
  const manager = managesProjects(ctx.actor, s);
  const state = project.state as ProjectState;
  const next = state === 'terminated' || state === 'full' ? null : STAGE_IDS[stageIndex(state) + 1]!;
  return {
    ...row!,
    version: project.version,
    terminatedReason: project.terminatedReason,
    commitments: project.commitments,
    commitmentsOn: project.commitmentsOn,
    coopUnits: links.filter((l) => l.role === 'coop').map((l) => ({ id: l.unitId, name: nameOf.get(l.unitId) ?? '' })),
    stages,
    reports,
    events,
    files,
    acceptances,
    tasks: await projectTasks(ctx, id),
    appeals: await projectAppealList(ctx.db, id),
    can: {
      manage: manager,
      report: reportsFor(ctx.actor, s, project) && state !== 'negotiating' && state !== 'terminated',
      goBack: ctx.actor.userId === null || ctx.actor.roles.includes('supervisor'),
      next: manager ? next : null,
      accept: manager && (state === 'producing' || state === 'full') && project.commitments !== null,
      appeal: acceptances.length > 0 && (ctx.actor.roles.includes('enterprise') ? ctx.actor.enterpriseUscc === project.investorUscc : reportsFor(ctx.actor, s, project)),
    },
  };
}

/**
 * The pipeline: per stage how many projects of the year have reached it (the funnel), the current stage by track, the
 * named targets with their progress, and the investment completed by month against the year's plan.
 */
export async function pipeline(ctx: Ctx, year: number) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  const where = and(projectVisibility(ctx.actor, s), eq(projects.listYear, year));
  const rows = await ctx.db
    .select({
      state: projects.state,
      reached: projects.reached,
      track: projects.track,
      light: projects.light,
      flags: projects.investorFlags,
      source: projects.source,
      verdict: projects.acceptanceVerdict,
      n: count(),
      investment: sql<number>`sum(${projects.totalInvestment})::float8`,
      plan: sql<number>`coalesce(sum(${projects.yearPlanInvestment}), 0)::float8`,
    })
    .from(projects)
    .where(where)
    .groupBy(projects.state, projects.reached, projects.track, projects.light, projects.investorFlags, projects.source, projects.acceptanceVerdict);
  const funnel = STAGE_IDS.map((stage) => ({
    stage,
    label: STAGES[stage].zh,
    count: rows.filter((r) => stageIndex(r.reached as Stage) >= stageIndex(stage)).reduce((a, r) => a + r.n, 0),
  }));
  const trackNames = [...new Set(rows.map((r) => r.track ?? '未分类'))].sort();
  const byTrack = trackNames.map((track) => ({
    track,
    counts: Object.fromEntries(
      [...STAGE_IDS, 'terminated' as const].map((st) => [
        st,
        rows.filter((r) => (r.track ?? '未分类') === track && r.state === st).reduce((a, r) => a + r.n, 0),
      ]),
    ) as Record<ProjectState, number>,
  }));
  // named targets count every project of the year in the district (a target is the district's, not the reader's)
  const all = await ctx.db
    .select({ reached: projects.reached, state: projects.state, flags: projects.investorFlags, source: projects.source })
    .from(projects)
    .where(eq(projects.listYear, year));
  const targets = s.targets.map((t) => {
    const done = all.filter(
      (p) =>
        p.state !== 'terminated' &&
        stageIndex(p.reached as Stage) >= stageIndex(t.stage) &&
        (t.flags.length === 0 || t.flags.some((f) => p.flags.includes(f))) &&
        (t.sources.length === 0 || t.sources.includes(p.source)),
    ).length;
    return { id: t.id, name: t.name, target: t.target, done, met: done >= t.target };
  });
  const monthly = await ctx.db
    .select({ month: projectReports.month, investment: sql<number>`sum(${projectReports.investmentMonth})::float8` })
    .from(projectReports)
    .innerJoin(projects, eq(projects.id, projectReports.projectId))
    .where(and(where, sql`${projectReports.month} LIKE ${`${year}-%`}`))
    .groupBy(projectReports.month)
    .orderBy(projectReports.month);
  const plan = rows.reduce((a, r) => a + r.plan, 0);
  let cumulative = 0;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const v = monthly.find((m) => m.month === month)?.investment ?? 0;
    cumulative += v;
    return { month, investment: v, cumulative, planCumulative: Math.round((plan * (i + 1)) / 12) };
  });
  const total = rows.reduce((a, r) => a + r.n, 0);
  return {
    year,
    total,
    totalInvestment: rows.reduce((a, r) => a + r.investment, 0),
    plan,
    funnel,
    byTrack,
    terminated: rows.filter((r) => r.state === 'terminated').reduce((a, r) => a + r.n, 0),
    lights: Object.fromEntries((['red', 'yellow', 'blue', 'green'] as const).map((l) => [l, rows.filter((r) => r.light === l).reduce((a, r) => a + r.n, 0)])) as Record<Light, number>,
    acceptance: Object.fromEntries((['pass', 'fail', 'incomplete'] as const).map((v) => [v, rows.filter((r) => r.verdict === v).reduce((a, r) => a + r.n, 0)])) as Record<Verdict, number>,
    targets,
    months,
  };
}
