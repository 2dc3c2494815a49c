/**
 * Group robots per unit: 督查室 (tasks.manage) manages every unit's, a unit head their own unit's. Every change is
 * audited; the signing secret and the URL's token never leave the server in full.
 */
import { asc, eq } from 'drizzle-orm';
import { units, webhookConfigs } from '../../db/schema.js';
import { can } from '../../domain/org/roles.js';
import { forbidden, notFound, validation } from '../../domain/errors.js';
import {
  checkWebhookUrl,
  isHhMm,
  mask,
  maskUrl,
  messageBody,
  signedUrl,
  type WebhookKind,
} from '../../domain/webhooks/webhooks.js';
import { diff, recordAudit } from '../audit/record.js';
import type { Actor, Ctx } from '../context.js';
import { fetchSend, type SendFn } from './send.js';

export interface WebhookOptions {
  /** Accept `http://127.0.0.1:<port>` robot URLs (tests only). */
  allowLocal?: boolean;
  send?: SendFn;
}

type ConfigRow = typeof webhookConfigs.$inferSelect;

const managesAll = (a: Actor) => a.userId === null || can(a.roles, 'tasks.manage');
const canManage = (a: Actor, unitId: string) => managesAll(a) || (a.roles.includes('unit_head') && a.unitId === unitId);
const canRead = (a: Actor, unitId: string) =>
  managesAll(a) || (a.unitId === unitId && (a.roles.includes('unit_head') || a.roles.includes('unit_clerk')));

/** What callers see: the secret and the URL's token masked. */
export function publicConfig(c: ConfigRow, unitName?: string) {
  return {
    id: c.id,
    unitId: c.unitId,
    ...(unitName === undefined ? {} : { unitName }),
    kind: c.kind as WebhookKind,
    url: maskUrl(c.url),
    secret: mask(c.secret),
    hasSecret: !!c.secret,
    active: c.active,
    quietStart: c.quietStart,
    quietEnd: c.quietEnd,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The audit trail keeps the masked form too. */
const auditView = (c: Partial<ConfigRow>) => ({
  ...c,
  ...(c.url === undefined ? {} : { url: maskUrl(c.url) }),
  ...(c.secret === undefined ? {} : { secret: mask(c.secret) }),
});

export interface ConfigInput {
  unitId: string;
  kind: WebhookKind;
  url: string;
  secret?: string | null;
  active?: boolean;
  quietStart?: string | null;
  quietEnd?: string | null;
}

function check(input: Partial<ConfigInput>, kind: WebhookKind, opts: WebhookOptions) {
  const issues: { field: string; message: string }[] = [];
  if (input.url !== undefined) {
    const m = checkWebhookUrl(kind, input.url, opts.allowLocal ?? false);
    if (m) issues.push({ field: 'url', message: m });
  }
  for (const f of ['quietStart', 'quietEnd'] as const) {
    const v = input[f];
    if (v && !isHhMm(v)) issues.push({ field: f, message: '免打扰时段须为 HH:MM 格式' });
  }
  if (issues.length) throw validation(issues);
}

function checkQuiet(start: string | null, end: string | null) {
  if (!start !== !end) throw validation([{ field: 'quietEnd', message: '免打扰时段须同时填写开始和结束时间' }]);
}

async function load(ctx: Ctx, id: string): Promise<ConfigRow> {
  const [c] = await ctx.db.select().from(webhookConfigs).where(eq(webhookConfigs.id, id));
  if (!c || !canRead(ctx.actor, c.unitId)) throw notFound('机器人配置');
  return c;
}

async function loadForChange(ctx: Ctx, id: string): Promise<ConfigRow> {
  const c = await load(ctx, id);
  if (!canManage(ctx.actor, c.unitId)) throw forbidden();
  return c;
}

export async function listConfigs(ctx: Ctx, q: { unitId?: string }) {
  const rows = await ctx.db
    .select({ c: webhookConfigs, unitName: units.name })
    .from(webhookConfigs)
    .innerJoin(units, eq(units.id, webhookConfigs.unitId))
    .where(q.unitId ? eq(webhookConfigs.unitId, q.unitId) : undefined)
    .orderBy(asc(units.sortOrder), asc(webhookConfigs.createdAt));
  const items = rows.filter((r) => canRead(ctx.actor, r.c.unitId)).map((r) => publicConfig(r.c, r.unitName));
  return { items, total: items.length };
}

export async function getConfig(ctx: Ctx, id: string) {
  return publicConfig(await load(ctx, id));
}

export async function createConfig(ctx: Ctx, input: ConfigInput, opts: WebhookOptions = {}) {
  if (!canManage(ctx.actor, input.unitId)) throw forbidden();
  check(input, input.kind, opts);
  checkQuiet(input.quietStart ?? null, input.quietEnd ?? null);
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw notFound('单位');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookConfigs)
      .values({
        unitId: input.unitId,
        kind: input.kind,
        url: input.url,
        secret: input.kind === 'dingtalk' ? (input.secret ?? null) : null,
        active: input.active ?? true,
        quietStart: input.quietStart ?? null,
        quietEnd: input.quietEnd ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'webhook.create',
      targetType: 'webhook_config',
      targetId: row!.id,
      after: auditView(row!),
    });
    return publicConfig(row!);
  });
}

