/**
 * 亩均论英雄 evaluation engine (normative definition: shared/spec/mujun-evaluation.md). Pure: no I/O.
 * Steps: status & group (§2.1) → indicator values (§2.2) → benchmarks (§2.3) → scores (§2.4) →
 * totals, heroes, adjustments, rounding (§2.5) → rank, class, vetoes (§2.6) → exempt & tenant classes → output (§3).
 *
 * `evaluateColumnar` computes everything into typed arrays (see columnar.ts); `evaluate` materialises that into one
 * object per enterprise. Performance notes (1,000,000 enterprises with the Huangyan scheme in ~0.3 s): formulas and
 * group filters are compiled once from their AST into one loop each (compile.ts), so a value is computed per member in
 * registers, with no temporary column per AST node; ratio scores, the sums and hero sub-totals are one pass per
 * indicator; the flags the scheme uses are parsed once into one Uint8Array each (with a cache per distinct flags
 * text); industry divisions become integer ids once; medians and percentiles use quickselect; ranks come from the
 * integer keys round(total × 10⁴) by a counting pass or an LSD radix sort of the positions; rounding skips
 * `toPrecision` unless the value is near a rounding boundary; the per-row and per-member arrays are carved from a few
 * large buffers (fewer GCs) and the rank sort reuses spent memory; there are no per-row closures, Sets or objects.
 */
import {
  enterpriseResult,
  shareNames,
  type ColumnarAdjustment,
  type ColumnarEvaluation,
  type ColumnarGroup,
  type ColumnarIndicator,
} from './columnar.js';
import { compileGroupFilter, compileValues } from './compile.js';
import { DEFAULT_TEXT_FIELDS, evalArith, parseArith, parseFilter, type Columns } from './expr.js';
import { HEROES, type Benchmark, type Group, type Hero, type Scheme } from './scheme.js';

// Status codes as module-local constants (the same values as columnar.ts exports): an imported binding can compile to a
// getter call, which would run once per row in the loops below.
const ST_SCORED = 0;
const ST_EXEMPT = 1;
const ST_TENANT = 2;
const ST_UNEVALUATED = 3;

export {
  EXEMPT,
  SCORED,
  STATUSES,
  TENANT,
  UNEVALUATED,
  adjustmentsOf,
  classOf,
  enterpriseResult,
  groupIdOf,
  rankOf,
  statusOf,
  totalOf,
  vetoesOf,
  type ColumnarAdjustment,
  type ColumnarEvaluation,
  type ColumnarGroup,
  type ColumnarIndicator,
} from './columnar.js';

export interface MujunTable {
  uscc: string[];
  name: string[];
  /** numeric columns, NaN = missing (land_mu, tax, …, tenants and any extra numeric column) */
  columns: Record<string, Float64Array>;
  /** text columns, '' = missing (town, industry, scale, landlord_uscc, flags, …) */
  text: Record<string, string[]>;
}

export type Status = 'scored' | 'exempt' | 'tenant' | 'unevaluated';

export interface IndicatorResult {
  value: number | null;
  benchmark: number | null;
  score: number;
}

export interface EnterpriseResult {
  uscc: string;
  name: string;
  group: string | null;
  status: Status;
  total: number | null;
  rank: number | null;
  class: string | null;
  heroes: Record<Hero, number> | null;
  indicators: Record<string, IndicatorResult>;
  adjustments: { id: string; points: number }[];
  vetoes: string[];
}

export interface GroupResult {
  id: string;
  n: number;
  benchmarks: Record<string, number | null>;
  classCounts: Record<string, number>;
}

export interface EvaluationResult {
  scheme: string;
  groups: GroupResult[];
  results: EnterpriseResult[];
  warnings: string[];
}

/** Round half away from zero to `dp` places; toPrecision(15) first strips binary noise (1.00005 → 1.0001). */
export function roundHalfAway(x: number, dp: number): number {
  const f = 10 ** dp;
  const y = Math.abs(x) * f;
  // Fast path, same result: toPrecision(15) moves y by at most ~5.2e-15·y, so unless y lies within 1e-13·y of a
  // half-integer (where Math.round could flip), rounding y or its 15-digit form gives the same integer.
  const fr = y - Math.floor(y);
  if (Math.abs(fr - 0.5) > y * 1e-13) {
    const r = Math.round(y) / f;
    return x < 0 ? -r : r;
  }
  const scaled = Number(y.toPrecision(15));
  const r = Math.round(scaled) / f;
  return x < 0 ? -r : r;
}

/** Linear interpolation between closest ranks (numpy default / Excel PERCENTILE.INC). `sorted` ascending, p in 0–100. */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Competition ranks ("1224"), descending, into `out`: rank = 1 + number of strictly greater values.
 * Totals are rounded to 4 places, so `round(t × 10⁴)` is an integer key that orders and ties exactly as the totals do:
 * when the keys span a small range, a counting pass gives every rank in O(m + range) without sorting. When they span a
 * wide one (ratio scores) below 2³², an LSD radix sort of the positions by key (`radixRanks`: 2 passes for 1,000,000
 * ratio totals; in the CPU profile 76 → 39 ms per Huangyan evaluation for its two groups, against the native sort of
 * packed int64s below). Wider still, the key and the position are packed into one int64, sorted natively (a
 * BigInt64Array sorts in C++, with no BigInt made) and read back from the top, ties together. Otherwise (totals not on the 10⁻⁴ grid) a native sort of a copy and a binary search
 * per value. `scratch` lends the radix sort its three m-element work arrays.
 */
