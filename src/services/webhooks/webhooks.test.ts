import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, webhookDeliveries } from '../../db/schema.js';
import { openDatabase, type Database } from '../../db/client.js';
import { backoff } from '../../domain/webhooks/webhooks.js';
import { backends, signIn, signInAgain, startTestApp, type Agent, type TestApp } from '../../../test/harness.js';
import { taskBody, unitIdOf } from '../../../test/factories.js';
import { runDailyWarnings } from '../warnings/daily-job.js';
import { deliverDue, enqueueFromNotifications } from './deliveries.js';

const DAY = 86_400_000;
const MIN = 60_000;

interface Stub {
  base: string;
  received: { path: string; query: URLSearchParams; body: { msgtype: string; text: { content: string } } }[];
  rejected: number;
  close(): Promise<void>;
}

/**
 * A group robot on 127.0.0.1. With a secret it checks DingTalk's signature as DingTalk does (recomputed from
 * `timestamp` and the shared secret): `{errcode:0}`, or 400 with `{errcode:310000}`. `fail` answers 500 always.
 */
async function robot(opts: { secret?: string; fail?: boolean; delayMs?: number } = {}): Promise<Stub> {
  const stub = { received: [], rejected: 0 } as unknown as Stub;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      setTimeout(() => {
        if (opts.fail) return answer(500, { message: 'robot down' });
        const url = new URL(req.url!, 'http://127.0.0.1');
        if (opts.secret) {
          const ts = url.searchParams.get('timestamp') ?? '';
          const expected = createHmac('sha256', opts.secret).update(`${ts}\n${opts.secret}`).digest('base64');
          if (!ts || url.searchParams.get('sign') !== expected) {
            stub.rejected++;
            return answer(400, { errcode: 310000, errmsg: 'sign not match' });
          }
        }
        stub.received.push({
          path: url.pathname,
          query: url.searchParams,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        answer(200, { errcode: 0, errmsg: 'ok' });
      }, opts.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}

describe.each(backends())('group-robot webhooks on %s', (backend) => {
  let t: TestApp;
  let sup: Agent;
  let clerk: Agent;
  let head: Agent;
  let swj: string;
  let gxj: string;
  let taskId: string;
  const SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
  const stubs: Record<string, Stub> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(backend, { webhooks: { allowLocal: true } }); // 2 March 2026, 09:00 Beijing time
    sup = await signIn(t, 'duchashi');
    clerk = await signIn(t, 'swj.clerk');
    head = await signIn(t, 'gxj.head');
    swj = await unitIdOf(t, 'SWJ');
    gxj = await unitIdOf(t, 'GXJ');
    const { id } = (await sup.post('/api/tasks', await taskBody(t, { deadline: '2026-03-04', milestones: [] }))).json();
    taskId = id;
    await sup.post(`/api/tasks/${id}/actions/assign`, {});
    stubs.signed = await robot({ secret: SECRET });
    stubs.wecom = await robot();
    stubs.down = await robot({ fail: true });
    stubs.quiet = await robot();
    stubs.late = await robot({ delayMs: 20 });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(Object.values(stubs).map((s) => s.close()));
  });

  const create = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/webhooks', body);

  it('lets 督查室 add robots for any unit; the secret and token are masked everywhere', async () => {
    const res = await create(sup, {
      unitId: swj,
      kind: 'dingtalk',
      url: `${stubs.signed!.base}/robot/send?access_token=tokenSWJ0001`,
      secret: SECRET,
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    ids.signed = c.id;
    expect(c.secret).not.toBe(SECRET);
    expect(c.secret).toMatch(/^\*+abcd$/);
    expect(c.hasSecret).toBe(true);
    expect(c.url).not.toContain('tokenSWJ0001');
    expect(JSON.stringify((await sup.get('/api/webhooks')).json())).not.toContain(SECRET.slice(3, 20));
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, c.id));
    expect(audit.map((a) => a.action)).toEqual(['webhook.create']);
    expect(JSON.stringify(audit)).not.toContain(SECRET.slice(3, 20));

    for (const [name, kind, extra] of [
      ['wecom', 'wecom', {}],
      ['down', 'dingtalk', {}],
      ['quiet', 'wecom', { quietStart: '08:00', quietEnd: '10:00' }],
    ] as const) {
      const path = kind === 'wecom' ? '/cgi-bin/webhook/send?key=k' : '/robot/send?access_token=t';
      const r = await create(sup, { unitId: swj, kind, url: `${stubs[name]!.base}${path}-${name}`, ...extra });
      expect(r.statusCode).toBe(201);
      ids[name] = r.json().id;
    }
  });

  it('checks robot URLs: the robots’ own https hosts, and quiet hours as HH:MM', async () => {
    const bad = await create(sup, { unitId: swj, kind: 'dingtalk', url: 'https://evil.example/robot/send?access_token=x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('oapi.dingtalk.com');
    const http = await create(sup, { unitId: swj, kind: 'wecom', url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' });
    expect(http.statusCode).toBe(422);
    const noKey = await create(sup, { unitId: swj, kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' });
    expect(noKey.statusCode).toBe(422);
    const quiet = await create(sup, {
      unitId: swj,
      kind: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
      quietStart: '25:00',
      quietEnd: '07:00',
    });
    expect(quiet.statusCode).toBe(422);
  });

  it('keeps each unit’s robots to that unit: a clerk reads but cannot change, other units see nothing', async () => {
    const mine = (await clerk.get('/api/webhooks')).json();
    expect(mine.items.map((c: { id: string }) => c.id).sort()).toEqual(Object.values(ids).sort());
    expect(JSON.stringify(mine)).not.toContain(SECRET.slice(3, 20));
    expect((await clerk.patch(`/api/webhooks/${ids.signed}`, { quietStart: null })).statusCode).toBe(403);
    expect((await clerk.post(`/api/webhooks/${ids.signed}/deactivate`)).statusCode).toBe(403);
    expect((await create(clerk, { unitId: swj, kind: 'wecom', url: `${stubs.wecom!.base}/x?key=1` })).statusCode).toBe(403);
    expect((await clerk.get('/api/webhooks/deliveries')).statusCode).toBe(403);

    // 工信局's head: its own unit's robot yes, 商务局's no
    expect((await head.get('/api/webhooks')).json().items).toEqual([]);
    expect((await head.get(`/api/webhooks/${ids.signed}`)).statusCode).toBe(404);
    expect((await head.patch(`/api/webhooks/${ids.signed}`, { active: false })).statusCode).toBe(404);
    expect((await head.post(`/api/webhooks/${ids.signed}/test`)).statusCode).toBe(404);
    expect((await create(head, { unitId: swj, kind: 'wecom', url: `${stubs.wecom!.base}/x?key=1` })).statusCode).toBe(403);
    const own = await create(head, { unitId: gxj, kind: 'wecom', url: `${stubs.wecom!.base}/cgi-bin/webhook/send?key=gxj` });
    expect(own.statusCode).toBe(201);
    expect((await clerk.get(`/api/webhooks/${own.json().id}`)).statusCode).toBe(404);
    const off = await head.post(`/api/webhooks/${own.json().id}/deactivate`);
    expect(off.json().active).toBe(false);
  });

  it('sends a signed test message now, and reports a robot that refuses the signature', async () => {
    const ok = await sup.post(`/api/webhooks/${ids.signed}/test`);
    expect(ok.json()).toEqual({ ok: true });
    expect(stubs.signed!.received).toHaveLength(1);
    expect(stubs.signed!.received[0]!.body.text.content).toContain('测试消息');
    expect(stubs.signed!.received[0]!.query.get('access_token')).toBe('tokenSWJ0001');

    expect((await sup.patch(`/api/webhooks/${ids.signed}`, { secret: 'SECwrong' })).statusCode).toBe(200);
    const refused = (await sup.post(`/api/webhooks/${ids.signed}/test`)).json();
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('310000');
    expect(stubs.signed!.rejected).toBe(1);
    await sup.patch(`/api/webhooks/${ids.signed}`, { secret: SECRET });
    stubs.signed!.received.length = 0;
    stubs.signed!.rejected = 0;
  });

  const deliveriesOf = (name: string) =>
    t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.configId, ids[name]!));

  it('the daily job posts each light reminder to the lead unit’s robots, signed; quiet hours and failures wait', async () => {
    t.clock.advance(3 * DAY); // 5 March, 09:00: the task is overdue
    const out = await runDailyWarnings(t.database.db, t.clock, 'test');
    expect(out.ran).toBe(true);
    const signed = await deliveriesOf('signed');
    const n = signed.length;
    expect(n).toBeGreaterThan(0);
    expect(out.webhooks).toBe(4 * n); // four active 商务局 robots (工信局's is off)
    expect(signed.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    expect(signed.filter((d) => d.taskId === taskId)).toHaveLength(1);
    expect(stubs.signed!.rejected).toBe(0);
    expect(stubs.signed!.received).toHaveLength(n);
    expect(stubs.signed!.received.map((r) => r.body.text.content).join('\n')).toMatch(
      /【逾期预警】AY-2026-\d{3}“出台促进消费的若干举措”/,
    );
    expect(stubs.wecom!.received).toHaveLength(n);
    expect(stubs.wecom!.received[0]!.body.msgtype).toBe('text');

    const down = await deliveriesOf('down');
    expect(down.every((d) => d.status === 'pending' && d.attempts === 1 && /HTTP 500/.test(d.lastError ?? ''))).toBe(true);
    expect(down[0]!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + MIN);

    const quiet = await deliveriesOf('quiet');
    expect(quiet.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
    expect(quiet[0]!.nextAttemptAt.toISOString()).toBe(new Date('2026-03-05T10:00:00+08:00').toISOString());
    expect(stubs.quiet!.received).toHaveLength(0);
  });

  it('retries with backoff, then marks the delivery failed, visible to 督查室', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      t.clock.advance(backoff(attempt) - 1000);
      await deliverDue(t.database.db, t.clock);
      expect((await deliveriesOf('down')).every((d) => d.attempts === attempt)).toBe(true); // not yet due
      t.clock.advance(1000);
      await deliverDue(t.database.db, t.clock);
      expect((await deliveriesOf('down')).every((d) => d.attempts === attempt + 1)).toBe(true);
    }
    const down = await deliveriesOf('down');
    expect(down.every((d) => d.status === 'failed' && d.attempts === 5)).toBe(true);
    const n = down.length;

    // quiet hours ended at 10:00 (now 11:36): those went out on the first run after
    const quiet = await deliveriesOf('quiet');
    expect(quiet.every((d) => d.status === 'sent' && d.sentAt! >= new Date('2026-03-05T10:00:00+08:00'))).toBe(true);
    expect(stubs.quiet!.received).toHaveLength(n);

    sup = await signInAgain(t, 'duchashi');
    const failed = (await sup.get('/api/webhooks/deliveries?status=failed')).json();
    expect(failed.total).toBe(n);
    expect(failed.items[0]).toMatchObject({ configId: ids.down, status: 'failed', attempts: 5, kind: 'dingtalk' });
    expect(failed.items[0].lastError).toContain('HTTP 500');
    expect(failed.items[0].unitName).toContain('商务局');
  });

  it('delivers each reminder once per robot, even with deliverDue running twice at once', async () => {
    const added = await create(sup, { unitId: swj, kind: 'wecom', url: `${stubs.late!.base}/cgi-bin/webhook/send?key=late` });
    ids.late = added.json().id;
    const n = (await deliveriesOf('signed')).length;
    expect(await enqueueFromNotifications(t.database.db, t.clock.now())).toBe(n); // only the new robot's
    expect(await enqueueFromNotifications(t.database.db, t.clock.now())).toBe(0);
    let other: Database | null = null;
    if (backend === 'postgres') {
      const r = (await t.database.db.execute(sql`SELECT current_database() AS name`)) as unknown as { rows: { name: string }[] };
      other = await openDatabase({ url: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${r.rows[0]!.name}`) });
    }
    try {
      const [a, b] = await Promise.all([deliverDue(t.database.db, t.clock), deliverDue((other ?? t.database).db, t.clock)]);
      expect(a.sent + b.sent).toBe(n);
    } finally {
      await other?.close();
    }
    expect(stubs.late!.received).toHaveLength(n);
    const late = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.configId, ids.late!), eq(webhookDeliveries.status, 'sent')));
    expect(late.every((d) => d.attempts === 1)).toBe(true);
    expect(late).toHaveLength(n);
    expect((await deliverDue(t.database.db, t.clock)).sent).toBe(0);
    expect(stubs.signed!.received).toHaveLength(n); // nobody got anything twice
  });
});
