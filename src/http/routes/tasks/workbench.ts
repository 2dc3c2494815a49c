import { z } from 'zod';
import { createSource, listSources } from '../../../services/tasks/sources.js';
import { leaderView, myWork } from '../../../services/tasks/workbench.js';
import { ctxOf } from '../../auth-hooks.js';
import { typed, type Routes } from '../../deps.js';
import { sourceBody } from './schema.js';

export const workbenchRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['tasks'];
  r.get(
    '/workbench',
    { config: { permission: 'tasks.read' }, schema: { tags, summary: '工作台：待签收、待报送、待复核、待审批' } },
    async (req) => myWork(ctxOf(req, deps)),
  );
  r.get(
    '/leaders/:personId/overview',
    { config: { permission: 'tasks.read' }, schema: { params: z.object({ personId: z.uuid() }), tags, summary: '分管线总览' } },
    async (req) => leaderView(ctxOf(req, deps), req.params.personId),
  );
  r.get('/task-sources', { config: { permission: 'tasks.read' }, schema: { tags, summary: '事项来源' } }, async (req) => ({
    items: await listSources(ctxOf(req, deps)),
  }));
  r.post(
    '/task-sources',
    { config: { permission: 'tasks.manage' }, schema: { body: sourceBody, tags, summary: '新增事项来源（督查室）' } },
    async (req, reply) => reply.status(201).send(await createSource(ctxOf(req, deps), req.body)),
  );
};
