/**
 * The columnar result (`evaluateColumnar`) and the fast paths of the engine: the object form is a materialisation of the
 * columnar one; rounding, ranking and percentiles agree with their plain definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustmentsOf,
  classOf,
  competitionRanks,
  enterpriseResult,
  evaluate,
  evaluateColumnar,
  percentileInc,
  rankOf,
  roundHalfAway,
  statusOf,
  totalOf,
  vetoesOf,
} from './engine.js';
import { defaultScheme } from './default-scheme.js';
import { group, ind, makeTable, scheme, type Row } from './testkit.js';

/** The definition of §2.5 rounding, without the fast path. */
function roundSlow(x: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(Number((Math.abs(x) * f).toPrecision(15))) / f;
  return x < 0 ? -r : r;
}

/** Competition ranking by its definition: 1 + number of strictly greater values. */
const ranksSlow = (xs: number[]) => xs.map((x) => 1 + xs.filter((y) => y > x).length);

const rows: Row[] = [
  {
    uscc: 'A1',
    scale: 'above',
    industry: 'C3071',
    land_mu: 10,
    tax: 50,
    value_added: 300,
    energy_tce: 100,
    carbon_t: 250,
    employees: 40,
    rd_expense: 5,
    main_revenue: 900,
    tenants: 3,
    flags: 'high_tech',
  },
  {
    uscc: 'A2',
    scale: 'above',
    industry: 'C3072',
    land_mu: 20,
    tax: 40,
    value_added: 500,
    energy_tce: 90,
    emissions_t: 2,
    employees: 80,
    rd_expense: 20,
    main_revenue: 1500,
    flags: 'specialized;safety_accident',
  },
  {
    uscc: 'A3',
    scale: 'above',
    industry: 'C3989',
    land_mu: 5,
    tax: 10,
    value_added: 80,
    energy_tce: 10,
    carbon_t: 30,
    emissions_t: 0.5,
    employees: 20,
    main_revenue: 200,
  },
  {
    uscc: 'A4',
    scale: 'above',
    land_mu: 8,
    tax: 10,
    value_added: 80,
    energy_tce: 10,
    carbon_t: 30,
    emissions_t: 0.5,
    employees: 20,
    main_revenue: 200,
    flags: 'exempt',
  },
  {
    uscc: 'B1',
    scale: 'below',
    industry: 'C3311',
    land_mu: 4,
    tax: 3,
    revenue: 100,
    electricity_kwh: 200000,
    employees: 10,
    rd_expense: 1,
  },
  { uscc: 'B2', scale: 'below', industry: 'C3311', land_mu: 6, tax: 2, revenue: 90, electricity_kwh: 150000, employees: 8 },
  { uscc: 'B3', scale: 'below', land_mu: 2, tax: 2, revenue: 90 },
  { uscc: 'T1', scale: 'above', land_mu: 0, landlord_uscc: 'A2' },
  { uscc: 'T2', landlord_uscc: 'T1' },
];

describe('evaluateColumnar', () => {
  const s = defaultScheme(2022);
  const table = makeTable(rows);
  const ev = evaluateColumnar(s, table);
  const obj = evaluate(s, table);

  it('evaluate() is the row-by-row materialisation of the columnar result', () => {
    expect(ev.n).toBe(rows.length);
    expect(obj.groups).toEqual(ev.groups);
    expect(obj.warnings).toEqual(ev.warnings);
    for (let i = 0; i < ev.n; i++) expect(obj.results[i]).toEqual(enterpriseResult(ev, i));
  });

  it('typed arrays per row and per group member, and the accessors', () => {
    expect(rows.map((_, i) => statusOf(ev, i))).toEqual([
      'scored',
      'scored',
      'scored',
      'exempt',
      'scored',
      'scored',
      'unevaluated',
      'tenant',
      'tenant',
    ]);
    expect(Array.from(ev.group)).toEqual([0, 0, 0, 0, 1, 1, -1, 0, -1]);
    expect(Array.from(ev.byGroup[0]!.members)).toEqual([0, 1, 2]);
    expect(Array.from(ev.member)).toEqual([0, 1, 2, -1, 0, 1, -1, -1, -1]);
    expect(Number.isNaN(ev.total[3]!)).toBe(true);
    expect(totalOf(ev, 3)).toBeNull();
    expect(rankOf(ev, 3)).toBeNull();
    expect(classOf(ev, 3)).toBe('T');
    // the tenant chain T2 → T1 → A2, whose class is vetoed to D
    expect(classOf(ev, 1)).toBe('D');
    expect([classOf(ev, 7), classOf(ev, 8)]).toEqual(['D', 'D']);
    expect(vetoesOf(ev, 1)).toEqual(['safety']);
    expect(adjustmentsOf(ev, 0)).toEqual([
      { id: 'high_tech', points: 3 },
      { id: 'renting', points: -4 },
    ]);
    expect(adjustmentsOf(ev, 1)).toEqual([{ id: 'specialized', points: 2 }]);
    const taxPerMu = ev.byGroup[0]!.indicators[0]!;
    expect(taxPerMu.id).toBe('tax_per_mu');
    expect(Array.from(taxPerMu.value)).toEqual([5, 2, 2]);
    for (let i = 0; i < ev.n; i++) {
      const k = ev.member[i]!;
      if (k < 0) continue;
      const r = obj.results[i]!;
      expect(ev.total[i]).toBe(r.total);
      expect(ev.rank[i]).toBe(r.rank);
      expect(ev.heroes.ditan[i]).toBe(r.heroes!.ditan);
    }
  });

  it('many adjustments and vetoes (more than 32) use several mask words', () => {
    const adjustments = Array.from({ length: 40 }, (_, j) => ({ id: `a${j}`, name: `a${j}`, flag: `f${j}`, points: j }));
    const vetoes = Array.from({ length: 35 }, (_, j) => ({ id: `v${j}`, name: `v${j}`, flag: `f${j}`, class: `X${j}` }));
    const g = group({ adjustments, vetoes });
    const t = makeTable([{ scale: 'above', tax: 1, land_mu: 1, flags: 'f1;f33;f39' }]);
    const e = evaluateColumnar(scheme([g]), t);
    expect(e.adjustmentWords).toBe(2);
    expect(adjustmentsOf(e, 0).map((a) => a.id)).toEqual(['a1', 'a33', 'a39']);
    expect(vetoesOf(e, 0)).toEqual(['v1', 'v33']);
    expect(classOf(e, 0)).toBe('X1');
    expect(totalOf(e, 0)).toBe(10 + 1 + 33 + 39);
  });
});

