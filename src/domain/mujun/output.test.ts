import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvReader, fieldText, type CsvHandler } from './csv.js';
import { evaluate, evaluateColumnar } from './engine.js';
import {
  adjustmentsText,
  blocksText,
  csvOutputText,
  jsonOutputChunks,
  outputTable,
  problemLines,
  roundTo,
  rowCells,
  toJsonOutput,
  type OutputTable,
} from './output.js';
import { validateScheme, type Scheme } from './scheme.js';
import { makeTable, type Row } from './testkit.js';
import { MujunTableBuilder, tableToCsv } from './input.js';

const load = (f: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
const checked = validateScheme(load('huangyan-2023.scheme.json'));
if (!checked.ok) throw new Error('scheme');
const base: Scheme = checked.scheme;
// the published scheme plus an adjustment of each kind and a veto, so every column has something in it
const huangyan: Scheme = structuredClone(base);
huangyan.groups[0]!.adjustments = [
  { id: 'high_tech', name: '高新技术企业', flag: 'high_tech', points: 3 },
  { id: 'renting', name: '出租厂房', field: 'tenants', per: -2, beyond: 1 },
];
huangyan.groups[0]!.vetoes = [{ id: 'safety', name: '重大安全事故', flag: 'safety_accident', class: 'D' }];
const rows = (load('huangyan-small.table.json') as { rows: Row[] }).rows.map((r, i) =>
  i === 0 ? { ...r, tenants: 3, flags: 'high_tech' } : r,
);
const table = makeTable(rows);
const result = evaluate(huangyan, table);

function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  const h: CsvHandler = {
    field: (_c, b, s, e, f) => void cur.push(fieldText(b, s, e, f)),
    endRecord: () => {
      out.push(cur);
      cur = [];
    },
  };
  const r = new CsvReader(h);
  r.push(new TextEncoder().encode(text));
  r.end();
  return out;
}

describe('JSON output', () => {
  const json = toJsonOutput(result);

  it('has exactly the shape of spec §3: scheme, groups, results', () => {
    expect(Object.keys(json)).toEqual(['scheme', 'groups', 'results']);
    expect(json.scheme).toBe('huangyan-2023');
    expect(json.groups[1]).toEqual({
      id: 'below',
      n: 5,
      benchmarks: { tax_per_mu: 11.5932, tax_per_kwh: 0.2352 },
      classCounts: { A: 1, B: 2, C: 2 },
    });
    const jia = json.results[0]!;
    expect(Object.keys(jia)).toEqual([
      'uscc',
      'name',
      'group',
      'status',
      'total',
      'rank',
      'class',
      'heroes',
      'indicators',
      'adjustments',
      'vetoes',
    ]);
    // 甲: 124.3294 before adjustments; high_tech +3; 3 tenants → −2 × (3 − 1) = −4
    expect(jia.total).toBe(123.3294);
    expect(jia.adjustments).toEqual([
      { id: 'high_tech', points: 3 },
      { id: 'renting', points: -4 },
    ]);
    expect(jia.indicators['tax_per_mu']).toEqual({ value: 30, benchmark: 24.097, score: (30 * 30) / 24.097 });
    expect(jia.heroes.mujun).toBeCloseTo(37.349048 + 23.501763, 5);
  });

  it('missing values are null; heroes are an object of nulls when not scored', () => {
    const bing = json.results[2]!;
    expect(bing.indicators['va_per_emission']!.value).toBeNull();
    const exempt = json.results[16]!;
    expect(exempt).toEqual({
      uscc: exempt.uscc,
      name: '黄岩午新材料有限公司',
      group: 'above',
      status: 'exempt',
      total: null,
      rank: null,
      class: 'T',
      heroes: { mujun: null, ditan: null, keji: null, renjun: null },
      indicators: {},
      adjustments: [],
      vetoes: [],
    });
    expect(json.results[8]!.vetoes).toEqual(['safety']);
    expect(json.results[8]!.class).toBe('D');
  });

  it('the streamed blocks parse to the same document, for the object and the columnar result alike', () => {
    expect(JSON.parse(blocksText(jsonOutputChunks(result)))).toEqual(json);
    const columnar = evaluateColumnar(huangyan, table);
    expect(toJsonOutput(columnar)).toEqual(json);
    expect(JSON.parse(blocksText(jsonOutputChunks(columnar)))).toEqual(json);
    // byte for byte the same document from both forms
    expect(blocksText(jsonOutputChunks(columnar))).toBe(blocksText(jsonOutputChunks(result)));
  });
});

