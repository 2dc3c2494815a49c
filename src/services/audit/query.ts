import { xlsxBuffer } from '../spreadsheet/xlsx.js';
import ExcelJS from 'exceljs';
import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from './record.js';
import { districtTimeZone, formatDateTime } from '../../domain/time/format.js';

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  return and(
    f.actor ? ilike(auditEvents.actorName, `%${f.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.targetType ? eq(auditEvents.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditEvents.targetId, f.targetId) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lte(auditEvents.at, f.to) : undefined,
  );
}

/** The audit trail is for the auditor alone. */
export async function searchAudit(ctx: Ctx, f: AuditFilter & { page: number; pageSize: number }) {
  requirePermission(ctx, 'audit.read');
  const w = where(f);
  const items = await ctx.db
    .select()
    .from(auditEvents)
    .where(w)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(auditEvents).where(w);
  return { items, total: Number(total?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

export async function auditActions(ctx: Ctx): Promise<string[]> {
  requirePermission(ctx, 'audit.read');
  const rows = await ctx.db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}

export const AUDIT_EXPORT_LIMIT = 100_000;

/** The matching events as an Excel workbook (newest first, at most 100,000 rows); the export is itself audited. */
export async function exportAudit(ctx: Ctx, f: AuditFilter): Promise<Buffer> {
  requirePermission(ctx, 'audit.read');
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(where(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_EXPORT_LIMIT);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Luoshi';
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '编号', key: 'id', width: 10 },
    { header: `时间（${districtTimeZone()}）`, key: 'at', width: 21 },
    { header: '操作人', key: 'actorName', width: 16 },
    { header: '来源地址', key: 'ip', width: 16 },
    { header: '操作', key: 'action', width: 24 },
    { header: '对象类型', key: 'targetType', width: 12 },
    { header: '对象编号', key: 'targetId', width: 38 },
    { header: '变更前', key: 'before', width: 40 },
    { header: '变更后', key: 'after', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      ...r,
      at: formatDateTime(r.at),
      before: r.before == null ? '' : JSON.stringify(r.before),
      after: r.after == null ? '' : JSON.stringify(r.after),
    });
  }
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'audit.export', targetType: 'audit', after: { filter: f, rows: rows.length } }),
  );
  return await xlsxBuffer(wb);
}
