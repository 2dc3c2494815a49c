#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and what it imports, and the CSV reader's worker src/services/mujun/csv-worker.ts;
// npm packages stay external) into dist/cli with esbuild, so
// bin/luoshi.mjs can start `evaluate` / `meeting` without tsx. dist/cli sits at the depth of src/cli, so
// `new URL('../../package.json', import.meta.url)` resolves the same from both; the build checks every such URL in the
// code the bundled commands load. `--if-stale` builds only when an input is newer than the bundle.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, ROOT, bundleIsFresh } from './cli-bundle.mjs';

export async function buildCli({ root = ROOT, outDir = BUNDLE_DIR, quiet = false } = {}) {
  const { build } = await import('esbuild'); // loaded only when building, so `--if-stale` on a fresh bundle is quick
  const started = new Date();
  const tmp = join(root, 'dist', `.cli-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: root,
      // the CSV reader's worker thread (src/services/mujun/csv-parallel.ts loads ./csv-worker.js when it exists)
      entryPoints: { main: 'src/cli/main.ts', 'csv-worker': 'src/services/mujun/csv-worker.ts' },
      outdir: tmp,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      metafile: true,
      logLevel: 'warning',
    });
    checkModuleUrls(result.metafile, tmp, outDir, quiet);
    // the stamp's mtime is the start of the build: a source saved during the build leaves the bundle stale
    writeFileSync(join(tmp, '.stamp'), `esbuild bundle of src/cli/main.ts, built ${started.toISOString()}\n`);
    utimesSync(join(tmp, '.stamp'), started, started);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true }); // the old dist/cli stays, stale, so it is not used
    throw err;
  }
  mkdirSync(join(outDir, '..'), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
}

/**
 * Every `new URL('<literal>', import.meta.url)` in the chunks main.js loads statically (the bundled commands: help,
 * version, evaluate, meeting) must name an existing file when resolved from dist/cli. Chunks loaded only by `serve`,
 * `migrate` and `reset-password` are reported, not fatal: bin/luoshi.mjs runs those through tsx.
 */
function checkModuleUrls(metafile, tmp, outDir, quiet) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([f, o]) => [basename(f), o]));
  const eager = new Set();
  const visit = (name) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const i of outputs[name]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(basename(i.path));
  };
  visit('main.js');
  const base = pathToFileURL(join(outDir, 'main.js'));
  const problems = [];
  for (const name of Object.keys(outputs).filter((n) => n.endsWith('.js'))) {
    const code = readFileSync(join(tmp, name), 'utf8');
    for (const m of code.matchAll(/new URL\(\s*(["'`])([^"'`]*)\1\s*,\s*import\.meta\.url\s*\)/g)) {
      if (existsSync(fileURLToPath(new URL(m[2], base)))) continue;
      if (existsSync(fileURLToPath(new URL(m[2], pathToFileURL(join(tmp, 'main.js')))))) continue; // part of the bundle
      const msg = `${name}: new URL(${JSON.stringify(m[2])}, import.meta.url) does not resolve from dist/cli`;
      if (eager.has(name)) problems.push(msg);
      else if (!quiet)
        console.warn(`build-cli: note: ${msg} (only \`serve\` / \`migrate\` / \`reset-password\` load it; they run through tsx)`);
    }
  }
  if (problems.length) {
    throw new Error(`build-cli: the bundled commands would read missing files:\n  ${problems.join('\n  ')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quiet = process.argv.includes('--quiet');
  if (process.argv.includes('--if-stale') && bundleIsFresh()) process.exit(0);
  if (!quiet) console.log('> bundling the CLI (esbuild → dist/cli)…');
  try {
    await buildCli({ quiet });
  } catch (err) {
    // `--optional` (npm's prepare, run by `npm ci` / `npm install`): a failed build must not fail the install, since
    // bin/luoshi.mjs then runs the CLI through tsx
    if (!process.argv.includes('--optional')) throw err;
    console.warn(
      `build-cli: the CLI bundle was not built (${err instanceof Error ? err.message : err}); luoshi runs through tsx`,
    );
  }
}
