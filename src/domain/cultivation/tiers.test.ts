import { describe, expect, it } from 'vitest';
import type { Columns } from '../mujun/expr.js';
import {
  CLASS_FIELD,
  movementCounts,
  movementOf,
  orderTiers,
  placeEnterprises,
  targetFor,
  tierCounts,
  tierSetProblems,
  type TierDef,
  type TierSet,
  type YearData,
} from './tiers.js';

const tier = (id: string, order: number, rule: string, threshold: TierDef['threshold'] = null): TierDef => ({
  id,
  name: id.toUpperCase(),
  order,
  rule,
  threshold,
  targets: [{ year: 2022, count: order }],
  ownerUnitId: null,
});

// highest first once ordered: big ≥ 1000, mid ≥ 100 unless class D (`not … ==`: a missing class is not D; `!=`
// would be false on a missing text), small: below-scale with revenue ≥ 10
const TIERS = orderTiers([
  tier('small', 3, "scale == 'below' and revenue >= 10", { field: 'revenue', value: 10 }),
  tier('big', 1, 'revenue >= 1000', { field: 'revenue', value: 1000 }),
  tier('mid', 2, "revenue >= 100 and not mujun_class == 'D'", { field: 'revenue', value: 100 }),
]);

function year(rows: { uscc: string; revenue: number; scale: string; cls?: string }[]): YearData {
  const cols: Columns = {
    n: rows.length,
    numbers: { revenue: Float64Array.from(rows.map((r) => r.revenue)) },
    text: { scale: rows.map((r) => r.scale), [CLASS_FIELD]: rows.map((r) => r.cls ?? '') },
  };
  return { uscc: rows.map((r) => r.uscc), cols };
}

describe('tier set validation', () => {
  const set = (tiers: TierDef[]): TierSet => ({ illustrative: false, note: '', tiers });

  it('accepts a good set', () => {
    expect(tierSetProblems(set(TIERS))).toEqual([]);
  });

  it('names the tier, the field and the character position of a bad rule', () => {
    const bad = tierSetProblems(set([tier('a', 1, 'revenue >= 10'), tier('b', 2, 'revenu >= 10')]));
    expect(bad).toEqual([{ field: 'tiers[1].rule', message: "第 2 个档次「B」准入条件第 1 个字符处：未知字段 'revenu'" }]);
    const syntax = tierSetProblems(set([tier('a', 1, 'revenue >= ')]));
    expect(syntax[0]!.field).toBe('tiers[0].rule');
    expect(syntax[0]!.message).toMatch(/^第 1 个档次「A」准入条件第 11 个字符处：/);
    const text = tierSetProblems(set([tier('a', 1, "revenue == 'x'")]));
    expect(text[0]!.message).toContain("数值字段 'revenue' 不能与字符串比较");
    const arith = tierSetProblems(set([tier('a', 1, 'town > 3')]));
    expect(arith[0]!.message).toContain("文本字段 'town'");
  });

  it('refuses duplicate ids, names and orders, bad thresholds and targets', () => {
    const a = tier('a', 1, 'revenue >= 1');
    const problems = tierSetProblems(
      set([
        a,
        { ...a, threshold: { field: 'nope', value: Number.NaN } },
        {
          ...tier('Bad Id', 0, 'revenue > 0'),
          targets: [
            { year: 1999, count: -1 },
            { year: 2022, count: 1 },
            { year: 2022, count: 2 },
          ],
        },
      ]),
    );
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual([
      'tiers[1].id',
      'tiers[1].name',
      'tiers[1].order',
      'tiers[1].threshold.field',
      'tiers[1].threshold.value',
      'tiers[2].id',
      'tiers[2].order',
      'tiers[2].targets[0].year',
      'tiers[2].targets[0].count',
      'tiers[2].targets[2].year',
    ]);
    expect(problems[0]!.message).toBe('第 2 个档次「A」：档次代码「a」重复');
    expect(tierSetProblems(set([{ ...a, rule: '  ' }]))[0]).toEqual({
      field: 'tiers[0].rule',
      message: '第 1 个档次「A」：请填写准入条件',
    });
  });

  it('reads the target of a year', () => {
    expect(targetFor(TIERS[0]!, 2022)).toBe(1);
    expect(targetFor(TIERS[0]!, 2023)).toBeNull();
  });
});

