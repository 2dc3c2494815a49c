/**
 * The 亩均 input (spec §1): a header and rows → a columnar `MujunTable`, or every problem found (row, column, value,
 * reason). One builder serves the CSV reader (fields as bytes), the xlsx reader and rows held as objects. Pure: no I/O.
 */
import { isUtf8 } from 'node:buffer';
import { csvText, formulaLeading } from '../spreadsheet/safe-cell.js';
import { normalizeUscc, USCC_ALPHABET, usccProblem, USCC_PROBLEM_ZH, USCC_WEIGHTS } from '../uscc/uscc.js';
import {
  fieldBlank,
  fieldText,
  FIELD_ESCAPED,
  FIELD_MALFORMED,
  FIELD_NUMBER,
  FIELD_VALUE,
  parseNumberBytes,
  parseNumberText,
  type CsvHandler,
} from './csv.js';
import { defineLazyNames } from './columnar.js';
import type { MujunTable } from './engine.js';
import {
  DEFAULT_TEXT_FIELDS,
  KNOWN_NUMBER_FIELDS,
  MujunExprError,
  parseArith,
  parseFilter,
  type Arith,
  type Filter,
} from './expr.js';
import { FIELD_BY_HEADER, FIELD_BY_KEY, INPUT_FIELDS, parseScale, type FieldDef, type MujunRecord } from './fields.js';
import type { Scheme } from './scheme.js';

/** One problem of an input (or of a scheme against it). `row` as in the file (header = 1); `column` = header text. */
export interface InputProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export type InputResult = { ok: true; table: MujunTable } | { ok: false; errors: InputProblem[] };

/** A cell as the xlsx reader or an object row gives it. */
export type InputCell = string | number | boolean | Date | null | undefined;

const enum Kind {
  Uscc,
  Name,
  Text,
  Scale,
  Number,
  Nonneg,
  Int,
  Landlord,
  Unknown,
  /** a column without a header, or a repeated header: its data is not used */
  Ignored,
}

interface Col {
  header: string;
  key: string;
  kind: Kind;
  num: Float64Array | null;
  text: string[] | null;
  /** Unknown columns: every non-empty cell so far parsed as a number. */
  allNumeric: boolean;
  /** Ignored columns: data reported once. */
  reported: boolean;
  /** decoded text of repeated cells (town, industry, flags, …) */
  cache: TextCache;
}

const REASON_NOT_NUMBER = '不是有效的数字';
export const REASON_CONTROL = '含有控制字符（如 NUL），请删除后重新上传';
/** C0 control characters and DEL, except TAB, LF and CR (a quoted CSV field or an Excel cell may hold line breaks). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A cell's text with its control characters made visible (`\u0000`), for the problem list. */
export const showControl = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Whether `b[s, e)` holds a byte of `CONTROL` (in UTF-8 these bytes are never part of another character). */
function hasControlByte(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const x = b[i]!;
    if ((x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d) || x === 0x7f) return true;
  }
  return false;
}
const REASON_NEGATIVE = '不能为负数';
const REASON_NOT_INT = '应为非负整数';
const REASON_SCALE = '规模应为 above / below（或 规上 / 规下）';
const REASON_QUOTES = '引号使用不正确（字段内的引号应写成两个引号 ""，且字段须整体用引号括起）';
/** reported once per column (the first row where it happens) */
const REASON_NO_HEADER = '此列没有列名，但有数据';

/** Header text → lookup key: full-width parentheses made ASCII, spaces and required-markers (*) removed. */
function canonicalHeader(h: string): string {
  return h
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s*＊]/g, '');
}

export function lookupField(header: string): FieldDef | undefined {
  const h = header.trim();
  return FIELD_BY_HEADER.get(h) ?? FIELD_BY_HEADER.get(canonicalHeader(h)) ?? FIELD_BY_HEADER.get(h.toLowerCase());
}

const ABOVE = [0x61, 0x62, 0x6f, 0x76, 0x65]; // above
const BELOW = [0x62, 0x65, 0x6c, 0x6f, 0x77]; // below

function bytesAre(buf: Uint8Array, s: number, e: number, word: readonly number[]): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[s + i] !== word[i]) return false;
  return true;
}

/** USCC alphabet value of each byte, −1 outside it (upper case only). */
const USCC_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;
// module-local: an imported binding can compile to a getter call, which would run per character below
const WEIGHTS = USCC_WEIGHTS;

/**
 * Whether the bytes are exactly a valid, already normalised USCC (18 upper-case characters, check digit right); when
 * not, the caller takes the slow path, which normalises and names the problem.
 */
function isValidUscc(b: Uint8Array, s: number, e: number): boolean {
  if (e - s !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_VALUE[b[s + i]!]!;
    if (v < 0) return false;
    sum += v * WEIGHTS[i]!;
  }
  return b[s + 17] === USCC_CHECK_CHAR[sum % 31];
}

/** Check character for a weighted sum modulo 31. */
const USCC_CHECK_CHAR = Uint8Array.from({ length: 31 }, (_, r) => USCC_ALPHABET.charCodeAt((31 - r) % 31));

/**
 * Duplicate codes, found at the end: the codes' bytes are appended as they come (sequential writes only), then
 * partitioned by hash so that each partition's table fits in the CPU cache. A hash table over all 1,000,000 codes (or
 * a Map of strings) misses the cache on nearly every insert and costs several times more.
 */
class UsccDuplicates {
  private bytes = new Uint8Array(18 * 1024);
  private rows = new Int32Array(1024);
  private count = 0;
  /** the text as in the file, for codes that were normalised (lower case, spaces) */
  private readonly raw = new Map<number, string>();

  /** Room for `n` codes. */
  reserve(n: number): void {
    if (n <= this.rows.length) return;
    const rows = new Int32Array(n);
    rows.set(this.rows.subarray(0, this.count));
    const bytes = new Uint8Array(n * 18);
    bytes.set(this.bytes.subarray(0, this.count * 18));
    this.rows = rows;
    this.bytes = bytes;
  }

  /** Records the valid code in `b[s, s + 18)` of file row `row` (`raw`: its text in the file, when different). */
  push(b: Uint8Array, s: number, row: number, raw: string | null): void {
    const id = this.count++;
    if (id >= this.rows.length) this.reserve(this.rows.length * 2);
    const bytes = this.bytes;
    const o = id * 18;
    for (let i = 0; i < 18; i++) bytes[o + i] = b[s + i]!;
    this.rows[id] = row;
    if (raw !== null) this.raw.set(id, raw);
  }

