import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_RULES, computeLight, expectedPercent, lightRuleProblems, type LightInput } from './lights.js';

const base: LightInput = { deadline: '2026-06-30', assignedOn: '2026-01-01', percent: 50, milestones: [], reportDue: null };
const at = (today: string, over: Partial<LightInput> = {}) => computeLight({ ...base, ...over }, DEFAULT_LIGHT_RULES, today);

describe('三色预警 at the boundaries (the clock is a parameter)', () => {
  it('red from the day after the deadline, not on it', () => {
    expect(at('2026-06-30', { percent: 99 }).light).toBe('blue');
    expect(at('2026-07-01', { percent: 99 }).light).toBe('red');
    expect(at('2026-07-01').reasons[0]).toEqual({ light: 'red', code: 'overdue', message: '已超过完成时限 1 天' });
  });
  it('blue exactly N days before the deadline, green one day earlier', () => {
    expect(at('2026-06-27', { percent: 99 }).light).toBe('blue');
    expect(at('2026-06-26', { percent: 99 }).light).toBe('green');
  });
  it('yellow when progress trails time beyond the tolerance, not at it', () => {
    // 1 Jan → 30 Jun is 180 days; on 31 Mar (89 days) 49.4% is expected
    expect(expectedPercent('2026-01-01', '2026-06-30', '2026-03-31')).toBeCloseTo(49.44, 1);
    expect(at('2026-03-31', { percent: 30 }).light).toBe('green'); // lag 19.4 ≤ 20
    expect(at('2026-03-31', { percent: 29 }).light).toBe('yellow'); // lag 20.4 > 20
  });
  it('yellow for a missed report', () => {
    expect(at('2026-03-31', { reportDue: { dueOn: '2026-03-28', late: true } }).reasons.map((r) => r.code)).toEqual([
      'report_missing',
    ]);
    expect(
      computeLight(
        { ...base, reportDue: { dueOn: '2026-03-28', late: true } },
        { ...DEFAULT_LIGHT_RULES, yellowOnMissedReport: false },
        '2026-03-31',
      ).light,
    ).toBe('green');
  });
  it('red for an open milestone past its date; cleared when it is done', () => {
    const m = { name: '完成方案', plannedOn: '2026-03-01', doneOn: null };
    expect(at('2026-03-01', { milestones: [m] }).light).toBe('blue');
    expect(at('2026-03-02', { milestones: [m] }).light).toBe('red');
    expect(at('2026-03-02', { milestones: [{ ...m, doneOn: '2026-03-02' }] }).light).toBe('green');
  });
  it('keeps every cause, strongest first', () => {
    const r = at('2026-07-01', { reportDue: { dueOn: '2026-06-28', late: true } });
    expect(r.reasons.map((x) => x.light)).toEqual(['red', 'yellow']);
  });
  it('checks edited rules', () => {
    expect(lightRuleProblems(DEFAULT_LIGHT_RULES)).toEqual([]);
    expect(lightRuleProblems({ blueDays: -1, lagTolerance: 120, yellowOnMissedReport: true })).toHaveLength(2);
  });
});
