import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settings } from '../../db/schema.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import { DEFAULT_LIGHT_RULES } from '../../domain/warnings/lights.js';
import { bootstrap } from '../setup/bootstrap.js';
import { lightRules } from '../warnings/rules.js';
import { scoreScheme } from '../scoring/settings.js';
import { DEFAULT_SCHEME } from '../../domain/scoring/scheme.js';
import { TestClock, backends, freshDatabase } from '../../../test/harness.js';
import { defineSetting, getSetting, lockSetting, putSetting } from './read.js';

describe.each(backends())('the settings reader on %s', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(backend));
    await bootstrap(database, { demo: false, clock: new TestClock() });
  });
  afterAll(() => drop());

  const counter = defineSetting('test_counter', z.object({ n: z.number().int() }), () => ({ n: 0 }));

  it('answers the fallback without a row, the stored value after a put, and replaces on a second put', async () => {
    const db = database.db;
    expect(await getSetting(db, counter)).toEqual({ n: 0 });
    await putSetting(db, counter, { n: 2 });
    expect(await getSetting(db, counter)).toEqual({ n: 2 });
    await putSetting(db, counter, { n: 5 });
    expect(await getSetting(db, counter)).toEqual({ n: 5 });
  });

  it('refuses a stored value its schema rejects, naming the key', async () => {
    await database.db.insert(settings).values({ key: 'test_bad', value: { n: 'three' } });
    const bad = defineSetting('test_bad', z.object({ n: z.number() }), () => ({ n: 0 }));
    const e = await getSetting(database.db, bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toContain('test_bad');
    expect((e as AppError).message).toContain('n');
  });

  it('locks a row for read-modify-write, creating it from the fallback', async () => {
    const tally = defineSetting('test_tally', z.record(z.string(), z.number()), () => ({}) as Record<string, number>);
    // concurrent increments in their own transactions lose nothing
    await Promise.all(
      Array.from({ length: 5 }, () =>
        database.db.transaction(async (tx) => {
          const all = { ...(await lockSetting(tx, tally)) };
          all['x'] = (all['x'] ?? 0) + 1;
          await putSetting(tx, tally, all);
        }),
      ),
    );
    expect(await getSetting(database.db, tally)).toEqual({ x: 5 });
  });

  it('fills the parts an older stored value lacks with their defaults (warning rules, score scheme)', async () => {
    await database.db.insert(settings).values({ key: 'warning_rules', value: { blueDays: 9 } });
    expect(await lightRules(database.db)).toEqual({ ...DEFAULT_LIGHT_RULES, blueDays: 9 });
    await database.db.insert(settings).values({ key: 'score_scheme', value: { base: 80, quality: { good: 1 } } });
    expect(await scoreScheme(database.db)).toEqual({
      ...DEFAULT_SCHEME,
      base: 80,
      quality: { ...DEFAULT_SCHEME.quality, good: 1 },
    });
  });
});
