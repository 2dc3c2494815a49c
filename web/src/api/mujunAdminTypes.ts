// Shapes of the 亩均 evaluator screens (数据归集, 评价方案, 差别化政策): aliases of the server's types
// (src/shared/api-types.ts), never copies.
import type * as api from '../../../src/shared/api-types';
import type { PolicyCategory } from './mujunTypes';

export type MujunUpload = api.MujunUpload & {
  /** columns that were not taken (not this department's), in the upload's answer */
  warnings?: string[];
};

/** One problem of a refused file (row and column, value, reason). */
export type MujunFileProblem = api.MujunFileProblem & {
  /** older imports send `message` */
  message?: string;
};

export type MujunReconciliation = api.MujunReconciliation;

// ─── the scheme (spec §2; src/domain/mujun/scheme.ts), as written: names optional ────────────────────────────────────

export type SchemeBody = api.MujunSchemeInput;
export type SchemeGroup = SchemeBody['groups'][number];
export type SchemeIndicator = SchemeGroup['indicators'][number];
export type SchemeAdjustment = NonNullable<SchemeGroup['adjustments']>[number];
export type SchemeVeto = NonNullable<SchemeGroup['vetoes']>[number];
export type SchemeClasses = SchemeGroup['classes'];
export type SchemeBenchmark = NonNullable<SchemeIndicator['benchmark']>;
export type SchemeScoring = SchemeIndicator['scoring'];
export type BenchmarkMethod = SchemeBenchmark['method'];
export const BENCHMARK_METHODS: readonly BenchmarkMethod[] = ['fixed', 'aggregate', 'mean', 'median', 'percentile'];
export type MissingPolicy = NonNullable<SchemeIndicator['missing']>;

export type MujunSchemeSummary = api.MujunSchemeSummary;
export type MujunSchemeDetail = api.MujunSchemeDetail;
export type SchemeProblem = api.MujunSchemeProblem;
export type SchemeValidation = api.MujunSchemeValidation;

// ─── 差别化政策 ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const POLICY_CATEGORIES: readonly PolicyCategory[] = ['electricity', 'water', 'land', 'credit', 'award', 'other'];

/** A policy as the editor holds it: the server's, without an id until saved. */
export type MujunPolicy = Omit<api.MujunPolicy, 'id'> & { id?: string };
