/**
 * Department uploads (数据归集): one file per department and year, parsed with the shared reader; only the credit code,
 * the name and that department's own fields are kept. Every row is checked first: a file with a problem stores nothing.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { mujunUploads } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, validation } from '../../domain/errors.js';
import { FIELD_BY_KEY, type MujunRecord } from '../../domain/mujun/fields.js';
import { tableToRecords } from '../../domain/mujun/input.js';
import { SOURCE_BY_ID } from '../../domain/mujun/sources.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { readMujunInput } from './input-files.js';

export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface FileProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** The 422 of a file with problems: every problem with row, column, value and reason; nothing is stored. */
export function fileInvalid(problems: readonly FileProblem[]): AppError {
  return new AppError(
    422,
    'IMPORT_INVALID',
    `文件有 ${problems.length} 处错误，未导入任何数据`,
    problems.map((p) => ({
      row: p.row ?? 0,
      column: p.column ?? '',
      value: p.value ?? null,
      reason: p.reason,
      message: p.reason,
    })),
  );
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const summaryColumns = {
  id: mujunUploads.id,
  year: mujunUploads.year,
  source: mujunUploads.source,
  fileName: mujunUploads.fileName,
  sha256: mujunUploads.sha256,
  size: mujunUploads.size,
  rowCount: mujunUploads.rowCount,
  fields: mujunUploads.fields,
  uploadedByName: mujunUploads.uploadedByName,
  createdAt: mujunUploads.createdAt,
};

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw validation([{ field: 'year', message: `年度须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数` }]);
  }
}

function checkSource(source: string) {
  const s = SOURCE_BY_ID.get(source);
  if (!s) throw validation([{ field: 'source', message: `未知的数据来源“${source}”` }]);
  return s;
}

/** Keeps the credit code, the name and the department's own fields of each record (missing ones as null). */
export function keepSourceFields(records: readonly MujunRecord[], fields: readonly string[]): MujunRecord[] {
  return records.map((r) => {
    const out: MujunRecord = { uscc: r['uscc'] ?? null, name: r['name'] ?? null };
    for (const f of fields) {
      const v = r[f];
      out[f] = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    }
    return out;
  });
}

/**
 * Stores a department upload as given (no parsing): used by the file upload below and by the demo, whose department
 * files carry planted inconsistencies (duplicates, name conflicts) for the reconciliation to find.
 */
export async function storeUpload(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>,
  u: {
    year: number;
    source: string;
    fileName: string;
    sha256: string;
    size: number;
    fields: string[];
    records: MujunRecord[];
    ignoredColumns?: string[];
  },
) {
  const [row] = await tx
    .insert(mujunUploads)
    .values({
      year: u.year,
      source: u.source,
      fileName: u.fileName.slice(0, 200),
      sha256: u.sha256,
      size: u.size,
      rowCount: u.records.length,
      fields: u.fields,
      records: u.records,
      uploadedBy: ctx.actor.userId,
      uploadedByName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    })
    .returning(summaryColumns);
  await recordAudit(tx, ctx, {
    action: 'mujun.upload.create',
    targetType: 'mujun_upload',
    targetId: row!.id,
    after: {
      year: u.year,
      source: u.source,
      fileName: row!.fileName,
      sha256: u.sha256,
      size: u.size,
      rowCount: u.records.length,
      fields: u.fields,
      ...(u.ignoredColumns?.length ? { ignoredColumns: u.ignoredColumns } : {}),
    },
  });
  return row!;
}

/** Uploads one department's file for a year (CSV or XLSX, Chinese or English headers). */
export async function uploadDepartmentFile(
  ctx: Ctx,
  meta: { year: number; source: string },
  file: () => Promise<{ filename: string; content: Buffer }>,
) {
  requirePermission(ctx, 'mujun.manage');
  checkYear(meta.year);
  const source = checkSource(meta.source);
  const f = await file();
  const parsed = await readMujunInput({ buffer: f.content, fileName: f.filename });
  if (!parsed.ok) throw fileInvalid(parsed.errors);
  const table = parsed.table;
  const present = new Set([...Object.keys(table.columns), ...Object.keys(table.text)]);
  const fields = source.fields.filter((k) => present.has(k));
  if (table.uscc.length === 0) throw fileInvalid([{ row: 0, column: '', value: null, reason: '文件中没有企业数据' }]);
  if (fields.length === 0) {
    const wanted = source.fields.map((k) => FIELD_BY_KEY.get(k)?.zh ?? k).join('、');
    throw fileInvalid([{ row: 1, column: '', value: null, reason: `文件中没有${source.zh}的数据列（应有：${wanted}）` }]);
  }
  const ignoredColumns = [...present].filter((k) => k !== 'uscc' && k !== 'name' && !source.fields.includes(k));
  const records = keepSourceFields(tableToRecords(table), fields);
  const row = await ctx.db.transaction((tx) =>
    storeUpload(tx, ctx, {
      year: meta.year,
      source: source.id,
      fileName: f.filename,
      sha256: sha256Hex(f.content),
      size: f.content.length,
      fields,
      records,
      ignoredColumns,
    }),
  );
  return {
    ...row,
    ignoredColumns: ignoredColumns.map((k) => FIELD_BY_KEY.get(k)?.zh ?? k),
    warnings: ignoredColumns.length
      ? [`以下列不属于${source.zh}，已忽略：${ignoredColumns.map((k) => FIELD_BY_KEY.get(k)?.zh ?? k).join('、')}`]
      : [],
  };
}

/** The uploads of a year (or of every year), newest first. */
export async function listUploads(ctx: Ctx, year?: number) {
  requirePermission(ctx, 'mujun.manage');
  return ctx.db
    .select(summaryColumns)
    .from(mujunUploads)
    .where(year === undefined ? undefined : eq(mujunUploads.year, year))
    .orderBy(desc(mujunUploads.year), desc(mujunUploads.createdAt));
}

/** The latest upload of each source for a year: id, source, created (without the records). */
export async function latestUploadIds(db: Db, year: number): Promise<Map<string, { id: string; rowCount: number }>> {
  const rows = await db
    .select({ id: mujunUploads.id, source: mujunUploads.source, rowCount: mujunUploads.rowCount })
    .from(mujunUploads)
    .where(and(eq(mujunUploads.year, year)))
    .orderBy(desc(mujunUploads.createdAt), desc(mujunUploads.id));
  const out = new Map<string, { id: string; rowCount: number }>();
  for (const r of rows) if (!out.has(r.source)) out.set(r.source, { id: r.id, rowCount: r.rowCount });
  return out;
}
