/**
 * 标准地: the control indicators a new industrial project commits to before it gets land, and 对标验收 — the check of
 * the actual values against them when it is in production. The actual values are computed with the one expression
 * engine of the 亩均 evaluation (src/domain/mujun/expr.ts) over the enterprise's 亩均 data for the year plus the
 * project's own figures, so "亩均税收" has one definition in the whole system. Pure: no I/O.
 */
import { z } from 'zod';
import { arithFields, evalArith, KNOWN_NUMBER_FIELDS, MujunExprError, parseArith, type Arith, type Columns } from '../mujun/expr.js';
import { FIELD_BY_KEY } from '../mujun/fields.js';

/** The project's own figures a formula may use besides the 亩均 input fields. */
export const PROJECT_FIELDS = {
  project_investment: '项目总投资(万元)',
  project_fixed_investment: '项目固定资产投资(万元)',
  project_land_mu: '项目用地(亩)',
} as const;
export type ProjectField = keyof typeof PROJECT_FIELDS;

export const indicatorSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '指标标识须为小写字母开头的字母、数字或下划线'),
  name: z.string().trim().min(1, '指标名称不能为空').max(40),
  unit: z.string().trim().max(20).default(''),
  /** min: the actual must reach at least the committed value (亩均税收); max: at most (单位能耗). */
  direction: z.enum(['min', 'max']),
  /** How the actual value is computed; absent when it is entered with evidence (容积率 from the survey). */
  formula: z.string().trim().max(500).nullable().default(null),
});
export type Indicator = z.output<typeof indicatorSchema>;

export const controlRowSchema = z.object({
  /** GB/T 4754 industry code prefix ('' = every industry; the longest matching prefix wins). */
  industryPrefix: z.string().regex(/^([A-T]|[A-T]?\d{2,4})?$/, '行业代码须为 GB/T 4754 门类字母或 2–4 位代码（可为空表示全部行业）'),
  label: z.string().trim().min(1).max(60),
  /** Committed value per indicator id. */
  values: z.record(z.string(), z.number().finite()),
});
export type ControlRow = z.output<typeof controlRowSchema>;

export const controlTableSchema = z.object({
  /** The document the values come from (e.g. a provincial 标准地 notice). */
  source: z.string().trim().min(1, '须注明控制指标的依据文件').max(200),
  illustrative: z.boolean().default(false),
  indicators: z.array(indicatorSchema).min(1, '至少一个控制指标').max(30),
  rows: z.array(controlRowSchema).min(1, '至少一行控制值').max(200),
  /** Years after 投产 when acceptance is due. */
  acceptanceYears: z.number().int().min(1).max(10).default(3),
  /** 整改期限 (months) given when an acceptance fails. */
  rectifyMonths: z.number().int().min(1).max(36).default(12),
  /** 违约金 per failed indicator: a formula over `shortfall_ratio` and the project figures (万元), or null. */
  penaltyFormula: z.string().trim().max(500).nullable().default(null),
});
export type ControlTable = z.output<typeof controlTableSchema>;

const NUMBER_FIELDS: ReadonlySet<string> = new Set([...KNOWN_NUMBER_FIELDS, ...Object.keys(PROJECT_FIELDS), 'shortfall_ratio']);

/** Every problem of a control table (Chinese, with the path). Formulas are parsed with the 亩均 engine. */
export function controlTableProblems(t: ControlTable): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  t.indicators.forEach((ind, i) => {
    if (ids.has(ind.id)) out.push({ path: `indicators.${i}.id`, message: `指标标识“${ind.id}”重复` });
    ids.add(ind.id);
    if (ind.formula) {
      try {
        const e = parseArith(ind.formula, `indicators.${i}.formula`);
        for (const f of arithFields(e))
          if (!NUMBER_FIELDS.has(f)) out.push({ path: `indicators.${i}.formula`, message: `指标“${ind.name}”的公式用到未知字段“${f}”` });
      } catch (e) {
        out.push({ path: `indicators.${i}.formula`, message: `指标“${ind.name}”的公式有误：${(e as Error).message}` });
      }
    }
  });
  const prefixes = new Set<string>();
  t.rows.forEach((r, i) => {
    if (prefixes.has(r.industryPrefix)) out.push({ path: `rows.${i}.industryPrefix`, message: `行业“${r.industryPrefix || '全部'}”重复` });
    prefixes.add(r.industryPrefix);
    for (const k of Object.keys(r.values))
      if (!ids.has(k)) out.push({ path: `rows.${i}.values.${k}`, message: `“${r.label}”中的指标“${k}”未定义` });
  });
  if (t.penaltyFormula) {
    try {
      parseArith(t.penaltyFormula, 'penaltyFormula');
    } catch (e) {
      out.push({ path: 'penaltyFormula', message: `违约金公式有误：${(e as Error).message}` });
    }
  }
  return out;
}