describe('placement', () => {
  const prev = year([
    { uscc: 'U1', revenue: 500, scale: 'above' }, // mid → big: up
    { uscc: 'U2', revenue: 1200, scale: 'above' }, // big → mid: down
    { uscc: 'U3', revenue: 20, scale: 'below' }, // small → none (became above-scale, small revenue): exit, 小升规
    { uscc: 'U4', revenue: 5, scale: 'below' }, // none → mid, became above-scale: new, 小升规
    { uscc: 'U5', revenue: 300, scale: 'above' }, // mid → mid: same
    { uscc: 'U6', revenue: 2000, scale: 'above' }, // big, absent this year: exit
    { uscc: 'U7', revenue: 1, scale: 'below' }, // none, absent this year: not listed
  ]);
  const cur = year([
    { uscc: 'U1', revenue: 1500, scale: 'above' },
    { uscc: 'U2', revenue: 900, scale: 'above' },
    { uscc: 'U3', revenue: 30, scale: 'above' },
    { uscc: 'U4', revenue: 150, scale: 'above' },
    { uscc: 'U5', revenue: 400, scale: 'above', cls: 'A' },
    { uscc: 'U8', revenue: 12, scale: 'below' }, // new this year, small: new
    { uscc: 'U9', revenue: 5000, scale: 'above', cls: 'D' }, // big (the D class only bars mid): new
    { uscc: 'U10', revenue: 200, scale: 'above', cls: 'D' }, // D bars mid, above-scale bars small: none
    { uscc: 'U11', revenue: Number.NaN, scale: 'above' }, // missing revenue: none, no gap
  ]);
  const p = placeEnterprises(TIERS, cur, prev);
  const names = (a: Int16Array) => Array.from(a, (k) => (k < 0 ? null : TIERS[k]!.id));

  it('puts each enterprise in the highest tier whose rule holds', () => {
    expect(names(p.tier)).toEqual(['big', 'mid', null, 'mid', 'mid', 'small', 'big', null, null]);
    expect(names(p.prevTier)).toEqual(['mid', 'big', 'small', null, 'mid', null, null, null, null]);
    expect(tierCounts(TIERS, p)).toEqual([2, 3, 1]);
  });

  it('gives the movement against last year, with 小升规 and the exits of enterprises gone', () => {
    expect(Array.from(p.movement, movementOf)).toEqual(['up', 'down', 'exit', 'new', 'same', 'new', 'new', 'none', 'none']);
    expect(Array.from(p.becameAboveScale)).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(p.hadPrev)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(p.goneRows).toEqual([{ uscc: 'U6', prevTier: 0 }]);
    expect(movementCounts(p)).toEqual({ up: 1, down: 1, new: 3, exit: 2, same: 1, none: 2, becameAboveScale: 2 });
  });

  it('measures the gap to the next tier threshold', () => {
    expect(names(p.nextTier)).toEqual([null, 'big', 'small', 'big', 'big', 'mid', null, 'small', 'small']);
    // U3: revenue 30 reaches the small threshold, but it is above-scale now: gap 0; U11: missing revenue
    expect(Array.from(p.gap)).toEqual([NaN, 100, 0, 850, 600, 88, NaN, 0, NaN]);
  });

  it('without last year every placed enterprise is new', () => {
    const q = placeEnterprises(TIERS, cur, null);
    expect(Array.from(q.movement, movementOf).filter((m) => m === 'new')).toHaveLength(6);
    expect(q.goneRows).toEqual([]);
    expect(Array.from(q.hadPrev).every((x) => x === 0)).toBe(true);
  });

  it('handles an empty tier set and an empty year', () => {
    const q = placeEnterprises([], cur, prev);
    expect(Array.from(q.tier).every((t) => t === -1)).toBe(true);
    expect(Array.from(q.gap).every(Number.isNaN)).toBe(true);
    const e = placeEnterprises(TIERS, year([]), prev);
    expect(e.n).toBe(0);
    expect(e.goneRows.map((g) => g.uscc)).toEqual(['U1', 'U2', 'U3', 'U5', 'U6']);
  });
});
