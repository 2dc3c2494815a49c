/**
 * Each role against each guarded endpoint: allowed ones do not answer 403, refused ones answer 403.
 * The expectations come from the declared grants, so the table and the server are checked against each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTS, type Permission, type Role } from '../domain/org/roles.js';
import { DEMO_USERS, backends, signIn, startTestApp, type Agent, type TestApp } from '../../test/harness.js';

const ROLE_OF: Record<(typeof DEMO_USERS)[number], Role> = {
  admin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
  duchashi: 'supervisor',
  'leader.industry': 'leader',
  'gxj.head': 'unit_head',
  'swj.clerk': 'unit_clerk',
  'gxj.evaluator': 'evaluator',
  viewer: 'viewer',
  'baiyuan.clerk': 'unit_clerk',
  'qiye.demo': 'enterprise',
};

const NIL = '00000000-0000-4000-8000-000000000000';
const ENDPOINTS: { method: string; url: string; body?: unknown; needs: Permission }[] = [
  { method: 'GET', url: '/api/units', needs: 'org.read' },
  { method: 'GET', url: '/api/leaders', needs: 'org.read' },
  { method: 'POST', url: '/api/units', body: { code: 'M-1', name: '矩阵', kind: 'other' }, needs: 'org.write' },
  { method: 'PUT', url: `/api/leaders/${NIL}/portfolio`, body: { unitIds: [] }, needs: 'org.write' },
  { method: 'GET', url: '/api/people', needs: 'people.read' },
  { method: 'PATCH', url: `/api/people/${NIL}`, body: { title: 'x' }, needs: 'people.write' },
  { method: 'GET', url: '/api/import/templates/units', needs: 'org.write' },
  { method: 'GET', url: '/api/accounts', needs: 'accounts.read' },
  { method: 'POST', url: '/api/accounts', body: { username: 'matrix.user', displayName: '矩阵' }, needs: 'accounts.manage' },
  { method: 'PUT', url: `/api/accounts/${NIL}/roles`, body: { roles: [] }, needs: 'roles.assign' },
  { method: 'POST', url: `/api/accounts/${NIL}/unlock`, needs: 'roles.assign' },
  { method: 'GET', url: '/api/audit', needs: 'audit.read' },
  { method: 'GET', url: '/api/tasks', needs: 'tasks.read' },
  { method: 'GET', url: '/api/tasks/export', needs: 'tasks.read' },
  { method: 'GET', url: '/api/workbench', needs: 'tasks.read' },
  { method: 'GET', url: '/api/task-sources', needs: 'tasks.read' },
  { method: 'POST', url: '/api/tasks', body: { title: 'x' }, needs: 'tasks.manage' },
  { method: 'POST', url: '/api/task-sources', body: { kind: 'meeting', title: '矩阵会议' }, needs: 'tasks.manage' },
  { method: 'POST', url: '/api/tasks/import?title=x', needs: 'tasks.manage' },
  { method: 'GET', url: '/api/dashboard/by-light', needs: 'tasks.read' },
  { method: 'GET', url: '/api/scores?from=2026-02-01&to=2026-02-28', needs: 'tasks.read' },
  { method: 'GET', url: '/api/briefings?from=2026-02-01&to=2026-02-28&format=xlsx', needs: 'tasks.manage' },
  { method: 'PUT', url: '/api/scores/scheme', body: {}, needs: 'tasks.manage' },
  { method: 'POST', url: '/api/meetings/parse', body: { text: '' }, needs: 'tasks.manage' },
  { method: 'PUT', url: '/api/warnings/settings', body: {}, needs: 'tasks.manage' },
  { method: 'GET', url: '/api/webhooks/deliveries', needs: 'tasks.manage' },
  { method: 'GET', url: '/api/mujun/meta', needs: 'mujun.read' },
  { method: 'GET', url: '/api/mujun/schemes', needs: 'mujun.read' },
  { method: 'GET', url: '/api/mujun/appeals', needs: 'mujun.read' },
  { method: 'GET', url: '/api/mujun/uploads?year=2022', needs: 'mujun.manage' },
  { method: 'GET', url: '/api/mujun/reconciliation?year=2022', needs: 'mujun.manage' },
  { method: 'POST', url: '/api/mujun/runs', body: { year: 2022 }, needs: 'mujun.manage' },
  { method: 'POST', url: '/api/mujun/schemes', body: {}, needs: 'mujun.manage' },
  { method: 'PUT', url: '/api/mujun/policies', body: {}, needs: 'mujun.manage' },
];

describe.each(backends())('role matrix on %s', (backend) => {
  let t: TestApp;
  const agents = new Map<string, Agent>();
  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const u of DEMO_USERS) agents.set(u, await signIn(t, u));
  });
  afterAll(() => t.close());

  it.each(DEMO_USERS)('%s gets exactly what its role grants', async (user) => {
    const agent = agents.get(user)!;
    const granted = GRANTS[ROLE_OF[user]];
    for (const e of ENDPOINTS) {
      const res = await agent.request(e.method, e.url, e.body ?? (e.method === 'GET' ? undefined : {}));
      const label = `${user} ${e.method} ${e.url} → ${res.statusCode}`;
      if (granted.includes(e.needs)) expect(res.statusCode, label).not.toBe(403);
      else {
        expect(res.statusCode, label).toBe(403);
        expect(res.json().error.code, label).toBe('FORBIDDEN');
      }
    }
  });
});
