/**
 * Moving a project through its stages: forward one at a time by those who keep the register, back or resumed only by
 * 督查室 with a reason; entering 供地 fixes the 标准地 commitments from the control table (overridable with a reason).
 */
import { and, eq } from 'drizzle-orm';
import { projectStages, projects } from '../../db/schema.js';
import { AppError, validation } from '../../domain/errors.js';
import { resolveCommitments, type CommitmentOverride } from '../../domain/projects/commitments.js';
import {
  applyStageMove,
  stageIndex,
  stageMoveProblems,
  STAGES,
  type ProjectState,
  type Stage,
  type StageDates,
  type StageMove,
} from '../../domain/projects/lifecycle.js';
import { localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { loadVisibleProject, requireManager } from './access.js';
import { recordProjectEvent } from './events.js';
import { projectSettings } from './settings.js';

export interface MoveInput extends StageMove {
  evidence?: string | null;
  /** At 供地: per-project changes to the table's committed values, each with its reason. */
  overrides?: CommitmentOverride[];
  version: number;
}

export async function moveStage(ctx: Ctx, id: string, input: MoveInput) {
  requirePermission(ctx, 'projects.read');
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const { project } = await loadVisibleProject(tx, ctx, s, id, true);
    if (project.version !== input.version) throw new AppError(409, 'CONFLICT', '该项目已被他人修改，请刷新后再操作');
    const rows = await tx.select().from(projectStages).where(eq(projectStages.projectId, id));
    const dates: StageDates[] = rows.map((r) => ({ stage: r.stage as Stage, plannedOn: r.plannedOn, actualOn: r.actualOn }));
    const state = project.state as ProjectState;
    const problems = stageMoveProblems(
      state,
      project.reached as Stage,
      dates,
      input,
      { supervisor: ctx.actor.userId === null || ctx.actor.roles.includes('supervisor') },
      localDate(ctx.clock.now()),
    );
    if (problems.length) throw validation(problems.map((message) => ({ field: 'to', message })));
    const set: Partial<typeof projects.$inferInsert> = { version: project.version + 1, updatedAt: ctx.clock.now() };
    if (input.to === 'terminated') {
      set.state = 'terminated';
      set.terminatedReason = input.reason!.trim();
    } else {
      const next = applyStageMove(dates, input);
      for (const d of next) {
        const before = dates.find((x) => x.stage === d.stage);
        if (before?.actualOn === d.actualOn) continue;
        await tx
          .update(projectStages)
          .set({ actualOn: d.actualOn, ...(d.stage === input.to && input.evidence ? { evidence: input.evidence.trim() } : {}) })
          .where(and(eq(projectStages.projectId, id), eq(projectStages.stage, d.stage)));
      }
      set.state = input.to;
      set.terminatedReason = null;
      set.reached = input.to;
      // entering 供地 fixes the commitments (again, if it is entered again after going back)
      if (input.to === 'land' && stageIndex(input.to) > stageIndex(state === 'terminated' ? 'negotiating' : state)) {
        const { commitments, problems: cp } = resolveCommitments(s.controlTable, project.industryCode, input.overrides ?? []);
        if (cp.length) throw validation(cp.map((p) => ({ field: p.path, message: p.message })));
        set.commitments = commitments;
        set.commitmentsOn = input.on;
      }
    }
    await tx.update(projects).set(set).where(eq(projects.id, id));
    const target = input.to === 'terminated' ? '终止' : STAGES[input.to].zh;
    const eventId = await recordProjectEvent(tx, ctx, id, {
      action: input.to === 'terminated' ? 'terminate' : stageIndex(input.to) < stageIndex(project.reached as Stage) || state === 'terminated' ? 'stage_back' : 'stage',
      fromState: state,
      toState: input.to,
      comment: input.reason?.trim() || input.evidence?.trim() || null,
      data: { on: input.on, stage: target, ...(set.commitments ? { commitments: set.commitments.length } : {}) },
    });
    return { id, version: project.version + 1, eventId };
  });
}
