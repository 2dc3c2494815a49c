/**
 * Department uploads (数据归集): one file per department and year, parsed with the shared reader; only the credit code,
 * the name and that department's own fields are kept. Every row is checked first: a file with a problem stores nothing.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { mujunUploads } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError, validation } from '../../domain/errors.js';
import { FIELD_BY_KEY, type MujunRecord } from '../../domain/mujun/fields.js';
import type { MujunTable } from '../../domain/mujun/engine.js';
import { lookupField, MujunTableBuilder, tableToRecords, type InputCell } from '../../domain/mujun/input.js';
import { SOURCE_BY_ID, type DataSource } from '../../domain/mujun/sources.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { readMujunInput, type ReadInputResult } from './input-files.js';

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

/** Prefix of the header given to a column that is not the department's: an unknown column, never validated. */
const IGNORED_PREFIX = '\u0001ignored:';

/**
 * The shared table builder, told to look only at the credit code, the name and the department's own columns: every
 * other column gets a header no field has, so its cells are carried along unchecked (and dropped afterwards) instead
 * of being validated. Column positions and row numbers stay as in the file, so every problem names them as they are.
 */
class DepartmentTableBuilder extends MujunTableBuilder {
  /** the columns set aside: their header as in the file ('' for a column without one) and their placeholder key */
  readonly ignored: { header: string; key: string }[] = [];

  constructor(private readonly keep: ReadonlySet<string>) {
    super();
  }

  override setHeader(headers: readonly InputCell[]): void {
    super.setHeader(
      Array.from(headers, (raw, i) => {
        const header = raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString() : String(raw).trim();
        const def = header === '' ? undefined : lookupField(header.replace(/^\uFEFF/, ''));
        if (def && this.keep.has(def.key)) return raw;
        const key = `${IGNORED_PREFIX}${i}`;
        this.ignored.push({ header, key });
        return key;
      }),
    );
  }
}

/**
 * Reads a department file (.csv or .xlsx, first sheet) with only `keep`'s columns validated; other file types get
 * the shared reader's answer. `ignored`: the headers of the columns set aside that are named or hold data.
 */
export async function readDepartmentFile(
  file: { buffer: Buffer; fileName: string },
  keep: ReadonlySet<string>,
): Promise<{ result: ReadInputResult; ignored: string[] }> {
  const ext = extname(file.fileName).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') return { result: await readMujunInput(file), ignored: [] };
  const builder = new DepartmentTableBuilder(keep);
  const result = await readMujunInput(file, builder);
  const table: MujunTable | null = result.ok ? result.table : null;
  const hasData = (key: string) =>
    table !== null &&
    ((table.text[key]?.some((v) => v !== '') ?? false) || (table.columns[key]?.some((v) => !Number.isNaN(v)) ?? false));
  const ignored = builder.ignored
    .filter((c) => c.header !== '' || hasData(c.key))
    .map((c) => (c.header === '' ? `第 ${Number(c.key.slice(IGNORED_PREFIX.length)) + 1} 列（无列名）` : c.header));
  if (table) {
    for (const c of builder.ignored) {
      delete table.text[c.key];
      delete table.columns[c.key];
    }
  }
  return { result, ignored };
}

/**
 * Uploads one department's file for a year (CSV or XLSX, Chinese or English headers). Only the credit code, the name
 * and the department's own columns are read and checked; other columns are ignored with a warning.
 */
export async function uploadDepartmentFile(
  ctx: Ctx,
  meta: { year: number; source: string },
  file: () => Promise<{ filename: string; content: Buffer }>,
) {
  requirePermission(ctx, 'mujun.manage');
  checkYear(meta.year);
  const source: DataSource = checkSource(meta.source);
  const f = await file();
  if (f.content.length > UPLOAD_MAX_BYTES) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `上传文件超过大小上限（不超过 ${UPLOAD_MAX_BYTES / 1048576} MB）`);
  }
  const keep = new Set(['uscc', 'name', ...source.fields]);
  const { result: parsed, ignored } = await readDepartmentFile({ buffer: f.content, fileName: f.filename }, keep);
  if (!parsed.ok) throw fileInvalid(parsed.errors);
  const table = parsed.table;
  const present = new Set([...Object.keys(table.columns), ...Object.keys(table.text)]);
  const fields = source.fields.filter((k) => present.has(k));
  if (table.uscc.length === 0) throw fileInvalid([{ row: 0, column: '', value: null, reason: '文件中没有企业数据' }]);
  if (fields.length === 0) {
    const wanted = source.fields.map((k) => FIELD_BY_KEY.get(k)?.zh ?? k).join('、');
    throw fileInvalid([{ row: 1, column: '', value: null, reason: `文件中没有${source.zh}的数据列（应有：${wanted}）` }]);
  }
  const ignoredColumns = ignored.map((h) => lookupField(h)?.zh ?? h);
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
    ignoredColumns,
    warnings: ignoredColumns.length ? [`以下列不属于${source.zh}，未读取也未校验：${ignoredColumns.join('、')}`] : [],
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
