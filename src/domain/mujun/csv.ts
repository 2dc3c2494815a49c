/**
 * A streaming, byte-level CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF / LF / CR line ends, UTF-8 BOM)
 * and number parsing straight from bytes. Pure: no I/O. The reader hands each field to a handler as a byte range of the
 * current buffer, so a numeric cell never becomes a string; text cells are decoded only where the handler asks.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The field was enclosed in quotes (the range excludes them). */
export const FIELD_QUOTED = 1;
/** The range still contains doubled quotes (`""`) to be collapsed: use `fieldText`. */
export const FIELD_ESCAPED = 2;
/** Bad quoting: text after a closing quote, or a quote never closed. The range is the raw bytes. */
export const FIELD_MALFORMED = 4;
/** The field is a plain unquoted decimal (`-?digits[.digits]`) and `FIELD_VALUE[0]` holds its correctly rounded value. */
export const FIELD_NUMBER = 8;

/**
 * The value of the current field when its flags carry FIELD_NUMBER (valid during the `field` call). A typed array, not
 * an argument: a double passed between functions that are not inlined would be boxed, one allocation per cell.
 */
export const FIELD_VALUE = new Float64Array(1);

export interface CsvHandler {
  /**
   * One field of the current record: bytes `buf[start, end)`, column `col` (0-based). The bytes are only valid during
   * the call (the buffer is reused or dropped afterwards). With FIELD_NUMBER in `flags` the value is in `FIELD_VALUE[0]`
   * already; otherwise `parseNumberBytes` decides whether the field is a number.
   */
  field(col: number, buf: Uint8Array, start: number, end: number, flags: number): void;
  /** End of the current record, after `fieldCount` fields. Every record is reported, blank lines included. */
  endRecord(fieldCount: number): void;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Push chunks, then call `end()`. A field cut by a chunk boundary is carried over (only its own bytes are copied), so
 * chunks may be cut anywhere, even inside a UTF-8 sequence or a `""` pair.
 */
export class CsvReader {
  private carry: Uint8Array | null = null;
  private col = 0;
  /** a comma was the last thing read: the record goes on */
  private midRecord = false;
  /** the previous chunk ended with CR: a leading LF belongs to it */
  private skipLf = false;
  private bomChecked = false;
  private ended = false;

  /**
   * `opts.bom: false`: the bytes are not the start of a file (a later part of one, see `MujunTableBuilder.part`), so
   * they have no BOM to skip.
   */
  constructor(
    private readonly handler: CsvHandler,
    opts: { bom?: boolean } = {},
  ) {
    if (opts.bom === false) this.bomChecked = true;
  }

  /**
   * Whether everything pushed so far ended a record: nothing carried over (no field cut short, no quoted field left
   * open), no record going on. True after a part of a file that was cut at a record boundary.
   */
  get atRecordEnd(): boolean {
    return this.carry === null && !this.midRecord && !this.skipLf && this.bomChecked;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('CsvReader: push after end');
    if (chunk.length === 0) return;
    // a plain view: a Node Buffer's own subarray() is several times slower than the typed array's
    if (Object.getPrototypeOf(chunk) !== Uint8Array.prototype)
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let p = 0;
    if (!this.bomChecked) {
      const buf = this.carry ? concat(this.carry, chunk) : chunk;
      this.carry = null;
      const k = Math.min(3, buf.length);
      let prefix = true;
      for (let i = 0; i < k; i++) if (buf[i] !== BOM[i]) prefix = false;
      if (prefix && k < 3) {
        this.carry = buf.slice(); // wait for the third byte
        return;
      }
      this.bomChecked = true;
      if (buf !== chunk) {
        // only a partial BOM was carried: go on with the joined bytes
        const rest = this.run(buf, prefix ? 3 : 0, false);
        if (rest < buf.length) this.carry = buf.slice(rest);
        return;
      }
      if (prefix) p = 3;
    }
    if (this.carry) {
      // finish the carried field with as few bytes of the chunk as it needs (no copy of the whole chunk)
      const carry = this.carry;
      this.carry = null;
      for (let k = Math.min(chunk.length, 256); ; k = Math.min(chunk.length, k * 8)) {
        const buf = concat(carry, chunk.subarray(0, k));
        const rest = this.run(buf, 0, false);
        if (rest === 0 && k < chunk.length) continue; // the field goes on: take more of the chunk
        if (rest < carry.length) {
          this.carry = buf.slice(rest); // the whole chunk belongs to the field
          return;
        }
        p = rest - carry.length; // from here on (the start of an incomplete field, or k) the chunk is read in place
        break;
      }
    }
    if (this.skipLf && p < chunk.length) {
      this.skipLf = false;
      if (chunk[p] === LF) p++;
    }
    const rest = this.run(chunk, p, false);
    if (rest < chunk.length) this.carry = chunk.slice(rest);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = null;
    this.bomChecked = true;
    if (buf.length > 0) this.run(buf, 0, true);
    else if (this.midRecord) {
      // "a,b," at the very end: the last field is empty
      this.handler.field(this.col, buf, 0, 0, 0);
      this.handler.endRecord(this.col + 1);
    }
    this.col = 0;
    this.midRecord = false;
  }

