/**
 * The 项目台账 as an Excel file in the offices' layout: exported as the screen shows it (scope and filters), and the
 * yearly list imported all or nothing — every problem with its row and column, nothing stored when there is one.
 * A row with a known 项目编号 updates that project's register fields and planned dates; a row without adds a project
 * (with the stages its 实际 dates say it has reached).
 */
import ExcelJS from 'exceljs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { people, projectStages, projectUnits, projects, units } from '../../db/schema.js';
import { importInvalid, type CellIssue } from '../../domain/errors.js';
import { readRows } from '../../domain/import/sheet.js';
import {
  ACTUAL_KEYS,
  EXPORT_ONLY_COLUMNS,
  PLANNED_KEYS,
  PROJECT_COLUMNS,
  SOURCE_BY_LABEL,
  parseAmount,
  parseDate,
  parseFlags,
} from '../../domain/projects/import-rows.js';
import { INVESTOR_FLAGS, PROJECT_SOURCES, STAGES, STAGE_IDS, TERMINATED, type Stage } from '../../domain/projects/lifecycle.js';
import { splitNames } from '../../domain/tasks/import-rows.js';
import { localDate } from '../../domain/time/dates.js';
import { LIGHT_LABELS } from '../../domain/warnings/lights.js';
import { recordAudit } from '../audit/record.js';
import { requirePermission, type Ctx } from '../context.js';
import { readSheet } from '../import/read-sheet.js';
import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import { requireManager } from './access.js';
import { listProjects, type ProjectFilter } from './read.js';
import { projectSettings } from './settings.js';
import { applyEdit, insertProject, projectInputProblems, type ProjectInput } from './write.js';

export const PROJECT_EXPORT_LIMIT = 20_000;

export async function exportProjectLedger(ctx: Ctx, f: ProjectFilter, title: string): Promise<Buffer> {
  requirePermission(ctx, 'projects.read');
  const { items } = await listProjects(ctx, { ...f, page: 1, pageSize: PROJECT_EXPORT_LIMIT });
  const ids = items.map((i) => i.id);
  const stageRows = ids.length ? await ctx.db.select().from(projectStages).where(inArray(projectStages.projectId, ids)) : [];
  const stagesOf = new Map<string, Map<string, { plannedOn: string | null; actualOn: string | null }>>();
  for (const r of stageRows) {
    const m = stagesOf.get(r.projectId) ?? new Map();
    m.set(r.stage, r);
    stagesOf.set(r.projectId, m);
  }
  const coopRows = ids.length
    ? await ctx.db
        .select({ projectId: projectUnits.projectId, name: sql<string>`coalesce(${units.shortName}, ${units.name})` })
        .from(projectUnits)
        .innerJoin(units, eq(units.id, projectUnits.unitId))
        .where(and(eq(projectUnits.role, 'coop'), inArray(projectUnits.projectId, ids)))
        .orderBy(units.sortOrder)
    : [];
  const coopOf = new Map<string, string>();
  for (const r of coopRows) coopOf.set(r.projectId, coopOf.has(r.projectId) ? `${coopOf.get(r.projectId)}、${r.name}` : r.name);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const ws = wb.addWorksheet('项目台账', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  const headers = [
    EXPORT_ONLY_COLUMNS[0],
    ...PROJECT_COLUMNS.map((c) => c.header),
    EXPORT_ONLY_COLUMNS[1],
    EXPORT_ONLY_COLUMNS[2],
    EXPORT_ONLY_COLUMNS[3],
    EXPORT_ONLY_COLUMNS[4],
  ];
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow(headers);
  ws.getRow(2).font = { bold: true };
  ws.getRow(2).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  items.forEach((p, i) => {
    const st = stagesOf.get(p.id) ?? new Map();
    ws.addRow([
      i + 1,
      p.number,
      p.name,
      p.investorName,
      p.investorUscc ?? '',
      p.investorFlags.map((f) => INVESTOR_FLAGS[f].zh).join('、'),
      PROJECT_SOURCES[p.source].zh,
      p.fundName ?? '',
      p.industryCode ?? '',
      p.track ?? '',
      p.totalInvestment,
      p.fixedInvestment ?? '',
      p.yearPlanInvestment ?? '',
      p.landMu ?? '',
      p.placeName ?? '',
      p.leaderName ?? '',
      p.leadUnitName,
      coopOf.get(p.id) ?? '',
      ...PLANNED_KEYS.map(({ stage }) => st.get(stage)?.plannedOn ?? ''),
      ...ACTUAL_KEYS.map(({ stage }) => st.get(stage)?.actualOn ?? ''),
      p.state === 'terminated' ? TERMINATED.zh : STAGES[p.state as Stage].zh,
      p.investmentToDate,
      p.latestReportMonth ?? '',
      p.light ? LIGHT_LABELS[p.light].zh : '',
    ]);
  });
  ws.columns.forEach((c, i) => (c.width = i === 2 || i === 3 ? 32 : i === 0 ? 6 : 14));
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((c) => (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
  });
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'project.export', targetType: 'project', after: { filter: f, rows: items.length } }));
  return xlsxBuffer(wb);
}

