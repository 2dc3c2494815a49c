#!/usr/bin/env node
// Runs the CLI from the esbuild bundle in dist/cli (scripts/build-cli.mjs) when the command is one the bundle serves
// (help, --version, evaluate, meeting) and the bundle is newer than every file under src/, package.json, tsconfig.json
// and the build script; otherwise through tsx's loader, so there is no required server build step. A stale bundle is
// never run. LUOSHI_NO_BUNDLE=1 always uses tsx.
import { bundleFor } from '../scripts/cli-bundle.mjs';

const bundle = bundleFor();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
