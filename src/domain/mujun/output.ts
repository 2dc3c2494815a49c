/**
 * The 亩均 evaluation's output (spec §3): the JSON document, and the table for people (Chinese headers, one row per
 * enterprise) that the CSV and xlsx writers share. Pure: writers yield text blocks of about 1 MB; the caller streams
 * them. Both the object form (`EvaluationResult`) and the columnar form (`ColumnarEvaluation`) are accepted.
 */
import {
  adjustmentsOf,
  enterpriseResult,
  STATUSES,
  vetoesOf,
  type ColumnarEvaluation,
  type EnterpriseResult,
  type EvaluationResult,
  type GroupResult,
  type Status,
} from './engine.js';
import { nameBytesOf } from './columnar.js';
import { formulaLeading, formulaLeadingByte, safeText } from '../spreadsheet/safe-cell.js';
import { HEROES, type Hero, type Scheme } from './scheme.js';

const utf8 = new TextDecoder('utf-8');

export type AnyResult = EvaluationResult | ColumnarEvaluation;

/** Row access over either result form. */
export interface ResultRows {
  scheme: string;
  groups: GroupResult[];
  count: number;
  row(i: number): EnterpriseResult;
}

export function resultRows(result: AnyResult): ResultRows {
  if ('byGroup' in result) {
    return { scheme: result.scheme, groups: result.groups, count: result.n, row: (i) => enterpriseResult(result, i) };
  }
  return { scheme: result.scheme, groups: result.groups, count: result.results.length, row: (i) => result.results[i]! };
}

export type JsonHeroes = Record<Hero, number | null>;

/** `EnterpriseResult` with heroes always an object and non-finite numbers as null. */
export interface JsonEnterprise extends Omit<EnterpriseResult, 'heroes' | 'indicators'> {
  heroes: JsonHeroes;
  indicators: Record<string, { value: number | null; benchmark: number | null; score: number | null }>;
}

export interface JsonOutput {
  scheme: string;
  groups: GroupResult[];
  results: JsonEnterprise[];
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

function jsonGroup(g: GroupResult): GroupResult {
  const benchmarks: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(g.benchmarks)) benchmarks[k] = num(v);
  return { id: g.id, n: g.n, benchmarks, classCounts: { ...g.classCounts } };
}

/** One enterprise in the output shape: numbers or null, heroes always an object (null members when not scored). */
export function jsonEnterprise(r: EnterpriseResult): JsonEnterprise {
  const h = r.heroes;
  const indicators: JsonEnterprise['indicators'] = {};
  for (const [id, x] of Object.entries(r.indicators))
    indicators[id] = { value: num(x.value), benchmark: num(x.benchmark), score: num(x.score) };
  return {
    uscc: r.uscc,
    name: r.name,
    group: r.group,
    status: r.status,
    total: num(r.total),
    rank: num(r.rank),
    class: r.class,
    heroes: {
      mujun: num(h?.mujun),
      ditan: num(h?.ditan),
      keji: num(h?.keji),
      renjun: num(h?.renjun),
    },
    indicators,
    adjustments: r.adjustments.map((a) => ({ id: a.id, points: a.points })),
    vetoes: [...r.vetoes],
  };
}

/** The whole output as one object (for small results and tests; large ones: `jsonOutputChunks`). */
export function toJsonOutput(result: AnyResult): JsonOutput {
  const rows = resultRows(result);
  const results: JsonEnterprise[] = new Array<JsonEnterprise>(rows.count);
  for (let i = 0; i < rows.count; i++) results[i] = jsonEnterprise(rows.row(i));
  return { scheme: rows.scheme, groups: rows.groups.map(jsonGroup), results };
}

/**
 * The JSON output as UTF-8 blocks of about 1 MB: `{"scheme":…,"groups":[…],"results":[` then one enterprise per line.
 * `JSON.parse` of the joined blocks equals `toJsonOutput(result)`. Written byte by byte (numbers exact, as
 * `String(x)`), from the columnar arrays when given the columnar result: no object or string per enterprise.
 */
