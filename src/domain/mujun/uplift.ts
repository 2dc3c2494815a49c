/**
 * "What would move it up" (提档测算) for the 亩均 evaluation (spec shared/spec/mujun-evaluation.md §2.4–§2.6).
 *
 * For one scored enterprise of a run and each indicator of its group: the smallest change of that indicator's value
 * alone that lifts the enterprise to the next better class, computed exactly against the run's boundaries. Everything
 * else is held as in the run: benchmarks, min/max of `minmax` indicators, the other enterprises' totals and ranks, the
 * enterprise's other indicator scores and its adjustments. Pure: no I/O.
 */
import { roundHalfAway, type EnterpriseResult, type EvaluationResult } from './engine.js';
import type { Group, Indicator, Scheme } from './scheme.js';

export interface Uplift {
  indicatorId: string;
  name: string;
  unit: string | null;
  /** the indicator's value in the run (null = missing) */
  current: number | null;
  /** the value (alone) that lifts the enterprise to the next class; null when impossible */
  target: number | null;
  /** target − current; null when either is null */
  delta: number | null;
  possible: boolean;
  /** why it is impossible (Chinese, user-facing) */
  reason?: string;
}

export interface UpliftAnswer {
  uscc: string;
  currentClass: string | null;
  nextClass: string | null;
  /** the rounded total it must reach minus its rounded total */
  neededPoints: number | null;
  items: Uplift[];
  note?: string;
}

/** Half of the last place the engine keeps: a total u is reported as roundHalfAway(u, 4). */
const HALF_PLACE = 0.00005;

const STATUS_NOTE: Record<'exempt' | 'tenant' | 'unevaluated', string> = {
  exempt: '该企业为免评企业，不参与评分和排名，档次按方案规定，不存在指标提档',
  tenant: '该企业为承租企业，随出租方定档，不参与评分；请查看出租方的提档测算',
  unevaluated: '该企业不属于任何评价分组，未参与评分定档',
};

/** The largest rank a percentile band holds (spec §2.6: r ≤ ceil(share × n), the product rounded to 9 places). */
function percentileCut(share: number, n: number): number {
  return Math.ceil(roundHalfAway(share * n, 9));
}

/**
 * The band the enterprise is in before vetoes (index into the group's bands; bands.length = below every band, class
 * null), the band to aim for, and the smallest reported (rounded) total that puts it there.
 */
function nextBand(
  g: Group,
  e: EnterpriseResult,
  members: readonly EnterpriseResult[],
): { nextClass: string; reach: number } | null {
  const total = e.total!;
  if (g.classes.method === 'percentile') {
    const bands = g.classes.bands;
    const n = members.length;
    let k = bands.findIndex(([, share]) => e.rank! <= percentileCut(share, n));
    if (k < 0) k = bands.length;
    let next = k - 1;
    while (next > 0 && bands[next]![0] === e.class) next--; // a repeated class name is not a better class
    if (next < 0 || bands[next]![0] === e.class) return null;
    const cut = percentileCut(bands[next]![1], n);
    // Why the lowest total T among the enterprises ranked within the cut is exactly enough (other totals held):
    // its rank after the change is 1 + #{others with a total strictly greater than its new total}.
    // - With total T: the others above T are exactly those ranked before T's tie group, i.e. rank(T) − 1 of them, and
    //   it ties with T's group, so its rank is rank(T) ≤ cut. (It was not among them: its rank was > cut, so its total
    //   was below T.)
    // - With any total below T: every enterprise ranked ≤ cut has a total ≥ T and there are at least `cut` of them
    //   (competition ranks: the enterprise at sorted position `cut` has rank ≤ cut), so its rank is ≥ cut + 1.
    // Reaching T may land it in a still better band when the aimed band is empty because of ties; no smaller total
    // reaches the aimed band then either.
    let reach = Infinity;
    for (const r of members) if (r.rank! <= cut && r.total! < reach) reach = r.total!;
    return reach > total ? { nextClass: bands[next]![0], reach } : null;
  }
  const bands = g.classes.bands;
  let k = bands.findIndex(([, min]) => min === null || total >= min);
  if (k < 0) k = bands.length;
  let next = k - 1;
  while (next > 0 && bands[next]![0] === e.class) next--;
  if (next < 0 || bands[next]![0] === e.class) return null;
  const min = bands[next]![1];
  if (min === null) return null; // only the last band may lack a minimum, and it is never a better band
  // the smallest number the engine can report (4 places) that is ≥ min
  let reach = roundHalfAway(min, 4);
  while (reach < min) reach = roundHalfAway(reach + 1e-4, 4);
  return { nextClass: bands[next]![0], reach };
}