describe('fast paths agree with the definitions', () => {
  it('roundHalfAway equals the toPrecision(15) definition', () => {
    const edge = [0, -0, 1.00005, -1.00005, 2.00004999, 0.5, 1.5, 2.5, 123.45675, 1e-9, 99999999.99995, 1e12 + 0.5, 1e20];
    for (const x of edge) for (const dp of [0, 4, 9]) expect(Object.is(roundHalfAway(x, dp), roundSlow(x, dp))).toBe(true);
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.constantFrom(0, 2, 4, 9), (x, dp) =>
        Object.is(roundHalfAway(x, dp), roundSlow(x, dp)),
      ),
      { numRuns: 20000 },
    );
    // values a hair away from a rounding boundary, where the 15-digit step decides
    fc.assert(
      fc.property(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: -3, max: 3 }), (k, ulps) => {
        let x = (k + 0.5) / 1e4;
        for (let u = 0; u < Math.abs(ulps); u++)
          x = ulps > 0 ? x + Number.EPSILON * Math.abs(x) : x - Number.EPSILON * Math.abs(x);
        return Object.is(roundHalfAway(x, 4), roundSlow(x, 4));
      }),
      { numRuns: 20000 },
    );
  });

  it('competition ranks: counting path for 4-place totals, sort path otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50000, max: 2000000 }), { maxLength: 300 }), (ints) => {
        const totals = ints.map((k) => k / 1e4);
        return JSON.stringify(competitionRanks(totals)) === JSON.stringify(ranksSlow(totals));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 200 }), (xs) => {
        return JSON.stringify(competitionRanks(xs)) === JSON.stringify(ranksSlow(xs));
      }),
    );
    expect(competitionRanks([1e-5, 2e-5, 1e-5])).toEqual([2, 1, 2]); // not 4-place: sort path
  });

  it('competition ranks over wide 4-place ranges: radix sort (2–3 passes), packed int64 sort beyond 2³² keys', () => {
    // keys spanning up to 2³² (three 11-bit passes), with ties from a small pool of repeated values
    const wide = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((k) => k / 1e4);
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 400 }), fc.array(wide, { minLength: 1, maxLength: 5 }), (xs, pool) => {
        const totals = xs.map((x, i) => (i % 3 === 0 ? pool[i % pool.length]! : x));
        return JSON.stringify(competitionRanks(totals)) === JSON.stringify(ranksSlow(totals));
      }),
    );
    // exactly 2³² keys apart (the radix path's widest range), and beyond (the packed int64 sort)
    const edge = [0, (2 ** 32 - 1) / 1e4, 1, (2 ** 32 - 1) / 1e4, 0];
    expect(competitionRanks(edge)).toEqual(ranksSlow(edge));
    const beyond = [-4e5, 5e5, 0.0001, 5e5, -4e5, 123.4567];
    expect(competitionRanks(beyond)).toEqual(ranksSlow(beyond));
  });

  it('median and percentile benchmarks (selection) equal percentileInc over the sorted values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (taxes, p) => {
          const t = makeTable(taxes.map((tax) => ({ scale: 'above', tax, land_mu: 1 })));
          const g = group({ indicators: [ind({ benchmark: { method: 'percentile', p } })] });
          const b = evaluateColumnar(scheme([g]), t).groups[0]!.benchmarks['x'];
          return (
            b ===
            percentileInc(
              [...taxes].sort((x, y) => x - y),
              p,
            )
          );
        },
      ),
    );
  });

  it('per-division medians with duplicates and a small division', () => {
    const t = makeTable([
      ...[5, 1, 3, 3, 9, 3].map((tax) => ({ scale: 'above', industry: 'C3071', tax, land_mu: 1 })),
      ...[4, 8].map((tax) => ({ scale: 'above', industry: 'C1810', tax, land_mu: 1 })),
    ]);
    const g = group({ indicators: [ind({ benchmark: { method: 'median', by: 'industry' } })] });
    const e = evaluateColumnar(scheme([g]), t);
    const bench = e.byGroup[0]!.indicators[0]!.benchmark;
    expect(Array.from(bench)).toEqual([3, 3, 3, 3, 3, 3, 3.5, 3.5]); // C30: median 3; C18 (2 < 5) uses the group's 3.5
  });
});