export function* jsonOutputChunks(result: AnyResult): Generator<Uint8Array> {
  const w = new ByteBlocks();
  w.ascii('{"scheme":');
  w.jsonString(result.scheme, false);
  w.ascii(',"groups":');
  w.utf8(JSON.stringify(result.groups.map(jsonGroup)));
  w.ascii(',"results":[');
  const heroKeys = HEROES.map((h, k) => `${k ? ',' : ''}"${h}":`);
  if ('byGroup' in result) {
    const ev = result;
    const heroArrays = HEROES.map((h) => ev.heroes[h]);
    const groupIds = ev.byGroup.map((g) => g.id);
    for (let i = 0; i < ev.n; i++) {
      w.ascii(i ? ',\n{"uscc":' : '\n{"uscc":');
      w.jsonString(ev.uscc[i]!, false);
      w.ascii(',"name":');
      w.jsonString(ev.name[i] ?? '', false);
      w.ascii(',"group":');
      const g = ev.group[i]!;
      w.jsonString(g >= 0 ? groupIds[g]! : null, true);
      w.ascii(',"status":"');
      w.ascii(STATUSES[ev.status[i]!]!);
      const k = ev.member[i]!;
      w.ascii(k >= 0 ? '","total":' : '","total":null,"rank":null,"class":');
      if (k >= 0) {
        w.jsonNumber(ev.total[i]!);
        w.ascii(',"rank":');
        w.jsonNumber(ev.rank[i]!);
        w.ascii(',"class":');
      }
      const c = ev.classIndex[i]!;
      w.jsonString(c >= 0 ? ev.classLabels[c]! : null, true);
      w.ascii(',"heroes":{');
      for (let h = 0; h < heroKeys.length; h++) {
        w.ascii(heroKeys[h]!);
        if (k >= 0) w.jsonNumber(heroArrays[h]![i]!);
        else w.ascii('null');
      }
      w.ascii('},"indicators":{');
      if (k >= 0) {
        const grp = ev.byGroup[g]!;
        for (let j = 0; j < grp.indicators.length; j++) {
          const ind = grp.indicators[j]!;
          if (j) w.byte(0x2c);
          w.jsonString(ind.id, true);
          w.ascii(':{"value":');
          w.jsonNumber(ind.value[k]!);
          w.ascii(',"benchmark":');
          w.jsonNumber(ind.minmax ? NaN : ind.benchmark[k]!);
          w.ascii(',"score":');
          w.jsonNumber(ind.score[k]!);
          w.byte(0x7d);
        }
        w.ascii('},"adjustments":[');
        if (grp.adjustments.length > 0) jsonAdjustments(w, adjustmentsOf(ev, i));
        w.ascii('],"vetoes":[');
        if (grp.vetoes.length > 0) jsonVetoes(w, vetoesOf(ev, i));
        w.ascii(']}');
      } else w.ascii('},"adjustments":[],"vetoes":[]}');
      if (w.full) yield w.take();
    }
  } else {
    const results = result.results;
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      w.ascii(i ? ',\n{"uscc":' : '\n{"uscc":');
      w.jsonString(r.uscc, false);
      w.ascii(',"name":');
      w.jsonString(r.name, false);
      w.ascii(',"group":');
      w.jsonString(r.group, true);
      w.ascii(',"status":"');
      w.ascii(r.status);
      w.ascii('","total":');
      w.jsonNumber(r.total ?? NaN);
      w.ascii(',"rank":');
      w.jsonNumber(r.rank ?? NaN);
      w.ascii(',"class":');
      w.jsonString(r.class, true);
      w.ascii(',"heroes":{');
      for (let h = 0; h < heroKeys.length; h++) {
        w.ascii(heroKeys[h]!);
        w.jsonNumber(r.heroes ? r.heroes[HEROES[h]!] : NaN);
      }
      w.ascii('},"indicators":{');
      let first = true;
      for (const id in r.indicators) {
        const x = r.indicators[id]!;
        if (!first) w.byte(0x2c);
        first = false;
        w.jsonString(id, true);
        w.ascii(':{"value":');
        w.jsonNumber(x.value ?? NaN);
        w.ascii(',"benchmark":');
        w.jsonNumber(x.benchmark ?? NaN);
        w.ascii(',"score":');
        w.jsonNumber(x.score);
        w.byte(0x7d);
      }
      w.ascii('},"adjustments":[');
      jsonAdjustments(w, r.adjustments);
      w.ascii('],"vetoes":[');
      jsonVetoes(w, r.vetoes);
      w.ascii(']}');
      if (w.full) yield w.take();
    }
  }
  w.ascii('\n]}\n');
  yield w.take();
}

function jsonAdjustments(w: ByteBlocks, adjs: readonly { id: string; points: number }[]): void {
  for (let k = 0; k < adjs.length; k++) {
    w.ascii(k ? ',{"id":' : '{"id":');
    w.jsonString(adjs[k]!.id, true);
    w.ascii(',"points":');
    w.jsonNumber(adjs[k]!.points);
    w.byte(0x7d);
  }
}

function jsonVetoes(w: ByteBlocks, ids: readonly string[]): void {
  for (let k = 0; k < ids.length; k++) {
    if (k) w.byte(0x2c);
    w.jsonString(ids[k]!, true);
  }
}

/** Joins byte blocks into text (small outputs, tests). */
export function blocksText(blocks: Iterable<Uint8Array>): string {
  const dec = new TextDecoder('utf-8', { ignoreBOM: true });
  let s = '';
  for (const chunk of blocks) s += dec.decode(chunk, { stream: true });
  return s + dec.decode();
}

