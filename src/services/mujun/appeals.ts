/**
 * 申诉: an enterprise (or its town) contests a value or the class of a run. The evaluator accepts it — the corrected
 * values applied to the run's own input snapshot give a new run version of the year, the original run unchanged — or
 * rejects it with a reason. A decided appeal stays decided.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { mujunAppeals, mujunResults, mujunRuns } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound, validation } from '../../domain/errors.js';
import { FIELD_BY_KEY, type MujunRecord } from '../../domain/mujun/fields.js';
import { recordsToTable, tableToRecords } from '../../domain/mujun/input.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { assertEnterpriseVisible, mujunScope, scopeCondition } from './access.js';
import { parseSnapshot } from './results/common.js';
import { loadRun, storeRun, type RunSummary } from './runs.js';

export { EVIDENCE_MAX_BYTES, evidenceFileName, evidenceMime } from '../../domain/files/evidence.js';
import { EVIDENCE_MAX_BYTES, evidenceFileName, evidenceMime } from '../../domain/files/evidence.js';

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

/**
 * A correction's value as the input holds it (a number for numeric fields, text otherwise, null = missing), checked
 * by the same rules as a department file: the value is read through the shared table builder, in a row of the
 * enterprise `uscc` (a valid code). A value the files would refuse answers 422 naming `at`.
 */
export function correctionValue(field: string, raw: string | number | null, uscc: string, at = 'value'): string | number | null {
  const def = FIELD_BY_KEY.get(field);
  const label = def?.zh ?? field;
  const s = raw === null ? '' : typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : 'NaN') : raw.trim();
  if (s === '') {
    if (def?.required) throw validation([{ field: at, message: `${label}不能为空` }]);
    return null;
  }
  const built = recordsToTable([{ uscc, name: field === 'name' ? s : '企业', [field]: s }]);
  if (!built.ok) {
    const p = built.errors[0]!;
    throw validation([
      { field: at, message: `${label}“${s}”${p.reason.startsWith(label) ? p.reason.slice(label.length) : p.reason}` },
    ]);
  }
  if (field === 'name') return built.table.name[0]!;
  const num = built.table.columns[field];
  if (num) return Number.isNaN(num[0]!) ? null : num[0]!;
  const text = built.table.text[field];
  return text ? text[0] || null : s;
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
    correctionValue(field, claimedValue, result.uscc, 'claimedValue');
  } else if (input.field) {
    if (!APPEALABLE_FIELDS.includes(input.field)) throw validation([{ field: 'field', message: '数据项不存在' }]);
    field = input.field;
    claimedValue = input.claimedValue?.trim() || null;
  }
  const file = evidence ? await evidence() : null;
  if (file && file.content.length > EVIDENCE_MAX_BYTES) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `证明材料超过大小上限（不超过 ${EVIDENCE_MAX_BYTES / 1048576} MB）`);
  }
  const evidenceName = file ? evidenceFileName(file.filename) : null;
  if (file && (!evidenceName || evidenceMime(evidenceName) === 'application/octet-stream')) {
    throw validation([{ field: 'evidence', message: '不支持的证明材料类型（可上传 PDF、Office、图片、压缩包等）' }]);
  }
  const id = await ctx.db.transaction(async (tx) => {
    // one filing at a time per enterprise and run, so that two identical appeals cannot both pass the check
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext('luoshi.mujun_appeals'), hashtext(${`${input.runId}/${result.uscc}`}))`,
    );
    const pending = await tx
      .select({ id: mujunAppeals.id, field: mujunAppeals.field, kind: mujunAppeals.kind })
      .from(mujunAppeals)
      .where(and(eq(mujunAppeals.runId, input.runId), eq(mujunAppeals.uscc, result.uscc), eq(mujunAppeals.status, 'pending')));
    if (pending.some((p) => p.kind === input.kind && (p.field ?? null) === field)) {
      throw conflict('该企业在本批次已有相同内容的申诉正在处理，请勿重复提交');
    }
    const [row] = await tx
      .insert(mujunAppeals)
      .values({
        runId: input.runId,
        uscc: result.uscc,
        kind: input.kind,
        field,
        claimedValue,
        reason: reason.slice(0, 2000),
        evidenceName: file ? evidenceName : null,
        evidenceType: file && evidenceName ? evidenceMime(evidenceName) : null,
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
        uscc: result.uscc,
        kind: input.kind,
        field,
        claimedValue,
        reason,
        evidence: file ? { name: evidenceName, size: file.content.length } : null,
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
  // the type follows the stored name's extension, whatever the sender claimed
  const filename = evidenceFileName(row.name) || 'evidence';
  return { filename, mime: evidenceMime(filename), content: Buffer.from(row.content) };
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
function snapshotRecords(csv: string): MujunRecord[] {
  try {
    return tableToRecords(parseSnapshot(csv));
  } catch {
    throw new AppError(500, 'INTERNAL', '评价批次的输入快照无法读取');
  }
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
    const seen = new Set<string>();
    const values = corrections.map((c, k) => {
      if (!APPEALABLE_FIELDS.includes(c.field)) {
        throw validation([{ field: `corrections[${k}].field`, message: `数据项“${c.field}”不存在或不能更正` }]);
      }
      if (seen.has(c.field)) throw validation([{ field: `corrections[${k}].field`, message: '同一数据项只能更正一次' }]);
      seen.add(c.field);
      return { field: c.field, value: correctionValue(c.field, c.value, appeal.uscc, `corrections[${k}].value`) };
    });
    const run = await loadRun(tx, appeal.runId);
    const records = snapshotRecords(run.inputCsv);
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
