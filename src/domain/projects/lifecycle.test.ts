import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_RULES } from '../warnings/lights.js';
import {
  applyStageMove,
  behindSchedule,
  missedMonthlyReport,
  monthlyReportDueOn,
  monthsBetween,
  plannedDateProblems,
  projectLight,
  stageMoveProblems,
  STAGE_IDS,
  type StageDates,
} from './lifecycle.js';

const dates = (over: Partial<Record<string, [string | null, string | null]>> = {}): StageDates[] =>
  STAGE_IDS.map((stage) => ({ stage, plannedOn: over[stage]?.[0] ?? null, actualOn: over[stage]?.[1] ?? null }));

const unit = { supervisor: false };
const dcs = { supervisor: true };
const today = '2026-03-02';

describe('stage moves', () => {
  it('advances one stage at a time and refuses a skipped stage', () => {
    const d = dates({ negotiating: [null, '2026-01-05'], signed: [null, '2026-02-01'] });
    expect(stageMoveProblems('signed', 'signed', d, { to: 'land', on: '2026-03-01' }, unit, today)).toEqual([]);
    expect(stageMoveProblems('signed', 'signed', d, { to: 'started', on: '2026-03-01' }, unit, today)).toEqual([
      '须按顺序推进：下一阶段是“供地”，不能直接进入“开工”',
    ]);
    expect(stageMoveProblems('signed', 'signed', d, { to: 'signed', on: '2026-03-01' }, unit, today)).toEqual(['项目已处于“签约”阶段']);
  });

  it('refuses a date in the future or before the previous stage', () => {
    const d = dates({ signed: [null, '2026-02-01'] });
    expect(stageMoveProblems('signed', 'signed', d, { to: 'land', on: '2026-04-01' }, unit, today)).toEqual(['日期不能晚于今天']);
    expect(stageMoveProblems('signed', 'signed', d, { to: 'land', on: '2026-01-20' }, unit, today)).toEqual([
      '“供地”的日期不能早于“签约”的日期 2026-02-01',
    ]);
    expect(stageMoveProblems('signed', 'signed', d, { to: 'land', on: '2026-02-30' }, unit, today)).toEqual(['日期无效']);
  });

  it('lets only 督查室 go back, and only with a reason', () => {
    const d = dates();
    expect(stageMoveProblems('started', 'started', d, { to: 'signed', on: today }, unit, today)).toEqual([
      '退回到之前的阶段须由督查室办理',
      '退回须填写原因',
    ]);
    expect(stageMoveProblems('started', 'started', d, { to: 'signed', on: today, reason: '土地未交付' }, dcs, today)).toEqual([]);
  });

  it('terminates with a reason; resuming is 督查室 only and not beyond the stage reached', () => {
    const d = dates();
    expect(stageMoveProblems('land', 'land', d, { to: 'terminated', on: today }, unit, today)).toEqual(['终止项目须填写原因']);
    expect(stageMoveProblems('land', 'land', d, { to: 'terminated', on: today, reason: '投资方撤资' }, unit, today)).toEqual([]);
    expect(stageMoveProblems('terminated', 'land', d, { to: 'land', on: today, reason: '重新洽谈' }, unit, today)).toEqual([
      '恢复已终止的项目须由督查室办理',
    ]);
    expect(stageMoveProblems('terminated', 'land', d, { to: 'started', on: today, reason: '重新洽谈' }, dcs, today)).toEqual([
      '恢复时只能回到“供地”或更早的阶段',
    ]);
  });

  it('records the date of the stage entered and clears the later ones when going back', () => {
    const d = dates({ signed: [null, '2026-01-01'], land: ['2026-02-01', '2026-02-10'], started: ['2026-03-01', '2026-02-20'] });
    const back = applyStageMove(d, { to: 'signed', on: today, reason: 'x' });
    expect(back.find((x) => x.stage === 'land')).toEqual({ stage: 'land', plannedOn: '2026-02-01', actualOn: null });
    expect(back.find((x) => x.stage === 'signed')!.actualOn).toBe('2026-01-01');
    const fwd = applyStageMove(back, { to: 'land', on: '2026-03-01' });
    expect(fwd.find((x) => x.stage === 'land')!.actualOn).toBe('2026-03-01');
  });

  it('refuses planned dates that run backwards', () => {
    expect(plannedDateProblems(dates({ signed: ['2026-03-01', null], land: ['2026-02-01', null] }))).toEqual([
      { stage: 'land', message: '“供地”的计划日期 2026-02-01 早于“签约”的计划日期 2026-03-01' },
    ]);
    expect(plannedDateProblems(dates({ signed: ['2026-03-01', null], started: ['2026-05-01', null] }))).toEqual([]);
  });
});

