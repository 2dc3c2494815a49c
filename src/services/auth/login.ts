import { desc, eq, sql } from 'drizzle-orm';
import { passwordHistory, users } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import {
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  PASSWORD_HISTORY_DEPTH,
  lockoutAfter,
  passwordProblems,
} from '../../domain/auth/password-policy.js';
import { AppError, validation } from '../../domain/errors.js';
import { systemActor, type Clock, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { decoy, hashPassword, verifyPassword } from './passwords.js';
import { createSession, endSession, endUserSessions } from './sessions.js';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
const locked = (until: Date) =>
  new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败 ${LOCKOUT_THRESHOLD} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试`, {
    lockedUntil: until.toISOString(),
  });

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks a password and opens a session. Every attempt, failed or not, is audited; failures are committed before the
 * error is thrown, so the count of failures (and the lock) holds across app instances.
 */
export async function login(
  db: Db,
  clock: Clock,
  input: LoginInput,
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const now = clock.now();
  const username = input.username.trim();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  const ctx = { actor: systemActor(username), ip: input.ip, clock };

  if (!user || !user.active) {
    await verifyPassword(await decoy(), input.password);
    await recordAudit(db, ctx, {
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      after: { username, reason: user ? 'inactive' : 'unknown_user' },
    });
    throw invalidCredentials();
  }
  const actor = { ...ctx, actor: { ...systemActor(user.displayName), userId: user.id } };

  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, actor, { action: 'auth.login_refused_locked', targetType: 'user', targetId: user.id });
    throw locked(user.lockedUntil);
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failure = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      const failures = row?.failedLogins ?? LOCKOUT_THRESHOLD;
      const until = lockoutAfter(failures, now);
      await recordAudit(tx, actor, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        after: { username: user.username, failures },
      });
      if (until) {
        await tx.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, user.id));
        await recordAudit(tx, actor, {
          action: 'auth.locked',
          targetType: 'user',
          targetId: user.id,
          after: { lockedUntil: until },
        });
      }
      return until;
    });
    throw failure ? locked(failure) : invalidCredentials();
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, now, { ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id });
    return { ...session, userId: user.id };
  });
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await endSession(tx, sessionId, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId });
  });
}

/** Sets a new password for `userId` after checking the rules and the last five passwords. */
export async function setOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; sessionId: string },
): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw validation([{ field: '', message: '系统账户没有密码' }]);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw invalidCredentials();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validation([{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problems = passwordProblems(input.newPassword, user.username);
  if (problems.length) throw validation(problems.map((message) => ({ field: 'newPassword', message })));
  const history = await ctx.db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_DEPTH - 1);
  for (const hash of [user.passwordHash, ...history.map((h) => h.hash)]) {
    if (await verifyPassword(hash, input.newPassword)) {
      throw validation([{ field: 'newPassword', message: `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用的密码相同` }]);
    }
  }
  const hash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordHistory).values({ userId, passwordHash: user.passwordHash, createdAt: now });
    await tx
      .update(users)
      .set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, userId));
    await endUserSessions(tx, userId, now, input.sessionId);
    await recordAudit(tx, ctx, { action: 'auth.password_changed', targetType: 'user', targetId: userId });
  });
}