// ---- the table for people (CSV and xlsx) ----

export const STATUS_ZH: Record<Status, string> = {
  scored: '评价',
  exempt: '免评',
  tenant: '随出租方',
  unevaluated: '未参评',
};

export const HERO_ZH = { mujun: '亩均', ditan: '低碳', keji: '科技', renjun: '人均' } as const;

export type OutputCell = string | number | null;

/** Decimal places in the people's table: scores and totals as the total is rounded (spec §2.5), values finer. */
export const SCORE_DECIMALS = 4;
export const VALUE_DECIMALS = 6;

export interface OutputTable {
  headers: string[];
  /** per column: decimal places the writers round its numbers to (null: a text column) */
  decimals: (number | null)[];
  /** the number of rows `rows()` yields */
  count: number;
  /**
   * One row per enterprise: a text column's cell in `text[k]` (null = empty), a number column's in `num[k]` (NaN =
   * empty, unrounded). Numbers stay in a Float64Array so that no cell becomes an object. The same row object is
   * reused: read it before taking the next (`rowCells` copies one).
   */
  rows(): Generator<OutputRow>;
}

export interface OutputRow {
  text: (string | null)[];
  num: Float64Array;
}

/** A row as plain cells (numbers rounded to the table's decimal places; null = empty). */
export function rowCells(table: OutputTable, row: OutputRow): OutputCell[] {
  return table.decimals.map((d, k) => {
    if (d === null) return row.text[k] ?? null;
    const v = row.num[k]!;
    return Number.isNaN(v) ? null : roundTo(v, d);
  });
}

