/**
 * The webhook delivery queue: light reminders of the day become one delivery per active robot of the task's lead
 * unit (unique per robot and reminder), sent with retries and backoff, held back during a robot's quiet hours.
 * Safe with several instances: a delivery is claimed with a conditional UPDATE … RETURNING that moves it to
 * 'sending' under a short lease, so only one instance sends it; a lease that runs out (a crash) makes it due again.
 */
import { and, asc, count, desc, eq, inArray, like, lte } from 'drizzle-orm';
import { notifications, tasks, units, webhookConfigs, webhookDeliveries } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { formatDateTime } from '../../domain/time/format.js';
import { localDate } from '../../domain/time/dates.js';
import {
  MAX_ATTEMPTS,
  backoff,
  inQuietHours,
  messageBody,
  minutesUntil,
  signedUrl,
  type WebhookKind,
} from '../../domain/webhooks/webhooks.js';
import { requirePermission, type Clock, type Ctx } from '../context.js';
import { fetchSend, SEND_TIMEOUT_MS, type SendFn } from './send.js';

/** How long a claimed delivery stays with its sender before another instance may take it over. */
const LEASE_MS = SEND_TIMEOUT_MS * 12;
const BATCH = 100;

/** Queues today's light reminders (those the daily job wrote) for the lead units' robots. Returns how many were new. */
export async function enqueueFromNotifications(db: Db, now: Date): Promise<number> {
  const runKey = localDate(now);
  const reminders = await db
    .selectDistinct({ taskId: tasks.id, kind: notifications.kind, body: notifications.body, unitId: tasks.leadUnitId })
    .from(notifications)
    .innerJoin(tasks, eq(tasks.id, notifications.taskId))
    .where(and(like(notifications.kind, 'light.%'), like(notifications.dedupeKey, `light:%:${runKey}`)));
  if (!reminders.length) return 0;
  const configs = await db
    .select({ id: webhookConfigs.id, unitId: webhookConfigs.unitId, kind: webhookConfigs.kind })
    .from(webhookConfigs)
    .where(and(eq(webhookConfigs.active, true), inArray(webhookConfigs.unitId, [...new Set(reminders.map((r) => r.unitId))])));
  let queued = 0;
  for (const r of reminders) {
    for (const c of configs) {
      if (c.unitId !== r.unitId) continue;
      const rows = await db
        .insert(webhookDeliveries)
        .values({
          configId: c.id,
          taskId: r.taskId,
          dedupeKey: `${r.kind}:${r.taskId}:${runKey}`,
          payload: messageBody(c.kind as WebhookKind, r.body),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      queued += rows.length;
    }
  }
  return queued;
}

export interface DeliveryOutcome {
  sent: number;
  retrying: number;
  failed: number;
  postponed: number;
}

/** Sends the deliveries that are due, except to robots in their quiet hours. */
export async function deliverDue(db: Db, clock: Clock, send: SendFn = fetchSend): Promise<DeliveryOutcome> {
  const out: DeliveryOutcome = { sent: 0, retrying: 0, failed: 0, postponed: 0 };
  const now = clock.now();
  const due = await db
    .select({ d: webhookDeliveries, c: webhookConfigs })
    .from(webhookDeliveries)
    .innerJoin(webhookConfigs, eq(webhookConfigs.id, webhookDeliveries.configId))
    .where(
      and(
        inArray(webhookDeliveries.status, ['pending', 'sending']),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookConfigs.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(BATCH);
  const claimable = and(inArray(webhookDeliveries.status, ['pending', 'sending']), lte(webhookDeliveries.nextAttemptAt, now));
  const local = formatDateTime(now).slice(11, 16); // HH:MM, district time
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  for (const { d, c } of due) {
    if (c.quietStart && c.quietEnd && inQuietHours(local, c.quietStart, c.quietEnd)) {
      const until = new Date(start + minutesUntil(local, c.quietEnd) * 60_000);
      const rows = await db
        .update(webhookDeliveries)
        .set({ status: 'pending', nextAttemptAt: until })
        .where(and(eq(webhookDeliveries.id, d.id), claimable))
        .returning({ id: webhookDeliveries.id });
      out.postponed += rows.length;
      continue;
    }
    const [claimed] = await db
      .update(webhookDeliveries)
      .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(webhookDeliveries.id, d.id), claimable))
      .returning({ attempts: webhookDeliveries.attempts });
    if (!claimed) continue; // another instance has it
    const attempts = claimed.attempts + 1;
    try {
      await send(signedUrl(c.kind as WebhookKind, c.url, c.secret, clock.now().getTime()), d.payload);
      await db
        .update(webhookDeliveries)
        .set({ status: 'sent', attempts, sentAt: clock.now(), lastError: null })
        .where(eq(webhookDeliveries.id, d.id));
      out.sent++;
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const final = attempts >= MAX_ATTEMPTS;
      await db
        .update(webhookDeliveries)
        .set({
          status: final ? 'failed' : 'pending',
          attempts,
          lastError,
          nextAttemptAt: final ? now : new Date(now.getTime() + backoff(attempts)),
        })
        .where(eq(webhookDeliveries.id, d.id));
      if (final) out.failed++;
      else out.retrying++;
    }
  }
  return out;
}

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/** The delivery log for 督查室: failures are visible here. */
export async function listDeliveries(
  ctx: Ctx,
  q: { status?: (typeof DELIVERY_STATUSES)[number]; page: number; pageSize: number },
) {
  requirePermission(ctx, 'tasks.manage');
  const where = q.status ? eq(webhookDeliveries.status, q.status) : undefined;
  const items = await ctx.db
    .select({
      id: webhookDeliveries.id,
      configId: webhookDeliveries.configId,
      kind: webhookConfigs.kind,
      unitId: webhookConfigs.unitId,
      unitName: units.name,
      taskId: webhookDeliveries.taskId,
      dedupeKey: webhookDeliveries.dedupeKey,
      payload: webhookDeliveries.payload,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      sentAt: webhookDeliveries.sentAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookConfigs, eq(webhookConfigs.id, webhookDeliveries.configId))
    .innerJoin(units, eq(units.id, webhookConfigs.unitId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(webhookDeliveries).where(where);
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
