/**
 * 申诉 against an acceptance, in the 亩均 appeal flow: the lead unit or the investor's enterprise contact files one
 * against an indicator's actual value with a claimed value, a reason and evidence; a keeper of the register accepts it
 * (the project is judged again with the claimed value entered, a new acceptance; the original stays) or rejects it
 * with a reason. One pending appeal per acceptance and indicator.
 */
import { and, desc, eq } from 'drizzle-orm';
import { projectAcceptances, projectAppeals, projects } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, forbidden, notFound, validation } from '../../domain/errors.js';
import { EVIDENCE_MAX_BYTES, evidenceFileName, evidenceMime } from '../../domain/files/evidence.js';
import { requirePermission, type Actor, type Ctx } from '../context.js';
import { judgeOne } from './acceptance.js';
import { loadVisibleProject, reportsFor, requireManager, type ProjectRow } from './access.js';
import { recordProjectEvent } from './events.js';
import { projectSettings, type ProjectSettings } from './settings.js';

export interface ProjectAppealInput {
  acceptanceId: string;
  indicatorId: string;
  claimedValue: number;
  reason: string;
}

function mayAppeal(actor: Actor, s: ProjectSettings, p: ProjectRow): boolean {
  if (actor.roles.includes('enterprise')) return !!actor.enterpriseUscc && actor.enterpriseUscc === p.investorUscc;
  return reportsFor(actor, s, p);
}

const summary = {
  id: projectAppeals.id,
  acceptanceId: projectAppeals.acceptanceId,
  indicatorId: projectAppeals.indicatorId,
  claimedValue: projectAppeals.claimedValue,
  reason: projectAppeals.reason,
  evidenceName: projectAppeals.evidenceName,
  filedByName: projectAppeals.filedByName,
  filedAt: projectAppeals.filedAt,
  status: projectAppeals.status,
  decisionReason: projectAppeals.decisionReason,
  decidedByName: projectAppeals.decidedByName,
  decidedAt: projectAppeals.decidedAt,
  newAcceptanceId: projectAppeals.newAcceptanceId,
};

/** A project's appeals, newest first (the project is checked by the caller). */
export function projectAppealList(db: Db, projectId: string) {
  return db.select(summary).from(projectAppeals).where(eq(projectAppeals.projectId, projectId)).orderBy(desc(projectAppeals.filedAt));
}

export async function fileProjectAppeal(
  ctx: Ctx,
  projectId: string,
  input: ProjectAppealInput,
  evidence: () => Promise<{ filename: string; mime: string; content: Buffer } | null>,
) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  const { project } = await loadVisibleProject(ctx.db, ctx, s, projectId);
  if (!mayAppeal(ctx.actor, s, project)) throw forbidden('对标验收的申诉由项目责任单位或投资企业提出');
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写申诉理由' }]);
  const [latest] = await ctx.db
    .select()
    .from(projectAcceptances)
    .where(eq(projectAcceptances.projectId, projectId))
    .orderBy(desc(projectAcceptances.createdAt))
    .limit(1);
  if (!latest || latest.id !== input.acceptanceId) throw validation([{ field: 'acceptanceId', message: '只能对项目最近一次验收提出申诉' }]);
  const ind = latest.result.indicators.find((i) => i.indicatorId === input.indicatorId);
  if (!ind) throw validation([{ field: 'indicatorId', message: '该次验收没有这个指标' }]);
  if (ind.verdict === 'pass') throw validation([{ field: 'indicatorId', message: `“${ind.name}”已达标，无需申诉` }]);
  const file = await evidence();
  if (file && file.content.length > EVIDENCE_MAX_BYTES)
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `证明材料超过大小上限（不超过 ${EVIDENCE_MAX_BYTES / 1048576} MB）`);
  const evidenceName = file ? evidenceFileName(file.filename) : null;
  if (file && (!evidenceName || evidenceMime(evidenceName) === 'application/octet-stream'))
    throw validation([{ field: 'evidence', message: '不支持的证明材料类型（可上传 PDF、Office、图片、压缩包等）' }]);
  return ctx.db.transaction(async (tx) => {
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
    const [pending] = await tx
      .select({ id: projectAppeals.id })
      .from(projectAppeals)
      .where(and(eq(projectAppeals.acceptanceId, latest.id), eq(projectAppeals.indicatorId, input.indicatorId), eq(projectAppeals.status, 'pending')));
    if (pending) throw conflict('该指标已有申诉正在处理，请勿重复提交');
    const [row] = await tx
      .insert(projectAppeals)
      .values({
        projectId,
        acceptanceId: latest.id,
        indicatorId: input.indicatorId,
        claimedValue: input.claimedValue,
        reason: reason.slice(0, 2000),
        evidenceName,
        evidenceType: evidenceName ? evidenceMime(evidenceName) : null,
        evidence: file?.content ?? null,
        filedBy: ctx.actor.userId,
        filedByName: ctx.actor.name,
        filedAt: ctx.clock.now(),
      })
      .returning(summary);
    await recordProjectEvent(tx, ctx, projectId, {
      action: 'appeal',
      comment: reason,
      data: { appealId: row!.id, indicator: ind.name, actual: ind.actual, claimed: input.claimedValue },
    });
    return row!;
  });
}

