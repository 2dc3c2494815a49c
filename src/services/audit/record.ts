import { auditEvents } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../context.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event with the caller's transaction, so the event and the change commit or fail together. */
export async function recordAudit(tx: Db, ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    at: ctx.clock.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    ip: ctx.ip,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  });
}

/** Writes many audit events in one statement with the caller's transaction (a batch run: one entry per target). */
export async function recordAudits(tx: Db, ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'>, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = ctx.clock.now();
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      at,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      ip: ctx.ip,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: (entry.before ?? null) as never,
      after: (entry.after ?? null) as never,
    })),
  );
}

/** Only the fields that changed, as before/after objects. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const next = after[key];
    if (next === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(next)) {
      b[key] = before[key];
      a[key] = next;
    }
  }
  return { before: b, after: a };
}
