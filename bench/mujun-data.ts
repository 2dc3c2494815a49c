/**
 * Deterministic synthetic 亩均 input for the benchmarks: N industrial enterprises with the fields of spec §1, either as
 * a `MujunTable` (what the engine takes) or as CSV text with the English headers (what the CLI reads). The same seed and
 * N give the same enterprises in both forms, on every run and machine (a seeded xorshift PRNG, no Math.random).
 *
 * The mix: ~35 % above designated size; industries C3071/C3072/C3073 (ceramics), C3989, C3411, C3311, C2614, C3670,
 * C1810, B0610 plus a rare division and ~1 % without a code; land 3–300 mu (below-size firms smaller, some under 3 mu);
 * revenue, tax, value added, energy, electricity, emissions, carbon, R&D and employees scaled from the land and a
 * per-firm efficiency; some missing values; ~3 % tenants without land of their own (a few renting from another tenant),
 * and the flags high_tech, specialized, safety_accident, environmental_violation and exempt. About 150 bytes per CSV row.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { KNOWN_NUMBER_FIELDS } from '../src/domain/mujun/expr.js';
import { INPUT_FIELDS } from '../src/domain/mujun/fields.js';
import type { MujunTable } from '../src/domain/mujun/engine.js';
import { USCC_ALPHABET, usccCheckChar } from '../src/domain/uscc/uscc.js';

export const DEFAULT_SEED = 20230415;

/** CSV headers: the English keys of spec §1, in the order of the field table. */
export const MUJUN_HEADERS: readonly string[] = INPUT_FIELDS.map((f) => f.key);

const NUMBER_KEYS = [...KNOWN_NUMBER_FIELDS];

const TOWNS = [
  '后埠街道',
  '凤凰街道',
  '东大街道',
  '八一街道',
  '丹江街道',
  '白源街道',
  '城郊管委会',
  '青山镇',
  '安源镇',
  '高坑镇',
  '五陂镇',
];
/** [code, share, word in the name, energy intensity (吨标煤/万元 revenue)] */
const INDUSTRIES: [string, number, string, number][] = [
  ['C3071', 0.16, '建陶', 0.35],
  ['C3072', 0.1, '卫浴', 0.3],
  ['C3073', 0.08, '特陶', 0.25],
  ['C3989', 0.14, '电子', 0.04],
  ['C3411', 0.1, '锅炉', 0.08],
  ['C3311', 0.12, '钢构', 0.1],
  ['C2614', 0.08, '化工', 0.3],
  ['C3670', 0.08, '汽配', 0.06],
  ['C1810', 0.06, '服饰', 0.03],
  ['B0610', 0.07, '煤业', 0.2],
  ['C4190', 0.000004, '工艺', 0.05], // a division too small for its own benchmark
  ['', 0.009996, '实业', 0.1], // no industry code
];
const PREFIXES = ['萍乡', '安源', '赣西', '华鑫', '恒达', '金凯', '新宇', '鸿运', '瑞丰', '昌盛', '永兴', '宏泰', '博远', '正邦'];
const SUFFIXES = ['有限公司', '科技有限公司', '实业有限公司', '股份有限公司'];

/** xorshift32 on a uint32 state; next() in [0, 1). */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
    for (let i = 0; i < 8; i++) this.next();
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** log-normal with median 1 */
  logNormal(sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}

/** The uscc of row `i`: 91 + 360302 (an Anyuan-style division code) + 9 characters from a bijection of i + check. */
export function benchUscc(i: number): string {
  const A = USCC_ALPHABET;
  const codes = new Array<number>(18);
  const prefix = '91360302';
  for (let k = 0; k < 8; k++) codes[k] = prefix.charCodeAt(k);
  // 31^8 > 8.5e11: (i × 7919 + 104729) mod 31^8 is injective for i < 31^8 / 7919 (> 1e8)
  let x = (i * 7919 + 104729) % 852891037441;
  for (let k = 15; k >= 8; k--) {
    codes[k] = A.charCodeAt(x % 31);
    x = Math.floor(x / 31);
  }
  codes[16] = A.charCodeAt((i * 13) % 31);
  const first17 = String.fromCharCode(...codes.slice(0, 17));
  codes[17] = usccCheckChar(first17)!.charCodeAt(0);
  // one flat string, as a file reader produces (a `+` concatenation would leave a cons string, slower to hash)
  return String.fromCharCode(...codes);
}

