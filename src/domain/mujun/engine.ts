/**
 * 亩均论英雄 evaluation engine (normative definition: shared/spec/mujun-evaluation.md). Pure: no I/O.
 * Steps: status & group (§2.1) → indicator values (§2.2) → benchmarks (§2.3) → scores (§2.4) →
 * totals, heroes, adjustments, rounding (§2.5) → rank, class, vetoes (§2.6) → exempt & tenant classes → output (§3).
 */
import { DEFAULT_TEXT_FIELDS, evalArith, evalFilter, parseArith, parseFilter, type Columns } from './expr.js';
import { HEROES, type Benchmark, type Hero, type Indicator, type Scheme } from './scheme.js';

export interface MujunTable {
  uscc: string[];
  name: string[];
  /** numeric columns, NaN = missing (land_mu, tax, …, tenants and any extra numeric column) */
  columns: Record<string, Float64Array>;
  /** text columns, '' = missing (town, industry, scale, landlord_uscc, flags, …) */
  text: Record<string, string[]>;
}

export type Status = 'scored' | 'exempt' | 'tenant' | 'unevaluated';

export interface IndicatorResult {
  value: number | null;
  benchmark: number | null;
  score: number;
}

export interface EnterpriseResult {
  uscc: string;
  name: string;
  group: string | null;
  status: Status;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: Record<Hero, number> | null;
  indicators: Record<string, IndicatorResult>;
  adjustments: { id: string; points: number }[];
  vetoes: string[];
}

export interface GroupResult {
  id: string;
  n: number;
  benchmarks: Record<string, number | null>;
  classCounts: Record<string, number>;
}

export interface EvaluationResult {
  scheme: string;
  groups: GroupResult[];
  results: EnterpriseResult[];
  warnings: string[];
}

/** Round half away from zero to `dp` places; toPrecision(15) first strips binary noise (1.00005 → 1.0001). */
export function roundHalfAway(x: number, dp: number): number {
  const f = 10 ** dp;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 ? -r : r;
}

/** Linear interpolation between closest ranks (numpy default / Excel PERCENTILE.INC). `sorted` ascending, p in 0–100. */
export function percentileInc(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Competition ranking ("1224"), descending. */
export function competitionRanks(totals: readonly number[]): number[] {
  const order = totals.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]!);
  const ranks = new Array<number>(totals.length);
  order.forEach((idx, k) => {
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[idx] = k > 0 && totals[prev] === totals[idx] ? ranks[prev]! : k + 1;
  });
  return ranks;
}

export function percentileClass(rank: number, n: number, bands: readonly (readonly [string, number])[]): string | null {
  for (const [cls, share] of bands) if (rank <= Math.ceil(roundHalfAway(share * n, 9))) return cls;
  return null;
}

export function thresholdClass(total: number, bands: readonly (readonly [string, number | null])[]): string | null {
  for (const [cls, min] of bands) if (min === null || total >= min) return cls;
  return null;
}

/** Benchmark over a set of valued enterprises (before the multiplier). NaN when it cannot be computed. */
function rawBenchmark(b: Benchmark, idx: readonly number[], value: Float64Array, num: Float64Array, den: Float64Array): number {
  switch (b.method) {
    case 'fixed':
      return b.value ?? NaN;
    case 'aggregate': {
      if (idx.length === 0) return NaN;
      let sn = 0;
      let sd = 0;
      for (const i of idx) {
        sn += num[i]!;
        sd += den[i]!;
      }
      return sd > 0 ? sn / sd : NaN;
    }
    case 'mean': {
      if (idx.length === 0) return NaN;
      let s = 0;
      for (const i of idx) s += value[i]!;
      return s / idx.length;
    }
    case 'median':
      return percentileInc(sortedValues(idx, value), 50);
    case 'percentile':
      return percentileInc(sortedValues(idx, value), b.p ?? NaN);
  }
}

function sortedValues(idx: readonly number[], value: Float64Array): number[] {
  return idx.map((i) => value[i]!).sort((a, b) => a - b);
}