/** Adjustments as text: `high_tech:+3;renting:-4`. */
export function adjustmentsText(adjs: readonly { id: string; points: number }[]): string {
  let s = '';
  for (const a of adjs) s += `${s ? ';' : ''}${a.id}:${a.points >= 0 ? '+' : ''}${a.points}`;
  return s;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** Rounded half away from zero to `d` places (for display: the JSON output keeps every number exact). */
export function roundTo(x: number, d: number): number {
  const f = POW10[d]!;
  const m = Math.round(Math.abs(x) * f);
  return x < 0 && m !== 0 ? -m / f : m / f;
}

/**
 * The people's table: 统一社会信用代码, 企业名称, 分组 (the group's name), 状态, 综合得分, 排名, 档次, the four heroes, then
 * per indicator (ids unique across groups, the first name wins) `<name>`, `<name>基准`, `<name>得分`, then 加减分, 否决项.
 * The writers show scores, heroes and totals to 4 decimal places, values and benchmarks to 6 (the JSON output is exact).
 */
export function outputTable(scheme: Scheme, result: AnyResult): OutputTable {
  const groupName = new Map(scheme.groups.map((g) => [g.id, g.name]));
  const indicatorIds: string[] = [];
  const names = new Map<string, string>();
  for (const g of scheme.groups)
    for (const ind of g.indicators)
      if (!names.has(ind.id)) {
        names.set(ind.id, ind.name);
        indicatorIds.push(ind.id);
      }
  // two indicators with one name: tell them apart by id
  const nameCount = new Map<string, number>();
  for (const n of names.values()) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  const label = (id: string) => {
    const n = names.get(id)!;
    return nameCount.get(n)! > 1 || n === '' ? `${n}(${id})` : n;
  };
  const headers = ['统一社会信用代码', '企业名称', '分组', '状态', '综合得分', '排名', '档次', ...HEROES.map((h) => HERO_ZH[h])];
  const decimals: (number | null)[] = [null, null, null, null, SCORE_DECIMALS, 0, null, ...HEROES.map(() => SCORE_DECIMALS)];
  for (const id of indicatorIds) {
    headers.push(label(id), `${label(id)}基准`, `${label(id)}得分`);
    decimals.push(VALUE_DECIMALS, VALUE_DECIMALS, SCORE_DECIMALS);
  }
  headers.push('加减分', '否决项');
  decimals.push(null, null);
  const width = headers.length;
  const base = 7 + HEROES.length;
  const column = new Map(indicatorIds.map((id, k) => [id, base + 3 * k]));
  if ('byGroup' in result) {
    // the columnar result is read straight from its arrays: no object per enterprise
    const ev = result;
    const groupLabel = ev.byGroup.map((g) => groupName.get(g.id) ?? g.id);
    const indicatorColumns = ev.byGroup.map((g) => g.indicators.map((ind) => column.get(ind.id) ?? -1));
    const heroArrays = HEROES.map((h) => ev.heroes[h]);
    const statusText = STATUSES.map((st) => STATUS_ZH[st]);
    const table: OutputTable = {
      headers,
      decimals,
      count: ev.n,
      *rows() {
        const row: OutputRow = { text: new Array<string | null>(width).fill(null), num: new Float64Array(width) };
        const { text, num } = row;
        for (let i = 0; i < ev.n; i++) {
          const g = ev.group[i]!;
          const k = ev.member[i]!;
          text[0] = ev.uscc[i]!;
          text[1] = ev.name[i] ?? '';
          text[2] = g >= 0 ? groupLabel[g]! : null;
          text[3] = statusText[ev.status[i]!]!;
          const c = ev.classIndex[i]!;
          text[6] = c >= 0 ? ev.classLabels[c]! : null;
          text[width - 2] = null;
          text[width - 1] = null;
          num.fill(NaN);
          if (k >= 0) {
            num[4] = ev.total[i]!;
            num[5] = ev.rank[i]!;
            for (let h = 0; h < heroArrays.length; h++) num[7 + h] = heroArrays[h]![i]!;
            const grp = ev.byGroup[g]!;
            const inds = grp.indicators;
            const cols = indicatorColumns[g]!;
            for (let j = 0; j < inds.length; j++) {
              const p = cols[j]!;
              if (p < 0) continue;
              const ind = inds[j]!;
              num[p] = ind.value[k]!;
              num[p + 1] = ind.minmax ? NaN : ind.benchmark[k]!;
              num[p + 2] = ind.score[k]!;
            }
            if (grp.adjustments.length > 0) {
              const adj = adjustmentsOf(ev, i);
              if (adj.length) text[width - 2] = adjustmentsText(adj);
            }
            if (grp.vetoes.length > 0) {
              const vetoes = vetoesOf(ev, i);
              if (vetoes.length) text[width - 1] = vetoes.join(';');
            }
          }
          yield row;
        }
      },
    };
    COLUMNAR.set(table, { ev, groupLabel, indicatorColumns, indicatorCount: indicatorIds.length, heroArrays, statusText });
    return table;
  }

  const rows = resultRows(result);
  const n = (v: number | null | undefined) => (v === null || v === undefined ? NaN : v);
  return {
    headers,
    decimals,
    count: rows.count,
    *rows() {
      const row: OutputRow = { text: new Array<string | null>(width).fill(null), num: new Float64Array(width) };
      const { text, num } = row;
      for (let i = 0; i < rows.count; i++) {
        const r = rows.row(i);
        text.fill(null);
        num.fill(NaN);
        text[0] = r.uscc;
        text[1] = r.name;
        text[2] = r.group === null ? null : (groupName.get(r.group) ?? r.group);
        text[3] = STATUS_ZH[r.status];
        num[4] = n(r.total);
        num[5] = n(r.rank);
        text[6] = r.class;
        for (let h = 0; h < HEROES.length; h++) num[7 + h] = r.heroes ? r.heroes[HEROES[h]!] : NaN;
        for (const id in r.indicators) {
          const p = column.get(id);
          if (p === undefined) continue;
          const x = r.indicators[id]!;
          num[p] = n(x.value);
          num[p + 1] = n(x.benchmark);
          num[p + 2] = x.score;
        }
        text[width - 2] = r.adjustments.length ? adjustmentsText(r.adjustments) : null;
        text[width - 1] = r.vetoes.length ? r.vetoes.join(';') : null;
        yield row;
      }
    },
  };
}

/** What the CSV writer needs to read a columnar result's table straight from its arrays (see `csvOutputChunks`). */
interface ColumnarLayout {
  ev: ColumnarEvaluation;
  /** per group: the group's name */
  groupLabel: string[];
  /** per group, per indicator: its first output column */
  indicatorColumns: number[][];
  indicatorCount: number;
  heroArrays: Float64Array[];
  statusText: string[];
}

/** Tables made by `outputTable` from a columnar result (kept apart so that the table's own shape does not change). */
const COLUMNAR = new WeakMap<OutputTable, ColumnarLayout>();

/** "00" … "99" */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, k) => 0x30 + (k & 1 ? (k >> 1) % 10 : ((k >> 1) / 10) | 0));

/** Trailing zeros of 0 … 99 written as two digits (00 counts 2). */
const TRAILING_ZEROS = Uint8Array.from({ length: 100 }, (_, v) => (v === 0 ? 2 : v % 10 === 0 ? 1 : 0));

/** The digits of a non-negative integer below 2^31 at `buf[p]`, two at a time; returns the position after them. */
function putUint31(buf: Uint8Array, p: number, v: number): number {
  const len =
    v < 10
      ? 1
      : v < 100
        ? 2
        : v < 1e3
          ? 3
          : v < 1e4
            ? 4
            : v < 1e5
              ? 5
              : v < 1e6
                ? 6
                : v < 1e7
                  ? 7
                  : v < 1e8
                    ? 8
                    : v < 1e9
                      ? 9
                      : 10;
  let e = p + len;
  while (v >= 100) {
    const q = (v / 100) | 0;
    const r = (v - q * 100) << 1;
    buf[--e] = DIGIT_PAIRS[r + 1]!;
    buf[--e] = DIGIT_PAIRS[r]!;
    v = q;
  }
  if (v >= 10) {
    buf[--e] = DIGIT_PAIRS[(v << 1) + 1]!;
    buf[--e] = DIGIT_PAIRS[v << 1]!;
  } else buf[--e] = 0x30 + v;
  return p + len;
}

