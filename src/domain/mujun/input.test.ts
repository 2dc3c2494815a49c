import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../uscc/uscc.js';
import { CsvReader } from './csv.js';
import type { MujunTable } from './engine.js';
import {
  MujunTableBuilder,
  recordsToTable,
  schemeInputProblems,
  tableToCsv,
  tableToRecords,
  type InputProblem,
  type InputResult,
} from './input.js';
import { validateScheme, type Scheme } from './scheme.js';
import { group, ind, scheme } from './testkit.js';

/** A valid code from a 17-character body. */
const code = (body: string) => body + usccCheckChar(body)!;
const A = code('91331003700004001'); // 91331003700004001B
const B = code('91331003700004002');
const C = code('91331003700004003');

function readCsv(text: string | Uint8Array, chunk = 1 << 20): InputResult {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const b = new MujunTableBuilder();
  const r = new CsvReader(b);
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  r.end();
  return b.finish();
}

function table(text: string): MujunTable {
  const r = readCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.table;
}

function errors(text: string): InputProblem[] {
  const r = readCsv(text);
  if (r.ok) throw new Error('expected problems');
  return r.errors;
}

describe('CSV → MujunTable', () => {
  it('English keys: uscc normalised, scale, numbers with NaN for missing, text with "" for missing', () => {
    const t = table(
      `uscc,name,scale,land_mu,tax,industry,flags\n${A.toLowerCase()} ,甲,above,50,1500,C2927,high_tech\n${B},乙,below,,"1,234.5",,\n`,
    );
    expect(t.uscc).toEqual([A, B]);
    expect(t.name).toEqual(['甲', '乙']);
    expect(t.text['scale']).toEqual(['above', 'below']);
    expect(t.text['industry']).toEqual(['C2927', '']);
    expect(t.text['flags']).toEqual(['high_tech', '']);
    expect(Array.from(t.columns['land_mu']!)).toEqual([50, NaN]);
    expect(Array.from(t.columns['tax']!)).toEqual([1500, 1234.5]);
    expect(Object.keys(t.columns).sort()).toEqual(['land_mu', 'tax']);
  });

  it('Chinese headers (also with full-width parentheses), 规上/规下, BOM, quoted commas and line breaks', () => {
    const t = table(
      `\uFEFF统一社会信用代码,企业名称,规模,用地面积（亩）,实缴税金(万元),标记\r\n` +
        `${A},"台州甲模塑有限公司, 一分厂",规上,"1,050.25",12,"high_tech;specialized"\r\n` +
        `${B},"乙\r\n汽配",规下,3,0,\r\n`,
    );
    expect(t.uscc).toEqual([A, B]);
    expect(t.name).toEqual(['台州甲模塑有限公司, 一分厂', '乙\r\n汽配']);
    expect(t.text['scale']).toEqual(['above', 'below']);
    expect(Array.from(t.columns['land_mu']!)).toEqual([1050.25, 3]);
    expect(Array.from(t.columns['tax']!)).toEqual([12, 0]);
    expect(t.text['flags']).toEqual(['high_tech;specialized', '']);
  });

  it('unknown columns are kept: numeric when every non-empty cell is a number, else text', () => {
    const t = table(`uscc,name,landx,note,empty\n${A},甲,"2,000",x,\n${B},乙,,12,\n${C},丙,-1.5,,\n`);
    expect(Array.from(t.columns['landx']!)).toEqual([2000, NaN, -1.5]);
    expect(t.text['note']).toEqual(['x', '12', '']);
    expect(Array.from(t.columns['empty']!)).toEqual([NaN, NaN, NaN]);
  });

  it('blank lines and rows of empty cells are skipped; row numbers stay those of the file', () => {
    const t = table(`uscc,name,land_mu\n\n${A},甲,1\n,,\n${B},乙,2\n\n`);
    expect(t.uscc).toEqual([A, B]);
    const e = errors(`uscc,name,land_mu\n\n${A},甲,1\n,,\n${B},乙,-2\n`);
    expect(e).toEqual([{ row: 5, column: 'land_mu', value: '-2', reason: '不能为负数' }]);
  });

  it('rejects bad input with every problem: row (header = 1), column as in the file, value, Chinese reason', () => {
    const bad = code('91331003700004009');
    const wrongCheck = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    const e = errors(
      [
        '统一社会信用代码,企业名称,规模,用地面积(亩),实缴税金(万元),出租户数',
        `${A},甲,规上,10,100,0`,
        `${wrongCheck},乙,规上,10,100,0`, // row 3: bad check digit
        `${A},丙,规上,10,100,0`, // row 4: duplicate of row 2
        `${B},丁,规上,-5,100,0`, // row 5: negative area
        `${C},戊,规上,10,12a,0`, // row 6: not a number
        `${code('91331003700004004')},己,中型,10,100,1.5`, // row 7: unknown scale, tenants not an integer
        `9133100370000400,庚,规上,10,100,0`, // row 8: too short
        `${code('91331003700004005')},,规上,10,100,0`, // row 9: name empty
      ].join('\n'),
    );
    expect(e).toEqual([
      { row: 3, column: '统一社会信用代码', value: wrongCheck, reason: '统一社会信用代码校验位错误' },
      { row: 4, column: '统一社会信用代码', value: A, reason: '统一社会信用代码重复：与第 2 行相同' },
      { row: 5, column: '用地面积(亩)', value: '-5', reason: '不能为负数' },
      { row: 6, column: '实缴税金(万元)', value: '12a', reason: '不是有效的数字' },
      { row: 7, column: '规模', value: '中型', reason: '规模应为 above / below（或 规上 / 规下）' },
      { row: 7, column: '出租户数', value: '1.5', reason: '应为非负整数' },
      { row: 8, column: '统一社会信用代码', value: '9133100370000400', reason: '统一社会信用代码应为18位' },
      { row: 9, column: '企业名称', value: null, reason: '企业名称不能为空' },
    ]);
  });

  it('duplicates are found among many codes too (partitioned search), each named with its first row', () => {
    const lines = ['uscc,name'];
    for (let i = 0; i < 70_000; i++) lines.push(`${code(`9133100${String(i).padStart(10, '0')}`)},企业${i}`);
    lines.push(`${code('91331000000012345')},重复一`, `${code('91331000000069999').toLowerCase()},重复二`);
    expect(errors(lines.join('\n'))).toEqual([
      { row: 70_002, column: 'uscc', value: code('91331000000012345'), reason: '统一社会信用代码重复：与第 12347 行相同' },
      {
        row: 70_003,
        column: 'uscc',
        value: code('91331000000069999').toLowerCase(),
        reason: '统一社会信用代码重复：与第 70001 行相同',
      },
    ]);
  });

  it('rows are counted as records: a quoted line break does not shift the row numbers', () => {
    const e = errors(`uscc,name,tax\n${A},"甲\n一厂",1\n${B},乙,x\n`);
    expect(e).toEqual([{ row: 3, column: 'tax', value: 'x', reason: '不是有效的数字' }]);
  });

  it('header problems at row 1: missing uscc / name, duplicate header (same field in two languages)', () => {
    expect(errors('企业名称,land_mu\n甲,1\n')).toEqual([
      { row: 1, column: null, value: null, reason: '缺少必需的列“统一社会信用代码”（uscc）' },
    ]);
    expect(errors(`uscc,name,tax,实缴税金(万元)\n${A},甲,1,2\n`)).toEqual([
      { row: 1, column: '实缴税金(万元)', value: '实缴税金(万元)', reason: '列名重复：与第 3 列“tax”是同一字段' },
    ]);
    expect(errors('')).toEqual([{ row: 1, column: null, value: null, reason: '文件为空：没有表头行' }]);
    expect(errors('uscc,name\n')).toEqual([{ row: 2, column: null, value: null, reason: '文件中没有数据行' }]);
  });

  it('bad quoting and cells beyond the header are problems too', () => {
    expect(errors(`uscc,name\n${A},"甲"x\n${B},乙,多余\n`)).toEqual([
      { row: 2, column: 'name', value: '"甲"x', reason: expect.stringContaining('引号') },
      { row: 3, column: '第 3 列', value: '多余', reason: '超出表头的列：此列没有列名' },
    ]);
  });

  it('any chunking gives the same table', () => {
    const text = `\uFEFFuscc,name,tax,flags\r\n${A},"甲,""一""",1.5,a\r\n${B},乙,"2,000",\r\n`;
    const whole = readCsv(text);
    for (const size of [1, 2, 7, 13]) expect(readCsv(new TextEncoder().encode(text), size)).toEqual(whole);
  });
});

