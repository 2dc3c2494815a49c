import { z } from 'zod';
import { isIsoDate } from '../../../domain/time/dates.js';
import { CYCLE_IDS, PRIORITY_IDS, SOURCE_KIND_IDS, TASK_STATUSES } from '../../../domain/tasks/workflow.js';
import { LIGHTS } from '../../../domain/warnings/lights.js';
import { LEDGER_SORTS } from '../../../services/tasks/ledger.js';
import { nullableText, optionalText, paging } from '../../deps.js';

export const isoDate = (msg = '日期格式应为 YYYY-MM-DD') => z.string().refine(isIsoDate, msg);

export const taskBody = z.object({
  title: z.string().trim().min(1, '请填写任务内容').max(300),
  requirement: z.string().trim().max(4000).default(''),
  sourceId: z.uuid().nullish(),
  sourceKind: z.enum(SOURCE_KIND_IDS, '事项来源类型无效'),
  category: nullableText(50),
  leadLeaderId: z.uuid().nullish(),
  leadUnitId: z.uuid('请选择牵头单位'),
  coopUnitIds: z.array(z.uuid()).max(100).default([]),
  deadline: isoDate('请填写完成时限（YYYY-MM-DD）'),
  priority: z.enum(PRIORITY_IDS).default('normal'),
  cycle: z.enum(CYCLE_IDS).default('monthly'),
  cycleDay: z.number().int().min(1).max(31).nullish(),
  milestones: z
    .array(
      z.object({
        id: z.uuid().optional(),
        name: z.string().trim().min(1, '请填写节点名称').max(200),
        plannedOn: isoDate(),
        doneOn: isoDate().nullish(),
        evidence: nullableText(1000),
      }),
    )
    .max(50)
    .default([]),
  targets: z
    .array(
      z.object({
        id: z.uuid().optional(),
        name: z.string().trim().min(1, '请填写指标名称').max(100),
        unit: z.string().trim().max(20).default(''),
        targetValue: z.number().finite(),
      }),
    )
    .max(50)
    .default([]),
});

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
  .pipe(z.array(z.enum(TASK_STATUSES, '状态无效')).optional());

export const ledgerQuery = z.object({
  q: optionalText(100),
  sourceKind: z.enum(SOURCE_KIND_IDS).optional(),
  sourceId: z.uuid().optional(),
  leaderId: z.uuid().optional(),
  leadUnitId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: csv,
  deadlineFrom: isoDate().optional(),
  deadlineTo: isoDate().optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  parentId: z.uuid().optional(),
  directiveId: z.uuid().optional(),
  light: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(LIGHTS, '预警等级无效')).optional()),
  closedFrom: isoDate().optional(),
  closedTo: isoDate().optional(),
  assignedFrom: isoDate().optional(),
  assignedTo: isoDate().optional(),
  closedOnTime: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  sort: z.enum(LEDGER_SORTS).default('deadline'),
  ...paging,
});

export const actionBody = z.object({
  comment: z.string().trim().max(4000).nullish(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
  version: z.number().int().optional(),
});

export const reportBody = z.object({
  text: z.string().trim().min(1, '请填写进展情况').max(4000),
  percent: z.number().int().min(0, '完成进度在 0–100 之间').max(100, '完成进度在 0–100 之间'),
  values: z.record(z.uuid(), z.number().finite()).optional(),
  milestonesDone: z
    .array(z.object({ id: z.uuid(), doneOn: isoDate(), evidence: nullableText(1000) }))
    .max(50)
    .optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});

export const extensionBody = z.object({
  reason: z.string().trim().min(1, '请填写延期理由').max(2000),
  newDeadline: isoDate('请填写新的完成时限'),
  progress: z.string().trim().min(1, '请填写目前进展').max(2000),
});

export const decideBody = z.object({ approve: z.boolean(), comment: z.string().trim().max(2000).nullish() });

export const subtaskBody = z.object({
  title: z.string().trim().min(1, '请填写子任务内容').max(300),
  requirement: z.string().trim().max(4000).default(''),
  unitId: z.uuid('请选择承办的协办单位'),
  deadline: isoDate(),
});

export const sourceBody = z.object({
  kind: z.enum(SOURCE_KIND_IDS),
  title: z.string().trim().min(1, '请填写来源名称').max(200),
  documentNo: nullableText(100),
  issuedOn: isoDate().nullish(),
  content: z.string().max(100_000).nullish(),
});