/**
 * `ByteBlocks.number(x, dp)` for dp 4 or 6 at `buf[p]` (room for 20 bytes made by the caller), the same bytes without a
 * division or a loop per digit: returns the position after them, or −1 when the value needs `number` (|x| ≥ 2^31).
 * The integer part is trunc(|x|), plus one when the rounded fraction reaches 1 — exactly ⌊m / 10^dp⌋ for
 * m = round(|x|·10^dp), as `number` computes it (m < 2^53, so every step is exact).
 */
function putFixed(buf: Uint8Array, p: number, x: number, dp: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < 2147483648)) return ax - ax === 0 ? -1 : p; // NaN, ±Infinity: nothing; huge: the general path
  const f = dp === 4 ? 10000 : 1000000;
  const m = Math.round(ax * f);
  let ip = ax | 0;
  let r = m - ip * f;
  if (r >= f) {
    ip++;
    r -= f;
  }
  if (ip > 0x7fffffff) return -1;
  if (x < 0 && m !== 0) buf[p++] = 0x2d;
  p = putUint31(buf, p, ip);
  if (r === 0) return p;
  buf[p] = 0x2e;
  let len: number;
  if (dp === 4) {
    const hi = (r / 100) | 0;
    const lo = r - hi * 100;
    buf[p + 1] = DIGIT_PAIRS[hi << 1]!;
    buf[p + 2] = DIGIT_PAIRS[(hi << 1) + 1]!;
    buf[p + 3] = DIGIT_PAIRS[lo << 1]!;
    buf[p + 4] = DIGIT_PAIRS[(lo << 1) + 1]!;
    len = lo !== 0 ? 4 - TRAILING_ZEROS[lo]! : 2 - TRAILING_ZEROS[hi]!;
  } else {
    const a = (r / 10000) | 0;
    const rest = r - a * 10000;
    const b = (rest / 100) | 0;
    const c = rest - b * 100;
    buf[p + 1] = DIGIT_PAIRS[a << 1]!;
    buf[p + 2] = DIGIT_PAIRS[(a << 1) + 1]!;
    buf[p + 3] = DIGIT_PAIRS[b << 1]!;
    buf[p + 4] = DIGIT_PAIRS[(b << 1) + 1]!;
    buf[p + 5] = DIGIT_PAIRS[c << 1]!;
    buf[p + 6] = DIGIT_PAIRS[(c << 1) + 1]!;
    len = c !== 0 ? 6 - TRAILING_ZEROS[c]! : b !== 0 ? 4 - TRAILING_ZEROS[b]! : 2 - TRAILING_ZEROS[a]!;
  }
  return p + 1 + len;
}

/**
 * Builds UTF-8 output (CSV, JSON) in blocks of about 1 MB: numbers are written digit by digit and text is encoded to UTF-8 by hand,
 * so a row makes no intermediate strings (string concatenation of 1,000,000 rows is mostly garbage collection).
 */
class ByteBlocks {
  private static readonly BLOCK = 1 << 20;
  buf = new Uint8Array(ByteBlocks.BLOCK + 4096);
  pos = 0;
  private readonly digits = new Uint8Array(24);
  private readonly cache = new Map<string, Uint8Array>();
  private readonly jsonCache = new Map<string, Uint8Array>();

  get full(): boolean {
    return this.pos >= ByteBlocks.BLOCK;
  }

