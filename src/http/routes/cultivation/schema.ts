import { z } from 'zod';
import { TIER_LIMITS, YEAR_MAX, YEAR_MIN } from '../../../domain/cultivation/tiers.js';
import { PLACEMENT_MOVEMENT_FILTERS } from '../../../services/cultivation/placement.js';
import { optionalText, paging } from '../../deps.js';

const year = z.coerce
  .number('年度应为数字')
  .int('年度应为整数')
  .min(YEAR_MIN, `年度应在 ${YEAR_MIN}–${YEAR_MAX} 之间`)
  .max(YEAR_MAX, `年度应在 ${YEAR_MIN}–${YEAR_MAX} 之间`);

export const yearQuery = z.object({ year: year.optional() });

export const placementQuery = z.object({
  year: year.optional(),
  tier: optionalText(TIER_LIMITS.id),
  town: optionalText(60),
  movement: z.enum(PLACEMENT_MOVEMENT_FILTERS, '变动类型无效').optional(),
  leaderId: z.uuid('领导编号格式不正确').optional(),
  q: optionalText(100),
  ...paging,
});

const tier = z.object({
  id: z.string().trim().min(1, '请填写档次代码').max(TIER_LIMITS.id),
  name: z.string().trim().min(1, '请填写档次名称').max(TIER_LIMITS.name),
  order: z.number('排序应为数字').int('排序应为整数').min(1).max(1000),
  rule: z.string().trim().min(1, '请填写准入条件').max(TIER_LIMITS.rule),
  threshold: z
    .object({ field: z.string().trim().min(1, '请选择门槛字段').max(40), value: z.number('门槛值应为数字').finite() })
    .nullable()
    .default(null),
  targets: z
    .array(
      z.object({
        year: z.number('目标年度应为数字').int().min(YEAR_MIN).max(YEAR_MAX),
        count: z.number('目标家数应为数字').int().min(0).max(TIER_LIMITS.count),
      }),
    )
    .max(TIER_LIMITS.targets)
    .default([]),
  ownerUnitId: z.uuid('责任单位编号格式不正确').nullable().default(null),
});

export const tierSetBody = z.object({
  illustrative: z.boolean().default(false),
  note: z.string().trim().max(TIER_LIMITS.note).default(''),
  tiers: z.array(tier).max(TIER_LIMITS.tiers),
});
