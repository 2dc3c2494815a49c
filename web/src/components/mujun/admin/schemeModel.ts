// Pure helpers of the scheme editor: paths like groups[0].indicators[1].numerator, immutable updates, blank parts,
// and the shape check that decides whether a JSON text can be shown in the form.
import type { SchemeBody, SchemeGroup, SchemeIndicator, SchemeProblem } from '../../../api/mujunAdminTypes';

export type PathPart = string | number;

/** "groups[0].indicators[1].numerator" → ['groups', 0, 'indicators', 1, 'numerator'] */
export function parsePath(path: string): PathPart[] {
  const out: PathPart[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

export function pathString(parts: readonly PathPart[]): string {
  let s = '';
  for (const p of parts) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

export function getIn(obj: unknown, parts: readonly PathPart[]): unknown {
  let cur: unknown = obj;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathPart, unknown>)[p];
  }
  return cur;
}

/** Removes keys whose value is undefined (InputNumber cleared, optional part switched off). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

export function uniqueId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export function blankIndicator(taken: readonly string[]): SchemeIndicator {
  return {
    id: uniqueId('indicator', taken),
    name: '',
    hero: 'mujun',
    unit: '',
    numerator: '',
    denominator: '',
    direction: 'higher',
    weight: 10,
    benchmark: { method: 'aggregate' },
    scoring: { method: 'ratio' },
  };
}

export function blankGroup(taken: readonly string[]): SchemeGroup {
  return {
    id: uniqueId('group', taken),
    name: '',
    filter: '',
    indicators: [blankIndicator([])],
    classes: {
      method: 'percentile',
      bands: [
        ['A', 0.2],
        ['B', 0.6],
        ['C', 0.95],
        ['D', 1],
      ],
    },
  };
}

export function blankScheme(year: number): SchemeBody {
  return {
    id: `scheme-${year}`,
    name: '',
    year,
    groups: [{ ...blankGroup([]), id: 'above', name: '规上企业', filter: "scale == 'above'" }],
    exempt: { flag: 'exempt', class: 'T' },
    tenantsTakeLandlordClass: true,
  };
}

/** Drops the empty optional strings the form keeps while typing (an empty denominator means none). */
export function cleanScheme(s: SchemeBody): SchemeBody {
  return {
    ...s,
    groups: s.groups.map((g) => ({
      ...g,
      indicators: g.indicators.map((i) =>
        compact({
          ...i,
          unit: i.unit === '' ? undefined : i.unit,
          denominator: typeof i.denominator === 'string' && !i.denominator.trim() ? undefined : i.denominator,
        }),
      ),
    })),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether a parsed JSON value has the shape the form can render (lists where lists go, objects where objects go).
 * Anything finer (types of values, required keys) is the server's validation. Returns the first misfit, or null.
 */
export function formShapeProblem(x: unknown): string | null {
  if (!isObj(x)) return '(root)';
  if (!Array.isArray(x.groups)) return 'groups';
  if (x.exempt !== undefined && !isObj(x.exempt)) return 'exempt';
  for (let gi = 0; gi < x.groups.length; gi++) {
    const g: unknown = x.groups[gi];
    const gp = `groups[${gi}]`;
    if (!isObj(g)) return gp;
    if (!Array.isArray(g.indicators)) return `${gp}.indicators`;
    for (let ii = 0; ii < g.indicators.length; ii++) {
      const ind: unknown = g.indicators[ii];
      const ip = `${gp}.indicators[${ii}]`;
      if (!isObj(ind)) return ip;
      if (ind.benchmark !== undefined && !isObj(ind.benchmark)) return `${ip}.benchmark`;
      if (!isObj(ind.scoring)) return `${ip}.scoring`;
    }
    for (const k of ['adjustments', 'vetoes'] as const) {
      const list = g[k];
      if (list === undefined) continue;
      if (!Array.isArray(list)) return `${gp}.${k}`;
      const bad = list.findIndex((a) => !isObj(a));
      if (bad >= 0) return `${gp}.${k}[${bad}]`;
    }
    if (!isObj(g.classes)) return `${gp}.classes`;
    if (!Array.isArray(g.classes.bands)) return `${gp}.classes.bands`;
    const bad = g.classes.bands.findIndex((b) => !Array.isArray(b));
    if (bad >= 0) return `${gp}.classes.bands[${bad}]`;
  }
  return null;
}

/** "Unexpected token … in JSON at position 12" → line and column, when the engine tells the position. */
export function jsonErrorText(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos).split('\n');
    return `${msg}（第 ${before.length} 行，第 ${before[before.length - 1]!.length + 1} 列）`;
  }
  return msg;
}

/** 422 VALIDATION details from POST /mujun/schemes → problems (fields may come as "body.groups[0]…"). */
export function detailsToProblems(details: unknown): SchemeProblem[] {
  if (!Array.isArray(details)) return [];
  return details.map((d: { field?: string; path?: string; message?: string; position?: number }) => ({
    path: String(d.path ?? d.field ?? '').replace(/^body\.?/, ''),
    position: d.position,
    message: d.message ?? '',
  }));
}

/** Problems by path, for marking the inputs; a problem on a whole part also counts for its parent rows. */
export function problemIndex(problems: readonly SchemeProblem[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of problems) {
    const list = m.get(p.path) ?? [];
    list.push(p.message);
    m.set(p.path, list);
  }
  return m;
}

/** Expression errors read "groups[0]….numerator: 第 7 个字符处：…"; where the path is shown already, drop it. */
export function cleanMessage(path: string, message: string): string {
  return path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

const ORDER: Record<string, readonly string[]> = {
  scheme: ['id', 'name', 'year', 'groups', 'exempt', 'tenantsTakeLandlordClass'],
  group: ['id', 'name', 'filter', 'indicators', 'adjustments', 'vetoes', 'classes'],
  indicator: ['id', 'name', 'hero', 'unit', 'numerator', 'denominator', 'direction', 'weight', 'benchmark', 'scoring', 'missing'],
  benchmark: ['method', 'value', 'p', 'multiplier', 'by', 'minCount'],
  scoring: ['method', 'cap', 'floor'],
  adjustment: ['id', 'name', 'flag', 'points', 'field', 'per', 'beyond'],
  veto: ['id', 'name', 'flag', 'class'],
  classes: ['method', 'bands'],
  exempt: ['flag', 'class'],
};

function ordered(o: unknown, kind: string, inner?: (k: string, v: unknown) => unknown): unknown {
  if (!isObj(o)) return o;
  const keys = [...(ORDER[kind] ?? []).filter((k) => k in o), ...Object.keys(o).filter((k) => !(ORDER[kind] ?? []).includes(k))];
  return Object.fromEntries(keys.map((k) => [k, inner ? inner(k, o[k]) : o[k]]));
}

/** The scheme with its keys in the order of spec §2 (the database keeps its own order), for reading the JSON. */
export function canonicalScheme<T>(body: T): T {
  const list = (v: unknown, f: (x: unknown) => unknown) => (Array.isArray(v) ? v.map(f) : v);
  const indicator = (x: unknown) =>
    ordered(x, 'indicator', (k, v) =>
      k === 'benchmark' ? ordered(v, 'benchmark') : k === 'scoring' ? ordered(v, 'scoring') : v,
    );
  const group = (x: unknown) =>
    ordered(x, 'group', (k, v) =>
      k === 'indicators'
        ? list(v, indicator)
        : k === 'adjustments'
          ? list(v, (a) => ordered(a, 'adjustment'))
          : k === 'vetoes'
            ? list(v, (a) => ordered(a, 'veto'))
            : k === 'classes'
              ? ordered(v, 'classes')
              : v,
    );
  return ordered(body, 'scheme', (k, v) => (k === 'groups' ? list(v, group) : k === 'exempt' ? ordered(v, 'exempt') : v)) as T;
}
