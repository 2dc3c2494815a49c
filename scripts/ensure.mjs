#!/usr/bin/env node
// Makes a fresh clone ready: installs the locked dependencies when they are missing or stale, and builds the web
// app and the CLI bundle (dist/cli, see scripts/build-cli.mjs) when their sources are newer than the build. Used by
// `npm start` and `npm test`, so each is one command.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const installed = join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed)) {
  console.log('> installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
} else if (mtime(join(root, 'package-lock.json')) > mtime(installed)) {
  console.log('> package-lock.json changed: npm install…');
  run('npm install --no-audit --no-fund');
}

const built = join(root, 'web/dist/index.html');
const sources = Math.max(newest(join(root, 'web')), mtime(join(root, 'vite.config.ts')));
if (process.argv.includes('--web') && (!existsSync(built) || sources > mtime(built))) {
  console.log('> building the web app (vite build)…');
  run('npx vite build --logLevel warn');
}
if (process.argv.includes('--web')) {
  const { bundleIsFresh } = await import('./cli-bundle.mjs');
  // optional: without a fresh bundle the CLI runs through tsx, so a failed build warns instead of stopping start/test
  if (!bundleIsFresh()) {
    try {
      run(`${JSON.stringify(process.execPath)} scripts/build-cli.mjs`);
    } catch {
      console.warn('> the CLI bundle was not built; `luoshi` runs through tsx');
    }
  }
}