  /** The bytes so far; the writer goes on in a new block (the old one belongs to the caller). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(ByteBlocks.BLOCK + 4096);
    this.pos = 0;
    return out;
  }

  /** The bytes so far; the writer goes on in the same buffer (the caller must be done with them before that). */
  takeReused(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** A non-negative integer below 2^53. */
  uint(v: number): void {
    const d = this.digits;
    let k = 0;
    if (v < 0x80000000) {
      let i = v | 0;
      do {
        const q = (i / 10) | 0;
        d[k++] = 0x30 + (i - q * 10);
        i = q;
      } while (i > 0);
    } else
      do {
        const q = Math.floor(v / 10);
        d[k++] = 0x30 + (v - q * 10);
        v = q;
      } while (v > 0);
    this.room(k);
    const buf = this.buf;
    while (k > 0) buf[this.pos++] = d[--k]!;
  }

  /** `x` with at most `dp` (≤ 6) decimal places, trailing zeros dropped, half away from zero; NaN: nothing. */
  number(x: number, dp: number): void {
    if (!Number.isFinite(x)) return;
    const f = POW10[dp]!;
    const m = Math.round((x < 0 ? -x : x) * f);
    if (m >= 9007199254740992) return this.ascii(String(roundTo(x, dp)));
    if (x < 0 && m !== 0) this.byte(0x2d);
    const ip = Math.floor(m / f);
    this.uint(ip);
    let fp = (m - ip * f) | 0; // below 10^6: integer arithmetic from here
    if (fp === 0) return;
    let width = dp;
    while (fp % 10 === 0) {
      fp = (fp / 10) | 0;
      width--;
    }
    this.room(width + 1);
    const buf = this.buf;
    buf[this.pos++] = 0x2e;
    for (let k = width - 1; k >= 0; k--) {
      buf[this.pos + k] = 0x30 + (fp % 10);
      fp = (fp / 10) | 0;
    }
    this.pos += width;
  }

  /** `number(x, dp)` (dp 4 or 6) through `putFixed`. */
  fixed(x: number, dp: number): void {
    this.room(24);
    const p = putFixed(this.buf, this.pos, x, dp);
    if (p < 0) this.number(x, dp);
    else this.pos = p;
  }

  /** `text(s, false)` for text that is usually plain ASCII (credit codes): one pass, back to `text` at anything else. */
  plainCell(s: string): void {
    if (formulaLeading(s)) return this.text(s, false);
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x20)
        return this.text(s, false);
      buf[p + i] = c;
    }
    this.pos = p + n;
  }

  /**
   * A CSV text cell from valid UTF-8 bytes with no white space at either end: as they are, or quoted as `text` would
   * when they hold a comma, quote, tab or line break.
   */
  utf8Cell(b: Uint8Array, s: number, e: number): void {
    if (formulaLeadingByte(b, s, e)) return this.text(utf8.decode(b.subarray(s, e)), false);
    this.room(e - s);
    const buf = this.buf;
    let p = this.pos;
    for (let k = s; k < e; k++) {
      const c = b[k]!;
      // (what was copied so far is not kept: the position moves only at the end)
      if (c < 0x30 && (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09))
        return this.text(utf8.decode(b.subarray(s, e)), false);
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Makes room for `n` bytes (for writes that do not check). */
  reserve(n: number): void {
    this.room(n);
  }

  /** Text known to be ASCII, as it is. */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, UTF-8, as it is. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos = this.encode(s, this.pos, false);
  }

  /** UTF-16 → UTF-8 at `p` (room made by the caller); `csvQuote` doubles quotes. Returns the new position. */
  private encode(s: string, p: number, csvQuote: boolean): number {
    const buf = this.buf;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x22 && csvQuote) buf[p++] = 0x22;
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[p++] = 0xf0 | (c >> 18);
        buf[p++] = 0x80 | ((c >> 12) & 0x3f);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    return p;
  }

  /** A JSON number exactly as `JSON.stringify` writes it; not finite: null. */
  jsonNumber(x: number): void {
    if (!Number.isFinite(x)) return this.ascii('null');
    if (Math.floor(x) === x && x > -9007199254740992 && x < 9007199254740992) {
      if (x < 0) this.byte(0x2d);
      return this.uint(x < 0 ? -x : x);
    }
    this.ascii(String(x));
  }

  /** A JSON string (null: null); `cacheable` for values that repeat (ids, classes). */
  jsonString(s: string | null, cacheable: boolean): void {
    if (s === null) return this.ascii('null');
    if (cacheable) return this.cached(s, 1);
    let plain = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
        plain = false;
        break;
      }
    }
    if (!plain) return this.utf8(JSON.stringify(s)); // escapes (rare in names and codes)
    this.room(s.length * 3 + 2);
    this.buf[this.pos++] = 0x22;
    this.pos = this.encode(s, this.pos, false);
    this.buf[this.pos++] = 0x22;
  }

  /** Copies the bytes written for `s` before (kind 0: CSV text, 1: JSON string), writing them the first time. */
  private cached(s: string, kind: number): void {
    const cache = kind === 0 ? this.cache : this.jsonCache;
    let bytes = cache.get(s);
    if (bytes === undefined) {
      const before = this.pos;
      if (kind === 0) this.text(s, false);
      else this.jsonString(s, false);
      if (cache.size < 4096) cache.set(s, this.buf.slice(before, this.pos));
      return;
    }
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A CSV text cell (formula-leading text prefixed with '): quoted when it holds a comma, quote, line break or surrounding spaces; UTF-8. */
  text(s: string, cacheable: boolean): void {
    if (cacheable) return this.cached(s, 0);
    s = safeText(s); // formula-leading text gets a leading ' (see domain/spreadsheet/safe-cell.ts)
    const n = s.length;
    let quote = n > 0 && (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20);
    for (let i = 0; i < n && !quote; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09) quote = true;
    }
    this.room(n * 3 * (quote ? 2 : 1) + 2);
    let p = this.pos;
    if (quote) this.buf[p++] = 0x22;
    p = this.encode(s, p, quote);
    if (quote) this.buf[p++] = 0x22;
    this.pos = p;
  }
}

