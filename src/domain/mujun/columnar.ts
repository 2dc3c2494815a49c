/**
 * The columnar form of an evaluation result (what `evaluateColumnar` returns): typed arrays over the table's rows and,
 * per group, over the group's scored members. 1,000,000 enterprises take ~200 MB here, where the object form
 * (`EvaluationResult`, one object per enterprise and per indicator) takes well over 1 GB.
 *
 * Reading it row by row without building the object form:
 *
 * ```ts
 * for (let i = 0; i < ev.n; i++) {
 *   const g = ev.group[i];                 // -1: no group
 *   const k = ev.member[i];                // ≥ 0 only for scored rows: position within ev.byGroup[g]
 *   const total = ev.total[i];             // NaN unless scored
 *   const cls = classOf(ev, i);            // string | null
 *   if (k >= 0) for (const ind of ev.byGroup[g]!.indicators) write(ind.value[k], ind.benchmark[k], ind.score[k]);
 * }
 * ```
 *
 * or `enterpriseResult(ev, i)` for one row as the object form (what `evaluate` returns for every row).
 */
import type { EnterpriseResult, GroupResult, IndicatorResult, Status } from './engine.js';
import type { Hero } from './scheme.js';

/**
 * Enterprise names kept as the input's UTF-8 bytes until someone reads `name` (the CSV writer copies the bytes instead):
 * row i's name is `bytes[start[i], end[i])` when `start[i]` ≥ 0 (valid UTF-8, trimmed, not empty, no `""`), else
 * `strings[i]`.
 */
export interface NameBytes {
  bytes: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  strings: readonly string[];
  /** false once the names were decoded (or replaced): the strings are what counts from then on */
  live: boolean;
}

const NAME_BYTES = new WeakMap<object, NameBytes>();

/** The names of a table or columnar result as bytes, while nothing has read them as strings. */
export function nameBytesOf(holder: object): NameBytes | undefined {
  const nb = NAME_BYTES.get(holder);
  return nb?.live ? nb : undefined;
}

/**
 * Makes `holder.name` the names decoded on first read (`decode`), then a plain property; until then `nameBytesOf(holder)`
 * gives their bytes. Assigning `name` replaces them.
 */
