import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../domain/uscc/uscc.js';
import { stringify as stringifyYaml } from 'yaml';
import { parseSchemeText, readMujunInput, readSchemeFile } from './input-files.js';

const dir = mkdtempSync(join(tmpdir(), 'luoshi-mujun-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (body: string) => body + usccCheckChar(body)!;
const A = code('91331003700004001');
const B = code('91331003700004002');

const CSV =
  '\uFEFF统一社会信用代码,企业名称,规模,行业代码,用地面积(亩),实缴税金(万元),工业增加值(万元),标记,extra\r\n' +
  `${A},"台州甲模塑有限公司",规上,C2927,50,"1,234.5",8000,high_tech,7\r\n` +
  `${B},台州乙汽配有限公司,规下,C3670,12.5,600,,,\r\n`;

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow([
    '统一社会信用代码',
    '企业名称',
    '规模',
    '行业代码',
    '用地面积(亩)',
    '实缴税金(万元)',
    '工业增加值(万元)',
    '标记',
    'extra',
  ]);
  ws.addRow([
    A,
    { richText: [{ text: '台州甲' }, { text: '模塑有限公司', font: { bold: true } }] },
    '规上',
    'C2927',
    50,
    '1,234.5',
    { formula: '4000*2', result: 8000 },
    'high_tech',
    7,
  ]);
  ws.addRow([B, '台州乙汽配有限公司', '规下', 'C3670', 12.5, 600, null, null, null]);
  wb.addWorksheet('第二张表').addRow(['ignored']);
  await wb.xlsx.writeFile(file);
}

describe('readMujunInput', () => {
  it('an .xlsx with Chinese headers (rich text, formula results, numbers and text numbers) gives the same table as the CSV', async () => {
    const csvFile = join(dir, 'in.csv');
    const xlsxFile = join(dir, 'in.xlsx');
    writeFileSync(csvFile, CSV);
    await writeXlsx(xlsxFile);
    const fromCsv = await readMujunInput({ path: csvFile });
    const fromXlsx = await readMujunInput({ path: xlsxFile });
    expect(fromCsv.ok).toBe(true);
    expect(fromXlsx).toEqual(fromCsv);
    if (!fromCsv.ok) return;
    expect(fromCsv.table.uscc).toEqual([A, B]);
    expect(fromCsv.table.name).toEqual(['台州甲模塑有限公司', '台州乙汽配有限公司']);
    expect(fromCsv.table.text['scale']).toEqual(['above', 'below']);
    expect(Array.from(fromCsv.table.columns['tax']!)).toEqual([1234.5, 600]);
    expect(Array.from(fromCsv.table.columns['value_added']!)).toEqual([8000, NaN]);
    expect(Array.from(fromCsv.table.columns['extra']!)).toEqual([7, NaN]);
    // uploads arrive as buffers
    expect(await readMujunInput({ buffer: readFileSync(xlsxFile), fileName: '上传.XLSX' })).toEqual(fromCsv);
    expect(await readMujunInput({ buffer: Buffer.from(CSV), fileName: 'data.csv' })).toEqual(fromCsv);
  });

  it('xlsx problems carry the sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['uscc', 'name', 'land_mu']);
    ws.addRow([A, '甲', 10]);
    ws.addRow([]); // an empty row in between
    ws.addRow([A, '乙', -3]);
    const file = join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await readMujunInput({ path: file })).toEqual({
      ok: false,
      errors: [
        { row: 4, column: 'uscc', value: A, reason: '统一社会信用代码重复：与第 2 行相同' },
        { row: 4, column: 'land_mu', value: '-3', reason: '不能为负数' },
      ],
    });
  });

  it('missing files, wrong types and broken workbooks are problems with a Chinese reason', async () => {
    const missing = join(dir, 'nope.csv');
    expect(await readMujunInput({ path: missing })).toEqual({
      ok: false,
      errors: [{ row: null, column: null, value: missing, reason: `找不到文件“${missing}”` }],
    });
    const missingX = join(dir, 'nope.xlsx');
    expect(await readMujunInput({ path: missingX })).toMatchObject({
      ok: false,
      errors: [{ reason: `找不到文件“${missingX}”` }],
    });
    const r = await readMujunInput({ path: join(dir, 'data.txt') });
    expect(r).toMatchObject({ ok: false, errors: [{ reason: expect.stringContaining('.csv 或 .xlsx') }] });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip file at all');
    expect(await readMujunInput({ path: broken })).toMatchObject({
      ok: false,
      errors: [{ row: null, reason: expect.stringContaining('无法读取 Excel 文件') }],
    });
  });
});

