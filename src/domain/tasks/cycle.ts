/**
 * Reporting cycles: when the next progress report of a task is due, and whether the current one is in.
 * A cycle's due dates: weekly on an ISO weekday (default Friday), monthly on a day of the month (default the 28th),
 * quarterly on that day of each quarter's last month (default the 25th), once on the deadline.
 */
import { addDays, dayOfMonth, isoWeekday, type IsoDate } from '../time/dates.js';
import type { Cycle } from './workflow.js';

export const DEFAULT_CYCLE_DAY: Record<Cycle, number | null> = { weekly: 5, monthly: 28, quarterly: 25, once: null };

/** The first due date on or after `on`. */
export function dueOnOrAfter(cycle: Cycle, cycleDay: number | null, on: IsoDate, deadline: IsoDate): IsoDate {
  const day = cycleDay ?? DEFAULT_CYCLE_DAY[cycle];
  const [y, m] = on.split('-').map(Number) as [number, number];
  switch (cycle) {
    case 'once':
      return deadline;
    case 'weekly':
      return addDays(on, (((day ?? 5) - isoWeekday(on)) % 7 + 7) % 7);
    case 'monthly': {
      const here = dayOfMonth(y, m, day ?? 28);
      return here >= on ? here : dayOfMonth(y, m + 1, day ?? 28);
    }
    case 'quarterly': {
      const qEnd = Math.ceil(m / 3) * 3;
      const here = dayOfMonth(y, qEnd, day ?? 25);
      return here >= on ? here : dayOfMonth(y, qEnd + 3, day ?? 25);
    }
  }
}

/** The due date before `due` (the start of the period that ends at `due`). */
function previousDue(cycle: Cycle, cycleDay: number | null, due: IsoDate): IsoDate | null {
  const day = cycleDay ?? DEFAULT_CYCLE_DAY[cycle];
  const [y, m] = due.split('-').map(Number) as [number, number];
  switch (cycle) {
    case 'once':
      return null;
    case 'weekly':
      return addDays(due, -7);
    case 'monthly':
      return dayOfMonth(y, m - 1, day ?? 28);
    case 'quarterly':
      return dayOfMonth(y, m - 3, day ?? 25);
  }
}

export interface ReportDue {
  /** The date the next report is expected by. */
  dueOn: IsoDate;
  /** That date has passed without a report (a missed report). */
  late: boolean;
}

/**
 * The report that is expected next. A report made in the period (previous due, due] counts for `due`; a late report
 * catches up. `since` is when the duty began (assignment date); `lastReportOn` the local date of the newest report.
 */
export function reportDue(
  cycle: Cycle,
  cycleDay: number | null,
  deadline: IsoDate,
  since: IsoDate,
  lastReportOn: IsoDate | null,
  today: IsoDate,
): ReportDue {
  const reportedAfter = (d: IsoDate | null) => lastReportOn !== null && (d === null ? lastReportOn >= since : lastReportOn > d);
  const current = dueOnOrAfter(cycle, cycleDay, today, deadline);
  const start = previousDue(cycle, cycleDay, current);
  // the period that ended before today: missed when it began after the duty did and nothing came in since it began
  if (start !== null && start >= since && start < today) {
    const before = previousDue(cycle, cycleDay, start);
    if (before !== null && before >= since && !reportedAfter(before)) return { dueOn: start, late: true };
  }
  if (cycle === 'once') return { dueOn: deadline, late: !reportedAfter(null) && deadline < today };
  const next = reportedAfter(start) ? dueOnOrAfter(cycle, cycleDay, addDays(current, 1), deadline) : current;
  return { dueOn: next > deadline ? deadline : next, late: false };
}
