/**
 * Writing the 亩均 evaluation's results: the people's table as .xlsx (exceljs streaming writer, one sheet 评价结果) or
 * .csv, and any text blocks (JSON, CSV) to a file or a stream. A file appears only when complete: it is written under
 * a temporary name and renamed at the end (removed on failure).
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { csvOutputChunks, rowCells, type OutputTable } from '../../domain/mujun/output.js';
import { safeCell, safeText } from '../../domain/spreadsheet/safe-cell.js';

/** Writes blocks (text or bytes) to a stream, waiting whenever it asks for a pause. */
export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string | Uint8Array>): Promise<void> {
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

async function atomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes blocks (text as UTF-8, or bytes) to a file. */
export async function writeTextFile(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await atomically(path, async (tmp) => {
    const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    await Promise.race([writeChunks(out, chunks), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  });
}

/**
 * The people's table as a CSV file (with a BOM, so Excel reads it as UTF-8). Written with synchronous writes of each
 * block as it is made, so that the writer reuses one buffer (no 200 MB of short-lived blocks for 1,000,000 rows).
 */
export async function writeCsvFile(path: string, table: OutputTable): Promise<void> {
  await atomically(path, async (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      for (const block of csvOutputChunks(table, { bom: true, reuseBuffer: true }))
        for (let off = 0; off < block.length;) off += writeSync(fd, block, off, block.length - off);
    } finally {
      closeSync(fd);
    }
  });
}

export const XLSX_SHEET_NAME = '评价结果';

/** The people's table as an .xlsx file: one sheet 评价结果, bold frozen header row. */
export async function writeXlsxFile(path: string, table: OutputTable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  await atomically(path, async (tmp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet(XLSX_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.headers.map((h, i) => ({
      key: `c${i}`,
      width: i === 0 ? 22 : i === 1 ? 28 : Math.max(10, h.length * 2 + 2),
    }));
    const header = ws.addRow(table.headers.map(safeText));
    header.font = { bold: true };
    header.commit();
    for (const row of table.rows()) ws.addRow(rowCells(table, row).map(safeCell)).commit(); // formula-leading text: '
    ws.commit();
    await wb.commit();
  });
}
