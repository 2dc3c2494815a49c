import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../domain/uscc/uscc.js';
import { runEvaluate, type EvaluateIo } from './evaluate.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SCHEME = join(root, 'src/domain/mujun/fixtures/huangyan-2023.scheme.json');
const dir = mkdtempSync(join(tmpdir(), 'luoshi-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (body: string) => body + usccCheckChar(body)!;
const JIA = code('91331003700004001');
const ZI = code('91331003700004011');
const WU = code('91331003700004017');

// Chinese headers, a BOM, thousands separators, 规上/规下, a quoted name with a comma
const GOOD_CSV =
  '\uFEFF统一社会信用代码,企业名称,规模,用地面积(亩),实缴税金(万元),工业增加值(万元),综合能耗(吨标煤),主要污染物排放当量(吨),年平均职工人数,研发经费(万元),主营业务收入(万元),用电量(千瓦时),标记\r\n' +
  `${JIA},"台州甲模塑有限公司",规上,50,"1,500","8,000","2,500",1.2,320,450,"12,000",,\r\n` +
  `${ZI},"黄岩子五金加工厂, 二车间",规下,10,60,,,,,,,"2,000,000",\r\n` +
  `${WU},黄岩午新材料有限公司,规上,20,100,500,100,0.5,50,10,1000,,exempt\r\n`;

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function io(): EvaluateIo & { text: () => string; errLines: string[] } {
  const chunks: Buffer[] = [];
  const errLines: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return { stdout, stderr: (l) => errLines.push(l), text: () => Buffer.concat(chunks).toString('utf8'), errLines };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
// 甲 by hand: Σ w × x / b over the six above-scale indicators (fixed benchmarks of the Huangyan scheme)
const JIA_TOTAL = round4(
  (30 * (1500 / 50)) / 24.097 +
    (20 * (8000 / 50)) / 136.16 +
    (20 * (8000 / 2500)) / 2.694 +
    (10 * (8000 / 1.2)) / 4929.81 +
    (10 * (8000 / 320)) / 18.14 +
    (10 * (450 / 12000)) / 0.0302,
); // 37.349048 + 23.501763 + 23.756496 + 13.523172 + 13.781698 + 12.417219 = 124.3294
// 子 by hand: tax per mu 60 / 10 = 6 → 50 × 6 / 11.5932; tax per kWh 60 × 10000 / 2,000,000 = 0.3 元 → 50 × 0.3 / 0.2352
const ZI_TOTAL = round4((50 * 6) / 11.5932 + (50 * 0.3) / 0.2352); // 25.8772 + 63.7755 = 89.6527

describe('luoshi evaluate (in process)', () => {
  it('json to stdout: the spec §3 shape with the hand-computed totals', async () => {
    const o = io();
    const status = await runEvaluate({ scheme: SCHEME, input: file('good.csv', GOOD_CSV) }, o);
    expect(status).toBe(0);
    const out = JSON.parse(o.text()) as { scheme: string; groups: unknown[]; results: Record<string, unknown>[] };
    expect(out.scheme).toBe('huangyan-2023');
    expect(out.results.map((r) => [r['uscc'], r['status'], r['group'], r['total'], r['rank'], r['class']])).toEqual([
      [JIA, 'scored', 'above', JIA_TOTAL, 1, 'A'],
      [ZI, 'scored', 'below', ZI_TOTAL, 1, 'A'],
      [WU, 'exempt', 'above', null, null, 'T'],
    ]);
    expect(JIA_TOTAL).toBe(124.3294);
    expect(ZI_TOTAL).toBe(89.6527);
    expect(out.results[1]!['name']).toBe('黄岩子五金加工厂, 二车间');
    expect(o.errLines).toEqual([]);
  });

  it('csv to stdout (no BOM) and to a file (with BOM); xlsx to a file with the sheet 评价结果', async () => {
    const input = file('good2.csv', GOOD_CSV);
    const o = io();
    expect(await runEvaluate({ scheme: SCHEME, input, format: 'csv' }, o)).toBe(0);
    const lines = o.text().split('\r\n');
    expect(lines[0]!.startsWith('统一社会信用代码,企业名称,分组,状态,综合得分,排名,档次,亩均,低碳,科技,人均,亩均税收,')).toBe(
      true,
    );
    expect(lines[1]!.startsWith(`${JIA},台州甲模塑有限公司,规上工业企业,评价,124.3294,1,A,`)).toBe(true);
    expect(lines[3]!.startsWith(`${WU},黄岩午新材料有限公司,规上工业企业,免评,,,T,`)).toBe(true);

    const csvOut = join(dir, 'out.csv');
    expect(await runEvaluate({ scheme: SCHEME, input, format: 'csv', out: csvOut }, io())).toBe(0);
    const written = readFileSync(csvOut, 'utf8');
    expect(written.charCodeAt(0)).toBe(0xfeff);
    expect(written.slice(1)).toBe(o.text());

    const xlsxOut = join(dir, 'out.xlsx');
    expect(await runEvaluate({ scheme: SCHEME, input, format: 'xlsx', out: xlsxOut }, io())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxOut);
    const ws = wb.getWorksheet('评价结果')!;
    expect(ws.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining([JIA, '台州甲模塑有限公司', '评价', 124.3294, 1, 'A']));
    expect(ws.rowCount).toBe(4);
    // complete files only: no temporary file left behind
    expect(readdirSync(dir).filter((f) => f.startsWith('out'))).toEqual(['out.csv', 'out.xlsx']);
  });

  it('xlsx input with Chinese headers gives the same JSON as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['统一社会信用代码', '企业名称', '规模', '用地面积(亩)', '实缴税金(万元)', '用电量(千瓦时)']);
    ws.addRow([ZI, '黄岩子五金加工厂, 二车间', '规下', 10, 60, 2000000]);
    const x = join(dir, 'in.xlsx');
    await wb.xlsx.writeFile(x);
    const o = io();
    expect(await runEvaluate({ scheme: SCHEME, input: x }, o)).toBe(0);
    const out = JSON.parse(o.text()) as { results: { total: number }[] };
    expect(out.results.map((r) => r.total)).toEqual([ZI_TOTAL]);
    rmSync(x);
  });

  const BAD_ROWS = [
    [
      'bad check digit',
      `${JIA.slice(0, 17)}${JIA[17] === 'A' ? 'B' : 'A'},甲,规上,10,1`,
      2,
      '统一社会信用代码',
      '统一社会信用代码校验位错误',
    ],
    ['duplicate code', `${JIA},甲,规上,10,1\n${JIA},乙,规上,10,1`, 3, '统一社会信用代码', '统一社会信用代码重复：与第 2 行相同'],
    ['negative area', `${JIA},甲,规上,-10,1`, 2, '用地面积(亩)', '不能为负数'],
    ['unparsable number', `${JIA},甲,规上,10,1.2.3`, 2, '实缴税金(万元)', '不是有效的数字'],
    ['unknown scale', `${JIA},甲,中型,10,1`, 2, '规模', '规模应为 above / below（或 规上 / 规下）'],
  ] as const;

  for (const [what, rows, row, column, reason] of BAD_ROWS) {
    it(`rejects a ${what} with exit 2: json errors on stdout, nothing written`, async () => {
      const input = file('bad.csv', `统一社会信用代码,企业名称,规模,用地面积(亩),实缴税金(万元)\n${rows}\n`);
      const out = join(dir, 'never.json');
      const o = io();
      expect(await runEvaluate({ scheme: SCHEME, input, out }, o)).toBe(2);
      const { errors } = JSON.parse(o.text()) as { errors: { row: number; column: string; reason: string }[] };
      expect(errors).toContainEqual(expect.objectContaining({ row, column, reason }));
      expect(existsSync(out)).toBe(false);
      expect(o.errLines[0]).toMatch(/^错误：企业数据有 \d+ 个问题/);
    });
  }

  it('for csv / xlsx the problems are readable lines on stderr, stdout stays empty, no file', async () => {
    const input = file('bad2.csv', `uscc,name,scale,land_mu\n${JIA},甲,above,-1\n`);
    const out = join(dir, 'never.xlsx');
    const o = io();
    expect(await runEvaluate({ scheme: SCHEME, input, format: 'xlsx', out }, o)).toBe(2);
    expect(o.text()).toBe('');
    expect(o.errLines).toEqual(['错误：企业数据有 1 个问题，未进行评价：', '  第 2 行，列“land_mu”，值“-1”：不能为负数']);
    expect(existsSync(out)).toBe(false);
  });

  it('a formula using a column the input lacks is rejected with its scheme path and position', async () => {
    const scheme = JSON.parse(readFileSync(SCHEME, 'utf8')) as { groups: { indicators: { denominator: string }[] }[] };
    scheme.groups[0]!.indicators[0]!.denominator = 'landx';
    const o = io();
    const status = await runEvaluate({ scheme: file('s.json', JSON.stringify(scheme)), input: file('g.csv', GOOD_CSV) }, o);
    expect(status).toBe(2);
    expect(JSON.parse(o.text())).toEqual({
      errors: [
        {
          row: null,
          column: 'groups[0].indicators[0].denominator',
          value: 'landx',
          reason: '未知字段 landx（位置 1）：输入中没有此列',
        },
      ],
    });
  });

  it('scheme and input problems are listed together', async () => {
    const o = io();
    const status = await runEvaluate(
      { scheme: file('broken.json', '{"id": "x", "name": }'), input: file('b.csv', `uscc,name\nX,甲\n`) },
      o,
    );
    expect(status).toBe(2);
    const { errors } = JSON.parse(o.text()) as { errors: { row: number | null; reason: string }[] };
    expect(errors).toEqual([
      expect.objectContaining({ row: null, reason: expect.stringContaining('不是有效的 JSON：第 1 行第 21 列') }),
      expect.objectContaining({ row: 2, reason: '统一社会信用代码应为18位' }),
    ]);
  });

  it('missing files and bad options: exit 2 with a Chinese reason', async () => {
    const o = io();
    const missing = join(dir, 'missing.csv');
    expect(await runEvaluate({ scheme: SCHEME, input: missing }, o)).toBe(2);
    expect(JSON.parse(o.text())).toEqual({
      errors: [{ row: null, column: null, value: missing, reason: `找不到文件“${missing}”` }],
    });

    const u = io();
    expect(await runEvaluate({ scheme: SCHEME, input: missing, format: 'xlsx' }, u)).toBe(2);
    expect(u.errLines[0]).toBe('错误：--format xlsx 需要用 --out 指定输出文件');
    const f = io();
    expect(await runEvaluate({ scheme: SCHEME, input: missing, format: 'pdf' }, f)).toBe(2);
    expect(f.errLines[0]).toBe('错误：--format 须为 json、csv 或 xlsx，而不是“pdf”');
    const m = io();
    expect(await runEvaluate({ input: missing }, m)).toBe(2);
    expect(m.errLines[0]).toBe('错误：缺少 --scheme：评价方案文件（JSON）');
  });
});

describe('luoshi evaluate (a real process)', () => {
  it('node bin/luoshi.mjs evaluate --scheme … --input small.csv: exit 0 and the JSON document', () => {
    const input = file('spawn.csv', GOOD_CSV);
    const p = spawnSync(process.execPath, ['bin/luoshi.mjs', 'evaluate', '--scheme', SCHEME, '--input', input], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    const out = JSON.parse(p.stdout) as {
      scheme: string;
      groups: { id: string; n: number }[];
      results: { uscc: string; total: number | null; heroes: Record<string, number | null> }[];
    };
    expect(Object.keys(out)).toEqual(['scheme', 'groups', 'results']);
    expect(out.groups.map((g) => [g.id, g.n])).toEqual([
      ['above', 1],
      ['below', 1],
    ]);
    const jia = out.results.find((r) => r.uscc === JIA)!;
    expect(jia.total).toBe(JIA_TOTAL);
    expect(Object.keys(jia.heroes)).toEqual(['mujun', 'ditan', 'keji', 'renjun']);
    expect(out.results.find((r) => r.uscc === ZI)!.total).toBe(ZI_TOTAL);
  });

  it('exit status 2 from the real process on bad input', () => {
    const input = file('spawn-bad.csv', `uscc,name,land_mu\n${JIA},甲,-1\n`);
    const p = spawnSync(
      process.execPath,
      ['bin/luoshi.mjs', 'evaluate', '--scheme', SCHEME, '--input', input, '--format', 'csv'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain('第 2 行，列“land_mu”，值“-1”：不能为负数');
  });
});
