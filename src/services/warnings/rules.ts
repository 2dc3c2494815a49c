/** The warning rules and reminder templates, kept as data the supervision office edits. */
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import { DEFAULT_LIGHT_RULES, lightRuleProblems, type LightRules } from '../../domain/warnings/lights.js';
import { DEFAULT_TEMPLATES, templateProblems, type ReminderTemplates } from '../../domain/warnings/templates.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { defineSetting, getSetting, putSetting } from '../settings/read.js';

// stored values: a part an older value lacks takes its default
const rulesSetting = defineSetting(
  'warning_rules',
  z
    .object({ blueDays: z.number(), lagTolerance: z.number(), yellowOnMissedReport: z.boolean() })
    .partial()
    .transform((r): LightRules => ({ ...DEFAULT_LIGHT_RULES, ...r })),
  () => DEFAULT_LIGHT_RULES,
);
const templatesSetting = defineSetting(
  'reminder_templates',
  z
    .object({ red: z.string(), yellow: z.string(), blue: z.string() })
    .partial()
    .transform((t): ReminderTemplates => ({ ...DEFAULT_TEMPLATES, ...t })),
  () => DEFAULT_TEMPLATES,
);

export async function lightRules(db: Db): Promise<LightRules> {
  return getSetting(db, rulesSetting);
}

export async function reminderTemplates(db: Db): Promise<ReminderTemplates> {
  return getSetting(db, templatesSetting);
}

export async function getWarningSettings(ctx: Ctx) {
  requirePermission(ctx, 'tasks.read');
  return { rules: await lightRules(ctx.db), templates: await reminderTemplates(ctx.db) };
}

export async function setWarningSettings(ctx: Ctx, input: { rules: LightRules; templates: ReminderTemplates }) {
  requirePermission(ctx, 'tasks.manage');
  const problems = [...lightRuleProblems(input.rules), ...templateProblems(input.templates)];
  if (problems.length) throw validation(problems.map((message) => ({ field: 'rules', message })));
  return ctx.db.transaction(async (tx) => {
    const before = { rules: await lightRules(tx), templates: await reminderTemplates(tx) };
    await putSetting(tx, rulesSetting, input.rules);
    await putSetting(tx, templatesSetting, input.templates);
    await recordAudit(tx, ctx, { action: 'warnings.settings', targetType: 'settings', before, after: input });
    return input;
  });
}
