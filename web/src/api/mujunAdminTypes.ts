// Shapes of the 亩均 evaluator screens (数据归集, 评价方案, 差别化政策): /tmp contract "亩均 in Luoshi", spec §1–§2.

import type { Hero, PolicyCategory } from './mujunTypes';

export interface MujunUpload {
  id: string;
  year: number;
  source: string;
  fileName: string;
  sha256: string;
  size: number;
  rowCount: number;
  fields: string[];
  uploadedByName: string;
  createdAt: string;
  /** columns that were not taken (not this department's), when the server reports them */
  warnings?: string[];
}

/** One problem of a refused file. The contract names `value` / `reason`; older imports send `message`. */
export interface MujunFileProblem {
  row: number | null;
  column: string | null;
  value?: string | number | null;
  reason?: string;
  message?: string;
}

export interface MujunReconciliation {
  year: number;
  enterprises: number;
  sources: { source: string; uploadId: string | null; rowCount: number }[];
  missing: { source: string; uscc: string; name: string }[];
  nameConflicts: { uscc: string; names: { source: string; name: string }[] }[];
  duplicates: { source: string; uscc: string; count: number }[];
  outliers: { uscc: string; name: string; field: string; value: number; lastYear: number; ratio: number }[];
}

// ─── the scheme (spec §2; src/domain/mujun/scheme.ts) ───────────────────────────────────────────────────────────────

export type BenchmarkMethod = 'fixed' | 'aggregate' | 'mean' | 'median' | 'percentile';
export const BENCHMARK_METHODS: readonly BenchmarkMethod[] = ['fixed', 'aggregate', 'mean', 'median', 'percentile'];

export interface SchemeBenchmark {
  method: BenchmarkMethod;
  value?: number;
  p?: number;
  multiplier?: number;
  by?: 'industry';
  minCount?: number;
}

export interface SchemeScoring {
  method: 'ratio' | 'minmax';
  cap?: number;
  floor?: number;
}

export type MissingPolicy = 'zero' | 'mean' | 'exclude';

export interface SchemeIndicator {
  id: string;
  /** optional: the id stands in when absent or blank */
  name?: string;
  hero: Hero;
  unit?: string;
  numerator: string;
  denominator?: string;
  direction: 'higher' | 'lower';
  weight: number;
  benchmark?: SchemeBenchmark;
  scoring: SchemeScoring;
  missing?: MissingPolicy;
}

export type SchemeAdjustment =
  | { id: string; name?: string; flag: string; points: number }
  | { id: string; name?: string; field: string; per: number; beyond?: number };

export interface SchemeVeto {
  id: string;
  name?: string;
  flag: string;
  class: string;
}

export type SchemeClasses =
  { method: 'percentile'; bands: [string, number][] } | { method: 'threshold'; bands: [string, number | null][] };

export interface SchemeGroup {
  id: string;
  name: string;
  filter: string;
  indicators: SchemeIndicator[];
  adjustments?: SchemeAdjustment[];
  vetoes?: SchemeVeto[];
  classes: SchemeClasses;
}

export interface SchemeBody {
  id: string;
  name: string;
  year: number;
  groups: SchemeGroup[];
  exempt?: { flag: string; class: string };
  tenantsTakeLandlordClass?: boolean;
}

export interface MujunSchemeSummary {
  id: string;
  code: string;
  version: number;
  name: string;
  year: number;
  note: string | null;
  createdByName: string;
  createdAt: string;
}

export interface MujunSchemeDetail extends MujunSchemeSummary {
  body: SchemeBody;
}

export interface SchemeProblem {
  path: string;
  position?: number;
  message: string;
}

export type SchemeValidation = { ok: true } | { ok: false; problems: SchemeProblem[] };

// ─── 差别化政策 ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const POLICY_CATEGORIES: readonly PolicyCategory[] = ['electricity', 'water', 'land', 'credit', 'award', 'other'];

export interface MujunPolicy {
  id?: string;
  class: string;
  category: PolicyCategory;
  measure: string;
  department: string | null;
  sortOrder: number;
}
