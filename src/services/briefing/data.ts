/** What a briefing (情况通报) says about a period: the overall figures, red and yellow items by unit, top and bottom units. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tasks, units } from '../../db/schema.js';
import { STATUS_LABELS, type TaskStatus } from '../../domain/tasks/workflow.js';
import { daysInMonth, localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { taskVisibility } from '../tasks/access.js';
import { TRACKED } from '../dashboard/common.js';
import { checkPeriod, lightsDuring, type Period } from '../scoring/period.js';

export interface BriefingItem {
  number: string;
  title: string;
  light: 'red' | 'yellow';
  deadline: string;
  status: string;
}
export interface UnitRate {
  unitName: string;
  closed: number;
  closedOnTime: number;
  overdue: number;
  /** 按期办结率: closed on time ÷ (closed in the period + open and overdue at its end), percent, one decimal. */
  rate: number;
}

export function periodLabel({ from, to }: Period): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fy === ty && fm === tm && fd === 1 && td === daysInMonth(ty, tm)) return `${fy}年${fm}月`;
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}

export async function briefingData(ctx: Ctx, period: Period) {
  requirePermission(ctx, 'tasks.manage');
  const p = checkPeriod(period);
  const rows = (
    await ctx.db
      .select({
        id: tasks.id,
        number: tasks.number,
        title: tasks.title,
        status: tasks.status,
        deadline: tasks.deadline,
        assignedAt: tasks.assignedAt,
        closedAt: tasks.closedAt,
        unitName: units.name,
        sortOrder: units.sortOrder,
      })
      .from(tasks)
      .innerJoin(units, eq(units.id, tasks.leadUnitId))
      .where(and(taskVisibility(ctx.actor), inArray(tasks.status, TRACKED)))
      .orderBy(asc(units.sortOrder), asc(tasks.number))
  ).filter((r) => r.assignedAt && localDate(r.assignedAt) <= p.to);
  const lights = await lightsDuring(
    ctx.db,
    rows.map((r) => r.id),
    p,
  );
  const summary = { handedOut: rows.length, closed: 0, closedOnTime: 0, openAtEnd: 0, overdueAtEnd: 0, red: 0, yellow: 0 };
  const byUnit = new Map<string, BriefingItem[]>();
  const rates = new Map<string, UnitRate>();
  for (const r of rows) {
    const u = rates.get(r.unitName) ?? { unitName: r.unitName, closed: 0, closedOnTime: 0, overdue: 0, rate: 0 };
    rates.set(r.unitName, u);
    const closedOn = r.closedAt ? localDate(r.closedAt) : null;
    if (closedOn && closedOn >= p.from && closedOn <= p.to) {
      summary.closed++;
      u.closed++;
      if (closedOn <= r.deadline) (summary.closedOnTime++, u.closedOnTime++);
    }
    if (!closedOn || closedOn > p.to) {
      summary.openAtEnd++;
      if (r.deadline < p.to) (summary.overdueAtEnd++, u.overdue++);
    }
    const seen = lights.get(r.id);
    const light = seen?.has('red') ? 'red' : seen?.has('yellow') ? 'yellow' : null;
    if (light) {
      summary[light]++;
      const status = STATUS_LABELS[r.status as TaskStatus]?.zh ?? r.status;
      byUnit.set(r.unitName, [
        ...(byUnit.get(r.unitName) ?? []),
        { number: r.number, title: r.title, light, deadline: r.deadline, status },
      ]);
    }
  }
  const ranked = [...rates.values()]
    .filter((u) => u.closed + u.overdue > 0)
    .map((u) => ({ ...u, rate: Math.round((u.closedOnTime / (u.closed + u.overdue)) * 1000) / 10 }))
    .sort((a, b) => b.rate - a.rate || b.closedOnTime - a.closedOnTime || a.unitName.localeCompare(b.unitName, 'zh'));
  const top = ranked.slice(0, 5);
  const bottom = ranked.slice(top.length).reverse().slice(0, 5);
  return {
    ...p,
    title: `关于${periodLabel(p)}督查督办工作情况的通报`,
    summary,
    redYellow: [...byUnit].map(([unitName, items]) => ({ unitName, items })),
    top,
    bottom,
  };
}
export type Briefing = Awaited<ReturnType<typeof briefingData>>;
