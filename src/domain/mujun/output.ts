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
import { HEROES, type Scheme } from './scheme.js';

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

export interface JsonHeroes {
  mujun: number | null;
  ditan: number | null;
  keji: number | null;
  renjun: number | null;
}

export interface JsonEnterprise {
  uscc: string;
  name: string;
  group: string | null;
  status: Status;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: JsonHeroes;
  indicators: Record<string, { value: number | null; benchmark: number | null; score: number | null }>;
  adjustments: { id: string; points: number }[];
  vetoes: string[];
}

export interface JsonOutput {
  scheme: string;
  groups: { id: string; n: number; benchmarks: Record<string, number | null>; classCounts: Record<string, number> }[];
  results: JsonEnterprise[];
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

function jsonGroup(g: GroupResult): JsonOutput['groups'][number] {
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
    return {
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

  /** A CSV text cell: quoted when it holds a comma, quote, line break or surrounding spaces; UTF-8. */
  text(s: string, cacheable: boolean): void {
    if (cacheable) return this.cached(s, 0);
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
export function* csvOutputChunks(table: OutputTable, opts: { bom?: boolean } = {}): Generator<Uint8Array> {
  const w = new ByteBlocks();
  if (opts.bom !== false) for (const b of [0xef, 0xbb, 0xbf]) w.byte(b);
  table.headers.forEach((h, k) => {
    if (k) w.byte(0x2c);
    w.text(h, false);
  });
  w.byte(0x0d);
  w.byte(0x0a);
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
