import { z } from 'zod';
import {
  createConfig,
  deactivateConfig,
  getConfig,
  listConfigs,
  testConfig,
  updateConfig,
} from '../../../services/webhooks/configs.js';
import { DELIVERY_STATUSES, listDeliveries } from '../../../services/webhooks/deliveries.js';
import { WEBHOOK_KINDS } from '../../../domain/webhooks/webhooks.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, paging, typed, type Routes } from '../../deps.js';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '免打扰时段须为 HH:MM 格式')
  .nullish()
  .transform((v) => v ?? null);
const secret = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v ? v : null));

const createBody = z.object({
  unitId: z.uuid('编号格式不正确'),
  kind: z.enum(WEBHOOK_KINDS),
  url: z.string().trim().min(1).max(1000),
  secret,
  active: z.boolean().optional(),
  quietStart: hhmm,
  quietEnd: hhmm,
});

const patchBody = z.object({
  url: z.string().trim().min(1).max(1000).optional(),
  secret: secret.optional(),
  active: z.boolean().optional(),
  quietStart: hhmm.optional(),
  quietEnd: hhmm.optional(),
});

export const webhookRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['webhooks'];
  // 督查室 sees every unit's robots; a unit's head and clerk see their own unit's (the service checks)
  r.get(
    '/webhooks',
    {
      config: { permission: 'tasks.read' },
      schema: { querystring: z.object({ unitId: z.uuid().optional() }), tags, summary: '群机器人（钉钉、企业微信）' },
    },
    async (req) => listConfigs(ctxOf(req, deps), req.query),
  );
  r.get(
    '/webhooks/deliveries',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        querystring: z.object({ status: z.enum(DELIVERY_STATUSES).optional(), ...paging }),
        tags,
        summary: '机器人发送记录（督查室），可筛选失败',
      },
    },
    async (req) => listDeliveries(ctxOf(req, deps), req.query),
  );
  r.get(
    '/webhooks/:id',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, tags, summary: '一个群机器人' } },
    async (req) => getConfig(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/webhooks',
    {
      config: { permission: 'tasks.read' },
      schema: { body: createBody, tags, summary: '新增群机器人（督查室，或本单位负责人）' },
    },
    async (req, reply) => reply.status(201).send(await createConfig(ctxOf(req, deps), req.body, deps.webhooks)),
  );
  r.patch(
    '/webhooks/:id',
    {
      config: { permission: 'tasks.read' },
      schema: { params: idParams, body: patchBody, tags, summary: '修改群机器人' },
    },
    async (req) => updateConfig(ctxOf(req, deps), req.params.id, req.body, deps.webhooks),
  );
  r.post(
    '/webhooks/:id/deactivate',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, tags, summary: '停用群机器人' } },
    async (req) => deactivateConfig(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/webhooks/:id/test',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, tags, summary: '立即发送一条测试消息' } },
    async (req) => testConfig(ctxOf(req, deps), req.params.id, deps.webhooks),
  );
};
