/** The briefing as an Excel workbook: 总体情况, 红黄灯事项, 先进与后进单位. */
import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import type { Briefing, UnitRate } from './data.js';

const LIGHT = { red: '红灯', yellow: '黄灯' } as const;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, head: string[], widths: number[]) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, head.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow(head).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

export async function briefingXlsx(b: Briefing): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const s = b.summary;
  const all = sheet(wb, '总体情况', b.title, ['项目', '数量'], [24, 10]);
  for (const [k, v] of [
    ['累计交办', s.handedOut],
    ['本期办结', s.closed],
    ['其中按期办结', s.closedOnTime],
    ['期末在办', s.openAtEnd],
    ['其中逾期', s.overdueAtEnd],
    ['本期红灯', s.red],
    ['本期黄灯', s.yellow],
  ] as const)
    all.addRow([k, v]);
  const ry = sheet(
    wb,
    '红黄灯事项',
    `${b.title}——红黄灯事项`,
    ['牵头单位', '事项编号', '事项', '预警', '完成时限', '状态'],
    [22, 14, 48, 8, 12, 14],
  );
  for (const g of b.redYellow)
    for (const it of g.items) ry.addRow([g.unitName, it.number, it.title, LIGHT[it.light], it.deadline, it.status]);
  const units = sheet(
    wb,
    '先进与后进单位',
    `${b.title}——先进与后进单位`,
    ['类别', '序号', '单位', '办结', '按期办结', '逾期未办结', '按期办结率(%)'],
    [10, 6, 22, 8, 10, 12, 14],
  );
  const add = (kind: string, list: UnitRate[]) =>
    list.forEach((u, i) => units.addRow([kind, i + 1, u.unitName, u.closed, u.closedOnTime, u.overdue, u.rate]));
  add('前五位', b.top);
  add('后五位', b.bottom);
  return await xlsxBuffer(wb);
}
