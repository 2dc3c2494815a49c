import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { jobRuns, notifications, taskLights } from '../../db/schema.js';
import { openDatabase } from '../../db/client.js';
import { backends, signIn, signInAgain, startTestApp, type Agent, type TestApp } from '../../../test/harness.js';
import { taskBody } from '../../../test/factories.js';
import { runDailyWarnings } from './daily-job.js';

const DAY = 86_400_000;

describe.each(backends())('三色预警 and reminders on %s', (backend) => {
  let t: TestApp;
  let sup: Agent;
  let clerk: Agent;
  let taskId: string;
  beforeAll(async () => {
    t = await startTestApp(backend); // test clock: 2 March 2026, 09:00 Beijing time
    sup = await signIn(t, 'duchashi');
    clerk = await signIn(t, 'swj.clerk');
    const { id } = (await sup.post('/api/tasks', await taskBody(t, { deadline: '2026-03-04', milestones: [] }))).json();
    taskId = id;
    await sup.post(`/api/tasks/${id}/actions/assign`, {});
    await clerk.post(`/api/tasks/${id}/actions/sign`, {});
  });
  afterAll(() => t.close());

  const lightOf = async () =>
    (await sup.get(`/api/tasks?pageSize=100`)).json().items.find((r: { id: string }) => r.id === taskId)?.light;

  it('lights a task on every change: blue two days before its deadline', async () => {
    expect(await lightOf()).toBe('blue');
    expect((await sup.get('/api/tasks?light=blue')).json().items.map((r: { id: string }) => r.id)).toContain(taskId);
    expect((await sup.get('/api/tasks?light=purple')).statusCode).toBe(422);
  });

  it('the daily job turns it red after the deadline, keeps the history, and reminds the lead unit once', async () => {
    t.clock.advance(3 * DAY); // 5 March: the sessions idled out
    sup = await signInAgain(t, 'duchashi');
    clerk = await signInAgain(t, 'swj.clerk');
    const first = await runDailyWarnings(t.database.db, t.clock, 'test-a');
    expect(first.ran).toBe(true);
    expect(await lightOf()).toBe('red');
    const history = await t.database.db.select().from(taskLights).where(eq(taskLights.taskId, taskId));
    expect(history.map((h) => h.light)).toEqual(['blue', 'red']);
    const again = await runDailyWarnings(t.database.db, t.clock, 'test-b');
    expect(again).toEqual({ ran: false, runKey: '2026-03-05' });
    const mine = (await clerk.get('/api/notifications')).json();
    const reminders = mine.items.filter((n: { kind: string }) => n.kind === 'light.red');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toMatch(/^【逾期预警】AY-2026-\d{3}“出台促进消费的若干举措”（区商务局）：已超过完成时限 1 天/);
    // 督查室 is not the lead unit: no reminder for it
    expect((await sup.get('/api/notifications')).json().total).toBe(0);
  });

  it('a task leaves red only when the cause is cleared', async () => {
    t.clock.advance(DAY);
    sup = await signInAgain(t, 'duchashi');
    clerk = await signInAgain(t, 'swj.clerk');
    await clerk.post(`/api/tasks/${taskId}/reports`, { text: '加快推进中', percent: 90 });
    expect(await lightOf()).toBe('red'); // still past the deadline
    await clerk.post(`/api/tasks/${taskId}/actions/request_completion`, { comment: '已完成' });
    await sup.post(`/api/tasks/${taskId}/actions/approve_completion`, {});
    expect(await lightOf()).toBeNull(); // closed: no light
    const history = await t.database.db.select().from(taskLights).where(eq(taskLights.taskId, taskId));
    expect(history.map((h) => h.light)).toEqual(['blue', 'red', null]);
  });

  it('lets a user read and mark only their own notifications', async () => {
    const n = (await clerk.get('/api/notifications')).json().items[0];
    expect((await sup.post(`/api/notifications/${n.id}/read`)).statusCode).toBe(404);
    expect((await clerk.post(`/api/notifications/${n.id}/read`)).statusCode).toBe(204);
    expect((await clerk.get('/api/notifications?unread=true')).json().total).toBe(0);
  });

  it('lets 督查室 edit the rules and templates, validated', async () => {
    const s = (await sup.get('/api/warnings/settings')).json();
    expect(s.rules).toEqual({ blueDays: 3, lagTolerance: 20, yellowOnMissedReport: true });
    const bad = await sup.put('/api/warnings/settings', { ...s, templates: { ...s.templates, red: '{nope} 逾期' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('{nope}');
    const ok = await sup.put('/api/warnings/settings', { rules: { ...s.rules, blueDays: 5 }, templates: s.templates });
    expect(ok.statusCode).toBe(200);
    expect((await clerk.put('/api/warnings/settings', s)).statusCode).toBe(403);
  });
});

describe.each(backends().filter((b) => b === 'postgres'))('the daily job on two instances (%s)', (backend) => {
  it('run twice concurrently, it sends each reminder once', async () => {
    const t = await startTestApp(backend);
    try {
      const sup = await signIn(t, 'duchashi');
      for (const deadline of ['2026-03-01', '2026-02-20']) {
        const { id } = (await sup.post('/api/tasks', await taskBody(t, { deadline, milestones: [] }))).json();
        await sup.post(`/api/tasks/${id}/actions/assign`, {});
      }
      const other = await openDatabase({ url: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${await currentDb(t)}`) });
      try {
        const [a, b] = await Promise.all([
          runDailyWarnings(t.database.db, t.clock, 'instance-a'),
          runDailyWarnings(other.db, t.clock, 'instance-b'),
        ]);
        expect([a.ran, b.ran].sort()).toEqual([false, true]);
        const sent = (await t.database.db.select({ n: count() }).from(notifications))[0]!.n;
        expect(sent).toBe(2); // two red tasks × the one 商务局 account (swj.clerk)
        expect((await t.database.db.select({ n: count() }).from(jobRuns))[0]!.n).toBe(1);
      } finally {
        await other.close();
      }
    } finally {
      await t.close();
    }
  });
});

async function currentDb(t: TestApp): Promise<string> {
  const res = (await t.database.db.execute((await import('drizzle-orm')).sql`SELECT current_database() AS name`)) as unknown as {
    rows: { name: string }[];
  };
  return res.rows[0]!.name;
}
