#!/usr/bin/env node
// `npm start`: install and build when needed, then migrate, load the demo on first start, and serve.
import { execFileSync, spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, ['scripts/ensure.mjs', '--web'], { cwd: root, stdio: 'inherit' });
const child = spawn(process.execPath, ['bin/luoshi.mjs', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
