/** The demo's illustrative cultivation tiers (src/demo/anyuan-cultivation.ts), stored with their owner units resolved. */
import { inArray } from 'drizzle-orm';
import { units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { DEMO_CULTIVATION_NOTE, DEMO_CULTIVATION_TIERS } from '../../demo/anyuan-cultivation.js';
import type { TierSet } from '../../domain/cultivation/tiers.js';
import { systemActor, type Clock } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { putSetting } from '../settings/read.js';
import { checkTierSet, tierSetting } from './tiers.js';

export async function loadCultivationDemo(tx: Db, clock: Clock): Promise<number> {
  const codes = [...new Set(DEMO_CULTIVATION_TIERS.map((t) => t.ownerUnitCode))];
  const rows = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
  const idOf = new Map(rows.map((r) => [r.code, r.id]));
  const set: TierSet = {
    illustrative: true,
    note: DEMO_CULTIVATION_NOTE,
    tiers: DEMO_CULTIVATION_TIERS.map(({ ownerUnitCode, ...t }) => ({ ...t, ownerUnitId: idOf.get(ownerUnitCode) ?? null })),
  };
  await checkTierSet(tx, set);
  await putSetting(tx, tierSetting, set);
  await recordAudit(
    tx,
    { actor: systemActor(), ip: null, clock },
    { action: 'cultivation.tiers.replace', targetType: 'settings', targetId: tierSetting.key, after: set },
  );
  return set.tiers.length;
}
