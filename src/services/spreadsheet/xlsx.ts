/** Writing an exceljs workbook for download: every text cell neutralised against formula injection first. */
import type ExcelJS from 'exceljs';
import { formulaLeading, safeText } from '../../domain/spreadsheet/safe-cell.js';

/** Prefixes every formula-leading text cell (plain, rich text, hyperlink text) of every sheet with '. */
export function neutraliseWorkbook(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          if (formulaLeading(v)) cell.value = safeText(v);
        } else if (v && typeof v === 'object' && !(v instanceof Date)) {
          if ('richText' in v && v.richText.length > 0 && formulaLeading(v.richText.map((r) => r.text).join('')))
            cell.value = { richText: [{ text: "'" }, ...v.richText] };
          else if ('hyperlink' in v && typeof v.text === 'string' && formulaLeading(v.text))
            cell.value = { ...v, text: safeText(v.text) };
        }
      }),
    );
}

/** The workbook as .xlsx bytes, neutralised (the one way Luoshi's services write a workbook to a buffer). */
export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  neutraliseWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
