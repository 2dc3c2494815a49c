import { z } from 'zod';
import { getWarningSettings, setWarningSettings } from '../../../services/warnings/rules.js';
import { listNotifications, markRead } from '../../../services/warnings/notifications.js';
import { runDailyWarnings } from '../../../services/warnings/daily-job.js';
import { requirePermission } from '../../../services/context.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, paging, typed, type Routes } from '../../deps.js';

const settingsBody = z.object({
  rules: z.object({
    blueDays: z.number().int().min(0).max(60),
    lagTolerance: z.number().min(0).max(100),
    yellowOnMissedReport: z.boolean(),
  }),
  templates: z.object({ red: z.string().max(500), yellow: z.string().max(500), blue: z.string().max(500) }),
});

export const warningRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['warnings'];
  r.get(
    '/warnings/settings',
    { config: { permission: 'tasks.read' }, schema: { tags, summary: '预警规则与提醒模板' } },
    async (req) => getWarningSettings(ctxOf(req, deps)),
  );
  r.put(
    '/warnings/settings',
    { config: { permission: 'tasks.manage' }, schema: { body: settingsBody, tags, summary: '修改预警规则与提醒模板（督查室）' } },
    async (req) => setWarningSettings(ctxOf(req, deps), req.body),
  );
  r.post(
    '/warnings/run',
    { config: { permission: 'tasks.manage' }, schema: { tags, summary: '立即运行今日预警（每日只运行一次）' } },
    async (req) => {
      const ctx = ctxOf(req, deps);
      requirePermission(ctx, 'tasks.manage');
      return runDailyWarnings(ctx.db, ctx.clock, `http:${req.hostname}`, { send: deps.webhooks.send });
    },
  );
  r.get(
    '/notifications',
    {
      schema: {
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
          ...paging,
        }),
        tags,
        summary: '我的通知',
      },
    },
    async (req) => listNotifications(ctxOf(req, deps), req.query),
  );
  r.post('/notifications/:id/read', { schema: { params: idParams, tags, summary: '标记已读' } }, async (req, reply) => {
    await markRead(ctxOf(req, deps), req.params.id);
    return reply.status(204).send();
  });
};
