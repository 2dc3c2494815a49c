import { z } from 'zod';
import { acceptDue, acceptProject } from '../../../services/projects/acceptance.js';
import { downloadProjectFile, uploadProjectFile } from '../../../services/projects/files.js';
import { getProject, listProjects, pipeline } from '../../../services/projects/read.js';
import { fileReport, raiseTask } from '../../../services/projects/reports.js';
import { getProjectSettings, projectSettingsSchema, setProjectSettings } from '../../../services/projects/settings.js';
import { moveStage } from '../../../services/projects/stages.js';
import { createProject, editProject } from '../../../services/projects/write.js';
import { ATTACHMENT_MAX_BYTES } from '../../../domain/files/attachments.js';
import { exportProjectLedger, importProjectLedger } from '../../../services/projects/ledger-file.js';
import { IMPORT_MAX_BYTES } from '../org/import.js';
import { acceptanceReportPdf } from '../../../services/projects/acceptance-pdf.js';
import { pledgeDocx } from '../../../services/projects/pledge-docx.js';
import {
  acceptProjectAppeal,
  fileProjectAppeal,
  projectAppealEvidence,
  rejectProjectAppeal,
} from '../../../services/projects/appeals.js';
import { EVIDENCE_MAX_BYTES } from '../../../domain/files/evidence.js';
import { ctxOf } from '../../auth-hooks.js';
import { XLSX_MIME, contentDisposition, idParams, typed, type Routes } from '../../deps.js';
import { attachmentDisposition, oneFile, parseFields, readMultipart, sendStoredFile } from '../../uploads.js';
import { acceptBody, appealFields, decisionBody, moveBody, projectBody, projectQuery, raiseBody, reportBody } from './schema.js';