/**
 * The people's table as CSV, in UTF-8 blocks of about 1 MB (CRLF line ends; a BOM first so Excel reads UTF-8).
 * Numbers with the table's decimal places.
 */
export function* csvOutputChunks(table: OutputTable, opts: { bom?: boolean; reuseBuffer?: boolean } = {}): Generator<Uint8Array> {
  const w = new ByteBlocks();
  if (opts.bom !== false) for (const b of [0xef, 0xbb, 0xbf]) w.byte(b);
  table.headers.forEach((h, k) => {
    if (k) w.byte(0x2c);
    w.text(h, false);
  });
  w.byte(0x0d);
  w.byte(0x0a);
  const layout = COLUMNAR.get(table);
  if (layout) {
    yield* columnarCsvRows(w, layout, opts.reuseBuffer === true);
    return;
  }
  const decimals = Int32Array.from(table.decimals, (d) => (d === null ? -1 : d));
  // the first two columns (code, name) differ on every row; the others repeat (group, status, class, adjustments)
  const cacheable = table.headers.map((_, k) => k >= 2);
  for (const { text, num } of table.rows()) {
    for (let k = 0; k < decimals.length; k++) {
      if (k) w.byte(0x2c);
      const d = decimals[k]!;
      if (d >= 0) w.number(num[k]!, d);
      else {
        const v = text[k];
        if (v !== null && v !== undefined) w.text(v, cacheable[k]!);
      }
    }
    w.byte(0x0d);
    w.byte(0x0a);
    if (w.full) yield w.take();
  }
  yield w.take();
}

/** The bytes of one CSV text cell. */
function cellBytes(s: string): Uint8Array {
  const w = new ByteBlocks();
  w.text(s, false);
  return w.take().slice();
}

/**
 * The rows of a columnar result's table, read straight from its arrays: the same bytes as the generic loop over
 * `rows()` (which fills a row of 30-odd cells per enterprise and formats each through its column's decimals).
 */