async function lockPending(tx: Db, projectId: string, appealId: string) {
  const [a] = await tx
    .select()
    .from(projectAppeals)
    .where(and(eq(projectAppeals.id, appealId), eq(projectAppeals.projectId, projectId)))
    .for('update');
  if (!a) throw notFound('申诉');
  if (a.status !== 'pending') throw conflict('该申诉已处理');
  return a;
}

/** 采纳: judged again with the claimed value entered (the original acceptance stays). */
export async function acceptProjectAppeal(ctx: Ctx, projectId: string, appealId: string, input: { reason: string }) {
  requirePermission(ctx, 'projects.read');
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写处理意见' }]);
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    const { project } = await loadVisibleProject(tx, ctx, s, projectId, true);
    const a = await lockPending(tx, projectId, appealId);
    const [base] = await tx.select().from(projectAcceptances).where(eq(projectAcceptances.id, a.acceptanceId));
    const again = await judgeOne(tx, ctx, s, project, base!.year, { ...base!.entered, [a.indicatorId]: a.claimedValue });
    await tx
      .update(projectAppeals)
      .set({ status: 'accepted', decisionReason: reason.slice(0, 2000), decidedBy: ctx.actor.userId, decidedByName: ctx.actor.name, decidedAt: ctx.clock.now(), newAcceptanceId: again.acceptanceId })
      .where(eq(projectAppeals.id, appealId));
    await recordProjectEvent(tx, ctx, projectId, { action: 'appeal_accept', comment: reason, data: { appealId, newAcceptanceId: again.acceptanceId, verdict: again.verdict } });
    return { appealId, acceptance: again };
  });
}

export async function rejectProjectAppeal(ctx: Ctx, projectId: string, appealId: string, input: { reason: string }) {
  requirePermission(ctx, 'projects.read');
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写驳回理由' }]);
  return ctx.db.transaction(async (tx) => {
    const s = await projectSettings(tx);
    requireManager(ctx, s);
    await loadVisibleProject(tx, ctx, s, projectId, true);
    await lockPending(tx, projectId, appealId);
    await tx
      .update(projectAppeals)
      .set({ status: 'rejected', decisionReason: reason.slice(0, 2000), decidedBy: ctx.actor.userId, decidedByName: ctx.actor.name, decidedAt: ctx.clock.now() })
      .where(eq(projectAppeals.id, appealId));
    await recordProjectEvent(tx, ctx, projectId, { action: 'appeal_reject', comment: reason, data: { appealId } });
    return { appealId, status: 'rejected' as const };
  });
}

export async function projectAppealEvidence(ctx: Ctx, projectId: string, appealId: string) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  await loadVisibleProject(ctx.db, ctx, s, projectId);
  const [a] = await ctx.db.select().from(projectAppeals).where(and(eq(projectAppeals.id, appealId), eq(projectAppeals.projectId, projectId)));
  if (!a?.evidence || !a.evidenceName) throw notFound('证明材料');
  return { filename: a.evidenceName, mime: a.evidenceType ?? 'application/octet-stream', content: a.evidence };
}
