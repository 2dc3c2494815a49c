/** The scoring scheme and 督查室's quality ratings of closing reports, kept in `settings`. */
import { eq } from 'drizzle-orm';
import { settings, tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { notFound, validation } from '../../domain/errors.js';
import { DEFAULT_SCHEME, schemeProblems, type ScoreScheme } from '../../domain/scoring/scheme.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';

export type QualityRating = 'excellent' | 'good' | 'poor';
const SCHEME_KEY = 'score_scheme';
const QUALITY_KEY = 'quality_ratings';

async function read<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}
async function write(db: Db, key: string, value: unknown) {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

export async function scoreScheme(db: Db): Promise<ScoreScheme> {
  const s = await read<Partial<ScoreScheme>>(db, SCHEME_KEY);
  return { ...DEFAULT_SCHEME, ...s, quality: { ...DEFAULT_SCHEME.quality, ...s?.quality } };
}

export async function getScheme(ctx: Ctx) {
  requirePermission(ctx, 'tasks.read');
  return scoreScheme(ctx.db);
}

export async function setScheme(ctx: Ctx, scheme: ScoreScheme): Promise<ScoreScheme> {
  requirePermission(ctx, 'tasks.manage');
  const problems = schemeProblems(scheme);
  if (problems.length) throw validation(problems.map((message) => ({ field: 'scheme', message })));
  return ctx.db.transaction(async (tx) => {
    const before = await scoreScheme(tx);
    await write(tx, SCHEME_KEY, scheme);
    await recordAudit(tx, ctx, { action: 'scores.scheme', targetType: 'settings', before, after: scheme });
    return scheme;
  });
}

export async function qualityRatings(db: Db): Promise<Record<string, QualityRating>> {
  return (await read<Record<string, QualityRating>>(db, QUALITY_KEY)) ?? {};
}

/** 督查室 rates a closed task's closing report (null clears the rating). */
export async function rateQuality(ctx: Ctx, taskId: string, rating: QualityRating | null) {
  requirePermission(ctx, 'tasks.manage');
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, taskId));
    if (!task) throw notFound('督办事项');
    if (!['closed', 'archived'].includes(task.status))
      throw validation([{ field: 'rating', message: '只能对已办结的事项评定办结质量' }]);
    // one row holds every rating: create it if need be, then lock it so concurrent ratings do not lose each other
    await tx.insert(settings).values({ key: QUALITY_KEY, value: {} }).onConflictDoNothing();
    const [row] = await tx.select().from(settings).where(eq(settings.key, QUALITY_KEY)).for('update');
    const all = { ...(row?.value as Record<string, QualityRating>) };
    const before = all[taskId] ?? null;
    if (rating) all[taskId] = rating;
    else delete all[taskId];
    await write(tx, QUALITY_KEY, all);
    await recordAudit(tx, ctx, {
      action: 'scores.quality',
      targetType: 'task',
      targetId: taskId,
      before: { rating: before },
      after: { rating },
    });
    return { taskId, rating };
  });
}
