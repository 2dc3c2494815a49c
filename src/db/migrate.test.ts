import { afterAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { readdirSync } from 'node:fs';
import { auditEvents, people, units, users } from './schema.js';
import { MIGRATIONS_FOLDER, appliedMigrationCount } from './migrate.js';
import { openDatabase } from './client.js';
import { bootstrap } from '../services/setup/bootstrap.js';
import { TEST_DATABASE_URL, backends, freshDatabase } from '../../test/harness.js';

const migrationFiles = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length;

describe.each(backends())('migrations and first start on %s', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('apply from empty, load the demo once, and a second start changes nothing', async () => {
    const { database, drop } = await freshDatabase(backend);
    cleanups.push(drop);
    const first = await bootstrap(database, { demo: true });
    expect(first.demoLoaded).toBe(true);
    expect(first.credentials.map((c) => c.role).sort()).toEqual([
      'auditor',
      'enterprise',
      'evaluator',
      'leader',
      'secadmin',
      'supervisor',
      'sysadmin',
      'unit_clerk',
      'unit_clerk',
      'unit_head',
      'viewer',
    ]);
    expect(await appliedMigrationCount(database.db)).toBe(migrationFiles);
    const snapshot = async () =>
      Promise.all(
        [units, people, users, auditEvents].map(async (tbl) => (await database.db.select({ n: count() }).from(tbl))[0]!.n),
      );
    const before = await snapshot();
    const second = await bootstrap(database, { demo: true });
    expect(second).toEqual({ credentials: [], demoLoaded: false });
    expect(await snapshot()).toEqual(before);
    expect(await appliedMigrationCount(database.db)).toBe(migrationFiles);
  });

  it('without the demo creates only the three administrators', async () => {
    const { database, drop } = await freshDatabase(backend);
    cleanups.push(drop);
    const res = await bootstrap(database, { demo: false, districtName: '示例区' });
    expect(res.credentials.map((c) => c.username)).toEqual(['admin', 'secadmin', 'auditor']);
    expect((await database.db.select({ n: count() }).from(units))[0]!.n).toBe(0);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('several instances on one PostgreSQL', () => {
  it('two instances starting at once migrate and seed once', async () => {
    const { database, url, drop } = await freshDatabase('postgres');
    try {
      const other = await openDatabase({ url });
      const [a, b] = await Promise.all([bootstrap(database, { demo: true }), bootstrap(other, { demo: true })]);
      expect([a.demoLoaded, b.demoLoaded].sort()).toEqual([false, true]);
      expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(11);
      await other.close();
    } finally {
      await drop();
    }
  });
});
