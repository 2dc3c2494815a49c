import { z } from 'zod';
import {
  byLight,
  byStatus,
  byDirective,
  bySource,
  monthlyTrend,
  overdueList,
  ratesByLeader,
  ratesByUnit,
} from '../../../services/dashboard/index.js';
import { ctxOf } from '../../auth-hooks.js';
import { typed, type Routes } from '../../deps.js';
import { ledgerQuery } from '../tasks/schema.js';

/** The dashboard narrows like the ledger, except status, light and dates, which each metric sets itself. */
const dashboardQuery = ledgerQuery.pick({
  q: true,
  sourceKind: true,
  sourceId: true,
  leaderId: true,
  leadUnitId: true,
  unitId: true,
});

export const dashboardRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['dashboard'];
  const metrics = {
    'by-light': ['按预警等级（在办事项）', byLight],
    'by-status': ['按状态', byStatus],
    'rates-by-unit': ['各牵头单位办结率、按期办结率', ratesByUnit],
    'rates-by-leader': ['各牵头领导办结率、按期办结率', ratesByLeader],
    'monthly-trend': ['近12个月交办与办结趋势', monthlyTrend],
    'by-source': ['各来源（会议决策等）落实进度', bySource],
    'by-directive': ['各条会议要求的落实进度', byDirective],
  } as const;
  for (const [path, [summary, fn]] of Object.entries(metrics)) {
    r.get(
      `/dashboard/${path}`,
      { config: { permission: 'tasks.read' }, schema: { querystring: dashboardQuery, tags, summary } },
      async (req) => fn(ctxOf(req, deps), req.query),
    );
  }
  r.get(
    '/dashboard/overdue',
    {
      config: { permission: 'tasks.read' },
      schema: {
        querystring: dashboardQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
        tags,
        summary: '逾期事项（前 N 项及总数）',
      },
    },
    async (req) => {
      const { limit, ...base } = req.query;
      return overdueList(ctxOf(req, deps), base, limit);
    },
  );
};