function competitionRanksInto(totals: Float64Array, out: Int32Array, scratch?: RadixScratch): void {
  const m = totals.length;
  if (m === 0) return;
  let lo = Infinity;
  let hi = -Infinity;
  let integral = true;
  for (let k = 0; k < m; k++) {
    const t = totals[k]!;
    const key = Math.round(t * 1e4);
    if (!(Math.abs(t) < 1e9) || key / 1e4 !== t) {
      integral = false;
      break;
    }
    if (key < lo) lo = key;
    if (key > hi) hi = key;
  }
  const range = hi - lo + 1;
  if (integral && range <= Math.max(1 << 16, 8 * m)) {
    const above = new Int32Array(range + 1); // above[r] = number of keys > r (after the suffix sum)
    for (let k = 0; k < m; k++) above[Math.round(totals[k]! * 1e4) - lo]!++;
    let greater = 0;
    for (let r = range - 1; r >= 0; r--) {
      const c = above[r]!;
      above[r] = greater;
      greater += c;
    }
    for (let k = 0; k < m; k++) out[k] = 1 + above[Math.round(totals[k]! * 1e4) - lo]!;
    return;
  }
  if (integral && range <= 0x100000000) {
    radixRanks(totals, lo, range, out, scratch ?? newScratch(m));
    return;
  }
  // a wider range: sort (key − lo, position) packed into one int64 natively, then one pass from the top
  let bits = 1;
  while (1 << bits < m) bits++;
  if (integral && LITTLE_ENDIAN && bits <= 24 && range < 2 ** (62 - bits)) {
    const packed = new BigInt64Array(m);
    const words = new Uint32Array(packed.buffer);
    const lowSpan = 2 ** (32 - bits); // the key's low part goes above the position in the low word
    for (let k = 0; k < m; k++) {
      const rel = Math.round(totals[k]! * 1e4) - lo;
      const high = Math.floor(rel / lowSpan);
      words[2 * k] = ((rel - high * lowSpan) << bits) | k;
      words[2 * k + 1] = high;
    }
    packed.sort();
    const mask = (1 << bits) - 1;
    let greater = 0;
    for (let e = m - 1; e >= 0;) {
      const high = words[2 * e + 1]!;
      const low = words[2 * e]! >>> bits;
      let s = e;
      while (s > 0 && words[2 * s - 1] === high && words[2 * s - 2]! >>> bits === low) s--;
      for (let q = s; q <= e; q++) out[words[2 * q]! & mask] = 1 + greater;
      greater += e - s + 1;
      e = s - 1;
    }
    return;
  }
  const sorted = totals.slice().sort(); // ascending
  for (let k = 0; k < m; k++) {
    const t = totals[k]!;
    // first index whose value is > t
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid]! <= t) a = mid + 1;
      else b = mid;
    }
    out[k] = 1 + m - a;
  }
}

/** Three m-element work arrays for `radixRanks` (callers may lend memory they no longer need). */
interface RadixScratch {
  keys: Uint32Array;
  a: Uint32Array;
  b: Uint32Array;
}

function newScratch(m: number): RadixScratch {
  return { keys: new Uint32Array(m), a: new Uint32Array(m), b: new Uint32Array(m) };
}

/**
 * Competition ranks of totals whose keys `round(t × 10⁴) − lo` lie in [0, range), range ≤ 2³²: an LSD radix sort of
 * the positions by key (2–3 stable counting passes of ≤ 12-bit digits, so the counts stay in cache), then one pass from
 * the largest key down, ties together.
 */
function radixRanks(totals: Float64Array, lo: number, range: number, out: Int32Array, scratch: RadixScratch): void {
  const m = totals.length;
  const keys = scratch.keys;
  for (let k = 0; k < m; k++) keys[k] = Math.round(totals[k]! * 1e4) - lo;
  const bitsNeeded = range <= 1 ? 1 : 32 - Math.clz32(range - 1);
  const passes = Math.ceil(bitsNeeded / 12);
  const digit = Math.ceil(bitsNeeded / passes);
  const buckets = 1 << digit;
  const mask = buckets - 1;
  // the histograms of all passes in one read of the keys
  const count = new Int32Array(buckets * passes);
  for (let k = 0; k < m; k++) {
    const key = keys[k]!;
    for (let p = 0, shift = 0; p < passes; p++, shift += digit) count[p * buckets + ((key >>> shift) & mask)]!++;
  }
  for (let p = 0; p < passes; p++) {
    let acc = 0;
    for (let b = p * buckets, end = b + buckets; b < end; b++) {
      const c = count[b]!;
      count[b] = acc;
      acc += c;
    }
  }
  let from = scratch.a;
  let to = scratch.b;
  // first pass straight from the positions 0…m−1
  for (let k = 0; k < m; k++) to[count[keys[k]! & mask]!++] = k;
  for (let p = 1, shift = digit; p < passes; p++, shift += digit) {
    const t = from;
    from = to;
    to = t;
    const base = p * buckets;
    for (let q = 0; q < m; q++) {
      const k = from[q]!;
      to[count[base + ((keys[k]! >>> shift) & mask)]!++] = k;
    }
  }
  from = to;
  // `from` holds the positions by ascending key
  let greater = 0;
  for (let e = m - 1; e >= 0;) {
    const key = keys[from[e]!]!;
    let s = e;
    while (s > 0 && keys[from[s - 1]!] === key) s--;
    const r = 1 + greater;
    for (let q = s; q <= e; q++) out[from[q]!] = r;
    greater += e - s + 1;
    e = s - 1;
  }
}

/**
 * The k-th smallest of `a` (0-based), rearranging `a` so that a[0..k) ≤ a[k] ≤ a(k..]. Quickselect with a
 * median-of-three pivot; falls back to a full native sort if partitioning degenerates.
 */
