import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema.js';
import { Agent, NEW_PASSWORD, backends, signIn, startTestApp, type TestApp } from '../../../../test/harness.js';

describe.each(backends())('auth on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('answers 401 without a session, in the one error envelope', async () => {
    const res = await new Agent(t).get('/api/units');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录', details: null } });
  });

  it('names the field in validation errors, in Chinese', async () => {
    const res = await new Agent(t).post('/api/auth/login', { username: '', password: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details).toEqual([{ field: 'username', message: '请输入用户名' }]);
  });

  it('forces a password change at first login, then lets the user in', async () => {
    const a = new Agent(t);
    const initial = t.credentials.get('viewer')!;
    const res = await a.login('viewer', initial);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const blocked = await a.get('/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await a.post('/api/auth/password', { currentPassword: initial, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    const same = await a.post('/api/auth/password', { currentPassword: initial, newPassword: initial });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toContain('最近 5 次');
    expect((await a.post('/api/auth/password', { currentPassword: initial, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await a.get('/api/units')).statusCode).toBe(200);
    t.credentials.set('viewer', NEW_PASSWORD);
  });

  it('refuses any of the last five passwords', async () => {
    const a = await signIn(t, 'gxj.evaluator');
    const pw = (n: number) => `Rotate#${n}abcD`;
    let current = NEW_PASSWORD;
    for (let n = 1; n <= 4; n++) {
      expect((await a.post('/api/auth/password', { currentPassword: current, newPassword: pw(n) })).statusCode).toBe(204);
      current = pw(n);
    }
    // history now: NEW_PASSWORD, pw1, pw2, pw3 and the current pw4 — all five refused
    for (const old of [NEW_PASSWORD, pw(1), pw(2), pw(3), pw(4)]) {
      const res = await a.post('/api/auth/password', { currentPassword: current, newPassword: old });
      expect(res.statusCode).toBe(422);
    }
    // a sixth, new one is accepted
    expect((await a.post('/api/auth/password', { currentPassword: current, newPassword: pw(5) })).statusCode).toBe(204);
  });

  it('locks an account for 15 minutes after five failed logins, and audits each attempt', async () => {
    await signIn(t, 'gxj.head');
    const a = new Agent(t);
    for (let i = 1; i <= 4; i++) expect((await a.login('gxj.head', 'Wrong#pass1')).statusCode).toBe(401);
    const fifth = await a.login('gxj.head', 'Wrong#pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    // even the right password is refused while locked
    expect((await a.login('gxj.head', NEW_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(14 * 60_000);
    expect((await a.login('gxj.head', NEW_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(2 * 60_000);
    expect((await a.login('gxj.head', NEW_PASSWORD)).statusCode).toBe(200);
    const failed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(failed.filter((e) => e.targetId === a.me!.id)).toHaveLength(5);
    const locked = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.locked'));
    expect(locked.map((e) => e.targetId)).toContain(a.me!.id);
  });

  it('ends a session after 30 idle minutes', async () => {
    const a = await signIn(t, 'duchashi');
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/units')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000); // active 29 minutes ago: still alive
    expect((await a.get('/api/units')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await a.get('/api/units');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    t.clock.advance(-60 * 60_000); // the session stays ended even if the clock went back
    expect((await a.get('/api/units')).statusCode).toBe(401);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const a = await signIn(t, 'admin');
    const body = { code: 'CSRF-1', name: '测试单位', kind: 'department' };
    const noToken = await a.request('POST', '/api/units', body, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const saved = a.csrf;
    a.csrf = 'forged-token-value-xxxxxxxxxxxxxxx';
    expect((await a.post('/api/units', body)).statusCode).toBe(403);
    a.csrf = saved;
    const units = (await a.get('/api/units')).json().items as { code: string }[];
    expect(units.some((u) => u.code === 'CSRF-1')).toBe(false);
    expect((await a.post('/api/units', body)).statusCode).toBe(201);
  });

  it('ends the session at logout', async () => {
    const a = await signIn(t, 'swj.clerk');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not tell an unknown user from a wrong password', async () => {
    const a = new Agent(t);
    const unknown = await a.login('nobody-here', 'Whatever#1');
    const wrong = await a.login('leader.industry', 'Whatever#1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });
});

describe('login rate limit', () => {
  it('limits login attempts per address', async () => {
    const t = await startTestApp('pglite', { loginRateLimit: 3 });
    try {
      const a = new Agent(t);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await a.login('nobody', 'Bad#pass1')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await a.login('nobody', 'Bad#pass1');
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