  /** The codes so far, for `append` in another builder (the arrays are cut to size: they can be transferred). */
  export(): PartCodes {
    return {
      bytes: this.bytes.slice(0, this.count * 18),
      rows: this.rows.slice(0, this.count),
      raw: [...this.raw],
    };
  }

  /** Appends the codes of a later part of the file, its rows moved down by `rowOffset`. */
  append(part: PartCodes, rowOffset: number): void {
    const k = part.rows.length;
    const base = this.count;
    this.reserve(base + k);
    this.bytes.set(part.bytes.subarray(0, k * 18), base * 18);
    const rows = this.rows;
    for (let i = 0; i < k; i++) rows[base + i] = part.rows[i]! + rowOffset;
    for (const [id, raw] of part.raw) this.raw.set(base + id, raw);
    this.count = base + k;
  }

  /** The codes in push order as strings: one decode of all bytes, then slices of it (no copy of the characters). */
  strings(): string[] {
    const all = latin1.decode(this.bytes.subarray(0, this.count * 18));
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = all.slice(i * 18, i * 18 + 18);
    return out;
  }

  /** Calls `report` for every repeated code (in the order pushed) with the row where it first appeared. */
  each(report: (row: number, code: string, firstRow: number) => void): void {
    const n = this.count;
    if (n < 2) return;
    const bytes = this.bytes;
    const hashes = new Int32Array(n);
    const BITS = n > 1 << 16 ? 8 : 0;
    const parts = 1 << BITS;
    const start = new Int32Array(parts + 1);
    for (let id = 0; id < n; id++) {
      let h = 0x811c9dc5;
      const o = id * 18;
      for (let i = 0; i < 18; i++) h = Math.imul(h ^ bytes[o + i]!, 0x01000193);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h ^= h >>> 12;
      hashes[id] = h;
      start[(BITS ? h >>> (32 - BITS) : 0) + 1]!++; // (a shift by 32 is a shift by 0)
    }
    for (let p = 0; p < parts; p++) start[p + 1]! += start[p]!;
    // counting sort by partition: ids stay in push order within a partition
    const order = new Int32Array(n);
    const sortedHash = new Int32Array(n);
    const fill = start.slice(0, parts);
    for (let id = 0; id < n; id++) {
      const h = hashes[id]!;
      const k = fill[BITS ? h >>> (32 - BITS) : 0]!++;
      order[k] = id;
      sortedHash[k] = h;
    }
    let table = new Int32Array(16);
    const same = (a: number, b: number): boolean => {
      for (let i = 0; i < 18; i++) if (bytes[a * 18 + i] !== bytes[b * 18 + i]) return false;
      return true;
    };
    const found: [number, number][] = [];
    for (let p = 0; p < parts; p++) {
      const from = start[p]!;
      const to = start[p + 1]!;
      let size = 16;
      while (size < (to - from) * 2) size *= 2;
      if (table.length < size) table = new Int32Array(size);
      else table.fill(0, 0, size);
      const mask = size - 1;
      for (let k = from; k < to; k++) {
        const h = sortedHash[k]!;
        const id = order[k]!;
        let slot = h & mask;
        let dupOf = -1;
        for (;;) {
          const e = table[slot]!; // position in order + 1
          if (e === 0) break;
          if (sortedHash[e - 1] === h && same(order[e - 1]!, id)) {
            dupOf = order[e - 1]!;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (dupOf >= 0) found.push([id, dupOf]);
        else table[slot] = k + 1;
      }
    }
    found.sort((x, y) => x[0] - y[0]);
    for (const [id, first] of found) {
      const code = this.raw.get(id) ?? String.fromCharCode(...bytes.subarray(id * 18, id * 18 + 18));
      report(this.rows[id]!, code, this.rows[first]!);
    }
  }
}

const usccScratch = new Uint8Array(18);

/** Whether a code point is white space to `String.prototype.trim` (beyond ASCII). */
function isTrimSpace(cp: number): boolean {
  return (
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** Whether a UTF-8 lead byte can start white space beyond ASCII (U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF). */
function spaceLead(c: number): boolean {
  return c === 0xc2 || c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef;
}

/** The code point of the (valid) UTF-8 sequence whose lead byte is at `b[k]`. */
function codePointAt(b: Uint8Array, k: number): number {
  const c = b[k]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[k + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[k + 1]! & 0x3f) << 6) | (b[k + 2]! & 0x3f);
  return ((c & 0x07) << 18) | ((b[k + 1]! & 0x3f) << 12) | ((b[k + 2]! & 0x3f) << 6) | (b[k + 3]! & 0x3f);
}

/** Whether `b[s, e)` is valid UTF-8 (no overlongs, surrogates, sequences cut short, or code points > U+10FFFF). */
function validUtf8(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e;) {
    const c = b[k]!;
    if (c < 0x80) {
      k++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (k + need >= e) return false;
    const c1 = b[k + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let j = 2; j <= need; j++) {
      const cj = b[k + j]!;
      if (cj < 0x80 || cj > 0xbf) return false;
    }
    k += need + 1;
  }
  return true;
}

/** UTF-16 code units of valid UTF-8 bytes: one per lead byte, two for a four-byte sequence. */
function utf16Units(b: Uint8Array, s: number, e: number): number {
  let u = 0;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if ((c & 0xc0) !== 0x80) u += c >= 0xf0 ? 2 : 1;
  }
  return u;
}

/**
 * Enterprise names kept as bytes: each plain cell (valid UTF-8, no doubled quotes, not white space at either end once
 * ASCII spaces are cut) is copied into one growing buffer, and decoded only when someone reads `table.name` — then in
 * batches, one TextDecoder call for many names cut by their UTF-16 lengths. The CLI's CSV writer copies the bytes
 * instead, so 1,000,000 names never become strings. Other cells are decoded on their own by the caller.
 */
class NameArena {
  bytes = new Uint8Array(1 << 16);
  len = 0;
  /** per table row: where its bytes start (−1: the name is a string in the builder's array) and end */
  start = new Int32Array(1024).fill(-1);
  end = new Int32Array(1024);

  /** Room for `rows` rows (and, from what was seen so far, their bytes). */
  reserve(rows: number, seenRows: number): void {
    if (rows > this.start.length) {
      const start = new Int32Array(rows).fill(-1);
      start.set(this.start);
      const end = new Int32Array(rows);
      end.set(this.end);
      this.start = start;
      this.end = end;
    }
    if (seenRows > 0) this.room(Math.ceil((this.len / seenRows) * rows * 1.05) - this.len);
  }

  private room(n: number): void {
    if (this.len + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.len + n));
    grown.set(this.bytes.subarray(0, this.len));
    this.bytes = grown;
  }

  /**
   * Keeps `b[s, e)` as row `i`'s name; false when the cell must be decoded on its own (and `i` is marked so). The
   * bytes are copied unchecked here and checked all at once by `settle`.
   */
  add(b: Uint8Array, s: number, e: number, i: number): boolean {
    this.start[i] = -1;
    // ASCII white space at the ends is trimmed here; other white space (U+3000, …) takes the string path
    while (s < e && (b[s] === 0x20 || (b[s]! >= 0x09 && b[s]! <= 0x0d))) s++;
    while (e > s && (b[e - 1] === 0x20 || (b[e - 1]! >= 0x09 && b[e - 1]! <= 0x0d))) e--;
    if (s === e) return false;
    const c0 = b[s]!;
    if (c0 >= 0x80) {
      // a cell never starts inside a sequence: so a cut-short sequence at a cell's end shows in the joined bytes
      if ((c0 & 0xc0) === 0x80 || (spaceLead(c0) && isTrimSpace(codePointAt(b, s)))) return false;
    }
    let last = e - 1;
    while (last > s && (b[last]! & 0xc0) === 0x80) last--;
    if (spaceLead(b[last]!) && isTrimSpace(codePointAt(b, last))) return false;
    this.room(e - s);
    const out = this.bytes;
    const o0 = this.len;
    let o = o0;
    for (let k = s; k < e; k++) out[o++] = b[k]!;
    this.len = o;
    this.start[i] = o0;
    this.end[i] = o;
    return true;
  }

  /** The first `n` rows' bytes, for `append` in another builder (cut to size: they can be transferred). */
  export(n: number): Pick<PartNames, 'bytes' | 'start' | 'end'> {
    return { bytes: this.bytes.slice(0, this.len), start: this.start.slice(0, n), end: this.end.slice(0, n) };
  }

  /** Appends a later part's `n` rows as rows `at…` (room for them made by the caller). */
  append(part: PartNames, at: number, n: number): void {
    const o = this.len;
    this.room(part.bytes.length);
    this.bytes.set(part.bytes, o);
    this.len = o + part.bytes.length;
    const { start, end } = this;
    for (let i = 0; i < n; i++) {
      const s = part.start[i]!;
      start[at + i] = s < 0 ? -1 : s + o;
      end[at + i] = s < 0 ? 0 : part.end[i]! + o;
    }
  }

  /**
   * Checks the kept bytes (one native UTF-8 check of them all; only when it fails, cell by cell) and hands the cells
   * that are not valid UTF-8 back as strings (invalid sequences as U+FFFD, trimmed) in `into`.
   */
  settle(into: string[], n: number): void {
    if (isUtf8(this.bytes.subarray(0, this.len))) return;
    const { bytes, start, end } = this;
    for (let i = 0; i < n; i++) {
      const s = start[i]!;
      if (s < 0 || validUtf8(bytes, s, end[i]!)) continue;
      start[i] = -1;
      into[i] = utf8Decoder.decode(bytes.subarray(s, end[i]!)).trim();
    }
  }

  /** The first `n` rows' names, decoded where `into` (the builder's array) has only a placeholder. */
  decodeInto(into: string[], n: number): string[] {
    const { bytes, start, end } = this;
    for (let i = 0; i < n;) {
      // a batch: rows up to ~256 KB of bytes (their bytes lie in order, possibly with gaps of replaced cells)
      while (i < n && start[i]! < 0) i++;
      if (i >= n) break;
      const first = i;
      const from = start[i]!;
      let last = i;
      for (let k = 0; i < n && (start[i]! < 0 || end[i]! - from < 1 << 18) && k < 8192; i++)
        if (start[i]! >= 0) {
          last = i;
          k++;
        }
      const text = utf8Decoder.decode(bytes.subarray(from, end[last]!));
      let pos = from;
      let u = 0;
      for (let r = first; r <= last; r++) {
        const s = start[r]!;
        if (s < 0) continue;
        u += utf16Units(bytes, pos, s);
        const us = u;
        u += utf16Units(bytes, s, end[r]!);
        into[r] = text.slice(us, u);
        pos = end[r]!;
      }
      i = last + 1;
    }
    return into;
  }
}

const utf8Decoder = new TextDecoder('utf-8');
/** for the codes' bytes, which are ASCII */
const latin1 = new TextDecoder('latin1');
/** Stands for a code or name still held as bytes (non-empty, so the row's emptiness check passes). */
const PENDING = '\u0000';

/**
 * Trimmed text of a cell, decoded once per distinct byte sequence while a column repeats its values (town, industry,
 * flags): no string per cell. A column with too many distinct values stops caching.
 */
class TextCache {
  private static readonly MAX = 4096;
  /** open addressing over the distinct values: slot → value id (−1 empty); a power of two, twice MAX */
  private static readonly SLOTS = 8192;
  private slots: Int32Array | null = null;
  private on = true;
  private readonly hashes = new Int32Array(TextCache.MAX);
  private readonly starts = new Int32Array(TextCache.MAX + 1);
  private bytes = new Uint8Array(1024);
  private readonly texts: string[] = [];

