import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { AppError, notFound } from '../domain/errors.js';
import { systemClock, type Clock } from '../services/context.js';
import { registerAuthHooks } from './auth-hooks.js';
import { registerControlCharCheck } from './control-chars.js';
import type { AppDeps, Routes } from './deps.js';
import { errorHandler } from './errors.js';
import { accountRoutes } from './routes/accounts/index.js';
import { auditRoutes } from './routes/audit/index.js';
import { authRoutes } from './routes/auth/index.js';
import { metaRoutes } from './routes/meta/index.js';
import { importRoutes } from './routes/org/import.js';
import { ATTACHMENT_MAX_BYTES } from '../services/tasks/attachments.js';
import { leaderRoutes } from './routes/org/leaders.js';
import { peopleRoutes } from './routes/org/people.js';
import { unitRoutes } from './routes/org/units.js';
import { taskActionRoutes } from './routes/tasks/actions.js';
import { taskFileRoutes } from './routes/tasks/files.js';
import { taskRoutes } from './routes/tasks/index.js';
import { workbenchRoutes } from './routes/tasks/workbench.js';
import { warningRoutes } from './routes/warnings/index.js';
import { meetingRoutes } from './routes/meetings/index.js';
import { webhookRoutes } from './routes/webhooks/index.js';
import type { WebhookOptions } from '../services/webhooks/configs.js';
import { dashboardRoutes } from './routes/dashboard/index.js';
import { briefingRoutes } from './routes/briefings/index.js';
import { scoreRoutes } from './routes/scores/index.js';
import { mujunResultRoutes } from './routes/mujun/results.js';
import { mujunDataRoutes } from './routes/mujun/data.js';
import { mujunAppealRoutes } from './routes/mujun/appeals.js';
import { cultivationRoutes } from './routes/cultivation/index.js';
import { projectRoutes } from './routes/projects/index.js';

z.config(z.locales.zhCN());

export const VERSION: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
).version;

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface AppOptions {
  database: Database;
  clock?: Clock;
  /** Folder of the built web app; null serves the API alone. */
  webRoot?: string | null;
  logger?: boolean;
  /** Trust X-Forwarded-For from a reverse proxy (TRUST_PROXY). */
  trustProxy?: boolean;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /** Login attempts per address per minute. */
  loginRateLimit?: number;
  /** Outgoing webhooks: `allowLocal` accepts http://127.0.0.1 robot URLs (tests only); `send` replaces fetch. */
  webhooks?: WebhookOptions;
}

const ROUTES: Routes[] = [
  metaRoutes,
  authRoutes,
  unitRoutes,
  peopleRoutes,
  leaderRoutes,
  importRoutes,
  accountRoutes,
  auditRoutes,
  taskFileRoutes,
  taskRoutes,
  taskActionRoutes,
  workbenchRoutes,
  warningRoutes,
  meetingRoutes,
  dashboardRoutes,
  briefingRoutes,
  scoreRoutes,
  webhookRoutes,
  mujunResultRoutes,
  mujunDataRoutes,
  mujunAppealRoutes,
  cultivationRoutes,
  projectRoutes,
];

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  const deps: AppDeps = {
    database: opts.database,
    db: opts.database.db,
    clock: opts.clock ?? systemClock,
    version: VERSION,
    secureCookies: opts.secureCookies ?? false,
    loginRateLimit: opts.loginRateLimit ?? 20,
    webhooks: opts.webhooks ?? {},
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Luoshi API', description: '落实：督查督办与亩均评价平台', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'luoshi_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuthHooks(app, deps);
  registerControlCharCheck(app);

  await app.register(
    async (api) => {
      for (const routes of ROUTES) routes(api, deps);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const hasWeb = webRoot !== null && existsSync(`${webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const isFile = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || req.method !== 'GET' || !hasWeb || isFile) {
      return errorHandler(notFound('接口或页面'), req, reply);
    }
    // The web app routes in the browser: every other GET gets its page.
    return reply.sendFile('index.html');
  });
  return app;
}