  /** Parses fields from `p`; returns where the incomplete last field starts (or `b.length`). */
  private run(b: Uint8Array, p: number, final: boolean): number {
    const n = b.length;
    const h = this.handler;
    let col = this.col;
    while (p < n) {
      const fs = p;
      let c = b[p]!;
      if (c === QUOTE) {
        let q = p + 1;
        let flags = FIELD_QUOTED;
        let closed = false;
        for (;;) {
          while (q < n && b[q] !== QUOTE) q++;
          if (q >= n) break; // not closed in this buffer
          if (q + 1 >= n) {
            if (!final) break; // `"` at the end: closing or the first of `""`? wait for more
            closed = true;
            break;
          }
          if (b[q + 1] === QUOTE) {
            flags |= FIELD_ESCAPED;
            q += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) {
            this.col = col;
            return fs;
          }
          h.field(col, b, fs, n, FIELD_MALFORMED); // never closed
          p = n;
        } else {
          p = q + 1;
          if (p < n && (c = b[p]!) !== COMMA && c !== LF && c !== CR) {
            // text after the closing quote: keep the raw bytes up to the delimiter and flag them
            while (p < n && (c = b[p]!) !== COMMA && c !== LF && c !== CR) p++;
            if (p >= n && !final) {
              this.col = col;
              return fs;
            }
            h.field(col, b, fs, p, FIELD_MALFORMED);
          } else if (p >= n && !final) {
            // the delimiter after the closing quote is in the next chunk: the field is complete, but a trailing
            // comma must still be seen, so carry the field over (it is short)
            this.col = col;
            return fs;
          } else h.field(col, b, fs + 1, q, flags);
        }
      } else {
        // unquoted: read a plain decimal (-?digits[.digits]) on the way, so number cells need no second pass
        let fflags = 0;
        let neg = false;
        if (c === 0x2d) {
          neg = true;
          p++;
        }
        let mant = 0;
        const ds = p;
        let d = 0;
        while (p < n && (d = b[p]! - 0x30) >>> 0 <= 9) {
          mant = mant * 10 + d;
          p++;
        }
        let digits = p - ds;
        let frac = 0;
        if (p < n && b[p] === 0x2e) {
          const fs2 = ++p;
          while (p < n && (d = b[p]! - 0x30) >>> 0 <= 9) {
            mant = mant * 10 + d;
            p++;
          }
          frac = p - fs2;
          digits += frac;
        }
        if (p < n) {
          c = b[p]!;
          if (c === COMMA || c === LF || c === CR) {
            if (digits > 0 && mant < TWO53 && frac <= 22) {
              FIELD_VALUE[0] = neg ? -(mant / POW10[frac]!) : mant / POW10[frac]!;
              fflags = FIELD_NUMBER;
            }
          } else
            while (c !== COMMA && c !== LF && c !== CR) {
              if (++p >= n) break;
              c = b[p]!;
            }
        }
        if (p >= n) {
          if (!final) {
            this.col = col;
            return fs;
          }
        }
        h.field(col, b, fs, p, fflags);
      }
      if (p >= n) {
        // only when final: the file ends without a line break
        h.endRecord(col + 1);
        col = 0;
        this.midRecord = false;
        break;
      }
      c = b[p]!;
      p++;
      if (c === COMMA) {
        col++;
        this.midRecord = true;
        continue;
      }
      h.endRecord(col + 1);
      col = 0;
      this.midRecord = false;
      if (c === CR) {
        if (p < n) {
          if (b[p] === LF) p++;
        } else if (!final) this.skipLf = true;
      }
    }
    this.col = col;
    if (final && this.midRecord) {
      h.field(col, b, n, n, 0);
      h.endRecord(col + 1);
      this.col = 0;
      this.midRecord = false;
    }
    return n;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** The text of a field, with `""` collapsed (UTF-8; invalid sequences become U+FFFD). */
export function fieldText(buf: Uint8Array, start: number, end: number, flags: number): string {
  if (start >= end) return '';
  // short ASCII fields: cheaper than a TextDecoder call
  if (end - start <= 24) {
    let s = '';
    let ascii = true;
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      s = String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
      return flags & FIELD_ESCAPED ? s.replaceAll('""', '"') : s;
    }
  }
  const s = utf8.decode(buf.subarray(start, end));
  return flags & FIELD_ESCAPED ? s.replaceAll('""', '"') : s;
}

/** Whether the field is empty or only spaces / tabs. */
export function fieldBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

// exact powers of ten: 10^0 … 10^22 are representable exactly in binary64
const POW10: Float64Array = Float64Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const TWO53 = 2 ** 53;

/**
 * A decimal number from bytes: optional spaces, sign, digits with optional thousands separators (`1,234,567.5`,
 * groups of three), a decimal point, an optional exponent (`1.5e-3`). NaN when it is not such a number (or is not
 * finite). Fast path (Clinger): an integer mantissa ≤ 2^53 with a decimal exponent within ±22 is exact, so one
 * multiplication or division rounds correctly; anything else goes through `Number()`.
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === 0x20 || buf[start] === 0x09)) start++;
  while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09)) end--;
  if (start >= end) return NaN;
  let p = start;
  let c = buf[p]!;
  const neg = c === 0x2d;
  if (neg || c === 0x2b) {
    if (++p >= end) return NaN;
  }
  // mant: every digit, integer and fraction; exact while it stays below 2^53 (then each step was exact)
  let mant = 0;
  const intStart = p;
  let commas = 0;
  let lastComma = -1;
  for (; p < end; p++) {
    c = buf[p]!;
    const d = c - 0x30;
    if (d >>> 0 > 9) {
      if (c !== COMMA) break;
      // thousands separator: 1–3 digits before the first, exactly 3 between
      if (lastComma < 0 ? p === intStart || p - intStart > 3 : p - lastComma !== 4) return NaN;
      lastComma = p;
      commas++;
      continue;
    }
    mant = mant * 10 + d;
  }
  if (lastComma >= 0 && p - lastComma !== 4) return NaN;
  const intDigits = p - intStart - commas;
  let fracDigits = 0;
  if (p < end && buf[p] === 0x2e) {
    const fs = ++p;
    for (; p < end; p++) {
      const d = buf[p]! - 0x30;
      if (d >>> 0 > 9) break;
      mant = mant * 10 + d;
    }
    fracDigits = p - fs;
  }
  if (intDigits + fracDigits === 0) return NaN;
  let exp = 0;
  if (p < end && (buf[p] === 0x65 || buf[p] === 0x45)) {
    p++;
    let eneg = false;
    if (p < end && (buf[p] === 0x2d || buf[p] === 0x2b)) {
      eneg = buf[p] === 0x2d;
      p++;
    }
    const es = p;
    for (; p < end; p++) {
      const d = buf[p]! - 0x30;
      if (d >>> 0 > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
    }
    if (p === es) return NaN;
    if (eneg) exp = -exp;
  }
  if (p !== end) return NaN;
  let v: number;
  const e10 = exp - fracDigits;
  if (mant < TWO53 && e10 >= -22 && e10 <= 22) {
    v = e10 >= 0 ? mant * POW10[e10]! : mant / POW10[-e10]!;
  } else if (mant === 0) {
    v = 0;
  } else {
    // slow path: the engine's correctly rounded parser (separators and sign removed)
    let t = '';
    for (let i = neg || buf[start] === 0x2b ? start + 1 : start; i < end; i++)
      if (buf[i] !== COMMA) t += String.fromCharCode(buf[i]!);
    v = Number(t);
  }
  if (!Number.isFinite(v)) return NaN;
  return neg ? -v : v;
}

const scratchEncoder = new TextEncoder();
let scratch = new Uint8Array(64);

/** `parseNumberBytes` for a string (the same rules). */
export function parseNumberText(s: string): number {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = scratchEncoder.encodeInto(s, scratch);
  return parseNumberBytes(scratch, 0, written);
}
