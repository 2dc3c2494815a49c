/**
 * 亩均 evaluation bench (`npm run bench:evaluate`). Prints figures; never asserts a timing; exits 0.
 *
 *   (a) engine: `evaluateColumnar` on BENCH_ROWS generated enterprises with the Huangyan scheme, then with the default
 *       scheme, each in its own child process so its peak RSS is the engine's (plus the table): one cold run, then the
 *       median of 3 runs after it; also the peak RSS above the table's (the engine's own, with its result).
 *   (b) end to end: writes the same enterprises as CSV (~150 bytes a row) and times
 *       `node bin/luoshi.mjs evaluate --scheme huangyan-2023.scheme.json --input X.csv --format csv --out Y.csv`.
 *   (c) the PostgreSQL baseline for (b): COPY the CSV in, compute the Huangyan scheme in SQL (fixed benchmarks,
 *       Σ w·x/b, missing emissions → the group's mean score, rounding, rank() per group, percentile classes via ceil),
 *       COPY the result out to a file. Skipped with a notice when the server is not reachable.
 *   (d) xlsx import: `readMujunInput` on a generated BENCH_XLSX_ROWS-row .xlsx (written with exceljs' streaming writer),
 *       and (d′) the import into Luoshi: `uploadDepartmentFile` with a BENCH_XLSX_ROWS-row .xlsx of one department on a
 *       fresh in-memory PGlite database.
 *
 * Environment (all optional):
 *   BENCH_ROWS           enterprises for (a)–(c) (1000000)
 *   BENCH_XLSX_ROWS      enterprises in the .xlsx of (d) (100000)
 *   BENCH_SEED           seed of the generated data (20230415)
 *   BENCH_DATABASE_URL   PostgreSQL for (c) (postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_MATERIALISE=1  also time `evaluate` (one object per enterprise) in its own child process
 *   BENCH_ONLY           comma-separated subset of engine,cli,pg,xlsx
 *   BENCH_ENGINE_SCHEMES the schemes of (a), comma-separated subset of huangyan,default (huangyan,default)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultScheme } from '../src/domain/mujun/default-scheme.js';
import { classOf, groupIdOf, rankOf, statusOf } from '../src/domain/mujun/columnar.js';
import { evaluate, evaluateColumnar, STATUSES } from '../src/domain/mujun/engine.js';
import { readMujunInput } from '../src/services/mujun/input-files.js';
import { parseArith, parseFilter, type Arith, type Filter } from '../src/domain/mujun/expr.js';
import { validateScheme, type Scheme } from '../src/domain/mujun/scheme.js';
import { DEFAULT_SEED, MUJUN_HEADERS, generateMujunTable, mujunRecords, writeMujunCsv } from './mujun-data.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SELF = fileURLToPath(import.meta.url);
const ROWS = intEnv('BENCH_ROWS', 1_000_000);
const XLSX_ROWS = intEnv('BENCH_XLSX_ROWS', 100_000);
const SEED = intEnv('BENCH_SEED', DEFAULT_SEED);
const DB_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const ONLY = new Set((process.env.BENCH_ONLY || 'engine,cli,pg,xlsx').split(',').map((s) => s.trim()));
const HUANGYAN = join(ROOT, 'src/domain/mujun/fixtures/huangyan-2023.scheme.json');
const RUNS = 3;
const CLI_RUNS = intEnv('BENCH_CLI_RUNS', 3);
/** rows of the sample on which the SQL's results are checked against the engine's */
const CHECK_ROWS = 20_000;

function intEnv(name: string, dflt: number): number {
  const v = process.env[name];
  if (!v) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
}

const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => {
  const [l1] = loadavg();
  const cpus = availableParallelism();
  return `load ${l1!.toFixed(2)} on ${cpus} CPU${l1! > cpus ? ' — the machine is busy, figures measure it more than the code' : ''}`;
};

// ---------------------------------------------------------------------------------------------------------------
// child processes: (a) the engine, and optionally the object form

interface EngineReport {
  rows: number;
  generateMs: number;
  rssAfterTable: number;
  coldMs: number;
  runsMs: number[];
  /** CPU time (user + system, all threads) of each run in `runsMs` */
  runsCpuMs: number[];
  maxRss: number;
  groups: { id: string; n: number }[];
  statuses: Record<string, number>;
}

