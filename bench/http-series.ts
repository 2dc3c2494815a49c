/**
 * What every HTTP benchmark shares (bench:tracking, bench:projects): a signed-in agent over app.inject, timed series
 * of GET requests with their percentiles, and small printing helpers.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';

export const NEW_PASSWORD = 'Luoshi#2026-bench';

export function intEnv(name: string, dflt: number): number {
  const v = process.env[name];
  if (!v) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
}

export const log = (s = '') => console.log(s);

/** Pads to a width in terminal columns: CJK characters take two. */
export function pad(s: string, width: number): string {
  const cols = [...s].reduce(
    (n, ch) =>
      n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
  return s + ' '.repeat(Math.max(0, width - cols));
}

export const secs = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** A signed-in browser: the session cookie and the CSRF token, as in test/harness.ts. */
export class Agent {
  private cookie = '';
  private csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    readonly username: string,
  ) {}

  async request(method: 'GET' | 'POST', url: string, payload?: object) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const set = res.cookies.find((c) => c.name === 'luoshi_sid');
    if (set) this.cookie = set.value ? `luoshi_sid=${set.value}` : '';
    return res;
  }

  async signIn(initialPassword: string): Promise<this> {
    const login = await this.request('POST', '/api/auth/login', { username: this.username, password: initialPassword });
    if (login.statusCode !== 200) throw new Error(`login ${this.username}: ${login.statusCode} ${login.body}`);
    this.csrf = login.json().csrfToken;
    const change = await this.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: NEW_PASSWORD,
    });
    if (change.statusCode !== 204) throw new Error(`password change ${this.username}: ${change.statusCode} ${change.body}`);
    return this;
  }
}

export interface Series {
  label: string;
  ms: number[];
  note: string;
}

/** Nearest-rank percentile of ascending values. */
export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export const p95 = (ms: number[]) =>
  pct(
    [...ms].sort((a, b) => a - b),
    95,
  );

/** What a series reports about each answer: a problem (or null), and a size (the ledger's total, a page's reports). */
export type Inspect = (body: unknown) => { problem: string | null; size: number };

/** `warmup` requests untimed, then `n` timed ones, one after the other; every answer must be 200. */
export async function runSeries(
  agent: Agent,
  label: string,
  urls: string[],
  inspect: Inspect,
  sizeName: string,
  opts: { warmup: number; n: number },
): Promise<Series> {
  const ms: number[] = [];
  const problems: string[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < opts.warmup + opts.n; i++) {
    const url = urls[i % urls.length]!;
    const start = performance.now();
    const res = await agent.request('GET', url);
    const took = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${label}: GET ${url} answered ${res.statusCode} ${res.body.slice(0, 300)}`);
    const { problem, size } = inspect(res.json());
    if (problem) problems.push(problem);
    sizes.push(size);
    if (i >= opts.warmup) ms.push(took);
  }
  const range = `${sizeName} ${Math.min(...sizes)}–${Math.max(...sizes)}`;
  return { label, ms, note: problems.length ? `${range}; ${problems.length} requests: ${problems[0]}` : range };
}

export function printSeries(all: Series[], targetP95Ms: number): void {
  log(`  ${pad('series', 36)}${['n', 'p50', 'p95', 'p99', 'max', 'mean'].map((h) => h.padStart(8)).join('')}  p95 ≤ ${targetP95Ms} ms`);
  for (const s of all) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const cells = [pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1]!, mean].map((x) =>
      x.toFixed(2).padStart(8),
    );
    const ok = p95(s.ms) <= targetP95Ms ? 'yes' : 'NO';
    log(`  ${pad(s.label, 36)}${String(sorted.length).padStart(8)}${cells.join('')}  ${ok}${s.note ? `  (${s.note})` : ''}`);
  }
  log('  (milliseconds, app.inject round trip: session lookup, validation, queries, serialisation)');
}

/**
 * A database of its own for a bench run, made on the server at `adminUrl` (null, with a notice, when PostgreSQL is not
 * reachable): its name, the server's version, its URL, and `drop()` (kept instead when `keep`).
 */
export async function scratchDatabase(
  adminUrl: string,
  bench: string,
  keep: boolean,
): Promise<{ name: string; server: string; url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (e) {
    await admin.end().catch(() => undefined);
    log(`PostgreSQL is not reachable at ${redact(adminUrl)} (${(e as Error).message}).`);
    log(`Skipping the ${bench} bench: start PostgreSQL or set BENCH_DATABASE_URL.`);
    return null;
  }
  const server = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  const name = `luoshi_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = async () => {
    if (keep) {
      log(`\nKept the bench database: ${redact(url)}`);
      return;
    }
    const c = new pg.Client({ connectionString: adminUrl });
    try {
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`\nDropped ${name}.`);
    } catch (e) {
      log(`\nCould not drop ${name} (${(e as Error).message}): drop it by hand.`);
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  return { name, server, url, drop };
}
