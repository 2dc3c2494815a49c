import { z } from 'zod';
import { INVESTOR_FLAG_IDS, PROJECT_SOURCE_IDS, STAGE_IDS, STATE_IDS } from '../../../domain/projects/lifecycle.js';
import { VERDICTS } from '../../../domain/projects/commitments.js';
import { LIGHTS } from '../../../domain/warnings/lights.js';
import { PROJECT_SORTS } from '../../../services/projects/read.js';
import { nullableText, optionalText, paging } from '../../deps.js';
import { isoDate } from '../tasks/schema.js';

const money = (what: string) => z.number({ error: `${what}须为数字（万元）` }).finite().min(0, `${what}不能为负数`).max(1e9);

export const projectBody = z.object({
  name: z.string().trim().min(1, '请填写项目名称').max(200),
  investorName: z.string().trim().min(1, '请填写投资方').max(200),
  investorUscc: nullableText(18),
  investorFlags: z.array(z.enum(INVESTOR_FLAG_IDS, '投资方类型无效')).max(6).default([]),
  source: z.enum(PROJECT_SOURCE_IDS, '项目来源无效'),
  fundName: nullableText(100),
  industryCode: nullableText(5),
  track: nullableText(30),
  totalInvestment: money('总投资'),
  fixedInvestment: money('固定资产投资').nullish(),
  yearPlanInvestment: money('年度计划投资').nullish(),
  landMu: z.number().finite().min(0, '用地面积不能为负数').max(1e6).nullish(),
  placeUnitId: z.uuid().nullish(),
  leaderId: z.uuid().nullish(),
  leadUnitId: z.uuid('请选择责任单位'),
  coopUnitIds: z.array(z.uuid()).max(50).default([]),
  listYear: z.number().int().min(2000).max(2100),
  planned: z.partialRecord(z.enum(STAGE_IDS), isoDate().nullable()).default({}),
});

const csv = <T extends readonly [string, ...string[]]>(values: T, msg: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(values, msg)).optional());

export const projectQuery = z.object({
  q: optionalText(100),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: csv(STATE_IDS, '项目阶段无效'),
  track: optionalText(30),
  source: z.enum(PROJECT_SOURCE_IDS).optional(),
  flag: z.enum(INVESTOR_FLAG_IDS).optional(),
  leaderId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  light: csv(LIGHTS, '预警颜色无效'),
  behind: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  verdict: z.enum(Object.keys(VERDICTS) as ['pass', 'fail', 'incomplete']).optional(),
  sort: z.enum(PROJECT_SORTS).default('number'),
  ...paging,
});

export const moveBody = z.object({
  to: z.enum(STATE_IDS, '目标阶段无效'),
  on: isoDate(),
  reason: nullableText(1000),
  evidence: nullableText(1000),
  overrides: z
    .array(z.object({ indicatorId: z.string().max(40), value: z.number().finite(), reason: z.string().trim().max(500) }))
    .max(30)
    .default([]),
  version: z.number().int(),
});

export const reportBody = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  investmentMonth: money('本月完成投资'),
  progress: z.string().trim().min(1, '请填写本月进展').max(4000),
  problems: z.string().trim().max(4000).default(''),
});

export const raiseBody = z.object({
  reportId: z.uuid(),
  title: nullableText(200),
  deadline: isoDate().nullish(),
});

export const acceptBody = z.object({
  year: z.number().int(),
  entered: z.record(z.string().max(40), z.number().finite()).default({}),
});

export const appealFields = z.object({
  acceptanceId: z.uuid('请选择验收记录'),
  indicatorId: z.string().trim().min(1, '请选择有异议的指标').max(40),
  claimedValue: z.coerce.number({ error: '请填写申诉的实际值' }).finite(),
  reason: z.string().trim().min(1, '请填写申诉理由').max(2000),
});

export const decisionBody = z.object({ reason: z.string().trim().min(1, '请填写处理意见').max(2000) });
