import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.js';
import type { Group, Indicator, Scheme } from './scheme.js';
import { group, ind, makeTable, scheme, type Row } from './testkit.js';
import { upliftFor, type Uplift, type UpliftAnswer } from './uplift.js';

const above = (tax: number | null, extra: Row = {}): Row => ({ scale: 'above', tax, land_mu: 1, ...extra });
const named = (rows: Row[]): Row[] => rows.map((r, i) => ({ uscc: `E${i + 1}`, ...r }));

function answer(s: Scheme, rows: Row[], uscc: string): UpliftAnswer {
  return upliftFor(s, evaluate(s, makeTable(rows)), uscc);
}
function item(a: UpliftAnswer, id: string): Uplift {
  const it = a.items.find((x) => x.indicatorId === id);
  if (!it) throw new Error(`no item ${id}`);
  return it;
}
function classAfter(s: Scheme, rows: Row[], uscc: string, field: string, v: number): string | null {
  const changed = rows.map((r) => (r['uscc'] === uscc ? { ...r, [field]: v } : r));
  return evaluate(s, makeTable(changed)).results.find((r) => r.uscc === uscc)!.class;
}
/** |a − b| within 1e-9 relative */
function expectNear(a: number | null, b: number): void {
  expect(a).not.toBeNull();
  expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}
/**
 * Re-run the engine with the item's target put in `field` (the indicator's value is `field` / 1): the class becomes
 * `reached`; a value a hair (1e-6 relative) short of the target leaves it at `stays`.
 */
function verify(s: Scheme, rows: Row[], uscc: string, field: string, it: Uplift, reached: string, stays: string | null): void {
  expect(it.possible).toBe(true);
  const x = it.target!;
  expect(classAfter(s, rows, uscc, field, x)).toBe(reached);
  const dir =
    it.current === null ? Math.sign(x - (Number(rows.find((r) => r['uscc'] === uscc)![field]) || 0)) : Math.sign(x - it.current);
  const hair = x - (dir || 1) * Math.abs(x) * 1e-6;
  expect(classAfter(s, rows, uscc, field, hair)).toBe(stays);
}

