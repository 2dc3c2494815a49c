/**
 * The engine's results against a snapshot made by an earlier engine: a seeded random table of 5,000 enterprises (the
 * bench's generator) evaluated with the Huangyan scheme of shared/spec/examples, Huangyan with tenants, the default
 * scheme and two variants that use every other option (per-industry median/percentile/mean benchmarks, multipliers,
 * minmax scoring, `lower`, caps, missing = exclude / zero, flag and field adjustments, vetoes, threshold classes,
 * integral totals with many ties, a zero benchmark). Every number is compared bit for bit (−0, NaN and ±Infinity included).
 *
 * The snapshot (fixtures/engine-snapshot.json.gz) holds only what the engine computed, nothing written by hand: per
 * scheme the group summaries and warnings, and a 64-bit digest (SHA-256, cut) of the exact JSON of every enterprise's
 * result and of every columnar array — 5 MB of full values would be the alternative. A mismatch names the row (or array)
 * and prints its result now; check out the snapshot's commit to see the old one.
 * Regenerate it — only when a change of results is intended — with
 * `UPDATE_ENGINE_SNAPSHOT=1 npx vitest run src/domain/mujun/engine-snapshot.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateMujunTable } from '../../../bench/mujun-data.js';
import { defaultScheme } from './default-scheme.js';
import { evaluate, evaluateColumnar, STATUSES, type MujunTable } from './engine.js';
import { validateScheme, type Group, type Scheme } from './scheme.js';

const SNAPSHOT = fileURLToPath(new URL('./fixtures/engine-snapshot.json.gz', import.meta.url));
const SPEC_HUANGYAN = fileURLToPath(new URL('../../../../shared/spec/examples/huangyan-2023.json', import.meta.url));
const FIXTURE_HUANGYAN = fileURLToPath(new URL('./fixtures/huangyan-2023.scheme.json', import.meta.url));
const ROWS = 5000;
const SEED = 4242;

function huangyan(): Scheme {
  // the spec's example when the shared folder is there (it is the same scheme as the fixture)
  const path = existsSync(SPEC_HUANGYAN) ? SPEC_HUANGYAN : FIXTURE_HUANGYAN;
  const r = validateScheme(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(`Huangyan scheme invalid: ${JSON.stringify(r.problems)}`);
  return r.scheme;
}

/** Variant A: the default scheme's groups with other benchmark methods, scoring and missing policies. */
function variantA(): Scheme {
  const base = defaultScheme(2022);
  const groups: Group[] = base.groups.map((g, gi) => ({
    ...g,
    indicators: g.indicators.map((x, k) => {
      const m = k % 6;
      if (m === 0) return { ...x, benchmark: { method: 'median', by: 'industry', minCount: 3 }, missing: 'exclude' };
      if (m === 1) return { ...x, benchmark: { method: 'percentile', p: 40, by: 'industry', multiplier: 1.1 } };
      if (m === 2) return { ...x, scoring: { method: 'minmax', floor: 0.3 }, direction: 'lower', missing: 'mean' };
      if (m === 3) return { ...x, benchmark: { method: 'mean', by: 'industry' }, missing: 'exclude' };
      if (m === 4) return { ...x, benchmark: { method: 'fixed', value: gi ? 0.5 : 3 }, scoring: { method: 'ratio' } };
      return { ...x, direction: 'lower', benchmark: { method: 'aggregate', multiplier: 0.9 }, missing: 'zero' };
    }),
    adjustments: [...(g.adjustments ?? []), { id: 'emp_bonus', name: '就业', field: 'employees', per: 0.01, beyond: 50 }],
  }));
  return { ...base, id: 'variant-a', groups, tenantsTakeLandlordClass: true };
}

/** Variant B: integer-ish totals (many ties: the counting rank path), threshold classes, a compound filter. */
function variantB(): Scheme {
  return {
    id: 'variant-b',
    name: '变体B',
    year: 2022,
    groups: [
      {
        id: 'big',
        name: '大',
        filter: "(scale == 'above' or land_mu > 100) and not (town == '青山镇') and employees * 2 >= 10 - 4",
        indicators: [
          {
            id: 'land',
            name: '用地',
            hero: 'mujun',
            numerator: '-(-land_mu)',
            direction: 'higher',
            weight: 1,
            benchmark: { method: 'fixed', value: 1 },
            scoring: { method: 'ratio', cap: 40 },
          },
          {
            id: 'tax',
            name: '税',
            hero: 'keji',
            numerator: '(tax + 1) / (revenue - tax)',
            denominator: '1 / 2',
            direction: 'lower',
            weight: 3,
            benchmark: { method: 'percentile', p: 90 },
            scoring: { method: 'ratio', cap: 1 },
            missing: 'exclude',
          },
        ],
        adjustments: [{ id: 'ht', name: '高新', flag: 'high_tech', points: 2 }],
        vetoes: [
          { id: 'env', name: '环保', flag: 'environmental_violation', class: 'D' },
          { id: 'safe', name: '安全', flag: 'safety_accident', class: 'C' },
        ],
        classes: {
          method: 'threshold',
          bands: [
            ['A', 30],
            ['B', 10],
            ['C', 2],
            ['D', null],
          ],
        },
      },
      {
        id: 'rest',
        name: '其余',
        filter: "industry != 'C3071' and 0 < land_mu",
        indicators: [
          {
            id: 'kwh',
            name: '电',
            hero: 'ditan',
            numerator: 'electricity_kwh / 10000',
            denominator: 'land_mu * 1',
            direction: 'higher',
            weight: 7,
            benchmark: { method: 'median', by: 'industry', minCount: 50 },
            scoring: { method: 'ratio', cap: 3 },
          },
          {
            id: 'zero_bench',
            name: '基准为零',
            hero: 'renjun',
            numerator: 'employees',
            direction: 'higher',
            weight: 1,
            benchmark: { method: 'fixed', value: 0 },
            scoring: { method: 'ratio' },
          },
        ],
        classes: {
          method: 'percentile',
          bands: [
            ['A', 0.1],
            ['B', 0.5],
            ['C', 1],
          ],
        },
      },
    ],
    exempt: { flag: 'exempt', class: 'T' },
  };
}

