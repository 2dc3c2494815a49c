/** Keyword → lead unit hints for the parser: data in `settings`, edited by the supervision office. */
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { UnitHint } from '../../domain/meetings/parser.js';
import { validation } from '../../domain/errors.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { defineSetting, getSetting, putSetting } from '../settings/read.js';

const hintsSetting = defineSetting<UnitHint[]>(
  'unit_hints',
  z.array(z.object({ keyword: z.string(), unitCode: z.string() })),
  () => [],
);

export async function unitHints(db: Db): Promise<UnitHint[]> {
  return getSetting(db, hintsSetting);
}

export async function getUnitHints(ctx: Ctx) {
  requirePermission(ctx, 'tasks.manage');
  return unitHints(ctx.db);
}

export async function setUnitHints(ctx: Ctx, hints: UnitHint[]) {
  requirePermission(ctx, 'tasks.manage');
  return ctx.db.transaction(async (tx) => {
    const codes = [...new Set(hints.map((h) => h.unitCode))];
    const found = codes.length ? await tx.select({ code: units.code }).from(units).where(inArray(units.code, codes)) : [];
    const missing = codes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) throw validation([{ field: 'hints', message: `单位编码不存在：${missing.join('、')}` }]);
    const before = await unitHints(tx);
    await putSetting(tx, hintsSetting, hints);
    await recordAudit(tx, ctx, { action: 'meeting.unit_hints', targetType: 'settings', before, after: hints });
    return hints;
  });
}
