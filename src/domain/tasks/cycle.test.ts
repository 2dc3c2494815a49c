import { describe, expect, it } from 'vitest';
import { dueOnOrAfter, reportDue } from './cycle.js';

describe('reporting cycle due dates', () => {
  it('monthly on the 28th, clamped in February', () => {
    expect(dueOnOrAfter('monthly', 28, '2026-03-02', '2026-12-31')).toBe('2026-03-28');
    expect(dueOnOrAfter('monthly', 28, '2026-03-29', '2026-12-31')).toBe('2026-04-28');
    expect(dueOnOrAfter('monthly', 31, '2026-02-03', '2026-12-31')).toBe('2026-02-28');
  });
  it('weekly on a weekday (Friday by default)', () => {
    expect(dueOnOrAfter('weekly', null, '2026-03-02', '2026-12-31')).toBe('2026-03-06'); // Monday → Friday
    expect(dueOnOrAfter('weekly', 5, '2026-03-06', '2026-12-31')).toBe('2026-03-06');
    expect(dueOnOrAfter('weekly', 1, '2026-03-07', '2026-12-31')).toBe('2026-03-09');
  });
  it('quarterly in the last month of the quarter', () => {
    expect(dueOnOrAfter('quarterly', null, '2026-02-10', '2026-12-31')).toBe('2026-03-25');
    expect(dueOnOrAfter('quarterly', 25, '2026-03-26', '2026-12-31')).toBe('2026-06-25');
  });
  it('once on the deadline', () => {
    expect(dueOnOrAfter('once', null, '2026-03-02', '2026-05-01')).toBe('2026-05-01');
  });
});

describe('which report is due', () => {
  const deadline = '2026-12-31';
  it('expects the current period’s report until it comes in, then the next', () => {
    expect(reportDue('monthly', 28, deadline, '2026-02-10', [], '2026-02-20')).toEqual({ dueOn: '2026-02-28', late: false });
    expect(reportDue('monthly', 28, deadline, '2026-02-10', ['2026-02-15'], '2026-02-20')).toEqual({
      dueOn: '2026-03-28',
      late: false,
    });
    // two reports in one period fulfil only that period
    expect(reportDue('monthly', 28, deadline, '2026-02-10', ['2026-02-15', '2026-02-16'], '2026-02-20')).toEqual({
      dueOn: '2026-03-28',
      late: false,
    });
  });
  it('flags a missed report, and a late report catches up without covering the current period', () => {
    // assigned 10 Jan; periods end 28 Jan, 28 Feb, 28 Mar; only a January report → February's is late on 5 March
    expect(reportDue('monthly', 28, deadline, '2026-01-10', ['2026-01-20'], '2026-03-05')).toEqual({
      dueOn: '2026-02-28',
      late: true,
    });
    // a report on 1 March fulfils February late; March's is still expected
    expect(reportDue('monthly', 28, deadline, '2026-01-10', ['2026-01-20', '2026-03-01'], '2026-03-05')).toEqual({
      dueOn: '2026-03-28',
      late: false,
    });
  });
  it('ignores reports made before the duty began', () => {
    expect(reportDue('weekly', 5, deadline, '2026-03-02', ['2026-02-27'], '2026-03-04')).toEqual({
      dueOn: '2026-03-06',
      late: false,
    });
  });
  it('ends the last period on the deadline, and keeps an overdue task on its cycle', () => {
    const end = '2026-03-15';
    expect(reportDue('monthly', 28, end, '2026-01-10', ['2026-01-20', '2026-02-20'], '2026-03-05')).toEqual({
      dueOn: '2026-03-15',
      late: false,
    });
    // everything up to the deadline reported: if the task is still open, the next report comes on the cycle
    expect(reportDue('monthly', 28, end, '2026-01-10', ['2026-01-20', '2026-02-20', '2026-03-10'], '2026-03-12')).toEqual({
      dueOn: '2026-03-28',
      late: false,
    });
    // overdue and silent since: late
    expect(reportDue('monthly', 28, end, '2026-01-10', ['2026-01-20', '2026-02-20', '2026-03-10'], '2026-04-05')).toEqual({
      dueOn: '2026-03-28',
      late: true,
    });
  });
  it('a one-off report is late after the deadline', () => {
    expect(reportDue('once', null, '2026-03-01', '2026-01-10', [], '2026-03-05')).toEqual({ dueOn: '2026-03-01', late: true });
    expect(reportDue('once', null, '2026-03-01', '2026-01-10', ['2026-02-01'], '2026-03-05')).toEqual({
      dueOn: '2026-03-01',
      late: false,
    });
  });
});
