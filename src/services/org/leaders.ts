import { asc, eq, inArray } from 'drizzle-orm';
import { leaderPortfolios, people, units } from '../../db/schema.js';
import { notFound, validation } from '../../domain/errors.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import type { Db } from '../../db/client.js';

async function loadLeaders(db: Db, personIds?: string[]) {
  const leaders = await db
    .select({ personId: people.id, name: people.name, title: people.title, sortOrder: people.sortOrder })
    .from(people)
    .where(personIds ? inArray(people.id, personIds) : eq(people.isLeader, true))
    .orderBy(asc(people.sortOrder), asc(people.name));
  const links = await db
    .select({ personId: leaderPortfolios.personId, id: units.id, name: units.name, sortOrder: units.sortOrder })
    .from(leaderPortfolios)
    .innerJoin(units, eq(units.id, leaderPortfolios.unitId))
    .orderBy(asc(units.sortOrder), asc(units.code));
  return leaders.map((l) => {
    const mine = links.filter((k) => k.personId === l.personId).map((k) => ({ id: k.id, name: k.name }));
    return { personId: l.personId, name: l.name, title: l.title, unitIds: mine.map((u) => u.id), units: mine };
  });
}

/** District leaders and their portfolios (分管线). */
export async function listLeaders(ctx: Ctx) {
  requirePermission(ctx, 'org.read');
  return loadLeaders(ctx.db);
}

export async function setPortfolio(ctx: Ctx, personId: string, unitIds: string[]) {
  requirePermission(ctx, 'org.write');
  return ctx.db.transaction(async (tx) => {
    const [person] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
    if (!person) throw notFound('领导');
    const wanted = [...new Set(unitIds)];
    if (wanted.length) {
      const found = await tx.select({ id: units.id }).from(units).where(inArray(units.id, wanted));
      if (found.length !== wanted.length) throw validation([{ field: 'unitIds', message: '包含不存在的单位' }]);
    }
    const [before] = await loadLeaders(tx, [personId]);
    await tx.delete(leaderPortfolios).where(eq(leaderPortfolios.personId, personId));
    if (wanted.length) await tx.insert(leaderPortfolios).values(wanted.map((unitId) => ({ personId, unitId })));
    if (!person.isLeader) await tx.update(people).set({ isLeader: true }).where(eq(people.id, personId));
    const [after] = await loadLeaders(tx, [personId]);
    await recordAudit(tx, ctx, {
      action: 'portfolio.set',
      targetType: 'person',
      targetId: personId,
      before: { units: before?.units.map((u) => u.name) },
      after: { units: after?.units.map((u) => u.name) },
    });
    return after!;
  });
}
