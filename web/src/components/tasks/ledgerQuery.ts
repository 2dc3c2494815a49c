// The ledger's filters, sort and page live in the URL (?q=…&status=a,b&light=red,yellow&page=2) so a link reproduces the view.
import type { Query } from '../../api/client';
import { LIGHTS, type LedgerSort } from '../../api/taskTypes';

export const FILTER_KEYS = ['q', 'sourceKind', 'sourceId', 'leaderId', 'leadUnitId', 'unitId', 'status', 'deadlineFrom', 'deadlineTo', 'overdue', 'light', 'parentId', 'directiveId', 'closedFrom', 'closedTo', 'assignedFrom', 'assignedTo', 'closedOnTime'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS: LedgerSort[] = ['deadline', '-deadline', 'number', '-number', 'updatedAt', '-updatedAt', 'percent', '-percent'];

export interface LedgerView {
  filters: Partial<Record<FilterKey, string>>;
  sort: LedgerSort;
  page: number;
  pageSize: number;
}

export function readView(params: URLSearchParams): LedgerView {
  const filters: LedgerView['filters'] = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  if (filters.overdue && filters.overdue !== 'true') delete filters.overdue;
  if (filters.light) {
    // keep the known lights only, so a hand-edited link cannot make the server refuse the whole list
    const lights = filters.light.split(',').filter((l) => (LIGHTS as string[]).includes(l));
    if (lights.length) filters.light = lights.join(',');
    else delete filters.light;
  }
  const sort = params.get('sort') as LedgerSort | null;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  return {
    filters,
    sort: sort && SORTS.includes(sort) ? sort : 'deadline',
    page: Math.max(1, Math.floor(page)),
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : 20,
  };
}

/** The URL for a view; defaults are left out so links stay short. */
export function writeView(v: LedgerView): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const val = v.filters[k];
    if (val) p.set(k, val);
  }
  if (v.sort !== 'deadline') p.set('sort', v.sort);
  if (v.page > 1) p.set('page', String(v.page));
  if (v.pageSize !== 20) p.set('pageSize', String(v.pageSize));
  return p;
}

/** The filters as API query (also for the export, which takes the same filters). */
export function filterQuery(v: LedgerView): Query {
  return { ...v.filters };
}
