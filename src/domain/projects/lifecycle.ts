/**
 * 招大引强: the life of an industrial project from its first talk to full production — stages in a fixed order, the
 * investor's kind, the source of the lead, the monthly report duty — and its light through the one set of warning
 * rules (the planned stage dates are its milestones). Pure: no I/O.
 */
import { computeLight, type LightResult, type LightRules } from '../warnings/lights.js';
import { addDays, daysInMonth, isIsoDate, type IsoDate } from '../time/dates.js';

export const STAGES = {
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  land: { zh: '供地', en: 'Land supplied' },
  started: { zh: '开工', en: 'Construction started' },
  completed: { zh: '竣工', en: 'Completed' },
  producing: { zh: '投产', en: 'In production' },
  full: { zh: '达产', en: 'Full production' },
} as const;
export type Stage = keyof typeof STAGES;
export const STAGE_IDS = Object.keys(STAGES) as [Stage, ...Stage[]];
export const TERMINATED = { zh: '终止', en: 'Terminated' } as const;
/** A project's state: one of the stages, or terminated (with the stage it stopped at). */
export type ProjectState = Stage | 'terminated';
export const STATE_IDS = [...STAGE_IDS, 'terminated'] as [ProjectState, ...ProjectState[]];

export const stageIndex = (s: Stage): number => STAGE_IDS.indexOf(s);

export const INVESTOR_FLAGS = {
  central_soe: { zh: '央企', en: 'Central SOE' },
  national: { zh: '国字号/中字头', en: 'National brand (国字号/中字头)' },
  fortune500: { zh: '世界500强', en: 'Fortune Global 500' },
  china500: { zh: '中国500强', en: 'China Top 500' },
  listed: { zh: '上市公司', en: 'Listed company' },
  foreign: { zh: '外资', en: 'Foreign-invested' },
} as const;
export type InvestorFlag = keyof typeof INVESTOR_FLAGS;
export const INVESTOR_FLAG_IDS = Object.keys(INVESTOR_FLAGS) as [InvestorFlag, ...InvestorFlag[]];

