/**
 * Reconciliation (数据比对) of a year's department uploads, and the merge of the latest upload of each department into
 * one record per enterprise — the input of a run.
 */
import { inArray } from 'drizzle-orm';
import { mujunUploads } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { INPUT_FIELDS, type MujunRecord } from '../../domain/mujun/fields.js';
import { DATA_SOURCES } from '../../domain/mujun/sources.js';
import { requirePermission, type Ctx } from '../context.js';
import { checkYear, latestUploadIds } from './uploads.js';

/** Departments expected to report every enterprise; the others (R&D, emissions, flags) report only some. */
export const FULL_COVERAGE_SOURCES: readonly string[] = ['land', 'tax', 'stats', 'power', 'hr'];

/** An outlier: this year's value at least 3 times, or at most a third of, last year's (both positive). */
export const OUTLIER_RATIO = 3;

const NUMERIC_FIELDS = INPUT_FIELDS.filter((f) => f.type === 'number' || f.type === 'nonneg').map((f) => f.key);

interface SourceUpload {
  source: string;
  uploadId: string;
  records: MujunRecord[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const present = (v: unknown): boolean =>
  v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v)) && !(typeof v === 'string' && v.trim() === '');

/** The latest upload of each source for the year, in DATA_SOURCES order (their records read in one query). */
async function latestUploads(db: Db, year: number): Promise<SourceUpload[]> {
  const latest = await latestUploadIds(db, year);
  if (latest.size === 0) return [];
  const rows = await db
    .select({ id: mujunUploads.id, records: mujunUploads.records })
    .from(mujunUploads)
    .where(
      inArray(
        mujunUploads.id,
        [...latest.values()].map((l) => l.id),
      ),
    );
  const recordsOf = new Map(rows.map((r) => [r.id, r.records]));
  const out: SourceUpload[] = [];
  for (const s of DATA_SOURCES) {
    const l = latest.get(s.id);
    if (l) out.push({ source: s.id, uploadId: l.id, records: (recordsOf.get(l.id) ?? []) as MujunRecord[] });
  }
  return out;
}

function splitFlags(v: unknown): string[] {
  return text(v)
    .split(/[;；]/)
    .map((f) => f.trim())
    .filter(Boolean);
}

function merge(uploads: readonly SourceUpload[]): MujunRecord[] {
  const byUscc = new Map<string, MujunRecord>();
  const flags = new Map<string, string[]>();
  for (const u of uploads) {
    const fields = DATA_SOURCES.find((s) => s.id === u.source)!.fields;
    const seen = new Set<string>();
    for (const r of u.records) {
      const uscc = text(r['uscc']);
      if (!uscc || seen.has(uscc)) continue; // a duplicate within one file: the first row counts
      seen.add(uscc);
      let m = byUscc.get(uscc);
      if (!m) {
        m = { uscc, name: null };
        byUscc.set(uscc, m);
      }
      if (!present(m['name']) && present(r['name'])) m['name'] = text(r['name']);
      for (const f of fields) {
        if (f === 'flags') {
          const list = flags.get(uscc) ?? [];
          for (const flag of splitFlags(r[f])) if (!list.includes(flag)) list.push(flag);
          flags.set(uscc, list);
        } else if (!present(m[f]) && present(r[f])) m[f] = r[f]!;
      }
    }
  }
  for (const [uscc, m] of byUscc) {
    const list = flags.get(uscc);
    if (list?.length) m['flags'] = list.join(';');
    if (!present(m['name'])) m['name'] = uscc;
  }
  return [...byUscc.values()];
}

/**
 * One record per enterprise from the latest upload of each source of the year, merged on the credit code: the union
 * of the fields, the union of the flags, the name from the first source (in DATA_SOURCES order) that has one.
 */
export async function mergedRecords(db: Db, year: number): Promise<{ records: MujunRecord[]; uploadIds: string[] }> {
  const uploads = await latestUploads(db, year);
  return { records: merge(uploads), uploadIds: uploads.map((u) => u.uploadId) };
}

export interface Reconciliation {
  year: number;
  enterprises: number;
  sources: { source: string; uploadId: string | null; rowCount: number }[];
  missing: { source: string; uscc: string; name: string }[];
  nameConflicts: { uscc: string; names: { source: string; name: string }[] }[];
  duplicates: { source: string; uscc: string; count: number }[];
  outliers: { uscc: string; name: string; field: string; value: number; lastYear: number; ratio: number }[];
}

/** The reconciliation report of a year: coverage, names that disagree, duplicates, and jumps against last year. */
export async function reconciliation(ctx: Ctx, year: number): Promise<Reconciliation> {
  requirePermission(ctx, 'mujun.manage');
  checkYear(year);
  const uploads = await latestUploads(ctx.db, year);
  const merged = merge(uploads);
  const nameOf = new Map(merged.map((r) => [String(r['uscc']), text(r['name'])]));

  const sources = DATA_SOURCES.map((s) => {
    const u = uploads.find((x) => x.source === s.id);
    return { source: s.id, uploadId: u?.uploadId ?? null, rowCount: u?.records.length ?? 0 };
  });

  const missing: Reconciliation['missing'] = [];
  const duplicates: Reconciliation['duplicates'] = [];
  const names = new Map<string, { source: string; name: string }[]>();
  for (const u of uploads) {
    const count = new Map<string, number>();
    for (const r of u.records) {
      const uscc = text(r['uscc']);
      if (!uscc) continue;
      count.set(uscc, (count.get(uscc) ?? 0) + 1);
      const name = text(r['name']);
      if (name && count.get(uscc) === 1) {
        const list = names.get(uscc) ?? [];
        list.push({ source: u.source, name });
        names.set(uscc, list);
      }
    }
    for (const [uscc, n] of count) if (n > 1) duplicates.push({ source: u.source, uscc, count: n });
    if (FULL_COVERAGE_SOURCES.includes(u.source)) {
      for (const [uscc, name] of nameOf) if (!count.has(uscc)) missing.push({ source: u.source, uscc, name });
    }
  }
  const nameConflicts: Reconciliation['nameConflicts'] = [];
  for (const [uscc, list] of names) {
    if (new Set(list.map((x) => x.name)).size > 1) nameConflicts.push({ uscc, names: list });
  }

  const outliers: Reconciliation['outliers'] = [];
  const last = merge(await latestUploads(ctx.db, year - 1));
  if (last.length) {
    const lastBy = new Map(last.map((r) => [String(r['uscc']), r]));
    for (const r of merged) {
      const prev = lastBy.get(String(r['uscc']));
      if (!prev) continue;
      for (const field of NUMERIC_FIELDS) {
        const value = Number(r[field]);
        const lastYear = Number(prev[field]);
        if (!present(r[field]) || !present(prev[field]) || !(value > 0) || !(lastYear > 0)) continue;
        const ratio = value / lastYear;
        if (ratio >= OUTLIER_RATIO || ratio <= 1 / OUTLIER_RATIO) {
          outliers.push({ uscc: String(r['uscc']), name: text(r['name']), field, value, lastYear, ratio });
        }
      }
    }
  }
  return { year, enterprises: merged.length, sources, missing, nameConflicts, duplicates, outliers };
}