function selectKth(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  let budget = 4 * (32 - Math.clz32(a.length)) + 8;
  while (right > left) {
    if (--budget < 0) {
      a.subarray(left, right + 1).sort();
      return a[k]!;
    }
    const mid = (left + right) >>> 1;
    // median of three into a[mid]
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** `percentileInc` of the values of `a` (any order; `a` is rearranged), by selection instead of a full sort. */
function percentileOf(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  if (!(lo >= 0 && lo < n)) return percentileInc(a.sort(), p); // p out of range or NaN: same arithmetic as before
  const x = selectKth(a, lo);
  let y = x;
  if (lo + 1 < n) {
    y = a[lo + 1]!;
    for (let k = lo + 2; k < n; k++) if (a[k]! < y) y = a[k]!;
  }
  return x + (h - lo) * (y - x);
}

/** Competition ranking ("1224"), descending. */
export function competitionRanks(totals: readonly number[]): number[] {
  const out = new Int32Array(totals.length);
  competitionRanksInto(Float64Array.from(totals), out);
  return Array.from(out);
}

export function percentileClass(rank: number, n: number, bands: readonly (readonly [string, number])[]): string | null {
  for (const [cls, share] of bands) if (rank <= Math.ceil(roundHalfAway(share * n, 9))) return cls;
  return null;
}

export function thresholdClass(total: number, bands: readonly (readonly [string, number | null])[]): string | null {
  for (const [cls, min] of bands) if (min === null || total >= min) return cls;
  return null;
}

/** The evaluation in object form: one `EnterpriseResult` per row (a materialisation of `evaluateColumnar`). */
export function evaluate(scheme: Scheme, table: MujunTable): EvaluationResult {
  const ev = evaluateColumnar(scheme, table);
  const results = new Array<EnterpriseResult>(ev.n);
  for (let i = 0; i < ev.n; i++) results[i] = enterpriseResult(ev, i);
  return { scheme: ev.scheme, groups: ev.groups, results, warnings: ev.warnings };
}

/** Distinct flag texts remembered by `parseFlags` (a flags column is mostly a few combinations). */
const FLAG_CACHE_LIMIT = 4096;

/** One Uint8Array per flag name in `names` (1 = the row carries it), parsing each distinct flags text once. */
function parseFlags(col: readonly string[] | undefined, n: number, names: readonly string[], arena: Arena): Uint8Array[] {
  const out = names.map(() => arena.u8(n));
  if (!col || names.length === 0) return out;
  const index = new Map<string, number>();
  names.forEach((f, k) => index.set(f, k));
  const cache = new Map<string, readonly number[]>();
  const none: readonly number[] = [];
  for (let i = 0; i < n; i++) {
    const raw = col[i];
    if (raw === undefined || raw === '') continue;
    let hits = cache.get(raw);
    if (hits === undefined) {
      const found: number[] = [];
      for (const part of raw.split(';')) {
        const k = index.get(part.trim());
        if (k !== undefined && !found.includes(k)) found.push(k);
      }
      hits = found.length ? found : none;
      if (cache.size < FLAG_CACHE_LIMIT) cache.set(raw, hits);
    }
    for (let h = 0; h < hits.length; h++) out[hits[h]!]![i] = 1;
  }
  return out;
}

/** Industry division id per row (first 3 characters of the trimmed industry code), −1 when there is none. */
function divisionIds(col: readonly string[] | undefined, n: number, arena: Arena): { ids: Int32Array; count: number } {
  const ids = arena.i32(n).fill(-1);
  if (!col) return { ids, count: 0 };
  const byDivision = new Map<string, number>();
  const byRaw = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const raw = col[i];
    if (raw === undefined || raw === '') continue;
    let id = byRaw.get(raw);
    if (id === undefined) {
      const d = raw.trim().slice(0, 3);
      if (d === '') id = -1;
      else {
        id = byDivision.get(d);
        if (id === undefined) byDivision.set(d, (id = byDivision.size));
      }
      if (byRaw.size < 65536) byRaw.set(raw, id);
    }
    ids[i] = id;
  }
  return { ids, count: byDivision.size };
}

/** The valued entries of `value` (NaN dropped), in member order. */
function valuedCopy(value: Float64Array, valued: number): Float64Array {
  const out = new Float64Array(valued);
  let c = 0;
  for (let k = 0; k < value.length; k++) {
    const v = value[k]!;
    if (v === v) out[c++] = v;
  }
  return out;
}

/**
 * Benchmark of the group (over its valued members, before the multiplier). NaN when it cannot be computed.
 * `num`/`den` are over the table, `value` over the members; `den` null means 1.
 */
function groupBenchmark(
  b: Benchmark,
  members: Int32Array,
  value: Float64Array,
  valued: number,
  num: Float64Array | null,
  den: Float64Array | null,
): number {
  const m = members.length;
  switch (b.method) {
    case 'fixed':
      return b.value ?? NaN;
    case 'aggregate': {
      if (valued === 0) return NaN;
      let sn = 0;
      let sd = 0;
      for (let k = 0; k < m; k++) {
        if (value[k] !== value[k]) continue;
        const i = members[k]!;
        sn += num![i]!;
        sd += den === null ? 1 : den[i]!;
      }
      return sd > 0 ? sn / sd : NaN;
    }
    case 'mean': {
      if (valued === 0) return NaN;
      let s = 0;
      for (let k = 0; k < m; k++) {
        const v = value[k]!;
        if (v === v) s += v;
      }
      return s / valued;
    }
    case 'median':
      return percentileOf(valuedCopy(value, valued), 50);
    case 'percentile':
      return percentileOf(valuedCopy(value, valued), b.p ?? NaN);
  }
}

/**
 * Benchmarks per industry division (before the multiplier) over the valued members with a division. `has[d]` is 1 for
 * divisions with at least `minCount` valued members (their benchmark, possibly NaN, replaces the group's).
 */
function divisionBenchmarks(
  b: Benchmark,
  members: Int32Array,
  value: Float64Array,
  num: Float64Array | null,
  den: Float64Array | null,
  div: Int32Array,
  nDiv: number,
): { bench: Float64Array; has: Uint8Array } {
  const m = members.length;
  const minCount = b.minCount ?? 5;
  const count = new Int32Array(nDiv);
  for (let k = 0; k < m; k++) {
    const d = div[members[k]!]!;
    if (d >= 0 && value[k] === value[k]) count[d] = count[d]! + 1;
  }
  const bench = new Float64Array(nDiv).fill(NaN);
  const has = new Uint8Array(nDiv);
  for (let d = 0; d < nDiv; d++) if (count[d]! > 0 && count[d]! >= minCount) has[d] = 1;
  switch (b.method) {
    case 'fixed':
      for (let d = 0; d < nDiv; d++) bench[d] = b.value ?? NaN;
      break;
    case 'aggregate':
    case 'mean': {
      const sn = new Float64Array(nDiv);
      const sd = new Float64Array(nDiv);
      const agg = b.method === 'aggregate';
      for (let k = 0; k < m; k++) {
        const v = value[k]!;
        if (v !== v) continue;
        const i = members[k]!;
        const d = div[i]!;
        if (d < 0) continue;
        if (agg) {
          sn[d] = sn[d]! + num![i]!;
          sd[d] = sd[d]! + (den === null ? 1 : den[i]!);
        } else sn[d] = sn[d]! + v;
      }
      for (let d = 0; d < nDiv; d++) {
        if (!has[d]) continue;
        bench[d] = agg ? (sd[d]! > 0 ? sn[d]! / sd[d]! : NaN) : sn[d]! / count[d]!;
      }
      break;
    }
    case 'median':
    case 'percentile': {
      // bucket the valued values by division (a counting sort), then select within each bucket
      const start = new Int32Array(nDiv + 1);
      for (let d = 0; d < nDiv; d++) start[d + 1] = start[d]! + count[d]!;
      const fill = start.slice(0, nDiv);
      const all = new Float64Array(start[nDiv]!);
      for (let k = 0; k < m; k++) {
        const v = value[k]!;
        if (v !== v) continue;
        const d = div[members[k]!]!;
        if (d >= 0) all[fill[d]!++] = v;
      }
      const p = b.method === 'median' ? 50 : (b.p ?? NaN);
      for (let d = 0; d < nDiv; d++) {
        if (!has[d]) continue;
        bench[d] = percentileOf(all.subarray(start[d]!, start[d + 1]!), p);
      }
      break;
    }
  }
  return { bench, has };
}

interface TypedArrayOf<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (len: number): T;
  new (buf: ArrayBuffer, at: number, len: number): T;
}