export const PROJECT_SOURCES = {
  fund: { zh: '基金招商', en: 'Fund-led' },
  business: { zh: '以商招商', en: 'Investor referral' },
  resident: { zh: '驻点招商', en: 'Resident office' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ProjectSource = keyof typeof PROJECT_SOURCES;
export const PROJECT_SOURCE_IDS = Object.keys(PROJECT_SOURCES) as [ProjectSource, ...ProjectSource[]];

/** The planned and actual date of each stage (null when not planned / not reached). */
export interface StageDates {
  stage: Stage;
  plannedOn: IsoDate | null;
  actualOn: IsoDate | null;
}

export interface StageMove {
  /** The stage to enter, or 'terminated'. */
  to: ProjectState;
  on: IsoDate;
  reason?: string | null;
}

export interface MoveActor {
  /** The supervision office (督查室) may move a project back or resume a terminated one. */
  supervisor: boolean;
}

/**
 * Why a move is refused (Chinese, empty when allowed). Forward only to the next stage; a stage skipped is not entered
 * (供地 before 签约 makes no sense). Back to an earlier stage, or resuming a terminated project, only by 督查室 with a
 * reason. Termination needs a reason. The date may not be in the future nor before the previous stage's date.
 */
export function stageMoveProblems(
  state: ProjectState,
  /** For a terminated project: the stage it had reached. */
  reached: Stage,
  dates: readonly StageDates[],
  move: StageMove,
  actor: MoveActor,
  today: IsoDate,
): string[] {
  const out: string[] = [];
  const reason = move.reason?.trim() ?? '';
  if (!isIsoDate(move.on)) return ['日期无效'];
  if (move.on > today) out.push('日期不能晚于今天');
  if (move.to === 'terminated') {
    if (state === 'terminated') out.push('项目已终止');
    if (!reason) out.push('终止项目须填写原因');
    return out;
  }
  const target = stageIndex(move.to);
  if (state === 'terminated') {
    if (!actor.supervisor) out.push('恢复已终止的项目须由督查室办理');
    if (!reason) out.push('恢复项目须填写原因');
    if (target > stageIndex(reached)) out.push(`恢复时只能回到“${STAGES[reached].zh}”或更早的阶段`);
    return out;
  }
  const current = stageIndex(state);
  if (target === current) out.push(`项目已处于“${STAGES[state].zh}”阶段`);
  else if (target > current + 1) {
    out.push(`须按顺序推进：下一阶段是“${STAGES[STAGE_IDS[current + 1]!].zh}”，不能直接进入“${STAGES[move.to].zh}”`);
  } else if (target < current) {
    if (!actor.supervisor) out.push('退回到之前的阶段须由督查室办理');
    if (!reason) out.push('退回须填写原因');
  } else {
    const prev = dates.find((d) => d.stage === state)?.actualOn;
    if (prev && move.on < prev) out.push(`“${STAGES[move.to].zh}”的日期不能早于“${STAGES[state].zh}”的日期 ${prev}`);
  }
  return out;
}

/**
 * The stage dates after an allowed move: entering a stage records its actual date; going back clears the actual dates
 * of every later stage (they are to be reached again); termination keeps the dates.
 */
export function applyStageMove(dates: readonly StageDates[], move: StageMove): StageDates[] {
  const byStage = new Map(dates.map((d) => [d.stage, d]));
  if (move.to === 'terminated') return STAGE_IDS.map((s) => byStage.get(s) ?? { stage: s, plannedOn: null, actualOn: null });
  const target = stageIndex(move.to);
  return STAGE_IDS.map((s, i) => {
    const d = byStage.get(s) ?? { stage: s, plannedOn: null, actualOn: null };
    if (i === target) return { ...d, actualOn: d.actualOn && d.actualOn <= move.on ? d.actualOn : move.on };
    if (i > target) return { ...d, actualOn: null };
    return d;
  });
}

/** Planned dates must not run backwards through the stages (Chinese messages naming the stage). */
export function plannedDateProblems(dates: readonly StageDates[]): { stage: Stage; message: string }[] {
  const out: { stage: Stage; message: string }[] = [];
  let last: { stage: Stage; on: IsoDate } | null = null;
  for (const s of STAGE_IDS) {
    const d = dates.find((x) => x.stage === s)?.plannedOn;
    if (!d) continue;
    if (!isIsoDate(d)) {
      out.push({ stage: s, message: `“${STAGES[s].zh}”的计划日期无效` });
      continue;
    }
    if (last && d < last.on) {
      out.push({ stage: s, message: `“${STAGES[s].zh}”的计划日期 ${d} 早于“${STAGES[last.stage].zh}”的计划日期 ${last.on}` });
    }
    last = { stage: s, on: d };
  }
  return out;
}

/** A month as 'YYYY-MM'. */
export type YearMonth = string;
export const isYearMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** The month before a 'YYYY-MM'. */
export function previousMonth(m: YearMonth): YearMonth {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** Every month from the month of `from` to the month of `to`, both included ('YYYY-MM'). */
export function monthsBetween(from: IsoDate, to: IsoDate): YearMonth[] {
  const out: YearMonth[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > end) break;
    out.push(s);
    if (++m > 12) ((m = 1), y++);
  }
  return out;
}

/** The date a month's report is due: day `dueDay` of the next month (clamped to its length). */
export function monthlyReportDueOn(month: YearMonth, dueDay: number): IsoDate {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const ny = mo === 12 ? y + 1 : y;
  const nm = mo === 12 ? 1 : mo + 1;
  const day = Math.min(dueDay, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The monthly report owed: the latest month whose report is due by today and was not filed, counting from the month
 * the duty began (the month of 签约). Null when nothing is owed. Reports are owed while the project is between 签约 and
 * 达产; a project in talks or terminated owes none.
 */
export function missedMonthlyReport(
  state: ProjectState,
  dutySince: IsoDate | null,
  reportedMonths: ReadonlySet<YearMonth>,
  dueDay: number,
  today: IsoDate,
): { month: YearMonth; dueOn: IsoDate } | null {
  if (state === 'terminated' || state === 'negotiating' || state === 'full' || !dutySince) return null;
  const first = dutySince.slice(0, 7);
  // the newest month whose due date has passed
  let m = previousMonth(today.slice(0, 7));
  if (monthlyReportDueOn(m, dueDay) >= today) m = previousMonth(m);
  for (let i = 0; i < 3 && m >= first; i++, m = previousMonth(m)) {
    if (!reportedMonths.has(m)) return { month: m, dueOn: monthlyReportDueOn(m, dueDay) };
  }
  return null;
}

export interface ProjectLightInput {
  state: ProjectState;
  dates: readonly StageDates[];
  /** The monthly report owed and missed, if any. */
  missedReport: { month: YearMonth; dueOn: IsoDate } | null;
}

/**
 * The project's light by the same rules as a task's: each stage not yet reached with a planned date is a milestone
 * (red when its date passed without the stage, blue when near), the planned 达产 date is the deadline, a missed monthly
 * report is yellow. A terminated or fully producing project has no light (null).
 */
export function projectLight(p: ProjectLightInput, rules: LightRules, today: IsoDate): LightResult | null {
  if (p.state === 'terminated' || p.state === 'full') return null;
  const current = stageIndex(p.state);
  const open = p.dates.filter((d) => stageIndex(d.stage) > current && d.plannedOn);
  const milestones = open.map((d) => ({ name: STAGES[d.stage].zh, plannedOn: d.plannedOn!, doneOn: null }));
  // the final planned date is the deadline; without one, a far date so only the milestones speak
  const last = open[open.length - 1]?.plannedOn ?? addDays(today, 36500);
  const result = computeLight(
    {
      deadline: last,
      assignedOn: null,
      percent: 0,
      milestones: milestones.slice(0, -1),
      reportDue: p.missedReport ? { dueOn: p.missedReport.dueOn, late: true } : null,
    },
    rules,
    today,
  );
  const final = open[open.length - 1];
  return final ? relabel(result, STAGES[final.stage].zh) : result;
}

/** Deadline reasons speak of the final stage by name (“达产”), not of a task's 完成时限. */
function relabel(r: LightResult, finalStage: string): LightResult {
  return {
    light: r.light,
    reasons: r.reasons.map((x) =>
      x.code === 'overdue'
        ? { ...x, message: x.message.replace('已超过完成时限', `“${finalStage}”计划日期已过`) }
        : x.code === 'deadline_near'
          ? { ...x, message: x.message.replace('距完成时限', `距“${finalStage}”计划日期`).replace('今日到期', `“${finalStage}”今日到期`) }
          : x,
    ),
  };
}

/** Is the project late: a planned date passed without its stage (the ledger's 滞后 filter). */
export function behindSchedule(state: ProjectState, dates: readonly StageDates[], today: IsoDate): Stage | null {
  if (state === 'terminated' || state === 'full') return null;
  const current = stageIndex(state);
  for (const d of dates) if (stageIndex(d.stage) > current && d.plannedOn && d.plannedOn < today) return d.stage;
  return null;
}
