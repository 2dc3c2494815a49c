/**
 * Reading a large enterprise CSV on several threads: the file is cut into parts at line ends, the main thread reads the
 * first part (with the header) while worker threads (`csv-worker.ts`) read the others into `TablePart`s (typed arrays,
 * transferred, no string per cell), and the main thread's builder takes them in file order (`absorb`): rows of problems
 * and of duplicate codes are the file's, duplicates are found across all parts.
 *
 * A cut is only at a line end; a line end inside a quoted field is found out afterwards — the part before it does not
 * end at a record boundary (`CsvReader.atRecordEnd`) — and the file is then read again on one thread. Each part is read
 * from a proven record boundary when every part before it ended on one, so a file read in parts gives the table (or
 * the problems) that one reader gives.
 *
 * The worker is a plain JavaScript module only in the CLI bundle (dist/cli/csv-worker.js, scripts/build-cli.mjs); run
 * from the TypeScript sources (tsx, vitest), the file is read on one thread unless a worker URL is given.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CsvReader, fieldText, type CsvHandler } from '../../domain/mujun/csv.js';
import { MujunTableBuilder, partTransferList, type InputResult, type TablePart } from '../../domain/mujun/input.js';

/** Bytes read at a time within a part. */
const PIECE_BYTES = 4 << 20;

/** Files smaller than this are read on one thread: starting a worker (~40 ms) would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 16 << 20;

/** What a worker is given: the file, the approximate start and end of its part (see `cutPoint`), and the header. */
export interface PartJob {
  path: string;
  from: number;
  to: number;
  header: string[];
}

/** What a worker posts back. `clean`: its part ended at a record boundary (or at the end of the file). */
export type PartReply = { ok: true; part: TablePart; clean: boolean } | { ok: false; message: string };

export interface ParallelOptions {
  /** threads in all, the main one included (default: `LUOSHI_CSV_THREADS`, else the CPUs, at most 4) */
  threads?: number;
  /** smallest file read in parts (default `defaultMinBytes()`) */
  minBytes?: number;
  /** the worker module (default: csv-worker.js next to this module, which exists only in the bundle) */
  worker?: URL;
  /** Node options of the workers (a TypeScript worker in tests: ['--import', 'tsx']) */
  execArgv?: string[];
  /** reads a part in this thread instead of a worker (tests of the cutting and merging without threads) */
  inline?: boolean;
  /** called when the file was read in parts, with the number of parts (threads) */
  onParts?: (threads: number) => void;
  /** called when a file that could be read in parts is read the ordinary way, with the reason (LUOSHI_TIMING shows it) */
  onFallback?: (reason: string) => void;
}

const BUNDLED_WORKER = new URL('./csv-worker.js', import.meta.url);

/** How many threads to read with, by default. */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env['LUOSHI_CSV_THREADS']);
  if (Number.isInteger(v) && v >= 1) return Math.min(v, 16);
  return Math.min(availableParallelism(), 4);
}

/** The smallest file read in parts, by default: `LUOSHI_CSV_PARALLEL_MIN_BYTES`, else PARALLEL_MIN_BYTES. */
export function defaultMinBytes(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env['LUOSHI_CSV_PARALLEL_MIN_BYTES'] ?? NaN);
  return Number.isInteger(v) && v >= 0 ? v : PARALLEL_MIN_BYTES;
}

/** The worker module when one can run here (a .js file exists), else null. */
function workerUrl(opts: ParallelOptions): URL | null {
  if (opts.worker) return opts.worker;
  return BUNDLED_WORKER.protocol === 'file:' && existsSync(fileURLToPath(BUNDLED_WORKER)) ? BUNDLED_WORKER : null;
}

/**
 * Where a part that should start near `approx` starts: the byte after the first LF at or after `approx` (0 for 0, the
 * size when there is none). The main thread and the workers work it out alike from the same `approx`.
 */
export function cutPoint(fd: number, approx: number, size: number): number {
  if (approx <= 0) return 0;
  if (approx >= size) return size;
  const buf = Buffer.allocUnsafe(64 << 10);
  for (let pos = approx; pos < size;) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
    if (got <= 0) break;
    const i = buf.subarray(0, got).indexOf(0x0a);
    if (i >= 0) return pos + i + 1;
    pos += got;
  }
  return size;
}

/**
 * Pushes bytes [start, end) of the file to `reader`, in pieces read into one buffer (the reader copies what it keeps):
 * a new buffer per piece would grow the external memory by 4 MB each time, and V8 answers such growth with full
 * collections of the heap.
 */
function pushRange(fd: number, start: number, end: number, reader: CsvReader, progress?: (bytes: number) => void): void {
  const piece = new Uint8Array(Math.min(PIECE_BYTES, Math.max(0, end - start)));
  for (let pos = start; pos < end;) {
    const buf = piece.subarray(0, Math.min(piece.length, end - pos));
    let got = 0;
    while (got < buf.length) {
      const k = readSync(fd, buf, got, buf.length - got, pos + got);
      if (k <= 0) break;
      got += k;
    }
    if (got === 0) break; // the file became shorter
    reader.push(buf.subarray(0, got));
    pos += got;
    progress?.(pos - start);
  }
}

