import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../domain/uscc/uscc.js';
// @ts-expect-error plain .mjs build helper without type declarations
import { bundleFor, bundleIsFresh } from '../../scripts/cli-bundle.mjs';
// @ts-expect-error plain .mjs build helper without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const uscc = (body: string) => body + usccCheckChar(body)!;
const PAST = new Date('2000-01-01T00:00:00Z');
const FUTURE = new Date(Date.now() + 86_400_000);

/** A root with bin/luoshi.mjs and scripts/cli-bundle.mjs copied and src, node_modules linked to this repository. */
function fakeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'luoshi-bundle-'));
  dirs.push(root);
  for (const d of ['bin', 'scripts', 'dist/cli']) mkdirSync(join(root, d), { recursive: true });
  for (const f of ['bin/luoshi.mjs', 'scripts/cli-bundle.mjs', 'scripts/build-cli.mjs', 'package.json', 'tsconfig.json']) {
    copyFileSync(join(repo, f), join(root, f));
    // copies dated in the past: a build started within the same millisecond as the copy (the stamp has millisecond
    // precision, file times finer) would otherwise count as older than its inputs, and the bundle as stale
    utimesSync(join(root, f), PAST, PAST);
  }
  symlinkSync(join(repo, 'src'), join(root, 'src'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  return root;
}

function fakeBundle(root: string, stampTime: Date) {
  writeFileSync(join(root, 'dist/cli/main.js'), "console.log('FAKE BUNDLE');\n");
  writeFileSync(join(root, 'dist/cli/.stamp'), '');
  utimesSync(join(root, 'dist/cli/.stamp'), stampTime, stampTime);
}

const luoshi = (root: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin/luoshi.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_NO_BUNDLE: '', ...env },
  });

describe('the CLI bundle (dist/cli)', () => {
  it('is fresh only when complete and stamped after every input', () => {
    const root = mkdtempSync(join(tmpdir(), 'luoshi-fresh-'));
    dirs.push(root);
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    for (const f of ['src/cli/main.ts', 'package.json']) writeFileSync(join(root, f), '');
    for (const p of ['src/cli/main.ts', 'src/cli', 'src', 'package.json']) utimesSync(join(root, p), PAST, PAST);
    expect(bundleIsFresh(root)).toBe(false); // no bundle
    writeFileSync(join(root, 'dist/cli/main.js'), '');
    expect(bundleIsFresh(root)).toBe(false); // no stamp: an unfinished build
    const stamp = new Date('2010-01-01T00:00:00Z');
    writeFileSync(join(root, 'dist/cli/.stamp'), '');
    utimesSync(join(root, 'dist/cli/.stamp'), stamp, stamp);
    expect(bundleIsFresh(root)).toBe(true);
    expect(bundleFor(['evaluate'], {}, root)).toBe(join(root, 'dist/cli/main.js'));
    expect(bundleFor(['--version'], {}, root)).not.toBeNull();
    expect(bundleFor(['evaluate'], { LUOSHI_NO_BUNDLE: '1' }, root)).toBeNull();
    for (const cmd of ['serve', 'migrate', 'reset-password']) expect(bundleFor([cmd], {}, root)).toBeNull();

    utimesSync(join(root, 'src/cli/main.ts'), FUTURE, FUTURE); // an edited source
    expect(bundleIsFresh(root)).toBe(false);
    utimesSync(join(root, 'src/cli/main.ts'), PAST, PAST);
    utimesSync(join(root, 'package.json'), FUTURE, FUTURE); // a new version or dependency
    expect(bundleIsFresh(root)).toBe(false);
    utimesSync(join(root, 'package.json'), PAST, PAST);
    writeFileSync(join(root, 'src/cli/new.ts'), ''); // a new file (also changes its folder's mtime)
    expect(bundleIsFresh(root)).toBe(false);
  });

  it('bin/luoshi.mjs never runs a stale bundle, and runs a fresh one', () => {
    const root = fakeRoot();
    fakeBundle(root, PAST); // older than src/
    const stale = luoshi(root, ['--version']);
    expect(stale.status).toBe(0);
    expect(stale.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
    expect(stale.stdout).not.toContain('FAKE BUNDLE');

    fakeBundle(root, FUTURE); // the control: a fresh bundle is what runs
    expect(luoshi(root, ['--version']).stdout).toContain('FAKE BUNDLE');
    expect(luoshi(root, ['--version'], { LUOSHI_NO_BUNDLE: '1' }).stdout).not.toContain('FAKE BUNDLE');
  });

  it('built from the sources, gives the same evaluate output as tsx', async () => {
    const root = fakeRoot();
    await buildCli({ root, outDir: join(root, 'dist/cli'), quiet: true });
    expect(bundleIsFresh(root)).toBe(true);
    const scheme = join(repo, 'src/domain/mujun/fixtures/huangyan-2023.scheme.json');
    const input = join(root, 'in.csv');
    writeFileSync(
      input,
      '统一社会信用代码,企业名称,规模,用地面积(亩),实缴税金(万元),工业增加值(万元)\n' +
        `${uscc('91331003700004001')},甲模塑有限公司,规上,50,1500,8000\n` +
        `${uscc('91331003700004011')},"子五金加工厂, 二车间",规下,10,60,\n`,
    );
    const args = ['evaluate', '--scheme', scheme, '--input', input, '--format', 'csv'];
    const bundled = luoshi(root, args);
    const tsx = luoshi(root, args, { LUOSHI_NO_BUNDLE: '1' });
    expect(tsx.status).toBe(0);
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toBe(tsx.stdout);
    expect(bundled.stderr).toBe(tsx.stderr);
    expect(bundled.stdout).toContain('甲模塑有限公司');
  });

  it('reads a large CSV with its bundled worker threads, giving the output of one thread', async () => {
    const root = fakeRoot();
    await buildCli({ root, outDir: join(root, 'dist/cli'), quiet: true });
    expect(existsSync(join(root, 'dist/cli/csv-worker.js'))).toBe(true);
    const scheme = join(repo, 'src/domain/mujun/fixtures/huangyan-2023.scheme.json');
    const input = join(root, 'big.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const body = `913310037${String(i + 1).padStart(8, '0')}`;
      return `${uscc(body)},"台州${i}号, 二车间",${i % 3 ? '规上' : '规下'},${(i % 90) + 4},${i * 3 + 1},${i * 40 + 7}\n`;
    });
    writeFileSync(input, '统一社会信用代码,企业名称,规模,用地面积(亩),实缴税金(万元),工业增加值(万元)\n' + rows.join(''));
    const args = ['evaluate', '--scheme', scheme, '--input', input, '--format', 'csv'];
    const env = { LUOSHI_TIMING: '1', LUOSHI_CSV_PARALLEL_MIN_BYTES: '0' };
    const parts = luoshi(root, args, { ...env, LUOSHI_CSV_THREADS: '3' });
    const one = luoshi(root, args, { ...env, LUOSHI_CSV_THREADS: '1' });
    expect(parts.status).toBe(0);
    expect(parts.stderr).toContain('（3 线程）'); // the timing line: read in 3 parts
    expect(one.stderr).toContain('（1 线程）');
    expect(parts.stdout).toBe(one.stdout);
    expect(parts.stdout.split('\n')).toHaveLength(3002); // header, 3000 rows, the final line end
  });
});
