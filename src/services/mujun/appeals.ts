/**
 * 申诉: an enterprise (or its town) contests a value or the class of a run. The evaluator accepts it — the corrected
 * values applied to the run's own input snapshot give a new run version of the year, the original run unchanged — or
 * rejects it with a reason. A decided appeal stays decided.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { mujunAppeals, mujunResults, mujunRuns } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound, validation } from '../../domain/errors.js';
import { FIELD_BY_KEY, parseScale, type MujunRecord } from '../../domain/mujun/fields.js';
import { tableToRecords } from '../../domain/mujun/input.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { assertEnterpriseVisible, mujunScope, scopeCondition } from './access.js';
import { readMujunInput } from './input-files.js';
import { loadRun, storeRun, type RunSummary } from './runs.js';
import { fileInvalid } from './uploads.js';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EVIDENCE_TYPES = /\.(pdf|docx?|xlsx?|csv|txt|jpe?g|png|gif|webp|zip|rar|7z|ofd)$/i;

export const APPEAL_KINDS = ['value', 'class'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Fields an appeal may correct: every input field but the credit code (the key the data is merged on). */
export const APPEALABLE_FIELDS: readonly string[] = [...FIELD_BY_KEY.keys()].filter((k) => k !== 'uscc');

const summaryColumns = {
  id: mujunAppeals.id,
  runId: mujunAppeals.runId,
  year: mujunRuns.year,
  runVersion: mujunRuns.version,
  uscc: mujunAppeals.uscc,
  name: mujunResults.name,
  town: mujunResults.town,
  kind: mujunAppeals.kind,
  field: mujunAppeals.field,
  claimedValue: mujunAppeals.claimedValue,
  reason: mujunAppeals.reason,
  evidenceName: mujunAppeals.evidenceName,
  status: mujunAppeals.status,
  decisionReason: mujunAppeals.decisionReason,
  filedByName: mujunAppeals.filedByName,
  filedAt: mujunAppeals.filedAt,
  decidedByName: mujunAppeals.decidedByName,
  decidedAt: mujunAppeals.decidedAt,
  newRunId: mujunAppeals.newRunId,
};

function appealQuery(db: Db, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(mujunAppeals)
    .innerJoin(mujunRuns, eq(mujunRuns.id, mujunAppeals.runId))
    .innerJoin(mujunResults, and(eq(mujunResults.runId, mujunAppeals.runId), eq(mujunResults.uscc, mujunAppeals.uscc)))
    .where(where);
}

async function appealSummary(db: Db, id: string) {
  const [row] = await appealQuery(db, eq(mujunAppeals.id, id)).limit(1);
  if (!row) throw notFound('申诉');
  return row;
}

/** A correction's value as the input holds it: a number for numeric fields, text otherwise, null = missing. */
export function correctionValue(field: string, raw: string | number | null): string | number | null {
  const def = FIELD_BY_KEY.get(field);
  const s = raw === null ? '' : String(raw).trim();
  const label = def?.zh ?? field;
  if (s === '') {
    if (def?.required) throw validation([{ field: 'value', message: `${label}不能为空` }]);
    return null;
  }
  if (!def || def.type === 'text' || def.type === 'uscc') return s;
  if (def.type === 'scale') {
    const scale = parseScale(s);
    if (!scale) throw validation([{ field: 'value', message: `${label}须为“规上”或“规下”` }]);
    return scale;
  }
  const n = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw validation([{ field: 'value', message: `${label}“${s}”不是有效的数字` }]);
  if ((def.type === 'nonneg' || def.type === 'int') && n < 0) {
    throw validation([{ field: 'value', message: `${label}不能为负数` }]);
  }
  if (def.type === 'int' && !Number.isInteger(n)) throw validation([{ field: 'value', message: `${label}须为整数` }]);
  return n;
}

export interface AppealInput {
  runId: string;
  uscc: string;
  kind: AppealKind;
  field?: string | null;
  claimedValue?: string | null;
  reason: string;
}

