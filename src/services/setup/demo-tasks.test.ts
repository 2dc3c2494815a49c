import { describe, expect, it } from 'vitest';
import { count, isNotNull } from 'drizzle-orm';
import { directives, tasks, taskEvents } from '../../db/schema.js';
import { TASK_STATUSES } from '../../domain/tasks/workflow.js';
import { freshDatabase } from '../../../test/harness.js';
import { bootstrap } from './bootstrap.js';
import { planDemoTasks } from './demo-tasks.js';

describe('demo key tasks', () => {
  it('plan a valid history whatever the day of loading', () => {
    const start = Date.UTC(2026, 0, 1, 1);
    for (let day = 0; day < 400; day += 3) {
      const steps = planDemoTasks(new Date(start + day * 86_400_000 + (day % 24) * 3_600_000));
      expect(steps.length).toBeGreaterThan(100);
    }
  });

  it('replay through the services into every state, on the first start only', async () => {
    const { database, drop } = await freshDatabase('pglite');
    try {
      await bootstrap(database, { demo: true, demoTasks: true });
      const byStatus = await database.db.select({ status: tasks.status, n: count() }).from(tasks).groupBy(tasks.status);
      expect(byStatus.map((r) => r.status).sort()).toEqual([...TASK_STATUSES].sort());
      const total = byStatus.reduce((a, r) => a + Number(r.n), 0);
      expect(total).toBeGreaterThanOrEqual(20);
      const [numbered] = await database.db.select({ number: tasks.number }).from(tasks).limit(1);
      expect(numbered!.number).toMatch(/^AY-\d{4}-\d{3}/);
      // the founding meeting is filed with its six directives, and its demo tasks carry them out
      const ds = await database.db.select().from(directives);
      expect(ds.map((d) => d.marker)).toEqual(['第一', '第二', '第三', '第四', '第五', '第六']);
      const linked = await database.db.select({ n: count() }).from(tasks).where(isNotNull(tasks.directiveId));
      expect(linked[0]!.n).toBeGreaterThanOrEqual(15);
      const events = (await database.db.select({ n: count() }).from(taskEvents))[0]!.n;
      await bootstrap(database, { demo: true, demoTasks: true });
      expect((await database.db.select({ n: count() }).from(taskEvents))[0]!.n).toBe(events);
    } finally {
      await drop();
    }
  });
});
