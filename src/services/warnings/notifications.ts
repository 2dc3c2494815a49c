/** A user's in-app notifications: their own only. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema.js';
import { notFound, unauthenticated } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

export async function listNotifications(ctx: Ctx, q: { unread?: boolean; page: number; pageSize: number }) {
  const userId = ctx.actor.userId;
  if (!userId) throw unauthenticated();
  const where = and(eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined);
  const items = await ctx.db
    .select({
      id: notifications.id,
      taskId: notifications.taskId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(notifications).where(where);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Marking one's own notification read is not a business change: it is not audited. */
export async function markRead(ctx: Ctx, id: string) {
  const userId = ctx.actor.userId;
  if (!userId) throw unauthenticated();
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!rows.length) throw notFound('通知');
}
