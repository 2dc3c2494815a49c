import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, NEW_PASSWORD, backends, signIn, startTestApp, type TestApp } from '../../../../test/harness.js';

describe.each(backends())('accounts on %s', (backend) => {
  let t: TestApp;
  let admin: Agent;
  let sec: Agent;
  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await signIn(t, 'admin');
    sec = await signIn(t, 'secadmin');
  });
  afterAll(() => t.close());

  const accountId = async (username: string) =>
    ((await sec.get(`/api/accounts?q=${username}`)).json().items as { id: string; username: string }[]).find(
      (a) => a.username === username,
    )!.id;

  it('splits the three administrators: the system administrator creates, the security administrator sets roles', async () => {
    const units = (await admin.get('/api/units')).json().items as { id: string; code: string }[];
    const swj = units.find((u) => u.code === 'SWJ')!.id;
    const created = await admin.post('/api/accounts', { username: 'swj.new', displayName: '商务局新人', unitId: swj });
    expect(created.statusCode).toBe(201);
    const { account, initialPassword } = created.json();
    expect(account.roles).toEqual([]);
    expect(initialPassword).toMatch(/^.{14}$/);
    // the system administrator may not grant roles
    expect((await admin.put(`/api/accounts/${account.id}/roles`, { roles: ['unit_clerk'] })).statusCode).toBe(403);
    const roles = await sec.put(`/api/accounts/${account.id}/roles`, { roles: ['unit_clerk'] });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().roles).toEqual(['unit_clerk']);
    // the security administrator may not create accounts
    expect((await sec.post('/api/accounts', { username: 'x.y', displayName: 'x' })).statusCode).toBe(403);
    // the new account signs in with its one-time password and must change it
    const a = new Agent(t);
    expect((await a.login('swj.new', initialPassword)).json().user.mustChangePassword).toBe(true);
  });

  it('refuses to combine the three administrator roles with anything, and one’s own roles', async () => {
    const id = await accountId('viewer');
    const res = await sec.put(`/api/accounts/${id}/roles`, { roles: ['auditor', 'viewer'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('三员分立');
    expect((await sec.put(`/api/accounts/${sec.me!.id}/roles`, { roles: ['secadmin', 'supervisor'] })).statusCode).toBe(403);
    const unknown = await sec.put(`/api/accounts/${id}/roles`, { roles: ['root'] });
    expect(unknown.json().error.message).toContain('未知角色');
  });

  it('unlocks a locked account and resets a password', async () => {
    const a = new Agent(t);
    for (let i = 0; i < 5; i++) await a.login('duchashi', 'Bad#pass99');
    expect((await a.login('duchashi', t.credentials.get('duchashi')!)).statusCode).toBe(423);
    const id = await accountId('duchashi');
    expect((await admin.post(`/api/accounts/${id}/unlock`)).statusCode).toBe(403);
    expect((await sec.post(`/api/accounts/${id}/unlock`)).json().lockedUntil).toBeNull();
    expect((await a.login('duchashi', t.credentials.get('duchashi')!)).statusCode).toBe(200);
    const reset = await sec.post(`/api/accounts/${id}/reset-password`);
    const { initialPassword } = reset.json();
    expect((await a.get('/api/auth/me')).statusCode).toBe(401); // the reset ended its sessions
    const b = new Agent(t);
    expect((await b.login('duchashi', t.credentials.get('duchashi')!)).statusCode).toBe(401);
    expect((await b.login('duchashi', initialPassword)).json().user.mustChangePassword).toBe(true);
  });

  it('ends the sessions of a deactivated account and refuses its login', async () => {
    const user = await signIn(t, 'gxj.evaluator');
    const id = await accountId('gxj.evaluator');
    expect((await admin.patch(`/api/accounts/${id}`, { active: false })).json().active).toBe(false);
    expect((await user.get('/api/units')).statusCode).toBe(401);
    expect((await new Agent(t).login('gxj.evaluator', NEW_PASSWORD)).statusCode).toBe(401);
  });
});
