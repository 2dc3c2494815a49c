// The prebuilt CLI bundle (dist/cli, built by scripts/build-cli.mjs): where it is, whether it is fresh, and whether a
// command may run from it. Imported by bin/luoshi.mjs on every start, so it loads nothing but node built-ins.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'dist/cli');

/**
 * The commands the bundle runs. `serve` (and the demo it loads) reads files next to its own module
 * (src/services/mujun/demo.ts, src/demo/anyuan-meeting.ts), which the bundle does not reproduce, and `migrate` /
 * `reset-password` gain nothing from a faster start; those always run through tsx. An absent command is the help.
 */
export const BUNDLED_COMMANDS = new Set([undefined, 'evaluate', 'meeting', '--version', '-V', '--help', '-h', 'help']);

/** The files the bundle is built from or with: every file and folder under src/ plus these. */
const INPUT_FILES = ['package.json', 'tsconfig.json', 'scripts/build-cli.mjs'];

/** The newest mtime (ms) among the bundle's inputs; a folder's mtime changes when a file in it is added or removed. */
export function newestInput(root = ROOT) {
  const src = join(root, 'src');
  let t = statSync(src).mtimeMs;
  for (const name of readdirSync(src, { recursive: true })) {
    const st = statSync(join(src, name), { throwIfNoEntry: false });
    if (!st) return Infinity; // removed while we looked (an editor's temporary file): something is changing
    t = Math.max(t, st.mtimeMs);
  }
  for (const f of INPUT_FILES) if (existsSync(join(root, f))) t = Math.max(t, statSync(join(root, f)).mtimeMs);
  return t;
}

/**
 * True when the bundle is complete and its build started after the last change to any input: `.stamp` is written last
 * by a successful build, its mtime set to the time the build started.
 */
export function bundleIsFresh(root = ROOT) {
  const dir = join(root, 'dist/cli');
  const stamp = join(dir, '.stamp');
  if (!existsSync(stamp) || !existsSync(join(dir, 'main.js'))) return false;
  return statSync(stamp).mtimeMs > newestInput(root);
}

/** The bundle's main.js path when this command should run from it, else null (run through tsx). */
export function bundleFor(args = process.argv.slice(2), env = process.env, root = ROOT) {
  if (env.LUOSHI_NO_BUNDLE === '1') return null;
  if (!BUNDLED_COMMANDS.has(args[0])) return null;
  try {
    return bundleIsFresh(root) ? join(root, 'dist/cli/main.js') : null;
  } catch {
    return null; // when in doubt, run from source
  }
}