  text(buf: Uint8Array, start: number, end: number, flags: number): string {
    if (!this.on || end - start > 64 || flags & FIELD_ESCAPED) return fieldText(buf, start, end, flags).trim();
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const slots = (this.slots ??= new Int32Array(TextCache.SLOTS).fill(-1));
    const { hashes, starts, bytes } = this;
    const len = end - start;
    let s = (h ^ (h >>> 13)) & (TextCache.SLOTS - 1);
    for (;;) {
      const id = slots[s]!;
      if (id < 0) break;
      if (hashes[id] === h) {
        const o = starts[id]!;
        if (starts[id + 1]! - o === len) {
          let k = 0;
          while (k < len && bytes[o + k] === buf[start + k]) k++;
          if (k === len) return this.texts[id]!;
        }
      }
      s = (s + 1) & (TextCache.SLOTS - 1);
    }
    const text = fieldText(buf, start, end, flags).trim();
    const id = this.texts.length;
    if (id >= TextCache.MAX) {
      // too many distinct values to be worth it: decode every cell from now on
      this.on = false;
      this.slots = null;
      return text;
    }
    const o = starts[id]!;
    if (o + len > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, o + len));
      grown.set(bytes.subarray(0, o));
      this.bytes = grown;
    }
    this.bytes.set(buf.subarray(start, end), o);
    starts[id + 1] = o + len;
    hashes[id] = h;
    slots[s] = id;
    this.texts.push(text);
    return text;
  }
}

