import { z } from 'zod';
import {
  createAccount,
  listAccounts,
  resetPassword,
  setRoles,
  unlockAccount,
  updateAccount,
} from '../../../services/accounts/accounts.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, optionalText, paging, typed, type Routes } from '../../deps.js';
import { normalizeUscc, usccProblem, USCC_PROBLEM_ZH } from '../../../domain/uscc/uscc.js';

/** The enterprise an enterprise contact's account speaks for. */
const enterpriseUscc = z
  .string()
  .transform(normalizeUscc)
  .superRefine((v, c) => {
    const p = usccProblem(v);
    if (p) c.addIssue({ code: 'custom', message: USCC_PROBLEM_ZH[p] });
  })
  .nullish();

const createBody = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少 3 位')
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、点、横线和下划线'),
  displayName: z.string().trim().min(1, '请填写姓名或称呼').max(50),
  unitId: z.uuid().nullish(),
  personId: z.uuid().nullish(),
  enterpriseUscc,
});
const patchBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  unitId: z.uuid().nullish(),
  personId: z.uuid().nullish(),
  enterpriseUscc,
  active: z.boolean().optional(),
});

export const accountRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['accounts'];
  r.get(
    '/accounts',
    {
      config: { permission: 'accounts.read' },
      schema: { querystring: z.object({ q: optionalText(64), ...paging }), tags, summary: '账号列表' },
    },
    async (req) => listAccounts(ctxOf(req, deps), req.query),
  );
  r.post(
    '/accounts',
    { config: { permission: 'accounts.manage' }, schema: { body: createBody, tags, summary: '新建账号（返回一次性初始密码）' } },
    async (req, reply) => reply.status(201).send(await createAccount(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/accounts/:id',
    { config: { permission: 'accounts.manage' }, schema: { params: idParams, body: patchBody, tags, summary: '修改账号' } },
    async (req) => updateAccount(ctxOf(req, deps), req.params.id, req.body),
  );
  r.put(
    '/accounts/:id/roles',
    {
      config: { permission: 'roles.assign' },
      schema: {
        params: idParams,
        body: z.object({ roles: z.array(z.string().max(32)).max(9) }),
        tags,
        summary: '设置角色（安全管理员）',
      },
    },
    async (req) => setRoles(ctxOf(req, deps), req.params.id, req.body.roles),
  );
  r.post(
    '/accounts/:id/unlock',
    { config: { permission: 'roles.assign' }, schema: { params: idParams, tags, summary: '解锁账号（安全管理员）' } },
    async (req) => unlockAccount(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/accounts/:id/reset-password',
    { config: { permission: 'roles.assign' }, schema: { params: idParams, tags, summary: '重置密码（安全管理员）' } },
    async (req) => resetPassword(ctxOf(req, deps), req.params.id),
  );
};
