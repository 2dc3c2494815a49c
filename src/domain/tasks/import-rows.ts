/** Pure parsing of the annual key-work list (one task per row). */
import type { ColumnSpec } from '../import/sheet.js';
import { isIsoDate } from '../time/dates.js';
import { CYCLES, PRIORITIES, type Cycle, type Priority } from './workflow.js';

export const TASK_COLUMNS: ColumnSpec[] = [
  { key: 'title', header: '任务内容', required: true, maxLength: 300 },
  { key: 'requirement', header: '具体要求', required: false, maxLength: 4000 },
  { key: 'category', header: '类别', required: false, maxLength: 50 },
  { key: 'leader', header: '牵头领导', required: false, maxLength: 50 },
  { key: 'leadUnit', header: '牵头单位', required: true, maxLength: 100 },
  { key: 'coopUnits', header: '协办单位', required: false, maxLength: 1000 },
  { key: 'deadline', header: '完成时限', required: true },
  { key: 'priority', header: '优先级', required: false },
  { key: 'cycle', header: '报送周期', required: false },
  { key: 'cycleDay', header: '报送日', required: false },
];

/** Accepts 2022-06-30, 2022/6/30, 2022.6.30 and 2022年6月30日; returns an ISO date or null. */
export function parseDate(text: string): string | null {
  const m = text.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function splitNames(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Key or Chinese label → key, for a label table ({ key: { zh, en } }). */
export const byLabel = <K extends string>(table: Record<K, { zh: string; en: string }>) =>
  new Map<string, K>(
    Object.entries(table).flatMap(
      ([k, v]) =>
        [
          [k, k as K],
          [(v as { zh: string }).zh, k as K],
        ] as [string, K][],
    ),
  );

export const PRIORITY_BY_LABEL = byLabel<Priority>(PRIORITIES);
export const CYCLE_BY_LABEL = byLabel<Cycle>(CYCLES);
