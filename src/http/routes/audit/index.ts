import { z } from 'zod';
import { auditActions, exportAudit, searchAudit } from '../../../services/audit/query.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, optionalText, paging, typed, type Routes } from '../../deps.js';

const filter = z.object({
  actor: optionalText(64),
  action: optionalText(64),
  targetType: optionalText(32),
  targetId: optionalText(64),
  from: z.coerce.date('起始时间格式不正确').optional(),
  to: z.coerce.date('结束时间格式不正确').optional(),
});

export const auditRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['audit'];
  r.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: { querystring: filter.extend(paging), tags, summary: '查询审计日志（审计员）' },
    },
    async (req) => searchAudit(ctxOf(req, deps), req.query),
  );
  r.get(
    '/audit/actions',
    { config: { permission: 'audit.read' }, schema: { tags, summary: '审计日志中出现过的操作' } },
    async (req) => ({
      items: await auditActions(ctxOf(req, deps)),
    }),
  );
  r.get(
    '/audit/export',
    { config: { permission: 'audit.read' }, schema: { querystring: filter, tags, summary: '导出审计日志（Excel）' } },
    async (req, reply) => {
      const buf = await exportAudit(ctxOf(req, deps), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition('审计日志.xlsx')).send(buf);
    },
  );
};