/**
 * Typed arrays carved out of one ArrayBuffer. V8 starts a full garbage collection each time external (ArrayBuffer)
 * memory grows by a fixed step, and each one marks the whole table; a few large buffers instead of dozens of arrays
 * per evaluation avoid most of them. Zero-initialised like `new Float64Array(n)`; falls back to a separate array when
 * the reserved size is exceeded.
 */
class Arena {
  private readonly buf: ArrayBuffer;
  private off = 0;
  constructor(bytes: number) {
    this.buf = new ArrayBuffer(Math.max(8, bytes));
  }
  /** Bytes to reserve for arrays of these element counts and sizes (each padded to 8 bytes). */
  static size(...counts: [len: number, bytes: number][]): number {
    let s = 0;
    for (const [len, bytes] of counts) s += Math.ceil((len * bytes) / 8) * 8;
    return s;
  }
  private take(bytes: number): number {
    const at = this.off;
    const end = at + Math.ceil(bytes / 8) * 8;
    if (end > this.buf.byteLength) return -1;
    this.off = end;
    return at;
  }
  private carve<T>(C: TypedArrayOf<T>, len: number): T {
    const at = this.take(len * C.BYTES_PER_ELEMENT);
    return at < 0 ? new C(len) : new C(this.buf, at, len);
  }
  f64(len: number): Float64Array {
    return this.carve(Float64Array, len);
  }
  i32(len: number): Int32Array {
    return this.carve(Int32Array, len);
  }
  u32(len: number): Uint32Array {
    return this.carve(Uint32Array, len);
  }
  i16(len: number): Int16Array {
    return this.carve(Int16Array, len);
  }
  u8(len: number): Uint8Array {
    return this.carve(Uint8Array, len);
  }
}

/** §2.2 values over the members (NaN = missing); returns the number of valued members. */
function indicatorValues(members: Int32Array, num: Float64Array, den: Float64Array | null, value: Float64Array): number {
  const m = members.length;
  let valued = 0;
  if (den === null) {
    for (let k = 0; k < m; k++) {
      const a = num[members[k]!]!;
      const v = a - a === 0 ? a : NaN; // finite
      value[k] = v;
      if (v === v) valued++;
    }
  } else {
    for (let k = 0; k < m; k++) {
      const i = members[k]!;
      const a = num[i]!;
      const d = den[i]!;
      const v = a - a === 0 && d - d === 0 && d > 0 ? a / d : NaN;
      value[k] = v;
      if (v === v) valued++;
    }
  }
  return valued;
}

const POLICY_ZERO = 0;
const POLICY_MEAN = 1;
const POLICY_EXCLUDE = 2;

/**
 * §2.4 ratio scores into `score`, added to `sum` (per member) and `hero` (per row) in the same pass, then the
 * missing-value policy: a missing value under a valid benchmark scores 0 (zero; exclude: and its weight goes to
 * `excludedW`) or the mean of the other scores (mean: a second pass once that mean is known). Returns the first member
 * with an invalid benchmark, or −1.
 */
function ratioScoresAndSums(
  value: Float64Array,
  bench: Float64Array,
  w: number,
  cap: number,
  higher: boolean,
  policy: number,
  score: Float64Array,
  sum: Float64Array,
  hero: Float64Array,
  members: Int32Array,
  excludedW: Float64Array | null,
): number {
  const m = value.length;
  let firstBad = -1;
  let nMissing = 0;
  let s = 0;
  // One loop for every policy (no policy branch in it): a missing value adds 0 here — exact, as every sum is ≥ +0 —
  // and the policy's own pass follows.
  for (let k = 0; k < m; k++) {
    const b = bench[k]!;
    const x = value[k]!;
    let sc = 0;
    if (!(b > 0)) {
      sc = w; // invalid / missing benchmark: everyone gets w
      if (firstBad < 0) firstBad = k;
    } else if (x !== x) nMissing++;
    else if (higher) sc = w * Math.max(0, Math.min(x / b, cap));
    else sc = w * Math.max(0, Math.min(2 - x / b, cap));
    score[k] = sc;
    s += sc;
    sum[k] = sum[k]! + sc;
    const i = members[k]!;
    hero[i] = hero[i]! + sc;
  }
  if (nMissing > 0) {
    const c = m - nMissing;
    if (policy === POLICY_MEAN) addMeanScoreWhereMissing(value, bench, c > 0 ? s / c : 0, score, sum, hero, members);
    else if (policy === POLICY_EXCLUDE) addWeightWhereMissingValue(value, bench, w, excludedW!);
  }
  return firstBad;
}

function addWeightWhereMissingValue(value: Float64Array, bench: Float64Array, w: number, excludedW: Float64Array): void {
  for (let k = 0; k < value.length; k++) {
    const x = value[k]!;
    if (x !== x && bench[k]! > 0) excludedW[k] = excludedW[k]! + w;
  }
}

