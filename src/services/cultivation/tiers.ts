/**
 * The cultivation tier set (培育库档次), kept as one settings value (`cultivation_tiers`) through the shared settings
 * reader: a handful of tiers edited together as one document, audited before → after, so no table of its own. Everyone
 * who reads 亩均 results reads it; the evaluator (`mujun.manage`) replaces it.
 */
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import { TIER_FIELDS, orderTiers, tierSetProblems, type TierDef, type TierSet } from '../../domain/cultivation/tiers.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { defineSetting, getSetting, lockSetting, putSetting } from '../settings/read.js';

const storedTier = z.object({
  id: z.string(),
  name: z.string(),
  order: z.number(),
  rule: z.string(),
  threshold: z.object({ field: z.string(), value: z.number() }).nullable().default(null),
  targets: z.array(z.object({ year: z.number(), count: z.number() })).default([]),
  ownerUnitId: z.string().nullable().default(null),
});

/** Without a row: no tiers (a district defines its own; the demo stores illustrative ones). */
export const tierSetting = defineSetting<TierSet>(
  'cultivation_tiers',
  z.object({ illustrative: z.boolean().default(false), note: z.string().default(''), tiers: z.array(storedTier) }),
  () => ({ illustrative: false, note: '', tiers: [] }),
);

/** The stored tier set, tiers highest first. No permission check: for services that already checked. */
export async function tierSet(db: Db): Promise<TierSet> {
  const set = await getSetting(db, tierSetting);
  return { ...set, tiers: orderTiers(set.tiers) };
}

export interface TierView extends TierDef {
  ownerUnitName: string | null;
}

async function withUnitNames(db: Db, tiers: readonly TierDef[]): Promise<TierView[]> {
  const ids = [...new Set(tiers.map((t) => t.ownerUnitId).filter((x): x is string => !!x))];
  const rows = ids.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : [];
  const name = new Map(rows.map((r) => [r.id, r.name]));
  return tiers.map((t) => ({ ...t, ownerUnitName: t.ownerUnitId ? (name.get(t.ownerUnitId) ?? null) : null }));
}

/** The tier set as the screens show it: owner unit names, and the fields a rule may use. */
export async function getTiers(ctx: Ctx) {
  requirePermission(ctx, 'mujun.read');
  const set = await tierSet(ctx.db);
  return { illustrative: set.illustrative, note: set.note, tiers: await withUnitNames(ctx.db, set.tiers), fields: TIER_FIELDS };
}

/** Trims the text of a tier set as submitted. */
export function normalizeTierSet(input: TierSet): TierSet {
  return {
    illustrative: input.illustrative,
    note: (input.note ?? '').trim(),
    tiers: input.tiers.map((t) => ({
      id: t.id.trim(),
      name: t.name.trim(),
      order: t.order,
      rule: t.rule.trim(),
      threshold: t.threshold ? { field: t.threshold.field.trim(), value: t.threshold.value } : null,
      targets: [...t.targets].sort((a, b) => a.year - b.year),
      ownerUnitId: t.ownerUnitId ?? null,
    })),
  };
}

/** Checks a tier set against the database too (owner units exist); throws 422 naming every field. */
export async function checkTierSet(db: Db, set: TierSet): Promise<void> {
  const problems = tierSetProblems(set);
  const ids = [...new Set(set.tiers.map((t) => t.ownerUnitId).filter((x): x is string => !!x))];
  const found = ids.length ? await db.select({ id: units.id }).from(units).where(inArray(units.id, ids)) : [];
  const known = new Set(found.map((r) => r.id));
  set.tiers.forEach((t, i) => {
    if (t.ownerUnitId && !known.has(t.ownerUnitId))
      problems.push({ field: `tiers[${i}].ownerUnitId`, message: `第 ${i + 1} 个档次「${t.name}」：责任单位不存在` });
  });
  if (problems.length) throw validation(problems);
}

/** Replaces the tier set (the evaluator), audited before → after in the same transaction. */
export async function replaceTiers(ctx: Ctx, input: TierSet) {
  requirePermission(ctx, 'mujun.manage');
  const next = normalizeTierSet(input);
  await checkTierSet(ctx.db, next);
  await ctx.db.transaction(async (tx) => {
    const before = await lockSetting(tx, tierSetting);
    await putSetting(tx, tierSetting, next);
    await recordAudit(tx, ctx, {
      action: 'cultivation.tiers.replace',
      targetType: 'settings',
      targetId: tierSetting.key,
      before,
      after: next,
    });
  });
  return getTiers(ctx);
}