function cellString(v: InputCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** The credit codes of a part (see `TablePart`): 18 bytes each, their rows, and the text of those normalised. */
export interface PartCodes {
  bytes: Uint8Array;
  rows: Int32Array;
  raw: [number, string][];
}

/** The names of a part: bytes as in `NameArena`, and the rows held as strings (`start` −1) with their text. */
export interface PartNames {
  bytes: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  strings: [number, string][];
}

/** A text column of a part, dictionary-coded: row i's text is `dict[ids[i]]`. */
export interface PartText {
  dict: string[];
  ids: Int32Array;
}

/**
 * What a builder read from one part of a CSV file (records after the header, cut at record boundaries), in a form that
 * can be posted between threads with its typed arrays transferred: no string per cell. A builder that read the parts
 * before it takes it with `absorb`, which moves the part's rows down to their place in the file.
 */
export interface TablePart {
  /** records read, blank ones included (as `recordNo`: the header counts as 1) */
  records: number;
  /** data rows (blank records skipped) */
  n: number;
  /** problems with rows counted from the part's first record as row 2; header problems left out */
  problems: InputProblem[];
  cols: { num: Float64Array | null; text: PartText | null; allNumeric: boolean }[];
  codes: PartCodes;
  names: PartNames;
}

/** The typed arrays of a part, for `postMessage`'s transfer list. */
export function partTransferList(part: TablePart): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView) => out.push(a.buffer as ArrayBuffer);
  for (const c of part.cols) {
    if (c.num) add(c.num);
    if (c.text) add(c.text.ids);
  }
  add(part.codes.bytes);
  add(part.codes.rows);
  add(part.names.bytes);
  add(part.names.start);
  add(part.names.end);
  return out;
}

function dictionaryCode(text: string[], n: number): PartText {
  const ids = new Int32Array(n);
  const dict: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = text[i]!;
    let id = index.get(t);
    if (id === undefined) {
      id = dict.length;
      dict.push(t);
      index.set(t, id);
    }
    ids[i] = id;
  }
  return { dict, ids };
}

/**
 * Builds a `MujunTable` row by row. CSV: pass the builder to a `CsvReader` (record 1 is the header). Other sources:
 * `setHeader(...)` then `addRow(rowNumber, cells)`. `finish()` returns the table or every problem.
 */
export class MujunTableBuilder implements CsvHandler {
  private readonly problems: InputProblem[] = [];
  private cols: Col[] = [];
  private headerSet = false;
  private csvHeader: string[] = [];
  private recordNo = 0; // CSV records seen (header = 1)
  private n = 0;
  private cap = 1024;
  private uscc: string[] = [];
  private name: string[] = [];
  private readonly codes = new UsccDuplicates();
  private readonly names = new NameArena();
  // the row being read
  private row = 0;
  private nonBlank = false;
  private extraReported = false;
  /** a required cell of this row already has a problem (1 uscc, 2 name): do not also call it empty */
  private requiredReported = 0;

  get problemCount(): number {
    return this.problems.length;
  }

  private problem(row: number | null, column: string | null, value: string | null, reason: string): void {
    this.problems.push({ row, column, value, reason });
  }

  /** The header row (row 1). Unknown headers become extra columns. */
  setHeader(headers: readonly InputCell[]): void {
    this.headerSet = true;
    const byKey = new Map<string, number>();
    headers.forEach((raw, i) => {
      const header = cellString(raw).replace(/^\uFEFF/, '');
      const def = header === '' ? undefined : lookupField(header);
      const key = def ? def.key : header;
      const col: Col = {
        header,
        key,
        kind: Kind.Ignored,
        num: null,
        text: null,
        allNumeric: true,
        reported: false,
        cache: new TextCache(),
      };
      this.cols.push(col);
      if (header === '') return;
      const prev = byKey.get(key);
      if (prev !== undefined) {
        const p = this.cols[prev]!;
        this.problem(1, header, header, `列名重复：与第 ${prev + 1} 列“${p.header}”是同一字段`);
        return;
      }
      byKey.set(key, i);
      if (!def) {
        col.kind = Kind.Unknown;
        col.num = new Float64Array(this.cap).fill(NaN);
        col.text = [];
        return;
      }
      switch (def.type) {
        case 'uscc':
          col.kind = Kind.Uscc;
          break;
        case 'text':
          col.kind = def.key === 'name' ? Kind.Name : def.key === 'landlord_uscc' ? Kind.Landlord : Kind.Text;
          break;
        case 'scale':
          col.kind = Kind.Scale;
          break;
        case 'number':
          col.kind = Kind.Number;
          break;
        case 'nonneg':
          col.kind = Kind.Nonneg;
          break;
        case 'int':
          col.kind = Kind.Int;
          break;
      }
      if (col.kind === Kind.Number || col.kind === Kind.Nonneg || col.kind === Kind.Int) {
        col.num = new Float64Array(this.cap).fill(NaN);
      } else if (col.kind !== Kind.Uscc && col.kind !== Kind.Name) col.text = [];
    });
    for (const key of ['uscc', 'name']) {
      if (!byKey.has(key)) {
        const def = FIELD_BY_KEY.get(key)!;
        this.problem(1, null, null, `缺少必需的列“${def.zh}”（${def.key}）`);
      }
    }
  }

  /** The header cells as the CSV's first record gave them (empty before it). */
  get csvHeaderCells(): readonly string[] {
    return this.csvHeader;
  }

  /** Data rows read so far (blank rows not counted). */
  get rowCount(): number {
    return this.n;
  }

  /** Room for about `rows` data rows at once (a reader that knows the file size saves the doublings). */
  reserve(rows: number): void {
    if (rows > this.cap) this.grow(Math.ceil(rows));
  }

