/**
 * The demo district: Anyuan District (安源区), Pingxiang, Jiangxi — the district of the founding meeting report
 * (shared/seed/anyuan-meeting-2022-02-11.txt). Everything here is data; nothing in the code depends on it.
 * Leaders carry titles; the people's names are invented.
 */
import type { UnitKind } from '../services/org/units.js';

export interface DemoUnit {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parent: string | null;
}

const dept = (code: string, name: string, shortName: string): DemoUnit => ({
  code,
  name,
  shortName,
  kind: 'department',
  parent: 'GOV',
});

/** `taskPrefix` starts every key task number (AY-2026-001). */
export const DISTRICT = { name: '安源区', fullName: '萍乡市安源区人民政府', code: '360302', taskPrefix: 'AY' };

export const UNITS: DemoUnit[] = [
  { code: 'GOV', name: '安源区人民政府', shortName: '区政府', kind: 'government', parent: null },
  { code: 'GOV-OFFICE', name: '区政府办公室', shortName: '区政府办', kind: 'office', parent: 'GOV' },
  { code: 'DCS', name: '区政府督查室', shortName: '督查室', kind: 'supervision', parent: 'GOV-OFFICE' },
  dept('FGW', '区发展和改革委员会', '发改委'),
  dept('GXJ', '区工业和信息化局', '工信局'),
  dept('CZJ', '区财政局', '财政局'),
  dept('SWJ', '区商务局', '商务局'),
  dept('KJJ', '区科学技术局', '科技局'),
  dept('ZJJ', '区住房和城乡建设局', '住建局'),
  dept('CGJ', '区城市管理局', '城管局'),
  dept('NYJ', '区农业农村局', '农业农村局'),
  dept('WGLJ', '区文化广电新闻出版旅游局', '文广旅局'),
  dept('YJJ', '区应急管理局', '应急管理局'),
  dept('JYJ', '区教育局', '教育局'),
  dept('WJW', '区卫生健康委员会', '卫健委'),
  dept('MZJ', '区民政局', '民政局'),
  dept('RSJ', '区人力资源和社会保障局', '人社局'),
  dept('SJJ', '区生态环境局', '生态环境局'),
  dept('ZRJ', '区自然资源局', '自然资源局'),
  dept('SCJ', '区市场监督管理局', '市场监管局'),
  dept('SPJ', '区行政审批局', '行政审批局'),
  dept('TJJ', '区统计局', '统计局'),
  dept('SWJ-TAX', '区税务局', '税务局'),
  { code: 'T-AY', name: '安源镇', shortName: '安源镇', kind: 'township', parent: 'GOV' },
  { code: 'T-QS', name: '青山镇', shortName: '青山镇', kind: 'township', parent: 'GOV' },
  { code: 'T-GK', name: '高坑镇', shortName: '高坑镇', kind: 'township', parent: 'GOV' },
  { code: 'T-WB', name: '五陂镇', shortName: '五陂镇', kind: 'township', parent: 'GOV' },
  { code: 'S-FH', name: '凤凰街道', shortName: '凤凰街道', kind: 'street', parent: 'GOV' },
  { code: 'S-DJ', name: '丹江街道', shortName: '丹江街道', kind: 'street', parent: 'GOV' },
  { code: 'S-DD', name: '东大街道', shortName: '东大街道', kind: 'street', parent: 'GOV' },
  { code: 'S-BY', name: '八一街道', shortName: '八一街道', kind: 'street', parent: 'GOV' },
  { code: 'S-HB', name: '后埠街道', shortName: '后埠街道', kind: 'street', parent: 'GOV' },
  { code: 'S-BYU', name: '白源街道', shortName: '白源街道', kind: 'street', parent: 'GOV' },
  { code: 'S-CJ', name: '城郊管委会', shortName: '城郊管委会', kind: 'street', parent: 'GOV' },
  { code: 'P-AYKF', name: '安源经济开发区', shortName: '安源经开区', kind: 'park', parent: 'GOV' },
  { code: 'P-KCC', name: '安源科创城', shortName: '科创城', kind: 'park', parent: 'GOV' },
];

export interface DemoLeader {
  key: string;
  name: string;
  title: string;
  portfolio: string[];
}

