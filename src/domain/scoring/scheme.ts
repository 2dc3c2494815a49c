/** The unit scoring scheme (考核办法), kept as data 督查室 edits. Points are signed as applied: bonuses ≥ 0, deductions ≤ 0. */
export interface ScoreScheme {
  base: number;
  /** Per task whose progress report was on time (see the facts for the exact rule). */
  onTimeReport: number;
  /** Per task closed on or before its deadline. */
  closedOnTime: number;
  /** Per open task past its deadline at the period's end. */
  overdue: number;
  /** Per task returned (退回 or 退回整改). */
  returned: number;
  /** Per task that was red during the period. */
  red: number;
  /** 督查室's rating of a closing report. */
  quality: { excellent: number; good: number; poor: number };
}

export const DEFAULT_SCHEME: ScoreScheme = {
  base: 100,
  onTimeReport: 1,
  closedOnTime: 3,
  overdue: -3,
  returned: -2,
  red: -2,
  quality: { excellent: 2, good: 1, poor: -2 },
};

const BONUS = ['onTimeReport', 'closedOnTime'] as const;
const DEDUCTION = ['overdue', 'returned', 'red'] as const;

/** What is wrong with a scheme, in words for the user (empty: fine). */
export function schemeProblems(s: ScoreScheme): string[] {
  const out: string[] = [];
  const finite = (v: number) => Number.isFinite(v) && Math.abs(v) <= 1000;
  if (!finite(s.base) || s.base < 0) out.push('基础分应为 0–1000');
  for (const k of BONUS) if (!finite(s[k]) || s[k] < 0) out.push(`${ITEM_LABELS[k]}应为加分（≥ 0）`);
  for (const k of DEDUCTION) if (!finite(s[k]) || s[k] > 0) out.push(`${ITEM_LABELS[k]}应为扣分（≤ 0）`);
  if (!finite(s.quality.excellent) || s.quality.excellent < 0) out.push('办结质量“优秀”应为加分（≥ 0）');
  if (!finite(s.quality.good) || s.quality.good < 0) out.push('办结质量“良好”应为加分（≥ 0）');
  if (!finite(s.quality.poor) || s.quality.poor > 0) out.push('办结质量“较差”应为扣分（≤ 0）');
  return out;
}

export const ITEM_LABELS = {
  base: '基础分',
  onTimeReport: '按时报送进展',
  closedOnTime: '按期办结',
  overdue: '逾期未办结',
  returned: '被退回',
  red: '亮红灯',
  excellent: '办结质量优秀',
  good: '办结质量良好',
  poor: '办结质量较差',
} as const;
export type ScoreItem = keyof typeof ITEM_LABELS;