describe('uplift: ratio, percentile classes (group of 5, fixed benchmark 10, w = 100)', () => {
  // scores w × x / b = 10x: totals 200, 150, 100, 50, 20; n = 5: A up to rank ceil(0.2 × 5) = 1, B up to ceil(0.6 × 5) = 3,
  // C up to ceil(0.95 × 5) = ceil(4.75) = 5 → A, B, B, C, C
  const taxI = ind({ id: 'tax', name: '亩均税收', unit: '万元/亩', weight: 100, benchmark: { method: 'fixed', value: 10 } });
  const s = scheme([group({ indicators: [taxI] })]);
  const rows = named([above(20), above(15), above(10), above(5), above(2)]);

  it('B → A: reach the lowest total ranked ≤ 1 (200); the total is rounded to 4 places, so 199.99995 is enough', () => {
    const a = answer(s, rows, 'E3');
    expect(a).toMatchObject({ uscc: 'E3', currentClass: 'B', nextClass: 'A', neededPoints: 200 - 100 });
    const t = item(a, 'tax');
    expect(t).toMatchObject({ name: '亩均税收', unit: '万元/亩', current: 10, possible: true });
    expectNear(t.target, (10 * (200 - 0.00005)) / 100); // x = b·s/w = 19.999995
    expectNear(t.delta, (10 * (200 - 0.00005)) / 100 - 10);
    verify(s, rows, 'E3', 'tax', t, 'A', 'B');
  });
  it('C → B: reach the lowest total ranked ≤ 3 (100)', () => {
    const a = answer(s, rows, 'E4');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 100 - 50 });
    expectNear(item(a, 'tax').target, (10 * (100 - 0.00005)) / 100); // 9.999995
    verify(s, rows, 'E4', 'tax', item(a, 'tax'), 'B', 'C');
    // E5 (20, rank 5) aims at the same band: 100 − 20 = 80 points
    expect(answer(s, rows, 'E5').neededPoints).toBe(80);
  });
  it('top class: nextClass null, no items', () => {
    expect(answer(s, rows, 'E1')).toMatchObject({ currentClass: 'A', nextClass: null, neededPoints: null, items: [] });
    expect(answer(s, rows, 'E1').note).toContain('最高');
  });
  it('ties: reaching a tied total shares its rank; an aimed band left empty by ties is skipped over', () => {
    const bands = {
      method: 'percentile' as const,
      bands: [['A', 0.25] as [string, number], ['B', 0.5] as [string, number], ['C', 1] as [string, number]],
    };
    const g = (b = bands) =>
      scheme([group({ indicators: [ind({ weight: 10, benchmark: { method: 'fixed', value: 1 } })], classes: b })]);
    // totals 90, 70, 70, 30; n = 4: A rank ≤ 1, B rank ≤ 2 → A, B, B, C; E4 must reach 70 (rank 2 shared)
    const r1 = named([above(9), above(7), above(7), above(3)]);
    const a = answer(g(), r1, 'E4');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 40 });
    expectNear(item(a, 'x').target, (70 - 0.00005) / 10);
    verify(g(), r1, 'E4', 'tax', item(a, 'x'), 'B', 'C');
    // totals 90, 90, 90, 30: ranks 1, 1, 1, 4 → A, A, A, C; B (rank ≤ 2) is empty: any total below 90 ranks 4
    const r2 = named([above(9), above(9), above(9), above(3)]);
    const b = answer(g(), r2, 'E4');
    expect(b).toMatchObject({ nextClass: 'B', neededPoints: 60 });
    verify(g(), r2, 'E4', 'tax', item(b, 'x'), 'A', 'C');
  });
  it('flag and field adjustments stay as they are: E4 +3 (high_tech), E5 −5 × (3 − 1)', () => {
    const g = scheme([
      group({
        indicators: [taxI],
        adjustments: [
          { id: 'ht', name: '高新', flag: 'high_tech', points: 3 },
          { id: 'rent', name: '出租', field: 'tenants', per: -5, beyond: 1 },
        ],
      }),
    ]);
    // totals 200, 150, 100, 53, 10
    const r = named([above(20), above(15), above(10), above(5, { flags: 'high_tech' }), above(2, { tenants: 3 })]);
    const a4 = answer(g, r, 'E4');
    expect(a4).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 47 });
    expectNear(item(a4, 'tax').target, (10 * (100 - 3 - 0.00005)) / 100); // 9.699995
    verify(g, r, 'E4', 'tax', item(a4, 'tax'), 'B', 'C');
    const a5 = answer(g, r, 'E5');
    expectNear(item(a5, 'tax').target, (10 * (100 + 10 - 0.00005)) / 100); // 10.999995
    verify(g, r, 'E5', 'tax', item(a5, 'tax'), 'B', 'C');
  });
  it('missing value with policy mean counts as its mean score; target is a value, delta null', () => {
    const g = scheme([group({ indicators: [{ ...taxI, missing: 'mean' }] })]);
    // valued scores 200, 100, 50, 20 → mean (200 + 100 + 50 + 20) / 4 = 92.5 for E3: totals 200, 100, 92.5, 50, 20
    const r = named([above(20), above(10), above(null), above(5), above(2)]);
    const a = answer(g, r, 'E3');
    expect(a).toMatchObject({ currentClass: 'B', nextClass: 'A', neededPoints: 200 - 92.5 });
    const t = item(a, 'tax');
    expect(t).toMatchObject({ current: null, delta: null, possible: true });
    expectNear(t.target, (10 * (200 - 0.00005)) / 100);
    expect(classAfter(g, r, 'E3', 'tax', t.target!)).toBe('A');
    expect(classAfter(g, r, 'E3', 'tax', t.target! * (1 - 1e-6))).toBe('B');
  });
});

