/**
 * The published Huangyan 2023 scheme (copied from spec/examples) on a hand-made table of 18 fictitious enterprises.
 * Expected numbers were computed by hand from the spec's formulas (Σ w × x / b with fixed benchmarks; missing
 * emissions get the group's mean va_per_emission score; other missing values score 0), independently of the engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.js';
import { validateScheme, type Scheme } from './scheme.js';
import { makeTable, type Row } from './testkit.js';

const load = (f: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
const checked = validateScheme(load('huangyan-2023.scheme.json'));
if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
const huangyan: Scheme = checked.scheme;
const table = makeTable((load('huangyan-small.table.json') as { rows: Row[] }).rows);

// [name, status, group, total, rank, class]
const EXPECTED: [string, string, string | null, number | null, number | null, string | null][] = [
  ['台州甲模塑有限公司', 'scored', 'above', 124.3294, 3, 'B'],
  ['台州乙汽配有限公司', 'scored', 'above', 85.1724, 6, 'B'],
  ['黄岩丙机械有限公司', 'scored', 'above', 77.3411, 7, 'C'],
  ['黄岩丁制药股份有限公司', 'scored', 'above', 177.2236, 1, 'A'],
  ['台州戊塑业有限公司', 'scored', 'above', 47.8013, 8, 'C'],
  ['台州己模具有限公司', 'scored', 'above', 98.0859, 4, 'B'],
  ['台州庚模具有限公司', 'scored', 'above', 98.0859, 4, 'B'],
  ['黄岩辛鞋业有限公司', 'scored', 'above', 36.444, 9, 'C'],
  ['黄岩壬电器有限公司', 'scored', 'above', 145.3128, 2, 'A'],
  ['黄岩癸工艺品有限公司', 'scored', 'above', 35.4149, 10, 'C'],
  ['黄岩子五金加工厂', 'scored', 'below', 115.53, 2, 'B'],
  ['黄岩丑塑料制品厂', 'scored', 'below', 77.1423, 3, 'B'],
  ['黄岩寅包装厂', 'scored', 'below', 128.4686, 1, 'A'],
  ['黄岩卯模具厂', 'scored', 'below', 64.6931, 4, 'C'],
  ['黄岩辰服装厂', 'scored', 'below', 56.9952, 5, 'C'],
  ['黄岩巳小作坊', 'unevaluated', null, null, null, null],
  ['黄岩午新材料有限公司', 'exempt', 'above', null, null, 'T'],
  ['黄岩未贸易有限公司', 'unevaluated', null, null, null, null],
];

describe('Huangyan 2023 scheme on a hand-made table', () => {
  const out = evaluate(huangyan, table);

  it('status, group, rounded total, competition rank and percentile class of every enterprise', () => {
    expect(out.results.map((r) => [r.name, r.status, r.group, r.total, r.rank, r.class])).toEqual(EXPECTED);
  });

  it('group summaries: n, fixed benchmarks, class counts', () => {
    expect(out.scheme).toBe('huangyan-2023');
    expect(out.groups).toEqual([
      {
        id: 'above',
        n: 10,
        benchmarks: {
          tax_per_mu: 24.097,
          va_per_mu: 136.16,
          va_per_energy: 2.694,
          va_per_emission: 4929.81,
          labour_productivity: 18.14,
          rd_share: 0.0302,
        },
        classCounts: { A: 2, B: 4, C: 4 },
      },
      { id: 'below', n: 5, benchmarks: { tax_per_mu: 11.5932, tax_per_kwh: 0.2352 }, classCounts: { A: 1, B: 2, C: 2 } },
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('indicator detail: values, scores, the mean policy for missing emissions, zero for other missing values', () => {
    const bing = out.results[2]!; // 丙: emissions missing → mean of the 9 valued va_per_emission scores
    expect(bing.indicators['va_per_emission']!.value).toBeNull();
    expect(bing.indicators['va_per_emission']!.score).toBeCloseTo(8.892737, 6);
    expect(bing.indicators['tax_per_mu']).toEqual({ value: 15, benchmark: 24.097, score: (30 * 15) / 24.097 });
    const wu = out.results[4]!; // 戊: rd_expense missing → 0
    expect(wu.indicators['rd_share']).toEqual({ value: null, benchmark: 0.0302, score: 0 });
    const xin = out.results[7]!; // 辛: 0 employees → missing → 0
    expect(xin.indicators['labour_productivity']!.value).toBeNull();
    expect(xin.indicators['labour_productivity']!.score).toBe(0);
    const zi = out.results[10]!; // 子: 60 万元 × 10000 / 2,000,000 kWh = 0.3 元/kWh
    expect(zi.indicators['tax_per_kwh']!.value).toBeCloseTo(0.3, 12);
    expect(zi.indicators['tax_per_kwh']!.score).toBeCloseTo(63.77551, 5);
    const jia = out.results[0]!;
    expect(jia.heroes!.mujun).toBeCloseTo(37.349048 + 23.501763, 5);
    expect(jia.heroes!.ditan).toBeCloseTo(23.756496 + 13.523172, 5);
    expect(jia.heroes!.renjun).toBeCloseTo(13.781698, 5);
    expect(jia.heroes!.keji).toBeCloseTo(12.417219, 5);
    // the scheme has no adjustments or vetoes: flags high_tech and safety_accident do nothing
    expect(out.results[5]!.adjustments).toEqual([]);
    expect(out.results[8]!.vetoes).toEqual([]);
  });

  it('with a high-tech bonus and a safety veto added to the above-scale group', () => {
    const s: Scheme = structuredClone(huangyan);
    s.groups[0]!.adjustments = [{ id: 'high_tech', name: '高新技术企业', flag: 'high_tech', points: 3 }];
    s.groups[0]!.vetoes = [{ id: 'safety', name: '重大安全事故', flag: 'safety_accident', class: 'D' }];
    const o = evaluate(s, table);
    const above = o.results.slice(0, 10).map((r) => [r.name, r.total, r.rank, r.class]);
    expect(above).toEqual([
      ['台州甲模塑有限公司', 124.3294, 3, 'B'],
      ['台州乙汽配有限公司', 85.1724, 6, 'B'],
      ['黄岩丙机械有限公司', 77.3411, 7, 'C'],
      ['黄岩丁制药股份有限公司', 177.2236, 1, 'A'],
      ['台州戊塑业有限公司', 47.8013, 8, 'C'],
      ['台州己模具有限公司', 101.0859, 4, 'B'],
      ['台州庚模具有限公司', 98.0859, 5, 'B'],
      ['黄岩辛鞋业有限公司', 36.444, 9, 'C'],
      ['黄岩壬电器有限公司', 145.3128, 2, 'D'],
      ['黄岩癸工艺品有限公司', 35.4149, 10, 'C'],
    ]);
    expect(o.results[8]!.vetoes).toEqual(['safety']);
    expect(o.results[5]!.adjustments).toEqual([{ id: 'high_tech', points: 3 }]);
    expect(o.groups[0]!.classCounts).toEqual({ A: 1, B: 4, C: 4, D: 1 });
  });
});
