import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { leaderPortfolios, sessions, users } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { isIdleExpired } from '../../domain/auth/password-policy.js';
import { sessionExpired, unauthenticated } from '../../domain/errors.js';
import { buildActor, type Actor, type Clock } from '../context.js';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Db,
  userId: string,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  username: string;
  mustChangePassword: boolean;
}

/** Only touch last_seen_at once a minute: a session in use is still never idle for 30 minutes. */
const TOUCH_EVERY_MS = 60_000;

/** Finds the live session of a cookie token; ends it when idle too long. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<ResolvedSession> {
  const id = tokenHash(token);
  const now = clock.now();
  const rows = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .limit(1);
  const row = rows[0];
  if (!row || !row.u.active) throw unauthenticated();
  if (isIdleExpired(row.s.lastSeenAt, now)) {
    await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, id));
    throw sessionExpired();
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const portfolio =
    row.u.roles.includes('leader') && row.u.personId
      ? await db
          .select({ unitId: leaderPortfolios.unitId })
          .from(leaderPortfolios)
          .where(eq(leaderPortfolios.personId, row.u.personId))
      : [];
  return {
    sessionId: id,
    csrfToken: row.s.csrfToken,
    username: row.u.username,
    mustChangePassword: row.u.mustChangePassword,
    actor: buildActor({ ...row.u, portfolioUnitIds: portfolio.map((p) => p.unitId) }),
  };
}

export async function endSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password reset, deactivation, role change), but perhaps the caller's own. */
export async function endUserSessions(db: Db, userId: string, now: Date, exceptSessionId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ endedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.endedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined),
    );
}