describe('uplift: caps, two indicators', () => {
  // a: tax/land, w 100, b 10, cap 1.5 (at most 150); b: va/land, w 50, b 10, no cap
  const s = scheme([
    group({
      indicators: [
        ind({ id: 'a', weight: 100, benchmark: { method: 'fixed', value: 10 }, scoring: { method: 'ratio', cap: 1.5 } }),
        ind({ id: 'b', weight: 50, numerator: 'va', benchmark: { method: 'fixed', value: 10 } }),
      ],
    }),
  ]);
  // totals: 150 + 100 = 250, 150 + 25 = 175, 100 + 50 = 150, 50 + 25 = 75, 20 + 10 = 30 → A, B, B, C, C
  const rows = named([
    above(15, { va: 20 }),
    above(20, { va: 5 }),
    above(10, { va: 10 }),
    above(5, { va: 5 }),
    above(2, { va: 2 }),
  ]);
  it('an indicator at its cap cannot lift it; the other can', () => {
    const a = answer(s, rows, 'E2');
    expect(a).toMatchObject({ currentClass: 'B', nextClass: 'A', neededPoints: 75 });
    expect(item(a, 'a')).toMatchObject({
      possible: false,
      target: null,
      delta: null,
      reason: '该指标已达封顶分，单项提升不足以升档',
    });
    expectNear(item(a, 'b').target, (10 * (25 + 75 - 0.00005)) / 50); // 19.99999
    verify(s, rows, 'E2', 'va', item(a, 'b'), 'A', 'B');
    // and indeed even a huge tax does not lift it
    expect(classAfter(s, rows, 'E2', 'tax', 1e9)).toBe('B');
  });
  it('needing more than the cap allows is impossible, with the numbers in the reason', () => {
    const a = answer(s, rows, 'E3');
    // a would need 100 + 100 = 200 > 150
    expect(item(a, 'a')).toMatchObject({ possible: false });
    expect(item(a, 'a').reason).toContain('最高 150 分');
    expectNear(item(a, 'b').target, (10 * (50 + 100 - 0.00005)) / 50); // 29.99999
    verify(s, rows, 'E3', 'va', item(a, 'b'), 'A', 'B');
  });
  it('a benchmark of 0 scores everyone w: changing the value changes nothing', () => {
    const z = scheme([
      group({ indicators: [ind({ id: 'a', benchmark: { method: 'fixed', value: 0 } }), ind({ id: 'b', numerator: 'va' })] }),
    ]);
    const a = answer(z, rows, 'E4');
    expect(item(a, 'a').possible).toBe(false);
    expect(item(a, 'a').reason).toContain('基准');
    expect(item(a, 'b').possible).toBe(true);
  });
});