  private grow(to = this.cap * 2): void {
    const cap = to;
    // text arrays too: sized once instead of growing element by element (less copying, less garbage)
    const presize = (a: string[]): string[] => {
      const x = new Array<string>(cap).fill('');
      for (let i = 0; i < a.length; i++) x[i] = a[i]!;
      return x;
    };
    for (const c of this.cols) {
      if (c.num) {
        const a = new Float64Array(cap).fill(NaN, this.cap);
        a.set(c.num);
        c.num = a;
      }
      if (c.text) c.text = presize(c.text);
    }
    this.uscc = presize(this.uscc);
    this.name = presize(this.name);
    this.codes.reserve(cap);
    this.names.reserve(cap, this.n);
    this.cap = cap;
  }

  private colName(i: number): string {
    return this.cols[i]?.header || `第 ${i + 1} 列`;
  }

  /** Stores a number into a number column, or reports why it cannot be (`raw`: the cell as in the file). */
  private putNumber(c: Col, v: number, raw: string): void {
    if (Number.isNaN(v)) return this.problem(this.row, c.header, raw, REASON_NOT_NUMBER);
    if (c.kind === Kind.Nonneg) {
      if (v < 0) return this.problem(this.row, c.header, raw, REASON_NEGATIVE);
    } else if (c.kind === Kind.Int) {
      if (v < 0 || !Number.isInteger(v)) return this.problem(this.row, c.header, raw, REASON_NOT_INT);
    }
    c.num![this.n] = v;
  }

  /** A valid, normalised uscc (also in `b[s, s + 18)`); duplicates are found by `finish`. */
  private putUscc(code: string, raw: string | null, b: Uint8Array, s: number): void {
    this.uscc[this.n] = code;
    this.codes.push(b, s, this.row, raw);
  }

  /** Stores a (trimmed) text cell of a text-like column. */
  private putText(c: Col, s: string): void {
    const i = this.n;
    switch (c.kind) {
      case Kind.Uscc: {
        const code = normalizeUscc(s);
        this.uscc[i] = code;
        if (code === '') return;
        const why = usccProblem(code);
        if (why) return this.problem(this.row, c.header, s, USCC_PROBLEM_ZH[why]);
        for (let k = 0; k < 18; k++) usccScratch[k] = code.charCodeAt(k); // valid: 18 ASCII characters
        return this.putUscc(code, s === code ? null : s, usccScratch, 0);
      }
      case Kind.Name:
        this.names.start[i] = -1;
        this.name[i] = s;
        return;
      case Kind.Landlord: {
        const code = normalizeUscc(s);
        c.text![i] = code;
        if (code === '') return;
        const why = usccProblem(code);
        if (why) this.problem(this.row, c.header, s, `出租方${USCC_PROBLEM_ZH[why]}`);
        return;
      }
      case Kind.Scale: {
        if (s === '') {
          c.text![i] = '';
          return;
        }
        const scale = parseScale(s);
        c.text![i] = scale ?? '';
        if (!scale) this.problem(this.row, c.header, s, REASON_SCALE);
        return;
      }
      case Kind.Unknown:
        c.text![i] = s;
        if (c.allNumeric && s !== '') {
          const v = parseNumberText(s);
          if (Number.isNaN(v)) c.allNumeric = false;
          else c.num![i] = v;
        }
        return;
      default:
        c.text![i] = s;
    }
  }

  private ignoredData(ci: number, raw: string): void {
    const c = this.cols[ci];
    if (!c) {
      if (!this.extraReported) this.problem(this.row, `第 ${ci + 1} 列`, raw, '超出表头的列：此列没有列名');
      this.extraReported = true;
    } else if (c.header === '' && !c.reported) {
      c.reported = true;
      this.problem(this.row, `第 ${ci + 1} 列`, raw, REASON_NO_HEADER);
    }
  }

  // ---- CSV (CsvHandler) ----

  field(col: number, buf: Uint8Array, start: number, end: number, flags: number): void {
    if (this.recordNo === 0) {
      // header record
      this.csvHeader[col] = fieldText(buf, start, end, flags);
      return;
    }
    const c = this.cols[col];
    if (c === undefined || c.kind === Kind.Ignored || flags & FIELD_MALFORMED) return this.oddField(col, buf, start, end, flags);
    const kind = c.kind;
    if (kind === Kind.Number || kind === Kind.Nonneg || kind === Kind.Int) {
      // two separate paths: merging the pre-parsed double with a call's result would box every value
      if (flags & FIELD_NUMBER) {
        const v = FIELD_VALUE[0]!;
        this.nonBlank = true;
        if (kind === Kind.Number || (v >= 0 && (kind === Kind.Nonneg || Math.floor(v) === v))) c.num![this.n] = v;
        else this.rangeProblem(c, buf, start, end, flags);
        return;
      }
      const v = parseNumberBytes(buf, start, end);
      if (v === v) {
        this.nonBlank = true;
        if (kind === Kind.Number || (v >= 0 && (kind === Kind.Nonneg || Math.floor(v) === v))) c.num![this.n] = v;
        else this.rangeProblem(c, buf, start, end, flags);
      } else if (!fieldBlank(buf, start, end)) {
        this.nonBlank = true;
        this.problem(this.row, c.header, fieldText(buf, start, end, flags).trim(), REASON_NOT_NUMBER);
      }
      return;
    }
    if (start === end || fieldBlank(buf, start, end)) return this.putMissing(c);
    this.nonBlank = true;
    if (hasControlByte(buf, start, end)) return this.controlProblem(c, fieldText(buf, start, end, flags).trim());
    switch (kind) {
      case Kind.Uscc: {
        // the usual case: a valid code as it is; its string is made with all the others at the end
        if (isValidUscc(buf, start, end)) return this.putUscc(PENDING, null, buf, start);
        return this.putText(c, fieldText(buf, start, end, flags).trim());
      }
      case Kind.Scale:
        if (bytesAre(buf, start, end, ABOVE)) c.text![this.n] = 'above';
        else if (bytesAre(buf, start, end, BELOW)) c.text![this.n] = 'below';
        else this.putText(c, c.cache.text(buf, start, end, flags));
        return;
      case Kind.Name:
        if (!(flags & FIELD_ESCAPED) && this.names.add(buf, start, end, this.n)) this.name[this.n] = PENDING;
        else {
          this.names.start[this.n] = -1;
          this.name[this.n] = fieldText(buf, start, end, flags).trim();
        }
        return;
      default:
        this.putText(c, c.cache.text(buf, start, end, flags));
    }
  }

  /** A text cell with a control character: reported, nothing kept (and not also called empty). */
  private controlProblem(c: Col, text: string): void {
    this.problem(this.row, c.header, showControl(text), REASON_CONTROL);
    this.putMissing(c);
    if (c.kind === Kind.Uscc) this.requiredReported |= 1;
    else if (c.kind === Kind.Name) this.requiredReported |= 2;
  }