/** The control row for an industry code: the longest matching prefix ('' matches all), or null. */
export function controlRowFor(t: ControlTable, industryCode: string | null): ControlRow | null {
  const code = (industryCode ?? '').trim().toUpperCase();
  let best: ControlRow | null = null;
  for (const r of t.rows) {
    const p = r.industryPrefix.toUpperCase();
    // 'C3912' (门类 letter + code) matches the numeric prefix '39' as well as the letter 'C'
    const digits = /^[A-T]\d/.test(code) ? code.slice(1) : code;
    const match = p === '' || code.startsWith(p) || digits.startsWith(p);
    if (match && (!best || p.length > best.industryPrefix.length)) best = r;
  }
  return best;
}

export interface Commitment {
  indicatorId: string;
  name: string;
  unit: string;
  direction: 'min' | 'max';
  value: number;
  /** The table's value, when the project's value overrides it. */
  tableValue: number | null;
  overrideReason: string | null;
}

export interface CommitmentOverride {
  indicatorId: string;
  value: number;
  reason: string;
}

/**
 * A project's commitments: the table's values for its industry, each overridable with a reason. Throws nothing;
 * returns problems (Chinese, naming the indicator) instead.
 */
export function resolveCommitments(
  t: ControlTable,
  industryCode: string | null,
  overrides: readonly CommitmentOverride[],
): { commitments: Commitment[]; problems: { path: string; message: string }[] } {
  const row = controlRowFor(t, industryCode);
  const problems: { path: string; message: string }[] = [];
  const byId = new Map(t.indicators.map((i) => [i.id, i]));
  overrides.forEach((o, i) => {
    if (!byId.has(o.indicatorId)) problems.push({ path: `overrides.${i}.indicatorId`, message: `指标“${o.indicatorId}”未定义` });
    if (!o.reason.trim()) problems.push({ path: `overrides.${i}.reason`, message: `调整“${byId.get(o.indicatorId)?.name ?? o.indicatorId}”的承诺值须填写理由` });
    if (!Number.isFinite(o.value)) problems.push({ path: `overrides.${i}.value`, message: '承诺值须为数字' });
  });
  const commitments: Commitment[] = [];
  for (const ind of t.indicators) {
    const tableValue = row?.values[ind.id] ?? null;
    const o = overrides.find((x) => x.indicatorId === ind.id);
    if (o) commitments.push({ indicatorId: ind.id, name: ind.name, unit: ind.unit, direction: ind.direction, value: o.value, tableValue, overrideReason: o.reason.trim() });
    else if (tableValue !== null)
      commitments.push({ indicatorId: ind.id, name: ind.name, unit: ind.unit, direction: ind.direction, value: tableValue, tableValue: null, overrideReason: null });
  }
  if (!commitments.length) problems.push({ path: 'industryCode', message: `控制指标表中没有适用于行业“${industryCode ?? ''}”的指标` });
  return { commitments, problems };
}

/** One project's figures and its enterprise's 亩均 record for the acceptance year (null when no data). */
export interface AcceptanceSubject {
  investment: number | null;
  fixedInvestment: number | null;
  landMu: number | null;
  record: Record<string, string | number | null> | null;
}

