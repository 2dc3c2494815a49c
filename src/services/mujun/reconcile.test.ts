import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { bootstrap } from '../setup/bootstrap.js';
import { systemActor, type Ctx } from '../context.js';
import { TestClock, backends, freshDatabase } from '../../../test/harness.js';
import { mergedRecords, reconciliation } from './reconcile.js';
import { storeUpload } from './uploads.js';

const A = '91360302MA3ABUR052';
const B = '913603027351505950';

describe.each(backends())('merging department uploads on %s', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  let ctx: Ctx;
  const clock = new TestClock();

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(backend));
    await bootstrap(database, { demo: false, clock });
    ctx = { db: database.db, clock, actor: systemActor(), ip: null };
  });
  afterAll(() => drop());

  const put = (source: string, fields: string[], records: Record<string, string | number | null>[], year = 2030) =>
    database.db.transaction((tx) =>
      storeUpload(tx, ctx, { year, source, fileName: `${source}.csv`, sha256: 'x', size: 1, fields, records }),
    );

  it('merges the latest upload of each source: fields union, flags union, name by source order', async () => {
    await put('tax', ['tax'], [{ uscc: A, name: '甲公司（税务）', tax: 1 }]);
    clock.advance(1000);
    await put(
      'tax',
      ['tax'],
      [
        { uscc: A, name: '甲公司（税务）', tax: 5 },
        { uscc: B, name: '乙公司', tax: 7 },
        { uscc: B, name: '乙公司', tax: 8 },
      ],
    );
    await put(
      'land',
      ['town', 'land_mu', 'tenants', 'landlord_uscc'],
      [{ uscc: A, name: '甲公司', town: '青山镇', land_mu: 10, tenants: 0, landlord_uscc: null }],
    );
    await put('tech', ['rd_expense', 'flags'], [{ uscc: A, name: '甲公司', rd_expense: 3, flags: 'high_tech' }]);
    await put('industry', ['flags'], [{ uscc: A, name: '甲公司', flags: 'specialized;high_tech' }]);

    const { records, uploadIds } = await mergedRecords(database.db, 2030);
    expect(uploadIds).toHaveLength(4);
    const a = records.find((r) => r['uscc'] === A)!;
    expect(a).toMatchObject({
      name: '甲公司',
      town: '青山镇',
      land_mu: 10,
      tax: 5,
      rd_expense: 3,
      flags: 'high_tech;specialized',
    });
    expect(records.find((r) => r['uscc'] === B)).toMatchObject({ name: '乙公司', tax: 7 });

    const rec = await reconciliation(ctx, 2030);
    expect(rec.enterprises).toBe(2);
    expect(rec.duplicates).toEqual([{ source: 'tax', uscc: B, count: 2 }]);
    expect(rec.missing).toEqual([{ source: 'land', uscc: B, name: '乙公司' }]);
    expect(rec.nameConflicts).toEqual([
      {
        uscc: A,
        names: [
          { source: 'land', name: '甲公司' },
          { source: 'tax', name: '甲公司（税务）' },
          { source: 'tech', name: '甲公司' },
          { source: 'industry', name: '甲公司' },
        ],
      },
    ]);
  });

  it('flags values at least three times or at most a third of last year', async () => {
    await put('tax', ['tax'], [{ uscc: A, name: '甲公司', tax: 1.5 }], 2029);
    await put('land', ['town', 'land_mu', 'tenants', 'landlord_uscc'], [{ uscc: A, name: '甲公司', land_mu: 31 }], 2029);
    const rec = await reconciliation(ctx, 2030);
    expect(rec.outliers).toEqual([
      { uscc: A, name: '甲公司', field: 'land_mu', value: 10, lastYear: 31, ratio: 10 / 31 },
      { uscc: A, name: '甲公司', field: 'tax', value: 5, lastYear: 1.5, ratio: 5 / 1.5 },
    ]);
  });
});
