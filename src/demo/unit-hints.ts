/**
 * The demo district's default keyword → lead-unit list for the meeting-report parser (unit codes of ./anyuan.ts).
 * Data, not code: the administrator edits the district's own list; the parser takes it as a parameter. When several
 * keywords occur in a draft task the longest wins, ties go to the one listed first — so specific fields come before
 * generic ones (城市 is last).
 */
import type { UnitHint } from '../domain/meetings/types.js';

const hints = (unitCode: string, ...keywords: string[]): UnitHint[] => keywords.map((keyword) => ({ keyword, unitCode }));

export const DEFAULT_UNIT_HINTS: UnitHint[] = [
  ...hints('SPJ', '营商环境', '放管服', '政务服务', '行政审批', '一网通办', '审批'),
  ...hints('SWJ', '消费', '招商', '央企', '商贸', '外贸'),
  ...hints('GXJ', '1231511', '数字经济', '亩均', '工业', '企业培育'),
  ...hints('P-KCC', '科创城'),
  ...hints('KJJ', '科创', '科技'),
  ...hints('WGLJ', '旅游', '景区', '宾招', '文旅'),
  ...hints('NYJ', '人居环境', '米袋子', '菜篮子', '高标准农田', '粮食', '农业', '乡村', '农田'),
  ...hints('ZJJ', '文明城市', '老城区', '老旧小区', '城市更新'),
  ...hints('JYJ', '托幼', '上学', '幼儿园', '学校', '学位'),
  ...hints('WJW', '医疗', '卫生健康'),
  ...hints('MZJ', '养老'),
  ...hints('RSJ', '就业'),
  ...hints('CGJ', '停车', '如厕', '公厕', '市容'),
  ...hints('YJJ', '安全生产', '防汛', '应急', '地质灾害', '防灾减灾'),
  ...hints('SCJ', '市场监管', '证照分离'),
  ...hints('CZJ', '基金'),
  ...hints('ZJJ', '城市'),
];
