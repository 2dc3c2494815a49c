/**
 * 三色预警: the light of an open task, computed from rules kept as data (the supervision office edits them).
 * red 逾期 (past the deadline or a milestone date) > yellow 滞后 (behind the pro-rata schedule beyond a tolerance, or a
 * missed progress report) > blue 临期 (deadline or a milestone within N days) > green. A light is a pure function of
 * the task and the date, so a task leaves red exactly when its cause is cleared.
 */
import { daysBetween, type IsoDate } from '../time/dates.js';

export const LIGHTS = ['red', 'yellow', 'blue', 'green'] as const;
export type Light = (typeof LIGHTS)[number];

export interface LightRules {
  /** Blue when the deadline or an open milestone is this many days away or fewer. */
  blueDays: number;
  /** Yellow when reported progress trails the time elapsed by more than this many percentage points. */
  lagTolerance: number;
  /** Yellow when the current cycle's progress report is missing. */
  yellowOnMissedReport: boolean;
}

export const DEFAULT_LIGHT_RULES: LightRules = { blueDays: 3, lagTolerance: 20, yellowOnMissedReport: true };

export interface LightInput {
  deadline: IsoDate;
  /** The day the task was assigned (交办); null before. */
  assignedOn: IsoDate | null;
  percent: number;
  milestones: readonly { name: string; plannedOn: IsoDate; doneOn: IsoDate | null }[];
  /** The next expected report; `late` when a report is missing. Null when no report is expected. */
  reportDue: { dueOn: IsoDate; late: boolean } | null;
}

export interface LightReason {
  light: Exclude<Light, 'green'>;
  code: 'overdue' | 'milestone_overdue' | 'behind_schedule' | 'report_missing' | 'deadline_near' | 'milestone_near';
  message: string;
}

export interface LightResult {
  light: Light;
  /** Every cause found, the strongest first. */
  reasons: LightReason[];
}

const ORDER: Record<Light, number> = { red: 3, yellow: 2, blue: 1, green: 0 };

/** The percent of the time from assignment to deadline that has passed on `today` (0–100). */
export function expectedPercent(assignedOn: IsoDate, deadline: IsoDate, today: IsoDate): number {
  const span = daysBetween(assignedOn, deadline);
  if (span <= 0) return 100;
  return Math.max(0, Math.min(100, (daysBetween(assignedOn, today) / span) * 100));
}

export function computeLight(task: LightInput, rules: LightRules, today: IsoDate): LightResult {
  const reasons: LightReason[] = [];
  const late = daysBetween(task.deadline, today);
  if (late > 0) reasons.push({ light: 'red', code: 'overdue', message: `已超过完成时限 ${late} 天` });
  for (const m of task.milestones) {
    if (m.doneOn) continue;
    const d = daysBetween(m.plannedOn, today);
    if (d > 0) reasons.push({ light: 'red', code: 'milestone_overdue', message: `节点“${m.name}”已逾期 ${d} 天` });
    else if (-d <= rules.blueDays) {
      reasons.push({
        light: 'blue',
        code: 'milestone_near',
        message: `节点“${m.name}”${d === 0 ? '今日到期' : `还有 ${-d} 天到期`}`,
      });
    }
  }
  if (task.assignedOn && late <= 0) {
    const expected = expectedPercent(task.assignedOn, task.deadline, today);
    const lag = expected - task.percent;
    if (lag > rules.lagTolerance) {
      reasons.push({
        light: 'yellow',
        code: 'behind_schedule',
        message: `进度 ${task.percent}%，按时间应达 ${Math.round(expected)}%，滞后 ${Math.round(lag)} 个百分点`,
      });
    }
  }
  if (rules.yellowOnMissedReport && task.reportDue?.late) {
    reasons.push({ light: 'yellow', code: 'report_missing', message: `应于 ${task.reportDue.dueOn} 前报送的进展未报送` });
  }
  if (late <= 0 && -late <= rules.blueDays) {
    reasons.push({ light: 'blue', code: 'deadline_near', message: late === 0 ? '今日到期' : `距完成时限还有 ${-late} 天` });
  }
  reasons.sort((a, b) => ORDER[b.light] - ORDER[a.light]);
  return { light: reasons[0]?.light ?? 'green', reasons };
}

/** Checks edited rules; returns Chinese messages, empty when they are acceptable. */
export function lightRuleProblems(r: LightRules): string[] {
  const out: string[] = [];
  if (!Number.isInteger(r.blueDays) || r.blueDays < 0 || r.blueDays > 60) out.push('临期天数须为 0–60 的整数');
  if (!(r.lagTolerance >= 0 && r.lagTolerance <= 100)) out.push('滞后容差须在 0–100 个百分点之间');
  return out;
}

export const LIGHT_LABELS: Record<Light, { zh: string; en: string }> = {
  red: { zh: '红灯', en: 'Red' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  blue: { zh: '蓝灯', en: 'Blue' },
  green: { zh: '绿灯', en: 'Green' },
};