export function evaluate(scheme: Scheme, table: MujunTable): EvaluationResult {
  const n = table.uscc.length;
  const warnings: string[] = [];
  const cols: Columns = { n, numbers: table.columns, text: table.text };
  const textFields = new Set([...DEFAULT_TEXT_FIELDS, ...Object.keys(table.text)]);
  const txt = (key: string, i: number): string => (table.text[key]?.[i] ?? '').trim();
  const flags = Array.from(
    { length: n },
    (_, i) =>
      new Set(
        txt('flags', i)
          .split(';')
          .map((f) => f.trim())
          .filter(Boolean),
      ),
  );
  const landMu = table.columns['land_mu'];
  const usccIndex = new Map<string, number>();
  table.uscc.forEach((u, i) => usccIndex.set(u, i));

  // §2.1 group: the first group whose filter holds (reported for every status)
  const groupOf = new Int32Array(n).fill(-1);
  scheme.groups.forEach((g, gi) => {
    const mask = evalFilter(parseFilter(g.filter, `groups[${gi}].filter`, textFields), cols, `groups[${gi}].filter`);
    for (let i = 0; i < n; i++) if (groupOf[i] === -1 && mask[i]) groupOf[i] = gi;
  });

  // §2.1 status
  const status: Status[] = new Array<Status>(n);
  const landlordOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const land = landMu ? landMu[i]! : NaN;
    const landlord = usccIndex.get(txt('landlord_uscc', i));
    if (scheme.exempt && flags[i]!.has(scheme.exempt.flag)) status[i] = 'exempt';
    else if (scheme.tenantsTakeLandlordClass && (Number.isNaN(land) || land === 0) && landlord !== undefined) {
      status[i] = 'tenant';
      landlordOf[i] = landlord;
    } else status[i] = groupOf[i]! >= 0 ? 'scored' : 'unevaluated';
  }

  const results: EnterpriseResult[] = table.uscc.map((uscc, i) => ({
    uscc,
    name: table.name[i] ?? '',
    group: groupOf[i]! >= 0 ? scheme.groups[groupOf[i]!]!.id : null,
    status: status[i]!,
    total: null,
    rank: null,
    class: null,
    heroes: null,
    indicators: {},
    adjustments: [],
    vetoes: [],
  }));
  const classOf: (string | null)[] = new Array<string | null>(n).fill(null);

  const groups: GroupResult[] = scheme.groups.map((g, gi) => {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (groupOf[i] === gi && status[i] === 'scored') members.push(i);
    const m = members.length;
    const W = g.indicators.reduce((s, x) => s + x.weight, 0);
    const sum = new Float64Array(m);
    const excludedW = new Float64Array(m);
    const heroSum = HEROES.map(() => new Float64Array(m));
    const benchmarks: Record<string, number | null> = {};
    const perIndicator: { ind: Indicator; value: Float64Array; bench: Float64Array; score: Float64Array }[] = [];

    g.indicators.forEach((ind, ii) => {
      const ip = `groups[${gi}].indicators[${ii}]`;
      // §2.2 value
      const num = evalArith(parseArith(ind.numerator, `${ip}.numerator`, textFields), cols, `${ip}.numerator`);
      const den =
        ind.denominator === undefined
          ? new Float64Array(n).fill(1)
          : evalArith(parseArith(ind.denominator, `${ip}.denominator`, textFields), cols, `${ip}.denominator`);
      const value = new Float64Array(m);
      const valued: number[] = []; // table indices
      const valuedPos: number[] = []; // positions in members
      members.forEach((i, k) => {
        const a = num[i]!;
        const d = den[i]!;
        const v = Number.isFinite(a) && Number.isFinite(d) && d > 0 ? a / d : NaN;
        value[k] = v;
        if (!Number.isNaN(v)) {
          valued.push(i);
          valuedPos.push(k);
        }
      });
      const fullValue = new Float64Array(n).fill(NaN);
      members.forEach((i, k) => (fullValue[i] = value[k]!));

      // §2.3 benchmark (per enterprise)
      const bench = new Float64Array(m).fill(NaN);
      const isMinmax = ind.scoring.method === 'minmax';
      if (!isMinmax && ind.benchmark) {
        const b = ind.benchmark;
        const mult = b.multiplier ?? 1;
        const groupB = rawBenchmark(b, valued, fullValue, num, den) * mult;
        benchmarks[ind.id] = Number.isNaN(groupB) ? null : groupB;
        bench.fill(groupB);
        if (b.by === 'industry') {
          const minCount = b.minCount ?? 5;
          const byDiv = new Map<string, number[]>();
          for (const i of valued) {
            const d = txt('industry', i).slice(0, 3);
            if (d === '') continue;
            const list = byDiv.get(d) ?? [];
            list.push(i);
            byDiv.set(d, list);
          }
          const divB = new Map<string, number>();
          for (const [d, list] of byDiv)
            if (list.length >= minCount) divB.set(d, rawBenchmark(b, list, fullValue, num, den) * mult);
          members.forEach((i, k) => {
            const v = divB.get(txt('industry', i).slice(0, 3));
            if (v !== undefined) bench[k] = v;
          });
        }
      } else {
        benchmarks[ind.id] = null;
      }

      // §2.4 score
      const w = ind.weight;
      const score = new Float64Array(m);
      const missing = new Uint8Array(m);
      let warned = false;
      if (isMinmax) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const k of valuedPos) {
          lo = Math.min(lo, value[k]!);
          hi = Math.max(hi, value[k]!);
        }
        const floor = ind.scoring.floor ?? 0.2;
        for (let k = 0; k < m; k++) {
          const x = value[k]!;
          if (Number.isNaN(x)) missing[k] = 1;
          else if (hi === lo) score[k] = w;
          else {
            const t = ind.direction === 'higher' ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
            score[k] = w * (floor + (1 - floor) * t);
          }
        }
      } else {
        const cap = ind.scoring.cap ?? Infinity;
        for (let k = 0; k < m; k++) {
          const b = bench[k]!;
          const x = value[k]!;
          if (!(b > 0)) {
            score[k] = w; // invalid / missing benchmark: everyone gets w
            if (!warned) {
              warnings.push(`分组 ${g.id} 指标 ${ind.id} 的基准${Number.isNaN(b) ? '缺失' : `为 ${b}`}，按满分 ${w} 计`);
              warned = true;
            }
          } else if (Number.isNaN(x)) missing[k] = 1;
          else if (ind.direction === 'higher') score[k] = w * Math.max(0, Math.min(x / b, cap));
          else score[k] = w * Math.max(0, Math.min(2 - x / b, cap));
        }
      }
      const policy = ind.missing ?? 'zero';
      if (policy === 'mean') {
        let s = 0;
        let c = 0;
        for (let k = 0; k < m; k++)
          if (!missing[k]) {
            s += score[k]!;
            c++;
          }
        const meanScore = c > 0 ? s / c : 0;
        for (let k = 0; k < m; k++) if (missing[k]) score[k] = meanScore;
      } else if (policy === 'exclude') {
        for (let k = 0; k < m; k++) if (missing[k]) excludedW[k] = excludedW[k]! + w;
      }
      const h = heroSum[HEROES.indexOf(ind.hero)]!;
      for (let k = 0; k < m; k++) {
        sum[k] = sum[k]! + score[k]!;
        h[k] = h[k]! + score[k]!;
      }
      perIndicator.push({ ind, value, bench, score });
    });

    // §2.5 totals
    const totals: number[] = new Array<number>(m);
    members.forEach((i, k) => {
      const rest = W - excludedW[k]!;
      const factor = excludedW[k]! > 0 && rest > 0 ? W / rest : 1;
      const r = results[i]!;
      let adj = 0;
      for (const a of g.adjustments ?? []) {
        if ('flag' in a) {
          if (flags[i]!.has(a.flag)) {
            adj += a.points;
            r.adjustments.push({ id: a.id, points: a.points });
          }
        } else {
          const v = table.columns[a.field]?.[i] ?? NaN;
          if (Number.isNaN(v)) continue;
          const pts = a.per * Math.max(0, v - (a.beyond ?? 0));
          if (pts !== 0) {
            adj += pts;
            r.adjustments.push({ id: a.id, points: pts });
          }
        }
      }
      totals[k] = roundHalfAway(sum[k]! * factor + adj, 4);
      r.total = totals[k]!;
      r.heroes = { mujun: 0, ditan: 0, keji: 0, renjun: 0 };
      HEROES.forEach((hh, hi) => (r.heroes![hh] = heroSum[hi]![k]! * factor));
      for (const p of perIndicator) {
        const v = p.value[k]!;
        const b = p.bench[k]!;
        r.indicators[p.ind.id] = {
          value: Number.isNaN(v) ? null : v,
          benchmark: p.ind.scoring.method === 'minmax' || Number.isNaN(b) ? null : b,
          score: p.score[k]!,
        };
      }
    });

    // §2.6 rank, class, vetoes
    const ranks = competitionRanks(totals);
    const classCounts: Record<string, number> = {};
    members.forEach((i, k) => {
      const r = results[i]!;
      r.rank = ranks[k]!;
      let cls =
        g.classes.method === 'percentile'
          ? percentileClass(ranks[k]!, m, g.classes.bands)
          : thresholdClass(totals[k]!, g.classes.bands);
      for (const v of g.vetoes ?? []) {
        if (flags[i]!.has(v.flag)) {
          if (r.vetoes.length === 0) cls = v.class;
          r.vetoes.push(v.id);
        }
      }
      r.class = cls;
      classOf[i] = cls;
      if (cls !== null) classCounts[cls] = (classCounts[cls] ?? 0) + 1;
    });
    return { id: g.id, n: m, benchmarks, classCounts };
  });

  // exempt and tenant classes
  for (let i = 0; i < n; i++) {
    if (status[i] === 'exempt') results[i]!.class = scheme.exempt!.class;
    else if (status[i] === 'tenant') {
      const seen = new Set<number>([i]);
      let j = landlordOf[i]!;
      let cls: string | null = null;
      while (true) {
        if (seen.has(j)) break; // cycle
        seen.add(j);
        if (status[j] === 'tenant') {
          j = landlordOf[j]!;
          continue;
        }
        cls = status[j] === 'exempt' ? scheme.exempt!.class : classOf[j]!;
        break;
      }
      results[i]!.class = cls;
    }
  }

  return { scheme: scheme.id, groups, results, warnings };
}
