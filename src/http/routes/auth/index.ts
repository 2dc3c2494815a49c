import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { units } from '../../../db/schema.js';
import { permissionsOf } from '../../../domain/org/roles.js';
import { login, logout, setOwnPassword } from '../../../services/auth/login.js';
import { resolveSession, type ResolvedSession } from '../../../services/auth/sessions.js';
import { SESSION_COOKIE, ctxOf } from '../../auth-hooks.js';
import { typed, type AppDeps, type Routes } from '../../deps.js';

const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
const passwordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

/** The session answer of login and /auth/me: the user and the CSRF token. */
export async function present(deps: AppDeps, s: ResolvedSession) {
  const a = s.actor;
  const [unit] = a.unitId ? await deps.db.select({ name: units.name }).from(units).where(eq(units.id, a.unitId)) : [];
  return {
    user: {
      id: a.userId,
      username: s.username,
      displayName: a.name,
      roles: a.roles,
      unitId: a.unitId,
      unitName: unit?.name ?? null,
      personId: a.personId,
      mustChangePassword: s.mustChangePassword,
      permissions: permissionsOf(a.roles),
    },
    csrfToken: s.csrfToken,
  };
}

export const authRoutes: Routes = (app, deps) => {
  const r = typed(app);
  r.post(
    '/auth/login',
    {
      schema: { body: loginBody, tags: ['auth'], summary: '登录' },
      config: { public: true, rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const out = await login(deps.db, deps.clock, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, out.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.secureCookies,
      });
      return present(deps, await resolveSession(deps.db, deps.clock, out.token));
    },
  );
  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户' }, config: { allowDuringPasswordChange: true } },
    async (req) => present(deps, req.session!),
  );
  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录' }, config: { allowDuringPasswordChange: true } },
    async (req, reply) => {
      await logout(ctxOf(req, deps), req.session!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
  r.post(
    '/auth/password',
    { schema: { body: passwordBody, tags: ['auth'], summary: '修改密码' }, config: { allowDuringPasswordChange: true } },
    async (req, reply) => {
      await setOwnPassword(ctxOf(req, deps), { ...req.body, sessionId: req.session!.sessionId });
      return reply.status(204).send();
    },
  );
};
