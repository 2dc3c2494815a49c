import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { buildApp } from '../http/app.js';
import { bootstrap, type Credential } from '../services/setup/bootstrap.js';
import { systemClock } from '../services/context.js';
import { startScheduler } from '../services/warnings/scheduler.js';

export function printCredentials(credentials: Credential[]): void {
  if (!credentials.length) return;
  console.log('\n首次启动：已生成以下账号的初始密码，仅显示这一次，首次登录须修改。');
  console.log('First start: generated passwords, shown this once only; each must be changed at first login.\n');
  const w = Math.max(...credentials.map((c) => c.username.length));
  for (const c of credentials) console.log(`  ${c.username.padEnd(w)}  ${c.password}  ${c.roleLabel} (${c.role})`);
  console.log('');
}

export async function serve(config: Config, districtName?: string): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const result = await bootstrap(database, { demo: config.demo, demoTasks: config.demo, districtName });
  const app = await buildApp({
    database,
    logger: process.env.LOG_REQUESTS === '1',
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    loginRateLimit: config.loginRateLimit,
  });
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = config.jobs ? startScheduler(database.db, systemClock, config.jobIntervalMinutes) : () => undefined;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  if (result.demoLoaded) console.log('已载入示范区数据 (demo district loaded).');
  printCredentials(result.credentials);
  console.log(`落实 Luoshi 已启动: http://localhost:${config.port}  — database: ${where}`);
  const stop = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