interface Context {
  g: Group;
  e: EnterpriseResult;
  members: readonly EnterpriseResult[];
  W: number;
  adj: number;
  scores: number[];
  excluded: boolean[];
}

/** The unrounded total as the engine forms it, with indicator `i` scoring `s` and valued. */
function totalWith(c: Context, i: number, s: number): number {
  let sum = 0;
  let excludedW = 0;
  c.g.indicators.forEach((ind, j) => {
    sum += j === i ? s : c.scores[j]!;
    if (j !== i && c.excluded[j]) excludedW += ind.weight;
  });
  const rest = c.W - excludedW;
  const factor = excludedW > 0 && rest > 0 ? c.W / rest : 1;
  return sum * factor + c.adj;
}

/** The ratio benchmark applied to the enterprise, when valid (> 0). */
function validBenchmark(c: Context, ind: Indicator): number | null {
  const b = c.e.indicators[ind.id]?.benchmark ?? null;
  return b !== null && b > 0 ? b : null;
}

function minMaxOf(c: Context, ind: Indicator): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of c.members) {
    const v = r.indicators[ind.id]?.value ?? null;
    if (v === null) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo <= hi ? { lo, hi } : null;
}

/**
 * The indicator's scoring with everything but its value held: score(x), the best score a value can get, the value that
 * scores s (inverse), and the direction that improves it (+1: increase the value).
 */
interface Scoring {
  score(x: number): number;
  max: number;
  inverse(s: number): number;
  dir: 1 | -1;
}

function scoringOf(c: Context, ind: Indicator): Scoring | { reason: string } {
  const w = ind.weight;
  if (ind.scoring.method === 'ratio') {
    const b = validBenchmark(c, ind);
    if (b === null) return { reason: '该指标基准缺失或不大于 0，所有企业该项均按满分计，调整数值不改变得分' };
    const cap = ind.scoring.cap ?? Infinity;
    if (ind.direction === 'higher')
      return {
        score: (x) => w * Math.max(0, Math.min(x / b, cap)),
        max: w * Math.max(0, cap),
        inverse: (s) => (b * s) / w,
        dir: 1,
      };
    // lower: an intensity cannot go below 0, so the best score is w × min(2, cap) (at x = 0 without a smaller cap)
    return {
      score: (x) => w * Math.max(0, Math.min(2 - x / b, cap)),
      max: w * Math.max(0, Math.min(2, cap)),
      inverse: (s) => b * (2 - s / w),
      dir: -1,
    };
  }
  const mm = minMaxOf(c, ind);
  if (mm === null) return { reason: '组内该指标没有有效数值，无法测算' };
  const { lo, hi } = mm;
  const floor = ind.scoring.floor ?? 0.2;
  const higher = ind.direction === 'higher';
  // Its own score: a value beyond the run's min/max would become the new extreme, so t is clamped to [0, 1]:
  // the score never exceeds w.
  const score = (x: number): number => {
    if (hi === lo) return w;
    const t = Math.min(1, Math.max(0, higher ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo)));
    return w * (floor + (1 - floor) * t);
  };
  const inverse = (s: number): number => {
    if (hi === lo || floor >= 1) return higher ? lo : hi; // every value scores the same
    const t = Math.min(1, Math.max(0, (s / w - floor) / (1 - floor)));
    return higher ? lo + t * (hi - lo) : hi - t * (hi - lo);
  };
  return { score, max: w, inverse, dir: higher ? 1 : -1 };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function upliftOne(c: Context, i: number, reach: number): Uplift {
  const ind = c.g.indicators[i]!;
  const cur = c.e.indicators[ind.id];
  const current = cur?.value ?? null;
  const base = { indicatorId: ind.id, name: ind.name, unit: ind.unit ?? null, current };
  const no = (reason: string): Uplift => ({ ...base, target: null, delta: null, possible: false, reason });
  const sc = scoringOf(c, ind);
  if ('reason' in sc) return no(sc.reason);

  const totalAt = (x: number): number => totalWith(c, i, sc.score(x));
  const reaches = (x: number): boolean => roundHalfAway(totalAt(x), 4) >= reach;
  // The unrounded total that rounds to `reach` (half away from zero: u ≥ reach − 0.00005 for u ≥ 0, u > reach − 0.00005
  // below 0), plus a margin of a few dozen ulps, far below any reported digit, so that a different summation order in
  // the engine cannot fall on the other side of the boundary. A value 1e-6 (relative) short of the target misses it.
  const goal = reach - HALF_PLACE + 1e-14 * Math.max(1, Math.abs(reach));
  const safe = (x: number): boolean => totalAt(x) >= goal;
  // undo the rescaling for excluded indicators: the total is linear in this indicator's score, with slope the
  // rescaling factor W / (W − Σ w of the indicators still excluded once this one is valued)
  const t0 = totalWith(c, i, 0);
  const slope = totalWith(c, i, 1) - t0;
  const need = (goal - t0) / slope; // the score this indicator must reach
  if (need > sc.max + 1e-12 * Math.max(1, sc.max)) {
    const now = cur?.score ?? 0;
    if (current !== null && now >= sc.max - 1e-9 * Math.max(1, sc.max)) return no('该指标已达封顶分，单项提升不足以升档');
    return no(`该指标单项最高 ${fmt(sc.max)} 分（当前 ${fmt(now)} 分），需 ${fmt(need)} 分，单项提升不足以升档`);
  }
  let x = sc.inverse(Math.min(need, sc.max));
  // floating point: step towards the better side until the total really clears the boundary
  let step = Math.max(Math.abs(x), 1e-9) * 1e-15;
  for (let k = 0; k < 80 && !safe(x); k++) {
    x += sc.dir * step;
    step *= 2;
  }
  if (!safe(x) && !reaches(x)) return no('数值上无法达到下一档次的分数线');
  // The shortest decimal within 1e-9 (relative) of x that still reaches the class even if the engine's total came out a
  // ulp lower (e.g. 19.999995 rather than 19.9999950000002: its total 199.99995 is a half at the 5th place, which
  // the engine's rounding takes up, as decimal arithmetic would).
  const robust = (y: number): boolean => {
    const u = totalAt(y);
    return roundHalfAway(u - 2.5e-16 * Math.abs(u), 4) >= reach; // one ulp lower
  };
  for (let sig = 1; sig <= 15; sig++) {
    const y = Number(x.toPrecision(sig));
    if (Math.abs(y - x) <= 1e-9 * Math.abs(x) && robust(y)) {
      x = y;
      break;
    }
  }
  return {
    ...base,
    target: x,
    delta: current === null ? null : Number((x - current).toPrecision(12)),
    possible: true,
  };
}