/** The district head and the deputy heads with their portfolios (分管线). */
export const LEADERS: DemoLeader[] = [
  { key: 'head', name: '周明远', title: '区长', portfolio: ['GOV-OFFICE', 'DCS', 'FGW', 'CZJ', 'SPJ', 'TJJ'] },
  { key: 'exec', name: '吴建华', title: '常务副区长', portfolio: ['GOV-OFFICE', 'FGW', 'CZJ', 'SWJ-TAX', 'TJJ', 'SPJ', 'SCJ'] },
  { key: 'industry', name: '郑立新', title: '副区长（分管工业）', portfolio: ['GXJ', 'KJJ', 'SWJ', 'P-AYKF', 'P-KCC'] },
  {
    key: 'urban',
    name: '孙海峰',
    title: '副区长（分管城建）',
    portfolio: ['ZJJ', 'CGJ', 'ZRJ', 'SJJ', 'S-FH', 'S-DJ', 'S-DD', 'S-BY', 'S-HB', 'S-BYU'],
  },
  {
    key: 'rural',
    name: '钱卫东',
    title: '副区长（分管农业农村和文旅）',
    portfolio: ['NYJ', 'WGLJ', 'T-AY', 'T-QS', 'T-GK', 'T-WB', 'S-CJ'],
  },
  { key: 'social', name: '冯丽萍', title: '副区长（分管社会事业）', portfolio: ['JYJ', 'WJW', 'MZJ', 'RSJ'] },
  { key: 'safety', name: '陈国栋', title: '副区长（分管应急管理）', portfolio: ['YJJ'] },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '文',
  '华',
  '建国',
  '晓东',
  '雪梅',
  '志强',
  '海燕',
  '春生',
  '玉兰',
];

/** A deterministic invented name for the n-th demo person. */
export function demoName(n: number): string {
  return SURNAMES[(n * 7) % SURNAMES.length]! + GIVEN[(n * 11) % GIVEN.length]!;
}

/** Per unit: its head and its liaison clerk (联络员). */
export function unitStaffTitles(kind: UnitKind): [string, string] {
  switch (kind) {
    case 'township':
      return ['镇长', '党政办联络员'];
    case 'street':
      return ['主任', '党政办联络员'];
    case 'park':
      return ['管委会主任', '综合办联络员'];
    case 'supervision':
      return ['督查室主任', '督查专员'];
    case 'government':
      return ['秘书长', '秘书'];
    default:
      return ['局长', '办公室联络员'];
  }
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  unit: string | null;
  /** 'head' / 'clerk' of the unit, or a leader key. */
  person: { unitStaff: 'head' | 'clerk' } | { leader: string } | null;
  /** For an enterprise contact: the credit code of the enterprise it speaks for (亩均). */
  enterpriseUscc?: string;
}

/** The demo enterprise contact's enterprise: an above-scale firm of 青山镇 classed A in both demo years. */
export const DEMO_ENTERPRISE_USCC = '91360302MA3ABUR052';

/** One demo account per role (and a street clerk for the 亩均 appeals). */
export const ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysadmin', unit: 'GOV-OFFICE', person: null },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', unit: 'GOV-OFFICE', person: null },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor', unit: 'GOV-OFFICE', person: null },
  { username: 'duchashi', displayName: '督查室专员', role: 'supervisor', unit: 'DCS', person: { unitStaff: 'clerk' } },
  { username: 'leader.industry', displayName: '副区长（分管工业）', role: 'leader', unit: 'GOV', person: { leader: 'industry' } },
  { username: 'gxj.head', displayName: '工信局局长', role: 'unit_head', unit: 'GXJ', person: { unitStaff: 'head' } },
  { username: 'swj.clerk', displayName: '商务局联络员', role: 'unit_clerk', unit: 'SWJ', person: { unitStaff: 'clerk' } },
  { username: 'gxj.evaluator', displayName: '工信局评价专员', role: 'evaluator', unit: 'GXJ', person: null },
  { username: 'viewer', displayName: '只读用户', role: 'viewer', unit: 'GOV-OFFICE', person: null },
  // 亩均: a street's clerk (sees and appeals for the enterprises of 白源街道) and one enterprise's contact
  { username: 'baiyuan.clerk', displayName: '白源街道联络员', role: 'unit_clerk', unit: 'S-BYU', person: { unitStaff: 'clerk' } },
  {
    username: 'qiye.demo',
    displayName: '萍乡市鑫诚环保科技有限公司',
    role: 'enterprise',
    unit: null,
    person: null,
    enterpriseUscc: DEMO_ENTERPRISE_USCC,
  },
];