function loadHuangyan(): Scheme {
  const r = validateScheme(JSON.parse(readFileSync(HUANGYAN, 'utf8')));
  if (!r.ok) throw new Error(`${HUANGYAN}: invalid scheme`);
  return r.scheme;
}

function engineChild(materialise: boolean, which: string): void {
  let t = performance.now();
  const table = generateMujunTable(ROWS, SEED);
  const generateMs = performance.now() - t;
  const rssAfterTable = process.memoryUsage().rss;
  const scheme = which === 'huangyan' ? loadHuangyan() : defaultScheme(2022);
  const runsMs: number[] = [];
  const runsCpuMs: number[] = [];
  let coldMs = 0;
  let ev = null;
  if (materialise) {
    t = performance.now();
    evaluate(scheme, table);
    coldMs = performance.now() - t;
    t = performance.now();
    evaluate(scheme, table);
    runsMs.push(performance.now() - t);
  } else {
    for (let r = 0; r <= RUNS; r++) {
      ev = null; // let the previous result go before the next run
      const cpu = process.cpuUsage();
      t = performance.now();
      ev = evaluateColumnar(scheme, table);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (r === 0) coldMs = ms;
      else {
        runsMs.push(ms);
        runsCpuMs.push((used.user + used.system) / 1000);
      }
    }
  }
  const statuses: Record<string, number> = {};
  const groups: { id: string; n: number }[] = [];
  if (ev) {
    for (let i = 0; i < ev.n; i++) {
      const s = STATUSES[ev.status[i]!]!;
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
    for (const g of ev.groups) groups.push({ id: g.id, n: g.n });
  }
  const report: EngineReport = {
    rows: ROWS,
    generateMs,
    rssAfterTable,
    coldMs,
    runsMs,
    runsCpuMs,
    maxRss: process.resourceUsage().maxRSS * 1024,
    groups,
    statuses,
  };
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
}

function runChild(flag: string, which: string): EngineReport | null {
  const r = spawnSync(process.execPath, [...process.execArgv, SELF, flag, which], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 64 << 20,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    console.log(`  child failed (status ${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    return null;
  }
  return JSON.parse(last) as EngineReport;
}

function benchEngine(): void {
  for (const which of (process.env.BENCH_ENGINE_SCHEMES || 'huangyan,default').split(',').map((s) => s.trim())) {
    if (which !== 'huangyan' && which !== 'default') throw new Error(`BENCH_ENGINE_SCHEMES: unknown scheme ${which}`);
    benchEngineWith(which);
  }
  if (process.env.BENCH_MATERIALISE === '1') {
    console.log(`\n(a′) object form: evaluate() (one object per enterprise), default scheme, same data (${load()})`);
    const m = runChild('--materialise-child', 'default');
    if (m) console.log(`  cold ${fmtMs(m.coldMs)}, second ${fmtMs(m.runsMs[0]!)}; peak RSS ${mb(m.maxRss)}`);
  }
}

function benchEngineWith(which: 'huangyan' | 'default'): void {
  const label = which === 'huangyan' ? 'Huangyan scheme' : 'default scheme';
  console.log(`\n(a) engine: evaluateColumnar, ${label}, ${ROWS.toLocaleString('en')} enterprises (${load()})`);
  const r = runChild('--engine-child', which);
  if (!r) return;
  const groups = r.groups.map((g) => `${g.id} ${g.n.toLocaleString('en')}`).join(', ');
  const statuses = Object.entries(r.statuses)
    .map(([s, c]) => `${s} ${c.toLocaleString('en')}`)
    .join(', ');
  console.log(`  data: generated in ${fmtMs(r.generateMs)}; RSS with the table ${mb(r.rssAfterTable)}`);
  console.log(`  groups: ${groups}; ${statuses}`);
  console.log(`  cold run (first in the process): ${fmtMs(r.coldMs)}`);
  console.log(
    `  median of ${r.runsMs.length} runs after it: ${fmtMs(median(r.runsMs))}  (runs: ${r.runsMs.map((x) => x.toFixed(0)).join(', ')} ms)`,
  );
  if (r.runsCpuMs.length)
    console.log(
      `  CPU time of those runs (user + system, all threads): median ${fmtMs(median(r.runsCpuMs))}  (${r.runsCpuMs.map((x) => x.toFixed(0)).join(', ')} ms)`,
    );
  console.log(
    `  peak RSS of the process (table + engine): ${mb(r.maxRss)}; above the table's: ${mb(r.maxRss - r.rssAfterTable)}`,
  );
  console.log(
    which === 'huangyan'
      ? `  target: ≤ 0.5 s and ≤ 1 GB for 1,000,000 enterprises`
      : `  target: ≤ 1 s and ≤ 1 GB for 1,000,000 enterprises`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// (b) the CLI end to end

/** Runs a command, returning wall time, exit status, peak RSS (via /usr/bin/time when present) and stderr. */
function timeCommand(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; status: number | null; maxRss: number | null; stderr: string }> {
  const useTime = existsSync('/usr/bin/time');
  const [file, argv] = useTime ? ['/usr/bin/time', ['-f', 'LUOSHI_BENCH_MAXRSS_KB=%M', cmd, ...args]] : [cmd, args];
  return new Promise((resolveRun) => {
    const t = performance.now();
    const child = spawn(file, argv as string[], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => {
      const ms = performance.now() - t;
      const m = /LUOSHI_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      resolveRun({
        ms,
        status,
        maxRss: m ? Number(m[1]) * 1024 : null,
        stderr: stderr.replace(/LUOSHI_BENCH_MAXRSS_KB=\d+\s*/, '').trim(),
      });
    });
  });
}

/** One `luoshi evaluate` run: wall time from spawn to exit, and its own LUOSHI_TIMING split (ms). */
interface CliRun {
  wallMs: number;
  maxRss: number | null;
  startMs: number;
  readMs: number;
  threads: number;
  evaluateMs: number;
  writeMs: number;
  /** from the process's start to the timing line; the rest of the wall time is the exit (and the spawn) */
  totalMs: number;
}

/** The CLI's own split: `计时：启动 X ms，读取 X ms（N 线程），评价 X ms，写出 X ms，合计 X ms（自进程启动）`. */
function parseTiming(stderr: string): Omit<CliRun, 'wallMs' | 'maxRss'> | null {
  const m = /计时：启动 (\d+) ms，读取 (\d+) ms（(\d+) 线程），评价 (\d+) ms，写出 (\d+) ms，合计 (\d+) ms/.exec(stderr);
  if (!m) return null;
  const [startMs, readMs, threads, evaluateMs, writeMs, totalMs] = m.slice(1).map(Number) as number[];
  return { startMs: startMs!, readMs: readMs!, threads: threads!, evaluateMs: evaluateMs!, writeMs: writeMs!, totalMs: totalMs! };
}

/** How bin/luoshi.mjs will run `evaluate`: from the fresh bundle (built by npm's prepare on `npm ci`) or through tsx. */
async function cliPath(): Promise<string> {
  const { bundleFor } = (await import('../scripts/cli-bundle.mjs' as string)) as {
    bundleFor: (args: string[]) => string | null;
  };
  return bundleFor(['evaluate'])
    ? 'from the esbuild bundle dist/cli (built by `npm ci` / `npm install` through the prepare script)'
    : 'through tsx: no fresh bundle in dist/cli (run `npm install` or `node scripts/build-cli.mjs`); slower start and code';
}

async function benchCli(csv: string, dir: string): Promise<CliRun | null> {
  console.log(
    `\n(b) end to end: luoshi evaluate --format csv, Huangyan scheme, ${ROWS.toLocaleString('en')} enterprises, ${CLI_RUNS} runs`,
  );
  const out = join(dir, 'result.csv');
  const args = [join(ROOT, 'bin/luoshi.mjs'), 'evaluate', '--scheme', HUANGYAN, '--input', csv, '--format', 'csv', '--out', out];
  console.log(`  LUOSHI_TIMING=1 node ${args.map((a) => a.replace(`${ROOT}/`, '').replace(`${dir}/`, '$TMP/')).join(' ')}`);
  console.log(`  the CLI runs ${await cliPath()}`);
  console.log(
    `  wall = spawn to exit of the child process; the split is the CLI's own (LUOSHI_TIMING=1), from its process start`,
  );
  const runs: CliRun[] = [];
  for (let r = 0; r < CLI_RUNS; r++) {
    rmSync(out, { force: true });
    const loadBefore = load();
    const res = await timeCommand(process.execPath, args, { LUOSHI_TIMING: '1' });
    if (res.status !== 0) {
      console.log(`  failed with exit status ${res.status}: ${res.stderr.split('\n').slice(-5).join(' | ')}`);
      return null;
    }
    const t = parseTiming(res.stderr);
    if (!t) {
      console.log(`  no timing line in the CLI's stderr: ${res.stderr.split('\n').slice(-3).join(' | ')}`);
      return null;
    }
    const run: CliRun = { wallMs: res.ms, maxRss: res.maxRss, ...t };
    runs.push(run);
    console.log(
      `  run ${r + 1}: ${fmtS(run.wallMs)} wall = start-up ${fmtS(run.startMs)} + read ${fmtS(run.readMs)} (${run.threads} thread${run.threads > 1 ? 's' : ''}) + evaluate ${fmtS(run.evaluateMs)} + write ${fmtS(run.writeMs)} + exit ${fmtS(run.wallMs - run.totalMs)}` +
        `${run.maxRss !== null ? `; peak RSS ${mb(run.maxRss)}` : ''}   (${loadBefore})`,
    );
  }
  console.log(`  output ${mb(statSync(out).size)}`);
  rmSync(out, { force: true });
  const m = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
  console.log(`  median: ${fmtS(m.wallMs)} wall`);
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// (c) PostgreSQL baseline

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteLit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function arithSql(e: Arith): string {
  switch (e.kind) {
    case 'num':
      return `${e.value}::float8`;
    case 'field':
      if (!MUJUN_HEADERS.includes(e.name)) throw new Error(`field ${e.name} is not an input column`);
      return quoteIdent(e.name);
    case 'neg':
      return `(-${arithSql(e.arg)})`;
    case 'bin':
      return e.op === '/'
        ? `(${arithSql(e.left)} / NULLIF(${arithSql(e.right)}, 0))`
        : `(${arithSql(e.left)} ${e.op} ${arithSql(e.right)})`;
  }
}

/** A filter in SQL with the engine's two-valued logic (a comparison with a missing value is false, also under not). */
function filterSql(f: Filter): string {
  switch (f.kind) {
    case 'cmp': {
      const op = f.op === '==' ? '=' : f.op === '!=' ? '<>' : f.op;
      return `COALESCE(${arithSql(f.left)} ${op} ${arithSql(f.right)}, false)`;
    }
    case 'strcmp':
      return `COALESCE(NULLIF(${quoteIdent(f.field)}, '') ${f.op === '==' ? '=' : '<>'} ${quoteLit(f.value)}, false)`;
    case 'and':
    case 'or':
      return `(${filterSql(f.left)} ${f.kind.toUpperCase()} ${filterSql(f.right)})`;
    case 'not':
      return `(NOT ${filterSql(f.arg)})`;
  }
}

const flagSql = (flag: string) => `COALESCE(';' || replace(flags, ' ', '') || ';' LIKE ${quoteLit(`%;${flag};%`)}, false)`;

/**
 * The SQL that evaluates a scheme with fixed benchmarks, ratio scoring, missing = zero | mean, no adjustments or vetoes,
 * percentile classes and no tenant rule (the Huangyan scheme). Throws for anything else.
 */
export function schemeSql(s: Scheme, input: string, result: string): string {
  if (s.tenantsTakeLandlordClass) throw new Error('tenantsTakeLandlordClass is not translated');
  const heroes = ['mujun', 'ditan', 'keji', 'renjun'];
  const groupCase = s.groups.map((g) => `WHEN ${filterSql(parseFilter(g.filter, 'filter'))} THEN ${quoteLit(g.id)}`).join(' ');
  const exempt = s.exempt ? flagSql(s.exempt.flag) : 'false';
  const parts = s.groups.map((g, gi) => {
    if (g.adjustments?.length || g.vetoes?.length) throw new Error('adjustments and vetoes are not translated');
    if (g.classes.method !== 'percentile') throw new Error('only percentile classes are translated');
    const cols = g.indicators.map((ind, k) => {
      const b = ind.benchmark;
      if (
        ind.scoring.method !== 'ratio' ||
        b?.method !== 'fixed' ||
        !(b.value! * (b.multiplier ?? 1) > 0) ||
        ind.missing === 'exclude'
      )
        throw new Error(`indicator ${ind.id}: only ratio scoring on a positive fixed benchmark with missing zero|mean`);
      const bench = b.value! * (b.multiplier ?? 1);
      const num = arithSql(parseArith(ind.numerator, 'n'));
      const den = ind.denominator === undefined ? '1::float8' : arithSql(parseArith(ind.denominator, 'd'));
      const value = `CASE WHEN ${den} > 0 THEN ${num} / ${den} END`;
      const ratio = ind.direction === 'higher' ? `v${k} / ${bench}` : `2 - v${k} / ${bench}`;
      const capped = ind.scoring.cap === undefined ? ratio : `LEAST(${ratio}, ${ind.scoring.cap})`;
      return {
        value: `${value} AS v${k}`,
        score: `CASE WHEN v${k} IS NOT NULL THEN ${ind.weight} * GREATEST(0, ${capped}) END AS s${k}`,
        ind,
        k,
      };
    });
    const final = cols
      .map(({ ind, k }) =>
        ind.missing === 'mean' ? `COALESCE(s${k}, avg(s${k}) OVER (), 0) AS s${k}` : `COALESCE(s${k}, 0) AS s${k}`,
      )
      .join(', ');
    const heroSums = heroes
      .map((h) => {
        const ks = cols.filter((c) => c.ind.hero === h).map((c) => `s${c.k}`);
        return `${ks.length ? ks.join(' + ') : '0'} AS ${h}`;
      })
      .join(', ');
    const bands = g.classes.bands as [string, number][];
    const cls = `CASE ${bands.map(([c, share]) => `WHEN rnk <= ceil(round(${share} * cnt, 9)) THEN ${quoteLit(c)}`).join(' ')} END`;
    return `
  g${gi}v AS (SELECT ord, ${cols.map((c) => c.value).join(', ')} FROM base WHERE grp = ${quoteLit(g.id)} AND NOT exempt),
  g${gi}s AS (SELECT ord, ${cols.map((c) => c.score).join(', ')} FROM g${gi}v),
  g${gi}m AS (SELECT ord, ${final} FROM g${gi}s),
  g${gi}t AS (SELECT ord, round((${cols.map((c) => `s${c.k}`).join(' + ')})::numeric, 4) AS total, ${heroSums} FROM g${gi}m),
  g${gi}r AS (SELECT *, rank() OVER (ORDER BY total DESC) AS rnk, count(*) OVER () AS cnt FROM g${gi}t),
  g${gi} AS (SELECT ord, total, rnk, ${cls} AS class, ${heroes.join(', ')} FROM g${gi}r)`;
  });
  return `CREATE UNLOGGED TABLE ${result} AS
WITH base AS (
  SELECT *, CASE ${groupCase} END AS grp, ${exempt} AS exempt FROM ${input}
),${parts.join(',')},
  scored AS (${s.groups.map((_, gi) => `SELECT * FROM g${gi}`).join(' UNION ALL ')})
SELECT b.ord, b.uscc, b.name, b.grp AS "group",
  CASE WHEN b.exempt THEN 'exempt' WHEN b.grp IS NULL THEN 'unevaluated' ELSE 'scored' END AS status,
  r.total, r.rnk AS rank, CASE WHEN b.exempt THEN ${s.exempt ? quoteLit(s.exempt.class) : 'NULL'} ELSE r.class END AS class,
  r.mujun, r.ditan, r.keji, r.renjun
FROM base b LEFT JOIN scored r ON r.ord = b.ord`;
}

/** Runs a statement with psql (the `\\copy` fallback when the server cannot read or write the file itself). */
function psql(command: string): void {
  const r = spawnSync('psql', [DB_URL, '-v', 'ON_ERROR_STOP=1', '-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error?.message}`);
}

/**
 * The PostgreSQL side for one CSV: COPY it into a new unlogged table, the scheme in one CREATE TABLE AS, COPY the
 * result out (in input order) to `outFile`. Returns the steps' wall times; the tables stay in `schema`.
 */
async function pgEvaluate(
  client: pg.Client,
  scheme: Scheme,
  csv: string,
  schema: string,
  outFile: string,
): Promise<{ steps: [string, number][]; result: string; serverSide: boolean }> {
  const input = `${schema}.input`;
  const result = `${schema}.result`;
  const cols = MUJUN_HEADERS.map(
    (h) =>
      `${quoteIdent(h)} ${['uscc', 'name', 'town', 'industry', 'scale', 'landlord_uscc', 'flags'].includes(h) ? 'text' : 'float8'}`,
  );
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`CREATE UNLOGGED TABLE ${input} (ord bigint GENERATED ALWAYS AS IDENTITY, ${cols.join(', ')})`);
  const copyList = MUJUN_HEADERS.map(quoteIdent).join(', ');
  const steps: [string, number][] = [];
  let t = performance.now();
  let serverSide = true;
  try {
    await client.query(`COPY ${input} (${copyList}) FROM ${quoteLit(csv)} WITH (FORMAT csv, HEADER true)`);
  } catch (e) {
    serverSide = false;
    console.log(`  server-side COPY not possible (${(e as Error).message}); using psql \\copy`);
    psql(`\\copy ${input} (${copyList}) FROM ${quoteLit(csv)} WITH (FORMAT csv, HEADER true)`);
  }
  steps.push(['COPY in', performance.now() - t]);
  t = performance.now();
  await client.query(schemeSql(scheme, input, result));
  steps.push(['evaluate (CREATE TABLE AS)', performance.now() - t]);
  t = performance.now();
  const copyOut = `COPY (SELECT uscc, name, "group", status, total, rank, class, mujun, ditan, keji, renjun FROM ${result} ORDER BY ord) TO ${quoteLit(outFile)} WITH (FORMAT csv, HEADER true)`;
  if (serverSide) await client.query(copyOut);
  else psql(`\\${copyOut.replace(/^COPY/, 'copy')}`);
  steps.push(['COPY out (ORDER BY input order)', performance.now() - t]);
  return { steps, result, serverSide };
}

/**
 * The SQL's results against the engine's on a CHECK_ROWS-row sample of the same generator: status, group, total, rank,
 * class and the hero sub-totals of every enterprise. Returns a one-line verdict.
 */
async function checkPostgres(client: pg.Client, scheme: Scheme, dir: string): Promise<string> {
  const csv = join(dir, 'check.csv');
  await writeMujunCsv(csv, CHECK_ROWS, SEED);
  chmodSync(csv, 0o644);
  const schema = `luoshi_bench_check_${randomBytes(4).toString('hex')}`;
  const outFile = join(tmpdir(), `${schema}-result.csv`);
  try {
    const { result } = await pgEvaluate(client, scheme, csv, schema, outFile);
    const rows = (
      await client.query<Record<string, string | number | null>>(
        `SELECT status, "group", total::float8 AS total, rank::int AS rank, class, mujun, ditan, keji, renjun FROM ${result} ORDER BY ord`,
      )
    ).rows;
    const input = await readMujunInput({ path: csv });
    if (!input.ok) return `the sample does not read: ${JSON.stringify(input.errors.slice(0, 2))}`;
    const ev = evaluateColumnar(scheme, input.table);
    if (rows.length !== ev.n) return `${rows.length} rows from PostgreSQL, ${ev.n} from the engine`;
    const near = (a: number | null, b: number) =>
      a === null ? Number.isNaN(b) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    let bad = 0;
    let first = '';
    for (let i = 0; i < ev.n; i++) {
      const r = rows[i]!;
      const scored = ev.member[i]! >= 0;
      const diffs: string[] = [];
      if (r['status'] !== statusOf(ev, i)) diffs.push(`status ${r['status']} ≠ ${statusOf(ev, i)}`);
      if ((r['group'] ?? null) !== (ev.status[i] === 3 ? null : groupIdOf(ev, i)) && r['status'] !== 'exempt')
        diffs.push(`group ${r['group']} ≠ ${groupIdOf(ev, i)}`);
      if (!near(r['total'] as number | null, scored ? ev.total[i]! : NaN)) diffs.push(`total ${r['total']} ≠ ${ev.total[i]}`);
      if ((r['rank'] ?? null) !== rankOf(ev, i)) diffs.push(`rank ${r['rank']} ≠ ${rankOf(ev, i)}`);
      if ((r['class'] ?? null) !== classOf(ev, i)) diffs.push(`class ${r['class']} ≠ ${classOf(ev, i)}`);
      for (const h of ['mujun', 'ditan', 'keji', 'renjun'] as const)
        if (!near(r[h] as number | null, scored ? ev.heroes[h][i]! : NaN)) diffs.push(`${h} ${r[h]} ≠ ${ev.heroes[h][i]}`);
      if (diffs.length > 0) {
        bad++;
        if (!first) first = `row ${i + 2}: ${diffs.join(', ')}`;
      }
    }
    return bad === 0
      ? `status, group, total, rank, class and heroes equal the engine's for all ${ev.n.toLocaleString('en')} enterprises`
      : `${bad.toLocaleString('en')} of ${ev.n.toLocaleString('en')} enterprises differ from the engine (first: ${first})`;
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    rmSync(outFile, { force: true });
    rmSync(csv, { force: true });
  }
}

/** (c): the total wall time of PostgreSQL's COPY in + evaluate + COPY out, or null when skipped or failed. */
async function benchPostgres(csv: string, dir: string): Promise<number | null> {
  console.log(`\n(c) PostgreSQL baseline: the same CSV, the Huangyan scheme in SQL`);
  const client = new pg.Client({ connectionString: DB_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (e) {
    console.log(
      `  SKIPPED: PostgreSQL at ${DB_URL.replace(/:[^:@/]*@/, ':***@')} is not reachable (${(e as Error).message}); set BENCH_DATABASE_URL`,
    );
    return null;
  }
  const checked = validateScheme(JSON.parse(readFileSync(HUANGYAN, 'utf8')));
  if (!checked.ok) throw new Error('the Huangyan fixture does not validate');
  const schema = `luoshi_bench_eval_${randomBytes(4).toString('hex')}`;
  const outFile = join(tmpdir(), `${schema}-result.csv`);
  try {
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    await client.query(`SET work_mem = '256MB'`);
    console.log(`  PostgreSQL ${version}, work_mem 256MB, unlogged tables`);
    console.log(`  check on ${CHECK_ROWS.toLocaleString('en')} rows: ${await checkPostgres(client, checked.scheme, dir)}`);
    console.log(`  ${ROWS.toLocaleString('en')} rows   (${load()})`);
    const { steps, result } = await pgEvaluate(client, checked.scheme, csv, schema, outFile);
    const total = steps.reduce((sum, [, ms]) => sum + ms, 0);
    for (const [what, ms] of steps) console.log(`  ${what.padEnd(32)} ${fmtS(ms)}`);
    console.log(`  ${'total'.padEnd(32)} ${fmtS(total)}   (output ${mb(statSync(outFile).size)})`);
    const counts = await client.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM ${result} GROUP BY 1 ORDER BY 1`,
    );
    console.log(`  rows: ${counts.rows.map((r) => `${r.status} ${Number(r.n).toLocaleString('en')}`).join(', ')}`);
    return total;
  } catch (e) {
    console.log(`  failed: ${(e as Error).message}`);
    return null;
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
    rmSync(outFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (d) xlsx import  ─────────────  the place for the 100,000-row .xlsx import timing

async function benchXlsx(dir: string): Promise<void> {
  console.log(`\n(d) xlsx import: readMujunInput on a ${XLSX_ROWS.toLocaleString('en')}-row .xlsx`);
  const modPath = join(ROOT, 'src/services/mujun/input-files.ts');
  const mod = existsSync(modPath)
    ? ((await import('../src/services/mujun/input-files.js')) as { readMujunInput?: unknown })
    : ({} as { readMujunInput?: unknown });
  if (typeof mod.readMujunInput !== 'function') {
    console.log('  skipped: readMujunInput (src/services/mujun/input-files.ts) is not there yet');
    return;
  }
  const readMujunInput = mod.readMujunInput as (src: { path: string }) => Promise<{ ok: boolean; errors?: unknown[] }>;
  const { default: ExcelJS } = await import('exceljs');
  const file = join(dir, 'input.xlsx');
  let t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('企业数据');
  ws.addRow([...MUJUN_HEADERS]).commit();
  for (const rec of mujunRecords(XLSX_ROWS, SEED)) ws.addRow(MUJUN_HEADERS.map((h) => rec[h] ?? null)).commit();
  ws.commit();
  await wb.commit();
  console.log(`  written in ${fmtS(performance.now() - t)} (${mb(statSync(file).size)})   (${load()})`);
  t = performance.now();
  const r = await readMujunInput({ path: file });
  const ms = performance.now() - t;
  console.log(
    r.ok ? `  read + validated in ${fmtS(ms)}` : `  rejected after ${fmtS(ms)}: ${JSON.stringify(r.errors?.slice(0, 3))}`,
  );
  rmSync(file, { force: true });
  await benchUpload(dir);
}

/**
 * (d′) the import into Luoshi: `uploadDepartmentFile` (the path of POST /api/mujun/uploads) with a XLSX_ROWS-row .xlsx
 * of one department (统计局: the widest, six fields) on a fresh in-memory PGlite database — parse, check, keep the
 * department's fields, store the records (one jsonb document) and the audit entry.
 */
async function benchUpload(dir: string): Promise<void> {
  const SOURCE = 'stats';
  const { SOURCE_BY_ID } = await import('../src/domain/mujun/sources.js');
  const fields = ['uscc', 'name', ...SOURCE_BY_ID.get(SOURCE)!.fields];
  console.log(
    `\n(d′) import into Luoshi: uploadDepartmentFile, ${XLSX_ROWS.toLocaleString('en')}-row .xlsx of 统计局 (${fields.join(', ')})`,
  );
  const { default: ExcelJS } = await import('exceljs');
  const file = join(dir, 'stats.xlsx');
  let t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('统计局');
  ws.addRow(fields).commit();
  for (const rec of mujunRecords(XLSX_ROWS, SEED)) ws.addRow(fields.map((h) => rec[h] ?? null)).commit();
  ws.commit();
  await wb.commit();
  const content = readFileSync(file);
  rmSync(file, { force: true });
  console.log(`  written in ${fmtS(performance.now() - t)} (${mb(content.length)})`);
  const { openDatabase } = await import('../src/db/client.js');
  const { bootstrap } = await import('../src/services/setup/bootstrap.js');
  const { systemActor, systemClock } = await import('../src/services/context.js');
  const { uploadDepartmentFile } = await import('../src/services/mujun/uploads.js');
  const database = await openDatabase({});
  try {
    t = performance.now();
    await bootstrap(database, { demo: false });
    console.log(`  fresh PGlite database migrated in ${fmtS(performance.now() - t)}   (${load()})`);
    const ctx = { db: database.db, clock: systemClock, actor: systemActor('bench'), ip: null };
    const cpu = process.cpuUsage();
    t = performance.now();
    const row = await uploadDepartmentFile(ctx, { year: 2022, source: SOURCE }, async () => ({
      filename: 'stats.xlsx',
      content,
    }));
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    console.log(
      `  uploaded (${row.rowCount.toLocaleString('en')} rows, ${row.fields.length} fields) in ${fmtS(ms)}; CPU ${fmtS((used.user + used.system) / 1000)}   target ≤ 20 s`,
    );
  } catch (e) {
    console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`亩均 evaluation bench: ${ROWS.toLocaleString('en')} enterprises, seed ${SEED}, Node ${process.version}`);
  if (ONLY.has('engine')) benchEngine();
  const needCsv = ONLY.has('cli') || ONLY.has('pg');
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-bench-evaluate-'));
  try {
    chmodSync(dir, 0o755); // PostgreSQL (another user) reads the CSV with a server-side COPY
    if (needCsv) {
      const csv = join(dir, 'input.csv');
      const t = performance.now();
      const bytes = await writeMujunCsv(csv, ROWS, SEED);
      chmodSync(csv, 0o644);
      console.log(
        `\nCSV: ${ROWS.toLocaleString('en')} rows, ${mb(bytes)} (${(bytes / ROWS).toFixed(0)} bytes a row), written in ${fmtS(performance.now() - t)}`,
      );
      const cli = ONLY.has('cli') ? await benchCli(csv, dir) : null;
      const pgMs = ONLY.has('pg') ? await benchPostgres(csv, dir) : null;
      if (ONLY.has('cli') && ONLY.has('pg')) {
        console.log(
          `\nLuoshi against PostgreSQL, the same ${ROWS.toLocaleString('en')}-row CSV and the Huangyan scheme, this run:`,
        );
        if (!cli) console.log('  no ratio: the Luoshi run failed (see (b))');
        else if (pgMs === null) console.log(`  Luoshi ${fmtS(cli.wallMs)}; NO RATIO: PostgreSQL was skipped or failed (see (c))`);
        else
          console.log(
            `  Luoshi ${fmtS(cli.wallMs)} (median wall, spawn to exit) / PostgreSQL ${fmtS(pgMs)} = ratio ${(cli.wallMs / pgMs).toFixed(2)}   (goal ≤ 0.5, aim 0.25)`,
          );
      }
    }
    if (ONLY.has('xlsx')) await benchXlsx(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === SELF;
if (isMain && process.argv[2] === '--engine-child') engineChild(false, process.argv[3] ?? 'default');
else if (isMain && process.argv[2] === '--materialise-child') engineChild(true, process.argv[3] ?? 'default');
else if (isMain)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 0; // a bench prints; it does not fail the build
  });