/** The second pass of `ratioScoresAndSums` under missing = mean (its own function: its own type feedback). */
function addMeanScoreWhereMissing(
  value: Float64Array,
  bench: Float64Array,
  meanScore: number,
  score: Float64Array,
  sum: Float64Array,
  hero: Float64Array,
  members: Int32Array,
): void {
  for (let k = 0; k < value.length; k++) {
    const x = value[k]!;
    if (x !== x && bench[k]! > 0) {
      score[k] = meanScore;
      sum[k] = sum[k]! + meanScore;
      const i = members[k]!;
      hero[i] = hero[i]! + meanScore;
    }
  }
}

/** §2.4 minmax scores. */
function minmaxScores(
  value: Float64Array,
  w: number,
  floor: number,
  higher: boolean,
  score: Float64Array,
  missing: Uint8Array,
): void {
  const m = value.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < m; k++) {
    const x = value[k]!;
    if (x !== x) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  for (let k = 0; k < m; k++) {
    const x = value[k]!;
    if (x !== x) missing[k] = 1;
    else if (hi === lo) score[k] = w;
    else {
      const t = higher ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
      score[k] = w * (floor + (1 - floor) * t);
    }
  }
}

/** §2.4 missing = "mean": a missing value scores the mean score of the others. */
function fillMeanScore(score: Float64Array, missing: Uint8Array): void {
  const m = score.length;
  let s = 0;
  let c = 0;
  for (let k = 0; k < m; k++)
    if (!missing[k]) {
      s += score[k]!;
      c++;
    }
  const meanScore = c > 0 ? s / c : 0;
  for (let k = 0; k < m; k++) if (missing[k]) score[k] = meanScore;
}

function addWeightWhereMissing(excludedW: Float64Array, missing: Uint8Array, w: number): void {
  for (let k = 0; k < excludedW.length; k++) if (missing[k]) excludedW[k] = excludedW[k]! + w;
}

function accumulate(sum: Float64Array, hero: Float64Array, members: Int32Array, score: Float64Array): void {
  for (let k = 0; k < score.length; k++) {
    const s = score[k]!;
    sum[k] = sum[k]! + s;
    const i = members[k]!;
    hero[i] = hero[i]! + s;
  }
}

function fillByDivision(bench: Float64Array, members: Int32Array, div: Int32Array, db: Float64Array, has: Uint8Array): void {
  for (let k = 0; k < members.length; k++) {
    const d = div[members[k]!]!;
    if (d >= 0 && has[d]) bench[k] = db[d]!;
  }
}

function flagAdjustment(
  adj: Float64Array,
  members: Int32Array,
  flag: Uint8Array,
  points: number,
  mask: Uint32Array,
  words: number,
  j: number,
): void {
  const word = j >>> 5;
  const bit = (1 << (j & 31)) >>> 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    if (flag[i]) {
      adj[k] = adj[k]! + points;
      mask[i * words + word] = mask[i * words + word]! | bit;
    }
  }
}

function fieldAdjustment(
  adj: Float64Array,
  members: Int32Array,
  col: Float64Array,
  per: number,
  beyond: number,
  points: Float64Array,
  mask: Uint32Array,
  words: number,
  j: number,
): void {
  const word = j >>> 5;
  const bit = (1 << (j & 31)) >>> 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const v = col[i]!;
    if (v !== v) continue;
    const pts = per * Math.max(0, v - beyond);
    if (pts !== 0) {
      adj[k] = adj[k]! + pts;
      points[k] = pts;
      mask[i * words + word] = mask[i * words + word]! | bit;
    }
  }
}

/**
 * §2.5 rounded totals (into `totals` per member and `total` per row); hero sub-totals (summed in `heroCols` per row)
 * rescaled for exclusions.
 */
function totalsAndHeroes(
  members: Int32Array,
  sum: Float64Array,
  adj: Float64Array,
  excludedW: Float64Array | null,
  W: number,
  totals: Float64Array,
  total: Float64Array,
  heroCols: Float64Array[],
): void {
  const m = members.length;
  if (excludedW === null)
    for (let k = 0; k < m; k++) {
      const t = roundHalfAway(sum[k]! + adj[k]!, 4);
      totals[k] = t;
      total[members[k]!] = t;
    }
  else
    for (let k = 0; k < m; k++) {
      let factor = 1;
      const ex = excludedW[k]!;
      const rest = W - ex;
      if (ex > 0 && rest > 0) factor = W / rest;
      const t = roundHalfAway(sum[k]! * factor + adj[k]!, 4);
      totals[k] = t;
      total[members[k]!] = t;
    }
  if (excludedW !== null)
    for (let h = 0; h < heroCols.length; h++) {
      const out = heroCols[h]!;
      for (let k = 0; k < m; k++) {
        const ex = excludedW[k]!;
        const rest = W - ex;
        if (ex > 0 && rest > 0) {
          const i = members[k]!;
          out[i] = out[i]! * (W / rest);
        }
      }
    }
}

/** §2.6 class per member from its rank (percentile) or total (threshold): index into the class labels, −1 = null. */
function classify(
  members: Int32Array,
  ranks: Int32Array,
  totals: Float64Array,
  percentile: boolean,
  limits: Float64Array,
  bandClass: Int32Array,
  rank: Int32Array,
  classIndex: Int16Array,
): void {
  const nb = limits.length;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const r = ranks[k]!;
    rank[i] = r;
    let cls = -1;
    if (percentile) {
      for (let b = 0; b < nb; b++)
        if (r <= limits[b]!) {
          cls = bandClass[b]!;
          break;
        }
    } else {
      const t = totals[k]!;
      for (let b = 0; b < nb; b++)
        if (t >= limits[b]!) {
          cls = bandClass[b]!;
          break;
        }
    }
    classIndex[i] = cls;
  }
}

/** §2.6 vetoes, applied in reverse scheme order so the first veto that applies sets the class. */
function applyVeto(
  members: Int32Array,
  flag: Uint8Array,
  cls: number,
  classIndex: Int16Array,
  mask: Uint32Array,
  words: number,
  j: number,
): void {
  const word = j >>> 5;
  const bit = (1 << (j & 31)) >>> 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    if (!flag[i]) continue;
    classIndex[i] = cls;
    mask[i * words + word] = mask[i * words + word]! | bit;
  }
}

