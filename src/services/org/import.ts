import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import { readSheet } from '../import/read-sheet.js';
import { eq } from 'drizzle-orm';
import { people, units } from '../../db/schema.js';
import { importInvalid, type CellIssue } from '../../domain/errors.js';
import { PEOPLE_COLUMNS, UNIT_COLUMNS, parseSortOrder, readRows, type ColumnSpec } from '../../domain/import/sheet.js';
import { inScope } from '../../domain/org/roles.js';
import { parentsFirst } from '../../domain/org/tree.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { UNIT_KINDS, type UnitKind } from './units.js';

export type ImportKind = 'units' | 'people';
const SPECS: Record<ImportKind, ColumnSpec[]> = { units: UNIT_COLUMNS, people: PEOPLE_COLUMNS };

const KIND_BY_LABEL = new Map<string, UnitKind>(
  Object.entries(UNIT_KINDS).flatMap(
    ([id, l]) =>
      [
        [id, id as UnitKind],
        [l.zh, id as UnitKind],
      ] as [string, UnitKind][],
  ),
);

/**
 * Imports units or people from an .xlsx file, all or nothing: every row is checked first, and any problem
 * leaves the database as it was and answers with the list of problems by row and column.
 */
export async function importOrg(ctx: Ctx, kind: ImportKind, upload: () => Promise<Buffer>) {
  requirePermission(ctx, kind === 'units' ? 'org.write' : 'people.write');
  const sheet = await readSheet(await upload());
  const { records, issues } = readRows(sheet, SPECS[kind]);
  if (issues.length && records.length === 0) throw importInvalid(issues);
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ id: units.id, code: units.code }).from(units);
    const unitIdByCode = new Map(existing.map((u) => [u.code, u.id]));
    let created = 0;
    let updated = 0;

    if (kind === 'units') {
      const seen = new Map<string, number>();
      const fileCodes = new Set(records.map((r) => r.values.code!));
      const rows = records.map((r) => {
        const v = r.values;
        const kindId = KIND_BY_LABEL.get(v.kind!);
        if (v.kind && !kindId)
          issues.push({
            row: r.row,
            column: r.columns.kind!,
            message: `类型“${v.kind}”无效，可选：${Object.values(UNIT_KINDS)
              .map((k) => k.zh)
              .join('、')}`,
          });
        const sort = parseSortOrder(v.sortOrder ?? '');
        if (sort === null) issues.push({ row: r.row, column: r.columns.sortOrder!, message: '“排序”须为整数' });
        if (v.code && seen.has(v.code))
          issues.push({ row: r.row, column: r.columns.code!, message: `单位编码与第 ${seen.get(v.code)} 行重复` });
        if (v.code) seen.set(v.code, r.row);
        const parentCode = v.parentCode || null;
        if (parentCode && !fileCodes.has(parentCode) && !unitIdByCode.has(parentCode)) {
          issues.push({ row: r.row, column: r.columns.parentCode!, message: `上级单位编码“${parentCode}”不存在` });
        }
        if (parentCode && parentCode === v.code)
          issues.push({ row: r.row, column: r.columns.parentCode!, message: '上级单位不能是自己' });
        return {
          row: r.row,
          code: v.code!,
          name: v.name!,
          shortName: v.shortName || null,
          kind: kindId ?? 'other',
          parentCode,
          sortOrder: sort ?? 0,
        };
      });
      const ordered = issues.length ? null : parentsFirst(rows);
      if (!issues.length && !ordered) issues.push({ row: rows[0]!.row, column: '', message: '上级单位关系构成循环' });
      if (issues.length) throw importInvalid(sortIssues(issues));
      for (const r of ordered!) {
        const values = {
          name: r.name,
          shortName: r.shortName,
          kind: r.kind,
          sortOrder: r.sortOrder,
          parentId: r.parentCode ? unitIdByCode.get(r.parentCode)! : null,
        };
        const id = unitIdByCode.get(r.code);
        if (id) {
          await tx
            .update(units)
            .set({ ...values, updatedAt: ctx.clock.now() })
            .where(eq(units.id, id));
          updated++;
        } else {
          const [row] = await tx
            .insert(units)
            .values({ ...values, code: r.code })
            .returning({ id: units.id });
          unitIdByCode.set(r.code, row!.id);
          created++;
        }
      }
    } else {
      const current = await tx.select({ id: people.id, name: people.name, unitId: people.unitId }).from(people);
      const rows = records.map((r) => {
        const v = r.values;
        const unitId = unitIdByCode.get(v.unitCode!);
        if (v.unitCode && !unitId)
          issues.push({ row: r.row, column: r.columns.unitCode!, message: `单位编码“${v.unitCode}”不存在` });
        else if (unitId && !inScope(ctx.actor.scope, unitId))
          issues.push({ row: r.row, column: r.columns.unitCode!, message: '只能导入本单位的人员' });
        const sort = parseSortOrder(v.sortOrder ?? '');
        if (sort === null) issues.push({ row: r.row, column: r.columns.sortOrder!, message: '“排序”须为整数' });
        return { name: v.name!, unitId: unitId!, title: v.title || null, phone: v.phone || null, sortOrder: sort ?? 0 };
      });
      if (issues.length) throw importInvalid(sortIssues(issues));
      for (const r of rows) {
        // A person is matched by name within the unit: a second import updates, it does not duplicate.
        const match = current.find((p) => p.name === r.name && p.unitId === r.unitId);
        if (match) {
          await tx
            .update(people)
            .set({ ...r, updatedAt: ctx.clock.now() })
            .where(eq(people.id, match.id));
          updated++;
        } else {
          await tx.insert(people).values(r);
          created++;
        }
      }
    }
    await recordAudit(tx, ctx, {
      action: `import.${kind}`,
      targetType: kind === 'units' ? 'unit' : 'person',
      after: { rows: records.length, created, updated },
    });
    return { created, updated };
  });
}

function sortIssues(issues: CellIssue[]): CellIssue[] {
  return [...issues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}

/** An empty workbook with the right headers (required ones starred) and one example row. */
export async function importTemplate(ctx: Ctx, kind: ImportKind): Promise<Buffer> {
  requirePermission(ctx, kind === 'units' ? 'org.write' : 'people.write');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === 'units' ? '单位' : '人员', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SPECS[kind].map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: 18 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(
    kind === 'units'
      ? { code: 'DEPT-XX', name: '示例局', shortName: '示例', kind: '部门', parentCode: 'GOV', sortOrder: 100 }
      : { name: '张三', unitCode: 'DEPT-XX', title: '科员', phone: '0799-0000000', sortOrder: 1 },
  );
  return await xlsxBuffer(wb);
}
