import { z } from 'zod';
import { exportScores, unitScores } from '../../../services/scoring/scores.js';
import { getScheme, rateQuality, setScheme } from '../../../services/scoring/settings.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, idParams, typed, type Routes } from '../../deps.js';
import { isoDate } from '../tasks/schema.js';

const points = z.number().finite().min(-1000).max(1000);
const schemeBody = z.object({
  base: points,
  onTimeReport: points,
  closedOnTime: points,
  overdue: points,
  returned: points,
  red: points,
  quality: z.object({ excellent: points, good: points, poor: points }),
});
export const periodQuery = z.object({ from: isoDate(), to: isoDate() });

export const scoreRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['scores'];
  r.get('/scores/scheme', { config: { permission: 'tasks.read' }, schema: { tags, summary: '考核评分办法' } }, async (req) =>
    getScheme(ctxOf(req, deps)),
  );
  r.put(
    '/scores/scheme',
    { config: { permission: 'tasks.manage' }, schema: { body: schemeBody, tags, summary: '修改考核评分办法（督查室）' } },
    async (req) => setScheme(ctxOf(req, deps), req.body),
  );
  r.put(
    '/scores/quality/:id',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        params: idParams,
        body: z.object({ rating: z.enum(['excellent', 'good', 'poor']).nullable() }),
        tags,
        summary: '评定办结报告质量（督查室）',
      },
    },
    async (req) => rateQuality(ctxOf(req, deps), req.params.id, req.body.rating),
  );
  r.get(
    '/scores',
    {
      config: { permission: 'tasks.read' },
      schema: { querystring: periodQuery, tags, summary: '各单位考核得分、名次与明细（全区公开）' },
    },
    async (req) => unitScores(ctxOf(req, deps), req.query),
  );
  r.get(
    '/scores/export',
    { config: { permission: 'tasks.read' }, schema: { querystring: periodQuery, tags, summary: '导出考核得分（Excel）' } },
    async (req, reply) => {
      const buf = await exportScores(ctxOf(req, deps), req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(`考核得分${req.query.from}至${req.query.to}.xlsx`))
        .send(buf);
    },
  );
};
