import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from './client';
import type { Paged, Unit } from './types';

export interface RequestState<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** Runs `fn` on mount and whenever `key` changes; ignores answers that arrive after a newer request. */
export function useRequest<T>(fn: () => Promise<T>, key: string, enabled = true): RequestState<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    fnRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}

export interface PagedState<T> extends RequestState<Paged<T>> {
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Server-paged list; goes back to page 1 whenever the filters change. */
export function usePaged<T>(path: string, filters: Query, enabled = true): PagedState<T> {
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, filterKey });
  const current = paging.filterKey === filterKey ? paging : { page: 1, pageSize: paging.pageSize, filterKey };
  if (current !== paging) setPaging(current);

  const state = useRequest<Paged<T>>(
    () => api.get<Paged<T>>(path, { ...filters, page: current.page, pageSize: current.pageSize }),
    `${path}|${filterKey}|${current.page}|${current.pageSize}`,
    enabled,
  );
  const onPageChange = useCallback(
    (page: number, pageSize: number) => setPaging((p) => ({ ...p, page: pageSize === p.pageSize ? page : 1, pageSize })),
    [],
  );
  return { ...state, page: current.page, pageSize: current.pageSize, onPageChange };
}

/** All units the caller may see (flat). */
export function useUnits(enabled = true): RequestState<Unit[]> {
  const s = useRequest(() => api.get<{ items: Unit[] }>('/units').then((r) => r.items), 'units', enabled);
  return s;
}
