import { z } from 'zod';
import { SOURCE_KIND_IDS } from '../../../domain/tasks/workflow.js';
import { ATTACHMENT_MAX_BYTES, downloadAttachment, uploadAttachment } from '../../../services/tasks/attachments.js';
import { exportLedger } from '../../../services/tasks/export.js';
import { importTasks } from '../../../services/tasks/import.js';
import { IMPORT_MAX_BYTES } from '../org/import.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, idParams, typed, type Routes } from '../../deps.js';
import { oneFile, sendStoredFile } from '../../uploads.js';
import { isoDate, ledgerQuery } from './schema.js';

export const taskFileRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['tasks'];
  r.post(
    '/tasks/:id/attachments',
    {
      config: { permission: 'tasks.read' },
      schema: { params: idParams, tags, summary: `上传附件（≤ ${ATTACHMENT_MAX_BYTES / 1048576} MB）` },
    },
    async (req, reply) =>
      reply.status(201).send(await uploadAttachment(ctxOf(req, deps), req.params.id, () => oneFile(req, ATTACHMENT_MAX_BYTES))),
  );
  r.get(
    '/tasks/:id/attachments/:attachmentId',
    {
      config: { permission: 'tasks.read' },
      schema: { params: idParams.extend({ attachmentId: z.uuid() }), tags, summary: '下载附件' },
    },
    async (req, reply) => {
      const a = await downloadAttachment(ctxOf(req, deps), req.params.id, req.params.attachmentId);
      return sendStoredFile(reply, a, 'file');
    },
  );
  r.get(
    '/tasks/export',
    {
      config: { permission: 'tasks.read' },
      schema: {
        querystring: ledgerQuery.omit({ sort: true, page: true, pageSize: true }),
        tags,
        summary: '导出督办台账（Excel，每类来源一个工作表）',
      },
    },
    async (req, reply) => {
      const buf = await exportLedger(ctxOf(req, deps), req.query, '督办事项台账');
      return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition('督办台账.xlsx')).send(buf);
    },
  );
  r.post(
    '/tasks/import',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        querystring: z.object({
          title: z.string().trim().min(1, '请填写清单名称').max(200),
          sourceKind: z.enum(SOURCE_KIND_IDS).default('annual'),
          issuedOn: isoDate().optional(),
        }),
        tags,
        summary: '导入年度重点工作清单（Excel，一行一项；有错则全部不导入）',
      },
    },
    async (req, reply) => {
      const out = await importTasks(ctxOf(req, deps), req.query, async () => (await oneFile(req, IMPORT_MAX_BYTES)).content);
      return reply.status(201).send(out);
    },
  );
};