  /** A negative number in a column that must not have one, or a fraction where an integer is due. */
  private rangeProblem(c: Col, buf: Uint8Array, start: number, end: number, flags: number): void {
    const reason = c.kind === Kind.Int ? REASON_NOT_INT : REASON_NEGATIVE;
    this.problem(this.row, c.header, fieldText(buf, start, end, flags).trim(), reason);
  }

  /** A field outside the header's columns, under an empty or repeated header, or with bad quoting. */
  private oddField(col: number, buf: Uint8Array, start: number, end: number, flags: number): void {
    const c = this.cols[col];
    if (flags & FIELD_MALFORMED) {
      this.nonBlank = true;
      this.problem(this.row, this.colName(col), fieldText(buf, start, end, 0), REASON_QUOTES);
      if (c) this.putMissing(c);
      if (c?.kind === Kind.Uscc) this.requiredReported |= 1;
      else if (c?.kind === Kind.Name) this.requiredReported |= 2;
      return;
    }
    if (start === end || fieldBlank(buf, start, end)) {
      if (c) this.putMissing(c);
      return;
    }
    this.nonBlank = true;
    this.ignoredData(col, fieldText(buf, start, end, flags).trim());
  }

  endRecord(fieldCount: number): void {
    if (this.recordNo === 0) {
      this.recordNo = 1;
      this.setHeader(this.csvHeader);
      this.row = 2;
      return;
    }
    for (let ci = fieldCount; ci < this.cols.length; ci++) this.putMissing(this.cols[ci]!);
    this.endRow();
    this.recordNo++;
    this.row = this.recordNo + 1;
  }

  private putMissing(c: Col): void {
    switch (c.kind) {
      case Kind.Uscc:
        this.uscc[this.n] = '';
        return;
      case Kind.Name:
        this.names.start[this.n] = -1;
        this.name[this.n] = '';
        return;
      default:
        if (c.text) c.text[this.n] = '';
    }
  }

  private endRow(): void {
    const blank = !this.nonBlank;
    const reported = this.requiredReported;
    this.nonBlank = false;
    this.extraReported = false;
    this.requiredReported = 0;
    if (blank) {
      // a blank line (or a row of empty cells) is skipped; numbers were not written
      return;
    }
    const i = this.n;
    if (!this.uscc[i] && !(reported & 1) && this.cols.some((c) => c.kind === Kind.Uscc))
      this.problem(this.row, this.headerOf(Kind.Uscc), null, '统一社会信用代码不能为空');
    if (!this.name[i] && !(reported & 2) && this.cols.some((c) => c.kind === Kind.Name))
      this.problem(this.row, this.headerOf(Kind.Name), null, '企业名称不能为空');
    this.n++;
    if (this.n >= this.cap) this.grow();
  }

  private headerOf(kind: Kind): string {
    return this.cols.find((c) => c.kind === kind)!.header;
  }

  // ---- parts of a CSV file read apart (threads) ----

  /**
   * For a builder that reads a later part of a CSV file: the file's header (as its first record gave it), so that the
   * records pushed next are data, numbered from row 2 (`absorb` moves them to their place).
   */
  beginCsvPart(header: readonly string[]): void {
    this.setHeader(header.map((h) => h)); // as `endRecord` does for record 1
    this.recordNo = 1;
    this.row = 2;
  }

  /** What this builder read (see `TablePart`). Call once, when its part is done; the builder is not used after. */
  part(): TablePart {
    const n = this.n;
    const strings: [number, string][] = [];
    const nameStart = this.names.start;
    if (this.cols.some((c) => c.kind === Kind.Name))
      for (let i = 0; i < n; i++) if (nameStart[i]! < 0) strings.push([i, this.name[i]!]);
    return {
      records: this.recordNo,
      n,
      problems: this.problems.filter((p) => p.row !== 1),
      cols: this.cols.map((c) => ({
        num: c.num && (c.kind !== Kind.Unknown || c.allNumeric) ? c.num.slice(0, n) : null,
        text: c.text ? dictionaryCode(c.text, n) : null,
        allNumeric: c.allNumeric,
      })),
      codes: this.codes.export(),
      names: { ...this.names.export(n), strings },
    };
  }

  /**
   * Appends the rows of the next part of the file (read by a builder given the same header, see `beginCsvPart`) after
   * the records read so far: rows in its problems and codes are moved down to their place in the file, and duplicate
   * codes are found across all parts by `finish`.
   */
  absorb(part: TablePart): void {
    const offset = this.recordNo - 1; // the part's row 2 is this builder's next record
    for (const p of part.problems) {
      if (p.reason === REASON_NO_HEADER) {
        const ci = this.csvHeaderIndex(p.column);
        const c = ci < 0 ? undefined : this.cols[ci];
        if (c?.reported) continue; // once per column: an earlier part has it
        if (c) c.reported = true;
      }
      this.problems.push({ ...p, row: p.row === null ? null : p.row + offset });
    }
    const at = this.n;
    const k = part.n;
    if (at + k >= this.cap) this.grow(Math.max(this.cap * 2, at + k + 1));
    this.cols.forEach((c, ci) => {
      const pc = part.cols[ci]!;
      if (c.kind === Kind.Unknown && !pc.allNumeric) c.allNumeric = false;
      if (c.num && pc.num) c.num.set(pc.num.subarray(0, k), at);
      if (c.text && pc.text) {
        const { dict, ids } = pc.text;
        const text = c.text;
        for (let i = 0; i < k; i++) text[at + i] = dict[ids[i]!]!;
      }
    });
    // the rows' code and name cells only serve the checks of `endRow`, done by the part's builder; the table takes the
    // codes from `codes` and the names from the arena
    this.codes.append(part.codes, offset);
    this.names.append(part.names, at, k);
    for (const [i, name] of part.names.strings) this.name[at + i] = name;
    for (let i = 0; i < k; i++) if (this.names.start[at + i]! >= 0) this.name[at + i] = PENDING;
    this.n = at + k;
    this.recordNo += part.records - 1;
    if (this.n >= this.cap) this.grow();
  }

  /** The index of the column a problem's `第 N 列` names (−1 when it names none). */
  private csvHeaderIndex(column: string | null): number {
    const m = column === null ? null : /^第 (\d+) 列$/.exec(column);
    return m ? Number(m[1]) - 1 : -1;
  }

