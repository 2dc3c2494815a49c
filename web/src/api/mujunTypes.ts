// 亩均论英雄 shapes, from the shared contract (/api/mujun). Keep in step with src/services/mujun.

export type Hero = 'mujun' | 'ditan' | 'keji' | 'renjun';
export const HEROES: readonly Hero[] = ['mujun', 'ditan', 'keji', 'renjun'];

export type EnterpriseStatus = 'scored' | 'exempt' | 'tenant' | 'unevaluated';

/** A department that sends part of the yearly data (src/domain/mujun/sources.ts). */
export interface MujunSource {
  id: string;
  zh: string;
  en: string;
  fields: readonly string[];
}

/** An input field (src/domain/mujun/fields.ts). */
export interface MujunField {
  key: string;
  zh: string;
  type: 'text' | 'number' | 'nonneg' | 'int' | 'scale' | 'uscc';
  required?: boolean;
}

export interface MujunMeta {
  sources: MujunSource[];
  fields: MujunField[];
  /** flag → Chinese label */
  flags: Record<string, string>;
  /** years with uploads or runs, newest first */
  years: number[];
  classes: string[];
}

export interface RunIndicator {
  id: string;
  name: string;
  hero: Hero;
  unit?: string | null;
  weight: number;
  /** the benchmark applied (enterprise answer only) */
  benchmark?: number | null;
}

export interface RunGroup {
  id: string;
  name: string;
  n: number;
  benchmarks?: Record<string, number | null>;
  classCounts: Record<string, number>;
}

export interface RunSummary {
  id: string;
  year: number;
  version: number;
  schemeId: string;
  schemeCode: string;
  schemeVersion: number;
  schemeName: string;
  parentRunId: string | null;
  reason: string | null;
  enterpriseCount: number;
  groups: RunGroup[];
  warnings: string[];
  createdByName: string;
  createdAt: string;
}

export interface RunDetail extends RunSummary {
  /** per group id */
  indicators?: Record<string, RunIndicator[]>;
}

export interface HeroScores {
  mujun: number | null;
  ditan: number | null;
  keji: number | null;
  renjun: number | null;
}

export interface ResultRow {
  uscc: string;
  name: string;
  town: string | null;
  industry: string | null;
  scale: string | null;
  group: string | null;
  status: EnterpriseStatus;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: HeroScores | null;
  vetoes: string[];
}

export type ResultSort = 'rank' | '-total' | 'total' | 'name';

export interface Distribution {
  groups: { id: string; name: string; n: number; classCounts: Record<string, number> }[];
  overall: Record<string, number>;
}

export interface AggregateRow {
  key: string;
  label: string;
  /** scored enterprises */
  n: number;
  /** every visible enterprise of the key, whatever its status */
  enterprises?: number;
  classCounts: Record<string, number>;
  meanTotal: number | null;
  land_mu: number | null;
  tax: number | null;
  value_added: number | null;
  taxPerMu: number | null;
  vaPerMu: number | null;
}

export interface IndicatorResult {
  value: number | null;
  benchmark: number | null;
  score: number;
}

export interface EnterpriseResult {
  uscc: string;
  name: string;
  town?: string | null;
  industry?: string | null;
  scale?: string | null;
  group: string | null;
  status: EnterpriseStatus;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: Record<Hero, number> | null;
  indicators: Record<string, IndicatorResult>;
  adjustments: { id: string; points: number; name?: string }[];
  vetoes: string[];
  vetoDetails?: { id: string; name: string; class: string }[];
}

export interface Uplift {
  indicatorId: string;
  name: string;
  unit: string | null;
  current: number | null;
  target: number | null;
  delta: number | null;
  possible: boolean;
  reason?: string;
}

export interface UpliftAnswer {
  uscc: string;
  currentClass: string | null;
  nextClass: string | null;
  neededPoints: number | null;
  items: Uplift[];
  note?: string;
}

export interface TrendPoint {
  year: number;
  runId: string;
  version: number;
  total: number | null;
  rank: number | null;
  n: number | null;
  class: string | null;
}

export type PolicyCategory = 'electricity' | 'water' | 'land' | 'credit' | 'award' | 'other';

export interface ClassPolicy {
  category: PolicyCategory | string;
  measure: string;
  department: string | null;
}

export interface EnterpriseReport {
  run: { id: string; year: number; version: number; schemeName?: string };
  result: EnterpriseResult;
  input: Record<string, string | number | null> | null;
  group: {
    id: string;
    name: string;
    n: number;
    indicators: RunIndicator[];
    /** names of adjustments and vetoes, when the server sends them */
    adjustments?: { id: string; name: string }[];
    vetoes?: { id: string; name: string; class?: string }[];
  } | null;
  radar: { heroes: Hero[]; enterprise: number[]; groupMean: number[]; max: number[] } | null;
  uplift: UpliftAnswer | null;
  trend: TrendPoint[];
  policies: ClassPolicy[];
}

export interface CompareItem {
  uscc: string;
  name: string;
  classA: string | null;
  classB: string | null;
  totalA: number | null;
  totalB: number | null;
  rankA: number | null;
  rankB: number | null;
}

export interface CompareAnswer {
  a: RunSummary;
  b: RunSummary;
  /** the classes of both runs in order ('-': no class) */
  classes?: string[];
  matrix: Record<string, Record<string, number>>;
  items: CompareItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type AppealKind = 'value' | 'class';
export type AppealStatus = 'pending' | 'accepted' | 'rejected';

export interface Appeal {
  id: string;
  runId: string;
  year: number;
  uscc: string;
  name: string;
  kind: AppealKind;
  field: string | null;
  claimedValue: string | null;
  reason: string;
  evidenceName: string | null;
  status: AppealStatus;
  decisionReason: string | null;
  filedByName: string;
  filedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  newRunId: string | null;
}
