import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { classListsXlsx, rankingXlsx } from '../../../services/mujun/exports.js';
import { POLICY_CATEGORIES, POLICY_LIMITS, listPolicies, replacePolicies } from '../../../services/mujun/policies.js';
import { enterpriseReportPdf, townReportsPdf } from '../../../services/mujun/report-pdf.js';
import { aggregates, compareRuns, distribution, enterpriseDetail, ranking } from '../../../services/mujun/results/index.js';
import { ctxOf } from '../../auth-hooks.js';
import { attachmentDisposition } from '../../uploads.js';
import { XLSX_MIME, contentDisposition, idParams, optionalText, paging, typed, type Routes } from '../../deps.js';

const PDF_MIME = 'application/pdf';

const resultFilter = z.object({
  group: optionalText(60),
  town: optionalText(60),
  industry: optionalText(10),
  class: optionalText(8),
  status: z.enum(['scored', 'exempt', 'tenant', 'unevaluated']).optional(),
  q: optionalText(100),
});
const rankingQuery = resultFilter.extend({
  sort: z.enum(['rank', '-total', 'total', 'name']).default('rank'),
  ...paging,
});
const enterpriseParams = idParams.extend({ uscc: z.string().trim().min(1).max(40) });
const runId = z.uuid('编号格式不正确');

const policyItem = z.object({
  class: z.string().trim().min(1, '请填写档次').max(POLICY_LIMITS.class),
  category: z.enum(POLICY_CATEGORIES),
  measure: z.string().trim().min(1, '请填写政策措施').max(POLICY_LIMITS.measure),
  department: z.string().trim().max(POLICY_LIMITS.department).nullish(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});

/** Sends a PDF report, shown in the browser (inline). */
const sendPdf = (reply: FastifyReply, { fileName, pdf }: { fileName: string; pdf: Buffer }) =>
  reply
    .header('content-type', PDF_MIME)
    .header('content-disposition', attachmentDisposition(fileName, 'report.pdf', 'inline'))
    .send(pdf);
/** Sends an Excel workbook named after its title. */
const sendXlsx = (reply: FastifyReply, { title, buffer }: { title: string; buffer: Buffer }) =>
  reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(`${title}.xlsx`))
    .send(buffer);

export const mujunResultRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['mujun'];
  const read = { permission: 'mujun.read' } as const;

  r.get(
    '/mujun/runs/:id/results',
    {
      config: read,
      schema: { params: idParams, querystring: rankingQuery, tags, summary: '评价结果排名（可按分组、乡镇、行业、档次筛选）' },
    },
    async (req) => ranking(ctxOf(req, deps), req.params.id, req.query),
  );
  r.get(
    '/mujun/runs/:id/distribution',
    { config: read, schema: { params: idParams, tags, summary: '各分组档次分布' } },
    async (req) => distribution(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/mujun/runs/:id/aggregates',
    {
      config: read,
      schema: {
        params: idParams,
        querystring: z.object({ by: z.enum(['town', 'industry']).default('town') }),
        tags,
        summary: '按乡镇街道或行业大类汇总',
      },
    },
    async (req) => aggregates(ctxOf(req, deps), req.params.id, req.query.by),
  );
  r.get(
    '/mujun/runs/:id/enterprises/:uscc',
    {
      config: read,
      schema: { params: enterpriseParams, tags, summary: '企业画像：结果、输入、基准、雷达、提档测算、历年、政策' },
    },
    async (req) => enterpriseDetail(ctxOf(req, deps), req.params.id, req.params.uscc),
  );
  r.get(
    '/mujun/runs/:id/enterprises/:uscc/report.pdf',
    { config: read, schema: { params: enterpriseParams, tags, summary: '企业亩均效益体检报告（PDF）' } },
    async (req, reply) => sendPdf(reply, await enterpriseReportPdf(ctxOf(req, deps), req.params.id, req.params.uscc)),
  );
  r.get(
    '/mujun/runs/:id/reports.pdf',
    {
      config: read,
      schema: {
        params: idParams,
        querystring: z.object({ town: z.string().trim().min(1, '请选择乡镇街道').max(60) }),
        tags,
        summary: '某乡镇街道全部企业的体检报告（PDF，每家一页）',
      },
    },
    async (req, reply) => sendPdf(reply, await townReportsPdf(ctxOf(req, deps), req.params.id, req.query.town)),
  );
  r.get(
    '/mujun/compare',
    {
      config: read,
      schema: {
        querystring: z.object({
          a: runId,
          b: runId,
          changed: z
            .enum(['0', '1', 'true', 'false'])
            .optional()
            .transform((v) => v === '1' || v === 'true'),
          ...paging,
        }),
        tags,
        summary: '两次评价对比：档次迁移矩阵与企业清单（可跨年度）',
      },
    },
    async (req) => {
      const { a, b, ...rest } = req.query;
      return compareRuns(ctxOf(req, deps), a, b, rest);
    },
  );
  r.get(
    '/mujun/runs/:id/export.xlsx',
    { config: read, schema: { params: idParams, querystring: resultFilter, tags, summary: '导出评价结果排名（Excel）' } },
    async (req, reply) => sendXlsx(reply, await rankingXlsx(ctxOf(req, deps), req.params.id, req.query)),
  );
  r.get(
    '/mujun/runs/:id/class-lists.xlsx',
    {
      config: { permission: 'mujun.manage' },
      schema: { params: idParams, tags, summary: '导出分档企业名单及差别化政策（Excel，每档一页）' },
    },
    async (req, reply) => sendXlsx(reply, await classListsXlsx(ctxOf(req, deps), req.params.id)),
  );

  r.get('/mujun/policies', { config: read, schema: { tags, summary: '差别化政策措施' } }, async (req) =>
    listPolicies(ctxOf(req, deps)),
  );
  r.put(
    '/mujun/policies',
    {
      config: { permission: 'mujun.manage' },
      schema: {
        body: z.object({ items: z.array(policyItem).max(POLICY_LIMITS.items) }),
        tags,
        summary: '整体替换差别化政策措施（评价专员）',
      },
    },
    async (req) => replacePolicies(ctxOf(req, deps), req.body.items),
  );
};