describe('monthly reports and the light', () => {
  it('owes the last month whose due day has passed, from the month of signing', () => {
    expect(monthlyReportDueOn('2026-12', 5)).toBe('2027-01-05');
    expect(monthsBetween('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-02-28')).toEqual([]);
    expect(monthlyReportDueOn('2026-01', 31)).toBe('2026-02-28');
    // 2 March, due day 5: February is not due yet, January is
    expect(missedMonthlyReport('started', '2025-10-10', new Set(['2025-12']), 5, today)).toEqual({ month: '2026-01', dueOn: '2026-02-05' });
    expect(missedMonthlyReport('started', '2025-10-10', new Set(['2026-01', '2025-12', '2025-11']), 5, today)).toBeNull();
    // signed in February: nothing due yet
    expect(missedMonthlyReport('signed', '2026-02-10', new Set(), 5, today)).toBeNull();
    expect(missedMonthlyReport('negotiating', '2025-01-01', new Set(), 5, today)).toBeNull();
    expect(missedMonthlyReport('terminated', '2025-01-01', new Set(), 5, today)).toBeNull();
  });

  it('turns red when a planned stage date passed without the stage, and names the stage', () => {
    const d = dates({ signed: [null, '2025-10-01'], land: ['2026-02-01', null], full: ['2027-12-31', null] });
    const l = projectLight({ state: 'signed', dates: d, missedReport: null }, DEFAULT_LIGHT_RULES, today)!;
    expect(l.light).toBe('red');
    expect(l.reasons[0]!.message).toBe('节点“供地”已逾期 29 天');
    expect(behindSchedule('signed', d, today)).toBe('land');
  });

  it('is yellow for a missed report, blue near the final stage date, green otherwise; none when done', () => {
    const d = dates({ started: [null, '2025-10-01'], full: ['2026-06-30', null] });
    const missed = { month: '2026-01', dueOn: '2026-02-05' };
    expect(projectLight({ state: 'started', dates: d, missedReport: missed }, DEFAULT_LIGHT_RULES, today)!.light).toBe('yellow');
    expect(projectLight({ state: 'started', dates: d, missedReport: null }, DEFAULT_LIGHT_RULES, today)).toEqual({ light: 'green', reasons: [] });
    const near = projectLight({ state: 'started', dates: d, missedReport: null }, DEFAULT_LIGHT_RULES, '2026-06-29')!;
    expect(near.light).toBe('blue');
    expect(near.reasons[0]!.message).toBe('距“达产”计划日期还有 1 天');
    const late = projectLight({ state: 'started', dates: d, missedReport: null }, DEFAULT_LIGHT_RULES, '2026-07-03')!;
    expect(late.reasons[0]!.message).toBe('“达产”计划日期已过 3 天');
    expect(projectLight({ state: 'full', dates: d, missedReport: missed }, DEFAULT_LIGHT_RULES, today)).toBeNull();
    expect(projectLight({ state: 'terminated', dates: d, missedReport: missed }, DEFAULT_LIGHT_RULES, today)).toBeNull();
  });
});
