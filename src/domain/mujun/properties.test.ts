/**
 * Property tests (fast-check) of the 亩均 engine against the spec (shared/spec/mujun-evaluation.md §2.4–§2.6):
 * random schemes (1–2 groups, 1–4 indicators, every scoring, benchmark and missing-value option, adjustments, vetoes,
 * percentile and threshold classes, exemption and tenants) over random tables (5–60 rows with missing values, a few
 * industry divisions, flags).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type EnterpriseResult, type EvaluationResult } from './engine.js';
import { HEROES, type Adjustment, type Benchmark, type Group, type Indicator, type Scheme } from './scheme.js';
import { makeTable, type Row } from './testkit.js';

// ───────────────────────────── generators ─────────────────────────────

const CLASSES = ['A', 'B', 'C', 'D'];
const DIVISIONS = ['C3011', 'C3072', 'C1810', 'C1820', 'C2611', 'C2612', ''];
const FLAGS = ['high_tech', 'specialized', 'safety_accident', 'pollution', 'exempt'];

interface GenOptions {
  /** adjustments may subtract points */
  negative: boolean;
  vetoes: boolean;
  classes: 'percentile' | 'threshold' | 'any';
}

/** small integers (many ties) or two-decimal numbers in [min, max] */
const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: Math.max(0, min), max: Math.min(10, max) }),
    fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100),
  );
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 7 });

const benchmarkArb: fc.Arbitrary<Benchmark> = fc
  .record({
    method: fc.constantFrom('fixed' as const, 'aggregate' as const, 'mean' as const, 'median' as const, 'percentile' as const),
    value: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 2000 }).map((x) => x / 100) },
      { weight: 1, arbitrary: fc.constantFrom(0, -1) },
    ),
    p: fc.integer({ min: 0, max: 100 }),
    multiplier: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }),
    byIndustry: fc.boolean(),
    minCount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map((r) => {
    const b: Benchmark = { method: r.method };
    if (r.method === 'fixed') b.value = r.value;
    if (r.method === 'percentile') b.p = r.p;
    if (r.multiplier !== undefined) b.multiplier = r.multiplier;
    if (r.byIndustry) {
      b.by = 'industry';
      if (r.minCount !== undefined) b.minCount = r.minCount;
    }
    return b;
  });

const indicatorArb = (k: number): fc.Arbitrary<Indicator> =>
  fc
    .record({
      hero: fc.constantFrom(...HEROES),
      numerator: fc.constantFrom('tax', 'value_added', 'rd_expense * 100', 'tax + value_added'),
      denominator: fc.constantFrom('land_mu', 'energy_tce', 'employees', undefined),
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      weight: fc.integer({ min: 1, max: 40 }),
      minmax: fc.boolean(),
      cap: fc.option(fc.constantFrom(1, 1.5, 2), { nil: undefined }),
      floor: fc.option(fc.constantFrom(0, 0.2, 0.5, 1), { nil: undefined }),
      benchmark: benchmarkArb,
      missing: fc.constantFrom(undefined, 'zero' as const, 'mean' as const, 'exclude' as const),
    })
    .map((r) => {
      const x: Indicator = {
        id: `i${k}`,
        name: `指标${k}`,
        hero: r.hero,
        numerator: r.numerator,
        direction: r.direction,
        weight: r.weight,
        scoring: r.minmax ? { method: 'minmax' } : { method: 'ratio' },
      };
      if (r.denominator !== undefined) x.denominator = r.denominator;
      if (r.minmax) {
        if (r.floor !== undefined) x.scoring.floor = r.floor;
      } else {
        x.benchmark = r.benchmark;
        if (r.cap !== undefined) x.scoring.cap = r.cap;
      }
      if (r.missing !== undefined) x.missing = r.missing;
      return x;
    });