/** Where a service field's problem is shown in the file. */
const COLUMN_OF_FIELD: Record<string, string> = {
  investorUscc: 'investorUscc',
  fundName: 'fundName',
  track: 'track',
  fixedInvestment: 'fixedInvestment',
  industryCode: 'industryCode',
  leadUnitId: 'leadUnit',
  coopUnitIds: 'coopUnits',
  placeUnitId: 'place',
  leaderId: 'leader',
  ...Object.fromEntries(PLANNED_KEYS.map(({ stage, key }) => [`planned.${stage}`, key])),
};

export async function importProjectLedger(ctx: Ctx, meta: { year: number }, upload: () => Promise<Buffer>) {
  requirePermission(ctx, 'projects.read');
  const s = await projectSettings(ctx.db);
  requireManager(ctx, s);
  const sheet = await readSheet(await upload());
  const { records, issues } = readRows(sheet, PROJECT_COLUMNS);
  if (issues.length && !records.length) throw importInvalid(issues);
  const today = localDate(ctx.clock.now());
  const allUnits = await ctx.db.select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName }).from(units);
  const unitBy = new Map<string, string>();
  for (const u of allUnits) for (const k of [u.code, u.name, u.shortName]) if (k) unitBy.set(k, u.id);
  const leaders = await ctx.db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(eq(people.isLeader, true));
  const leaderBy = new Map<string, string>();
  for (const l of leaders) for (const k of [l.name, l.title]) if (k) leaderBy.set(k, l.id);
  const numbers = records.map((r) => r.values.number).filter((n): n is string => !!n);
  const existing = numbers.length ? await ctx.db.select().from(projects).where(inArray(projects.number, numbers)) : [];
  const byNumber = new Map(existing.map((p) => [p.number, p]));
  const storedStages = existing.length
    ? await ctx.db.select().from(projectStages).where(inArray(projectStages.projectId, existing.map((p) => p.id)))
    : [];
  const seen = new Set<string>();

  const rows: { row: number; input: ProjectInput; existing: (typeof existing)[number] | null; actual: Partial<Record<Stage, string>> }[] = [];
  for (const { row, values: v, columns: c } of records) {
    const bad = (key: string, message: string) => issues.push({ row, column: c[key] ?? '', message });
    const before = issues.length;
    const number = v.number || null;
    const current = number ? (byNumber.get(number) ?? null) : null;
    if (number && !current) bad('number', `项目编号“${number}”不在项目库中（新项目请留空编号）`);
    if (number && seen.has(number)) bad('number', `项目编号“${number}”在文件中重复`);
    if (number) seen.add(number);
    const source = SOURCE_BY_LABEL.get(v.source ?? '');
    if (v.source && !source) bad('source', '招商方式须为 基金招商、以商招商、驻点招商 或 其他');
    const { flags, unknown } = parseFlags(v.flags ?? '');
    if (unknown.length) bad('flags', `投资方类型“${unknown.join('、')}”无法识别（可填 央企、国字号、世界500强、中国500强、上市公司、外资）`);
    const amount = (key: string, label: string) => {
      const x = parseAmount(v[key] ?? '');
      if (Number.isNaN(x)) bad(key, `“${label}”须为不小于 0 的数字`);
      return Number.isNaN(x) ? null : x;
    };
    const total = amount('totalInvestment', '总投资(万元)');
    const fixed = amount('fixedInvestment', '固定资产投资(万元)');
    const plan = amount('yearPlanInvestment', '年度计划投资(万元)');
    const land = amount('landMu', '用地(亩)');
    const leadUnitId = v.leadUnit ? unitBy.get(v.leadUnit) : undefined;
    if (v.leadUnit && !leadUnitId) bad('leadUnit', `责任单位“${v.leadUnit}”不存在`);
    const coopUnitIds: string[] = [];
    for (const n of splitNames(v.coopUnits ?? '')) {
      const id = unitBy.get(n);
      if (!id) bad('coopUnits', `配合单位“${n}”不存在`);
      else coopUnitIds.push(id);
    }
    const placeUnitId = v.place ? unitBy.get(v.place) : undefined;
    if (v.place && !placeUnitId) bad('place', `所在地“${v.place}”不存在`);
    const leaderId = v.leader ? leaderBy.get(v.leader) : undefined;
    if (v.leader && !leaderId) bad('leader', `包抓领导“${v.leader}”不是区领导`);
    const planned: Partial<Record<Stage, string | null>> = {};
    for (const { stage, key } of PLANNED_KEYS) {
      if (!v[key]) continue;
      const d = parseDate(v[key]!);
      if (!d) bad(key, `“计划${STAGES[stage].zh}”日期“${v[key]}”无效（如 2026-06-30）`);
      else planned[stage] = d;
    }
    const actual: Partial<Record<Stage, string>> = {};
    let gap: Stage | null = null;
    let prev: string | null = null;
    for (const { stage, key } of ACTUAL_KEYS) {
      if (!v[key]) {
        // 在谈 may be left empty: the talks began by the first date given
        if (stage !== 'negotiating') gap ??= stage;
        continue;
      }
      const d = parseDate(v[key]!);
      if (!d) {
        bad(key, `“实际${STAGES[stage].zh}”日期“${v[key]}”无效`);
        continue;
      }
      if (gap) bad(key, `“实际${STAGES[stage].zh}”已填而“实际${STAGES[gap].zh}”为空：阶段须按顺序`);
      else if (d > today) bad(key, `“实际${STAGES[stage].zh}”不能晚于今天`);
      else if (prev && d < prev) bad(key, `“实际${STAGES[stage].zh}”早于上一阶段的日期`);
      actual[stage] = d;
      prev = d;
    }
    if (!actual.negotiating) {
      const first = STAGE_IDS.map((st) => actual[st]).find(Boolean);
      if (first) actual.negotiating = first;
    }
    if (current) {
      const stored = storedStages.filter((x) => x.projectId === current.id);
      const differs = STAGE_IDS.find((st) => (actual[st] ?? null) !== (stored.find((x) => x.stage === st)?.actualOn ?? null));
      if (differs && Object.keys(actual).length)
        bad(`actual_${differs}`, `已入库项目的阶段请在项目页推进，导入不改变阶段（“实际${STAGES[differs].zh}”与项目库不一致）`);
    }
    if (issues.length > before) continue;
    const input: ProjectInput = {
      name: v.name!,
      investorName: v.investorName!,
      investorUscc: v.investorUscc || null,
      investorFlags: flags,
      source: source!,
      fundName: v.fundName || null,
      industryCode: v.industryCode || null,
      track: v.track || null,
      totalInvestment: total!,
      fixedInvestment: fixed,
      yearPlanInvestment: plan,
      landMu: land,
      placeUnitId: placeUnitId ?? null,
      leaderId: leaderId ?? null,
      leadUnitId: leadUnitId!,
      coopUnitIds: coopUnitIds.filter((u) => u !== leadUnitId),
      listYear: current?.listYear ?? meta.year,
      planned,
    };
    for (const p of await projectInputProblems(ctx.db, input, s)) bad(COLUMN_OF_FIELD[p.field] ?? 'name', p.message);
    rows.push({ row, input, existing: current, actual });
  }
  if (issues.length) throw importInvalid([...issues].sort((a: CellIssue, b: CellIssue) => a.row - b.row || a.column.localeCompare(b.column)));
  return ctx.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      if (r.existing) {
        const [locked] = await tx.select().from(projects).where(and(eq(projects.id, r.existing.id))).for('update');
        await applyEdit(tx, ctx, locked!, r.input, 'import_update');
        updated++;
      } else {
        await insertProject(tx, ctx, r.input, { actual: Object.keys(r.actual).length ? r.actual : undefined });
        created++;
      }
    }
    await recordAudit(tx, ctx, { action: 'project.import', targetType: 'project', after: { year: meta.year, created, updated } });
    return { created, updated };
  });
}