/** What one group's evaluation writes into the per-row arrays. */
interface RowOutputs {
  n: number;
  table: MujunTable;
  cols: Columns;
  textFields: ReadonlySet<string>;
  flags: Uint8Array[];
  flagNames: string[];
  classNo: (c: string) => number;
  classLabels: string[];
  divisions: () => { ids: Int32Array; count: number };
  warnings: string[];
  total: Float64Array;
  heroCols: Float64Array[];
  rank: Int32Array;
  classIndex: Int16Array;
  adjustmentMask: Uint32Array;
  adjustmentWords: number;
  vetoMask: Uint32Array;
  vetoWords: number;
}

/** Bytes of a group's per-member arrays (see evaluateGroup). */
function groupArenaSize(g: Group, m: number): number {
  const nInd = g.indicators.length;
  const nField = (g.adjustments ?? []).filter((a) => !('flag' in a)).length;
  const anyExclude = g.indicators.some((x) => x.missing === 'exclude');
  // value, benchmark, score per indicator; sum, adjustments, totals, exclusions, field points; ranks; missing
  return Arena.size([m, 8 * (3 * nInd + 3 + (anyExclude ? 1 : 0) + nField)], [m, 4], [m, 1]) + 8 * (3 * nInd + nField + 16);
}

function evaluateGroup(
  g: Group,
  gi: number,
  members: Int32Array,
  o: RowOutputs,
  groupArena?: Arena,
): { detail: ColumnarGroup; summary: GroupResult } {
  const m = members.length;
  const arena = groupArena ?? new Arena(groupArenaSize(g, m));
  const W = g.indicators.reduce((s, x) => s + x.weight, 0);
  // Accumulators are filled with zeros first, although the arena's memory already reads as zero: on a fresh page a
  // read-modify-write faults twice (the shared zero page, then a copy on write), a plain write once. The fill is ~1 ms
  // per 4 MB; the first indicator's pass ran 3-5 times slower without it.
  const sum = arena.f64(m).fill(0);
  let excludedW: Float64Array | null = null;
  // hero sub-totals are summed in the per-row output arrays (0 for members, NaN outside them: evaluateColumnar)
  const benchmarks: Record<string, number | null> = {};
  const indicators: ColumnarIndicator[] = [];
  let missing: Uint8Array | null = null;

  for (let ii = 0; ii < g.indicators.length; ii++) {
    const ind = g.indicators[ii]!;
    const ip = `groups[${gi}].indicators[${ii}]`;
    const isMinmax = ind.scoring.method === 'minmax';
    // §2.2 value: compiled into one pass over the members, unless the aggregate benchmark needs the table's num/den
    const value = arena.f64(m);
    let valued: number;
    let num: Float64Array | null = null;
    let den: Float64Array | null = null;
    if (!isMinmax && ind.benchmark?.method === 'aggregate') {
      num = evalArith(parseArith(ind.numerator, `${ip}.numerator`, o.textFields), o.cols, `${ip}.numerator`);
      den =
        ind.denominator === undefined
          ? null
          : evalArith(parseArith(ind.denominator, `${ip}.denominator`, o.textFields), o.cols, `${ip}.denominator`);
      valued = indicatorValues(members, num, den, value);
    } else {
      const values = compileValues(ind.numerator, ind.denominator, o.cols, `${ip}.numerator`, `${ip}.denominator`, o.textFields);
      valued = values(members, value);
    }

    // §2.3 benchmark (per member)
    const bench = arena.f64(m);
    if (!isMinmax && ind.benchmark) {
      const b = ind.benchmark;
      const mult = b.multiplier ?? 1;
      const groupB = groupBenchmark(b, members, value, valued, num, den) * mult;
      benchmarks[ind.id] = Number.isNaN(groupB) ? null : groupB;
      bench.fill(groupB);
      if (b.by === 'industry') {
        const divisions = o.divisions();
        const perDiv = divisionBenchmarks(b, members, value, num, den, divisions.ids, divisions.count);
        const db = perDiv.bench;
        for (let d = 0; d < db.length; d++) db[d] = db[d]! * mult;
        fillByDivision(bench, members, divisions.ids, db, perDiv.has);
      }
    } else {
      benchmarks[ind.id] = null;
      bench.fill(NaN);
    }

    // §2.4 score, the missing-value policy, and the sums (each member's sum keeps scheme order)
    const w = ind.weight;
    const score = arena.f64(m);
    const policy = ind.missing ?? 'zero';
    const hero = o.heroCols[HEROES.indexOf(ind.hero)]!;
    if (policy === 'exclude') excludedW ??= arena.f64(m).fill(0);
    if (isMinmax) {
      missing ??= arena.u8(m);
      missing.fill(0);
      minmaxScores(value, w, ind.scoring.floor ?? 0.2, ind.direction === 'higher', score, missing);
      if (policy === 'mean') fillMeanScore(score, missing);
      else if (policy === 'exclude') addWeightWhereMissing(excludedW!, missing, w);
      accumulate(sum, hero, members, score);
    } else {
      const firstBad = ratioScoresAndSums(
        value,
        bench,
        w,
        ind.scoring.cap ?? Infinity,
        ind.direction === 'higher',
        policy === 'mean' ? POLICY_MEAN : policy === 'exclude' ? POLICY_EXCLUDE : POLICY_ZERO,
        score,
        sum,
        hero,
        members,
        excludedW,
      );
      if (firstBad >= 0) {
        const b = bench[firstBad]!;
        o.warnings.push(`分组 ${g.id} 指标 ${ind.id} 的基准${Number.isNaN(b) ? '缺失' : `为 ${b}`}，按满分 ${w} 计`);
      }
    }
    indicators.push({ id: ind.id, hero: ind.hero, minmax: isMinmax, value, benchmark: bench, score });
  }

  // §2.5 adjustments, one column at a time (each member's sum keeps scheme order)
  const adjustments: ColumnarAdjustment[] = [];
  const adj = arena.f64(m).fill(0);
  const adjs = g.adjustments ?? [];
  for (let j = 0; j < adjs.length; j++) {
    const a = adjs[j]!;
    if ('flag' in a) {
      const flag = o.flags[o.flagNames.indexOf(a.flag)]!;
      flagAdjustment(adj, members, flag, a.points, o.adjustmentMask, o.adjustmentWords, j);
      adjustments.push({ id: a.id, points: a.points });
    } else {
      const col = o.table.columns[a.field];
      const points = arena.f64(m);
      if (col) fieldAdjustment(adj, members, col, a.per, a.beyond ?? 0, points, o.adjustmentMask, o.adjustmentWords, j);
      adjustments.push({ id: a.id, points });
    }
  }

  // §2.5 totals and heroes
  const totals = arena.f64(m);
  totalsAndHeroes(members, sum, adj, excludedW, W, totals, o.total, o.heroCols);

  // §2.6 rank, class, vetoes
  const ranks = arena.i32(m);
  // the sums and adjustments are spent: their memory holds the rank sort's work arrays
  competitionRanksInto(totals, ranks, {
    keys: new Uint32Array(adj.buffer, adj.byteOffset, m),
    a: new Uint32Array(sum.buffer, sum.byteOffset, m),
    b: new Uint32Array(sum.buffer, sum.byteOffset + 4 * m, m),
  });
  const bands = g.classes.bands;
  const percentile = g.classes.method === 'percentile';
  const bandClass = Int32Array.from(bands, ([c]) => o.classNo(c));
  const limits = Float64Array.from(bands, ([, x]) =>
    percentile ? Math.ceil(roundHalfAway((x as number) * m, 9)) : x === null ? -Infinity : x,
  );
  classify(members, ranks, totals, percentile, limits, bandClass, o.rank, o.classIndex);
  const vetoes = g.vetoes ?? [];
  for (let v = vetoes.length - 1; v >= 0; v--) {
    const flag = o.flags[o.flagNames.indexOf(vetoes[v]!.flag)]!;
    applyVeto(members, flag, o.classNo(vetoes[v]!.class), o.classIndex, o.vetoMask, o.vetoWords, v);
  }
  // class counts, keys in the order classes first occur among the members
  const counts = new Int32Array(o.classLabels.length);
  const order: number[] = [];
  for (let k = 0; k < m; k++) {
    const c = o.classIndex[members[k]!]!;
    if (c >= 0 && counts[c]!++ === 0) order.push(c);
  }
  const classCounts: Record<string, number> = {};
  for (const c of order) classCounts[o.classLabels[c]!] = counts[c]!;
  return {
    detail: { id: g.id, members, indicators, adjustments, vetoes: vetoes.map((v) => v.id) },
    summary: { id: g.id, n: m, benchmarks, classCounts },
  };
}

