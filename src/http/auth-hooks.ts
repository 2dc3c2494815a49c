import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { csrfRejected, forbidden, passwordChangeRequired, unauthenticated } from '../domain/errors.js';
import { can, type Permission } from '../domain/org/roles.js';
import type { Clock, Ctx } from '../services/context.js';
import { resolveSession, type ResolvedSession } from '../services/auth/sessions.js';

export const SESSION_COOKIE = 'luoshi_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, meta, the OpenAPI document). */
    public?: boolean;
    /** Reachable while the password must still be changed (me, change password, logout). */
    allowDuringPasswordChange?: boolean;
    /**
     * The permission the route needs, checked before the input is validated, so a caller without the right gets 403
     * whatever they sent. Services check again (and check data scope) as their first line.
     */
    permission?: Permission;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the session of every /api request and enforces login, the forced password change and CSRF. */
export function registerAuthHooks(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.is404) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    const session = await resolveSession(deps.db, deps.clock, token);
    if (!SAFE.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) throw csrfRejected();
    }
    if (session.mustChangePassword && !config.allowDuringPasswordChange) throw passwordChangeRequired();
    if (config.permission && !can(session.actor.roles, config.permission)) throw forbidden();
    request.session = session;
  });
}

/** The service context of a signed-in request. */
export function ctxOf(request: FastifyRequest, deps: { db: Db; clock: Clock }): Ctx {
  if (!request.session) throw unauthenticated();
  return { db: deps.db, clock: deps.clock, actor: request.session.actor, ip: request.ip };
}
