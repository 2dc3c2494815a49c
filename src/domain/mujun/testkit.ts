/** Test helpers for the 亩均 engine: build tables and schemes tersely. */
import { DEFAULT_TEXT_FIELDS } from './expr.js';
import type { MujunTable } from './engine.js';
import type { Group, Indicator, Scheme } from './scheme.js';

export type Row = Record<string, string | number | null | undefined>;

export function makeTable(rows: Row[]): MujunTable {
  const numKeys = new Set<string>();
  const textKeys = new Set<string>(['industry', 'scale', 'landlord_uscc', 'flags']);
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) {
      if (k === 'uscc' || k === 'name') continue;
      if (DEFAULT_TEXT_FIELDS.has(k) || typeof v === 'string') textKeys.add(k);
      else numKeys.add(k);
    }
  numKeys.add('land_mu');
  const columns: Record<string, Float64Array> = {};
  for (const k of numKeys) columns[k] = Float64Array.from(rows, (r) => (typeof r[k] === 'number' ? (r[k] as number) : NaN));
  const text: Record<string, string[]> = {};
  for (const k of textKeys) text[k] = rows.map((r) => (r[k] == null ? '' : String(r[k])));
  return {
    uscc: rows.map((r, i) => String(r['uscc'] ?? `E${i + 1}`)),
    name: rows.map((r, i) => String(r['name'] ?? `企业${i + 1}`)),
    columns,
    text,
  };
}

export function ind(over: Partial<Indicator> = {}): Indicator {
  return {
    id: 'x',
    name: '指标',
    hero: 'mujun',
    numerator: 'tax',
    denominator: 'land_mu',
    direction: 'higher',
    weight: 10,
    benchmark: { method: 'fixed', value: 1 },
    scoring: { method: 'ratio' },
    ...over,
  };
}

export function group(over: Partial<Group> = {}): Group {
  return {
    id: 'g',
    name: '组',
    filter: "scale == 'above'",
    indicators: [ind()],
    classes: {
      method: 'percentile',
      bands: [
        ['A', 0.2],
        ['B', 0.6],
        ['C', 0.95],
        ['D', 1],
      ],
    },
    ...over,
  };
}

export function scheme(groups: Group[], over: Partial<Scheme> = {}): Scheme {
  return { id: 's', name: '方案', year: 2022, groups, ...over };
}