  // ---- rows of values (xlsx, objects) ----

  /** One data row with its row number in the file. `cells[i]` belongs to header column i. */
  addRow(row: number, cells: ArrayLike<InputCell>): void {
    this.row = row;
    const len = Math.max(cells.length, this.cols.length);
    for (let ci = 0; ci < len; ci++) {
      const v = cells[ci];
      const c = this.cols[ci];
      const empty = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
      if (empty) {
        if (c) this.putMissing(c);
        continue;
      }
      this.nonBlank = true;
      if (!c || c.kind === Kind.Ignored) {
        this.ignoredData(ci, cellString(v));
        continue;
      }
      if (typeof v === 'string' && CONTROL.test(v)) {
        this.controlProblem(c, v.trim());
        continue;
      }
      switch (c.kind) {
        case Kind.Number:
        case Kind.Nonneg:
        case Kind.Int:
          if (typeof v === 'number') this.putNumber(c, Number.isFinite(v) ? v : NaN, String(v));
          else {
            const s = cellString(v);
            this.putNumber(c, typeof v === 'string' ? parseNumberText(s) : NaN, s);
          }
          break;
        case Kind.Unknown:
          if (typeof v === 'number' && Number.isFinite(v)) {
            c.text![this.n] = String(v);
            c.num![this.n] = v;
          } else this.putText(c, cellString(v));
          break;
        default:
          this.putText(c, cellString(v));
      }
    }
    this.endRow();
  }

  private result: InputResult | null = null;

  /** The table, or every problem (in file order: by row, then by column). */
  finish(): InputResult {
    this.result ??= this.build();
    return this.result;
  }

  private build(): InputResult {
    if (!this.headerSet) {
      if (this.csvHeader.length > 0) this.endRecord(this.csvHeader.length);
      else return { ok: false, errors: [{ row: 1, column: null, value: null, reason: '文件为空：没有表头行' }] };
    }
    const usccCol = this.cols.find((c) => c.kind === Kind.Uscc)?.header ?? 'uscc';
    this.codes.each((row, code, first) => this.problem(row, usccCol, code, `统一社会信用代码重复：与第 ${first} 行相同`));
    if (this.problems.length === 0 && this.n === 0) this.problem(2, null, null, '文件中没有数据行');
    if (this.problems.length > 0) {
      // some problems are found late (duplicates, names decoded in batches): put them in file order
      const order = new Map<string, number>();
      this.cols.forEach((c, i) => order.has(c.header) || order.set(c.header, i));
      const at = (p: InputProblem) => (p.column === null ? -1 : (order.get(p.column) ?? this.cols.length));
      const errors = this.problems.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || at(a) - at(b));
      return { ok: false, errors };
    }
    const n = this.n;
    const table: MujunTable = {
      uscc: this.codes.strings(), // every row has its code there, in order (no problems means none missing)
      name: fitText(this.name, n),
      columns: {},
      text: {},
    };
    if (this.cols.some((c) => c.kind === Kind.Name)) {
      // the names stay bytes until read (see NameArena)
      const names = this.names;
      const strings = table.name;
      names.settle(strings, n);
      defineLazyNames(
        table,
        { bytes: names.bytes.subarray(0, names.len), start: names.start, end: names.end, strings, live: true },
        () => names.decodeInto(strings, n),
      );
    }
    for (const c of this.cols) {
      switch (c.kind) {
        case Kind.Uscc:
        case Kind.Name:
        case Kind.Ignored:
          break;
        case Kind.Number:
        case Kind.Nonneg:
        case Kind.Int:
          table.columns[c.key] = fitNumbers(c.num!, n);
          break;
        case Kind.Unknown:
          if (c.allNumeric) table.columns[c.key] = fitNumbers(c.num!, n);
          else table.text[c.key] = fitText(c.text!, n);
          break;
        default:
          table.text[c.key] = fitText(c.text!, n);
      }
    }
    return { ok: true, table };
  }
}

/**
 * A column of `n` rows from a builder's array (which has room for more): a view when little room is left over (no copy
 * of 8 MB per column for 1,000,000 rows), else a copy.
 */
function fitNumbers(a: Float64Array, n: number): Float64Array {
  if (a.length === n) return a;
  return a.length - n <= a.length >> 3 ? a.subarray(0, n) : a.slice(0, n);
}

/** The builder's text array cut to `n` rows in place (the builder is done with it). */
function fitText(a: string[], n: number): string[] {
  if (a.length > n) a.length = n;
  return a;
}

/** Rows held as objects (keys: English keys or Chinese labels) → table, with the same checks; row = index + 2. */
export function recordsToTable(records: readonly MujunRecord[]): InputResult {
  const headers: string[] = [];
  const index = new Map<string, number>();
  for (const r of records)
    for (const k of Object.keys(r))
      if (!index.has(k)) {
        index.set(k, headers.length);
        headers.push(k);
      }
  const b = new MujunTableBuilder();
  b.setHeader(headers);
  const cells: InputCell[] = new Array<InputCell>(headers.length);
  records.forEach((r, i) => {
    cells.fill(null);
    for (const k in r) cells[index.get(k)!] = r[k];
    b.addRow(i + 2, cells);
  });
  return b.finish();
}

/** Column order of a table: uscc, name, the spec's fields in table order, then extra columns. */
function tableColumns(table: MujunTable): { key: string; text: boolean }[] {
  const out: { key: string; text: boolean }[] = [];
  const seen = new Set(['uscc', 'name']);
  for (const f of INPUT_FIELDS) {
    if (seen.has(f.key)) continue;
    if (table.text[f.key]) out.push({ key: f.key, text: true });
    else if (table.columns[f.key]) out.push({ key: f.key, text: false });
    else continue;
    seen.add(f.key);
  }
  for (const k of Object.keys(table.text)) if (!seen.has(k)) out.push({ key: k, text: true });
  for (const k of Object.keys(table.columns)) if (!seen.has(k)) out.push({ key: k, text: false });
  return out;
}

/** A table → rows as objects (missing = null), keys in canonical column order. */
export function tableToRecords(table: MujunTable): MujunRecord[] {
  const cols = tableColumns(table);
  return table.uscc.map((uscc, i) => {
    const r: MujunRecord = { uscc, name: table.name[i] ?? '' };
    for (const c of cols) {
      if (c.text) {
        const v = table.text[c.key]![i] ?? '';
        r[c.key] = v === '' ? null : v;
      } else {
        const v = table.columns[c.key]![i]!;
        r[c.key] = Number.isNaN(v) ? null : v;
      }
    }
    return r;
  });
}