const adjustmentsArb = (negative: boolean): fc.Arbitrary<Adjustment[]> => {
  const lo = negative ? -5 : 0;
  return fc
    .array(
      fc.oneof(
        fc.record({ flag: fc.constantFrom('high_tech', 'specialized'), points: fc.integer({ min: lo, max: 5 }) }),
        fc.record({
          field: fc.constant('tenants'),
          per: fc.integer({ min: lo, max: 5 }),
          beyond: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        }),
      ),
      { maxLength: 3 },
    )
    .map((list) =>
      list.map((a, k): Adjustment => {
        if ('flag' in a) return { id: `a${k}`, name: `加减分${k}`, flag: a.flag, points: a.points };
        const f: Adjustment = { id: `a${k}`, name: `加减分${k}`, field: a.field, per: a.per };
        if (a.beyond !== undefined) f.beyond = a.beyond;
        return f;
      }),
    );
};

const percentileClassesArb: fc.Arbitrary<Group['classes']> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([xs, full]) => {
    const shares = [...xs].sort((a, b) => a - b);
    if (full && shares[shares.length - 1] !== 100) shares[shares.length - 1] = 100; // still strictly increasing
    return { method: 'percentile' as const, bands: shares.map((x, i): [string, number] => [CLASSES[i]!, x / 100]) };
  });

const thresholdClassesArb: fc.Arbitrary<Group['classes']> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: -200, max: 3000 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([xs, open]) => {
    const bands: [string, number | null][] = [...xs].sort((a, b) => b - a).map((x, i) => [CLASSES[i]!, x / 10]);
    if (open) bands.push([CLASSES[bands.length]!, null]);
    return { method: 'threshold' as const, bands };
  });

const groupArb = (gi: number, o: GenOptions): fc.Arbitrary<Group> =>
  fc
    .record({
      indicators: fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => indicatorArb(i)))),
      adjustments: adjustmentsArb(o.negative),
      vetoes: o.vetoes
        ? fc.uniqueArray(fc.constantFrom('safety_accident', 'pollution'), { maxLength: 2 })
        : fc.constant([] as string[]),
      vetoClass: fc.constantFrom('C', 'D'),
      classes:
        o.classes === 'percentile'
          ? percentileClassesArb
          : o.classes === 'threshold'
            ? thresholdClassesArb
            : fc.oneof(percentileClassesArb, thresholdClassesArb),
    })
    .map((r): Group => ({
      id: gi === 0 ? 'above' : 'below',
      name: gi === 0 ? '规上' : '规下',
      filter: gi === 0 ? "scale == 'above'" : "scale == 'below'",
      indicators: r.indicators,
      adjustments: r.adjustments,
      vetoes: r.vetoes.map((flag, k) => ({ id: `v${k}`, name: `否决${k}`, flag, class: r.vetoClass })),
      classes: r.classes,
    }));

const schemeArb = (o: GenOptions): fc.Arbitrary<Scheme> =>
  fc
    .record({
      g0: groupArb(0, o),
      g1: fc.option(groupArb(1, o), { nil: undefined }),
      exempt: fc.boolean(),
      tenants: fc.boolean(),
    })
    .map((r) => {
      const s: Scheme = { id: 'p', name: '随机方案', year: 2024, groups: r.g1 ? [r.g0, r.g1] : [r.g0] };
      if (r.exempt) s.exempt = { flag: 'exempt', class: 'T' };
      if (r.tenants) s.tenantsTakeLandlordClass = true;
      return s;
    });

const rowsArb: fc.Arbitrary<Row[]> = fc
  .array(
    fc.record({
      scale: fc.oneof(
        { weight: 6, arbitrary: fc.constant('above') },
        { weight: 3, arbitrary: fc.constant('below') },
        { weight: 1, arbitrary: fc.constant('') },
      ),
      land_mu: maybe(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: num(0, 50) })),
      tax: maybe(num(-5, 500)),
      value_added: maybe(num(-5, 2000)),
      energy_tce: maybe(num(0, 500)),
      employees: maybe(num(0, 500)),
      rd_expense: maybe(num(0, 100)),
      tenants: maybe(fc.integer({ min: 0, max: 4 })),
      industry: fc.constantFrom(...DIVISIONS),
      flags: fc.subarray(FLAGS, { maxLength: 3 }),
      landlord: fc.option(fc.nat(), { nil: null, freq: 8 }),
    }),
    { minLength: 5, maxLength: 60, size: 'medium' },
  )
  .map((rs) =>
    rs.map(({ flags, landlord, ...r }, i): Row => ({
      uscc: `E${i}`,
      name: `企业${i}`,
      ...r,
      flags: flags.join(';'),
      landlord_uscc: landlord === null ? '' : `E${landlord % rs.length}`,
    })),
  );

