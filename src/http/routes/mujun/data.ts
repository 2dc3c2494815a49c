import { z } from 'zod';
import { validation } from '../../../domain/errors.js';
import { DATA_SOURCES } from '../../../domain/mujun/sources.js';
import { reconciliation } from '../../../services/mujun/reconcile.js';
import { createRun, getRun, listRuns, mujunMeta, runInputCsv } from '../../../services/mujun/runs.js';
import { getScheme, listSchemes, saveScheme, validateSchemeBody } from '../../../services/mujun/schemes.js';
import { MAX_YEAR, MIN_YEAR, UPLOAD_MAX_BYTES, listUploads, uploadDepartmentFile } from '../../../services/mujun/uploads.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, optionalText, typed, type Routes } from '../../deps.js';
import { attachmentDisposition, parseFields, readMultipart } from '../../uploads.js';

export const mujunYear = z.coerce
  .number('年度须为数字')
  .int('年度须为整数')
  .min(MIN_YEAR, `年度不能早于 ${MIN_YEAR}`)
  .max(MAX_YEAR, `年度不能晚于 ${MAX_YEAR}`);
const yearQuery = z.object({ year: mujunYear.optional() });
const SOURCE_IDS = DATA_SOURCES.map((s) => s.id) as [string, ...string[]];

const uploadFields = z.object({
  year: mujunYear,
  source: z.enum(SOURCE_IDS, '请选择数据来源部门'),
});

const schemeBody = z.object({
  body: z.unknown().refine((v) => typeof v === 'object' && v !== null && !Array.isArray(v), '请提供方案 JSON 对象'),
  note: optionalText(500),
});

export const mujunDataRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['mujun'];
  r.get(
    '/mujun/meta',
    { config: { permission: 'mujun.read' }, schema: { tags, summary: '亩均评价：数据来源部门、字段、标记、年度、类别' } },
    async (req) => mujunMeta(ctxOf(req, deps)),
  );
  r.get(
    '/mujun/uploads',
    { config: { permission: 'mujun.manage' }, schema: { querystring: yearQuery, tags, summary: '部门数据上传记录' } },
    async (req) => listUploads(ctxOf(req, deps), req.query.year),
  );
  r.post(
    '/mujun/uploads',
    {
      config: { permission: 'mujun.manage' },
      schema: {
        tags,
        summary: `上传部门数据（multipart：year、source、file；CSV 或 .xlsx，≤ ${UPLOAD_MAX_BYTES / 1048576} MB；有错则全部不导入）`,
      },
    },
    async (req, reply) => {
      const { fields, file } = await readMultipart(req, UPLOAD_MAX_BYTES);
      const meta = parseFields(uploadFields, fields);
      if (!file) throw validation([{ field: 'file', message: '请选择要上传的文件' }]);
      return reply.status(201).send(await uploadDepartmentFile(ctxOf(req, deps), meta, async () => file));
    },
  );
  r.get(
    '/mujun/reconciliation',
    {
      config: { permission: 'mujun.manage' },
      schema: {
        querystring: z.object({ year: mujunYear }),
        tags,
        summary: '数据比对：各部门报送覆盖、缺报、名称不一致、重复、与上年相比的异常值',
      },
    },
    async (req) => reconciliation(ctxOf(req, deps), req.query.year),
  );
  r.get(
    '/mujun/schemes',
    { config: { permission: 'mujun.read' }, schema: { tags, summary: '评价方案（全部版本，最新在前）' } },
    async (req) => listSchemes(ctxOf(req, deps)),
  );
  r.post(
    '/mujun/schemes/validate',
    {
      config: { permission: 'mujun.manage' },
      schema: { body: schemeBody.pick({ body: true }), tags, summary: '校验评价方案（不保存）' },
    },
    async (req) => validateSchemeBody(ctxOf(req, deps), req.body.body),
  );
  r.get(
    '/mujun/schemes/:id',
    { config: { permission: 'mujun.read' }, schema: { params: idParams, tags, summary: '评价方案详情（含方案 JSON）' } },
    async (req) => getScheme(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/mujun/schemes',
    {
      config: { permission: 'mujun.manage' },
      schema: { body: schemeBody, tags, summary: '保存评价方案（同一方案编号保存为新版本；校验不通过返回 422 及字段路径）' },
    },
    async (req, reply) =>
      reply.status(201).send(await saveScheme(ctxOf(req, deps), { body: req.body.body, note: req.body.note ?? null })),
  );
  r.get(
    '/mujun/runs',
    { config: { permission: 'mujun.read' }, schema: { querystring: yearQuery, tags, summary: '评价批次（最新在前）' } },
    async (req) => listRuns(ctxOf(req, deps), req.query.year),
  );
  r.post(
    '/mujun/runs',
    {
      config: { permission: 'mujun.manage' },
      schema: {
        body: z.object({ year: mujunYear, schemeId: z.uuid('请选择评价方案'), reason: optionalText(500) }),
        tags,
        summary: '发起评价：合并该年度各部门最新数据，按方案计算并保存为新的批次版本',
      },
    },
    async (req, reply) => reply.status(201).send(await createRun(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/mujun/runs/:id',
    {
      config: { permission: 'mujun.read' },
      schema: { params: idParams, tags, summary: '评价批次详情（分组、基准值、类别分布、指标）' },
    },
    async (req) => getRun(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/mujun/runs/:id/input.csv',
    { config: { permission: 'mujun.manage' }, schema: { params: idParams, tags, summary: '下载评价批次的输入数据快照（CSV）' } },
    async (req, reply) => {
      const out = await runInputCsv(ctxOf(req, deps), req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(out.fileName, 'input.csv'))
        .header('x-content-type-options', 'nosniff')
        .header('x-content-sha256', out.sha256)
        .send(out.csv);
    },
  );
};