/** A CSV cell: quoted when it holds a comma, quote, line break or surrounding spaces. */
const plainCsvCell = (s: string) => csvCell(s);

export function csvCell(s: string): string {
  if (s === '') return s;
  let needs = s.charCodeAt(0) === 0x20 || s.charCodeAt(s.length - 1) === 0x20;
  if (!needs)
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x2c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09) {
        needs = true;
        break;
      }
    }
  return needs ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A number as the shortest text that reads back to the same double (-0 kept); NaN = empty. */
export function csvNumber(v: number): string {
  if (Number.isNaN(v)) return '';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/** Whether any text of the table (code, name, text column, header) would be prefixed by `safeText`. */
export function tableHasFormulaText(table: MujunTable): boolean {
  const cols = tableColumns(table);
  if (cols.some((c) => formulaLeading(c.key))) return true;
  if (table.uscc.some(formulaLeading) || table.name.some((n) => formulaLeading(n ?? ''))) return true;
  return cols.some((c) => c.text && table.text[c.key]!.some((v) => formulaLeading(v ?? '')));
}

/**
 * The canonical CSV of a table (English headers, LF line ends, no BOM): a run's input snapshot. Reading it back with
 * `CsvReader` + `MujunTableBuilder` gives the same table.
 */
export function tableToCsv(table: MujunTable, opts: { safe?: boolean } = {}): string {
  // safe: text cells that could start a formula get a leading ' (a download; the stored snapshot is never written so)
  const csvCell = opts.safe ? csvText : plainCsvCell;
  const cols = tableColumns(table);
  const parts: string[] = [['uscc', 'name', ...cols.map((c) => csvCell(c.key))].join(',') + '\n'];
  const texts = cols.map((c) => (c.text ? table.text[c.key]! : null));
  const nums = cols.map((c) => (c.text ? null : table.columns[c.key]!));
  let block = '';
  const n = table.uscc.length;
  for (let i = 0; i < n; i++) {
    let line = csvCell(table.uscc[i]!) + ',' + csvCell(table.name[i] ?? '');
    for (let k = 0; k < cols.length; k++) {
      const t = texts[k];
      line += ',' + (t ? csvCell(t[i] ?? '') : csvNumber(nums[k]![i]!));
    }
    block += line + '\n';
    if (block.length > 1 << 20) {
      parts.push(block);
      block = '';
    }
  }
  parts.push(block);
  return parts.join('');
}

/** The message of an expression error without its "path: 第 N 个字符处：" prefix (the position is given apart). */
export function exprReason(message: string): string {
  return message.replace(/^.*?: 第 \d+ 个字符处：/, '');
}

/** Every field of an arithmetic expression with its position. */
function arithRefs(e: Arith, out: { name: string; pos: number }[] = []): { name: string; pos: number }[] {
  if (e.kind === 'field') out.push({ name: e.name, pos: e.pos });
  else if (e.kind === 'neg') arithRefs(e.arg, out);
  else if (e.kind === 'bin') {
    arithRefs(e.left, out);
    arithRefs(e.right, out);
  }
  return out;
}

function filterRefs(f: Filter, out: { name: string; pos: number; text: boolean }[] = []): typeof out {
  switch (f.kind) {
    case 'cmp':
      for (const r of [...arithRefs(f.left), ...arithRefs(f.right)]) out.push({ ...r, text: false });
      break;
    case 'strcmp':
      out.push({ name: f.field, pos: f.pos, text: true });
      break;
    case 'and':
    case 'or':
      filterRefs(f.left, out);
      filterRefs(f.right, out);
      break;
    case 'not':
      filterRefs(f.arg, out);
  }
  return out;
}

/**
 * The scheme against the input: every field a filter, formula or adjustment uses that the table does not have (and
 * that is not a field of spec §1, which may be absent and then counts as missing), or that has the wrong type.
 */
export function schemeInputProblems(scheme: Scheme, table: MujunTable): InputProblem[] {
  const problems: InputProblem[] = [];
  const textFields = new Set([...DEFAULT_TEXT_FIELDS, ...Object.keys(table.text)]);
  const isNumber = (f: string) => f in table.columns || (KNOWN_NUMBER_FIELDS.has(f) && !(f in table.text));
  const isText = (f: string) => f in table.text || DEFAULT_TEXT_FIELDS.has(f);
  const unknown = (path: string, src: string, name: string, pos: number) =>
    problems.push({ row: null, column: path, value: src, reason: `未知字段 ${name}（位置 ${pos + 1}）：输入中没有此列` });
  const parsed = <T>(path: string, src: string, parse: () => T): T | null => {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof MujunExprError)) throw e;
      problems.push({ row: null, column: path, value: src, reason: `${exprReason(e.message)}（位置 ${e.position + 1}）` });
      return null;
    }
  };
  scheme.groups.forEach((g, gi) => {
    const fp = `groups[${gi}].filter`;
    const f = parsed(fp, g.filter, () => parseFilter(g.filter, fp, textFields));
    if (f)
      for (const r of filterRefs(f)) {
        if (r.text ? isText(r.name) : isNumber(r.name)) continue;
        if (r.text && r.name in table.columns)
          problems.push({
            row: null,
            column: fp,
            value: g.filter,
            reason: `字段 ${r.name}（位置 ${r.pos + 1}）是数值列，不能与字符串比较`,
          });
        else unknown(fp, g.filter, r.name, r.pos);
      }
    g.indicators.forEach((ind, ii) => {
      for (const part of ['numerator', 'denominator'] as const) {
        const src = ind[part];
        if (src === undefined) continue;
        const path = `groups[${gi}].indicators[${ii}].${part}`;
        const e = parsed(path, src, () => parseArith(src, path, textFields));
        if (!e) continue;
        for (const r of arithRefs(e)) if (!isNumber(r.name)) unknown(path, src, r.name, r.pos);
      }
    });
    (g.adjustments ?? []).forEach((a, ai) => {
      if (!('field' in a)) return;
      const path = `groups[${gi}].adjustments[${ai}].field`;
      if (isNumber(a.field)) return;
      if (a.field in table.text || DEFAULT_TEXT_FIELDS.has(a.field))
        problems.push({ row: null, column: path, value: a.field, reason: `字段 ${a.field} 是文本列，不能用于加减分计算` });
      else unknown(path, a.field, a.field, 0);
    });
  });
  return problems;
}
