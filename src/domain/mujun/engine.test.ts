import { describe, expect, it } from 'vitest';
import { MujunExprError } from './expr.js';
import { competitionRanks, evaluate, percentileClass, percentileInc, roundHalfAway, thresholdClass } from './engine.js';
import { group, ind, makeTable, scheme, type Row } from './testkit.js';
import type { Group, Indicator } from './scheme.js';

const above = (tax: number | null, land: number | null = 1, extra: Row = {}): Row => ({
  scale: 'above',
  tax,
  land_mu: land,
  ...extra,
});

/** scores of indicator `id` for a one-indicator group, in row order */
function scores(i: Partial<Indicator>, rows: Row[], g: Partial<Group> = {}): number[] {
  const out = evaluate(scheme([group({ indicators: [ind(i)], ...g })]), makeTable(rows));
  return out.results.map((r) => r.indicators[i.id ?? 'x']!.score);
}
function benchOf(i: Partial<Indicator>, rows: Row[]): number | null {
  return evaluate(scheme([group({ indicators: [ind(i)] })]), makeTable(rows)).groups[0]!.benchmarks[i.id ?? 'x']!;
}

describe('§2.2 indicator value', () => {
  it('is numerator / denominator; missing on a missing field, a zero or negative denominator', () => {
    const out = evaluate(scheme([group()]), makeTable([above(6, 3), above(null, 3), above(6, 0), above(6, -2), above(6, null)]));
    expect(out.results.map((r) => r.indicators['x']!.value)).toEqual([2, null, null, null, null]);
  });
  it('denominator omitted means 1; formulas with arithmetic', () => {
    const out = evaluate(
      scheme([group({ indicators: [ind({ numerator: '(tax + 2) * 10000', denominator: undefined })] })]),
      makeTable([above(1)]),
    );
    expect(out.results[0]!.indicators['x']!.value).toBe(30000);
  });
});

describe('§2.4 ratio scoring', () => {
  const rows = [above(1), above(2), above(4), above(0), above(-2)];
  it('higher: w × x / b, no cap by default, never below 0', () => {
    expect(scores({ benchmark: { method: 'fixed', value: 2 } }, rows)).toEqual([5, 10, 20, 0, 0]);
  });
  it('higher with cap', () => {
    expect(scores({ benchmark: { method: 'fixed', value: 2 }, scoring: { method: 'ratio', cap: 1.5 } }, rows)).toEqual([
      5, 10, 15, 0, 0,
    ]);
  });
  it('lower: w × max(0, min(2 − x/b, cap)), zero at x ≥ 2b', () => {
    const lower = { direction: 'lower' as const, benchmark: { method: 'fixed' as const, value: 2 } };
    expect(scores(lower, [above(1), above(2), above(4), above(5), above(0)])).toEqual([15, 10, 0, 0, 20]);
    expect(scores({ ...lower, scoring: { method: 'ratio', cap: 1.2 } }, [above(1), above(2), above(0)])).toEqual([12, 10, 12]);
  });
  it('a benchmark of 0 or below, or missing, scores everyone w (valued or not) with a warning', () => {
    expect(scores({ benchmark: { method: 'fixed', value: 0 } }, [above(1), above(null)])).toEqual([10, 10]);
    const out = evaluate(
      scheme([group({ indicators: [ind({ benchmark: { method: 'mean' } })] })]),
      makeTable([above(null), above(null)]),
    );
    expect(out.results.map((r) => r.indicators['x']!.score)).toEqual([10, 10]);
    expect(out.groups[0]!.benchmarks['x']).toBeNull();
    expect(out.warnings).toHaveLength(1);
  });
});

describe('§2.4 minmax scoring', () => {
  const rows = [above(1), above(3), above(5), above(null)];
  it('higher, floor 0.2 by default; missing scores 0', () => {
    const s = scores({ scoring: { method: 'minmax' }, benchmark: undefined }, rows);
    expect(s.map((x) => +x.toFixed(10))).toEqual([2, 6, 10, 0]);
  });
  it('lower and a custom floor', () => {
    const s = scores({ scoring: { method: 'minmax', floor: 0 }, direction: 'lower', benchmark: undefined }, rows);
    expect(s).toEqual([10, 5, 0, 0]);
  });
  it('max = min scores w; benchmark reported null', () => {
    expect(scores({ scoring: { method: 'minmax' }, benchmark: undefined }, [above(2), above(2)])).toEqual([10, 10]);
    const out = evaluate(scheme([group({ indicators: [ind({ scoring: { method: 'minmax' } })] })]), makeTable([above(2)]));
    expect(out.results[0]!.indicators['x']!.benchmark).toBeNull();
    expect(out.groups[0]!.benchmarks['x']).toBeNull();
  });
});