/**
 * The actual value of every formula indicator for many projects at once (columnar: one evaluation per indicator over
 * all projects). NaN where the data is missing or a division is by zero.
 */
export function measureActuals(t: ControlTable, subjects: readonly AcceptanceSubject[]): Map<string, Float64Array> {
  const n = subjects.length;
  const numbers: Record<string, Float64Array> = {};
  const need = new Set<string>();
  const parsed = new Map<string, Arith>();
  for (const ind of t.indicators) {
    if (!ind.formula) continue;
    const e = parseArith(ind.formula, ind.id);
    parsed.set(ind.id, e);
    for (const f of arithFields(e)) need.add(f);
  }
  for (const f of need) {
    const col = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const s = subjects[i]!;
      const v =
        f === 'project_investment'
          ? s.investment
          : f === 'project_fixed_investment'
            ? s.fixedInvestment
            : f === 'project_land_mu'
              ? s.landMu
              : s.record && FIELD_BY_KEY.get(f)?.type !== 'text'
                ? s.record[f]
                : null;
      const num = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      col[i] = Number.isFinite(num) ? num : NaN;
    }
    numbers[f] = col;
  }
  const cols: Columns = { n, numbers, text: {} };
  const out = new Map<string, Float64Array>();
  for (const [id, e] of parsed) {
    try {
      out.set(id, evalArith(e, cols, id));
    } catch (err) {
      if (err instanceof MujunExprError) out.set(id, new Float64Array(n).fill(NaN));
      else throw err;
    }
  }
  return out;
}

export type Verdict = 'pass' | 'fail' | 'incomplete';
export const VERDICTS: Record<Verdict, { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'Passed' },
  fail: { zh: '未达标', en: 'Failed' },
  incomplete: { zh: '数据不全', en: 'Data incomplete' },
};

export interface IndicatorJudgement {
  indicatorId: string;
  name: string;
  unit: string;
  direction: 'min' | 'max';
  committed: number;
  actual: number | null;
  /** Where the actual came from: the formula over the data, or a value entered with evidence. */
  from: 'data' | 'entered' | null;
  verdict: Verdict;
  /** How far short (same unit), 0 when met, null when unknown. */
  shortfall: number | null;
  /** Shortfall ÷ committed (0–∞), null when unknown. */
  shortfallRatio: number | null;
}

export interface AcceptanceResult {
  verdict: Verdict;
  indicators: IndicatorJudgement[];
  failed: number;
  /** 违约金 (万元) from the table's formula over each failed indicator's shortfall ratio, summed; null without a formula. */
  penalty: number | null;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * 对标验收 of one project: per indicator, the actual (measured from data, else entered) against the committed value;
 * the verdict is 未达标 when any indicator fails, 数据不全 when none fails but one is unknown, else 达标.
 */
export function judgeAcceptance(
  t: ControlTable,
  commitments: readonly Commitment[],
  measured: ReadonlyMap<string, number>,
  entered: ReadonlyMap<string, number>,
  subject: AcceptanceSubject,
): AcceptanceResult {
  const indicators: IndicatorJudgement[] = commitments.map((c) => {
    const m = measured.get(c.indicatorId);
    const e = entered.get(c.indicatorId);
    const actual = e !== undefined ? e : m !== undefined && Number.isFinite(m) ? m : null;
    const from: IndicatorJudgement['from'] = e !== undefined ? 'entered' : actual !== null ? 'data' : null;
    if (actual === null)
      return { indicatorId: c.indicatorId, name: c.name, unit: c.unit, direction: c.direction, committed: c.value, actual, from, verdict: 'incomplete', shortfall: null, shortfallRatio: null };
    const gap = c.direction === 'min' ? c.value - actual : actual - c.value;
    const shortfall = gap > 1e-9 ? round(gap) : 0;
    return {
      indicatorId: c.indicatorId,
      name: c.name,
      unit: c.unit,
      direction: c.direction,
      committed: c.value,
      actual: round(actual),
      from,
      verdict: shortfall > 0 ? 'fail' : 'pass',
      shortfall,
      shortfallRatio: c.value !== 0 ? round(shortfall / Math.abs(c.value)) : null,
    };
  });
  const failed = indicators.filter((i) => i.verdict === 'fail').length;
  const verdict: Verdict = failed ? 'fail' : indicators.some((i) => i.verdict === 'incomplete') ? 'incomplete' : 'pass';
  let penalty: number | null = null;
  if (t.penaltyFormula) {
    const e = parseArith(t.penaltyFormula, 'penaltyFormula');
    const fails = indicators.filter((i) => i.verdict === 'fail');
    const cols: Columns = {
      n: fails.length,
      numbers: {
        shortfall_ratio: Float64Array.from(fails, (i) => i.shortfallRatio ?? 0),
        project_investment: new Float64Array(fails.length).fill(subject.investment ?? NaN),
        project_fixed_investment: new Float64Array(fails.length).fill(subject.fixedInvestment ?? NaN),
        project_land_mu: new Float64Array(fails.length).fill(subject.landMu ?? NaN),
      },
      text: {},
    };
    const v = fails.length ? evalArith(e, cols, 'penaltyFormula') : new Float64Array(0);
    penalty = round(v.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0));
  }
  return { verdict, indicators, failed, penalty };
}

