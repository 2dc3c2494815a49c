import { z } from 'zod';
import { act, decideExtension, decompose, report, requestExtension, type SimpleAction } from '../../../services/tasks/actions.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, typed, type Routes } from '../../deps.js';
import { actionBody, decideBody, extensionBody, reportBody, subtaskBody } from './schema.js';

const SIMPLE: SimpleAction[] = [
  'submit_review',
  'approve_review',
  'reject_review',
  'assign',
  'sign',
  'return',
  'request_completion',
  'approve_completion',
  'request_supplement',
  'request_rectify',
  'archive',
  'withdraw',
  'remind',
  'issue_order',
];

export const taskActionRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['tasks'];
  r.post(
    '/tasks/:id/actions/:action',
    {
      config: { permission: 'tasks.read' },
      schema: {
        params: idParams.extend({ action: z.enum(SIMPLE, '未知操作') }),
        body: actionBody,
        tags,
        summary: '流转操作（交办、签收、退回、申请办结、复核、销号、撤销、催办、督办单…），按流程表校验角色与数据范围',
      },
    },
    async (req) => act(ctxOf(req, deps), req.params.id, req.params.action, req.body),
  );
  r.post(
    '/tasks/:id/reports',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, body: reportBody, tags, summary: '报送进展' } },
    async (req, reply) => reply.status(201).send(await report(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/tasks/:id/extensions',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, body: extensionBody, tags, summary: '申请延期' } },
    async (req, reply) => reply.status(201).send(await requestExtension(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/tasks/:id/extensions/:requestId/decision',
    {
      config: { permission: 'tasks.read' },
      schema: {
        params: idParams.extend({ requestId: z.uuid() }),
        body: decideBody,
        tags,
        summary: '审批延期（单位负责人 → 督查室 → 牵头领导）',
      },
    },
    async (req) => decideExtension(ctxOf(req, deps), req.params.id, req.params.requestId, req.body),
  );
  r.post(
    '/tasks/:id/subtasks',
    {
      config: { permission: 'tasks.read' },
      schema: { params: idParams, body: subtaskBody, tags, summary: '分解子任务给协办单位' },
    },
    async (req, reply) => reply.status(201).send(await decompose(ctxOf(req, deps), req.params.id, req.body)),
  );
};