describe('recordsToTable / tableToRecords', () => {
  it('objects → table with the same checks (row = index + 2)', () => {
    const r = recordsToTable([
      { uscc: A, name: '甲', scale: '规上', land_mu: 10, tax: '1,200' },
      { uscc: B, name: '乙', scale: 'below', land_mu: null, tax: 3 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.text['scale']).toEqual(['above', 'below']);
    expect(Array.from(r.table.columns['tax']!)).toEqual([1200, 3]);
    expect(tableToRecords(r.table)).toEqual([
      { uscc: A, name: '甲', scale: 'above', land_mu: 10, tax: 1200 },
      { uscc: B, name: '乙', scale: 'below', land_mu: null, tax: 3 },
    ]);
    const bad = recordsToTable([
      { uscc: A, name: '甲', land_mu: 1 },
      { uscc: A, name: '乙', land_mu: -1 },
    ]);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'uscc', value: A, reason: '统一社会信用代码重复：与第 2 行相同' },
        { row: 3, column: 'land_mu', value: '-1', reason: '不能为负数' },
      ],
    });
  });
});

describe('tableToCsv', () => {
  it('writes the canonical CSV (English headers, spec order, then extra columns)', () => {
    const t = table(`企业名称,统一社会信用代码,extra,实缴税金(万元),规模\n"甲,""一""",${A},7,0.1,规上\n`);
    expect(tableToCsv(t)).toBe(`uscc,name,scale,tax,extra\n${A},"甲,""一""",above,0.1,7\n`);
  });

  it('round-trips exactly through the reader (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '甲', '1', ' ', '-'), maxLength: 8 });
    const value = fc.oneof(fc.constant(NaN), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: text,
            tax: value,
            land: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 1e6, noNaN: true })),
            town: text,
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (rows) => {
          const usable = rows.filter((r) => r.name.trim() !== '');
          if (usable.length === 0) return;
          const t: MujunTable = {
            uscc: usable.map((_, i) => code(`9133100370000${String(1000 + i)}`)),
            name: usable.map((r) => r.name.trim()),
            columns: {
              tax: Float64Array.from(usable, (r) => (Object.is(r.tax, -0) ? 0 : r.tax)),
              land_mu: Float64Array.from(usable, (r) => r.land),
            },
            text: { town: usable.map((r) => r.town.trim()) },
          };
          const back = readCsv(tableToCsv(t));
          expect(back).toEqual({ ok: true, table: t });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips the Huangyan test table', () => {
    const rows = (
      JSON.parse(readFileSync(new URL('./fixtures/huangyan-small.table.json', import.meta.url), 'utf8')) as {
        rows: Record<string, string | number | null>[];
      }
    ).rows;
    const r = recordsToTable(rows);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(readCsv(tableToCsv(r.table))).toEqual(r);
  });
});