export const projectRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['projects'];
  const read = { permission: 'projects.read' } as const;
  r.get(
    '/projects',
    { config: read, schema: { querystring: projectQuery, tags, summary: '项目台账（按数据范围，服务端筛选、排序、分页）' } },
    async (req) => listProjects(ctxOf(req, deps), req.query),
  );
  r.post(
    '/projects',
    { config: read, schema: { body: projectBody, tags, summary: '项目入库（督查室、招商主管部门）' } },
    async (req, reply) => reply.status(201).send(await createProject(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/projects/pipeline',
    { config: read, schema: { querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), tags, summary: '项目漏斗、赛道分布、目标进度、月度投资' } },
    async (req) => pipeline(ctxOf(req, deps), req.query.year),
  );
  r.get('/projects/settings', { config: read, schema: { tags, summary: '项目设置（招商主管单位、报送日、赛道、目标、控制指标表）' } }, async (req) =>
    getProjectSettings(ctxOf(req, deps)),
  );
  r.put(
    '/projects/settings',
    { config: { permission: 'projects.manage' }, schema: { body: projectSettingsSchema, tags, summary: '修改项目设置（督查室）' } },
    async (req) => setProjectSettings(ctxOf(req, deps), req.body),
  );
  r.post(
    '/projects/acceptances',
    { config: read, schema: { body: z.object({ year: z.number().int() }), tags, summary: '年度对标验收：到期项目一次验收（全部或全不）' } },
    async (req) => acceptDue(ctxOf(req, deps), req.body),
  );
  r.get(
    '/projects/export',
    {
      config: read,
      schema: { querystring: projectQuery.omit({ sort: true, page: true, pageSize: true }), tags, summary: '导出项目台账（Excel，按数据范围与筛选）' },
    },
    async (req, reply) => {
      const title = `${req.query.year ? `${req.query.year}年` : ''}重大项目台账`;
      const buf = await exportProjectLedger(ctxOf(req, deps), req.query, title);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition(`${title}.xlsx`)).send(buf);
    },
  );
  r.post(
    '/projects/import',
    {
      config: read,
      schema: {
        querystring: z.object({ year: z.coerce.number({ error: '请填写清单年度' }).int().min(2000).max(2100) }),
        tags,
        summary: '导入年度项目清单（Excel；有编号的行更新该项目，无编号的行新增；有错则全部不导入）',
      },
    },
    async (req, reply) =>
      reply.status(201).send(await importProjectLedger(ctxOf(req, deps), req.query, async () => (await oneFile(req, IMPORT_MAX_BYTES)).content)),
  );
  r.get('/projects/:id', { config: read, schema: { params: idParams, tags, summary: '项目详情、阶段、承诺、月报、时间线' } }, async (req) =>
    getProject(ctxOf(req, deps), req.params.id),
  );
  r.put(
    '/projects/:id',
    { config: read, schema: { params: idParams, body: projectBody.extend({ version: z.number().int() }), tags, summary: '修改项目（带版本号，冲突返回 409）' } },
    async (req) => editProject(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/projects/:id/stage',
    { config: read, schema: { params: idParams, body: moveBody, tags, summary: '推进、退回（督查室）或终止项目阶段' } },
    async (req) => moveStage(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/projects/:id/reports',
    { config: read, schema: { params: idParams, body: reportBody, tags, summary: '报送月度进展（责任单位；同月再报覆盖）' } },
    async (req, reply) => reply.status(201).send(await fileReport(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/projects/:id/tasks',
    { config: read, schema: { params: idParams, body: raiseBody, tags, summary: '把月报中需协调解决的问题转为督办事项' } },
    async (req, reply) => reply.status(201).send(await raiseTask(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/projects/:id/acceptance',
    { config: read, schema: { params: idParams, body: acceptBody, tags, summary: '对标验收（按需；无数据列的指标录入实际值）' } },
    async (req, reply) => reply.status(201).send(await acceptProject(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/projects/:id/files',
    { config: read, schema: { params: idParams, tags, summary: `上传项目材料（≤ ${ATTACHMENT_MAX_BYTES / 1048576} MB）` } },
    async (req, reply) =>
      reply.status(201).send(await uploadProjectFile(ctxOf(req, deps), req.params.id, () => oneFile(req, ATTACHMENT_MAX_BYTES))),
  );
  r.get(
    '/projects/:id/files/:fileId',
    { config: read, schema: { params: idParams.extend({ fileId: z.uuid() }), tags, summary: '下载项目材料' } },
    async (req, reply) => {
      const f = await downloadProjectFile(ctxOf(req, deps), req.params.id, req.params.fileId);
      return sendStoredFile(reply, f, 'file');
    },
  );
  r.get(
    '/projects/:id/pledge.docx',
    { config: read, schema: { params: idParams, tags, summary: '标准地承诺书（Word，供地后）' } },
    async (req, reply) => {
      const f = await pledgeDocx(ctxOf(req, deps), req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentDisposition(f.fileName, 'pledge.docx'))
        .send(f.docx);
    },
  );
  r.get(
    '/projects/:id/acceptances/:acceptanceId/report.pdf',
    { config: read, schema: { params: idParams.extend({ acceptanceId: z.uuid() }), tags, summary: '对标验收报告（PDF）' } },
    async (req, reply) => {
      const f = await acceptanceReportPdf(ctxOf(req, deps), req.params.id, req.params.acceptanceId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentDisposition(f.fileName, 'acceptance.pdf', 'inline'))
        .send(f.pdf);
    },
  );
  r.post(
    '/projects/:id/appeals',
    {
      config: read,
      schema: {
        params: idParams,
        tags,
        summary: `对验收结果提出申诉（multipart：acceptanceId、indicatorId、claimedValue、reason，可附证明材料 ≤ ${EVIDENCE_MAX_BYTES / 1048576} MB）`,
      },
    },
    async (req, reply) => {
      const { fields, file } = await readMultipart(req, EVIDENCE_MAX_BYTES);
      const input = parseFields(appealFields, fields);
      return reply.status(201).send(await fileProjectAppeal(ctxOf(req, deps), req.params.id, input, async () => file));
    },
  );
  const appealParams = idParams.extend({ appealId: z.uuid() });
  r.get(
    '/projects/:id/appeals/:appealId/evidence',
    { config: read, schema: { params: appealParams, tags, summary: '下载申诉证明材料' } },
    async (req, reply) => {
      const f = await projectAppealEvidence(ctxOf(req, deps), req.params.id, req.params.appealId);
      return sendStoredFile(reply, f, 'evidence');
    },
  );
  r.post(
    '/projects/:id/appeals/:appealId/accept',
    { config: read, schema: { params: appealParams, body: decisionBody, tags, summary: '采纳申诉：以申诉值重新验收（原验收保留）' } },
    async (req) => acceptProjectAppeal(ctxOf(req, deps), req.params.id, req.params.appealId, req.body),
  );
  r.post(
    '/projects/:id/appeals/:appealId/reject',
    { config: read, schema: { params: appealParams, body: decisionBody, tags, summary: '驳回申诉' } },
    async (req) => rejectProjectAppeal(ctxOf(req, deps), req.params.id, req.params.appealId, req.body),
  );
};