/** What change of each indicator alone would lift the enterprise `uscc` of this run to the next better class. */
export function upliftFor(scheme: Scheme, result: EvaluationResult, uscc: string): UpliftAnswer {
  const e = result.results.find((r) => r.uscc === uscc);
  const answer: UpliftAnswer = { uscc, currentClass: e?.class ?? null, nextClass: null, neededPoints: null, items: [] };
  if (!e) return { ...answer, note: '本次评价结果中没有该企业' };
  if (e.status !== 'scored') return { ...answer, note: STATUS_NOTE[e.status] };
  const g = scheme.groups.find((x) => x.id === e.group);
  if (!g || e.total === null || e.rank === null) return { ...answer, note: '评价方案与结果不一致，无法测算' };
  if (e.vetoes.length > 0) return { ...answer, note: '因否决项定档，指标提升不改变档次' };

  const members = result.results.filter((r) => r.status === 'scored' && r.group === g.id);
  const next = nextBand(g, e, members);
  if (next === null) return { ...answer, note: '已是最高档次' };

  const c: Context = {
    g,
    e,
    members,
    W: g.indicators.reduce((s, x) => s + x.weight, 0),
    adj: e.adjustments.reduce((s, a) => s + a.points, 0),
    scores: g.indicators.map((ind) => e.indicators[ind.id]?.score ?? 0),
    // excluded (spec §2.4 "exclude"): missing, policy exclude, and actually scored (a ratio indicator with an invalid
    // benchmark scores w for everyone and is not excluded)
    excluded: g.indicators.map((ind) => {
      const r = e.indicators[ind.id];
      if (ind.missing !== 'exclude' || !r || r.value !== null) return false;
      return ind.scoring.method === 'minmax' || (r.benchmark !== null && r.benchmark > 0);
    }),
  };
  return {
    ...answer,
    nextClass: next.nextClass,
    neededPoints: roundHalfAway(next.reach - e.total, 4),
    items: g.indicators.map((_, i) => upliftOne(c, i, next.reach)),
  };
}