function schemes(): Scheme[] {
  const hy = huangyan();
  return [hy, { ...hy, id: 'huangyan-tenants', tenantsTakeLandlordClass: true }, defaultScheme(2022), variantA(), variantB()];
}

/** Some rows with integral land and tax, so that totals tie. */
function table(): MujunTable {
  const t = generateMujunTable(ROWS, SEED);
  const land = t.columns['land_mu']!;
  const tax = t.columns['tax']!;
  for (let i = 0; i < ROWS; i += 3) {
    if (land[i] === land[i]) land[i] = Math.round(land[i]!);
    if (tax[i] === tax[i]) tax[i] = Math.round(tax[i]!);
  }
  return t;
}

/** JSON with every number exact: NaN, ±Infinity and −0 as tagged strings. */
function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'number') return v;
    if (Number.isNaN(v)) return '#NaN';
    if (v === Infinity) return '#Inf';
    if (v === -Infinity) return '#-Inf';
    if (Object.is(v, -0)) return '#-0';
    return v;
  });
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Everything the engine reports for one scheme: the object form, and the columnar arrays it is built from. */
function snapshotOf(s: Scheme, t: MujunTable): { full: Record<string, unknown>; snap: Snapshot } {
  const ev = evaluate(s, t);
  const col = evaluateColumnar(s, t);
  const arrays: Record<string, unknown> = {
    status: Array.from(col.status, (x) => STATUSES[x]),
    group: Array.from(col.group),
    member: Array.from(col.member),
    total: Array.from(col.total),
    rank: Array.from(col.rank),
    classLabels: col.classLabels,
    classIndex: Array.from(col.classIndex),
    adjustmentWords: col.adjustmentWords,
    adjustmentMask: Array.from(col.adjustmentMask),
    vetoWords: col.vetoWords,
    vetoMask: Array.from(col.vetoMask),
  };
  for (const [h, a] of Object.entries(col.heroes)) arrays[`heroes.${h}`] = Array.from(a);
  for (const g of col.byGroup) {
    arrays[`${g.id}.members`] = Array.from(g.members);
    arrays[`${g.id}.vetoes`] = g.vetoes;
    for (const x of g.indicators) {
      arrays[`${g.id}.${x.id}.meta`] = [x.hero, x.minmax];
      arrays[`${g.id}.${x.id}.value`] = Array.from(x.value);
      arrays[`${g.id}.${x.id}.benchmark`] = Array.from(x.benchmark);
      arrays[`${g.id}.${x.id}.score`] = Array.from(x.score);
    }
    for (const a of g.adjustments)
      arrays[`${g.id}.adjustment.${a.id}`] = typeof a.points === 'number' ? a.points : Array.from(a.points);
  }
  const rows = ev.results.map((r) => encode(r));
  const cols = Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, encode(v)]));
  return {
    full: { rows, cols },
    snap: {
      scheme: ev.scheme,
      groups: JSON.parse(encode(ev.groups)) as unknown,
      warnings: ev.warnings,
      rows: rows.map(digest),
      columnar: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, digest(v)])),
    },
  };
}

interface Snapshot {
  scheme: string;
  groups: unknown;
  warnings: string[];
  rows: string[];
  columnar: Record<string, string>;
}

describe('engine results equal the snapshot of an earlier engine', () => {
  const t = table();
  const all = schemes();

  if (process.env.UPDATE_ENGINE_SNAPSHOT === '1') {
    it('writes the snapshot', () => {
      const snap = Object.fromEntries(all.map((s) => [s.id, snapshotOf(s, t).snap]));
      writeFileSync(SNAPSHOT, gzipSync(JSON.stringify(snap), { level: 9 }));
      expect(existsSync(SNAPSHOT)).toBe(true);
    });
    return;
  }

  const snap = JSON.parse(gunzipSync(readFileSync(SNAPSHOT)).toString('utf8')) as Record<string, Snapshot>;

  it('covers every scheme, and the table has scored, exempt, tenant and unevaluated rows', () => {
    expect(Object.keys(snap).sort()).toEqual(all.map((s) => s.id).sort());
    const statuses = new Set(evaluate(all[1]!, t).results.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['exempt', 'scored', 'tenant', 'unevaluated']);
    expect(snap['huangyan-2023']!.rows).toHaveLength(ROWS);
  });

  for (const s of all) {
    it(`${s.id}: every enterprise, group summary, warning and columnar array`, () => {
      const want = snap[s.id]!;
      const { full, snap: got } = snapshotOf(s, t);
      expect(got.scheme).toBe(want.scheme);
      expect(got.groups).toEqual(want.groups);
      expect(got.warnings).toEqual(want.warnings);
      expect(got.rows.length).toBe(want.rows.length);
      const rows = full['rows'] as string[];
      for (let i = 0; i < got.rows.length; i++)
        if (got.rows[i] !== want.rows[i]) expect({ row: i, now: rows[i] }).toEqual({ row: i, now: 'the snapshot result' });
      expect(Object.keys(got.columnar)).toEqual(Object.keys(want.columnar));
      const cols = full['cols'] as Record<string, string>;
      for (const k of Object.keys(want.columnar))
        if (got.columnar[k] !== want.columnar[k])
          expect({ array: k, now: cols[k]!.slice(0, 2000) }).toEqual({ array: k, now: 'the snapshot array' });
    });
  }
});
