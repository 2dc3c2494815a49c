/**
 * The demo district's 亩均 data: about 600 industrial enterprises of Anyuan District (安源区) with the input fields of
 * spec §1 (shared/spec/mujun-evaluation.md) for 2021 and 2022, and the same data as the departments upload it
 * (`DATA_SOURCES`), with a few planted inconsistencies for the reconciliation report. Everything is invented but shaped
 * like the district: industrial ceramics (电瓷, 工业陶瓷, 化工填料) are the largest cluster, then chemicals, metal
 * products, equipment, electronics and coal; most industry sits in the parks and the towns.
 *
 * Deterministic: one seeded PRNG (mulberry32) and only arithmetic (no Math.random, no trigonometry), so every call on
 * every machine gives the same data. The data is built once per process and copied out on every call.
 */
import type { MujunRecord } from '../domain/mujun/fields.js';
import { DATA_SOURCES } from '../domain/mujun/sources.js';
import { USCC_ALPHABET, usccCheckChar } from '../domain/uscc/uscc.js';
import { DISTRICT, UNITS } from './anyuan.js';

/** The data years: the meeting of February 2022 evaluates 2021, the next evaluation 2022. */
export const ANYUAN_ENTERPRISE_YEARS: readonly number[] = [2021, 2022];

// ---------------------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a small, well-known 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  u(): number {
    return this.next();
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Approximately standard normal (Irwin–Hall: 12 uniforms − 6), bounded by ±6. */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.next();
    return s - 6;
  }
  /** Lognormal with the given median and log-sd. */
  logn(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

const SEED = 0x360302; // Anyuan's division code

const round = (x: number, dp: number): number => {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
};
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------------------------------
// Industries (GB/T 4754-2017) and their economics

export type ProfileId =
  'ceramics' | 'refractory' | 'electronics' | 'general' | 'special' | 'metal' | 'chemicals' | 'coal' | 'plastics';

interface Profile {
  /** revenue per mu of an above-scale enterprise, 万元/亩 (median) */
  revPerMu: number;
  /** tax / revenue (median) */
  taxRate: number;
  /** comprehensive energy, tce per 万元 of revenue */
  tcePerRev: number;
  /** electricity, kWh per 万元 of revenue */
  kwhPerRev: number;
  /** pollutant equivalents (t) per tce */
  pollutantPerTce: number;
  /** revenue per employee, 万元 */
  revPerEmployee: number;
  /** multiplier on land area */
  land: number;
  /** chance of being a certified high-tech enterprise (before the scale factor) */
  highTech: number;
  /** town weights by unit code, when different from the district's */
  towns?: Readonly<Record<string, number>>;
}

const PROFILES: Record<ProfileId, Profile> = {
  ceramics: {
    revPerMu: 150,
    taxRate: 0.035,
    tcePerRev: 0.34,
    kwhPerRev: 600,
    pollutantPerTce: 0.012,
    revPerEmployee: 55,
    land: 1.2,
    highTech: 0.15,
  },
  refractory: {
    revPerMu: 140,
    taxRate: 0.035,
    tcePerRev: 0.4,
    kwhPerRev: 500,
    pollutantPerTce: 0.015,
    revPerEmployee: 50,
    land: 1.2,
    highTech: 0.06,
  },
  electronics: {
    revPerMu: 400,
    taxRate: 0.03,
    tcePerRev: 0.025,
    kwhPerRev: 250,
    pollutantPerTce: 0.003,
    revPerEmployee: 60,
    land: 0.7,
    highTech: 0.32,
    towns: { 'P-KCC': 35, 'P-AYKF': 40, 'S-HB': 5, 'S-CJ': 5, 'T-WB': 5, 'S-DD': 5, 'S-FH': 5 },
  },
  general: {
    revPerMu: 250,
    taxRate: 0.035,
    tcePerRev: 0.035,
    kwhPerRev: 200,
    pollutantPerTce: 0.002,
    revPerEmployee: 70,
    land: 0.9,
    highTech: 0.12,
  },
  special: {
    revPerMu: 260,
    taxRate: 0.035,
    tcePerRev: 0.03,
    kwhPerRev: 200,
    pollutantPerTce: 0.002,
    revPerEmployee: 70,
    land: 1,
    highTech: 0.14,
  },
  metal: {
    revPerMu: 240,
    taxRate: 0.03,
    tcePerRev: 0.06,
    kwhPerRev: 350,
    pollutantPerTce: 0.004,
    revPerEmployee: 65,
    land: 0.9,
    highTech: 0.04,
  },
  chemicals: {
    revPerMu: 280,
    taxRate: 0.04,
    tcePerRev: 0.25,
    kwhPerRev: 700,
    pollutantPerTce: 0.02,
    revPerEmployee: 90,
    land: 1.1,
    highTech: 0.1,
  },
  coal: {
    revPerMu: 110,
    taxRate: 0.09,
    tcePerRev: 0.12,
    kwhPerRev: 450,
    pollutantPerTce: 0.03,
    revPerEmployee: 25,
    land: 2.5,
    highTech: 0,
    towns: { 'T-GK': 35, 'T-AY': 20, 'T-QS': 20, 'S-BYU': 15, 'S-CJ': 10 },
  },
  plastics: {
    revPerMu: 220,
    taxRate: 0.03,
    tcePerRev: 0.05,
    kwhPerRev: 500,
    pollutantPerTce: 0.004,
    revPerEmployee: 50,
    land: 0.8,
    highTech: 0.05,
  },
};

export interface IndustryDef {
  code: string;
  zh: string;
  /** share of the district's enterprises, % */
  share: number;
  profile: ProfileId;
  /** industry words used in enterprise names */
  words: readonly string[];
}

/** The district's industries: the 陶瓷 cluster (C307) about 30 %. */
export const ANYUAN_INDUSTRIES: readonly IndustryDef[] = [
  {
    code: 'C3073',
    zh: '特种陶瓷制品制造',
    share: 23,
    profile: 'ceramics',
    words: ['电瓷', '电力电瓷', '工业陶瓷', '特种陶瓷', '精细陶瓷', '化工填料', '陶瓷填料', '瓷业'],
  },
  { code: 'C3071', zh: '建筑陶瓷制品制造', share: 5, profile: 'ceramics', words: ['陶瓷', '建筑陶瓷', '建陶'] },
  { code: 'C3072', zh: '卫生陶瓷制品制造', share: 2, profile: 'ceramics', words: ['卫生陶瓷', '洁具'] },
  { code: 'C3089', zh: '耐火陶瓷制品及其他耐火材料制造', share: 4, profile: 'refractory', words: ['耐火材料', '耐材', '炉料'] },
  { code: 'C3989', zh: '其他电子元件制造', share: 7, profile: 'electronics', words: ['电子', '电子科技', '电子元件'] },
  { code: 'C3981', zh: '电阻电容电感元件制造', share: 3, profile: 'electronics', words: ['电容器', '磁电科技', '电感元件'] },
  { code: 'C3971', zh: '电子真空器件制造', share: 2, profile: 'electronics', words: ['光电', '真空电子', '电子器件'] },
  { code: 'C3411', zh: '锅炉及辅助设备制造', share: 3, profile: 'general', words: ['锅炉', '锅炉设备', '热能设备'] },
  { code: 'C3441', zh: '泵及真空设备制造', share: 4, profile: 'general', words: ['泵业', '真空设备', '水泵'] },
  { code: 'C3511', zh: '矿山机械制造', share: 4, profile: 'special', words: ['矿山机械', '矿用设备', '煤矿机械'] },
  { code: 'C3599', zh: '其他专用设备制造', share: 6, profile: 'special', words: ['机械', '装备制造', '机械设备', '智能装备'] },
  { code: 'C3311', zh: '金属结构制造', share: 9, profile: 'metal', words: ['钢结构', '金属结构', '钢构'] },
  { code: 'C3399', zh: '其他未列明金属制品制造', share: 6, profile: 'metal', words: ['金属制品', '五金制品', '金属科技'] },
  { code: 'C2614', zh: '有机化学原料制造', share: 4, profile: 'chemicals', words: ['化工', '化学', '精细化工'] },
  { code: 'C2662', zh: '专项化学用品制造', share: 5, profile: 'chemicals', words: ['化工', '新材料', '化学品'] },
  { code: 'C2669', zh: '其他专用化学产品制造', share: 7, profile: 'chemicals', words: ['化工填料', '环保科技', '化工'] },
  { code: 'B0610', zh: '烟煤和无烟煤开采洗选', share: 3, profile: 'coal', words: ['煤业', '矿业', '煤矿'] },
  { code: 'C2929', zh: '塑料零件及其他塑料制品制造', share: 3, profile: 'plastics', words: ['塑料制品', '塑胶', '塑业'] },
];
const INDUSTRY_BY_CODE = new Map(ANYUAN_INDUSTRIES.map((d) => [d.code, d]));

/** Where industry sits (unit codes of `UNITS`): the parks and the towns carry most of it. */
const TOWN_WEIGHTS: Readonly<Record<string, number>> = {
  'P-AYKF': 30,
  'P-KCC': 8,
  'T-QS': 9,
  'T-GK': 8,
  'T-WB': 9,
  'T-AY': 6,
  'S-CJ': 9,
  'S-HB': 6,
  'S-BYU': 6,
  'S-FH': 2.5,
  'S-DJ': 2.5,
  'S-DD': 2,
  'S-BY': 2,
};
const LOCAL_UNITS = UNITS.filter((u) => u.kind === 'township' || u.kind === 'street' || u.kind === 'park');
function unitName(code: string): string {
  const u = LOCAL_UNITS.find((x) => x.code === code);
  if (!u) throw new Error(`anyuan-enterprises: no town, street or park ${code} in UNITS`);
  return u.name;
}
const TOWN_ORDER = new Map(LOCAL_UNITS.map((u, i) => [u.name, i]));

// ---------------------------------------------------------------------------------------------------------------------
// Names and credit codes

const TRADE_NAMES = (
  '华鑫 鑫源 金鹏 宏达 恒泰 瑞丰 昌盛 兴旺 永安 宝华 天成 明珠 东升 华达 新达 金盛 德盛 隆兴 鸿运 盛源 金源 金达 金泰 ' +
  '金宇 金诚 金石 金瑞 金磊 鑫达 鑫泰 鑫宇 鑫磊 鑫辉 鑫盛 鑫华 鑫诚 华瑞 华泰 华宇 华星 华磊 华强 华兴 华晨 华茂 宏宇 ' +
  '宏伟 宏盛 宏发 宏昌 恒达 恒丰 恒盛 恒源 恒信 瑞祥 瑞达 瑞源 瑞康 瑞鹏 昌达 昌隆 昌荣 兴达 兴源 兴宇 兴盛 兴隆 永盛 ' +
  '永丰 永兴 永达 永恒 天宇 天瑞 天鑫 天益 天润 天盛 明达 明辉 明泰 东方 东兴 东盛 东宇 新宇 新兴 新源 新锐 中天 中瑞 ' +
  '中鼎 中恒 国兴 国鑫 创美 创达 博远 博瑞 博达 卓越 卓信 嘉禾 嘉盛 嘉诚 汇达 汇鑫 汇通 万鑫 万泰 万隆 合兴 合盛 赣湘 ' +
  '赣西 湘赣 萍源 萍鑫 萍兴 安达 安泰 安盛 安华 武功 罗霄 昭萍 鹏程 鹏达 鹏飞 龙腾 龙源 龙兴 凯达 凯盛 凯瑞 润泽 润丰 ' +
  '正昌 信诚 信源 力鑫 力达 利民 利源 联盛 亿鑫 九鼎 三和 科瑞 科达 科锐 精诚 腾达 腾飞 远航 振兴 致远 鼎盛 鼎鑫 鼎泰'
).split(' ');

const BRACKET_PLACE = '（萍乡）';

/** GB 11714 organisation code check character over 8 characters (digits and upper-case letters). */
function orgCodeCheck(first8: string): string {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += parseInt(first8[i]!, 36) * W[i]!;
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A 9-character organisation code: an old numeric one, or a newer `MA3…` one (registered after 2015). */
function orgCode(rng: Rng, recent: boolean): string {
  let body: string;
  if (recent) {
    body = 'MA3' + rng.pick(['5', '7', '8', '9', 'A', 'B', 'C', 'D']);
    for (let i = 0; i < 4; i++) body += rng.pick([...USCC_ALPHABET]);
  } else {
    body = rng.weighted([
      ['7', 35],
      ['6', 20],
      ['5', 15],
      ['3', 10],
      ['1', 20],
    ] as const);
    for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
  }
  return body + orgCodeCheck(body);
}

/** `91` (enterprise) + `360302` (Anyuan) + organisation code + GB 32100 check character. */
function makeUscc(rng: Rng, recent: boolean): string {
  const first17 = `91${DISTRICT.code}${orgCode(rng, recent)}`;
  return first17 + usccCheckChar(first17)!;
}

// ---------------------------------------------------------------------------------------------------------------------
// Enterprises

type Values = {
  revenue: number;
  tax: number;
  energy_tce: number;
  electricity_kwh: number;
  emissions_t: number;
  rd_expense: number | null;
  employees: number;
};

interface Firm {
  idx: number;
  uscc: string;
  name: string;
  /** name in the form 字号 + 行业 + （萍乡）有限公司 */
  bracketName: boolean;
  town: string;
  industry: string;
  above: boolean;
  /** land of its own, mu (null for a tenant reported without land) */
  land: number | null;
  /** 2021 level (for a firm starting in 2021 or 2022: the level it reaches in its second year) */
  base: Values;
  mainRatio: number;
  vaRatio: number;
  carbonFactor: number;
  noEmissions: boolean;
  /** 2022 / 2021, the firm's growth */
  growth: number;
  /** per-field noise on the growth, 2022 */
  noise: { tax: number; energy: number; kwh: number; emissions: number; rd: number; main: number; va: number };
  /** share of the mature level reached in its first year */
  firstYear: { level: number; staff: number };
  startYear: number | null;
  closedAfter: number | null;
  tenants: number;
  landlord: string | null;
  tenantLand: 0 | null;
  flags: Record<number, Set<string>>;
}

const REGULAR = 597; // existing or starting firms (besides the tenants)
const STARTING_2021 = 5;
const STARTING_2022 = 7;
const CLOSING_2021 = 6;
const LANDLORDS_ABOVE = 12;
const LANDLORDS_BELOW = 3;
const TENANT_FIRMS = 10;

interface Built {
  firms: Firm[];
  years: { year: number; records: MujunRecord[] }[];
  planted: PlantedInconsistency[];
}

function pickIndustry(rng: Rng): IndustryDef {
  return rng.weighted(ANYUAN_INDUSTRIES.map((d) => [d, d.share] as const));
}

function pickTown(rng: Rng, p: Profile): string {
  return unitName(rng.weighted(Object.entries(p.towns ?? TOWN_WEIGHTS)));
}

function makeName(rng: Rng, used: Set<string>, ind: IndustryDef, above: boolean): { name: string; bracket: boolean } {
  for (;;) {
    const trade = rng.pick(TRADE_NAMES);
    const word = rng.pick(ind.words);
    const key = trade + word;
    if (used.has(key)) continue;
    used.add(key);
    const form = rng.weighted([
      ['萍乡市', 55],
      ['萍乡', 15],
      ['萍乡市安源区', 12],
      ['江西', 8],
      ['bracket', 10],
    ] as const);
    if (form === 'bracket') return { name: `${trade}${word}${BRACKET_PLACE}有限公司`, bracket: true };
    const suffix =
      ind.profile === 'coal'
        ? rng.weighted([
            ['有限责任公司', 60],
            ['有限公司', 40],
          ] as const)
        : rng.weighted([
            ['股份有限公司', above ? 18 : 2],
            ['有限责任公司', 14],
            ['有限公司', above ? 68 : 84],
          ] as const);
    return { name: `${form}${trade}${word}${suffix}`, bracket: false };
  }
}

/** Values of a firm with `land` mu (for a tenant: the floor space it uses, in mu). */
function makeValues(rng: Rng, p: Profile, above: boolean, land: number, highTech: boolean): Values {
  const efficiency = rng.logn(1, 0.55);
  let revenue: number;
  if (above) {
    revenue = land * p.revPerMu * efficiency;
    if (revenue < 2000) revenue = 2000 + rng.logn(1200, 0.8);
  } else {
    revenue = land * p.revPerMu * 0.55 * efficiency;
    if (revenue >= 1990) revenue = 1990 * rng.range(0.55, 0.99);
    revenue = Math.max(revenue, rng.range(25, 60));
  }
  const loss = rng.chance(0.04); // losses and refunds: next to no tax
  const tax = revenue * p.taxRate * (above ? 1 : 0.8) * rng.logn(1, 0.45) * efficiency ** 0.3 * (loss ? 0.1 : 1);
  const energy = (revenue * p.tcePerRev * rng.logn(1, 0.4)) / efficiency ** 0.2;
  const kwh = revenue * p.kwhPerRev * rng.logn(1, 0.35);
  const emissions = energy * p.pollutantPerTce * rng.logn(1, 0.5);
  let rd: number | null;
  if (highTech) rd = revenue * rng.range(0.01, 0.05);
  else if (above) rd = rng.chance(0.12) ? 0 : revenue * clamp(rng.logn(0.009, 0.6), 0.001, 0.03);
  else if (rng.chance(0.15)) rd = null;
  else rd = rng.chance(0.55) ? 0 : revenue * clamp(rng.logn(0.006, 0.6), 0.001, 0.025);
  const employees = Math.max(above ? 20 : 3, revenue / rng.logn(p.revPerEmployee, 0.4));
  return { revenue, tax, energy_tce: energy, electricity_kwh: kwh, emissions_t: emissions, rd_expense: rd, employees };
}

function newFirm(rng: Rng, used: Set<string>, idx: number, ind: IndustryDef, above: boolean, land: number): Firm {
  const p = PROFILES[ind.profile];
  const highTech = rng.chance(p.highTech * (above ? 1.4 : 0.4));
  const specialized = rng.chance(above ? (highTech ? 0.3 : 0.08) : highTech ? 0.1 : 0.01);
  const { name, bracket } = makeName(rng, used, ind, above);
  const g = 0.85 + 0.4 * ((rng.u() + rng.u()) / 2);
  const flags = new Set<string>();
  if (highTech) flags.add('high_tech');
  if (specialized) flags.add('specialized');
  return {
    idx,
    uscc: '',
    name,
    bracketName: bracket,
    town: pickTown(rng, p),
    industry: ind.code,
    above,
    land,
    base: makeValues(rng, p, above, land, highTech),
    mainRatio: rng.range(0.9, 1),
    vaRatio: rng.range(0.2, 0.35),
    carbonFactor: rng.range(2.42, 2.78),
    noEmissions: rng.chance(above ? 0.03 : 0.065),
    growth: g,
    noise: {
      tax: rng.range(0.9, 1.1),
      energy: rng.range(0.93, 1.05),
      kwh: rng.range(0.93, 1.05),
      emissions: rng.range(0.9, 1.05),
      rd: rng.range(0.9, 1.2),
      main: rng.range(-0.01, 0.01),
      va: rng.range(-0.015, 0.015),
    },
    firstYear: { level: rng.range(0.1, 0.35), staff: rng.range(0.35, 0.7) },
    startYear: null,
    closedAfter: null,
    tenants: 0,
    landlord: null,
    tenantLand: null,
    flags: { 2021: flags, 2022: new Set(flags) },
  };
}

function landFor(rng: Rng, p: Profile, above: boolean): number {
  if (above) return clamp(rng.logn(40 * p.land, 0.75), 8, 400);
  if (rng.chance(0.05)) return rng.range(0.8, 2.9); // under 3 mu: not evaluated by the default scheme
  return clamp(rng.logn(9 * Math.sqrt(p.land), 0.65), 3, 80);
}

function presentIn(f: Firm, year: number): boolean {
  return (f.startYear === null || f.startYear <= year) && (f.closedAfter === null || year <= f.closedAfter);
}

/** The firm's values in `year`, rounded, or null when it is not active. */
function valuesIn(f: Firm, year: number): Record<string, number | null> {
  const b = f.base;
  const second = year === 2022;
  const first = f.startYear === year;
  const k = first ? f.firstYear.level : second ? f.growth : 1;
  const n = second && !first ? f.noise : { tax: 1, energy: 1, kwh: 1, emissions: 1, rd: 1, main: 0, va: 0 };
  const revenue = round(b.revenue * k, 2);
  const energy = Math.max(0.5, round(b.energy_tce * k * n.energy, 2));
  const employees = Math.max(2, Math.round(b.employees * (first ? f.firstYear.staff : second ? 1 + (f.growth - 1) * 0.4 : 1)));
  let rd = b.rd_expense === null ? null : b.rd_expense * k * n.rd;
  // a high-tech enterprise spends 1–5 % of its revenue on R&D (also one certified this year)
  if (f.flags[year]!.has('high_tech') && b.rd_expense !== null) rd = revenue * clamp(rd! / revenue, 0.0102, 0.0495);
  rd = rd === null ? null : round(rd, 2);
  return {
    revenue,
    main_revenue: round(revenue * clamp(f.mainRatio + n.main, 0.9, 1), 2),
    tax: Math.max(0.1, round(b.tax * k * n.tax, 2)),
    value_added: round(revenue * clamp(f.vaRatio + n.va, 0.2, 0.35), 2),
    energy_tce: energy,
    electricity_kwh: Math.round(b.electricity_kwh * k * n.kwh),
    emissions_t: f.noEmissions ? null : Math.max(0.01, round(b.emissions_t * k * n.emissions, 2)),
    carbon_t: f.noEmissions ? null : round(energy * f.carbonFactor, 2),
    rd_expense: rd,
    employees,
  };
}

const FLAG_ORDER = ['high_tech', 'specialized', 'safety_accident', 'environmental_violation', 'exempt'];

function build(): Built {
  const rng = new Rng(SEED);
  const usedNames = new Set<string>();
  const firms: Firm[] = [];

  for (let i = 0; i < REGULAR; i++) {
    const ind = pickIndustry(rng);
    const p = PROFILES[ind.profile];
    const above = rng.chance(ind.profile === 'coal' ? 0.75 : 0.41);
    firms.push(newFirm(rng, usedNames, i, ind, above, round(landFor(rng, p, above), 2)));
  }

  // new projects: starting in 2021 (exempt in 2021) and 2022 (exempt in 2022, absent in 2021)
  const candidates = rng.shuffle(firms.filter((f) => INDUSTRY_BY_CODE.get(f.industry)!.profile !== 'coal' && f.land! >= 5));
  candidates.slice(0, STARTING_2021).forEach((f) => (f.startYear = 2021));
  candidates.slice(STARTING_2021, STARTING_2021 + STARTING_2022).forEach((f) => (f.startYear = 2022));
  for (const f of firms) {
    if (f.startYear === null) continue;
    // in its first year a new project is only exempt; certifications come later (and it is absent before)
    f.flags[f.startYear] = new Set(['exempt']);
    if (f.startYear === 2022) f.flags[2021]!.clear();
  }

  // landlords renting space to others
  const steady = (f: Firm) => f.startYear === null && f.land !== null && f.land >= 20;
  const landlordsAbove = rng.shuffle(firms.filter((f) => steady(f) && f.above)).slice(0, LANDLORDS_ABOVE);
  const landlordsBelow = rng.shuffle(firms.filter((f) => steady(f) && !f.above)).slice(0, LANDLORDS_BELOW);
  const landlords = [...landlordsAbove, ...landlordsBelow];
  for (const l of landlords) l.tenants = rng.int(1, 4);

  // tenants: light industry in a landlord's buildings, no land of their own
  const tenantIndustries = ['C3989', 'C3981', 'C3599', 'C3399', 'C2929', 'C3441'];
  for (let t = 0; t < TENANT_FIRMS; t++) {
    const landlord = landlords[t % 7]!;
    const ind = INDUSTRY_BY_CODE.get(rng.pick(tenantIndustries))!;
    const above = t === 3; // one above-scale tenant
    const f = newFirm(rng, usedNames, firms.length, ind, above, above ? rng.range(6, 12) : rng.range(1.5, 6));
    f.land = null;
    f.tenantLand = t % 5 === 4 || t % 5 === 1 ? null : 0;
    f.landlord = String(landlord.idx); // the landlord's index until the codes exist
    f.town = landlord.town;
    firms.push(f);
  }
  for (const l of landlords) l.tenants = Math.max(l.tenants, firms.filter((x) => x.landlord === String(l.idx)).length);

  // closures after 2021: small below-scale firms
  const closable = rng.shuffle(
    firms.filter((f) => !f.above && f.startYear === null && f.tenants === 0 && f.landlord === null && f.flags[2021]!.size === 0),
  );
  closable.slice(0, CLOSING_2021).forEach((f) => (f.closedAfter = 2021));

  // a few certifications gained in 2022
  const ordinary = (f: Firm) => f.startYear === null && f.closedAfter === null && f.tenants === 0 && f.landlord === null;
  rng
    .shuffle(firms.filter((f) => ordinary(f) && f.above && !f.flags[2022]!.has('high_tech')))
    .slice(0, 4)
    .forEach((f) => f.flags[2022]!.add('high_tech'));
  rng
    .shuffle(firms.filter((f) => ordinary(f) && f.above && !f.flags[2022]!.has('specialized')))
    .slice(0, 2)
    .forEach((f) => f.flags[2022]!.add('specialized'));

  // vetoes: a coal mine accident in 2021; a kiln and a workshop accident in 2022; one environmental violation each year
  const vetoable = (f: Firm, profile: ProfileId, above: boolean) =>
    ordinary(f) && f.above === above && INDUSTRY_BY_CODE.get(f.industry)!.profile === profile && f.land! >= 3;
  const veto = (year: number, flag: string, profile: ProfileId, above: boolean) => {
    const f = rng.shuffle(
      firms.filter((x) => vetoable(x, profile, above) && x.flags[2021]!.size + x.flags[2022]!.size === 0),
    )[0]!;
    f.flags[year]!.add(flag);
  };
  veto(2021, 'safety_accident', 'coal', true);
  veto(2022, 'safety_accident', 'ceramics', true);
  veto(2022, 'safety_accident', 'metal', false);
  veto(2021, 'environmental_violation', 'chemicals', false);
  veto(2022, 'environmental_violation', 'chemicals', true);

  // credit codes (unique), then the landlords' codes on their tenants
  const usedCodes = new Set<string>();
  for (const f of firms) {
    const recent = f.startYear !== null || rng.chance(0.4);
    let code = makeUscc(rng, recent);
    while (usedCodes.has(code)) code = makeUscc(rng, recent);
    usedCodes.add(code);
    f.uscc = code;
  }
  for (const f of firms) if (f.landlord !== null) f.landlord = firms[Number(f.landlord)]!.uscc;

  // yearly records, listed by town (in UNITS order) as the 工信局 keeps them
  const listed = [...firms].sort((a, b) => TOWN_ORDER.get(a.town)! - TOWN_ORDER.get(b.town)! || a.idx - b.idx);
  const scaleOf = new Map<string, 'above' | 'below'>();
  const years = ANYUAN_ENTERPRISE_YEARS.map((year) => {
    const records: MujunRecord[] = [];
    for (const f of listed) {
      if (!presentIn(f, year)) continue;
      const v = valuesIn(f, year);
      const above = (f.above && f.startYear !== year) || v['revenue']! >= 2000 || scaleOf.get(f.uscc) === 'above';
      scaleOf.set(f.uscc, above ? 'above' : 'below');
      if (above && v['rd_expense'] === null) v['rd_expense'] = 0; // every above-scale enterprise reports its R&D
      const flags = FLAG_ORDER.filter((x) => f.flags[year]!.has(x));
      records.push({
        uscc: f.uscc,
        name: f.name,
        town: f.town,
        industry: f.industry,
        scale: above ? 'above' : 'below',
        land_mu: f.landlord !== null ? f.tenantLand : f.land,
        ...v,
        tenants: f.tenants,
        landlord_uscc: f.landlord,
        flags: flags.length > 0 ? flags.join(';') : null,
      });
    }
    return { year, records };
  });

  return { firms, years, planted: plant(firms, years) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Department uploads and their planted inconsistencies

/** Which department reports each flag (a flag not listed here comes from 工信局). */
export const FLAG_SOURCE: Readonly<Record<string, string>> = {
  environmental_violation: 'environment',
  high_tech: 'tech',
  specialized: 'industry',
  exempt: 'industry',
  safety_accident: 'industry',
};

export interface PlantedInconsistency {
  year: number;
  /** `missing_row`: the enterprise is absent from the source; `name_mismatch`: the source spells its name differently;
   * `outlier`: a value far off the enterprise's previous year (a unit or typing mistake) */
  kind: 'missing_row' | 'name_mismatch' | 'outlier';
  /** DATA_SOURCES id */
  source: string;
  uscc: string;
  /** the enterprise's name in the year's records */
  name: string;
  /** `name` for a name mismatch, the field of an outlier, null for a missing row */
  field: string | null;
  /** the value in the year's records */
  expected: string | number | null;
  /** the value in the upload (null for a missing row) */
  uploaded: string | number | null;
  /** the enterprise's value of the previous year (outliers only) */
  previous: number | null;
  /** what happened, for people */
  note: string;
}

function plant(firms: Firm[], years: { year: number; records: MujunRecord[] }[]): PlantedInconsistency[] {
  const rng = new Rng(SEED ^ 0x5eed);
  const out: PlantedInconsistency[] = [];
  const taken = new Set<string>();
  const byUscc = new Map(firms.map((f) => [f.uscc, f]));
  const recordOf = (year: number, uscc: string) => years.find((y) => y.year === year)!.records.find((r) => r.uscc === uscc)!;
  const eligible = (year: number, need: (f: Firm) => boolean): Firm[] =>
    rng.shuffle(
      years
        .find((y) => y.year === year)!
        .records.map((r) => byUscc.get(r.uscc as string)!)
        .filter(
          (f) =>
            !taken.has(f.uscc) &&
            f.startYear === null &&
            f.tenants === 0 &&
            f.landlord === null &&
            f.flags[year]!.size === 0 &&
            need(f),
        ),
    );
  const take = (f: Firm) => (taken.add(f.uscc), f);

  const planYear = (year: number, missingSource: string, limitedSource: string, bracketSource: string) => {
    for (const f of eligible(year, () => true).slice(0, 3)) {
      take(f);
      out.push({
        year,
        kind: 'missing_row',
        source: missingSource,
        uscc: f.uscc,
        name: f.name,
        field: null,
        expected: null,
        uploaded: null,
        previous: null,
        note: `${sourceZh(missingSource)}报送的数据中缺少该企业`,
      });
    }
    const plain = take(
      eligible(year, (f) => f.name.endsWith('有限公司') && !f.name.endsWith('股份有限公司') && !f.bracketName)[0]!,
    );
    out.push({
      year,
      kind: 'name_mismatch',
      source: limitedSource,
      uscc: plain.uscc,
      name: plain.name,
      field: 'name',
      expected: plain.name,
      uploaded: plain.name.replace(/有限公司$/, '有限责任公司'),
      previous: null,
      note: `${sourceZh(limitedSource)}报送的企业名称为"有限责任公司"，登记名称为"有限公司"`,
    });
    const bracket = take(eligible(year, (f) => f.bracketName)[0]!);
    out.push({
      year,
      kind: 'name_mismatch',
      source: bracketSource,
      uscc: bracket.uscc,
      name: bracket.name,
      field: 'name',
      expected: bracket.name,
      uploaded: bracket.name.replace('（', '(').replace('）', ')'),
      previous: null,
      note: `${sourceZh(bracketSource)}报送的企业名称使用半角括号`,
    });
  };
  planYear(2021, 'tax', 'stats', 'tax');
  planYear(2022, 'power', 'hr', 'land');

  // 2022: values far off 2021
  const outliers: [string, string, (x: number) => number, string][] = [
    ['tax', 'tax', (x) => round(x * 10, 2), '实缴税金多录一位（约为上年的10倍）'],
    ['stats', 'revenue', (x) => round(x * 10000, 2), '营业收入按元填报（单位应为万元）'],
    ['power', 'electricity_kwh', (x) => round(x / 10000, 2), '用电量按万千瓦时填报（单位应为千瓦时）'],
  ];
  const steady = eligible(2022, (f) => f.closedAfter === null && f.above);
  outliers.forEach(([source, field, wrong, note], i) => {
    const f = take(steady[i]!);
    const expected = recordOf(2022, f.uscc)[field] as number;
    out.push({
      year: 2022,
      kind: 'outlier',
      source,
      uscc: f.uscc,
      name: f.name,
      field,
      expected,
      uploaded: wrong(expected),
      previous: recordOf(2021, f.uscc)[field] as number,
      note,
    });
  });
  return out;
}

function sourceZh(id: string): string {
  return DATA_SOURCES.find((s) => s.id === id)?.zh ?? id;
}

let cache: Built | null = null;
function built(): Built {
  cache ??= build();
  return cache;
}

const copy = (r: MujunRecord): MujunRecord => ({ ...r });

/**
 * The demo district's enterprise data, one entry per year of `ANYUAN_ENTERPRISE_YEARS` (2021, 2022), every record with
 * all the fields of spec §1 (null = missing). The same on every call; the caller may modify what it gets.
 */
export function anyuanEnterprises(): { year: number; records: MujunRecord[] }[] {
  return built().years.map((y) => ({ year: y.year, records: y.records.map(copy) }));
}

/** The inconsistencies planted in `departmentUploads` (both years), for tests and the reconciliation demo. */
export const PLANTED_INCONSISTENCIES: readonly PlantedInconsistency[] = built().planted;

/**
 * The `year`'s data as the departments upload it: one entry per `DATA_SOURCES` source, rows of `uscc`, `name` and the
 * source's fields (flags: only those the department reports, see `FLAG_SOURCE`), with `PLANTED_INCONSISTENCIES`.
 * Rows come in each department's own order (税务局 by credit code, 自然资源局 by town, the others as listed).
 */
export function departmentUploads(year: number): { source: string; records: MujunRecord[] }[] {
  const y = built().years.find((x) => x.year === year);
  if (!y) throw new RangeError(`anyuan-enterprises: no data for ${year} (years: ${ANYUAN_ENTERPRISE_YEARS.join(', ')})`);
  const planted = built().planted.filter((p) => p.year === year);
  return DATA_SOURCES.map((src) => {
    const rows: MujunRecord[] = [];
    for (const r of y.records) {
      const here = planted.filter((p) => p.source === src.id && p.uscc === r.uscc);
      if (here.some((p) => p.kind === 'missing_row')) continue;
      const row: MujunRecord = { uscc: r.uscc ?? null, name: r.name ?? null };
      for (const field of src.fields) {
        if (field === 'uscc' || field === 'name') continue;
        if (field === 'flags') {
          const mine = String(r['flags'] ?? '')
            .split(';')
            .filter((fl) => fl !== '' && (FLAG_SOURCE[fl] ?? 'industry') === src.id);
          row['flags'] = mine.length > 0 ? mine.join(';') : null;
        } else row[field] = r[field] ?? null;
      }
      for (const p of here) row[p.field!] = p.uploaded;
      rows.push(row);
    }
    if (src.id === 'tax') rows.sort((a, b) => String(a['uscc']).localeCompare(String(b['uscc'])));
    return { source: src.id, records: rows };
  });
}
