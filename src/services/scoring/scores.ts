/** Unit scores for a period, and their Excel export. */
import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import { scoreUnits, type UnitScore } from '../../domain/scoring/score.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { unitFacts } from './facts.js';
import { checkPeriod, type Period } from './period.js';
import { scoreScheme } from './settings.js';

export async function unitScores(ctx: Ctx, period: Period) {
  requirePermission(ctx, 'tasks.read');
  const p = checkPeriod(period);
  const scheme = await scoreScheme(ctx.db);
  return { ...p, scheme, items: scoreUnits(await unitFacts(ctx.db, p), scheme) };
}

const HEAD = ['名次', '单位', '得分', '得分明细'];

export async function exportScores(ctx: Ctx, period: Period): Promise<Buffer> {
  const { from, to, items } = await unitScores(ctx, period);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const ws = wb.addWorksheet('考核得分', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([`${from} 至 ${to} 督查督办考核得分`]);
  ws.mergeCells(1, 1, 1, HEAD.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow(HEAD).font = { bold: true };
  for (const s of items) ws.addRow([s.rank, s.unitName, s.score, explain(s)]).alignment = { wrapText: true, vertical: 'top' };
  [6, 24, 10, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const detail = wb.addWorksheet('明细');
  detail.addRow(['单位', '项目', '数量', '分值', '小计']).font = { bold: true };
  for (const s of items) for (const l of s.breakdown) detail.addRow([s.unitName, l.label, l.count, l.points, l.subtotal]);
  [24, 16, 8, 8, 8].forEach((w, i) => (detail.getColumn(i + 1).width = w));
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'scores.export', targetType: 'settings', after: { from, to } }),
  );
  return await xlsxBuffer(wb);
}

const explain = (s: UnitScore) =>
  s.breakdown
    .filter((l) => l.item === 'base' || l.count)
    .map((l) => l.text)
    .join('；');
