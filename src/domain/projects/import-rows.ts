/** The yearly project list (项目台账) as the offices keep it in Excel: its columns and the pure parsing of its cells. */
import type { ColumnSpec } from '../import/sheet.js';
import { byLabel, parseDate, splitNames } from '../tasks/import-rows.js';
import { INVESTOR_FLAGS, PROJECT_SOURCES, STAGES, STAGE_IDS, type InvestorFlag, type ProjectSource, type Stage } from './lifecycle.js';

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { key: 'number', header: '项目编号', required: false, maxLength: 30 },
  { key: 'name', header: '项目名称', required: true, maxLength: 200 },
  { key: 'investorName', header: '投资方', required: true, maxLength: 200 },
  { key: 'investorUscc', header: '统一社会信用代码', required: false, maxLength: 18 },
  { key: 'flags', header: '投资方类型', required: false, maxLength: 100 },
  { key: 'source', header: '招商方式', required: true },
  { key: 'fundName', header: '基金名称', required: false, maxLength: 100 },
  { key: 'industryCode', header: '行业代码', required: false, maxLength: 5 },
  { key: 'track', header: '产业赛道', required: false, maxLength: 30 },
  { key: 'totalInvestment', header: '总投资(万元)', required: true },
  { key: 'fixedInvestment', header: '固定资产投资(万元)', required: false },
  { key: 'yearPlanInvestment', header: '年度计划投资(万元)', required: false },
  { key: 'landMu', header: '用地(亩)', required: false },
  { key: 'place', header: '所在地', required: false, maxLength: 100 },
  { key: 'leader', header: '包抓领导', required: false, maxLength: 50 },
  { key: 'leadUnit', header: '责任单位', required: true, maxLength: 100 },
  { key: 'coopUnits', header: '配合单位', required: false, maxLength: 1000 },
  ...STAGE_IDS.slice(1).map((s) => ({ key: `planned_${s}`, header: `计划${STAGES[s].zh}`, required: false })),
  ...STAGE_IDS.map((s) => ({ key: `actual_${s}`, header: `实际${STAGES[s].zh}`, required: false })),
];

/** Columns the export adds for reading (the import ignores them). */
export const EXPORT_ONLY_COLUMNS = ['序号', '当前阶段', '累计完成投资(万元)', '最新月报', '预警'] as const;

export const SOURCE_BY_LABEL = byLabel<ProjectSource>(PROJECT_SOURCES);
const FLAG_BY_LABEL = byLabel<InvestorFlag>(INVESTOR_FLAGS);
FLAG_BY_LABEL.set('国字号', 'national');
FLAG_BY_LABEL.set('中字头', 'national');

export function parseFlags(text: string): { flags: InvestorFlag[]; unknown: string[] } {
  const flags: InvestorFlag[] = [];
  const unknown: string[] = [];
  for (const n of splitNames(text.replace(/\//g, '、'))) {
    const f = FLAG_BY_LABEL.get(n);
    if (f) {
      if (!flags.includes(f)) flags.push(f);
    } else unknown.push(n);
  }
  return { flags, unknown };
}

/** A money or area cell: a non-negative number (thousands separators allowed), or null when empty; NaN when bad. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  if (!t) return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

export { parseDate };

export const PLANNED_KEYS: { stage: Stage; key: string }[] = STAGE_IDS.slice(1).map((stage) => ({ stage, key: `planned_${stage}` }));
export const ACTUAL_KEYS: { stage: Stage; key: string }[] = STAGE_IDS.map((stage) => ({ stage, key: `actual_${stage}` }));