/** The demo's control table: plausible values, labelled illustrative (not any province's official figures). */
export const ILLUSTRATIVE_CONTROL_TABLE: ControlTable = {
  source: '示例数据：参照省级“标准地”控制性指标的常见口径编制，仅供演示，不代表任何正式文件',
  illustrative: true,
  acceptanceYears: 3,
  rectifyMonths: 12,
  penaltyFormula: 'project_fixed_investment * 0.01 * shortfall_ratio',
  indicators: [
    { id: 'investment_intensity', name: '固定资产投资强度', unit: '万元/亩', direction: 'min', formula: 'project_fixed_investment / project_land_mu' },
    { id: 'tax_per_mu', name: '亩均税收', unit: '万元/亩/年', direction: 'min', formula: 'tax / land_mu' },
    { id: 'plot_ratio', name: '容积率', unit: '', direction: 'min', formula: null },
    { id: 'energy_per_va', name: '单位工业增加值能耗', unit: '吨标煤/万元', direction: 'max', formula: 'energy_tce / value_added' },
    { id: 'va_per_emission', name: '单位排放增加值', unit: '万元/吨', direction: 'min', formula: 'value_added / emissions_t' },
    { id: 'rd_ratio', name: '研发经费占比', unit: '%', direction: 'min', formula: 'rd_expense / revenue * 100' },
  ],
  rows: [
    { industryPrefix: '', label: '其他制造业', values: { investment_intensity: 250, tax_per_mu: 15, plot_ratio: 1.0, energy_per_va: 0.6, va_per_emission: 300, rd_ratio: 1.5 } },
    { industryPrefix: '30', label: '非金属矿物制品业', values: { investment_intensity: 220, tax_per_mu: 12, plot_ratio: 0.8, energy_per_va: 1.2, va_per_emission: 150, rd_ratio: 1.0 } },
    { industryPrefix: '35', label: '专用设备制造业', values: { investment_intensity: 300, tax_per_mu: 18, plot_ratio: 1.2, energy_per_va: 0.3, va_per_emission: 500, rd_ratio: 2.5 } },
    { industryPrefix: '38', label: '电气机械和器材制造业', values: { investment_intensity: 320, tax_per_mu: 20, plot_ratio: 1.2, energy_per_va: 0.25, va_per_emission: 600, rd_ratio: 3.0 } },
    { industryPrefix: '39', label: '计算机、通信和其他电子设备制造业', values: { investment_intensity: 400, tax_per_mu: 25, plot_ratio: 1.5, energy_per_va: 0.2, va_per_emission: 800, rd_ratio: 4.0 } },
    { industryPrefix: '26', label: '化学原料和化学制品制造业', values: { investment_intensity: 350, tax_per_mu: 20, plot_ratio: 0.8, energy_per_va: 0.9, va_per_emission: 200, rd_ratio: 2.0 } },
  ],
};
