import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { taskBody, unitIdOf } from '../../test/factories.js';

interface Param {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  schema?: { type?: string | string[]; format?: string };
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: unknown }> } }> };
}

/**
 * Every route, every declared text input: a control character answers 422 naming the field — never 500 and never
 * a stored value. The routes come from the OpenAPI document, so a new route is covered without editing this test.
 */
describe('control characters in any text input', () => {
  let t: TestApp;
  let agents: Agent[];
  let doc: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    // one account per kind of permission; the first that is let in sends the request
    agents = [];
    for (const u of ['duchashi', 'gxj.evaluator', 'auditor', 'admin', 'secadmin', 'qiye.demo']) agents.push(await signIn(t, u));
    doc = (await agents[0]!.get('/api/openapi.json')).json();
  });
  afterAll(() => t.close());

  const fillPath = (path: string, params: Param[], bad?: string) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === bad) return 'a%00b';
      const p = params.find((x) => x.name === name);
      return p?.schema?.format === 'uuid' ? randomUUID() : p?.schema?.type === 'integer' || p?.schema?.type === 'number' ? '2025' : 'x';
    });

  async function send(method: string, url: string, body?: unknown) {
    let last;
    for (const a of agents) {
      last = await a.request(method.toUpperCase(), url, body);
      if (last.statusCode !== 401 && last.statusCode !== 403) return last;
    }
    return last!;
  }

  const expectNamed = (res: { statusCode: number; json(): unknown; body: string }, field: string, where: string) => {
    expect(res.statusCode, `${where}: ${res.body}`).toBe(422);
    const err = (res.json() as { error: { code: string; message: string; details: { field: string; message: string }[] } }).error;
    expect(err.code, where).toBe('VALIDATION');
    expect(err.details, where).toContainEqual({ field, message: '不能包含控制字符' });
    expect(err.message, where).toContain(field);
  };

  it('covers %00 in every declared query field and path parameter of every route', async () => {
    let queryCases = 0;
    let pathCases = 0;
    const named = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        for (const p of params.filter((x) => x.in === 'query')) {
          const res = await send(method, `${fillPath(path, params)}?${p.name}=a%00b`, method === 'get' ? undefined : {});
          expectNamed(res, p.name, `${method} ${url} ?${p.name}`);
          queryCases++;
          named.add(p.name);
        }
        for (const p of params.filter((x) => x.in === 'path')) {
          const res = await send(method, fillPath(path, params, p.name), method === 'get' ? undefined : {});
          expectNamed(res, p.name, `${method} ${url} :${p.name}`);
          pathCases++;
        }
      }
    }
    // the findings' filters are among them
    for (const f of ['q', 'actor', 'action', 'targetType', 'targetId', 'group', 'town', 'industry', 'class']) expect(named).toContain(f);
    expect(queryCases).toBeGreaterThan(40);
    expect(pathCases).toBeGreaterThan(20);
  });

  it('refuses TAB, CR and LF in single-line query fields, and DEL', async () => {
    for (const c of ['%09', '%0A', '%0D', '%7F', '%1B']) {
      expectNamed(await agents[0]!.get(`/api/tasks?q=a${c}b`), 'q', c);
    }
    expectNamed(await agents[0]!.get(`/api/tasks?q=a&q=b%00`), 'q', 'repeated');
  });

  it('covers a control character in every declared top-level text field of every JSON body', async () => {
    let cases = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const props = op.requestBody?.content?.['application/json']?.schema?.properties;
        if (!props) continue;
        for (const [name, s] of Object.entries(props)) {
          const type = s.type;
          if (!(type === 'string' || (Array.isArray(type) && type.includes('string')))) continue;
          const res = await send(method, fillPath(path, op.parameters ?? []), { [name]: 'a\u0000b' });
          expectNamed(res, name, `${method} ${path} body.${name}`);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(30);
  });

  it('allows TAB, LF and CR in body text but names nested fields with other control characters', async () => {
    const sup = agents[0]!;
    const res = await sup.post(
      '/api/tasks',
      await taskBody(t, { milestones: [{ name: 'ok', plannedOn: '2026-05-01' }, { name: 'a\u0007b', plannedOn: '2026-05-02' }] }),
    );
    expectNamed(res, 'milestones.1.name', 'nested');
    // multi-line text passes the check (and then meets the route's own schema)
    const ok = await sup.post('/api/tasks', await taskBody(t, { requirement: '第一行\r\n第二行\t（续）' }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('leaves nothing stored: a person named with NUL is refused', async () => {
    const admin = agents[3]!;
    const before = (await admin.get('/api/people?pageSize=200')).json().total;
    const res = await admin.post('/api/people', { name: '张\u0000三', unitId: await unitIdOf(t, 'GXJ') });
    expectNamed(res, 'name', 'people');
    expect((await admin.get('/api/people?pageSize=200')).json().total).toBe(before);
  });
});
