/**
 * Loads the demo projects (src/demo/anyuan-projects.ts) through the register's own insert, the stage dates as the
 * yearly list gives them, their monthly reports, and 对标验收 of the earlier projects through the acceptance service —
 * then lights every project as of today.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectReports, projects } from '../../db/schema.js';
import { DEMO_TRACKS, anyuanProjects } from '../../demo/anyuan-projects.js';
import type { MujunRecord } from '../../domain/mujun/fields.js';
import { localDate } from '../../domain/time/dates.js';
import { systemActor, type Clock, type Ctx } from '../context.js';
import { acceptProject } from '../projects/acceptance.js';
import { refreshAllProjectLights } from '../projects/light.js';
import { projectSettingsSchema, projectSettingsSetting } from '../projects/settings.js';
import { putSetting } from '../settings/read.js';
import { insertProject } from '../projects/write.js';

/** The demo's project settings: 商务局 keeps the register; illustrative tracks and named targets. */
export async function loadDemoProjectSettings(tx: Db, unitId: ReadonlyMap<string, string>): Promise<void> {
  await putSetting(
    tx,
    projectSettingsSetting,
    projectSettingsSchema.parse({
      officeUnitIds: [unitId.get('SWJ')!],
      reportDueDay: 5,
      tracks: [...DEMO_TRACKS],
      targets: [
        { id: 'central_soe', name: '引进央企国字号项目', flags: ['central_soe', 'national'], stage: 'signed', target: 1 },
        { id: 'fund', name: '基金招商签约项目', sources: ['fund'], stage: 'signed', target: 6 },
        { id: 'started', name: '新开工项目', stage: 'started', target: 10 },
      ],
    }),
  );
}

export async function loadDemoProjects(
  tx: Db,
  clock: Clock,
  refs: { unitId: ReadonlyMap<string, string>; leaderId: ReadonlyMap<string, string> },
  enterprises: { year: number; records: MujunRecord[] },
): Promise<number> {
  const ctx: Ctx = { db: tx, clock, actor: systemActor('演示数据'), ip: null };
  const today = localDate(clock.now());
  const list = anyuanProjects(today, enterprises.records, enterprises.year);
  for (const p of list) {
    const { id } = await insertProject(
      tx,
      ctx,
      {
        name: p.name,
        investorName: p.investorName,
        investorUscc: p.investorUscc,
        investorFlags: p.investorFlags,
        source: p.source,
        fundName: p.fundName,
        industryCode: p.industryCode,
        track: p.track,
        totalInvestment: p.totalInvestment,
        fixedInvestment: p.fixedInvestment,
        yearPlanInvestment: p.yearPlanInvestment,
        landMu: p.landMu,
        placeUnitId: refs.unitId.get(p.place)!,
        leaderId: refs.leaderId.get(p.leader)!,
        leadUnitId: refs.unitId.get(p.lead)!,
        coopUnitIds: p.coop.map((c) => refs.unitId.get(c)!),
        listYear: p.listYear,
        planned: p.planned,
      },
      { actual: p.actual, state: p.state, terminatedReason: p.terminatedReason },
    );
    if (p.reports.length) {
      let toDate = 0;
      await tx.insert(projectReports).values(
        p.reports.map((r) => {
          toDate += r.investmentMonth;
          return {
            projectId: id,
            month: r.month,
            investmentMonth: r.investmentMonth,
            investmentToDate: toDate,
            progress: r.progress,
            problems: r.problems,
            authorName: '演示数据',
            createdAt: clock.now(),
          };
        }),
      );
      await tx
        .update(projects)
        .set({ investmentToDate: toDate, latestReportMonth: p.reports[p.reports.length - 1]!.month })
        .where(eq(projects.id, id));
    }
    if (p.acceptance) await acceptProject(ctx, id, p.acceptance);
  }
  await refreshAllProjectLights(tx, clock.now());
  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(projects);
  return n;
}
