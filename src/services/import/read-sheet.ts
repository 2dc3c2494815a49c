/** Reading the first worksheet of an uploaded .xlsx into plain rows, for every Excel import. */
import ExcelJS from 'exceljs';
import { AppError, importInvalid } from '../../domain/errors.js';
import type { Cell, RawSheet } from '../../domain/import/sheet.js';

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return v as Cell;
}

/** Reads the first worksheet of an .xlsx file; a file that is not one gets a clear error. */
export async function readSheet(buffer: Buffer): Promise<RawSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(422, 'IMPORT_INVALID', '无法读取文件：请上传 Excel（.xlsx）文件', [
      { row: 0, column: '', message: '文件格式不是 .xlsx' },
    ]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw importInvalid([{ row: 0, column: '', message: '文件中没有工作表' }]);
  const rowCells = (n: number) => {
    const out: Cell[] = [];
    ws.getRow(n).eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = cellValue(c.value)));
    return out;
  };
  // distinct non-empty values: a merged title repeats its value in every cell of the merge
  const filled = (cells: Cell[]) => new Set(cells.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').map(String)).size;
  // the offices' layout puts a title (one merged cell) above the header: then the header is row 2
  let headerRow = 1;
  let header = rowCells(1);
  if (filled(header) <= 1 && filled(rowCells(2)) > 1) {
    headerRow = 2;
    header = rowCells(2);
  }
  const rows: RawSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: Cell[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellValue(c.value)));
    if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) rows.push({ row: rowNumber, cells });
  });
  return { header, rows };
}