describe('readSchemeFile', () => {
  it('reads the Huangyan scheme', async () => {
    const r = await readSchemeFile(new URL('../../domain/mujun/fixtures/huangyan-2023.scheme.json', import.meta.url).pathname);
    expect(r.ok && r.scheme.groups.map((g) => g.id)).toEqual(['above', 'below']);
  });

  it('reads a YAML scheme equal to its JSON form, and names line and column of a YAML syntax error', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../domain/mujun/fixtures/huangyan-2023.scheme.json', import.meta.url), 'utf8'),
    ) as unknown;
    const yaml = stringifyYaml(json);
    const r = parseSchemeText(yaml, 'huangyan.yaml');
    expect(r.ok).toBe(true);
    expect(r).toEqual(parseSchemeText(JSON.stringify(json), 'huangyan.json'));
    const bad = parseSchemeText('id: x\nname: [unclosed\n', 's.yml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.reason).toMatch(/不是有效的 YAML：第 \d+ 行第 \d+ 列/);
  });

  it('a JSON syntax error names line and column', () => {
    const r = parseSchemeText('{\n  "id": "x",\n  "name": oops\n}', 's.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.reason).toBe('评价方案“s.json”不是有效的 JSON：第 3 行第 11 列，此处的“o”不合 JSON 语法');
    expect(parseSchemeText('{"id": "x",}', 's.json')).toMatchObject({
      ok: false,
      errors: [{ reason: expect.stringContaining('第 1 行第 12 列，此处的“}”') }],
    });
    expect(parseSchemeText('{"id": "x"', 's.json')).toMatchObject({
      ok: false,
      errors: [{ reason: expect.stringContaining('文件意外结束') }],
    });
  });

  it('validation problems: the scheme path as column, the value, the reason with the position', () => {
    const scheme = JSON.parse(
      readFileSync(new URL('../../domain/mujun/fixtures/huangyan-2023.scheme.json', import.meta.url), 'utf8'),
    ) as { groups: { filter: string; indicators: { numerator: string; weight: unknown }[] }[] };
    scheme.groups[0]!.filter = "scale == 'above' and";
    scheme.groups[1]!.indicators[1]!.numerator = 'tax * * 2';
    const r = parseSchemeText(JSON.stringify(scheme), 's.json');
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          row: null,
          column: 'groups[0].filter',
          value: "scale == 'above' and",
          reason: expect.stringMatching(/（位置 21）$/),
        },
        {
          row: null,
          column: 'groups[1].indicators[1].numerator',
          value: 'tax * * 2',
          reason: expect.stringMatching(/（位置 7）$/),
        },
      ],
    });
    scheme.groups[0]!.indicators[0]!.weight = -1;
    const z = parseSchemeText(JSON.stringify(scheme), 's.json');
    expect(z).toMatchObject({ ok: false, errors: [{ row: null, column: 'groups[0].indicators[0].weight', value: '-1' }] });
  });
});

/** GB18030 bytes of `s` (two-byte characters and ASCII), from the decoder's own table: Node has no GB18030 encoder. */
function gb18030(s: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(Uint8Array.of(a, b)), [a, b]);
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

describe('readMujunInput: encodings and control characters in cells', () => {
  it('a GB18030 CSV with a plain ASCII header and Chinese cells is decoded as GB18030', async () => {
    const text = `uscc,name,town,scale,land_mu,tax\r\n${A},安源区甲陶瓷有限公司,白源街道,规上,10,5\r\n${B},乙汽配公司,安源镇,规下,12,3\r\n`;
    const bytes = gb18030(text);
    expect(bytes.subarray(0, 30).toString('ascii')).toBe(text.slice(0, 30)); // the header alone looks like UTF-8
    const r = await readMujunInput({ buffer: bytes, fileName: '税务局.csv' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.table.name).toEqual(['安源区甲陶瓷有限公司', '乙汽配公司']);
    expect(r.table.text['town']).toEqual(['白源街道', '安源镇']);
    expect(r.table.text['scale']).toEqual(['above', 'below']);
    // the same file read from disk (the CLI) gives the same table
    const file = join(dir, 'gb.csv');
    writeFileSync(file, bytes);
    expect(await readMujunInput({ path: file })).toEqual(r);
  });

  it('a CSV that is neither UTF-8 nor GB18030 is refused, naming the row', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`uscc,name,land_mu\r\n${A},甲公司,10\r\n${B},`),
      Buffer.from([0xff, 0xfe, 0x80, 0x41]),
      Buffer.from(',12\r\n'),
    ]);
    const r = await readMujunInput({ buffer: bytes, fileName: 'bad.csv' });
    expect(r).toEqual({
      ok: false,
      errors: [{ row: 3, column: null, value: null, reason: expect.stringMatching(/第 3 行有无法识别的字符.*UTF-8.*GB18030/) }],
    });
    const file = join(dir, 'bad-enc.csv');
    writeFileSync(file, bytes);
    expect(await readMujunInput({ path: file })).toEqual(r);
  });

  it('a text cell with a control character is refused with its row and column, in CSV and xlsx', async () => {
    const csv = `uscc,name,town,land_mu\r\n${A},甲公司,白源街道,10\r\n${B},"乙\u0000公司",安\u0007源镇,12\r\n`;
    const expected = {
      ok: false,
      errors: [
        { row: 3, column: 'name', value: '乙\\u0000公司', reason: '含有控制字符（如 NUL），请删除后重新上传' },
        { row: 3, column: 'town', value: '安\\u0007源镇', reason: '含有控制字符（如 NUL），请删除后重新上传' },
      ],
    };
    expect(await readMujunInput({ buffer: Buffer.from(csv), fileName: 'c.csv' })).toEqual(expected);
    const file = join(dir, 'ctl.csv');
    writeFileSync(file, csv);
    expect(await readMujunInput({ path: file })).toEqual(expected);
    // exceljs drops control characters when it writes; Excel stores them as _xHHHH_ escapes, so the test does too
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['uscc', 'name', 'town', 'land_mu']);
    ws.addRow([A, '甲公司', '白源街道', 10]);
    ws.addRow([B, '乙PH1公司', '安PH2源镇', 12]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const out = new JSZip();
    const first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml']; // the streaming reader's order
    for (const name of [...first, ...Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && !first.includes(n))]) {
      let c = await zip.files[name]!.async('string');
      if (name === 'xl/sharedStrings.xml') c = c.replace('PH1', '_x0000_').replace('PH2', '_x0007_');
      out.file(name, c);
    }
    const buf = await out.generateAsync({ type: 'nodebuffer' });
    expect(await readMujunInput({ buffer: buf, fileName: 'c.xlsx' })).toEqual(expected);
  });
});