describe('uplift: lower is better, exclude, threshold classes', () => {
  // a: tax/land, w 60, b 10; e: energy/va (lower), w 40, b 2, missing exclude; W = 100; A ≥ 150, B ≥ 90, C ≥ 40, else D
  const mk = (cap?: number) =>
    scheme([
      group({
        indicators: [
          ind({ id: 'a', weight: 60, benchmark: { method: 'fixed', value: 10 } }),
          ind({
            id: 'e',
            hero: 'ditan',
            numerator: 'energy',
            denominator: 'va',
            direction: 'lower',
            weight: 40,
            benchmark: { method: 'fixed', value: 2 },
            scoring: cap === undefined ? { method: 'ratio' } : { method: 'ratio', cap },
            missing: 'exclude',
          }),
        ],
        classes: {
          method: 'threshold',
          bands: [
            ['A', 150],
            ['B', 90],
            ['C', 40],
            ['D', null],
          ],
        },
      }),
    ]);
  const s = mk();
  // E1: 60 × 2 + 40 × (2 − 1/2) = 180; E2: 60 + 40 × (2 − 1) = 100; E3: 30 × 100 / 60 = 50 (e excluded);
  // E4: 30 + 40 × (2 − 3/2) = 50; E5: 12 + 40 × max(0, 2 − 4/2) = 12
  const rows = named([
    above(20, { energy: 1, va: 1 }),
    above(10, { energy: 2, va: 1 }),
    above(5, { energy: null, va: 1 }),
    above(5, { energy: 3, va: 1 }),
    above(2, { energy: 4, va: 1 }),
  ]);
  it('the run gives the hand-computed totals and classes', () => {
    const out = evaluate(s, makeTable(rows));
    expect(out.results.map((r) => [r.total, r.class])).toEqual([
      [180, 'A'],
      [100, 'B'],
      [50, 'C'],
      [50, 'C'],
      [12, 'D'],
    ]);
  });
  it('C → B (90): either indicator alone; lower-is-better inverts x = b × (2 − s / w)', () => {
    const a = answer(s, rows, 'E4');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 40 });
    expectNear(item(a, 'a').target, (10 * (30 + 40 - 0.00005)) / 60);
    verify(s, rows, 'E4', 'tax', item(a, 'a'), 'B', 'C');
    const e = item(a, 'e');
    expectNear(e.target, 2 * (2 - (20 + 40 - 0.00005) / 40)); // 1.0000025
    expectNear(e.delta, 2 * (2 - (20 + 40 - 0.00005) / 40) - 3);
    verify(s, rows, 'E4', 'energy', e, 'B', 'C');
  });
  it('an excluded indicator: undo the rescaling W / (W − 40) = 100 / 60, or give it a value (factor back to 1)', () => {
    const a = answer(s, rows, 'E3');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 40 });
    // a: s × 100 / 60 ≥ 89.99995 → s = 89.99995 × 0.6 → x = 10 × s / 60
    expectNear(item(a, 'a').target, (10 * ((90 - 0.00005) * 0.6)) / 60);
    verify(s, rows, 'E3', 'tax', item(a, 'a'), 'B', 'C');
    // e: 30 + s ≥ 89.99995 → s = 59.99995 → x = 2 × (2 − s / 40)
    const e = item(a, 'e');
    expect(e).toMatchObject({ current: null, delta: null });
    expectNear(e.target, 2 * (2 - (90 - 0.00005 - 30) / 40));
    expect(classAfter(s, rows, 'E3', 'energy', e.target!)).toBe('B');
    expect(classAfter(s, rows, 'E3', 'energy', e.target! * (1 + 1e-6))).toBe('C');
  });
  it('D → C (40), from a score of 0 at x ≥ 2b', () => {
    const a = answer(s, rows, 'E5');
    expect(a).toMatchObject({ currentClass: 'D', nextClass: 'C', neededPoints: 28 });
    expectNear(item(a, 'e').target, 2 * (2 - (40 - 12 - 0.00005) / 40)); // 2.6000025
    verify(s, rows, 'E5', 'energy', item(a, 'e'), 'C', 'D');
  });
  it('a cap on the lower-is-better indicator: at most 40 × 1.2 = 48', () => {
    const c = mk(1.2);
    // E2 = 60 + 40 = 100 (B); A needs 150: e would need 40 + 50 = 90 > 48; a needs 60 + 50 = 110 → x = 10 × 110 / 60
    const a = answer(c, rows, 'E2');
    expect(a).toMatchObject({ currentClass: 'B', nextClass: 'A', neededPoints: 50 });
    expect(item(a, 'e').possible).toBe(false);
    expect(item(a, 'e').reason).toContain('最高 48 分');
    expectNear(item(a, 'a').target, (10 * (110 - 0.00005)) / 60);
    verify(c, rows, 'E2', 'tax', item(a, 'a'), 'A', 'B');
  });
  it('a threshold that is not a 4-place number: the reported total must reach the next 4-place number', () => {
    const t = scheme([
      group({
        indicators: [ind({ weight: 100, benchmark: { method: 'fixed', value: 10 } })],
        classes: {
          method: 'threshold',
          bands: [
            ['A', 89.99991],
            ['B', null],
          ],
        },
      }),
    ]);
    const r = named([above(5)]); // total 50
    const a = answer(t, r, 'E1');
    // 89.9999 < 89.99991, so the total must be reported as 90.0000: unrounded ≥ 89.99995
    expect(a).toMatchObject({ currentClass: 'B', nextClass: 'A', neededPoints: 40 });
    expectNear(item(a, 'x').target, (10 * (90 - 0.00005)) / 100); // 8.999995
    verify(t, r, 'E1', 'tax', item(a, 'x'), 'A', 'B');
  });
});

