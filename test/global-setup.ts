import { existsSync } from 'node:fs';

/** Says plainly, once per run, which backends and browsers this run covers. */
export default function setup() {
  const notices: string[] = [];
  if (!process.env.TEST_DATABASE_URL) {
    if (process.env.CI) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI');
    notices.push('NOTICE: TEST_DATABASE_URL is not set — the PostgreSQL integration tests are SKIPPED (PGlite only).');
  }
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.CI) throw new Error(`CI=true but no Chromium at ${chromium}: the browser tests must run in CI`);
    notices.push(`NOTICE: no Chromium at ${chromium} — the browser tests are SKIPPED (apt-get install chromium).`);
  }
  for (const n of notices) console.warn(`\n*** ${n}`);
}
