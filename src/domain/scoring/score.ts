/** Unit scores (考核): score, competition rank (1, 2, 2, 4) and an item-by-item breakdown. Pure. */
import { ITEM_LABELS, type ScoreItem, type ScoreScheme } from './scheme.js';

export interface UnitFacts {
  unitId: string;
  unitName: string;
  onTimeReport: number;
  closedOnTime: number;
  overdue: number;
  returned: number;
  red: number;
  quality: { excellent: number; good: number; poor: number };
}

export interface BreakdownLine {
  item: ScoreItem;
  label: string;
  count: number;
  points: number;
  subtotal: number;
  /** e.g. “按期办结 2 项 × 3 分 = 6 分”. */
  text: string;
}

export interface UnitScore {
  unitId: string;
  unitName: string;
  score: number;
  rank: number;
  breakdown: BreakdownLine[];
}

const round = (x: number) => Math.round(x * 100) / 100;
const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);

function line(item: ScoreItem, count: number, points: number): BreakdownLine {
  const subtotal = round(count * points);
  const label = ITEM_LABELS[item];
  const text = item === 'base' ? `${label} ${points} 分` : `${label} ${count} 项 × ${signed(points)} 分 = ${signed(subtotal)} 分`;
  return { item, label, count, points, subtotal, text };
}

export function scoreUnits(facts: readonly UnitFacts[], scheme: ScoreScheme): UnitScore[] {
  const scored = facts.map((f) => {
    const breakdown = [
      line('base', 1, scheme.base),
      line('onTimeReport', f.onTimeReport, scheme.onTimeReport),
      line('closedOnTime', f.closedOnTime, scheme.closedOnTime),
      line('overdue', f.overdue, scheme.overdue),
      line('returned', f.returned, scheme.returned),
      line('red', f.red, scheme.red),
      line('excellent', f.quality.excellent, scheme.quality.excellent),
      line('good', f.quality.good, scheme.quality.good),
      line('poor', f.quality.poor, scheme.quality.poor),
    ];
    const score = round(breakdown.reduce((s, l) => s + l.subtotal, 0));
    return { unitId: f.unitId, unitName: f.unitName, score, rank: 0, breakdown };
  });
  scored.sort((a, b) => b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh'));
  scored.forEach((s, i) => {
    s.rank = i > 0 && scored[i - 1]!.score === s.score ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}
