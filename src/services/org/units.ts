import { asc, eq } from 'drizzle-orm';
import { units } from '../../db/schema.js';
import { conflict, notFound, validation } from '../../domain/errors.js';
import { wouldCreateCycle } from '../../domain/org/tree.js';
import { requirePermission, type Ctx } from '../context.js';
import { diff, recordAudit } from '../audit/record.js';
import type { Db } from '../../db/client.js';

export const UNIT_KINDS = {
  government: { zh: '区政府', en: 'District government' },
  office: { zh: '办公室', en: 'Office' },
  supervision: { zh: '督查室', en: 'Supervision office' },
  department: { zh: '部门', en: 'Department' },
  township: { zh: '镇', en: 'Township' },
  street: { zh: '街道', en: 'Street' },
  park: { zh: '园区', en: 'Industrial park' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_IDS = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

export type Unit = typeof units.$inferSelect;
export interface UnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  parentId?: string | null;
  sortOrder?: number;
}

export const presentUnit = (u: Unit) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
  active: u.active,
});

/** The organisation chart is readable by everyone with `org.read`; it is not scoped. */
export async function listUnits(ctx: Ctx) {
  requirePermission(ctx, 'org.read');
  const rows = await ctx.db.select().from(units).orderBy(asc(units.sortOrder), asc(units.code));
  return rows.map(presentUnit);
}

export async function getUnit(ctx: Ctx, id: string) {
  requirePermission(ctx, 'org.read');
  return presentUnit(await loadUnit(ctx.db, id));
}

async function loadUnit(db: Db, id: string): Promise<Unit> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  if (!row) throw notFound('单位');
  return row;
}

async function assertCodeFree(db: Db, code: string, exceptId?: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (row && row.id !== exceptId) throw conflict(`单位编码“${code}”已被使用`);
}

export async function createUnit(ctx: Ctx, input: UnitInput) {
  requirePermission(ctx, 'org.write');
  return ctx.db.transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    if (input.parentId)
      await loadUnit(tx, input.parentId).catch(() => {
        throw validation([{ field: 'parentId', message: '上级单位不存在' }]);
      });
    const [row] = await tx
      .insert(units)
      .values({ ...input, shortName: input.shortName ?? null, parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0 })
      .returning();
    const unit = presentUnit(row!);
    await recordAudit(tx, ctx, { action: 'unit.create', targetType: 'unit', targetId: unit.id, after: unit });
    return unit;
  });
}

export async function updateUnit(ctx: Ctx, id: string, patch: Partial<UnitInput> & { active?: boolean }) {
  requirePermission(ctx, 'org.write');
  return ctx.db.transaction(async (tx) => {
    const current = await loadUnit(tx, id);
    if (patch.code && patch.code !== current.code) await assertCodeFree(tx, patch.code, id);
    if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
      const all = await tx.select({ id: units.id, parentId: units.parentId }).from(units);
      if (patch.parentId && !all.some((u) => u.id === patch.parentId)) {
        throw validation([{ field: 'parentId', message: '上级单位不存在' }]);
      }
      if (wouldCreateCycle(all, id, patch.parentId)) {
        throw validation([{ field: 'parentId', message: '不能把单位移到它自己或它的下级单位之下' }]);
      }
    }
    const [row] = await tx
      .update(units)
      .set({ ...patch, updatedAt: ctx.clock.now() })
      .where(eq(units.id, id))
      .returning();
    const change = diff(presentUnit(current), presentUnit(row!));
    await recordAudit(tx, ctx, { action: 'unit.update', targetType: 'unit', targetId: id, ...change });
    return presentUnit(row!);
  });
}
