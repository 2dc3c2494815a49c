import { api } from '../../api/client';
import { useRequest, useUnits } from '../../api/hooks';
import type { TaskSource } from '../../api/taskTypes';
import type { Leader } from '../../api/types';

/** Leaders (for pickers) from /api/leaders. */
export function useLeaders(enabled = true) {
  return useRequest(() => api.get<{ items: Leader[] }>('/leaders').then((r) => r.items), 'leaders', enabled);
}

/** Task sources the caller can see, from /api/task-sources. */
export function useSources(enabled = true) {
  return useRequest(() => api.get<{ items: TaskSource[] }>('/task-sources').then((r) => r.items), 'task-sources', enabled);
}

export const leaderLabel = (l: { name: string; title: string | null }) => (l.title ? `${l.title} ${l.name}` : l.name);

export { useUnits };
