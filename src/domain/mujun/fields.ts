/**
 * The input fields of the 亩均 evaluation (spec §1): English key, Chinese header, type. One declared table used by the
 * file readers (either header is accepted), the writers (Chinese headers for people), the department uploads and the demo.
 */
export type FieldType = 'text' | 'number' | 'nonneg' | 'int' | 'scale' | 'uscc';

export interface FieldDef {
  key: string;
  zh: string;
  type: FieldType;
  required?: boolean;
}

export const INPUT_FIELDS: readonly FieldDef[] = [
  { key: 'uscc', zh: '统一社会信用代码', type: 'uscc', required: true },
  { key: 'name', zh: '企业名称', type: 'text', required: true },
  { key: 'town', zh: '乡镇街道', type: 'text' },
  { key: 'industry', zh: '行业代码', type: 'text' },
  { key: 'scale', zh: '规模', type: 'scale' },
  { key: 'land_mu', zh: '用地面积(亩)', type: 'nonneg' },
  { key: 'revenue', zh: '营业收入(万元)', type: 'number' },
  { key: 'main_revenue', zh: '主营业务收入(万元)', type: 'number' },
  { key: 'tax', zh: '实缴税金(万元)', type: 'number' },
  { key: 'value_added', zh: '工业增加值(万元)', type: 'number' },
  { key: 'energy_tce', zh: '综合能耗(吨标煤)', type: 'nonneg' },
  { key: 'electricity_kwh', zh: '用电量(千瓦时)', type: 'nonneg' },
  { key: 'emissions_t', zh: '主要污染物排放当量(吨)', type: 'nonneg' },
  { key: 'carbon_t', zh: '二氧化碳排放(吨)', type: 'nonneg' },
  { key: 'rd_expense', zh: '研发经费(万元)', type: 'nonneg' },
  { key: 'employees', zh: '年平均职工人数', type: 'nonneg' },
  { key: 'tenants', zh: '出租户数', type: 'int' },
  { key: 'landlord_uscc', zh: '出租方信用代码', type: 'text' },
  { key: 'flags', zh: '标记', type: 'text' },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(INPUT_FIELDS.map((f) => [f.key, f]));

/** Header (English key or Chinese label, trimmed) → field definition. */
export const FIELD_BY_HEADER: ReadonlyMap<string, FieldDef> = new Map(
  INPUT_FIELDS.flatMap((f) => [
    [f.key, f],
    [f.zh, f],
  ]),
);

/** 规上 / 规下 as well as above / below. */
export function parseScale(raw: string): 'above' | 'below' | null {
  const s = raw.trim();
  if (s === 'above' || s === '规上' || s === '规模以上') return 'above';
  if (s === 'below' || s === '规下' || s === '规模以下') return 'below';
  return null;
}

/** One enterprise as plain values: what the department uploads, the demo generator and a run's input snapshot hold. */
export type MujunRecord = Record<string, string | number | null>;

/** Flags the default schemes and the demo use (free text in the file; these have Chinese labels in the UI). */
export const KNOWN_FLAGS: Record<string, string> = {
  high_tech: '高新技术企业',
  specialized: '专精特新企业',
  safety_accident: '重大安全事故',
  environmental_violation: '重大环境违法',
  exempt: '免于评价',
  new_project: '新投产项目',
};
