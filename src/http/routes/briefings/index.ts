import { z } from 'zod';
import { generateBriefing } from '../../../services/briefing/index.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, typed, type Routes } from '../../deps.js';
import { periodQuery } from '../scores/index.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const briefingRoutes: Routes = (app, deps) => {
  const r = typed(app);
  r.get(
    '/briefings',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        querystring: periodQuery.extend({ format: z.enum(['docx', 'xlsx']).default('docx') }),
        tags: ['briefings'],
        summary: '生成情况通报（Word 或 Excel，督查室）',
      },
    },
    async (req, reply) => {
      const { from, to, format } = req.query;
      const { title, buffer } = await generateBriefing(ctxOf(req, deps), { from, to }, format);
      return reply
        .header('content-type', format === 'docx' ? DOCX_MIME : XLSX_MIME)
        .header('content-disposition', contentDisposition(`${title}.${format}`, `briefing.${format}`))
        .send(buffer);
    },
  );
};
