import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../../test/harness.js';

describe('health, meta and the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('reports version and database state', async () => {
    const res = await new Agent(t).get('/api/health');
    expect(res.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { driver: 'pglite', ok: true },
    });
  });
  it('gives the district name and role labels without a session', async () => {
    const meta = (await new Agent(t).get('/api/meta')).json();
    expect(meta.districtName).toBe('安源区');
    expect(meta.roles).toContainEqual({ id: 'auditor', zh: '安全审计员', en: 'Auditor' });
  });
  it('documents every route with its input schema', async () => {
    const doc = (await new Agent(t).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units/{id}', '/api/audit', '/api/accounts/{id}/roles']),
    );
    const body = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['username', 'password']);
  });
  it('answers unknown API paths with the error envelope', async () => {
    const res = await new Agent(t).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
