/**
 * Enterprise cultivation (培育库): tiers kept as data, each with an entry rule over the enterprise's yearly data written
 * in the 亩均 expression language (src/domain/mujun/expr.ts — the one parser and evaluator, not a second one), a
 * target count per year and an owner unit; and the yearly placement of every enterprise: its tier (the highest whose
 * rule holds), its movement against last year (升档 / 降档 / 新入库 / 退出 / 持平, and 小升规 when it became
 * above-scale), and the gap to the next tier's threshold. Pure and columnar: no I/O, one pass per rule.
 *
 * The same tier set is applied to both years, so a movement means the enterprise moved, not the definitions.
 */
import type { FieldIssue } from '../errors.js';
import {
  DEFAULT_TEXT_FIELDS,
  KNOWN_NUMBER_FIELDS,
  MujunExprError,
  evalFilter,
  parseFilter,
  type Arith,
  type Columns,
  type Filter,
} from '../mujun/expr.js';
import { INPUT_FIELDS } from '../mujun/fields.js';
import { exprReason } from '../mujun/input.js';

/** The 亩均 class of the enterprise in the year's run (A/B/C/D…, '' when not classed): a text column for rules. */
export const CLASS_FIELD = 'mujun_class';
/** The enterprise's total 亩均 score in the year's run (missing when not scored): a number column for rules. */
export const SCORE_FIELD = 'mujun_score';

/** The text columns a rule may compare with a quoted string. */
export const TIER_TEXT_FIELDS: ReadonlySet<string> = new Set([...DEFAULT_TEXT_FIELDS, CLASS_FIELD]);
/** The number columns a rule or a threshold may use. */
export const TIER_NUMBER_FIELDS: ReadonlySet<string> = new Set([...KNOWN_NUMBER_FIELDS, SCORE_FIELD]);

/** The fields a rule may use, with their Chinese labels (for the editing screen). */
export const TIER_FIELDS: readonly { key: string; zh: string; kind: 'number' | 'text' }[] = [
  ...INPUT_FIELDS.filter((f) => f.key !== 'uscc' && f.key !== 'name').map((f) => ({
    key: f.key,
    zh: f.zh,
    kind: TIER_NUMBER_FIELDS.has(f.key) ? ('number' as const) : ('text' as const),
  })),
  { key: CLASS_FIELD, zh: '亩均评价档次', kind: 'text' },
  { key: SCORE_FIELD, zh: '亩均综合得分', kind: 'number' },
];

export interface TierThreshold {
  /** a number field */
  field: string;
  /** the value an enterprise must reach on it */
  value: number;
}

export interface TierTarget {
  year: number;
  count: number;
}

export interface TierDef {
  /** stable key: lower-case letters, digits, - and _ */
  id: string;
  name: string;
  /** 1 is the highest tier; distinct */
  order: number;
  /** entry rule, a filter of the 亩均 expression language (`revenue >= 100000 and scale == 'above'`) */
  rule: string;
  /** the headline threshold of the rule, used for the gap of the tier below (null: no gap shown) */
  threshold: TierThreshold | null;
  /** how many enterprises the plan wants in the tier, per year */
  targets: TierTarget[];
  /** the unit that owns (培育) the tier */
  ownerUnitId: string | null;
}

export interface TierSet {
  /** the demo's tiers: invented, shown with 示例 on screen */
  illustrative: boolean;
  /** what the tier set stands for (the plan's name, its source document) */
  note: string;
  tiers: TierDef[];
}

