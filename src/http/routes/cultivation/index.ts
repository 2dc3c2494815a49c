import { cultivationLeaders, cultivationList, cultivationSummary } from '../../../services/cultivation/placement.js';
import { getTiers, replaceTiers } from '../../../services/cultivation/tiers.js';
import { ctxOf } from '../../auth-hooks.js';
import { typed, type Routes } from '../../deps.js';
import { placementQuery, tierSetBody, yearQuery } from './schema.js';

export const cultivationRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['cultivation'];
  const read = { permission: 'mujun.read' } as const;

  r.get(
    '/cultivation/tiers',
    { config: read, schema: { tags, summary: '培育库档次（准入条件、年度目标、责任单位）' } },
    async (req) => getTiers(ctxOf(req, deps)),
  );
  r.put(
    '/cultivation/tiers',
    {
      config: { permission: 'mujun.manage' },
      schema: { body: tierSetBody, tags, summary: '整体替换培育库档次（评价专员，留痕）' },
    },
    async (req) => replaceTiers(ctxOf(req, deps), req.body),
  );
  r.get(
    '/cultivation/summary',
    { config: read, schema: { querystring: yearQuery, tags, summary: '培育库年度概况：各档入库数与目标、升降档变动、乡镇分布' } },
    async (req) => cultivationSummary(ctxOf(req, deps), req.query),
  );
  r.get(
    '/cultivation/enterprises',
    {
      config: read,
      schema: {
        querystring: placementQuery,
        tags,
        summary: '培育库企业名单（可按档次、乡镇街道、变动类型、分管领导筛选，含距上一档差距）',
      },
    },
    async (req) => cultivationList(ctxOf(req, deps), req.query),
  );
  r.get('/cultivation/leaders', { config: read, schema: { tags, summary: '可筛选的分管领导' } }, async (req) =>
    cultivationLeaders(ctxOf(req, deps)),
  );
};