/** Files an appeal on an enterprise the filer may see, scored or taking its landlord's class in that run. */
export async function fileAppeal(
  ctx: Ctx,
  input: AppealInput,
  evidence?: () => Promise<{ filename: string; mime: string; content: Buffer } | null>,
) {
  requirePermission(ctx, 'mujun.appeal');
  const result = await assertEnterpriseVisible(ctx, input.runId, input.uscc);
  if (result.status !== 'scored' && result.status !== 'tenant') {
    throw validation([{ field: 'uscc', message: '该企业未参与本次评价排名，不能申诉' }]);
  }
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写申诉理由' }]);
  let field: string | null = null;
  let claimedValue: string | null = null;
  if (input.kind === 'value') {
    if (!input.field || !APPEALABLE_FIELDS.includes(input.field)) {
      throw validation([{ field: 'field', message: '请选择有异议的数据项' }]);
    }
    field = input.field;
    claimedValue = input.claimedValue?.trim() ?? '';
    if (!claimedValue) throw validation([{ field: 'claimedValue', message: '请填写申诉的正确数值' }]);
    correctionValue(field, claimedValue);
  } else if (input.field) {
    if (!APPEALABLE_FIELDS.includes(input.field)) throw validation([{ field: 'field', message: '数据项不存在' }]);
    field = input.field;
    claimedValue = input.claimedValue?.trim() || null;
  }
  const file = evidence ? await evidence() : null;
  if (file && !EVIDENCE_TYPES.test(file.filename)) {
    throw validation([{ field: 'evidence', message: '不支持的证明材料类型（可上传 PDF、Office、图片、压缩包等）' }]);
  }
  const pending = await ctx.db
    .select({ id: mujunAppeals.id, field: mujunAppeals.field, kind: mujunAppeals.kind })
    .from(mujunAppeals)
    .where(and(eq(mujunAppeals.runId, input.runId), eq(mujunAppeals.uscc, input.uscc), eq(mujunAppeals.status, 'pending')));
  if (pending.some((p) => p.kind === input.kind && (p.field ?? null) === field)) {
    throw conflict('该企业在本批次已有相同内容的申诉正在处理，请勿重复提交');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mujunAppeals)
      .values({
        runId: input.runId,
        uscc: input.uscc,
        kind: input.kind,
        field,
        claimedValue,
        reason: reason.slice(0, 2000),
        evidenceName: file ? file.filename.slice(0, 200) : null,
        evidenceType: file ? file.mime || 'application/octet-stream' : null,
        evidence: file ? file.content : null,
        filedBy: ctx.actor.userId,
        filedByName: ctx.actor.name,
        filedAt: ctx.clock.now(),
      })
      .returning({ id: mujunAppeals.id });
    await recordAudit(tx, ctx, {
      action: 'mujun.appeal.create',
      targetType: 'mujun_appeal',
      targetId: row!.id,
      after: {
        runId: input.runId,
        uscc: input.uscc,
        kind: input.kind,
        field,
        claimedValue,
        reason,
        evidence: file ? { name: file.filename, size: file.content.length } : null,
      },
    });
    return row!.id;
  });
  return appealSummary(ctx.db, id);
}

/** The appeals the actor may see, newest first. */
export async function listAppeals(ctx: Ctx, filter: { status?: AppealStatus; runId?: string } = {}) {
  requirePermission(ctx, 'mujun.read');
  const scope = await mujunScope(ctx);
  return appealQuery(
    ctx.db,
    and(
      filter.status ? eq(mujunAppeals.status, filter.status) : undefined,
      filter.runId ? eq(mujunAppeals.runId, filter.runId) : undefined,
      scopeCondition(scope),
    ),
  ).orderBy(desc(mujunAppeals.filedAt), desc(mujunAppeals.id));
}

/** One appeal the actor may see (404 otherwise). */
export async function getAppeal(ctx: Ctx, id: string) {
  requirePermission(ctx, 'mujun.read');
  const scope = await mujunScope(ctx);
  const [row] = await appealQuery(ctx.db, and(eq(mujunAppeals.id, id), scopeCondition(scope))).limit(1);
  if (!row) throw notFound('申诉');
  return row;
}

export async function appealEvidence(ctx: Ctx, id: string) {
  requirePermission(ctx, 'mujun.read');
  await getAppeal(ctx, id);
  const [row] = await ctx.db
    .select({ name: mujunAppeals.evidenceName, type: mujunAppeals.evidenceType, content: mujunAppeals.evidence })
    .from(mujunAppeals)
    .where(eq(mujunAppeals.id, id));
  if (!row?.content || !row.name) throw notFound('证明材料');
  return { filename: row.name, mime: row.type ?? 'application/octet-stream', content: Buffer.from(row.content) };
}

/** Locks a pending appeal for its decision; a decided one answers 409. */
async function lockPending(tx: Db, id: string) {
  const [row] = await tx.select().from(mujunAppeals).where(eq(mujunAppeals.id, id)).limit(1).for('update');
  if (!row) throw notFound('申诉');
  if (row.status !== 'pending') {
    throw conflict(`该申诉已${row.status === 'accepted' ? '采纳' : '驳回'}，不能重复处理`);
  }
  return row;
}

