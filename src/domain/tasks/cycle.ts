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
      return addDays(on, ((((day ?? 5) - isoWeekday(on)) % 7) + 7) % 7);
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

export interface ReportDue {
  /** The date the next report is expected by. */
  dueOn: IsoDate;
  /** That date has passed without a report (a missed report). */
  late: boolean;
}

const MAX_PERIODS = 600;

/**
 * The report that is expected next. The duty starts on `since` (the assignment date); periods end on the cycle's due
 * dates, and the period that spans the deadline ends on the deadline (a task still open after it goes on reporting on
 * its cycle). Each report, in date order, fulfils the earliest unfulfilled period that had begun by its date — so a late
 * report catches up a missed period and the current one is still expected. The first unfulfilled period gives the
 * answer; `late` when its due date is already past.
 */
export function reportDue(
  cycle: Cycle,
  cycleDay: number | null,
  deadline: IsoDate,
  since: IsoDate,
  reportDates: readonly IsoDate[],
  today: IsoDate,
): ReportDue {
  if (cycle === 'once') {
    const done = reportDates.some((d) => d >= since);
    return { dueOn: deadline, late: !done && deadline < today };
  }
  const next = (after: IsoDate) => {
    const d = dueOnOrAfter(cycle, cycleDay, addDays(after, 1), deadline);
    return after < deadline && d > deadline ? deadline : d;
  };
  const reports = [...reportDates].filter((d) => d >= since).sort();
  let start = addDays(since, -1); // a period (start, due]
  let due = next(start);
  let r = 0;
  for (let n = 0; n < MAX_PERIODS; n++) {
    while (r < reports.length && reports[r]! <= start) r++; // reports before this period began fulfil nothing more
    if (r >= reports.length) return { dueOn: due, late: due < today };
    r++; // this report fulfils the period
    start = due;
    due = next(due);
  }
  return { dueOn: due, late: due < today };
}