describe('uplift: minmax (values 2, 4, 6, 8, 10; lo 2, hi 10 held)', () => {
  const mm = (over: Partial<Indicator> = {}, classes?: Group['classes']) =>
    scheme([
      group({
        indicators: [ind({ weight: 100, benchmark: undefined, scoring: { method: 'minmax' }, ...over })],
        ...(classes ? { classes } : {}),
      }),
    ]);
  const rows = named([above(2), above(4), above(6), above(8), above(10)]);
  it('higher, floor 0.2: x = lo + (s / w − 0.2) / 0.8 × (hi − lo)', () => {
    // scores 100 × (0.2 + 0.8 × (x − 2) / 8): 20, 40, 60, 80, 100 → C, C, B, B, A
    const s = mm();
    const a = answer(s, rows, 'E2');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 20 });
    expectNear(item(a, 'x').target, 2 + (((60 - 0.00005) / 100 - 0.2) / 0.8) * 8); // 5.999995
    verify(s, rows, 'E2', 'tax', item(a, 'x'), 'B', 'C');
    const b = answer(s, rows, 'E3');
    expectNear(item(b, 'x').target, 2 + (((100 - 0.00005) / 100 - 0.2) / 0.8) * 8); // 9.999995
    verify(s, rows, 'E3', 'tax', item(b, 'x'), 'A', 'B');
  });
  it('lower, floor 0: x = hi − s / w × (hi − lo)', () => {
    // scores 100 × (10 − x) / 8: 100, 75, 50, 25, 0 → A, B, B, C, C
    const s = mm({ direction: 'lower', scoring: { method: 'minmax', floor: 0 } });
    const a = answer(s, rows, 'E4');
    expect(a).toMatchObject({ currentClass: 'C', nextClass: 'B', neededPoints: 25 });
    expectNear(item(a, 'x').target, 10 - ((50 - 0.00005) / 100) * 8); // 6.000004
    expectNear(item(a, 'x').delta, 10 - ((50 - 0.00005) / 100) * 8 - 8);
    verify(s, rows, 'E4', 'tax', item(a, 'x'), 'B', 'C');
  });
  it('the score cannot exceed w', () => {
    const s = mm(
      {},
      {
        method: 'threshold',
        bands: [
          ['A', 105],
          ['B', 50],
          ['C', null],
        ],
      },
    );
    // totals 20, 40, 60, 80, 100 → C, C, B, B, B; A needs 105 > w = 100
    expect(item(answer(s, rows, 'E5'), 'x')).toMatchObject({ possible: false, reason: '该指标已达封顶分，单项提升不足以升档' });
    expect(item(answer(s, rows, 'E4'), 'x').reason).toContain('最高 100 分（当前 80 分）');
  });
});

describe('uplift: statuses', () => {
  const g = group({ vetoes: [{ id: 'safety', name: '安全', flag: 'safety_accident', class: 'D' }] });
  const s = scheme([g], { exempt: { flag: 'exempt', class: 'T' }, tenantsTakeLandlordClass: true });
  const rows: Row[] = [
    above(9, { uscc: 'V', flags: 'safety_accident' }),
    above(5, { uscc: 'S' }),
    above(1, { uscc: 'X', flags: 'exempt' }),
    { uscc: 'T', scale: 'above', land_mu: 0, landlord_uscc: 'S' },
    { uscc: 'U', land_mu: 1, tax: 1 },
  ];
  const out = evaluate(s, makeTable(rows));
  it('vetoed: nothing an indicator does changes the class', () => {
    expect(upliftFor(s, out, 'V')).toMatchObject({
      currentClass: 'D',
      nextClass: null,
      items: [],
      note: '因否决项定档，指标提升不改变档次',
    });
  });
  it('exempt, tenant, unevaluated, unknown: explained, no items', () => {
    for (const u of ['X', 'T', 'U', 'NOPE']) {
      const a = upliftFor(s, out, u);
      expect(a.items).toEqual([]);
      expect(a.nextClass).toBeNull();
      expect(a.note).toBeTruthy();
    }
    expect(upliftFor(s, out, 'X').note).toContain('免评');
    expect(upliftFor(s, out, 'T').note).toContain('出租方');
    expect(upliftFor(s, out, 'U').note).toContain('不属于任何评价分组');
    expect(upliftFor(s, out, 'T').currentClass).toBe(out.results[3]!.class);
  });
});

