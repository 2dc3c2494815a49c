/** The warning rules and reminder templates, kept as data the supervision office edits. */
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { validation } from '../../domain/errors.js';
import { DEFAULT_LIGHT_RULES, lightRuleProblems, type LightRules } from '../../domain/warnings/lights.js';
import { DEFAULT_TEMPLATES, templateProblems, type ReminderTemplates } from '../../domain/warnings/templates.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';

async function read<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

export async function lightRules(db: Db): Promise<LightRules> {
  return { ...DEFAULT_LIGHT_RULES, ...(await read<Partial<LightRules>>(db, 'warning_rules')) };
}

export async function reminderTemplates(db: Db): Promise<ReminderTemplates> {
  return { ...DEFAULT_TEMPLATES, ...(await read<Partial<ReminderTemplates>>(db, 'reminder_templates')) };
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
    for (const [key, value] of [
      ['warning_rules', input.rules],
      ['reminder_templates', input.templates],
    ] as const) {
      await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    }
    await recordAudit(tx, ctx, { action: 'warnings.settings', targetType: 'settings', before, after: input });
    return input;
  });
}
