import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { appliedMigrationCount, migrateTo } from '../db/migrate.js';

export async function migrateCommand(config: Config): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.withMigrationLock((db) => migrateTo(database, db));
    console.log(
      `数据库已是最新 (database up to date): ${await appliedMigrationCount(database.db)} migrations applied, driver ${database.driver}`,
    );
  } finally {
    await database.close();
  }
}
