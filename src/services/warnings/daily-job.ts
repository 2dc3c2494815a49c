/**
 * The daily warning job: recompute every light, then remind the lead units of red, yellow and blue tasks in the app
 * and queue the same reminders for the units' group robots (webhooks).
 * Safe with several app instances on one PostgreSQL: the first instance to claim today's run does it (a row in
 * job_runs), and every reminder carries a unique key, so even a second run could not send one twice.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { jobRuns, notifications, tasks, units, users } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { OPEN_STATUSES } from '../../domain/tasks/workflow.js';
import { localDate } from '../../domain/time/dates.js';
import type { LightReason } from '../../domain/warnings/lights.js';
import { fillTemplate } from '../../domain/warnings/templates.js';
import type { Clock } from '../context.js';
import { deliverDue, enqueueFromNotifications } from '../webhooks/deliveries.js';
import type { SendFn } from '../webhooks/send.js';
import { refreshAllLights } from './refresh.js';
import { refreshAllProjectLights } from '../projects/light.js';
import { reminderTemplates } from './rules.js';

export const DAILY_WARNINGS = 'daily-warnings';

export interface JobOutcome {
  ran: boolean;
  runKey: string;
  lightsChanged?: number;
  /** Industrial projects whose light changed. */
  projectLightsChanged?: number;
  reminders?: number;
  /** Deliveries queued for the units' group robots. */
  webhooks?: number;
}

/** Runs today's job unless another run (this or another instance) has claimed it. */
export async function runDailyWarnings(
  db: Db,
  clock: Clock,
  instance: string,
  opts: { send?: SendFn } = {},
): Promise<JobOutcome> {
  const now = clock.now();
  const runKey = localDate(now);
  const claimed = await db
    .insert(jobRuns)
    .values({ job: DAILY_WARNINGS, runKey, instance, startedAt: now })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  if (!claimed.length) return { ran: false, runKey };
  const lightsChanged = await db.transaction((tx) => refreshAllLights(tx, now));
  // industrial projects: the same rules, the planned stage dates as milestones
  const projectLightsChanged = await db.transaction((tx) => refreshAllProjectLights(tx, now));
  const reminders = await db.transaction((tx) => sendLightReminders(tx, now, runKey));
  // the group robots: queue today's reminders (once per robot), then send what is due outside quiet hours
  const webhooks = await enqueueFromNotifications(db, now);
  await deliverDue(db, clock, opts.send);
  await db
    .update(jobRuns)
    .set({ finishedAt: clock.now(), result: { lightsChanged, projectLightsChanged, reminders, webhooks } })
    .where(and(eq(jobRuns.job, DAILY_WARNINGS), eq(jobRuns.runKey, runKey)));
  return { ran: true, runKey, lightsChanged, projectLightsChanged, reminders, webhooks };
}

/** One in-app reminder per task with a warning light and per person of its lead unit, once a day. */
export async function sendLightReminders(db: Db, now: Date, runKey: string): Promise<number> {
  const templates = await reminderTemplates(db);
  const warned = await db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      deadline: tasks.deadline,
      light: tasks.light,
      reasons: tasks.lightReasons,
      leadUnitId: tasks.leadUnitId,
      unitName: units.name,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(and(inArray(tasks.status, [...OPEN_STATUSES]), isNotNull(tasks.light), sql`${tasks.light} <> 'green'`));
  if (!warned.length) return 0;
  const people = await db
    .select({ id: users.id, unitId: users.unitId, roles: users.roles })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.unitId, [...new Set(warned.map((t) => t.leadUnitId))])));
  let sent = 0;
  for (const t of warned) {
    const light = t.light as keyof typeof templates;
    const reason = ((t.reasons as LightReason[] | null) ?? []).find((r) => r.light === light)?.message ?? '';
    const body = fillTemplate(templates[light], {
      number: t.number,
      title: t.title,
      unit: t.unitName,
      deadline: t.deadline,
      reason,
    });
    for (const p of people) {
      if (p.unitId !== t.leadUnitId || !p.roles.some((r) => r === 'unit_head' || r === 'unit_clerk')) continue;
      const rows = await db
        .insert(notifications)
        .values({
          userId: p.id,
          taskId: t.id,
          kind: `light.${light}`,
          title: `${t.number} ${t.title}`,
          body,
          dedupeKey: `light:${t.id}:${light}:${p.id}:${runKey}`,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      sent += rows.length;
    }
  }
  return sent;
}
