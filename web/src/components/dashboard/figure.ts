// Click-through from a dashboard number to the ledger: the same query string as the server's ledgerQueryString.
import type { Figure, LedgerFilter } from '../../api/dashboardTypes';

export function ledgerQueryString(f: LedgerFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p.toString();
}

export const ledgerUrl = (fig: Figure): string => `/tasks?${ledgerQueryString(fig.filter)}`;

export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v}%`);