describe('schemeInputProblems', () => {
  const t = table(`uscc,name,scale,land_mu,tax,note\n${A},甲,above,10,5,x\n`);

  it('names the scheme path, the expression and the unknown field with its position', () => {
    const s: Scheme = scheme([
      group({
        filter: "scale == 'above' and landy > 3",
        indicators: [ind({ id: 'a' }), ind({ id: 'b', numerator: 'tax', denominator: 'tax / landx' })],
        adjustments: [{ id: 'adj', name: '加分', field: 'bonus', per: 1 }],
      }),
    ]);
    expect(schemeInputProblems(s, t)).toEqual([
      {
        row: null,
        column: 'groups[0].filter',
        value: "scale == 'above' and landy > 3",
        reason: '未知字段 landy（位置 22）：输入中没有此列',
      },
      {
        row: null,
        column: 'groups[0].indicators[1].denominator',
        value: 'tax / landx',
        reason: '未知字段 landx（位置 7）：输入中没有此列',
      },
      { row: null, column: 'groups[0].adjustments[0].field', value: 'bonus', reason: '未知字段 bonus（位置 1）：输入中没有此列' },
    ]);
  });

  it('spec fields absent from the input are not problems (they are missing); text columns in arithmetic are', () => {
    const ok: Scheme = scheme([group({ indicators: [ind({ numerator: 'value_added', denominator: 'energy_tce' })] })]);
    expect(schemeInputProblems(ok, t)).toEqual([]);
    const textInArith: Scheme = scheme([group({ indicators: [ind({ numerator: 'note * 2' })] })]);
    expect(schemeInputProblems(textInArith, t)).toEqual([
      {
        row: null,
        column: 'groups[0].indicators[0].numerator',
        value: 'note * 2',
        reason: "文本字段 'note' 不能参与算术运算（位置 1）",
      },
    ]);
  });

  it('the Huangyan scheme fits a table with its columns', () => {
    const v = validateScheme(JSON.parse(readFileSync(new URL('./fixtures/huangyan-2023.scheme.json', import.meta.url), 'utf8')));
    if (!v.ok) throw new Error('scheme');
    expect(schemeInputProblems(v.scheme, t)).toEqual([]);
  });
});
