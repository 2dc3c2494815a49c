/**
 * The district's project settings, as data the supervision office edits: which units see and run the whole pipeline
 * (the investment bureau), the monthly report's due day, the industry tracks (赛道), the named targets (引进央企国字号
 * ≥ 1) and the 标准地 control-indicator table.
 */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import { controlTableProblems, controlTableSchema, ILLUSTRATIVE_CONTROL_TABLE } from '../../domain/projects/commitments.js';
import { INVESTOR_FLAG_IDS, STAGE_IDS } from '../../domain/projects/lifecycle.js';
import { recordAudit } from '../audit/record.js';
import { requirePermission, type Ctx } from '../context.js';
import { defineSetting, getSetting, lockSetting, putSetting } from '../settings/read.js';

export const namedTargetSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '目标标识须为小写字母开头的字母、数字或下划线'),
  name: z.string().trim().min(1, '目标名称不能为空').max(60),
  /** A project counts when it carries any of these investor flags … */
  flags: z.array(z.enum(INVESTOR_FLAG_IDS)).default([]),
  /** … or comes from one of these sources (empty: any). */
  sources: z.array(z.enum(['fund', 'business', 'resident', 'other'])).default([]),
  /** … and has reached this stage in the target's year. */
  stage: z.enum(STAGE_IDS).default('signed'),
  target: z.number().int().min(1).max(10000),
});
export type NamedTarget = z.output<typeof namedTargetSchema>;

export const projectSettingsSchema = z.object({
  /** Units whose staff see every project and keep the register (the investment bureau); 督查室 always does. */
  officeUnitIds: z.array(z.uuid()).max(20).default([]),
  /** The day of the next month by which a month's report is due. */
  reportDueDay: z.number().int().min(1).max(28).default(5),
  tracks: z.array(z.string().trim().min(1).max(30)).max(50).default([]),
  targets: z.array(namedTargetSchema).max(30).default([]),
  controlTable: controlTableSchema.default(ILLUSTRATIVE_CONTROL_TABLE),
});
export type ProjectSettings = z.output<typeof projectSettingsSchema>;

export const projectSettingsSetting = defineSetting('projects', projectSettingsSchema, () => projectSettingsSchema.parse({}));

export function projectSettings(db: Db): Promise<ProjectSettings> {
  return getSetting(db, projectSettingsSetting);
}

export async function getProjectSettings(ctx: Ctx): Promise<ProjectSettings> {
  requirePermission(ctx, 'projects.read');
  return projectSettings(ctx.db);
}

/** Replaces the settings (督查室), every problem reported at once with its path, audited. */
export async function setProjectSettings(ctx: Ctx, input: z.input<typeof projectSettingsSchema>): Promise<ProjectSettings> {
  requirePermission(ctx, 'projects.manage');
  const value = projectSettingsSchema.parse(input);
  const issues = controlTableProblems(value.controlTable).map((p) => ({ field: `controlTable.${p.path}`, message: p.message }));
  const ids = value.targets.map((t) => t.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push({ field: `targets.${i}.id`, message: `目标标识“${id}”重复` });
  });
  if (issues.length) throw validation(issues);
  return ctx.db.transaction(async (tx) => {
    const before = await lockSetting(tx, projectSettingsSetting);
    await putSetting(tx, projectSettingsSetting, value);
    await recordAudit(tx, ctx, { action: 'projects.settings', targetType: 'settings', targetId: 'projects', before, after: value });
    return value;
  });
}