export function defineLazyNames(holder: { name: readonly string[] }, nb: NameBytes, decode: () => string[]): void {
  NAME_BYTES.set(holder, nb);
  const settle = (value: readonly string[]): void => {
    nb.live = false;
    NAME_BYTES.delete(holder);
    Object.defineProperty(holder, 'name', { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(holder, 'name', {
    enumerable: true,
    configurable: true,
    get(): readonly string[] {
      const value = decode();
      settle(value);
      return value;
    },
    set(value: readonly string[]) {
      settle(value);
    },
  });
}

/** `to.name = from.name`, keeping the names undecoded when they still are. */
export function shareNames(to: { name: readonly string[] }, from: { name: readonly string[] }): void {
  const nb = nameBytesOf(from);
  if (nb) defineLazyNames(to, nb, () => from.name as string[]);
  else to.name = from.name;
}

/** Status codes of `ColumnarEvaluation.status`. */
export const SCORED = 0;
export const EXEMPT = 1;
export const TENANT = 2;
export const UNEVALUATED = 3;
/** Status code → status. */
export const STATUSES: readonly Status[] = ['scored', 'exempt', 'tenant', 'unevaluated'];

export interface ColumnarIndicator {
  id: string;
  hero: Hero;
  /** minmax scoring: no benchmark is reported */
  minmax: boolean;
  /** per member; NaN = missing */
  value: Float64Array;
  /** per member, the benchmark applied to it (its division's under `by: industry`); NaN = null */
  benchmark: Float64Array;
  /** per member */
  score: Float64Array;
}

export interface ColumnarAdjustment {
  id: string;
  /** a flag adjustment's points, or a field adjustment's points per member (valid where its mask bit is set) */
  points: number | Float64Array;
}

export interface ColumnarGroup {
  id: string;
  /** table rows of the group's scored enterprises, ascending */
  members: Int32Array;
  indicators: ColumnarIndicator[];
  /** the group's adjustments in scheme order: bit j of a row's adjustment mask is adjustment j */
  adjustments: ColumnarAdjustment[];
  /** the group's veto ids in scheme order: bit j of a row's veto mask is veto j */
  vetoes: string[];
}

export interface ColumnarEvaluation {
  scheme: string;
  /** number of rows (enterprises) */
  n: number;
  uscc: readonly string[];
  name: readonly string[];
  /** per group: n, benchmarks, class counts (as in `EvaluationResult`) */
  groups: GroupResult[];
  /** per group: members and per-member indicator detail */
  byGroup: ColumnarGroup[];
  warnings: string[];
  /** per row: SCORED | EXEMPT | TENANT | UNEVALUATED (see STATUSES) */
  status: Uint8Array;
  /** per row: index into `byGroup` of the first group whose filter holds, −1 for none */
  group: Int16Array;
  /** per row: position within its group's members, −1 unless scored */
  member: Int32Array;
  /** per row: rounded total, NaN unless scored */
  total: Float64Array;
  /** per row: hero sub-totals, NaN unless scored */
  heroes: Record<Hero, Float64Array>;
  /** per row: competition rank within the group, 0 unless scored */
  rank: Int32Array;
  /** class labels; `classIndex` points into this list */
  classLabels: string[];
  /** per row: index into `classLabels`, −1 = null */
  classIndex: Int16Array;
  /** per row, `adjustmentWords` 32-bit words: bit j = adjustment j of its group applied */
  adjustmentMask: Uint32Array;
  adjustmentWords: number;
  /** per row, `vetoWords` 32-bit words: bit j = veto j of its group applies */
  vetoMask: Uint32Array;
  vetoWords: number;
}

export function statusOf(ev: ColumnarEvaluation, i: number): Status {
  return STATUSES[ev.status[i]!]!;
}

export function groupIdOf(ev: ColumnarEvaluation, i: number): string | null {
  const g = ev.group[i]!;
  return g >= 0 ? ev.byGroup[g]!.id : null;
}

export function classOf(ev: ColumnarEvaluation, i: number): string | null {
  const c = ev.classIndex[i]!;
  return c >= 0 ? ev.classLabels[c]! : null;
}

export function totalOf(ev: ColumnarEvaluation, i: number): number | null {
  const t = ev.total[i]!;
  return Number.isNaN(t) ? null : t;
}

export function rankOf(ev: ColumnarEvaluation, i: number): number | null {
  const r = ev.rank[i]!;
  return r > 0 ? r : null;
}

/** The adjustments applied to row `i`, in scheme order. */
export function adjustmentsOf(ev: ColumnarEvaluation, i: number): { id: string; points: number }[] {
  const out: { id: string; points: number }[] = [];
  const k = ev.member[i]!;
  if (k < 0) return out;
  const adj = ev.byGroup[ev.group[i]!]!.adjustments;
  const base = i * ev.adjustmentWords;
  for (let j = 0; j < adj.length; j++) {
    if ((ev.adjustmentMask[base + (j >>> 5)]! >>> (j & 31)) & 1) {
      const a = adj[j]!;
      out.push({ id: a.id, points: typeof a.points === 'number' ? a.points : a.points[k]! });
    }
  }
  return out;
}

/** The ids of the vetoes that apply to row `i`, in scheme order. */
export function vetoesOf(ev: ColumnarEvaluation, i: number): string[] {
  const out: string[] = [];
  if (ev.member[i]! < 0) return out;
  const ids = ev.byGroup[ev.group[i]!]!.vetoes;
  const base = i * ev.vetoWords;
  for (let j = 0; j < ids.length; j++) if ((ev.vetoMask[base + (j >>> 5)]! >>> (j & 31)) & 1) out.push(ids[j]!);
  return out;
}

/** Row `i` in the object form of `EvaluationResult.results`. */
export function enterpriseResult(ev: ColumnarEvaluation, i: number): EnterpriseResult {
  const k = ev.member[i]!;
  const r: EnterpriseResult = {
    uscc: ev.uscc[i]!,
    name: ev.name[i] ?? '',
    group: groupIdOf(ev, i),
    status: statusOf(ev, i),
    total: null,
    rank: null,
    class: classOf(ev, i),
    heroes: null,
    indicators: {},
    adjustments: [],
    vetoes: [],
  };
  if (k < 0) return r;
  r.total = ev.total[i]!;
  r.rank = ev.rank[i]!;
  const h = ev.heroes;
  r.heroes = { mujun: h.mujun[i]!, ditan: h.ditan[i]!, keji: h.keji[i]!, renjun: h.renjun[i]! };
  for (const ind of ev.byGroup[ev.group[i]!]!.indicators) {
    const v = ind.value[k]!;
    const b = ind.benchmark[k]!;
    const res: IndicatorResult = {
      value: Number.isNaN(v) ? null : v,
      benchmark: ind.minmax || Number.isNaN(b) ? null : b,
      score: ind.score[k]!,
    };
    r.indicators[ind.id] = res;
  }
  r.adjustments = adjustmentsOf(ev, i);
  r.vetoes = vetoesOf(ev, i);
  return r;
}