/** The records of a run's input snapshot. */
async function snapshotRecords(csv: string): Promise<MujunRecord[]> {
  const parsed = await readMujunInput({ buffer: Buffer.from(csv, 'utf8'), fileName: 'input.csv' });
  if (!parsed.ok) throw new AppError(500, 'INTERNAL', '评价批次的输入快照无法读取');
  return tableToRecords(parsed.table);
}

export interface Correction {
  field: string;
  value: string | number | null;
}

/**
 * Accepts an appeal: its corrections (by default the appeal's own field and claimed value) are applied to the
 * enterprise's row of the run's input snapshot, which is evaluated with the run's scheme into a new run version of the
 * year (parent = the appealed run). All in one transaction with the decision and its audit events.
 */
export async function acceptAppeal(
  ctx: Ctx,
  id: string,
  input: { reason: string; corrections?: Correction[] },
): Promise<{ appeal: Awaited<ReturnType<typeof appealSummary>>; newRun: RunSummary }> {
  requirePermission(ctx, 'mujun.manage');
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写处理意见' }]);
  return ctx.db.transaction(async (tx) => {
    const appeal = await lockPending(tx, id);
    const corrections: Correction[] = input.corrections?.length
      ? input.corrections
      : appeal.kind === 'value' && appeal.field
        ? [{ field: appeal.field, value: appeal.claimedValue }]
        : [];
    if (!corrections.length) {
      throw validation([{ field: 'corrections', message: '采纳申诉须填写更正的数据（数据项和正确数值）' }]);
    }
    const values = corrections.map((c, k) => {
      if (!APPEALABLE_FIELDS.includes(c.field)) {
        throw validation([{ field: `corrections[${k}].field`, message: `数据项“${c.field}”不存在或不能更正` }]);
      }
      return { field: c.field, value: correctionValue(c.field, c.value) };
    });
    const run = await loadRun(tx, appeal.runId);
    const records = await snapshotRecords(run.inputCsv);
    const record = records.find((r) => r['uscc'] === appeal.uscc);
    if (!record) throw notFound('企业评价结果');
    const changes = values.map(({ field, value }) => {
      const before = record[field] ?? null;
      record[field] = value;
      return { field, before, after: value };
    });
    const label = (f: string) => FIELD_BY_KEY.get(f)?.zh ?? f;
    const newRun = await storeRun(tx, ctx, {
      year: run.year,
      scheme: { id: run.schemeId, body: run.scheme },
      records,
      uploadIds: run.uploadIds,
      parentRunId: run.id,
      reason: `申诉 #${appeal.id.slice(0, 8)} 更正：${changes
        .map((c) => `${label(c.field)} ${c.before ?? '空'} → ${c.after ?? '空'}`)
        .join('；')}`,
    });
    const decidedAt = ctx.clock.now();
    await tx
      .update(mujunAppeals)
      .set({
        status: 'accepted',
        decisionReason: reason.slice(0, 2000),
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.name,
        decidedAt,
        newRunId: newRun.id,
      })
      .where(eq(mujunAppeals.id, id));
    await recordAudit(tx, ctx, {
      action: 'mujun.appeal.accept',
      targetType: 'mujun_appeal',
      targetId: id,
      before: { status: 'pending' },
      after: { status: 'accepted', reason, corrections: changes, uscc: appeal.uscc, runId: run.id, newRunId: newRun.id },
    });
    return { appeal: await appealSummary(tx, id), newRun };
  });
}

/** Rejects an appeal with a reason. */
export async function rejectAppeal(ctx: Ctx, id: string, input: { reason: string }) {
  requirePermission(ctx, 'mujun.manage');
  const reason = input.reason.trim();
  if (!reason) throw validation([{ field: 'reason', message: '请填写驳回理由' }]);
  return ctx.db.transaction(async (tx) => {
    const appeal = await lockPending(tx, id);
    await tx
      .update(mujunAppeals)
      .set({
        status: 'rejected',
        decisionReason: reason.slice(0, 2000),
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.name,
        decidedAt: ctx.clock.now(),
      })
      .where(eq(mujunAppeals.id, id));
    await recordAudit(tx, ctx, {
      action: 'mujun.appeal.reject',
      targetType: 'mujun_appeal',
      targetId: id,
      before: { status: 'pending' },
      after: { status: 'rejected', reason, uscc: appeal.uscc, runId: appeal.runId },
    });
    return appealSummary(tx, id);
  });
}