const round = (x: number, dp: number): number => {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
};

interface Row {
  uscc: string;
  name: string;
  town: string;
  industry: string;
  scale: string;
  num: Float64Array; // NUMBER_KEYS order, NaN = missing
  landlord: string;
  flags: string;
}

/** Pull-style row generator: `next()` fills and returns one reused `Row` for rows 0, 1, 2, … in order. */
class RowGen {
  private readonly rng: Rng;
  private readonly cum: number[] = [];
  private readonly flagParts: string[] = [];
  private i = 0;
  readonly row: Row = {
    uscc: '',
    name: '',
    town: '',
    industry: '',
    scale: '',
    num: new Float64Array(12),
    landlord: '',
    flags: '',
  };
  constructor(seed: number) {
    this.rng = new Rng(seed);
    let acc = 0;
    for (const [, share] of INDUSTRIES) this.cum.push((acc += share));
  }
  next(): Row {
    const { rng, row, cum, flagParts } = this;
    const num = row.num;
    const i = this.i++;
    row.uscc = benchUscc(i);
    const u = rng.next();
    let ind = 0;
    while (ind < INDUSTRIES.length - 1 && u >= cum[ind]!) ind++;
    const [code, , word, energyIntensity] = INDUSTRIES[ind]!;
    row.industry = code;
    row.town = TOWNS[rng.int(0, TOWNS.length - 1)]!;
    row.name = `${PREFIXES[rng.int(0, PREFIXES.length - 1)]}${word}${SUFFIXES[rng.int(0, SUFFIXES.length - 1)]}`;
    const above = rng.next() < 0.35;
    row.scale = above ? 'above' : 'below';
    const q = rng.logNormal(0.6); // the firm's efficiency
    // ~3 % tenants: no land of their own, renting from one of the previous 5,000 enterprises (sometimes a tenant)
    const tenant = i > 10 && rng.next() < 0.03;
    let land: number;
    if (tenant) land = rng.next() < 0.5 ? NaN : 0;
    else land = above ? round(10 + 290 * rng.next() ** 2, 1) : round(1 + 60 * rng.next() ** 1.5, 1);
    row.landlord = tenant ? benchUscc(rng.int(Math.max(0, i - 5000), i - 1)) : '';
    const space = Number.isNaN(land) || land === 0 ? 2 + 8 * rng.next() : land;
    const revenue = round(space * (above ? 260 : 90) * q, 2);
    num[LAND] = land;
    num[REVENUE] = revenue;
    num[MAIN_REVENUE] = round(revenue * (0.85 + 0.15 * rng.next()), 2);
    num[TAX] = rng.next() < 0.01 ? NaN : round(revenue * (0.01 + 0.07 * rng.next()), 2);
    num[VALUE_ADDED] = round(revenue * (0.18 + 0.17 * rng.next()), 2);
    const energy = round(revenue * energyIntensity * (0.5 + rng.next()), 2);
    num[ENERGY] = energy;
    num[ELECTRICITY] = Math.round(revenue * (300 + 1200 * rng.next()));
    num[EMISSIONS] = rng.next() < 0.2 ? NaN : round(revenue * (0.0005 + 0.0045 * rng.next()), 3);
    num[CARBON] = rng.next() < 0.1 ? NaN : round(energy * (2.2 + 0.6 * rng.next()), 1);
    num[RD] = rng.next() < (above ? 0.15 : 0.4) ? NaN : round(revenue * 0.05 * rng.next() ** 2, 2);
    num[EMPLOYEES] = rng.next() < 0.02 ? NaN : Math.max(3, Math.round(revenue / (30 + 50 * rng.next())));
    num[TENANTS] = tenant ? 0 : rng.next() < 0.1 ? rng.int(1, 5) : 0;
    flagParts.length = 0;
    if (rng.next() < 0.08) flagParts.push('high_tech');
    if (rng.next() < 0.04) flagParts.push('specialized');
    if (rng.next() < 0.003) flagParts.push('safety_accident');
    if (rng.next() < 0.002) flagParts.push('environmental_violation');
    if (rng.next() < 0.01) flagParts.push('exempt');
    row.flags = flagParts.length === 0 ? '' : flagParts.length === 1 ? flagParts[0]! : flagParts.join(';');
    return row;
  }
}

