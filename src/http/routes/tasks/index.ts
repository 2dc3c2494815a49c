import { z } from 'zod';
import { getTask, listReports } from '../../../services/tasks/detail.js';
import { listLedger } from '../../../services/tasks/ledger.js';
import { createTask, editTask } from '../../../services/tasks/write.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, paging, typed, type Routes } from '../../deps.js';
import { ledgerQuery, taskBody } from './schema.js';

export const taskRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['tasks'];
  r.get(
    '/tasks',
    {
      config: { permission: 'tasks.read' },
      schema: { querystring: ledgerQuery, tags, summary: '督办台账（按数据范围，服务端筛选、排序、分页）' },
    },
    async (req) => listLedger(ctxOf(req, deps), req.query),
  );
  r.post(
    '/tasks',
    { config: { permission: 'tasks.manage' }, schema: { body: taskBody, tags, summary: '立项（督查室）' } },
    async (req, reply) => reply.status(201).send(await createTask(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/tasks/:id',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, tags, summary: '事项详情、时间线与当前可执行操作' } },
    async (req) => getTask(ctxOf(req, deps), req.params.id),
  );
  r.put(
    '/tasks/:id',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        params: idParams,
        body: taskBody.extend({ version: z.number().int() }),
        tags,
        summary: '修改事项（带版本号，冲突返回 409）',
      },
    },
    async (req) => editTask(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/tasks/:id/reports',
    {
      config: { permission: 'tasks.read' },
      schema: { params: idParams, querystring: z.object(paging), tags, summary: '进展报送记录' },
    },
    async (req) => listReports(ctxOf(req, deps), req.params.id, req.query.page, req.query.pageSize),
  );
};
