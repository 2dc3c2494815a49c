/**
 * The 亩均 results as Excel workbooks, Chinese headers: the ranking (one sheet per group with every indicator's value
 * and score, then the enterprises not scored) and the class lists for the departments that apply the differentiated
 * policies (one sheet per class: its policies on top, then its enterprises).
 */
import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import type { IndicatorResult } from '../../domain/mujun/engine.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { POLICY_CATEGORY_LABELS, policyRows } from './policies.js';
import { classOrder, groupName, STATUS_LABELS, type ResultFilter, type RunHeader } from './results/common.js';
import { rankingRows } from './results/ranking.js';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const runTitle = (run: Pick<RunHeader, 'scheme' | 'year' | 'version'>) =>
  `${run.scheme.name}（${run.year} 年度第 ${run.version} 版）`;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 28) || '工作表';
  let name = base;
  for (let k = 2; wb.getWorksheet(name); k++) name = `${base}(${k})`;
  return name;
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, head: string[], widths: number[]) {
  const ws = wb.addWorksheet(sheetName(wb, name), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, Math.max(head.length, 1));
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const h = ws.addRow(head);
  h.font = { bold: true };
  h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  h.eachCell((c) => (c.border = BORDER));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/** The cells naming an enterprise in the lists: credit code, name, town, industry, group, status. */
const enterpriseCells = (
  run: Pick<RunHeader, 'scheme'>,
  r: { uscc: string; name: string; town: string | null; industry: string | null; group: string | null; status: string },
) => [r.uscc, r.name, r.town ?? '', r.industry ?? '', groupName(run.scheme, r.group) ?? '', STATUS_LABELS[r.status] ?? r.status];

const r4 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e4) / 1e4);
const bordered = (row: ExcelJS.Row) => row.eachCell({ includeEmpty: false }, (c) => (c.border = BORDER));

/** The ranking workbook of a run, over the enterprises the actor may see (narrowed by the ranking's filters). */
export async function rankingXlsx(
  ctx: Ctx,
  runId: string,
  filter: ResultFilter = {},
): Promise<{ title: string; buffer: Buffer }> {
  requirePermission(ctx, 'mujun.read');
  const { run, rows } = await rankingRows(ctx, runId, filter);
  const title = runTitle(run);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  for (const g of run.scheme.groups) {
    const members = rows.filter((r) => r.status === 'scored' && r.group === g.id);
    if (members.length === 0 && filter.group && filter.group !== g.id) continue;
    const head = [
      '组内排名',
      '统一社会信用代码',
      '企业名称',
      '乡镇街道',
      '行业代码',
      '综合得分',
      '档次',
      '亩均',
      '低碳',
      '科技',
      '人均',
    ];
    const widths = [8, 22, 32, 14, 10, 10, 6, 8, 8, 8, 8];
    for (const ind of g.indicators) {
      head.push(`${ind.name}${ind.unit ? `(${ind.unit})` : ''}`, `${ind.name}得分(满分${ind.weight})`);
      widths.push(14, 10);
    }
    head.push('加减分', '否决项');
    widths.push(10, 20);
    const ws = addSheet(wb, g.name, `${title}——${g.name}`, head, widths);
    for (const r of members) {
      const inds = (r.indicators ?? {}) as Record<string, IndicatorResult>;
      const adj = ((r.adjustments ?? []) as { points: number }[]).reduce((s, a) => s + a.points, 0);
      const vetoNames = (r.vetoes ?? []).map((id) => g.vetoes?.find((v) => v.id === id)?.name ?? id);
      bordered(
        ws.addRow([
          r.rank,
          r.uscc,
          r.name,
          r.town ?? '',
          r.industry ?? '',
          r.total,
          r.class ?? '',
          r4(r.mujun),
          r4(r.ditan),
          r4(r.keji),
          r4(r.renjun),
          ...g.indicators.flatMap((ind) => [r4(inds[ind.id]?.value), r4(inds[ind.id]?.score)]),
          adj || null,
          vetoNames.join('、'),
        ]),
      );
    }
  }
  const others = rows.filter((r) => r.status !== 'scored');
  if (others.length > 0) {
    const ws = addSheet(
      wb,
      '免评、承租及未参评企业',
      `${title}——免评、承租及未参评企业`,
      ['统一社会信用代码', '企业名称', '乡镇街道', '行业代码', '评价分组', '状态', '档次'],
      [22, 32, 14, 10, 14, 20, 6],
    );
    for (const r of others) bordered(ws.addRow([...enterpriseCells(run, r), r.class ?? '']));
  }
  if (wb.worksheets.length === 0) addSheet(wb, '评价结果', title, ['（没有符合条件的企业）'], [30]);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'mujun.results.export',
      targetType: 'mujun_run',
      targetId: run.id,
      after: { kind: 'ranking', filter, rows: rows.length },
    }),
  );
  return { title: `${title}评价结果`, buffer: await xlsxBuffer(wb) };
}

/** One sheet per class: the class's policies on top, then the enterprises of that class (scored, tenants, exempt). */
export async function classListsXlsx(ctx: Ctx, runId: string): Promise<{ title: string; buffer: Buffer }> {
  requirePermission(ctx, 'mujun.manage');
  const { run, rows } = await rankingRows(ctx, runId);
  const policies = await policyRows(ctx.db);
  const title = runTitle(run);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const present = new Set(rows.map((r) => r.class).filter((c): c is string => c !== null));
  const classes = classOrder(run.scheme, present).filter((c) => present.has(c) || policies.some((p) => p.class === c));
  const head = ['序号', '统一社会信用代码', '企业名称', '乡镇街道', '行业代码', '评价分组', '状态', '综合得分', '组内排名'];
  const widths = [10, 22, 32, 14, 10, 14, 20, 10, 16];
  for (const cls of classes) {
    const members = rows.filter((r) => r.class === cls);
    const own = policies.filter((p) => p.class === cls);
    const ws = wb.addWorksheet(sheetName(wb, `${cls}类`), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.addRow([`${title}——${cls}类企业名单（${members.length} 家）`]);
    ws.mergeCells(1, 1, 1, head.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    ws.addRow([`${cls}类企业适用的差别化政策措施`]).font = { bold: true, size: 12 };
    // policies: 类别 | 政策措施 (merged over the middle columns) | 责任部门
    const policyRow = (values: [string, string, string], bold = false) => {
      const row = ws.addRow([values[0], values[1], '', '', '', '', '', '', values[2]]);
      ws.mergeCells(row.number, 2, row.number, 8);
      row.alignment = { wrapText: true, vertical: 'top' };
      if (bold) row.font = { bold: true };
      bordered(row);
    };
    policyRow(['类别', '政策措施', '责任部门'], true);
    for (const p of own) policyRow([POLICY_CATEGORY_LABELS[p.category] ?? p.category, p.measure, p.department ?? '']);
    if (own.length === 0) policyRow(['', '（未设置该档次的政策措施）', '']);
    ws.addRow([]);
    const h = ws.addRow(head);
    h.font = { bold: true };
    h.alignment = { horizontal: 'center' };
    bordered(h);
    members.forEach((r, i) => bordered(ws.addRow([i + 1, ...enterpriseCells(run, r), r.total, r.rank])));
  }
  if (wb.worksheets.length === 0) addSheet(wb, '分档名单', title, ['（没有已定档的企业）'], [30]);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'mujun.results.export',
      targetType: 'mujun_run',
      targetId: run.id,
      after: { kind: 'class-lists', rows: rows.length, classes },
    }),
  );
  return { title: `${title}分档企业名单`, buffer: await xlsxBuffer(wb) };
}
