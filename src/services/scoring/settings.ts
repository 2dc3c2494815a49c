/** The scoring scheme and 督查室's quality ratings of closing reports, kept in `settings`. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { notFound, validation } from '../../domain/errors.js';
import { DEFAULT_SCHEME, schemeProblems, type ScoreScheme } from '../../domain/scoring/scheme.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { defineSetting, getSetting, lockSetting, putSetting } from '../settings/read.js';

const qualityRating = z.enum(['excellent', 'good', 'poor']);
export type QualityRating = z.infer<typeof qualityRating>;

/** The stored scheme; parts an older value lacks take their defaults. */
const schemeSetting = defineSetting(
  'score_scheme',
  z
    .object({
      base: z.number(),
      onTimeReport: z.number(),
      closedOnTime: z.number(),
      overdue: z.number(),
      returned: z.number(),
      red: z.number(),
      quality: z.object({ excellent: z.number(), good: z.number(), poor: z.number() }).partial(),
    })
    .partial()
    .transform((s): ScoreScheme => ({ ...DEFAULT_SCHEME, ...s, quality: { ...DEFAULT_SCHEME.quality, ...s.quality } })),
  () => DEFAULT_SCHEME,
);

/** task id → 督查室's rating of its closing report, all in one row. */
const qualitySetting = defineSetting<Record<string, QualityRating>>(
  'quality_ratings',
  z.record(z.string(), qualityRating),
  () => ({}),
);

export async function scoreScheme(db: Db): Promise<ScoreScheme> {
  return getSetting(db, schemeSetting);
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
    await putSetting(tx, schemeSetting, scheme);
    await recordAudit(tx, ctx, { action: 'scores.scheme', targetType: 'settings', before, after: scheme });
    return scheme;
  });
}

export async function qualityRatings(db: Db): Promise<Record<string, QualityRating>> {
  return getSetting(db, qualitySetting);
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
    const all = { ...(await lockSetting(tx, qualitySetting)) };
    const before = all[taskId] ?? null;
    if (rating) all[taskId] = rating;
    else delete all[taskId];
    await putSetting(tx, qualitySetting, all);
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
