import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { people, units } from '../../db/schema.js';
import { forbidden, notFound, validation } from '../../domain/errors.js';
import { inScope, type DataScope } from '../../domain/org/roles.js';
import { requirePermission, type Ctx } from '../context.js';
import { diff, recordAudit } from '../audit/record.js';
import type { Db } from '../../db/client.js';

export interface PersonInput {
  name: string;
  unitId: string;
  title?: string | null;
  phone?: string | null;
  sortOrder?: number;
}

const columns = {
  id: people.id,
  name: people.name,
  unitId: people.unitId,
  unitName: units.name,
  title: people.title,
  phone: people.phone,
  isLeader: people.isLeader,
  sortOrder: people.sortOrder,
  active: people.active,
};
export type Person = {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  title: string | null;
  phone: string | null;
  isLeader: boolean;
  sortOrder: number;
  active: boolean;
};

/** The SQL condition that keeps a query inside the caller's data scope. */
export function scopeCondition(scope: DataScope, column: typeof people.unitId): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.unitIds.length === 0) return inArray(column, ['00000000-0000-0000-0000-000000000000']);
  return inArray(column, [...scope.unitIds]);
}

export async function listPeople(ctx: Ctx, q: { unitId?: string; q?: string; page: number; pageSize: number }) {
  requirePermission(ctx, 'people.read');
  const where = and(
    scopeCondition(ctx.actor.scope, people.unitId),
    q.unitId ? eq(people.unitId, q.unitId) : undefined,
    q.q ? ilike(people.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const items = await ctx.db
    .select(columns)
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(where)
    .orderBy(asc(units.sortOrder), asc(people.sortOrder), asc(people.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(people).where(where);
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function loadPerson(db: Db, scope: DataScope, id: string): Promise<Person> {
  const [row] = await db
    .select(columns)
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, id))
    .limit(1);
  // Outside the caller's scope the row does not exist for them.
  if (!row || !inScope(scope, row.unitId)) throw notFound('人员');
  return row;
}

export async function getPerson(ctx: Ctx, id: string) {
  requirePermission(ctx, 'people.read');
  return loadPerson(ctx.db, ctx.actor.scope, id);
}

async function assertUnitWritable(db: Db, ctx: Ctx, unitId: string) {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) throw validation([{ field: 'unitId', message: '单位不存在' }]);
  if (!inScope(ctx.actor.scope, unitId)) throw forbidden('只能维护本单位的人员');
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  requirePermission(ctx, 'people.write');
  return ctx.db.transaction(async (tx) => {
    await assertUnitWritable(tx, ctx, input.unitId);
    const [row] = await tx.insert(people).values(input).returning({ id: people.id });
    const person = await loadPerson(tx, ctx.actor.scope, row!.id);
    await recordAudit(tx, ctx, { action: 'person.create', targetType: 'person', targetId: person.id, after: person });
    return person;
  });
}

export async function updatePerson(ctx: Ctx, id: string, patch: Partial<PersonInput> & { active?: boolean }) {
  requirePermission(ctx, 'people.write');
  return ctx.db.transaction(async (tx) => {
    const current = await loadPerson(tx, ctx.actor.scope, id);
    if (patch.unitId && patch.unitId !== current.unitId) await assertUnitWritable(tx, ctx, patch.unitId);
    await tx
      .update(people)
      .set({ ...patch, updatedAt: ctx.clock.now() })
      .where(eq(people.id, id));
    const next = await loadPerson(tx, { all: true }, id);
    await recordAudit(tx, ctx, { action: 'person.update', targetType: 'person', targetId: id, ...diff(current, next) });
    return next;
  });
}