/** Collects the first record's cells as the table builder takes them (`csvHeaderCells`). */
class HeaderHandler implements CsvHandler {
  cells: string[] = [];
  done = false;
  field(col: number, buf: Uint8Array, start: number, end: number, flags: number): void {
    if (!this.done) this.cells[col] = fieldText(buf, start, end, flags);
  }
  endRecord(): void {
    this.done = true;
  }
}

/** The header cells of a CSV file (its first record), or null when the file has no complete first record early on. */
function readHeader(fd: number, size: number): string[] | null {
  const h = new HeaderHandler();
  const reader = new CsvReader(h);
  const buf = Buffer.allocUnsafe(64 << 10);
  for (let pos = 0; pos < size && !h.done && pos < 16 << 20;) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
    if (got <= 0) break;
    reader.push(buf.subarray(0, got));
    pos += got;
  }
  return h.done ? h.cells : null;
}

/**
 * Reads part [cutPoint(from), cutPoint(to)) of a CSV file whose header is `header` (not the first part: that one has
 * the header and is read by `readCsvInParts` itself). What a worker runs.
 */
export function readCsvPart(job: PartJob): { part: TablePart; clean: boolean } {
  const fd = openSync(job.path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = cutPoint(fd, job.from, size);
    const end = cutPoint(fd, job.to, size);
    const builder = new MujunTableBuilder();
    builder.beginCsvPart(job.header);
    const reader = new CsvReader(builder, { bom: false });
    let estimated = false;
    pushRange(fd, start, end, reader, (bytes) => {
      if (!estimated && builder.rowCount >= 1000) {
        estimated = true;
        if (bytes < end - start) builder.reserve(((end - start) / bytes) * builder.rowCount * 1.05);
      }
    });
    const clean = end >= size || reader.atRecordEnd;
    reader.end();
    return { part: builder.part(), clean };
  } finally {
    closeSync(fd);
  }
}

/** Runs `readCsvPart` in a worker thread. */
function partInWorker(url: URL, job: PartJob, execArgv: string[] | undefined): Promise<{ part: TablePart; clean: boolean }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(url, { workerData: job, ...(execArgv ? { execArgv } : {}) });
    w.once('message', (r: PartReply) => {
      if (r.ok) resolve({ part: r.part, clean: r.clean });
      else reject(new Error(r.message));
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the CSV worker stopped (exit code ${code})`)));
  });
}

/** The reply a worker posts, and the buffers to transfer with it. */
export function partReply(job: PartJob): { reply: PartReply; transfer: ArrayBuffer[] } {
  try {
    const { part, clean } = readCsvPart(job);
    return { reply: { ok: true, part, clean }, transfer: partTransferList(part) };
  } catch (e) {
    return { reply: { ok: false, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

/**
 * The table from a CSV file read on several threads, or null when it should be read the ordinary way: a small file,
 * one thread, no worker module (run from the sources), a line end inside a quoted field where the file was cut, or a
 * worker that failed. Throws the file's open error (the caller reports it).
 */
export async function readCsvInParts(path: string, opts: ParallelOptions = {}): Promise<InputResult | null> {
  const threads = opts.threads ?? defaultThreads();
  const url = opts.inline ? null : workerUrl(opts);
  if (threads < 2 || (!opts.inline && url === null)) return null;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < (opts.minBytes ?? defaultMinBytes())) return null;
    const header = readHeader(fd, size);
    if (header === null) return null;
    const share = size / threads;
    const jobs: PartJob[] = [];
    for (let k = 1; k < threads; k++)
      jobs.push({ path, from: Math.round(k * share), to: k + 1 < threads ? Math.round((k + 1) * share) : size, header });
    // the workers start first, then this thread reads the first part while they read theirs
    const pending = opts.inline ? null : jobs.map((j) => partInWorker(url!, j, opts.execArgv));
    pending?.forEach((p) => p.catch(() => undefined)); // failures are handled below, after the first part
    const builder = new MujunTableBuilder();
    const reader = new CsvReader(builder);
    const end0 = cutPoint(fd, jobs[0]!.from, size);
    let estimated = false;
    pushRange(fd, 0, end0, reader, (bytes) => {
      if (!estimated && builder.rowCount >= 1000) {
        estimated = true;
        builder.reserve((size / bytes) * builder.rowCount * 1.05); // room for the whole file's rows
      }
    });
    const clean0 = end0 >= size || reader.atRecordEnd;
    reader.end();
    let parts: { part: TablePart; clean: boolean }[];
    try {
      parts = pending ? await Promise.all(pending) : jobs.map(readCsvPart);
    } catch (e) {
      opts.onFallback?.(`读取线程出错：${e instanceof Error ? e.message : String(e)}`);
      return null; // a worker failed: read the file the ordinary way
    }
    if (!clean0 || parts.some((p, k) => !p.clean && k < parts.length - 1)) {
      opts.onFallback?.('分段处位于引号内的换行');
      return null;
    }
    for (const { part } of parts) builder.absorb(part);
    opts.onParts?.(threads);
    return builder.finish();
  } finally {
    closeSync(fd);
  }
}
