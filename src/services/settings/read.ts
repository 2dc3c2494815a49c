/**
 * The one reader and writer of the `settings` table (one JSON value per key): a setting is its key, the zod schema its
 * stored value must satisfy (which may fill parts missing from an older value with their defaults) and the value used
 * while no row exists. A stored value the schema refuses is an error naming the key, never silently replaced.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';

export interface Setting<T> {
  key: string;
  schema: z.ZodType<T>;
  /** the value while the key has no row */
  fallback: () => T;
}

export function defineSetting<T>(key: string, schema: z.ZodType<T>, fallback: () => T): Setting<T> {
  return { key, schema, fallback };
}

function parseStored<T>(s: Setting<T>, value: unknown): T {
  const parsed = s.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new AppError(500, 'SETTING_INVALID', `设置「${s.key}」的存储值无效（${where}${issue?.message ?? ''}）`);
}

/** The setting's value: the stored one parsed by its schema, or the fallback when there is no row. */
export async function getSetting<T>(db: Db, s: Setting<T>): Promise<T> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, s.key)).limit(1);
  return row ? parseStored(s, row.value) : s.fallback();
}

/** Stores the value under the setting's key (insert or replace). */
export async function putSetting<T>(db: Db, s: Setting<T>, value: T): Promise<void> {
  const v = value as unknown;
  await db
    .insert(settings)
    .values({ key: s.key, value: v })
    .onConflictDoUpdate({ target: settings.key, set: { value: v } });
}

/**
 * The setting's value with its row locked (FOR UPDATE) for the rest of the caller's transaction, the row created from
 * the fallback first if need be: read-modify-write without losing a concurrent change.
 */
export async function lockSetting<T>(tx: Db, s: Setting<T>): Promise<T> {
  await tx
    .insert(settings)
    .values({ key: s.key, value: s.fallback() as unknown })
    .onConflictDoNothing();
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, s.key)).for('update');
  return row ? parseStored(s, row.value) : s.fallback();
}
