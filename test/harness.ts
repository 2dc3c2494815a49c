/**
 * Test harness: a fresh Luoshi (demo district loaded) on a fresh database per backend — PGlite in memory, and the
 * PostgreSQL of TEST_DATABASE_URL in a database of its own that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { DEFAULT_WEB_ROOT, buildApp } from '../src/http/app.js';
import { bootstrap, type Credential } from '../src/services/setup/bootstrap.js';
import type { Clock } from '../src/services/context.js';
import type { WebhookOptions } from '../src/services/webhooks/configs.js';

export type Backend = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The backends this run covers. In CI a missing PostgreSQL is an error, not a skip. */
export function backends(): Backend[] {
  if (!TEST_DATABASE_URL && process.env.CI) throw new Error('CI run without TEST_DATABASE_URL: PostgreSQL tests must run in CI');
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export class TestClock implements Clock {
  constructor(public t = new Date('2026-03-02T09:00:00+08:00')) {}
  /** A clock that follows real time (browser tests). */
  static real(): TestClock {
    const c = new TestClock();
    c.now = () => new Date();
    return c;
  }
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** A database for one test file: PGlite in memory, or a new PostgreSQL database dropped by `drop()`. */
export async function freshDatabase(backend: Backend): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const name = `luoshi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  credentials: Map<string, string>;
  close(): Promise<void>;
}

export async function startTestApp(
  backend: Backend,
  opts: { loginRateLimit?: number; web?: boolean; clock?: TestClock; webhooks?: WebhookOptions } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase(backend);
  const clock = opts.clock ?? new TestClock();
  const { credentials } = await bootstrap(database, { demo: true, clock });
  const app = await buildApp({
    database,
    clock,
    webRoot: opts.web ? DEFAULT_WEB_ROOT : null,
    loginRateLimit: opts.loginRateLimit ?? 1000,
    webhooks: opts.webhooks,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    credentials: new Map(credentials.map((c: Credential) => [c.username, c.password])),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A signed-in user agent: keeps the session cookie and sends the CSRF token. */
export class Agent {
  cookie = '';
  csrf = '';
  me: Record<string, unknown> | null = null;
  constructor(readonly t: TestApp) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = {};
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    Object.assign(h, headers);
    const res = await this.t.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body === undefined
        ? {}
        : Buffer.isBuffer(body) || typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    const set = res.cookies.find((c) => c.name === 'luoshi_sid');
    if (set) this.cookie = set.value ? `luoshi_sid=${set.value}` : '';
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.statusCode === 200) {
      this.csrf = res.json().csrfToken;
      this.me = res.json().user;
    }
    return res;
  }
}

export const NEW_PASSWORD = 'Luoshi#2026-test';

/** Signs in a demo account and makes the forced first password change. */
export async function signIn(t: TestApp, username: string): Promise<Agent> {
  const agent = new Agent(t);
  const initial = t.credentials.get(username);
  if (!initial) throw new Error(`no demo account ${username}`);
  const res = await agent.login(username, initial);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const change = await agent.post('/api/auth/password', { currentPassword: initial, newPassword: NEW_PASSWORD });
  if (change.statusCode !== 204) throw new Error(`password change ${username}: ${change.statusCode} ${change.body}`);
  t.credentials.set(username, NEW_PASSWORD);
  agent.me = (await agent.get('/api/auth/me')).json().user;
  return agent;
}

export const DEMO_USERS = [
  'admin',
  'secadmin',
  'auditor',
  'duchashi',
  'leader.industry',
  'gxj.head',
  'swj.clerk',
  'gxj.evaluator',
  'viewer',
  'baiyuan.clerk',
  'qiye.demo',
] as const;

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(field: string, filename: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----luoshi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(agent: Agent, url: string, content: Buffer, filename = 'data.xlsx') {
  const { body, contentType } = multipartFile('file', filename, content);
  return agent.request('POST', url, body, { 'content-type': contentType });
}

/** Signs in again an account whose password was already changed (e.g. after the test clock jumped past the idle timeout). */
export async function signInAgain(t: TestApp, username: string): Promise<Agent> {
  const agent = new Agent(t);
  const res = await agent.login(username, t.credentials.get(username)!);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return agent;
}