function* columnarCsvRows(w: ByteBlocks, L: ColumnarLayout, reuse: boolean): Generator<Uint8Array> {
  const { ev, heroArrays } = L;
  const H = heroArrays.length;
  const I = L.indicatorCount;
  const groupBytes = L.groupLabel.map(cellBytes);
  const statusBytes = L.statusText.map(cellBytes);
  const classBytes = ev.classLabels.map(cellBytes);
  // per group, per output indicator column: the group's indicator there, or −1
  const slots = ev.byGroup.map((_, g) => {
    const slot = new Int32Array(I).fill(-1);
    L.indicatorColumns[g]!.forEach((p, j) => {
      if (p >= 0) slot[(p - 7 - H) / 3] = j;
    });
    return slot;
  });
  const adjText = new Map<string, Uint8Array>();
  const vetoText = new Map<string, Uint8Array>();
  const repeated = (cache: Map<string, Uint8Array>, s: string): Uint8Array => {
    let b = cache.get(s);
    if (b === undefined) {
      b = cellBytes(s);
      if (cache.size < 4096) cache.set(s, b);
    }
    return b;
  };
  // unscored rows: status, empty total and rank, class, then empty heroes, indicators, adjustments and vetoes
  const emptyTail = new Uint8Array(H + 3 * I + 2).fill(0x2c);
  // room for the numbers and commas of a row (a number takes at most 18 bytes here, 25 through `number`) and its class
  const rowRoom = 64 + classBytes.reduce((m, b) => Math.max(m, b.length), 0) + 28 * (2 + H + 3 * I);
  const { uscc, group, member, status, classIndex, total, rank } = ev;
  // names still held as the input's bytes are copied as they are (reading `ev.name` would decode them all)
  const nb = nameBytesOf(ev);
  const names = nb ? nb.strings : ev.name;
  const nameStart = nb ? nb.start : null;
  const aw = ev.adjustmentWords;
  const vw = ev.vetoWords;
  const n = ev.n;
  for (let i = 0; i < n; i++) {
    w.plainCell(uscc[i]!);
    w.byte(0x2c);
    const ns = nameStart === null ? -1 : nameStart[i]!;
    if (ns < 0) w.text(names[i] ?? '', false);
    else w.utf8Cell(nb!.bytes, ns, nb!.end[i]!);
    w.byte(0x2c);
    const g = group[i]!;
    if (g >= 0) w.bytes(groupBytes[g]!);
    w.byte(0x2c);
    w.bytes(statusBytes[status[i]!]!);
    w.reserve(rowRoom);
    w.byte(0x2c);
    const k = member[i]!;
    const c = classIndex[i]!;
    if (k < 0) {
      w.byte(0x2c);
      w.byte(0x2c);
      if (c >= 0) w.bytes(classBytes[c]!);
      w.bytes(emptyTail);
    } else {
      // the numbers: straight into the buffer (room made above); a value `putFixed` declines goes through `number`
      let buf = w.buf;
      let p = putFixed(buf, w.pos, total[i]!, SCORE_DECIMALS);
      if (p < 0) p = slowNumber(w, total[i]!, SCORE_DECIMALS);
      buf = w.buf;
      buf[p++] = 0x2c;
      const rk = rank[i]!;
      if (rk >= 0) p = putUint31(buf, p, rk);
      else {
        w.pos = p;
        w.number(rk, 0);
        buf = w.buf;
        p = w.pos;
      }
      buf[p++] = 0x2c;
      if (c >= 0) {
        const cb = classBytes[c]!;
        buf.set(cb, p);
        p += cb.length;
      }
      for (let h = 0; h < H; h++) {
        buf[p++] = 0x2c;
        const x = heroArrays[h]![i]!;
        const q = putFixed(buf, p, x, SCORE_DECIMALS);
        if (q >= 0) p = q;
        else {
          w.pos = p;
          p = slowNumber(w, x, SCORE_DECIMALS);
          buf = w.buf;
        }
      }
      const grp = ev.byGroup[g]!;
      const inds = grp.indicators;
      const slot = slots[g]!;
      for (let q = 0; q < I; q++) {
        const j = slot[q]!;
        buf[p++] = 0x2c;
        if (j < 0) {
          buf[p++] = 0x2c;
          buf[p++] = 0x2c;
          continue;
        }
        const ind = inds[j]!;
        const v = ind.value[k]!;
        let o = putFixed(buf, p, v, VALUE_DECIMALS);
        if (o < 0) {
          w.pos = p;
          o = slowNumber(w, v, VALUE_DECIMALS);
          buf = w.buf;
        }
        buf[o++] = 0x2c;
        if (!ind.minmax) {
          const b = ind.benchmark[k]!;
          const o2 = putFixed(buf, o, b, VALUE_DECIMALS);
          if (o2 >= 0) o = o2;
          else {
            w.pos = o;
            o = slowNumber(w, b, VALUE_DECIMALS);
            buf = w.buf;
          }
        }
        buf[o++] = 0x2c;
        const sc = ind.score[k]!;
        p = putFixed(buf, o, sc, SCORE_DECIMALS);
        if (p < 0) {
          w.pos = o;
          p = slowNumber(w, sc, SCORE_DECIMALS);
          buf = w.buf;
        }
      }
      w.pos = p;
      w.byte(0x2c);
      if (grp.adjustments.length > 0 && anyBit(ev.adjustmentMask, i * aw, aw)) {
        const adj = adjustmentsOf(ev, i);
        if (adj.length) w.bytes(repeated(adjText, adjustmentsText(adj)));
      }
      w.byte(0x2c);
      if (grp.vetoes.length > 0 && anyBit(ev.vetoMask, i * vw, vw)) {
        const vetoes = vetoesOf(ev, i);
        if (vetoes.length) w.bytes(repeated(vetoText, vetoes.join(';')));
      }
    }
    w.byte(0x0d);
    w.byte(0x0a);
    if (w.full) yield reuse ? w.takeReused() : w.take();
  }
  yield reuse ? w.takeReused() : w.take();
}

/** `number` at the writer's position (for the values `putFixed` declines); returns the position after them. */
function slowNumber(w: ByteBlocks, x: number, dp: number): number {
  w.number(x, dp);
  return w.pos;
}

function anyBit(mask: Uint32Array, from: number, words: number): boolean {
  for (let k = 0; k < words; k++) if (mask[from + k] !== 0) return true;
  return false;
}

/** The CSV blocks joined as text (small tables, tests). */
export function csvOutputText(table: OutputTable, opts: { bom?: boolean } = {}): string {
  return blocksText(csvOutputChunks(table, opts));
}

/** A problem list as readable Chinese lines (for stderr). */
export function problemLines(
  problems: readonly { row: number | null; column: string | null; value: string | null; reason: string }[],
): string[] {
  return problems.map((p) => {
    const where: string[] = [];
    if (p.row !== null) where.push(`第 ${p.row} 行`);
    if (p.column !== null) where.push(`列“${p.column}”`);
    if (p.value !== null) where.push(`值“${p.value}”`);
    return where.length ? `${where.join('，')}：${p.reason}` : p.reason;
  });
}