const caseArb = (o: GenOptions) => fc.record({ scheme: schemeArb(o), rows: rowsArb });

// ───────────────────────────── helpers ─────────────────────────────

const RUNS = { numRuns: 150 };

function run(s: Scheme, rows: Row[]): EvaluationResult {
  return evaluate(s, makeTable(rows));
}
function scoredByGroup(out: EvaluationResult): Map<string, EnterpriseResult[]> {
  const m = new Map<string, EnterpriseResult[]>();
  for (const r of out.results) if (r.status === 'scored') m.set(r.group!, [...(m.get(r.group!) ?? []), r]);
  return m;
}
const adjSum = (r: EnterpriseResult): number => r.adjustments.reduce((s, a) => s + a.points, 0);
const heroSum = (r: EnterpriseResult): number => HEROES.reduce((s, h) => s + r.heroes![h], 0);
/** a and b equal within 1e-9 relative (absolute below 1) */
const near = (a: number, b: number, tol = 1e-9): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
/**
 * Whether an unrounded total u lies within 1e-8 of a rounding boundary of the 4th place (a half at the 5th), where a
 * different summation order may round it to either side.
 */
const nearHalf = (u: number): boolean => {
  const y = Math.abs(u) * 1e4;
  return Math.abs(y - Math.floor(y) - 0.5) < 1e-4;
};
/** the largest rank a percentile band holds: ceil(share × n), the product first rounded to 9 places (spec §2.6) */
const cutOf = (share: number, n: number): number => Math.ceil(Math.round(share * n * 1e9) / 1e9);

// ───────────────────────────── properties ─────────────────────────────