describe('§2.3 benchmarks', () => {
  it('aggregate = Σ numerator / Σ denominator over valued enterprises, × multiplier', () => {
    const rows = [above(10, 2), above(20, 4), above(30, 4), above(null, 5), above(7, 0)];
    expect(benchOf({ benchmark: { method: 'aggregate' } }, rows)).toBe(6);
    expect(benchOf({ benchmark: { method: 'aggregate', multiplier: 2 } }, rows)).toBe(12);
  });
  it('mean and median (odd and even counts)', () => {
    expect(benchOf({ benchmark: { method: 'mean' } }, [above(1), above(2), above(6), above(null)])).toBe(3);
    expect(benchOf({ benchmark: { method: 'median' } }, [above(9), above(1), above(2)])).toBe(2);
    expect(benchOf({ benchmark: { method: 'median' } }, [above(9), above(1), above(2), above(4)])).toBe(3);
  });
  it('percentile: linear interpolation between closest ranks (numpy / PERCENTILE.INC)', () => {
    const rows = [above(4), above(1), above(3), above(2)];
    expect(benchOf({ benchmark: { method: 'percentile', p: 25 } }, rows)).toBeCloseTo(1.75, 12);
    expect(benchOf({ benchmark: { method: 'percentile', p: 0 } }, rows)).toBe(1);
    expect(benchOf({ benchmark: { method: 'percentile', p: 100 } }, rows)).toBe(4);
    expect(percentileInc([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 12);
    expect(percentileInc([7], 30)).toBe(7);
  });
  it('fixed × multiplier', () => {
    expect(benchOf({ benchmark: { method: 'fixed', value: 3, multiplier: 2 } }, [above(1)])).toBe(6);
  });
  it('by industry: per division; a division under minCount (default 5) uses the group benchmark', () => {
    const c30 = [1, 2, 3, 4, 5].map((t) => above(t, 1, { industry: 'C3072' }));
    const c18 = [above(10, 1, { industry: 'C1810' }), above(20, 1, { industry: 'C1820' })];
    const none = [above(6, 1)];
    const out = evaluate(
      scheme([group({ indicators: [ind({ benchmark: { method: 'mean', by: 'industry' } })] })]),
      makeTable([...c30, ...c18, ...none]),
    );
    // group mean = (15 + 30 + 6) / 8 = 6.375; C30 mean = 3; C18 has 2 < 5
    expect(out.groups[0]!.benchmarks['x']).toBe(6.375);
    expect(out.results.map((r) => r.indicators['x']!.benchmark)).toEqual([3, 3, 3, 3, 3, 6.375, 6.375, 6.375]);
    expect(out.results[0]!.indicators['x']!.score).toBeCloseTo(10 / 3, 12);
    const out2 = evaluate(
      scheme([group({ indicators: [ind({ benchmark: { method: 'mean', by: 'industry', minCount: 2, multiplier: 2 } })] })]),
      makeTable([...c30, ...c18, ...none]),
    );
    expect(out2.results.map((r) => r.indicators['x']!.benchmark)).toEqual([6, 6, 6, 6, 6, 30, 30, 12.75]);
  });
});

describe('§2.3 aggregate by industry', () => {
  it('Σ numerator / Σ denominator per division with minCount, else the group aggregate', () => {
    const rows = [
      above(10, 2, { industry: 'C3011' }),
      above(30, 2, { industry: 'C3072' }),
      above(9, 3, { industry: 'C1810' }),
      above(null, 3, { industry: 'C1810' }),
    ];
    const out = evaluate(
      scheme([group({ indicators: [ind({ benchmark: { method: 'aggregate', by: 'industry', minCount: 2 } })] })]),
      makeTable(rows),
    );
    // group: 49 / 7 = 7; C30: 40 / 4 = 10; C18 has only 1 valued enterprise → 7
    expect(out.groups[0]!.benchmarks['x']).toBe(7);
    expect(out.results.map((r) => r.indicators['x']!.benchmark)).toEqual([10, 10, 7, 7]);
    expect(out.results.map((r) => r.indicators['x']!.score)).toEqual([5, 15, (10 * 3) / 7, 0]);
  });
});

describe('engine errors and output shape', () => {
  it('an unknown field in a formula names the scheme field and the position', () => {
    let e: unknown;
    try {
      evaluate(scheme([group({ indicators: [ind({ numerator: 'tax + profit' })] })]), makeTable([above(1)]));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(MujunExprError);
    expect((e as MujunExprError).field).toBe('groups[0].indicators[0].numerator');
    expect((e as MujunExprError).position).toBe(6);
  });
  it('is JSON-serialisable with null for missing (no NaN)', () => {
    const out = evaluate(
      scheme([group()], { exempt: { flag: 'exempt', class: 'T' } }),
      makeTable([above(null), above(1, 1, { flags: 'exempt' }), {}]),
    );
    const json = JSON.stringify(out);
    expect(json).not.toContain('NaN');
    expect(JSON.parse(json).results[0].indicators.x).toEqual({ value: null, benchmark: 1, score: 0 });
  });
});

describe('§2.4 missing-value policies', () => {
  const two = (missing: 'zero' | 'mean' | 'exclude') =>
    group({
      indicators: [
        ind({ id: 'a', weight: 60, hero: 'mujun' }),
        ind({ id: 'b', weight: 40, hero: 'ditan', numerator: 'va', denominator: 'energy', missing }),
      ],
    });
  const rows = [above(1, 1, { va: 1, energy: 1 }), above(0.5, 1, { va: 0.5, energy: 1 }), above(0.5, 1, { va: 1, energy: null })];
  it('zero scores 0', () => {
    const r = evaluate(scheme([two('zero')]), makeTable(rows)).results;
    expect(r.map((x) => x.total)).toEqual([100, 50, 30]);
  });
  it('mean scores the mean score of the valued enterprises', () => {
    const r = evaluate(scheme([two('mean')]), makeTable(rows)).results;
    expect(r[2]!.indicators['b']!.score).toBe(30);
    expect(r[2]!.total).toBe(60);
  });
  it('exclude rescales the indicator sum and heroes by W / (W − Σ excluded w)', () => {
    const r = evaluate(scheme([two('exclude')]), makeTable(rows)).results;
    expect(r[2]!.indicators['b']!.score).toBe(0);
    expect(r[2]!.total).toBe(50); // 30 × 100 / 60
    expect(r[2]!.heroes).toEqual({ mujun: 50, ditan: 0, keji: 0, renjun: 0 });
    expect(r[0]!.heroes).toEqual({ mujun: 60, ditan: 40, keji: 0, renjun: 0 });
  });
});

describe('§2.5 adjustments and rounding', () => {
  const g = group({
    adjustments: [
      { id: 'high_tech', name: '高新', flag: 'high_tech', points: 3 },
      { id: 'renting', name: '出租', field: 'tenants', per: -5, beyond: 1 },
    ],
  });
  it('flag adds points; field adds per × max(0, field − beyond); missing field adds nothing', () => {
    const rows = [
      above(1, 1, { flags: 'high_tech;x', tenants: 3 }),
      above(1, 1, { tenants: 1 }),
      above(1, 1, { tenants: null, flags: 'high_tech' }),
    ];
    const r = evaluate(scheme([g]), makeTable(rows)).results;
    expect(r.map((x) => x.total)).toEqual([3, 10, 13]);
    expect(r[0]!.adjustments).toEqual([
      { id: 'high_tech', points: 3 },
      { id: 'renting', points: -10 },
    ]);
    expect(r[1]!.adjustments).toEqual([]);
  });
  it('rounds the total to 4 places half away from zero', () => {
    expect(roundHalfAway(1.00005, 4)).toBe(1.0001);
    expect(roundHalfAway(-1.00005, 4)).toBe(-1.0001);
    expect(roundHalfAway(2.00004999, 4)).toBe(2);
    const r = evaluate(scheme([group({ indicators: [ind({ weight: 1 })] })]), makeTable([above(1.00005), above(1.00004)]));
    expect(r.results.map((x) => x.total)).toEqual([1.0001, 1]);
  });
});

describe('§2.6 rank and classes', () => {
  it('competition ranking 1, 2, 2, 4 on the rounded total', () => {
    expect(competitionRanks([9, 7, 7, 3])).toEqual([1, 2, 2, 4]);
    const r = evaluate(scheme([group()]), makeTable([above(1), above(3.00001), above(3.000009), above(2)])).results;
    // 30.0001 and 30.00009 both round to 30.0001
    expect(r.map((x) => x.rank)).toEqual([4, 1, 1, 3]);
  });
  it('percentile bands: r ≤ ceil(share × n rounded to 9 places); ties share a class', () => {
    expect(
      percentileClass(7, 100, [
        ['A', 0.07],
        ['B', 1],
      ]),
    ).toBe('A');
    expect(
      percentileClass(8, 100, [
        ['A', 0.07],
        ['B', 1],
      ]),
    ).toBe('B');
    const g = group({
      classes: {
        method: 'percentile',
        bands: [
          ['A', 0.25],
          ['B', 0.5],
          ['C', 1],
        ],
      },
    });
    const out = evaluate(scheme([g]), makeTable([above(9), above(7), above(7), above(3)]));
    expect(out.results.map((x) => x.class)).toEqual(['A', 'B', 'B', 'C']);
    expect(out.groups[0]!.classCounts).toEqual({ A: 1, B: 2, C: 1 });
  });
  it('threshold bands: first class whose minimum the total reaches; null = no minimum', () => {
    const bands: [string, number | null][] = [
      ['A', 90],
      ['B', 70],
      ['C', 50],
      ['D', null],
    ];
    expect([95, 90, 70, 69.9999, 10].map((t) => thresholdClass(t, bands))).toEqual(['A', 'A', 'B', 'C', 'D']);
    expect(thresholdClass(10, [['A', 50]])).toBeNull();
    const g = group({ classes: { method: 'threshold', bands } });
    expect(evaluate(scheme([g]), makeTable([above(9.5), above(5)])).results.map((x) => x.class)).toEqual(['A', 'C']);
  });
  it('vetoes after classing: first applying veto in scheme order sets the class, all are reported, score and rank kept', () => {
    const g = group({
      vetoes: [
        { id: 'safety', name: '安全', flag: 'safety_accident', class: 'D' },
        { id: 'pollution', name: '污染', flag: 'pollution', class: 'C' },
      ],
      classes: {
        method: 'percentile',
        bands: [
          ['A', 0.5],
          ['B', 1],
        ],
      },
    });
    const out = evaluate(
      scheme([g]),
      makeTable([above(9, 1, { flags: 'pollution;safety_accident' }), above(5, 1, { flags: 'pollution' }), above(1)]),
    );
    const r = out.results;
    expect(r.map((x) => [x.class, x.rank, x.total])).toEqual([
      ['D', 1, 90],
      ['C', 2, 50],
      ['B', 3, 10],
    ]);
    expect(r[0]!.vetoes).toEqual(['safety', 'pollution']);
    expect(out.groups[0]!.classCounts).toEqual({ D: 1, C: 1, B: 1 });
  });
});

describe('§2.1 status, groups, exemptions, tenants', () => {
  const groups = [
    group({ id: 'above' }),
    group({ id: 'below', filter: "scale == 'below' and land_mu >= 3", classes: { method: 'threshold', bands: [['X', null]] } }),
  ];
  it('first group whose filter holds; unevaluated when none; exempt not scored but grouped', () => {
    const rows: Row[] = [
      above(5),
      { scale: 'below', tax: 1, land_mu: 3 },
      { scale: 'below', tax: 1, land_mu: 2 },
      above(9, 1, { flags: 'exempt' }),
      { tax: 1, land_mu: 1, flags: 'exempt' },
    ];
    const out = evaluate(scheme(groups, { exempt: { flag: 'exempt', class: 'T' } }), makeTable(rows));
    expect(out.results.map((r) => [r.status, r.group, r.class, r.rank])).toEqual([
      ['scored', 'above', 'A', 1],
      ['scored', 'below', 'X', 1],
      ['unevaluated', null, null, null],
      ['exempt', 'above', 'T', null],
      ['exempt', null, 'T', null],
    ]);
    expect(out.groups.map((g) => g.n)).toEqual([1, 1]);
    expect(out.results[3]!.total).toBeNull();
  });
  it('tenants take their landlord final class (chains followed; cycles and classless landlords give null)', () => {
    const rows: Row[] = [
      above(9, 1, { uscc: 'L1', flags: 'safety' }),
      above(1, 1, { uscc: 'L2' }),
      above(5, 0, { uscc: 'T1', landlord_uscc: 'L1' }),
      { uscc: 'T2', scale: 'above', landlord_uscc: 'T1' },
      { uscc: 'C1', landlord_uscc: 'C2' },
      { uscc: 'C2', landlord_uscc: 'C1' },
      { uscc: 'T3', landlord_uscc: 'U1' },
      { uscc: 'U1', land_mu: 5 },
      above(3, 0, { uscc: 'N1', landlord_uscc: 'NOT_IN_DATA' }),
    ];
    const g = group({ vetoes: [{ id: 'v', name: 'v', flag: 'safety', class: 'D' }] });
    const out = evaluate(scheme([g], { tenantsTakeLandlordClass: true }), makeTable(rows));
    expect(out.results.map((r) => [r.uscc, r.status, r.class, r.group])).toEqual([
      ['L1', 'scored', 'D', 'g'],
      ['L2', 'scored', 'B', 'g'],
      ['T1', 'tenant', 'D', 'g'],
      ['T2', 'tenant', 'D', 'g'],
      ['C1', 'tenant', null, null],
      ['C2', 'tenant', null, null],
      ['T3', 'tenant', null, null],
      ['U1', 'unevaluated', null, null],
      ['N1', 'scored', 'C', 'g'], // n = 3: ceil(0.6 × 3) = 2 < rank 3 ≤ ceil(0.95 × 3) = 3
    ]);
    expect(out.groups[0]!.n).toBe(3);
    const off = evaluate(scheme([g]), makeTable(rows));
    expect(off.results[2]!.status).toBe('scored');
  });
});
