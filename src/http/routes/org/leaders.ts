import { z } from 'zod';
import { listLeaders, setPortfolio } from '../../../services/org/leaders.js';
import { ctxOf } from '../../auth-hooks.js';
import { typed, type Routes } from '../../deps.js';

export const leaderRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['org'];
  r.get('/leaders', { config: { permission: 'org.read' }, schema: { tags, summary: '区领导及分管单位' } }, async (req) => ({
    items: await listLeaders(ctxOf(req, deps)),
  }));
  r.put(
    '/leaders/:personId/portfolio',
    {
      config: { permission: 'org.write' },
      schema: {
        params: z.object({ personId: z.uuid() }),
        body: z.object({ unitIds: z.array(z.uuid()).max(500) }),
        tags,
        summary: '设置分管单位',
      },
    },
    async (req) => setPortfolio(ctxOf(req, deps), req.params.personId, req.body.unitIds),
  );
};
