/**
 * Pure row checks for the Excel imports of units and people. Input: the header row and data rows as plain values;
 * output: typed records, or every problem with its row and column.
 */
import type { CellIssue } from '../errors.js';

export type Cell = string | number | boolean | Date | null | undefined;

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  maxLength?: number;
}

export const UNIT_COLUMNS: ColumnSpec[] = [
  { key: 'code', header: '单位编码', required: true, maxLength: 40 },
  { key: 'name', header: '单位名称', required: true, maxLength: 100 },
  { key: 'shortName', header: '简称', required: false, maxLength: 40 },
  { key: 'kind', header: '类型', required: true },
  { key: 'parentCode', header: '上级单位编码', required: false, maxLength: 40 },
  { key: 'sortOrder', header: '排序', required: false },
];

export const PEOPLE_COLUMNS: ColumnSpec[] = [
  { key: 'name', header: '姓名', required: true, maxLength: 50 },
  { key: 'unitCode', header: '单位编码', required: true, maxLength: 40 },
  { key: 'title', header: '职务', required: false, maxLength: 100 },
  { key: 'phone', header: '电话', required: false, maxLength: 30 },
  { key: 'sortOrder', header: '排序', required: false },
];

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const text = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
};

/** C0 control characters and DEL; TAB, LF and CR (line breaks inside a cell) are allowed. */
// eslint-disable-next-line no-control-regex
export const CELL_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface RawSheet {
  header: Cell[];
  /** Data rows with their 1-based spreadsheet row numbers. */
  rows: { row: number; cells: Cell[] }[];
}

export const MAX_IMPORT_ROWS = 5000;

/** Maps headers to columns and reads each row into strings; a missing required header is one issue on row 1. */
export function readRows(
  sheet: RawSheet,
  spec: ColumnSpec[],
): { records: { row: number; values: Record<string, string>; columns: Record<string, string> }[]; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const index = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const name = text(h).replace(/[*＊\s]/g, '');
    if (name) index.set(name, i);
  });
  const columns: Record<string, string> = {};
  for (const c of spec) {
    const i = index.get(c.header);
    if (i === undefined) {
      if (c.required) issues.push({ row: 1, column: '', message: `缺少必填列“${c.header}”` });
    } else columns[c.key] = columnLetter(i);
  }
  if (issues.length) return { records: [], issues };
  if (sheet.rows.length === 0) return { records: [], issues: [{ row: 2, column: '', message: '文件中没有数据行' }] };
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    return { records: [], issues: [{ row: 1, column: '', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }] };
  }
  const records = [];
  for (const { row, cells } of sheet.rows) {
    const values: Record<string, string> = {};
    for (const c of spec) {
      const i = index.get(c.header);
      const v = i === undefined ? '' : text(cells[i]);
      const col = columns[c.key] ?? '';
      if (CELL_CONTROL.test(v)) {
        issues.push({ row, column: col, message: `“${c.header}”含有控制字符（如 NUL），请删除后重新导入` });
        values[c.key] = '';
        continue;
      }
      if (c.required && !v) issues.push({ row, column: col, message: `“${c.header}”不能为空` });
      if (c.maxLength && v.length > c.maxLength)
        issues.push({ row, column: col, message: `“${c.header}”不能超过 ${c.maxLength} 个字` });
      values[c.key] = v;
    }
    records.push({ row, values, columns });
  }
  return { records, issues };
}

export function parseSortOrder(v: string): number | null {
  if (!v) return 0;
  return /^-?\d{1,6}$/.test(v) ? Number(v) : null;
}
