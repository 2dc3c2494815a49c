/**
 * Reading the 亩均 evaluation's files: the enterprise input (.csv through the byte-level reader, .xlsx through
 * exceljs's streaming reader, first sheet) and the scheme (.json). Every problem comes back as
 * `{ row, column, value, reason }` with a Chinese reason; nothing throws for bad input.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { CsvReader } from '../../domain/mujun/csv.js';
import { badEncodingReason, CsvTranscoder } from '../../domain/mujun/encoding.js';
import type { MujunTable } from '../../domain/mujun/engine.js';
import { exprReason, MujunTableBuilder, type InputCell, type InputProblem } from '../../domain/mujun/input.js';
import { validateScheme, type Scheme } from '../../domain/mujun/scheme.js';
import { readCsvInParts, type ParallelOptions } from './csv-parallel.js';
import { createRequire } from 'node:module';

export type { InputProblem } from '../../domain/mujun/input.js';

/** The yaml package, loaded on first use (a JSON scheme, the usual case, does not pay its ~30 ms load at start-up). */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export type MujunInputSource = { path: string } | { buffer: Buffer; fileName: string };

export type ReadInputResult = { ok: true; table: MujunTable } | { ok: false; errors: InputProblem[] };

/** Chunk size of the CSV file stream: large chunks keep the per-chunk overhead out of the profile. */
export const CSV_CHUNK_BYTES = 4 << 20;

const fail = (reason: string, value: string | null = null): { ok: false; errors: InputProblem[] } => ({
  ok: false,
  errors: [{ row: null, column: null, value, reason }],
});