export type ConfigPatch = Partial<Omit<ConfigInput, 'unitId' | 'kind'>>;

export async function updateConfig(ctx: Ctx, id: string, patch: ConfigPatch, opts: WebhookOptions = {}) {
  const before = await loadForChange(ctx, id);
  const kind = before.kind as WebhookKind;
  check(patch, kind, opts);
  const next: Partial<ConfigRow> = {};
  if (patch.url !== undefined) next.url = patch.url;
  if (patch.secret !== undefined && kind === 'dingtalk') next.secret = patch.secret;
  if (patch.active !== undefined) next.active = patch.active;
  if (patch.quietStart !== undefined) next.quietStart = patch.quietStart;
  if (patch.quietEnd !== undefined) next.quietEnd = patch.quietEnd;
  checkQuiet(
    next.quietStart === undefined ? before.quietStart : next.quietStart,
    next.quietEnd === undefined ? before.quietEnd : next.quietEnd,
  );
  const d = diff(before as Record<string, unknown>, next as Record<string, unknown>);
  if (!Object.keys(d.after).length) return publicConfig(before);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookConfigs)
      .set({ ...next, updatedAt: ctx.clock.now() })
      .where(eq(webhookConfigs.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'webhook.update',
      targetType: 'webhook_config',
      targetId: id,
      before: auditView(d.before as Partial<ConfigRow>),
      after: auditView(d.after as Partial<ConfigRow>),
    });
    return publicConfig(row!);
  });
}

export async function deactivateConfig(ctx: Ctx, id: string) {
  return updateConfig(ctx, id, { active: false });
}

/** Sends a test message to the robot now (no quiet hours, no retry); tells whether the robot accepted it. */
export async function testConfig(ctx: Ctx, id: string, opts: WebhookOptions = {}) {
  const c = await loadForChange(ctx, id);
  const kind = c.kind as WebhookKind;
  const send = opts.send ?? fetchSend;
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, c.unitId));
  const body = messageBody(kind, `【落实】测试消息：${unit?.name ?? ''}的群机器人已接通，三色预警提醒将发送到本群。`);
  let result: { ok: true } | { ok: false; error: string };
  try {
    await send(signedUrl(kind, c.url, c.secret, ctx.clock.now().getTime()), body);
    result = { ok: true };
  } catch (err) {
    result = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  await recordAudit(ctx.db, ctx, { action: 'webhook.test', targetType: 'webhook_config', targetId: id, after: result });
  return result;
}