describe('亩均 engine properties', () => {
  it('scores are never negative when the scheme has no negative adjustments', () => {
    fc.assert(
      fc.property(caseArb({ negative: false, vetoes: true, classes: 'any' }), ({ scheme, rows }) => {
        for (const r of run(scheme, rows).results) {
          if (r.status !== 'scored') continue;
          for (const x of Object.values(r.indicators)) expect(x.score).toBeGreaterThanOrEqual(0);
          expect(r.total!).toBeGreaterThanOrEqual(0);
          for (const h of HEROES) expect(r.heroes![h]).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('ranks are consistent with totals within a group: rank = 1 + number of strictly greater totals', () => {
    fc.assert(
      fc.property(caseArb({ negative: true, vetoes: true, classes: 'any' }), ({ scheme, rows }) => {
        const out = run(scheme, rows);
        for (const r of out.results) if (r.status !== 'scored') expect(r.rank).toBeNull();
        for (const members of scoredByGroup(out).values()) {
          for (const a of members) {
            expect(a.rank).toBe(1 + members.filter((b) => b.total! > a.total!).length);
            for (const b of members) {
              if (a.total! > b.total!) expect(a.rank!).toBeLessThan(b.rank!);
              expect(a.total === b.total).toBe(a.rank === b.rank);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('percentile classes without vetoes: each band holds exactly the ranks within its cut', () => {
    // Band k (share s_k) has the cut c_k = ceil(s_k × n) (product rounded to 9 places); an enterprise of rank r is in
    // the first band with r ≤ c_k, so "in band k or better" ⇔ r ≤ c_k, and past the last cut the class is null.
    // Counting: sort the totals descending into positions 1..n. A competition rank is the first position of the
    // enterprise's tie group, so every enterprise at a position ≤ c (c = min(c_k, n)) has rank ≤ c, and one at a
    // position p > c has rank ≤ c exactly when it ties with the enterprise at position c. Hence, with t the size of
    // the tie group at position c:  c ≤ #(classes up to k) ≤ c + t − 1, and = c when no tie straddles the cut.
    fc.assert(
      fc.property(caseArb({ negative: true, vetoes: false, classes: 'percentile' }), ({ scheme, rows }) => {
        const out = run(scheme, rows);
        const byGroup = scoredByGroup(out);
        for (const g of scheme.groups) {
          if (g.classes.method !== 'percentile') continue;
          const bands = g.classes.bands;
          const members = byGroup.get(g.id) ?? [];
          const n = members.length;
          expect(out.groups.find((x) => x.id === g.id)!.n).toBe(n);
          const bandOf = (cls: string | null) => (cls === null ? bands.length : bands.findIndex(([c]) => c === cls));
          const sorted = members.map((r) => r.total!).sort((a, b) => b - a);
          bands.forEach(([, share], k) => {
            const cut = cutOf(share, n);
            for (const r of members) expect(bandOf(r.class) <= k).toBe(r.rank! <= cut);
            if (n === 0) return;
            const c = Math.min(cut, n);
            const atCut = sorted[c - 1]!;
            const tie = sorted.filter((t) => t === atCut).length;
            const count = members.filter((r) => bandOf(r.class) <= k).length;
            expect(count).toBeGreaterThanOrEqual(c);
            expect(count).toBeLessThanOrEqual(c + tie - 1);
            if (c === n || sorted[c]! < atCut) expect(count).toBe(c);
          });
        }
      }),
      RUNS,
    );
  });

  it('the result is independent of row order', () => {
    // What may differ after a shuffle: sums over enterprises (aggregate and mean benchmarks, the mean score of the
    // "mean" policy) are added in another order, so benchmarks, scores and hero sub-totals may differ in the last
    // bits: compared within 1e-9 relative. Values (one row each), min/max, medians and percentiles (sorted), adjustments
    // and vetoes are exact. The reported total is rounded to 4 places, so it is exactly equal unless the unrounded total
    // (= Σ heroes + Σ adjustments) lies on a half at the 5th place, where last-bit noise may round it either way: then
    // it may differ by 0.0001, and ranks and classes of that group are not compared (a total moving by 0.0001 may pass
    // another); otherwise the totals are equal, so ranks and classes, functions of the totals, must be equal too.
    // A benchmark that sums to about 0 sits on the "b ≤ 0 scores w" edge, where last-bit noise changes every score of
    // the indicator: such cases are discarded (fc.pre).
    fc.assert(
      fc.property(
        caseArb({ negative: true, vetoes: true, classes: 'any' }).chain(({ scheme, rows }) =>
          fc.record({
            scheme: fc.constant(scheme),
            rows: fc.constant(rows),
            shuffled: fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          }),
        ),
        ({ scheme, rows, shuffled }) => {
          const a = run(scheme, rows);
          const b = run(scheme, shuffled);
          const edge = (out: EvaluationResult) =>
            out.results.some((r) =>
              Object.values(r.indicators).some((x) => x.benchmark !== null && Math.abs(x.benchmark) < 1e-9),
            ) || out.groups.some((g) => Object.values(g.benchmarks).some((x) => x !== null && Math.abs(x) < 1e-9));
          fc.pre(!edge(a) && !edge(b));

          expect(b.warnings.length).toBe(a.warnings.length);
          const byUscc = new Map(b.results.map((r) => [r.uscc, r]));
          const unsettled = new Set<string>(); // groups with a total on a rounding boundary
          for (const x of a.results) {
            const y = byUscc.get(x.uscc)!;
            expect([y.status, y.group, y.name, y.vetoes, y.adjustments]).toEqual([
              x.status,
              x.group,
              x.name,
              x.vetoes,
              x.adjustments,
            ]);
            if (x.status !== 'scored') continue;
            for (const [id, ix] of Object.entries(x.indicators)) {
              const iy = y.indicators[id]!;
              expect(iy.value).toBe(ix.value);
              expect(iy.benchmark === null).toBe(ix.benchmark === null);
              if (ix.benchmark !== null) expect(near(iy.benchmark!, ix.benchmark)).toBe(true);
              expect(near(iy.score, ix.score)).toBe(true);
            }
            for (const h of HEROES) expect(near(y.heroes![h], x.heroes![h])).toBe(true);
            if (nearHalf(heroSum(x) + adjSum(x)) || nearHalf(heroSum(y) + adjSum(y))) {
              unsettled.add(x.group!);
              expect(Math.abs(y.total! - x.total!)).toBeLessThanOrEqual(1e-4 + 1e-9 * Math.max(1, Math.abs(x.total!)));
            } else expect(y.total).toBe(x.total);
          }
          for (const x of a.results) {
            if (x.status === 'scored' && unsettled.has(x.group!)) continue;
            if (x.status === 'tenant') continue; // a tenant's class is its landlord's, compared there (or below)
            const y = byUscc.get(x.uscc)!;
            expect([y.rank, y.class]).toEqual([x.rank, x.class]);
          }
          if (unsettled.size === 0) {
            expect(
              b.results
                .filter((r) => r.status === 'tenant')
                .map((r) => [r.uscc, r.class])
                .sort(),
            ).toEqual(
              a.results
                .filter((r) => r.status === 'tenant')
                .map((r) => [r.uscc, r.class])
                .sort(),
            );
            for (const g of a.groups) {
              const h = b.groups.find((x) => x.id === g.id)!;
              expect([h.n, h.classCounts]).toEqual([g.n, g.classCounts]);
              for (const [id, v] of Object.entries(g.benchmarks)) {
                expect(h.benchmarks[id] === null).toBe(v === null);
                if (v !== null) expect(near(h.benchmarks[id]!, v)).toBe(true);
              }
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('hero sub-totals sum to the total minus adjustments (before rounding), rescaled like the total', () => {
    fc.assert(
      fc.property(caseArb({ negative: true, vetoes: true, classes: 'any' }), ({ scheme, rows }) => {
        const out = run(scheme, rows);
        for (const r of out.results) {
          if (r.status !== 'scored') {
            expect([r.total, r.heroes]).toEqual([null, null]);
            continue;
          }
          const g = scheme.groups.find((x) => x.id === r.group)!;
          // the rescaling factor, derived independently: an indicator is excluded when its policy is "exclude", its
          // value is missing and it was actually scored (minmax, or a ratio benchmark > 0; an invalid benchmark
          // scores w for everyone)
          const W = g.indicators.reduce((s, x) => s + x.weight, 0);
          let excludedW = 0;
          for (const x of g.indicators) {
            const ir = r.indicators[x.id]!;
            const scored = x.scoring.method === 'minmax' || (ir.benchmark !== null && ir.benchmark > 0);
            if (x.missing === 'exclude' && ir.value === null && scored) {
              excludedW += x.weight;
              expect(ir.score).toBe(0);
            }
          }
          const factor = excludedW > 0 && W - excludedW > 0 ? W / (W - excludedW) : 1;
          for (const h of HEROES) {
            const raw = g.indicators.filter((x) => x.hero === h).reduce((s, x) => s + r.indicators[x.id]!.score, 0);
            expect(Math.abs(r.heroes![h] - raw * factor)).toBeLessThanOrEqual(1e-6);
          }
          // Σ heroes = total − Σ adjustments before rounding; the reported total is that rounded to 4 places
          const unrounded = heroSum(r) + adjSum(r);
          expect(Math.abs(r.total! - unrounded)).toBeLessThanOrEqual(0.00005 + 1e-6);
          if (!nearHalf(unrounded)) expect(Math.abs(r.total! - unrounded)).toBeLessThan(0.00005);
        }
      }),
      RUNS,
    );
  });
});
