/**
 * The default 亩均 scheme Luoshi ships for any district (the demo district uses it as is). Its choices are explained in
 * the README ("The default scheme"): the four heroes in both groups, benchmarks from the district's own data (per
 * industry division where the division is large enough), scores capped at twice the benchmark, A 20 % / B 40 % / C 35 % /
 * D 5 %.
 */
import type { Group, Indicator, Scheme } from './scheme.js';

const byIndustry = { method: 'aggregate', by: 'industry', minCount: 5 } as const;
const cap2 = { method: 'ratio', cap: 2 } as const;

const BANDS: [string, number][] = [
  ['A', 0.2],
  ['B', 0.6],
  ['C', 0.95],
  ['D', 1],
];

const VETOES: NonNullable<Group['vetoes']> = [
  { id: 'safety', name: '发生较大及以上安全生产事故', flag: 'safety_accident', class: 'D' },
  { id: 'environment', name: '发生重大环境违法行为', flag: 'environmental_violation', class: 'D' },
];

const ABOVE: Indicator[] = [
  {
    id: 'tax_per_mu',
    name: '亩均税收',
    hero: 'mujun',
    unit: '万元/亩',
    numerator: 'tax',
    denominator: 'land_mu',
    direction: 'higher',
    weight: 25,
    benchmark: byIndustry,
    scoring: cap2,
  },
  {
    id: 'va_per_mu',
    name: '亩均工业增加值',
    hero: 'mujun',
    unit: '万元/亩',
    numerator: 'value_added',
    denominator: 'land_mu',
    direction: 'higher',
    weight: 20,
    benchmark: byIndustry,
    scoring: cap2,
  },
  {
    id: 'va_per_tce',
    name: '单位能耗工业增加值',
    hero: 'ditan',
    unit: '万元/吨标煤',
    numerator: 'value_added',
    denominator: 'energy_tce',
    direction: 'higher',
    weight: 10,
    benchmark: { method: 'aggregate' },
    scoring: cap2,
  },
  {
    id: 'va_per_co2',
    name: '单位碳排放工业增加值',
    hero: 'ditan',
    unit: '万元/吨CO₂',
    numerator: 'value_added',
    denominator: 'carbon_t',
    direction: 'higher',
    weight: 5,
    benchmark: { method: 'median' },
    scoring: cap2,
    missing: 'mean',
  },
  {
    id: 'va_per_pollutant',
    name: '单位排放工业增加值',
    hero: 'ditan',
    unit: '万元/吨',
    numerator: 'value_added',
    denominator: 'emissions_t',
    direction: 'higher',
    weight: 5,
    benchmark: { method: 'median' },
    scoring: cap2,
    missing: 'mean',
  },
  {
    id: 'rd_intensity',
    name: '研发经费投入强度',
    hero: 'keji',
    unit: '%',
    numerator: 'rd_expense * 100',
    denominator: 'main_revenue',
    direction: 'higher',
    weight: 15,
    benchmark: { method: 'percentile', p: 75 },
    scoring: { method: 'ratio', cap: 1.5 },
  },
  {
    id: 'labour_productivity',
    name: '全员劳动生产率',
    hero: 'renjun',
    unit: '万元/人',
    numerator: 'value_added',
    denominator: 'employees',
    direction: 'higher',
    weight: 12,
    benchmark: byIndustry,
    scoring: cap2,
  },
  {
    id: 'tax_per_employee',
    name: '人均税收',
    hero: 'renjun',
    unit: '万元/人',
    numerator: 'tax',
    denominator: 'employees',
    direction: 'higher',
    weight: 8,
    benchmark: { method: 'aggregate' },
    scoring: cap2,
  },
];

const BELOW: Indicator[] = [
  {
    id: 'tax_per_mu',
    name: '亩均税收',
    hero: 'mujun',
    unit: '万元/亩',
    numerator: 'tax',
    denominator: 'land_mu',
    direction: 'higher',
    weight: 40,
    benchmark: byIndustry,
    scoring: cap2,
  },
  {
    id: 'revenue_per_mu',
    name: '亩均营业收入',
    hero: 'mujun',
    unit: '万元/亩',
    numerator: 'revenue',
    denominator: 'land_mu',
    direction: 'higher',
    weight: 15,
    benchmark: byIndustry,
    scoring: cap2,
  },
  {
    id: 'tax_per_kwh',
    name: '单位电耗税收',
    hero: 'ditan',
    unit: '元/千瓦时',
    numerator: 'tax * 10000',
    denominator: 'electricity_kwh',
    direction: 'higher',
    weight: 20,
    benchmark: { method: 'aggregate' },
    scoring: cap2,
  },
  {
    id: 'rd_intensity',
    name: '研发经费投入强度',
    hero: 'keji',
    unit: '%',
    numerator: 'rd_expense * 100',
    denominator: 'revenue',
    direction: 'higher',
    weight: 10,
    benchmark: { method: 'percentile', p: 75 },
    scoring: { method: 'ratio', cap: 1.5 },
  },
  {
    id: 'tax_per_employee',
    name: '人均税收',
    hero: 'renjun',
    unit: '万元/人',
    numerator: 'tax',
    denominator: 'employees',
    direction: 'higher',
    weight: 15,
    benchmark: { method: 'aggregate' },
    scoring: cap2,
  },
];

/** The default scheme for the evaluation of `year`'s data. */
export function defaultScheme(year: number): Scheme {
  return {
    id: `default-${year}`,
    name: `${year}年度工业企业亩均效益综合评价`,
    year,
    groups: [
      {
        id: 'above',
        name: '规上工业企业',
        filter: "scale == 'above'",
        indicators: ABOVE,
        adjustments: [
          { id: 'high_tech', name: '高新技术企业', flag: 'high_tech', points: 3 },
          { id: 'specialized', name: '专精特新企业', flag: 'specialized', points: 2 },
          { id: 'renting', name: '出租厂房（超过1户的每户）', field: 'tenants', per: -2, beyond: 1 },
        ],
        vetoes: VETOES,
        classes: { method: 'percentile', bands: BANDS },
      },
      {
        id: 'below',
        name: '规下工业企业（用地3亩及以上）',
        filter: "scale == 'below' and land_mu >= 3",
        indicators: BELOW,
        adjustments: [
          { id: 'high_tech', name: '高新技术企业', flag: 'high_tech', points: 3 },
          { id: 'specialized', name: '专精特新企业', flag: 'specialized', points: 2 },
        ],
        vetoes: VETOES,
        classes: { method: 'percentile', bands: BANDS },
      },
    ],
    exempt: { flag: 'exempt', class: 'T' },
    tenantsTakeLandlordClass: true,
  };
}