/** The evaluation as typed arrays (see columnar.ts). Same numbers as `evaluate`, without an object per enterprise. */
export function evaluateColumnar(scheme: Scheme, table: MujunTable): ColumnarEvaluation {
  const n = table.uscc.length;
  const warnings: string[] = [];
  const cols: Columns = { n, numbers: table.columns, text: table.text };
  const textFields = new Set([...DEFAULT_TEXT_FIELDS, ...Object.keys(table.text)]);
  const landMu = table.columns['land_mu'];

  // flags the scheme uses, parsed once
  const flagNames: string[] = [];
  const flagNo = (f: string): number => {
    let k = flagNames.indexOf(f);
    if (k < 0) k = flagNames.push(f) - 1;
    return k;
  };
  const exemptFlag = scheme.exempt ? flagNo(scheme.exempt.flag) : -1;
  for (const g of scheme.groups) {
    for (const a of g.adjustments ?? []) if ('flag' in a) flagNo(a.flag);
    for (const v of g.vetoes ?? []) flagNo(v.flag);
  }
  // one buffer for the per-row arrays: flags, group, status, member, total, 4 heroes, rank, class, masks, members of
  // the groups, division ids, landlords
  let adjustmentWords = 1;
  let vetoWords = 1;
  for (const g of scheme.groups) {
    adjustmentWords = Math.max(adjustmentWords, Math.ceil((g.adjustments?.length ?? 0) / 32));
    vetoWords = Math.max(vetoWords, Math.ceil((g.vetoes?.length ?? 0) / 32));
  }
  const byIndustry = scheme.groups.some((g) => g.indicators.some((x) => x.benchmark?.by === 'industry'));
  const arena = new Arena(
    Arena.size(
      [n, flagNames.length + 1 + 2 + 2 + 4 + 4 + 4 + 40 + 4 * (adjustmentWords + vetoWords)],
      [n, byIndustry ? 4 : 0],
      [n, scheme.tenantsTakeLandlordClass ? 4 : 0],
    ) +
      8 * (flagNames.length + 16 + scheme.groups.length),
  );
  const flags = parseFlags(table.text['flags'], n, flagNames, arena);

  // class labels
  const classLabels: string[] = [];
  const classNo = (c: string): number => {
    let k = classLabels.indexOf(c);
    if (k < 0) k = classLabels.push(c) - 1;
    return k;
  };
  for (const g of scheme.groups) {
    for (const [c] of g.classes.bands) classNo(c);
    for (const v of g.vetoes ?? []) classNo(v.class);
  }
  const exemptClass = scheme.exempt ? classNo(scheme.exempt.class) : -1;

  // §2.1 group: the first group whose filter holds (reported for every status)
  const groupOf = arena.i16(n).fill(-1);
  for (let gi = 0; gi < scheme.groups.length; gi++) {
    const field = `groups[${gi}].filter`;
    compileGroupFilter(parseFilter(scheme.groups[gi]!.filter, field, textFields), cols, field)(groupOf, gi);
  }

  // §2.1 status; tenants: land missing or 0 and a landlord uscc present in the data
  const exemptCol = exemptFlag >= 0 ? flags[exemptFlag]! : null;
  const landlordOf = scheme.tenantsTakeLandlordClass ? findLandlords(table, landMu, exemptCol, arena) : null;
  const status = arena.u8(n);
  for (let i = 0; i < n; i++) {
    if (exemptCol !== null && exemptCol[i]) status[i] = ST_EXEMPT;
    else if (landlordOf !== null && landlordOf[i]! >= 0) status[i] = ST_TENANT;
    else status[i] = groupOf[i]! >= 0 ? ST_SCORED : ST_UNEVALUATED;
  }

  // members of each group, ascending
  const G = scheme.groups.length;
  const member = arena.i32(n).fill(-1);
  const membersOf = groupMembers(status, groupOf, G, member, arena);

  // per-row outputs
  const total = arena.f64(n);
  const heroes = {} as Record<Hero, Float64Array>;
  for (const h of HEROES) heroes[h] = arena.f64(n);
  // NaN outside the groups' members; members keep the arena's zeros (their hero sub-totals are summed in place)
  nanOutsideMembers(member, total, heroes.mujun, heroes.ditan, heroes.keji, heroes.renjun);
  let divisions: { ids: Int32Array; count: number } | null = null;
  const o: RowOutputs = {
    n,
    table,
    cols,
    textFields,
    flags,
    flagNames,
    classNo,
    classLabels,
    divisions: () => (divisions ??= divisionIds(table.text['industry'], n, arena)),
    warnings,
    total,
    heroCols: HEROES.map((h) => heroes[h]),
    rank: arena.i32(n),
    classIndex: arena.i16(n).fill(-1),
    adjustmentMask: arena.u32(n * adjustmentWords),
    adjustmentWords,
    vetoMask: arena.u32(n * vetoWords),
    vetoWords,
  };
  // one buffer for all groups' per-member arrays, sized exactly now that the groups' sizes are known
  let groupBytes = 0;
  for (let gi = 0; gi < G; gi++) groupBytes += groupArenaSize(scheme.groups[gi]!, membersOf[gi]!.length);
  const groupsArena = new Arena(groupBytes);
  const byGroup: ColumnarGroup[] = [];
  const groups: GroupResult[] = [];
  for (let gi = 0; gi < G; gi++) {
    const r = evaluateGroup(scheme.groups[gi]!, gi, membersOf[gi]!, o, groupsArena);
    byGroup.push(r.detail);
    groups.push(r.summary);
  }

  // exempt and tenant classes
  tenantAndExemptClasses(status, landlordOf, exemptClass, o.classIndex);

  const result: ColumnarEvaluation = {
    scheme: scheme.id,
    n,
    uscc: table.uscc,
    name: [],
    groups,
    byGroup,
    warnings,
    status,
    group: groupOf,
    member,
    total,
    heroes,
    rank: o.rank,
    classLabels,
    classIndex: o.classIndex,
    adjustmentMask: o.adjustmentMask,
    adjustmentWords,
    vetoMask: o.vetoMask,
    vetoWords,
  };
  shareNames(result, table); // names still held as bytes stay so (see columnar.ts)
  return result;
}

