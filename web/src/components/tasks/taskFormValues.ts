import dayjs, { type Dayjs } from 'dayjs';
import type { Cycle, Priority, SourceKind, TaskInput, TaskPage } from '../../api/taskTypes';

export interface TaskFormValues {
  title: string;
  requirement?: string;
  sourceKind: SourceKind;
  sourceId?: string | null;
  category?: string | null;
  leadLeaderId?: string | null;
  leadUnitId?: string;
  coopUnitIds?: string[];
  deadline?: Dayjs;
  priority: Priority;
  cycle: Cycle;
  cycleDay?: number | null;
  milestones?: { id?: string; name?: string; plannedOn?: Dayjs; doneOn?: string | null; evidence?: string | null }[];
  targets?: { id?: string; name?: string; unit?: string; targetValue?: number }[];
}

/** The report day a cycle starts with (as the server assumes when none is given). */
export const DEFAULT_CYCLE_DAY: Record<Cycle, number | null> = { weekly: 5, monthly: 28, quarterly: 25, once: null };

export const EMPTY_TASK: TaskFormValues = {
  title: '',
  sourceKind: 'meeting',
  priority: 'normal',
  cycle: 'monthly',
  cycleDay: DEFAULT_CYCLE_DAY.monthly,
  coopUnitIds: [],
  milestones: [],
  targets: [],
};

export function fromTask(p: TaskPage): TaskFormValues {
  const t = p.task;
  return {
    title: t.title,
    requirement: t.requirement,
    sourceKind: t.sourceKind,
    sourceId: t.sourceId,
    category: t.category,
    leadLeaderId: t.leadLeaderId,
    leadUnitId: t.leadUnitId,
    coopUnitIds: t.coopUnits.map((u) => u.id),
    deadline: dayjs(t.deadline),
    priority: t.priority,
    cycle: t.cycle,
    cycleDay: t.cycleDay,
    milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, plannedOn: dayjs(m.plannedOn), doneOn: m.doneOn, evidence: m.evidence })),
    targets: p.targets.map((x) => ({ id: x.id, name: x.name, unit: x.unit, targetValue: x.targetValue })),
  };
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function toInput(v: TaskFormValues): TaskInput {
  return {
    title: v.title.trim(),
    requirement: (v.requirement ?? '').trim(),
    sourceKind: v.sourceKind,
    sourceId: v.sourceId || null,
    category: v.category?.trim() || null,
    leadLeaderId: v.leadLeaderId || null,
    leadUnitId: v.leadUnitId ?? '',
    coopUnitIds: v.coopUnitIds ?? [],
    deadline: day(v.deadline),
    priority: v.priority,
    cycle: v.cycle,
    cycleDay: v.cycle === 'once' ? null : (v.cycleDay ?? null),
    milestones: (v.milestones ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: (m.name ?? '').trim(),
      plannedOn: day(m.plannedOn),
      doneOn: m.doneOn ?? null,
      evidence: m.evidence ?? null,
    })),
    targets: (v.targets ?? []).map((x) => ({ ...(x.id ? { id: x.id } : {}), name: (x.name ?? '').trim(), unit: (x.unit ?? '').trim(), targetValue: x.targetValue ?? 0 })),
  };
}

/** "milestones.0.plannedOn" → ['milestones', 0, 'plannedOn'] (antd name paths). */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^body\./, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
