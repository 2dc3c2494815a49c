import { z } from 'zod';
import {
  APPEAL_KINDS,
  APPEAL_STATUSES,
  EVIDENCE_MAX_BYTES,
  acceptAppeal,
  appealEvidence,
  fileAppeal,
  listAppeals,
  rejectAppeal,
} from '../../../services/mujun/appeals.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, typed, type Routes } from '../../deps.js';
import { parseFields, readMultipart, sendStoredFile } from '../../uploads.js';

const fileFields = z.object({
  runId: z.uuid('评价批次编号格式不正确'),
  uscc: z.string().trim().toUpperCase().length(18, '统一社会信用代码须为 18 位'),
  kind: z.enum(APPEAL_KINDS, '申诉类型只能是 value（数据有误）或 class（类别有异议）'),
  field: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  claimedValue: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  reason: z.string().trim().min(1, '请填写申诉理由').max(2000),
});

const decisionReason = z.string().trim().min(1, '请填写处理意见').max(2000);

export const mujunAppealRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['mujun'];
  r.get(
    '/mujun/appeals',
    {
      config: { permission: 'mujun.read' },
      schema: {
        querystring: z.object({ status: z.enum(APPEAL_STATUSES).optional(), runId: z.uuid().optional() }),
        tags,
        summary: '申诉列表（按数据范围：评价专员全部，乡镇街道本辖区，企业本企业）',
      },
    },
    async (req) => listAppeals(ctxOf(req, deps), req.query),
  );
  r.post(
    '/mujun/appeals',
    {
      config: { permission: 'mujun.appeal' },
      schema: {
        tags,
        summary: `提出申诉（multipart：runId、uscc、kind、field?、claimedValue?、reason，可附证明材料 ≤ ${EVIDENCE_MAX_BYTES / 1048576} MB）`,
      },
    },
    async (req, reply) => {
      const { fields, file } = await readMultipart(req, EVIDENCE_MAX_BYTES);
      const input = parseFields(fileFields, fields);
      return reply.status(201).send(await fileAppeal(ctxOf(req, deps), input, async () => file));
    },
  );
  r.get(
    '/mujun/appeals/:id/evidence',
    { config: { permission: 'mujun.read' }, schema: { params: idParams, tags, summary: '下载申诉证明材料' } },
    async (req, reply) => {
      const f = await appealEvidence(ctxOf(req, deps), req.params.id);
      return sendStoredFile(reply, f, 'evidence');
    },
  );
  r.post(
    '/mujun/appeals/:id/accept',
    {
      config: { permission: 'mujun.manage' },
      schema: {
        params: idParams,
        body: z.object({
          reason: decisionReason,
          corrections: z
            .array(
              z.object({
                field: z.string().trim().min(1).max(60),
                value: z.union([z.string().max(200), z.number(), z.null()]),
              }),
            )
            .max(30)
            .optional(),
        }),
        tags,
        summary: '采纳申诉：按更正后的数据生成新的评价批次版本（原批次保留）',
      },
    },
    async (req) => acceptAppeal(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/mujun/appeals/:id/reject',
    {
      config: { permission: 'mujun.manage' },
      schema: { params: idParams, body: z.object({ reason: decisionReason }), tags, summary: '驳回申诉（须说明理由）' },
    },
    async (req) => rejectAppeal(ctxOf(req, deps), req.params.id, req.body),
  );
};
