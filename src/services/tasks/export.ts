/** The ledger as the offices print it: one sheet per source, headers frozen, widths set, landscape A4. */
import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import { SOURCE_KINDS, STATUS_LABELS, type SourceKind, type TaskStatus } from '../../domain/tasks/workflow.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { ledgerRowsForExport, type LedgerFilter } from './ledger.js';

export const EXPORT_LIMIT = 20_000;

const COLUMNS: Partial<ExcelJS.Column>[] = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '事项编号', key: 'number', width: 14 },
  { header: '任务内容', key: 'title', width: 48 },
  { header: '牵头领导', key: 'leader', width: 16 },
  { header: '牵头单位', key: 'leadUnit', width: 18 },
  { header: '协办单位', key: 'coop', width: 24 },
  { header: '完成时限', key: 'deadline', width: 12 },
  { header: '最新进展', key: 'latest', width: 48 },
  { header: '状态', key: 'status', width: 12 },
];

export async function exportLedger(ctx: Ctx, f: LedgerFilter, title: string): Promise<Buffer> {
  requirePermission(ctx, 'tasks.read');
  const rows = await ledgerRowsForExport(ctx, f, EXPORT_LIMIT);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const bySource = new Map<string, typeof rows>();
  for (const r of rows) bySource.set(r.sourceKind, [...(bySource.get(r.sourceKind) ?? []), r]);
  if (bySource.size === 0) bySource.set('', []);
  for (const [kind, list] of bySource) {
    const name = kind ? (SOURCE_KINDS[kind as SourceKind]?.zh ?? kind) : '督办台账';
    const ws = wb.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:2',
      },
    });
    ws.columns = COLUMNS;
    ws.spliceRows(1, 0, [`${title}（${name}）`]);
    ws.mergeCells(1, 1, 1, COLUMNS.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    ws.getRow(2).font = { bold: true };
    ws.getRow(2).alignment = { horizontal: 'center', vertical: 'middle' };
    list.forEach((r, i) => {
      ws.addRow({
        seq: i + 1,
        number: r.number,
        title: r.title,
        leader: r.leadLeaderTitle ?? '',
        leadUnit: r.leadUnitName,
        coop: r.coopUnitNames.join('、'),
        deadline: r.deadline,
        latest: r.latestReportText ?? '',
        status: STATUS_LABELS[r.status as TaskStatus]?.zh ?? r.status,
      });
    });
    ws.eachRow((row, n) => {
      if (n < 2) return;
      row.alignment = { wrapText: true, vertical: 'top' };
      row.eachCell(
        (c) =>
          (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }),
      );
    });
  }
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'task.export', targetType: 'task', after: { filter: f, rows: rows.length } }),
  );
  return await xlsxBuffer(wb);
}