describe('the table for people (CSV)', () => {
  const t = outputTable(huangyan, result);

  it('headers: Chinese, heroes, each indicator once (first name wins) with 基准 and 得分, then 加减分, 否决项', () => {
    expect(t.headers.slice(0, 11)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '分组',
      '状态',
      '综合得分',
      '排名',
      '档次',
      '亩均',
      '低碳',
      '科技',
      '人均',
    ]);
    expect(t.headers.slice(11, 14)).toEqual(['亩均税收', '亩均税收基准', '亩均税收得分']);
    // tax_per_mu appears in both groups: once; the below group adds tax_per_kwh at the end
    expect(t.headers.filter((h) => h === '亩均税收')).toHaveLength(1);
    expect(t.headers.slice(-5)).toEqual(['单位电耗税收', '单位电耗税收基准', '单位电耗税收得分', '加减分', '否决项']);
    expect(t.headers).toHaveLength(11 + 7 * 3 + 2);
  });

  it('rows: statuses in Chinese, group names, numbers, adjustments text, vetoes', () => {
    const lines = parseCsv(csvOutputText(t));
    expect(lines[0]![0]).toBe('\uFEFF统一社会信用代码'.slice(1)); // the BOM is skipped by the reader
    expect(lines).toHaveLength(1 + 18);
    const jia = lines[1]!;
    expect(jia.slice(0, 7)).toEqual([rows[0]!['uscc'], '台州甲模塑有限公司', '规上工业企业', '评价', '123.3294', '3', 'B']);
    expect(jia.slice(11, 14)).toEqual(['30', '24.097', '37.349']); // 37.34904759… to 4 places: 37.3490
    expect(jia.slice(7, 11)).toEqual(['60.8508', '37.2797', '12.4172', '13.7817']);
    expect(jia.at(-2)).toBe('high_tech:+3;renting:-4');
    expect(jia.at(-1)).toBe('');
    expect(lines[9]!.at(-1)).toBe('safety'); // 壬
    expect(lines[16]!.slice(2, 7)).toEqual(['', '未参评', '', '', '']); // 巳: no group
    expect(lines[17]!.slice(2, 7)).toEqual(['规上工业企业', '免评', '', '', 'T']);
    // a below-scale enterprise has no above-only indicator cells
    const zi = lines[11]!;
    expect(zi[t.headers.indexOf('亩均增加值')]).toBe('');
    expect(zi[t.headers.indexOf('单位电耗税收')]).toBe('0.3');
  });

  it('without BOM on request; CRLF line ends; quoted names', () => {
    const s = structuredClone(rows);
    s[0]!['name'] = '甲,"一"厂';
    const text = csvOutputText(outputTable(huangyan, evaluate(huangyan, makeTable(s))), { bom: false });
    expect(text.startsWith('统一社会信用代码,')).toBe(true);
    expect(text).toContain(`${String(s[0]!['uscc'])},"甲,""一""厂",`);
    expect(text.split('\r\n')).toHaveLength(1 + 18 + 1);
  });

  it('formula-leading names get a leading apostrophe (object and columnar result, name bytes too); numbers stay', () => {
    const s = structuredClone(rows);
    s[0]!['name'] = '=HYPERLINK("http://x","y")';
    s[1]!['name'] = '-5';
    const tbl = makeTable(s);
    for (const r of [evaluate(huangyan, tbl), evaluateColumnar(huangyan, tbl)]) {
      const text = csvOutputText(outputTable(huangyan, r), { bom: false });
      expect(text).toContain(`${String(s[0]!['uscc'])},"'=HYPERLINK(""http://x"",""y"")",`);
      expect(text).toContain(`${String(s[1]!['uscc'])},'-5,`);
      expect(parseCsv(text)[1]!.slice(4, 6)).toEqual(['123.3294', '3']);
    }
    // and from a CSV read as bytes (the CLI's path: names kept as UTF-8 bytes)
    const csv = tableToCsv(tbl);
    const b = new MujunTableBuilder();
    const reader = new CsvReader(b);
    reader.push(new TextEncoder().encode(csv));
    reader.end();
    const read = b.finish();
    if (!read.ok) throw new Error('table does not read back');
    const text = csvOutputText(outputTable(huangyan, evaluateColumnar(huangyan, read.table)), { bom: false });
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`,'-5,`);
  });

  it('the columnar result gives the same rows as the object result', () => {
    const rowsOf = (table: OutputTable) => [...table.rows()].map((r) => rowCells(table, r));
    expect(rowsOf(outputTable(huangyan, evaluateColumnar(huangyan, table)))).toEqual(rowsOf(t));
    expect(csvOutputText(outputTable(huangyan, evaluateColumnar(huangyan, table)))).toBe(csvOutputText(t));
  });

  it('numbers: rounded half away from zero, trailing zeros dropped, leading fraction zeros kept', () => {
    const one = (x: number, decimals: number): string =>
      csvOutputText(
        {
          headers: ['x'],
          decimals: [decimals],
          count: 1,
          *rows() {
            yield { text: [null], num: Float64Array.of(x) };
          },
        },
        { bom: false },
      ).split('\r\n')[1]!;
    expect(one(0, 4)).toBe('0');
    expect(one(-0, 4)).toBe('0');
    expect(one(37.349047599286216, 4)).toBe('37.349');
    expect(one(0.05, 4)).toBe('0.05');
    expect(one(0.000123, 6)).toBe('0.000123');
    expect(one(0.00001, 4)).toBe('0');
    expect(one(-2.34565, 4)).toBe('-2.3457');
    expect(one(-0.00001, 4)).toBe('0');
    expect(one(1234567.891, 2)).toBe('1234567.89');
    expect(one(6666.666666666667, 6)).toBe('6666.666667');
    expect(one(12, 0)).toBe('12');
    expect(one(1e20, 4)).toBe(String(1e20));
    expect(roundTo(-2.34565, 4)).toBe(-2.3457);
    for (const x of [0.1, 0.7, 1.005, 123.456789, 99999.99995, 3.14159265]) expect(Number(one(x, 4))).toBe(roundTo(x, 4));
  });

  it('adjustments text and problem lines', () => {
    expect(
      adjustmentsText([
        { id: 'a', points: 0.5 },
        { id: 'b', points: -5 },
      ]),
    ).toBe('a:+0.5;b:-5');
    expect(
      problemLines([
        { row: 3, column: '用地面积(亩)', value: '-5', reason: '不能为负数' },
        { row: null, column: 'groups[0].filter', value: 'x > 1', reason: '未知字段 x（位置 1）：输入中没有此列' },
        { row: null, column: null, value: null, reason: '找不到文件“a.csv”' },
      ]),
    ).toEqual([
      '第 3 行，列“用地面积(亩)”，值“-5”：不能为负数',
      '列“groups[0].filter”，值“x > 1”：未知字段 x（位置 1）：输入中没有此列',
      '找不到文件“a.csv”',
    ]);
  });
});
