/**
 * `luoshi evaluate --scheme SCHEME.json --input DATA.csv|DATA.xlsx [--format json|csv|xlsx] [--out FILE]`: the 亩均
 * evaluation offline (spec shared/spec/mujun-evaluation.md). Exit status 0 on success; 2 when the scheme, the input or
 * the options are not valid (every problem listed, nothing written); 1 on an unexpected failure.
 *
 * This path loads neither the database nor the web server: keep its imports to the domain and the file services.
 */
import type { Command } from 'commander';
import { evaluateColumnar } from '../domain/mujun/engine.js';
import { MujunExprError } from '../domain/mujun/expr.js';
import { exprReason, schemeInputProblems, type InputProblem } from '../domain/mujun/input.js';
import { csvOutputChunks, jsonOutputChunks, outputTable, problemLines } from '../domain/mujun/output.js';
import { readMujunInput, readSchemeFile } from '../services/mujun/input-files.js';
import { writeChunks, writeCsvFile, writeTextFile, writeXlsxFile } from '../services/mujun/output-files.js';

export interface EvaluateOptions {
  scheme?: string;
  input?: string;
  format?: string;
  out?: string;
}

export interface EvaluateIo {
  /** where results (and, for json, the error list) go */
  stdout: NodeJS.WritableStream;
  /** one readable line for people: problems, warnings */
  stderr: (line: string) => void;
}

const processIo: EvaluateIo = { stdout: process.stdout, stderr: (l) => process.stderr.write(`${l}\n`) };

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** Runs the evaluation; returns the exit status. */
export async function runEvaluate(opts: EvaluateOptions, io: EvaluateIo = processIo): Promise<number> {
  const format = (opts.format ?? 'json').toLowerCase() as Format;
  const usage: string[] = [];
  if (!FORMATS.includes(format)) usage.push(`--format 须为 json、csv 或 xlsx，而不是“${opts.format}”`);
  if (!opts.scheme) usage.push('缺少 --scheme：评价方案文件（JSON）');
  if (!opts.input) usage.push('缺少 --input：企业数据文件（.csv 或 .xlsx）');
  if (format === 'xlsx' && !opts.out) usage.push('--format xlsx 需要用 --out 指定输出文件');
  if (usage.length > 0) {
    for (const u of usage) io.stderr(`错误：${u}`);
    io.stderr('用法：luoshi evaluate --scheme SCHEME.json --input DATA.csv|DATA.xlsx [--format json|csv|xlsx] [--out FILE]');
    return EXIT_INVALID;
  }

  const reject = async (problems: InputProblem[], what: string): Promise<number> => {
    if (format === 'json') await writeChunks(io.stdout, [`${JSON.stringify({ errors: problems }, null, 2)}\n`]);
    io.stderr(`错误：${what}有 ${problems.length} 个问题，未进行评价${format === 'json' ? '（问题列表见标准输出）' : '：'}`);
    if (format !== 'json') for (const line of problemLines(problems)) io.stderr(`  ${line}`);
    return EXIT_INVALID;
  };

  // performance.now() counts from the process's start (performance.timeOrigin): t0 is the start-up (Node, module load)
  const t0 = performance.now();
  let threads = 1; // that read the input
  let fallback: string | null = null; // why a file that could be read in parts was not
  const [scheme, input] = await Promise.all([
    readSchemeFile(opts.scheme!),
    readMujunInput({ path: opts.input! }, undefined, {
      parallel: { onParts: (k) => (threads = k), onFallback: (why) => (fallback = why) },
    }),
  ]);
  const t1 = performance.now();
  const problems = [...(scheme.ok ? [] : scheme.errors), ...(input.ok ? [] : input.errors)];
  if (!scheme.ok || !input.ok) {
    const what = !scheme.ok && !input.ok ? '评价方案和企业数据' : !scheme.ok ? '评价方案' : '企业数据';
    return reject(problems, what);
  }
  const mismatch = schemeInputProblems(scheme.scheme, input.table);
  if (mismatch.length > 0) return reject(mismatch, '评价方案与企业数据');

  let result;
  try {
    result = evaluateColumnar(scheme.scheme, input.table);
  } catch (e) {
    if (e instanceof MujunExprError)
      return reject(
        [{ row: null, column: e.field, value: null, reason: `${exprReason(e.message)}（位置 ${e.position + 1}）` }],
        '评价方案',
      );
    throw e;
  }
  for (const w of result.warnings) io.stderr(`提示：${w}`);
  const t2 = performance.now();

  try {
    if (format === 'json') {
      const chunks = jsonOutputChunks(result);
      if (opts.out) await writeTextFile(opts.out, chunks);
      else await writeChunks(io.stdout, chunks);
    } else {
      const table = outputTable(scheme.scheme, result);
      if (format === 'xlsx') await writeXlsxFile(opts.out!, table);
      else if (opts.out) await writeCsvFile(opts.out, table);
      else await writeChunks(io.stdout, csvOutputChunks(table, { bom: false }));
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      `错误：无法写出结果${opts.out ? `到“${opts.out}”` : ''}（${code ?? (e instanceof Error ? e.message : String(e))}）`,
    );
    return EXIT_FAILURE;
  }
  if (opts.out) io.stderr(`已评价 ${result.n} 家企业，结果已写入“${opts.out}”`);
  if (process.env['LUOSHI_TIMING'] === '1') {
    const t3 = performance.now();
    const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
    // the exit after this line (freeing the heap, closing the process) is what a caller's wall time adds to 合计
    io.stderr(
      `计时：启动 ${ms(0, t0)}，读取 ${ms(t0, t1)}（${threads} 线程${fallback ? `；未分段：${fallback}` : ''}），评价 ${ms(t1, t2)}，写出 ${ms(t2, t3)}，合计 ${ms(0, t3)}（自进程启动）`,
    );
  }
  return EXIT_OK;
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('亩均论英雄评价：按评价方案计算每家企业的得分、排名和档次 (evaluate enterprises with a scheme)')
    .option('--scheme <file>', '评价方案 JSON 文件 (scheme file)')
    .option('--input <file>', '企业数据，.csv（UTF-8）或 .xlsx 的第一个工作表 (enterprise data)')
    .option('--format <format>', '输出格式 json | csv | xlsx (output format)', 'json')
    .option('--out <file>', '输出文件；json 和 csv 缺省时写到标准输出，xlsx 必须指定 (output file)')
    .action(async (opts: EvaluateOptions) => {
      // output piped into `head` and cut short is not an error
      process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
      process.exitCode = await runEvaluate(opts);
    });
}