export const TIER_LIMITS = { tiers: 30, id: 40, name: 60, rule: 500, note: 500, targets: 30, count: 100_000 } as const;
export const TIER_ID = /^[a-z0-9][a-z0-9_-]*$/;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The tiers, highest first. */
export function orderTiers(tiers: readonly TierDef[]): TierDef[] {
  return [...tiers].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The fields a filter reads, with the position where each first appears. */
function filterFields(f: Filter, out: { name: string; pos: number; text: boolean }[]): void {
  const arith = (e: Arith): void => {
    if (e.kind === 'field') out.push({ name: e.name, pos: e.pos, text: false });
    else if (e.kind === 'neg') arith(e.arg);
    else if (e.kind === 'bin') {
      arith(e.left);
      arith(e.right);
    }
  };
  switch (f.kind) {
    case 'cmp':
      arith(f.left);
      arith(f.right);
      return;
    case 'strcmp':
      out.push({ name: f.field, pos: f.pos, text: true });
      return;
    case 'and':
    case 'or':
      filterFields(f.left, out);
      filterFields(f.right, out);
      return;
    case 'not':
      filterFields(f.arg, out);
  }
}

/** Parses a tier's rule; throws MujunExprError (naming `field` and the position) on a syntax error or an unknown field. */
export function parseTierRule(rule: string, field: string): Filter {
  const f = parseFilter(rule, field, TIER_TEXT_FIELDS);
  const used: { name: string; pos: number; text: boolean }[] = [];
  filterFields(f, used);
  for (const u of used) {
    if (u.text && !TIER_TEXT_FIELDS.has(u.name)) {
      throw new MujunExprError(
        field,
        u.pos,
        TIER_NUMBER_FIELDS.has(u.name) ? `数值字段 '${u.name}' 不能与字符串比较` : `未知字段 '${u.name}'`,
      );
    }
    if (!u.text && !TIER_NUMBER_FIELDS.has(u.name)) throw new MujunExprError(field, u.pos, `未知字段 '${u.name}'`);
  }
  return f;
}

/**
 * Every problem of a tier set, each naming its field (`tiers[2].rule`) and, in its Chinese message, the tier (第 3 档
 * 「亿元企业」) and for a rule the character position. Empty when the set is acceptable.
 */
export function tierSetProblems(set: TierSet): FieldIssue[] {
  const out: FieldIssue[] = [];
  if ((set.note ?? '').length > TIER_LIMITS.note) out.push({ field: 'note', message: `说明不能超过 ${TIER_LIMITS.note} 字` });
  if (set.tiers.length > TIER_LIMITS.tiers) out.push({ field: 'tiers', message: `培育档次不能超过 ${TIER_LIMITS.tiers} 个` });
  const ids = new Set<string>();
  const names = new Set<string>();
  const orders = new Set<number>();
  set.tiers.forEach((t, i) => {
    const f = (k: string) => `tiers[${i}].${k}`;
    const name = (t.name ?? '').trim();
    const who = name ? `第 ${i + 1} 个档次「${name}」` : `第 ${i + 1} 个档次`;
    const id = (t.id ?? '').trim();
    if (!id) out.push({ field: f('id'), message: `${who}：请填写档次代码` });
    else if (id.length > TIER_LIMITS.id || !TIER_ID.test(id))
      out.push({ field: f('id'), message: `${who}：档次代码只能由小写字母、数字、- 和 _ 组成，不超过 ${TIER_LIMITS.id} 个字符` });
    else if (ids.has(id)) out.push({ field: f('id'), message: `${who}：档次代码「${id}」重复` });
    ids.add(id);
    if (!name) out.push({ field: f('name'), message: `${who}：请填写档次名称` });
    else if (name.length > TIER_LIMITS.name)
      out.push({ field: f('name'), message: `${who}：名称不能超过 ${TIER_LIMITS.name} 字` });
    else if (names.has(name)) out.push({ field: f('name'), message: `${who}：名称重复` });
    names.add(name);
    if (!Number.isInteger(t.order) || t.order < 1 || t.order > 1000)
      out.push({ field: f('order'), message: `${who}：排序应为 1–1000 的整数（1 为最高档）` });
    else if (orders.has(t.order)) out.push({ field: f('order'), message: `${who}：排序 ${t.order} 与其他档次重复` });
    orders.add(t.order);
    const rule = (t.rule ?? '').trim();
    if (!rule) out.push({ field: f('rule'), message: `${who}：请填写准入条件` });
    else if (rule.length > TIER_LIMITS.rule)
      out.push({ field: f('rule'), message: `${who}：准入条件不能超过 ${TIER_LIMITS.rule} 个字符` });
    else {
      try {
        parseTierRule(rule, f('rule'));
      } catch (e) {
        if (!(e instanceof MujunExprError)) throw e;
        out.push({ field: f('rule'), message: `${who}准入条件第 ${e.position + 1} 个字符处：${exprReason(e.message)}` });
      }
    }
    if (t.threshold) {
      if (!TIER_NUMBER_FIELDS.has(t.threshold.field))
        out.push({ field: f('threshold.field'), message: `${who}：门槛字段「${t.threshold.field}」不是已知的数值字段` });
      if (!Number.isFinite(t.threshold.value)) out.push({ field: f('threshold.value'), message: `${who}：门槛值应为数字` });
    }
    if (t.targets.length > TIER_LIMITS.targets)
      out.push({ field: f('targets'), message: `${who}：年度目标不能超过 ${TIER_LIMITS.targets} 个` });
    const years = new Set<number>();
    t.targets.forEach((g, k) => {
      const gf = `tiers[${i}].targets[${k}]`;
      if (!Number.isInteger(g.year) || g.year < YEAR_MIN || g.year > YEAR_MAX)
        out.push({ field: `${gf}.year`, message: `${who}：目标年度应在 ${YEAR_MIN}–${YEAR_MAX} 之间` });
      else if (years.has(g.year)) out.push({ field: `${gf}.year`, message: `${who}：${g.year} 年的目标重复` });
      years.add(g.year);
      if (!Number.isInteger(g.count) || g.count < 0 || g.count > TIER_LIMITS.count)
        out.push({ field: `${gf}.count`, message: `${who}：目标家数应为 0–${TIER_LIMITS.count} 的整数` });
    });
  });
  return out;
}

/** The target of a tier for a year (null: none set). */
export function targetFor(t: TierDef, year: number): number | null {
  return t.targets.find((g) => g.year === year)?.count ?? null;
}

// ---- placement -----------------------------------------------------------------------------------------------------

/** One year's enterprises as columns: credit codes, and the columns the rules read (mujun expr `Columns`). */
export interface YearData {
  uscc: readonly string[];
  cols: Columns;
}

export const MOVEMENTS = ['up', 'down', 'new', 'exit', 'same', 'none'] as const;
export type Movement = (typeof MOVEMENTS)[number];
export const MOVEMENT_LABELS: Record<Movement, string> = {
  up: '升档',
  down: '降档',
  new: '新入库',
  exit: '退出',
  same: '持平',
  none: '未入库',
};
const MOVEMENT_CODE: Record<Movement, number> = { up: 0, down: 1, new: 2, exit: 3, same: 4, none: 5 };

export interface Placement {
  /** rows of this year's data */
  n: number;
  /** the tier index (into the ordered tiers, 0 = highest) of each row, -1: in no tier */
  tier: Int16Array;
  /** the tier last year (-1: in none, or absent from last year's data) */
  prevTier: Int16Array;
  /** 1 when the row was in last year's data */
  hadPrev: Uint8Array;
  /** movement code per row (MOVEMENTS[code]) */
  movement: Uint8Array;
  /** 小升规: above-scale this year, below-scale last year (1) */
  becameAboveScale: Uint8Array;
  /** the tier the gap is measured to (-1: none: already the highest tier, or no tier above has a threshold) */
  nextTier: Int16Array;
  /** threshold of the next tier minus the row's value on its field, at least 0; NaN when not measurable */
  gap: Float64Array;
  /** last year's rows in a tier that are absent from this year's data: they exit */
  goneRows: { uscc: string; prevTier: number }[];
}

/** The tier of each row: the highest tier whose rule holds (rules parsed once, evaluated column-wise). */
export function tierOfRows(tiers: readonly TierDef[], data: YearData): Int16Array {
  const n = data.cols.n;
  const out = new Int16Array(n).fill(-1);
  let open = n;
  for (let k = 0; k < tiers.length && open > 0; k++) {
    const field = `tiers[${k}].rule`;
    const holds = evalFilter(parseTierRule(tiers[k]!.rule, field), data.cols, field);
    for (let i = 0; i < n; i++) {
      if (out[i] === -1 && holds[i]) {
        out[i] = k;
        open--;
      }
    }
  }
  return out;
}

export function movementOf(code: number): Movement {
  return MOVEMENTS[code]!;
}

/**
 * Places this year's enterprises in the tiers and compares with last year. `tiers` must be ordered highest first
 * (`orderTiers`); `prev` is null when last year has no data (then every placed enterprise is 新入库).
 *
 * Gap: to the tier directly above the row's tier (for a row in no tier, the lowest tier), on that tier's threshold
 * field: threshold − value, 0 when the value already reaches it (another condition of the rule keeps the enterprise
 * out), NaN when the value is missing or the tier above has no threshold.
 */
export function placeEnterprises(tiers: readonly TierDef[], cur: YearData, prev: YearData | null): Placement {
  const n = cur.cols.n;
  const tier = tierOfRows(tiers, cur);
  const prevTier = new Int16Array(n).fill(-1);
  const hadPrev = new Uint8Array(n);
  const becameAboveScale = new Uint8Array(n);
  const movement = new Uint8Array(n);
  const goneRows: { uscc: string; prevTier: number }[] = [];

  if (prev) {
    const pt = tierOfRows(tiers, prev);
    const rowOf = new Map<string, number>();
    for (let i = 0; i < n; i++) rowOf.set(cur.uscc[i]!, i);
    const scaleNow = cur.cols.text['scale'];
    const scaleThen = prev.cols.text['scale'];
    for (let j = 0; j < prev.cols.n; j++) {
      const i = rowOf.get(prev.uscc[j]!);
      if (i === undefined) {
        if (pt[j]! >= 0) goneRows.push({ uscc: prev.uscc[j]!, prevTier: pt[j]! });
        continue;
      }
      hadPrev[i] = 1;
      prevTier[i] = pt[j]!;
      if (scaleNow?.[i] === 'above' && scaleThen?.[j] === 'below') becameAboveScale[i] = 1;
    }
  }

  for (let i = 0; i < n; i++) {
    const t = tier[i]!;
    const p = prevTier[i]!;
    let m: Movement;
    if (t >= 0 && p >= 0) m = t < p ? 'up' : t > p ? 'down' : 'same';
    else if (t >= 0) m = 'new';
    else if (p >= 0) m = 'exit';
    else m = 'none';
    movement[i] = MOVEMENT_CODE[m];
  }

  const nextTier = new Int16Array(n).fill(-1);
  const gap = new Float64Array(n).fill(NaN);
  // per tier above: the threshold column once
  const thresholdCol = tiers.map((t) => (t.threshold ? cur.cols.numbers[t.threshold.field] : undefined));
  for (let i = 0; i < n; i++) {
    const t = tier[i]!;
    const up = t === -1 ? tiers.length - 1 : t - 1;
    if (up < 0) continue;
    const th = tiers[up]!.threshold;
    if (!th) continue;
    nextTier[i] = up;
    const v = thresholdCol[up]?.[i];
    if (v === undefined || Number.isNaN(v)) continue;
    gap[i] = Math.max(0, th.value - v);
  }

  return { n, tier, prevTier, hadPrev, movement, becameAboveScale, nextTier, gap, goneRows };
}

/** Placed enterprises per tier (index as in the ordered tiers). */
export function tierCounts(tiers: readonly TierDef[], p: Placement): number[] {
  const out = new Array<number>(tiers.length).fill(0);
  for (let i = 0; i < p.n; i++) if (p.tier[i]! >= 0) out[p.tier[i]!]!++;
  return out;
}

/** Movement counts (exits include last year's tiered enterprises absent this year). */
export function movementCounts(p: Placement): Record<Movement, number> & { becameAboveScale: number } {
  const out = { up: 0, down: 0, new: 0, exit: p.goneRows.length, same: 0, none: 0, becameAboveScale: 0 };
  for (let i = 0; i < p.n; i++) {
    out[movementOf(p.movement[i]!)]++;
    if (p.becameAboveScale[i]) out.becameAboveScale++;
  }
  return out;
}