function nanOutsideMembers(
  member: Int32Array,
  total: Float64Array,
  h0: Float64Array,
  h1: Float64Array,
  h2: Float64Array,
  h3: Float64Array,
): void {
  for (let i = 0; i < member.length; i++)
    if (member[i]! < 0) {
      total[i] = NaN;
      h0[i] = NaN;
      h1[i] = NaN;
      h2[i] = NaN;
      h3[i] = NaN;
    }
}

function groupMembers(status: Uint8Array, groupOf: Int16Array, G: number, member: Int32Array, arena: Arena): Int32Array[] {
  const n = status.length;
  const sizes = new Int32Array(G);
  for (let i = 0; i < n; i++) if (status[i] === ST_SCORED) sizes[groupOf[i]!] = sizes[groupOf[i]!]! + 1;
  const membersOf = Array.from(sizes, (m) => arena.i32(m));
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    if (status[i] !== ST_SCORED) continue;
    const g = groupOf[i]!;
    const k = sizes[g]!;
    sizes[g] = k + 1;
    membersOf[g]![k] = i;
    member[i] = k;
  }
  return membersOf;
}

/**
 * §2.1 tenants: for each row (not exempt) with land missing or 0, the row of its landlord uscc (the last row with that
 * code), −1 when there is none. Null when no row can be a tenant.
 */
function findLandlords(
  table: MujunTable,
  landMu: Float64Array | undefined,
  exemptCol: Uint8Array | null,
  arena: Arena,
): Int32Array | null {
  const n = table.uscc.length;
  const landlordCol = table.text['landlord_uscc'];
  const uscc = table.uscc;
  const candidate = (i: number): boolean => {
    if (exemptCol !== null && exemptCol[i]) return false;
    const land = landMu ? landMu[i]! : NaN;
    return land !== land || land === 0;
  };
  // the landlord codes asked for, then one pass over the usccs to find them
  const wanted = new Map<string, number>();
  for (let i = 0; i < n; i++) if (candidate(i)) wanted.set((landlordCol?.[i] ?? '').trim(), -1);
  if (wanted.size === 0) return null;
  // a bitmap of (length, last three characters) of the wanted codes lets most rows skip hashing their uscc
  const bits = new Uint8Array(1 << 18);
  const key = (u: string): number => {
    const l = u.length;
    return l < 3
      ? l
      : (l * 0x9e37 + u.charCodeAt(l - 1) * 0x3b1 + u.charCodeAt(l - 2) * 0x1f + u.charCodeAt(l - 3)) & ((1 << 21) - 1);
  };
  for (const u of wanted.keys()) {
    const h = key(u);
    bits[h >>> 3] = bits[h >>> 3]! | (1 << (h & 7));
  }
  for (let i = 0; i < n; i++) {
    const u = uscc[i]!;
    const h = key(u);
    if ((bits[h >>> 3]! >>> (h & 7)) & 1 && wanted.has(u)) wanted.set(u, i);
  }
  const landlordOf = arena.i32(n).fill(-1);
  for (let i = 0; i < n; i++) if (candidate(i)) landlordOf[i] = wanted.get((landlordCol?.[i] ?? '').trim())!;
  return landlordOf;
}

/** Exempt rows get the exempt class; tenants their landlord's final class (chains followed, a cycle gives null). */
function tenantAndExemptClasses(
  status: Uint8Array,
  landlordOf: Int32Array | null,
  exemptClass: number,
  classIndex: Int16Array,
): void {
  const n = status.length;
  let seen: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const st = status[i]!;
    if (st === ST_EXEMPT) classIndex[i] = exemptClass;
    else if (st === ST_TENANT) {
      seen ??= new Int32Array(n);
      const stamp = i + 1;
      seen[i] = stamp;
      let j = landlordOf![i]!;
      let cls = -1;
      while (true) {
        if (seen[j] === stamp) break; // cycle
        seen[j] = stamp;
        if (status[j] === ST_TENANT) {
          j = landlordOf![j]!;
          continue;
        }
        cls = status[j] === ST_EXEMPT ? exemptClass : classIndex[j]!;
        break;
      }
      classIndex[i] = cls;
    }
  }
}
