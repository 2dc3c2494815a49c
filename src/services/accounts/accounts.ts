import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { passwordHistory, people, users, units } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { conflict, forbidden, notFound, validation } from '../../domain/errors.js';
import { roleAssignmentProblems } from '../../domain/org/roles.js';
import { requirePermission, type Ctx } from '../context.js';
import { diff, recordAudit } from '../audit/record.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { endUserSessions } from '../auth/sessions.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  unitId: users.unitId,
  unitName: units.name,
  personId: users.personId,
  enterpriseUscc: users.enterpriseUscc,
  roles: users.roles,
  active: users.active,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
};

async function loadAccount(db: Db, id: string) {
  const [row] = await db.select(columns).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound('账号');
  return row;
}

export async function listAccounts(ctx: Ctx, q: { q?: string; page: number; pageSize: number }) {
  requirePermission(ctx, 'accounts.read');
  const like = q.q ? `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined;
  const items = await ctx.db
    .select(columns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.username))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(users).where(where);
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function checkLinks(db: Db, input: { unitId?: string | null; personId?: string | null }) {
  if (input.unitId) {
    const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).limit(1);
    if (!u) throw validation([{ field: 'unitId', message: '单位不存在' }]);
  }
  if (input.personId) {
    const [p] = await db.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).limit(1);
    if (!p) throw validation([{ field: 'personId', message: '人员不存在' }]);
  }
}

export interface AccountInput {
  username: string;
  displayName: string;
  unitId?: string | null;
  personId?: string | null;
  enterpriseUscc?: string | null;
  /** Only for the seed and the CLI; over HTTP roles are set by the security administrator. */
  roles?: string[];
}

/** Creates an account with a generated password, shown once, to be changed at first login. */
export async function createAccount(ctx: Ctx, input: AccountInput) {
  requirePermission(ctx, 'accounts.manage');
  const roles = input.roles ?? [];
  const problems = roleAssignmentProblems({
    roles,
    unitId: input.unitId ?? null,
    personId: input.personId ?? null,
    enterpriseUscc: input.enterpriseUscc ?? null,
  });
  if (problems.length) throw validation(problems.map((message) => ({ field: 'roles', message })));
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (taken) throw conflict(`用户名“${input.username}”已被使用`);
    await checkLinks(tx, input);
    const [row] = await tx
      .insert(users)
      .values({
        ...input,
        roles,
        unitId: input.unitId ?? null,
        personId: input.personId ?? null,
        enterpriseUscc: input.enterpriseUscc ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    const account = await loadAccount(tx, row!.id);
    await recordAudit(tx, ctx, { action: 'account.create', targetType: 'user', targetId: account.id, after: account });
    return { account, initialPassword };
  });
}

export async function updateAccount(
  ctx: Ctx,
  id: string,
  patch: {
    displayName?: string;
    unitId?: string | null;
    personId?: string | null;
    enterpriseUscc?: string | null;
    active?: boolean;
  },
) {
  requirePermission(ctx, 'accounts.manage');
  if (id === ctx.actor.userId && patch.active === false) throw forbidden('不能停用自己的账号');
  return ctx.db.transaction(async (tx) => {
    const current = await loadAccount(tx, id);
    await checkLinks(tx, patch);
    const problems = roleAssignmentProblems({
      roles: current.roles,
      unitId: patch.unitId !== undefined ? patch.unitId : current.unitId,
      personId: patch.personId !== undefined ? patch.personId : current.personId,
      enterpriseUscc: patch.enterpriseUscc !== undefined ? patch.enterpriseUscc : current.enterpriseUscc,
    });
    if (problems.length) throw validation(problems.map((message) => ({ field: 'unitId', message })));
    await tx
      .update(users)
      .set({ ...patch, updatedAt: ctx.clock.now() })
      .where(eq(users.id, id));
    if (patch.active === false) await endUserSessions(tx, id, ctx.clock.now());
    const next = await loadAccount(tx, id);
    await recordAudit(tx, ctx, { action: 'account.update', targetType: 'user', targetId: id, ...diff(current, next) });
    return next;
  });
}

/** Sets an account's roles (the security administrator's job); never one's own. */
export async function setRoles(ctx: Ctx, id: string, roles: string[]) {
  requirePermission(ctx, 'roles.assign');
  if (id === ctx.actor.userId) throw forbidden('不能修改自己的角色');
  return ctx.db.transaction(async (tx) => {
    const current = await loadAccount(tx, id);
    const problems = roleAssignmentProblems({
      roles,
      unitId: current.unitId,
      personId: current.personId,
      enterpriseUscc: current.enterpriseUscc,
    });
    if (problems.length) throw validation(problems.map((message) => ({ field: 'roles', message })));
    await tx.update(users).set({ roles, updatedAt: ctx.clock.now() }).where(eq(users.id, id));
    await endUserSessions(tx, id, ctx.clock.now());
    const next = await loadAccount(tx, id);
    await recordAudit(tx, ctx, {
      action: 'account.roles',
      targetType: 'user',
      targetId: id,
      before: { roles: current.roles },
      after: { roles },
    });
    return next;
  });
}

export async function unlockAccount(ctx: Ctx, id: string) {
  requirePermission(ctx, 'roles.assign');
  return ctx.db.transaction(async (tx) => {
    const current = await loadAccount(tx, id);
    await tx.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, id));
    await recordAudit(tx, ctx, {
      action: 'account.unlock',
      targetType: 'user',
      targetId: id,
      before: { lockedUntil: current.lockedUntil },
      after: { lockedUntil: null },
    });
    return loadAccount(tx, id);
  });
}

/** Gives the account a new generated password (shown once); it must be changed at the next login. */
export async function resetPassword(ctx: Ctx, id: string) {
  requirePermission(ctx, 'roles.assign');
  if (id === ctx.actor.userId) throw forbidden('请在“修改密码”中修改自己的密码');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    await loadAccount(tx, id);
    const now = ctx.clock.now();
    const [old] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    await tx.insert(passwordHistory).values({ userId: id, passwordHash: old!.hash, createdAt: now });
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedLogins: 0, updatedAt: now })
      .where(eq(users.id, id));
    await endUserSessions(tx, id, now);
    await recordAudit(tx, ctx, { action: 'account.reset_password', targetType: 'user', targetId: id });
    return { initialPassword };
  });
}

export async function findAccountIdByUsername(db: Db, username: string): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.username}) = lower(${username})`))
    .limit(1);
  return row?.id ?? null;
}