/** A Chinese reason for a file that cannot be opened. */
export function fileErrorReason(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `找不到文件“${file}”`;
  if (code === 'EISDIR') return `“${file}”是目录，不是文件`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取文件“${file}”`;
  return `无法读取文件“${file}”（${code ?? (e instanceof Error ? e.message : String(e))}）`;
}

/**
 * Reads the enterprise table from a .csv or .xlsx file (path or uploaded buffer). `builder`: a table builder that
 * checks only some columns (a department's upload), the full builder by default. `parallel`: a large .csv file given by
 * path (and no `builder`) is read on several threads when it can be (`readCsvInParts`), with the same result.
 */
export async function readMujunInput(
  src: MujunInputSource,
  builder?: MujunTableBuilder,
  opts: { parallel?: ParallelOptions } = {},
): Promise<ReadInputResult> {
  const fileName = 'path' in src ? src.path : src.fileName;
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv' && 'path' in src && !builder && opts.parallel) {
    // a large file on several threads (see csv-parallel.ts); null: read it the ordinary way below
    try {
      const r = await readCsvInParts(src.path, opts.parallel);
      if (r) return r;
    } catch (e) {
      return fail(fileErrorReason(src.path, e), src.path);
    }
  }
  builder ??= new MujunTableBuilder();
  if (ext === '.csv') return 'path' in src ? readCsvFile(src.path, builder) : readCsvBuffer(src.buffer, builder);
  if (ext === '.xlsx') return readXlsx(src, fileName, builder);
  if (ext === '.xls') return fail('不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 .csv（UTF-8）', fileName);
  return fail(`不支持的文件类型“${ext || '（无扩展名）'}”：输入须为 .csv 或 .xlsx 文件`, fileName);
}

const badEncoding = (row: number): { ok: false; errors: InputProblem[] } => ({
  ok: false,
  errors: [{ row, column: null, value: null, reason: badEncodingReason(row) }],
});

function readCsvBuffer(buffer: Uint8Array, builder: MujunTableBuilder): ReadInputResult {
  const reader = new CsvReader(builder);
  const dec = new CsvTranscoder();
  const body = dec.push(buffer);
  const rest = dec.end();
  if (!body || !rest) return badEncoding(dec.badRow!);
  reader.push(body);
  reader.push(rest);
  reader.end();
  return builder.finish();
}

async function readCsvFile(path: string, builder: MujunTableBuilder): Promise<ReadInputResult> {
  const reader = new CsvReader(builder);
  const dec = new CsvTranscoder();
  try {
    const { size } = await stat(path);
    let bytes = 0;
    let estimated = false;
    for await (const chunk of createReadStream(path, { highWaterMark: CSV_CHUNK_BYTES })) {
      const utf8 = dec.push(chunk as Buffer);
      if (!utf8) return badEncoding(dec.badRow!);
      reader.push(utf8);
      bytes += (chunk as Buffer).length;
      if (!estimated && builder.rowCount >= 1000) {
        // the rows of the first chunk tell the row size: make room for the whole file once
        estimated = true;
        if (bytes < size) builder.reserve((size / bytes) * builder.rowCount * 1.05);
      }
    }
  } catch (e) {
    return fail(fileErrorReason(path, e), path);
  }
  const rest = dec.end();
  if (!rest) return badEncoding(dec.badRow!);
  reader.push(rest);
  reader.end();
  return builder.finish();
}

type XlsxValue = unknown;

/**
 * Excel stores characters XML cannot hold (control characters, a CR in a cell) as `_xHHHH_`; exceljs's streaming reader
 * leaves them escaped. Unescaped here, so a control character is seen (and refused) as what it is.
 */
const unescapeOoxml = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** An exceljs cell value → a plain cell: rich text joined, formula → its result, hyperlink → its text, error → empty. */
export function xlsxCell(v: XlsxValue): InputCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.includes('_x') ? unescapeOoxml(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText'])) return xlsxCell((o['richText'] as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? xlsxCell(o['result']) : null;
    if ('result' in o) return xlsxCell(o['result']);
    if ('text' in o) return xlsxCell(o['text']);
    if ('error' in o) return null;
  }
  return String(v);
}

async function readXlsx(src: MujunInputSource, fileName: string, builder: MujunTableBuilder): Promise<ReadInputResult> {
  const { default: ExcelJS } = await import('exceljs');
  const input = 'path' in src ? src.path : Readable.from([src.buffer]);
  if ('path' in src) {
    // open errors surface late (and untidily) inside exceljs: check the file first
    try {
      await (await open(src.path, 'r')).close();
    } catch (e) {
      return fail(fileErrorReason(src.path, e), src.path);
    }
  }
  let sawSheet = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      sawSheet = true;
      let headerSeen = false;
      for await (const row of sheet) {
        const values = row.values as unknown[]; // 1-based, sparse
        const cells: InputCell[] = new Array<InputCell>(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = xlsxCell(values[i]);
        if (!headerSeen) {
          headerSeen = true;
          if (row.number !== 1)
            builder.setHeader([]); // no header in row 1: reported as missing columns
          else {
            builder.setHeader(cells);
            continue;
          }
        }
        builder.addRow(row.number, cells);
      }
      if (!headerSeen) return fail(`Excel 文件“${fileName}”的第一个工作表是空的`);
      break; // first sheet only
    }
  } catch (e) {
    return fail(
      `无法读取 Excel 文件“${fileName}”：文件已损坏或不是 .xlsx 格式（${e instanceof Error ? e.message : String(e)}）`,
      fileName,
    );
  }
  if (!sawSheet) return fail(`Excel 文件“${fileName}”中没有工作表`, fileName);
  return builder.finish();
}

export type ReadSchemeResult = { ok: true; scheme: Scheme } | { ok: false; errors: InputProblem[] };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/** The value at a validation path such as `groups[0].indicators[1].numerator`, as text (null when absent). */
function valueAt(root: unknown, path: string): string | null {
  let cur: unknown = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = m[2] !== undefined ? (cur as unknown[])[Number(m[2])] : (cur as Record<string, unknown>)[m[1]!];
  }
  if (cur === undefined) return null;
  return typeof cur === 'string' ? cur : JSON.stringify(cur);
}

/**
 * Where JSON.parse fails, as a character offset. V8 gives it only for some errors, so it is found by bisection: a
 * prefix that reads fine up to its end fails with "Unexpected end", one that contains the error fails otherwise.
 */
function jsonErrorOffset(text: string): number {
  const endsEarly = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return true;
    } catch (e) {
      const msg = e instanceof Error ? e.message : '';
      if (/end of JSON input/i.test(msg)) return true;
      const at = /position (\d+)/.exec(msg);
      return at !== null && Number(at[1]) >= k;
    }
  };
  // smallest k whose prefix contains the error: the error is at k − 1
  let lo = 1;
  let hi = text.length;
  if (endsEarly(hi)) return text.length; // the text itself just ends too early
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endsEarly(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Parses and validates a scheme (JSON). Problems: `{ row: null, column: <path>, value, reason }`. */
export async function readSchemeFile(path: string): Promise<ReadSchemeResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return fail(fileErrorReason(path, e), path);
  }
  return parseSchemeText(text, path);
}

/** The scheme from JSON text, or YAML text when `file` ends in .yaml / .yml (`file` names it in messages). */
export function parseSchemeText(text: string, file: string): ReadSchemeResult {
  const ext = extname(file).toLowerCase();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  if (ext === '.yaml' || ext === '.yml') {
    try {
      raw = yaml().parse(text, { prettyErrors: true });
    } catch (e) {
      const { YAMLParseError } = yaml();
      const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
      const where = pos ? `第 ${pos.line} 行第 ${pos.col} 列，` : '';
      return fail(`评价方案“${file}”不是有效的 YAML：${where}${e instanceof YAMLParseError ? e.code : String(e)}`, file);
    }
  } else
    try {
      raw = JSON.parse(text);
    } catch {
      const at = jsonErrorOffset(text);
      const { line, column } = lineColumn(text, at);
      const what = at >= text.length ? '文件意外结束（缺少括号或引号？）' : `此处的“${text[at]}”不合 JSON 语法`;
      return fail(`评价方案“${file}”不是有效的 JSON：第 ${line} 行第 ${column} 列，${what}`, file);
    }
  const v = validateScheme(raw);
  if (v.ok) return { ok: true, scheme: v.scheme };
  return {
    ok: false,
    errors: v.problems.map((p) => ({
      row: null,
      column: p.path,
      value: valueAt(raw, p.path),
      reason: p.position === undefined ? p.message : `${exprReason(p.message)}（位置 ${p.position + 1}）`,
    })),
  };
}