const [LAND, REVENUE, MAIN_REVENUE, TAX, VALUE_ADDED, ENERGY, ELECTRICITY, EMISSIONS, CARBON, RD, EMPLOYEES, TENANTS] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
] as const;

/** N enterprises as the engine's table (English keys; NaN / '' for missing). */
export function generateMujunTable(n: number, seed = DEFAULT_SEED): MujunTable {
  const columns: Record<string, Float64Array> = {};
  const numCols = NUMBER_KEYS.map((k) => (columns[k] = new Float64Array(n)));
  const uscc = new Array<string>(n);
  const name = new Array<string>(n);
  const textKeys = ['town', 'industry', 'scale', 'landlord_uscc', 'flags'] as const;
  const text: Record<string, string[]> = {};
  for (const k of textKeys) text[k] = new Array<string>(n);
  const [town, industry, scale, landlord, flags] = textKeys.map((k) => text[k]!);
  // names repeat (prefix × word × suffix): share one string per distinct name, as a reader with a string cache would
  const names = new Map<string, string>();
  const g = new RowGen(seed);
  for (let i = 0; i < n; i++) {
    const r = g.next();
    uscc[i] = r.uscc;
    let nm = names.get(r.name);
    if (nm === undefined) names.set(r.name, (nm = r.name));
    name[i] = nm;
    town![i] = r.town;
    industry![i] = r.industry;
    scale![i] = r.scale;
    landlord![i] = r.landlord;
    flags![i] = r.flags;
    for (let c = 0; c < numCols.length; c++) numCols[c]![i] = r.num[c]!;
  }
  return { uscc, name, columns, text };
}

function csvLine(r: Row): string {
  let s = `${r.uscc},${r.name},${r.town},${r.industry},${r.scale}`;
  for (let c = 0; c < NUMBER_KEYS.length; c++) {
    const v = r.num[c]!;
    s += Number.isNaN(v) ? ',' : `,${v}`;
  }
  return `${s},${r.landlord},${r.flags}\n`;
}

/** The CSV text in chunks of `rowsPerChunk` rows; the first chunk starts with the header line. */
export function* mujunCsvChunks(n: number, seed = DEFAULT_SEED, rowsPerChunk = 10_000): Generator<string> {
  const g = new RowGen(seed);
  let buf = `${MUJUN_HEADERS.join(',')}\n`;
  for (let i = 0; i < n; i++) {
    buf += csvLine(g.next());
    if ((i + 1) % rowsPerChunk === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

/** Writes the CSV to `path` without holding it in memory; returns its size in bytes. */
export async function writeMujunCsv(path: string, n: number, seed = DEFAULT_SEED): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const chunk of mujunCsvChunks(n, seed, 20_000)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** Row `i` of the data as a plain record (English keys, null for missing), for xlsx writers and spot checks. */
export function* mujunRecords(n: number, seed = DEFAULT_SEED): Generator<Record<string, string | number | null>> {
  const g = new RowGen(seed);
  for (let i = 0; i < n; i++) {
    const r = g.next();
    const rec: Record<string, string | number | null> = {
      uscc: r.uscc,
      name: r.name,
      town: r.town,
      industry: r.industry || null,
      scale: r.scale,
    };
    NUMBER_KEYS.forEach((k, c) => (rec[k] = Number.isNaN(r.num[c]!) ? null : r.num[c]!));
    rec['landlord_uscc'] = r.landlord || null;
    rec['flags'] = r.flags || null;
    yield rec;
  }
}
