import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, schemeProblems } from './scheme.js';
import { scoreUnits, type UnitFacts } from './score.js';

const facts = (unitName: string, over: Partial<UnitFacts> = {}): UnitFacts => ({
  unitId: unitName,
  unitName,
  onTimeReport: 0,
  closedOnTime: 0,
  overdue: 0,
  returned: 0,
  red: 0,
  quality: { excellent: 0, good: 0, poor: 0 },
  ...over,
});

describe('scoreUnits', () => {
  it('ranks by competition ranking: ties share a rank and the next rank is skipped', () => {
    const out = scoreUnits(
      [
        facts('甲', { closedOnTime: 1 }), // 103
        facts('乙', { overdue: 1 }), // 97
        facts('丙', { onTimeReport: 3 }), // 103
        facts('丁', { closedOnTime: 2 }), // 106
      ],
      DEFAULT_SCHEME,
    );
    expect(out.map((s) => [s.unitName, s.score, s.rank])).toEqual([
      ['丁', 106, 1],
      ['丙', 103, 2],
      ['甲', 103, 2],
      ['乙', 97, 4],
    ]);
  });

  it('explains the score item by item, and the lines sum to it', () => {
    const [s] = scoreUnits(
      [
        facts('区商务局', {
          onTimeReport: 4,
          closedOnTime: 2,
          overdue: 1,
          returned: 1,
          red: 2,
          quality: { excellent: 1, good: 0, poor: 1 },
        }),
      ],
      DEFAULT_SCHEME,
    );
    expect(s!.score).toBe(100 + 4 + 6 - 3 - 2 - 4 + 2 - 2);
    expect(s!.breakdown.reduce((a, l) => a + l.subtotal, 0)).toBe(s!.score);
    expect(s!.breakdown.map((l) => l.text)).toEqual([
      '基础分 100 分',
      '按时报送进展 4 项 × +1 分 = +4 分',
      '按期办结 2 项 × +3 分 = +6 分',
      '逾期未办结 1 项 × -3 分 = -3 分',
      '被退回 1 项 × -2 分 = -2 分',
      '亮红灯 2 项 × -2 分 = -4 分',
      '办结质量优秀 1 项 × +2 分 = +2 分',
      '办结质量良好 0 项 × +1 分 = 0 分',
      '办结质量较差 1 项 × -2 分 = -2 分',
    ]);
  });

  it('uses the scheme as given and rejects deductions written as bonuses', () => {
    const scheme = { ...DEFAULT_SCHEME, base: 60, closedOnTime: 0.5 };
    expect(scoreUnits([facts('甲', { closedOnTime: 3 })], scheme)[0]!.score).toBe(61.5);
    expect(schemeProblems(DEFAULT_SCHEME)).toEqual([]);
    expect(schemeProblems({ ...DEFAULT_SCHEME, overdue: 3, quality: { excellent: -1, good: 1, poor: -1 } })).toEqual([
      '逾期未办结应为扣分（≤ 0）',
      '办结质量“优秀”应为加分（≥ 0）',
    ]);
  });
});
