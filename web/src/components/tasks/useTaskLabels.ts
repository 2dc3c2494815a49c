import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import type { Labelled } from '../../api/types';
import type { Cycle, TaskStatus } from '../../api/taskTypes';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  draft: 'default',
  pending_review: 'purple',
  assigned: 'blue',
  returned: 'orange',
  in_progress: 'processing',
  completion_requested: 'gold',
  closed: 'success',
  archived: 'cyan',
  withdrawn: 'default',
};

export const PRIORITY_COLORS: Record<string, string> = { urgent: 'red', important: 'orange', normal: 'default' };

/** Labels for statuses, source kinds, priorities, cycles and timeline actions (from /api/meta, in the current language). */
export function useTaskLabels() {
  const { meta } = useAuth();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const pick = (list: Labelled[] | undefined, id: string) => {
      const hit = list?.find((x) => x.id === id);
      return hit ? (en ? hit.en : hit.zh) : id;
    };
    const options = (list: Labelled[] | undefined) => (list ?? []).map((x) => ({ value: x.id, label: en ? x.en : x.zh }));
    const cycle = (id: string) => pick(meta?.cycles, id);
    return {
      status: (id: string) => pick(meta?.taskStatuses, id),
      sourceKind: (id: string) => pick(meta?.sourceKinds, id),
      priority: (id: string) => pick(meta?.priorities, id),
      cycle,
      /** An action button: the workflow table's label from /api/meta (a few read better with our own words). */
      action: (id: string) => {
        const own = `taskButton.${id}`;
        if (i18n.exists(own)) return t(own);
        const hit = meta?.taskActions?.find((x) => x.id === id);
        return hit ? (en ? hit.en : hit.zh) : i18n.exists(`taskEvent.${id}`) ? t(`taskEvent.${id}`) : id;
      },
      /** A timeline entry: our own words for events outside the workflow table (立项、修改、报送…), else /api/meta. */
      event: (id: string) => {
        const own = `taskEvent.${id}`;
        if (i18n.exists(own)) return t(own);
        return pick(meta?.taskActions, id);
      },
      weekday: (d: number) => t(`weekdays.d${d}`),
      /** "每月，25 日" / "每周，周五"; the day is left out when the cycle has none. */
      cycleText: (c: Cycle, day: number | null) => {
        if (c === 'once' || !day) return cycle(c);
        const dayText = c === 'weekly' ? t('task.weekday', { day: t(`weekdays.d${day}`) }) : t('task.monthDay', { day });
        return t('task.cycleText', { cycle: cycle(c), day: dayText });
      },
      statusOptions: options(meta?.taskStatuses),
      sourceKindOptions: options(meta?.sourceKinds),
      priorityOptions: options(meta?.priorities),
      cycleOptions: options(meta?.cycles),
    };
  }, [meta, en, t, i18n]);
}
