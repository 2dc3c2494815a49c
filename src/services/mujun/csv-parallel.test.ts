import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MujunTable } from '../../domain/mujun/engine.js';
import type { InputResult } from '../../domain/mujun/input.js';
import { usccCheckChar } from '../../domain/uscc/uscc.js';
import { readCsvInParts, type ParallelOptions } from './csv-parallel.js';
import { readMujunInput } from './input-files.js';

const dir = mkdtempSync(join(tmpdir(), 'luoshi-csv-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (i: number) => {
  const body = `913310037${String(i).padStart(8, '0')}`;
  return body + usccCheckChar(body)!;
};

const HEADER =
  '\uFEFF统一社会信用代码,企业名称,规模,行业代码,所在镇街,用地面积(亩),实缴税金(万元),工业增加值(万元),从业人员,标记,extra,extra2,\n';
const TOWNS = ['东城街道', '西城街道', '新前街道'];

/** A data row: names in several forms (quoted with a comma, doubled quotes, spaces), missing cells, an extra column. */
function row(i: number, quotedName?: string): string {
  const name =
    quotedName ??
    (i % 7 === 0
      ? `"台州${i}号模塑, 二车间"`
      : i % 11 === 0
        ? `"台州""${i}""有限公司"`
        : i % 13 === 0
          ? ` 台州${i}厂 `
          : `台州${i}汽配有限公司`);
  const scale = i % 3 === 0 ? '规上' : 'below';
  const tax = i % 5 === 0 ? '' : i % 17 === 0 ? '"1,234.5"' : (i * 1.25).toFixed(2);
  // extra: numbers but for one cell in the last part (a text column then); extra2: numbers throughout
  const extra = i === 2900 ? 'x' : String(i % 97);
  return `${code(i)},${name},${scale},C30${String(i % 89).padStart(2, '0')},${TOWNS[i % 3]},${(i % 300) + 0.5},${tax},${i * 3},${i % 400},${i % 23 === 0 ? 'high_tech' : ''},${extra},${i / 4},\n`;
}

function writeCsv(name: string, rows: string[], header = HEADER): string {
  const file = join(dir, name);
  writeFileSync(file, header + rows.join(''));
  return file;
}

const rows = (n: number, f: (i: number) => string = row) => Array.from({ length: n }, (_, i) => f(i + 1));

/** The table as plain data (names decoded), for comparing two reads. */
function plain(t: MujunTable) {
  return { uscc: [...t.uscc], name: [...t.name], columns: t.columns, text: t.text };
}

function expectSame(parts: InputResult | null, single: InputResult): void {
  expect(parts).not.toBeNull();
  expect(parts!.ok).toBe(single.ok);
  if (parts!.ok && single.ok) expect(plain(parts!.table)).toEqual(plain(single.table));
  else if (!parts!.ok && !single.ok) expect(parts!.errors).toEqual(single.errors);
}

const INLINE: ParallelOptions = { inline: true, minBytes: 0 };

describe('readCsvInParts (a CSV file read in parts)', () => {
  it('gives the table one reader gives, for 2 to 7 parts', async () => {
    const file = writeCsv('many.csv', rows(3000));
    const single = await readMujunInput({ path: file });
    expect(single.ok).toBe(true);
    if (single.ok) {
      expect(single.table.text['extra']).toHaveLength(3000); // not all numbers: text
      expect(single.table.columns['extra2']).toHaveLength(3000);
    }
    for (const threads of [2, 3, 7]) expectSame(await readCsvInParts(file, { ...INLINE, threads }), single);
  });

  it('names the file row and column of a problem in a later part', async () => {
    const data = rows(3000);
    data[2499] = data[2499]!.replace(/,C30(\d\d),/, ',C30$1,').replace(/,(\d+\.5),/, ',abc,'); // 用地面积 of row 2501
    data[2899] = data[2899]!.replace(',规上,', ',中型,').replace(',below,', ',中型,');
    const file = writeCsv('bad.csv', data);
    const single = await readMujunInput({ path: file });
    const parts = await readCsvInParts(file, { ...INLINE, threads: 3 });
    expectSame(parts, single);
    expect(parts!.ok).toBe(false);
    if (parts!.ok) return;
    expect(parts!.errors).toEqual([
      { row: 2501, column: '用地面积(亩)', value: 'abc', reason: '不是有效的数字' },
      { row: 2901, column: '规模', value: '中型', reason: '规模应为 above / below（或 规上 / 规下）' },
    ]);
  });

  it('counts blank lines and rows of quoted line breaks in the rows of later parts', async () => {
    const data = rows(3000);
    data[100] = '\n'; // a blank line in the first part
    data[200] = row(201, '"甲\n乙厂"'); // a record over two lines
    data[2999] = data[2999]!.replace(/,(\d+\.5),/, ',-1,');
    const file = writeCsv('lines.csv', data);
    const single = await readMujunInput({ path: file });
    const parts = await readCsvInParts(file, { ...INLINE, threads: 4 });
    expectSame(parts, single);
    expect(single.ok).toBe(false);
    if (!single.ok) expect(single.errors).toEqual([{ row: 3001, column: '用地面积(亩)', value: '-1', reason: '不能为负数' }]);
  });

  it('finds a code repeated in another part, with both rows', async () => {
    const data = rows(3000);
    data[2799] = data[2799]!.replace(code(2800), code(10)); // row 2801 repeats row 11
    const file = writeCsv('dup.csv', data);
    const single = await readMujunInput({ path: file });
    const parts = await readCsvInParts(file, { ...INLINE, threads: 3 });
    expectSame(parts, single);
    expect(parts!.ok ? [] : parts!.errors).toEqual([
      { row: 2801, column: '统一社会信用代码', value: code(10), reason: '统一社会信用代码重复：与第 11 行相同' },
    ]);
  });

  it('reports data under an empty header once, in the first part that has it', async () => {
    const data = rows(3000);
    data[1500] = data[1500]!.replace(/,\n$/, ',late\n'); // the second of 3 parts
    data[2800] = data[2800]!.replace(/,\n$/, ',later\n'); // the third
    const file = writeCsv('noheader.csv', data);
    const single = await readMujunInput({ path: file });
    const parts = await readCsvInParts(file, { ...INLINE, threads: 3 });
    expectSame(parts, single);
    expect(parts!.ok ? [] : parts!.errors).toEqual([
      { row: 1502, column: '第 13 列', value: 'late', reason: '此列没有列名，但有数据' },
    ]);
  });

  it('falls back to one reader when a cut falls on a line break inside a quoted field', async () => {
    // every name holds a line break: find a length of the first name that puts the cut (2 parts) on one
    let file = '';
    for (let pad = 0; pad < 400 && !file; pad++) {
      const quoted = (i: number) => row(i, `"台州${i}厂${i === 1 ? ' '.repeat(pad) : ''}\n二车间"`);
      const bytes = Buffer.from(HEADER + rows(1000, quoted).join(''));
      const cut = bytes.indexOf(0x0a, Math.round(bytes.length / 2));
      let quotes = 0;
      for (let i = 0; i < cut; i++) if (bytes[i] === 0x22) quotes++;
      if (quotes % 2 === 1) {
        file = join(dir, 'quoted-newline.csv');
        writeFileSync(file, bytes);
      }
    }
    expect(file).not.toBe('');
    expect(await readCsvInParts(file, { ...INLINE, threads: 2 })).toBeNull(); // the caller reads on one thread
    const single = await readMujunInput({ path: file });
    expect(single.ok).toBe(true);
    expectSame(await readMujunInput({ path: file }, undefined, { parallel: { ...INLINE, threads: 2 } }), single);
    if (single.ok) expect(single.table.name[1]).toBe('台州2厂\n二车间');
  });

  it('reads a quoted line break just before a cut in parts', async () => {
    // the record with the quoted line break ends right before the cut: the cut is clean
    const quoted = (i: number) => row(i, `"台州${i}厂\n二车间"`);
    let file = '';
    for (let n = 1000; n < 1100 && !file; n++) {
      const bytes = Buffer.from(HEADER + rows(n, quoted).join(''));
      const cut = bytes.indexOf(0x0a, Math.round(bytes.length / 2));
      let quotes = 0;
      for (let i = 0; i < cut; i++) if (bytes[i] === 0x22) quotes++;
      if (quotes % 2 === 0) {
        file = join(dir, 'quoted-before-cut.csv');
        writeFileSync(file, bytes);
      }
    }
    const single = await readMujunInput({ path: file });
    expectSame(await readCsvInParts(file, { ...INLINE, threads: 2 }), single);
  });

  it('reads small files, one thread, or no worker module the ordinary way (null)', async () => {
    const file = writeCsv('small.csv', rows(50));
    expect(await readCsvInParts(file, { inline: true, threads: 4 })).toBeNull(); // below minBytes
    expect(await readCsvInParts(file, { ...INLINE, threads: 1 })).toBeNull();
    expect(await readCsvInParts(file, { threads: 4, minBytes: 0 })).toBeNull(); // from the sources: no csv-worker.js
  });

  it('runs its parts in worker threads', async () => {
    const file = writeCsv('threads.csv', rows(3000));
    const single = await readMujunInput({ path: file });
    // the TypeScript worker through tsx's loader, registered in the worker before it loads (a bundle needs neither)
    const tsx = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const worker = new URL('./csv-worker.ts', import.meta.url).href;
    const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
    const opts: ParallelOptions = {
      threads: 3,
      minBytes: 0,
      worker: new URL(`data:text/javascript,${encodeURIComponent(boot)}`),
    };
    expectSame(await readCsvInParts(file, opts), single);
  });

  it('reports a file that cannot be opened', async () => {
    const r = await readMujunInput({ path: join(dir, 'missing.csv') }, undefined, { parallel: INLINE });
    expect(r).toEqual({
      ok: false,
      errors: [{ row: null, column: null, value: join(dir, 'missing.csv'), reason: `找不到文件“${join(dir, 'missing.csv')}”` }],
    });
  });
});
