/**
 * Where the yearly enterprise data comes from: each department holds some of the fields of spec §1. Every upload is
 * merged on the credit code; `uscc` and `name` are in every source (the name is used to find disagreements).
 */
export interface DataSource {
  id: string;
  zh: string; // the department
  en: string;
  fields: readonly string[];
}

export const DATA_SOURCES: readonly DataSource[] = [
  {
    id: 'land',
    zh: '自然资源局（用地）',
    en: 'Natural resources (land)',
    fields: ['town', 'land_mu', 'tenants', 'landlord_uscc'],
  },
  { id: 'tax', zh: '税务局（税收）', en: 'Taxation', fields: ['tax'] },
  {
    id: 'stats',
    zh: '统计局（营收、增加值、能耗）',
    en: 'Statistics',
    fields: ['industry', 'scale', 'revenue', 'main_revenue', 'value_added', 'energy_tce'],
  },
  { id: 'power', zh: '供电公司（用电）', en: 'Power supply', fields: ['electricity_kwh'] },
  { id: 'environment', zh: '生态环境局（排放）', en: 'Ecology and environment', fields: ['emissions_t', 'carbon_t', 'flags'] },
  { id: 'tech', zh: '科技局（研发）', en: 'Science and technology', fields: ['rd_expense', 'flags'] },
  { id: 'hr', zh: '人社局（职工）', en: 'Human resources and social security', fields: ['employees'] },
  { id: 'industry', zh: '工信局（企业标记）', en: 'Industry and information technology', fields: ['flags'] },
];

export const SOURCE_BY_ID: ReadonlyMap<string, DataSource> = new Map(DATA_SOURCES.map((s) => [s.id, s]));
