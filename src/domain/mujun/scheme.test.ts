import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.js';
import { outputTable } from './output.js';
import { validateScheme } from './scheme.js';
import { makeTable, type Row } from './testkit.js';
import { upliftFor } from './uplift.js';

const huangyan = JSON.parse(readFileSync(new URL('./fixtures/huangyan-2023.scheme.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('validateScheme', () => {
  it('accepts the published Huangyan scheme and the spec example', () => {
    expect(validateScheme(huangyan).ok).toBe(true);
    const anyuan = {
      id: 'anyuan-2022',
      name: '2022年度工业企业亩均效益综合评价',
      year: 2022,
      groups: [
        {
          id: 'above',
          name: '规上企业',
          filter: "scale == 'above'",
          indicators: [
            {
              id: 'tax_per_mu',
              name: '亩均税收',
              hero: 'mujun',
              unit: '万元/亩',
              numerator: 'tax',
              denominator: 'land_mu',
              direction: 'higher',
              weight: 30,
              benchmark: { method: 'aggregate', multiplier: 1 },
              scoring: { method: 'ratio', cap: 1.5 },
              missing: 'zero',
            },
          ],
          adjustments: [
            { id: 'high_tech', name: '高新技术企业', flag: 'high_tech', points: 3 },
            { id: 'renting', name: '出租厂房', field: 'tenants', per: -5, beyond: 1 },
          ],
          vetoes: [{ id: 'safety', name: '重大安全事故', flag: 'safety_accident', class: 'D' }],
          classes: {
            method: 'percentile',
            bands: [
              ['A', 0.2],
              ['B', 0.6],
              ['C', 0.95],
              ['D', 1.0],
            ],
          },
        },
      ],
      exempt: { flag: 'exempt', class: 'T' },
      tenantsTakeLandlordClass: true,
    };
    expect(validateScheme(anyuan)).toMatchObject({ ok: true });
  });

  it('lists every structural problem with its field path', () => {
    const bad = structuredClone(huangyan) as { groups: Record<string, unknown>[] };
    const g0 = bad.groups[0]! as { indicators: Record<string, unknown>[] };
    g0.indicators[0]!['hero'] = 'money';
    g0.indicators[2]!['weight'] = -1;
    (bad.groups[1] as Record<string, unknown>)['classes'] = { method: 'quantile', bands: [] };
    const r = validateScheme(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('groups[0].indicators[0].hero');
    expect(paths).toContain('groups[0].indicators[2].weight');
    expect(paths.some((p) => p.startsWith('groups[1].classes'))).toBe(true);
  });

  it('lists expression errors with field and position, and semantic problems', () => {
    const bad = structuredClone(huangyan) as {
      groups: { filter: string; indicators: Record<string, unknown>[]; classes: unknown }[];
    };
    bad.groups[0]!.filter = "scale = 'above'";
    bad.groups[0]!.indicators[1]!['numerator'] = 'value_added +';
    bad.groups[0]!.indicators[3]!['benchmark'] = { method: 'percentile' };
    bad.groups[0]!.indicators[4]!['id'] = 'tax_per_mu';
    bad.groups[1]!.indicators[0]!['benchmark'] = undefined;
    bad.groups[1]!.classes = {
      method: 'percentile',
      bands: [
        ['A', 0.6],
        ['B', 0.2],
      ],
    };
    const r = validateScheme(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'groups[0].filter', position: 6 }),
        expect.objectContaining({ path: 'groups[0].indicators[1].numerator', position: 13 }),
        expect.objectContaining({ path: 'groups[0].indicators[3].benchmark.p' }),
        expect.objectContaining({ path: 'groups[0].indicators[4].id' }),
        expect.objectContaining({ path: 'groups[1].indicators[0].benchmark' }),
        expect.objectContaining({ path: 'groups[1].classes.bands[1]' }),
      ]),
    );
    expect(r.problems).toHaveLength(6);
  });
});

describe('names are optional (spec §2 shows them, does not require them)', () => {
  const nameless = {
    id: 'nameless',
    name: '无名称方案',
    year: 2022,
    groups: [
      {
        id: 'above',
        name: '规上企业',
        filter: "scale == 'above'",
        indicators: [
          {
            id: 'tax_per_mu',
            hero: 'mujun',
            numerator: 'tax',
            denominator: 'land_mu',
            direction: 'higher',
            weight: 60,
            benchmark: { method: 'fixed', value: 10 },
            scoring: { method: 'ratio' },
          },
          {
            id: 'tax_per_kwh',
            name: '  ',
            hero: 'ditan',
            numerator: 'tax',
            denominator: 'electricity_kwh',
            direction: 'higher',
            weight: 40,
            benchmark: { method: 'fixed', value: 1 },
            scoring: { method: 'ratio' },
          },
        ],
        adjustments: [
          { id: 'high_tech', flag: 'high_tech', points: 3 },
          { id: 'renting', field: 'tenants', per: -2, beyond: 1 },
        ],
        vetoes: [{ id: 'safety', flag: 'safety_accident', class: 'D' }],
        classes: {
          method: 'percentile',
          bands: [
            ['A', 0.3],
            ['D', 1],
          ],
        },
      },
    ],
  };

  it('parses, and the id stands in for a missing or blank name', () => {
    const v = validateScheme(nameless);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const g = v.scheme.groups[0]!;
    expect(g.indicators.map((i) => i.name)).toEqual(['tax_per_mu', 'tax_per_kwh']);
    expect(g.adjustments!.map((a) => a.name)).toEqual(['high_tech', 'renting']);
    expect(g.vetoes!.map((x) => x.name)).toEqual(['safety']);
    // a given name is kept
    const named = structuredClone(nameless);
    (named.groups[0]!.indicators[0] as Record<string, unknown>)['name'] = '亩均税收';
    const w = validateScheme(named);
    expect(w.ok && w.scheme.groups[0]!.indicators[0]!.name).toBe('亩均税收');
  });

  it('results and explanations show the id', () => {
    const v = validateScheme(nameless);
    if (!v.ok) throw new Error('invalid');
    const rows: Row[] = [
      { uscc: 'E1', scale: 'above', tax: 100, land_mu: 5, electricity_kwh: 50, flags: 'high_tech' },
      { uscc: 'E2', scale: 'above', tax: 20, land_mu: 5, electricity_kwh: 40, flags: 'safety_accident', tenants: 3 },
      { uscc: 'E3', scale: 'above', tax: 40, land_mu: 5, electricity_kwh: 80 },
    ];
    const result = evaluate(v.scheme, makeTable(rows));
    expect(result.results.find((r) => r.uscc === 'E2')!.vetoes).toEqual(['safety']);
    // the people's table heads its columns with the ids
    const table = outputTable(v.scheme, result);
    expect(table.headers).toEqual(expect.arrayContaining(['tax_per_mu', 'tax_per_mu基准', 'tax_per_mu得分', 'tax_per_kwh得分']));
    // what would move E3 up names its indicators by id
    const up = upliftFor(v.scheme, result, 'E3');
    expect(up.nextClass).toBe('A');
    expect(up.items.map((i) => i.name).sort()).toEqual(['tax_per_kwh', 'tax_per_mu']);
  });
});