// Random schemes with pinned (fixed) benchmarks and ratio scoring, indicator values that are single fields (so a value
// can be set exactly): every possible item really lifts the enterprise and a hair less does not; every impossible
// item cannot lift it even with the best value there is.
describe('uplift: property against the engine', () => {
  const CLASSES = ['A', 'B', 'C', 'D'];
  const indArb = (k: number) =>
    fc
      .record({
        direction: fc.constantFrom('higher' as const, 'lower' as const),
        weight: fc.integer({ min: 1, max: 50 }),
        b: fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 1, max: 400 }).map((x) => x / 8) },
          { weight: 1, arbitrary: fc.constant(0) },
        ),
        cap: fc.option(fc.constantFrom(1, 1.2, 1.5, 2, 3), { nil: undefined }),
        missing: fc.constantFrom(undefined, 'zero' as const, 'exclude' as const),
      })
      .map((r): Indicator =>
        ind({
          id: `i${k}`,
          name: `指标${k}`,
          numerator: `f${k}`,
          denominator: undefined,
          direction: r.direction,
          weight: r.weight,
          benchmark: { method: 'fixed', value: r.b },
          scoring: r.cap === undefined ? { method: 'ratio' } : { method: 'ratio', cap: r.cap },
          ...(r.missing ? { missing: r.missing } : {}),
        }),
      );
  const classesArb: fc.Arbitrary<Group['classes']> = fc.oneof(
    fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }).map((xs) => ({
      method: 'percentile' as const,
      bands: [...xs].sort((a, b) => a - b).map((x, i): [string, number] => [CLASSES[i]!, x / 100]),
    })),
    fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([xs, open]) => {
        const bands: [string, number | null][] = [...xs].sort((a, b) => b - a).map((x, i) => [CLASSES[i]!, x / 10]);
        if (open) bands.push([CLASSES[bands.length]!, null]);
        return { method: 'threshold' as const, bands };
      }),
  );
  const valueArb = fc.option(
    fc.integer({ min: 0, max: 4000 }).map((x) => x / 16),
    { nil: null, freq: 6 },
  );
  const caseArb = fc.integer({ min: 1, max: 3 }).chain((k) =>
    fc.record({
      indicators: fc.tuple(...Array.from({ length: k }, (_, i) => indArb(i))),
      classes: classesArb,
      points: fc.integer({ min: -5, max: 5 }),
      rows: fc.array(
        fc.record({
          values: fc.tuple(...Array.from({ length: k }, () => valueArb)),
          flag: fc.boolean(),
        }),
        { minLength: 2, maxLength: 25 },
      ),
    }),
  );

  it('targets reach the next class exactly (engine re-run with the value changed)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = scheme([
          group({
            indicators: c.indicators,
            classes: c.classes,
            adjustments: [{ id: 'f', name: '加分', flag: 'f', points: c.points }],
          }),
        ]);
        const rows: Row[] = c.rows.map((r, i) => {
          const row: Row = { uscc: `E${i}`, scale: 'above', land_mu: 1, flags: r.flag ? 'f' : '' };
          r.values.forEach((v, k) => (row[`f${k}`] = v));
          return row;
        });
        const out = evaluate(s, makeTable(rows));
        const band = (cls: string | null) => (cls === null ? c.classes.bands.length : CLASSES.indexOf(cls));
        for (const e of out.results) {
          const a = upliftFor(s, out, e.uscc);
          if (a.nextClass === null) {
            // only the best band (or a band no better one can be reached from) has no next class
            expect(a.note).toBeTruthy();
            continue;
          }
          const now = band(e.class);
          expect(band(a.nextClass)).toBeLessThan(now);
          for (const it of a.items) {
            const k = Number(it.indicatorId.slice(1));
            const indicator = c.indicators[k]!;
            const field = `f${k}`;
            if (it.possible) {
              expect(band(classAfter(s, rows, e.uscc, field, it.target!))).toBeLessThanOrEqual(band(a.nextClass));
              const dir = indicator.direction === 'higher' ? 1 : -1;
              const hair = it.target! - dir * Math.max(Math.abs(it.target!) * 1e-6, 1e-12);
              expect(band(classAfter(s, rows, e.uscc, field, hair))).toBeGreaterThan(band(a.nextClass));
            } else {
              // not even the best value there is reaches it (giving an excluded indicator a value may even lower the
              // total: the rescaling goes away)
              const best = indicator.direction === 'higher' ? 1e12 : 0;
              expect(band(classAfter(s, rows, e.uscc, field, best))).toBeGreaterThan(band(a.nextClass));
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
