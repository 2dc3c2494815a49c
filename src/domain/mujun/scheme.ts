/** 亩均论英雄 scheme (spec §2): types, zod schema and validation that reports every problem with its field path. */
import { z } from 'zod';
import { MujunExprError, parseArith, parseFilter } from './expr.js';

const hero = z.enum(['mujun', 'ditan', 'keji', 'renjun']);
export type Hero = z.infer<typeof hero>;
export const HEROES: readonly Hero[] = ['mujun', 'ditan', 'keji', 'renjun'];

const benchmark = z.object({
  method: z.enum(['fixed', 'aggregate', 'mean', 'median', 'percentile']),
  value: z.number().optional(),
  p: z.number().min(0).max(100).optional(),
  multiplier: z.number().optional(),
  by: z.literal('industry').optional(),
  minCount: z.number().int().min(1).optional(),
});

const scoring = z.object({
  method: z.enum(['ratio', 'minmax']),
  cap: z.number().optional(),
  floor: z.number().min(0).max(1).optional(),
});

/**
 * An indicator's, adjustment's or veto's display name: optional (spec §2 shows names but does not require them); when
 * absent or blank, the id stands in, so every reader of a validated scheme (results, explanations, exports) has a name.
 */
const displayName = z.string().optional();
function withName<T extends { id: string; name?: string | undefined }>(o: T): Omit<T, 'name'> & { name: string } {
  return { ...o, name: o.name?.trim() ? o.name : o.id };
}

const indicator = z
  .object({
    id: z.string().min(1),
    name: displayName,
    hero,
    unit: z.string().optional(),
    numerator: z.string(),
    denominator: z.string().optional(),
    direction: z.enum(['higher', 'lower']),
    weight: z.number().positive(),
    benchmark: benchmark.optional(),
    scoring,
    missing: z.enum(['zero', 'mean', 'exclude']).optional(),
  })
  .transform(withName);

const adjustment = z.union([
  z.object({ id: z.string().min(1), name: displayName, flag: z.string().min(1), points: z.number() }).transform(withName),
  z
    .object({
      id: z.string().min(1),
      name: displayName,
      field: z.string().min(1),
      per: z.number(),
      beyond: z.number().optional(),
    })
    .transform(withName),
]);

const veto = z
  .object({ id: z.string().min(1), name: displayName, flag: z.string().min(1), class: z.string().min(1) })
  .transform(withName);

const classes = z.union([
  z.object({ method: z.literal('percentile'), bands: z.array(z.tuple([z.string().min(1), z.number().gt(0).max(1)])).min(1) }),
  z.object({ method: z.literal('threshold'), bands: z.array(z.tuple([z.string().min(1), z.number().nullable()])).min(1) }),
]);

const group = z.object({
  id: z.string().min(1),
  name: z.string(),
  filter: z.string(),
  indicators: z.array(indicator).min(1),
  adjustments: z.array(adjustment).optional(),
  vetoes: z.array(veto).optional(),
  classes,
});

export const schemeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  year: z.number().int(),
  groups: z.array(group).min(1),
  exempt: z.object({ flag: z.string().min(1), class: z.string().min(1) }).optional(),
  tenantsTakeLandlordClass: z.boolean().optional(),
});

/** A validated scheme (names filled in). */
export type Scheme = z.infer<typeof schemeSchema>;
/** A scheme as written (JSON / YAML, the editor's body): names may be absent. */
export type SchemeInput = z.input<typeof schemeSchema>;
export type Group = z.infer<typeof group>;
export type Indicator = z.infer<typeof indicator>;
export type Adjustment = z.infer<typeof adjustment>;
export type Benchmark = z.infer<typeof benchmark>;

export interface SchemeProblem {
  path: string; // e.g. groups[0].indicators[2].numerator
  position?: number; // for expression errors: 0-based offset in the expression
  message: string;
}

function pathString(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s;
}

/** Validate a scheme. Returns the typed scheme, or every problem found. */
export function validateScheme(input: unknown): { ok: true; scheme: Scheme } | { ok: false; problems: SchemeProblem[] } {
  const parsed = schemeSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: pathString(i.path), message: i.message })) };
  }
  const s = parsed.data;
  const problems: SchemeProblem[] = [];
  const expr = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof MujunExprError) problems.push({ path: e.field, position: e.position, message: e.message });
      else throw e;
    }
  };
  const dup = (ids: string[], base: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, k) => {
      if (seen.has(id)) problems.push({ path: `${base}[${k}].id`, message: `${what} id '${id}' 重复` });
      seen.add(id);
    });
  };
  dup(
    s.groups.map((g) => g.id),
    'groups',
    '分组',
  );
  s.groups.forEach((g, gi) => {
    const gp = `groups[${gi}]`;
    expr(() => parseFilter(g.filter, `${gp}.filter`));
    dup(
      g.indicators.map((x) => x.id),
      `${gp}.indicators`,
      '指标',
    );
    g.indicators.forEach((ind, ii) => {
      const ip = `${gp}.indicators[${ii}]`;
      expr(() => parseArith(ind.numerator, `${ip}.numerator`));
      if (ind.denominator !== undefined) expr(() => parseArith(ind.denominator!, `${ip}.denominator`));
      if (ind.scoring.method === 'ratio' && !ind.benchmark) {
        problems.push({ path: `${ip}.benchmark`, message: 'ratio 计分需要 benchmark' });
      }
      const b = ind.benchmark;
      if (b?.method === 'fixed' && b.value === undefined) {
        problems.push({ path: `${ip}.benchmark.value`, message: 'fixed 基准需要 value' });
      }
      if (b?.method === 'percentile' && b.p === undefined) {
        problems.push({ path: `${ip}.benchmark.p`, message: 'percentile 基准需要 p（0–100）' });
      }
    });
    dup(
      (g.adjustments ?? []).map((a) => a.id),
      `${gp}.adjustments`,
      '加减分项',
    );
    dup(
      (g.vetoes ?? []).map((v) => v.id),
      `${gp}.vetoes`,
      '否决项',
    );
    if (g.classes.method === 'percentile') {
      let prev = 0;
      g.classes.bands.forEach(([, share], k) => {
        if (share <= prev) problems.push({ path: `${gp}.classes.bands[${k}]`, message: '比例必须递增' });
        prev = share;
      });
    } else {
      let prev = Infinity;
      g.classes.bands.forEach(([, min], k) => {
        if (min === null) {
          if (k !== g.classes.bands.length - 1)
            problems.push({ path: `${gp}.classes.bands[${k}]`, message: '无下限 (null) 的档次必须是最后一档' });
          return;
        }
        if (min >= prev) problems.push({ path: `${gp}.classes.bands[${k}]`, message: '分数线必须递减' });
        prev = min;
      });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, scheme: s };
}
