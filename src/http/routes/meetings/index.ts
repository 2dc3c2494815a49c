import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { CYCLE_IDS, PRIORITY_IDS } from '../../../domain/tasks/workflow.js';
import { getUnitHints, setUnitHints } from '../../../services/meetings/hints.js';
import { MAX_REPORT_CHARS, confirmMeeting, getMeeting, listMeetings, parseReport } from '../../../services/meetings/meetings.js';
import { REPORT_EXTENSIONS, extensionOf, readReport } from '../../../services/meetings/read-report.js';
import { ctxOf } from '../../auth-hooks.js';
import { idParams, nullableText, typed, type Routes } from '../../deps.js';
import { isoDate } from '../tasks/schema.js';

const REPORT_MAX_BYTES = 5 * 1024 * 1024;
const year = z.number().int().min(1990).max(2100).optional();
const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const confirmBody = z.object({
  text: z.string().min(1).max(MAX_REPORT_CHARS),
  title: z.string().trim().min(1, '请填写会议名称').max(200),
  meeting: z.object({
    heldOn: isoDate().nullable(),
    kind: nullableText(50),
    chair: nullableText(50),
    attendees: z.array(z.string().max(50)).max(100).default([]),
    studied: z.array(z.string().max(300)).max(50).default([]),
  }),
  directives: z
    .array(
      z.object({
        groupIndex: z.number().int().min(0).default(0),
        groupTitle: nullableText(300),
        ordinal: z.number().int().min(0),
        marker: z.string().max(20),
        text: z.string().trim().min(1).max(10_000),
        span: span.nullable(),
        standard: nullableText(200),
        field: nullableText(200),
      }),
    )
    .min(1, '至少保留一条会议要求')
    .max(100),
  tasks: z
    .array(
      z.object({
        directiveIndex: z.number().int().min(0),
        title: z.string().trim().min(1, '请填写任务内容').max(300),
        requirement: z.string().trim().max(4000).default(''),
        category: nullableText(50),
        leadLeaderId: z.uuid().nullish(),
        leadUnitId: z.uuid('请为每项任务选择牵头单位'),
        coopUnitIds: z.array(z.uuid()).max(100).default([]),
        deadline: isoDate('请为每项任务填写完成时限'),
        priority: z.enum(PRIORITY_IDS).default('normal'),
        cycle: z.enum(CYCLE_IDS).default('monthly'),
        cycleDay: z.number().int().min(1).max(31).nullish(),
        milestones: z
          .array(z.object({ name: z.string().trim().min(1).max(200), plannedOn: isoDate() }))
          .max(50)
          .default([]),
        targets: z
          .array(
            z.object({
              name: z.string().trim().min(1).max(100),
              unit: z.string().max(20).default(''),
              targetValue: z.number().finite(),
            }),
          )
          .max(50)
          .default([]),
      }),
    )
    .max(200),
});

export const meetingRoutes: Routes = (app, deps) => {
  const r = typed(app);
  const tags = ['meetings'];
  r.post(
    '/meetings/parse',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        body: z.object({ text: z.string().max(MAX_REPORT_CHARS, `全文不能超过 ${MAX_REPORT_CHARS} 字`), publicationYear: year }),
        tags,
        summary: '解析会议报道（不保存）',
      },
    },
    async (req) => ({ text: req.body.text, ...(await parseReport(ctxOf(req, deps), req.body.text, req.body.publicationYear)) }),
  );
  r.post(
    '/meetings/parse-file',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        querystring: z.object({ publicationYear: z.coerce.number().int().min(1990).max(2100).optional() }),
        tags,
        summary: '上传 .txt / .docx 会议报道并解析（不保存）',
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
      const file = await req.file({ limits: { fileSize: REPORT_MAX_BYTES, files: 1 } });
      if (!file) throw new AppError(422, 'VALIDATION', '请选择要上传的文件', [{ field: 'file', message: '缺少文件' }]);
      if (!(REPORT_EXTENSIONS as readonly string[]).includes(extensionOf(file.filename))) {
        throw new AppError(422, 'VALIDATION', '请上传 .txt 或 .docx 文件', [{ field: 'file', message: '文件类型不支持' }]);
      }
      const text = await readReport(await file.toBuffer(), file.filename);
      return { text, ...(await parseReport(ctx, text, req.query.publicationYear)) };
    },
  );
  r.post(
    '/meetings',
    {
      config: { permission: 'tasks.manage' },
      schema: { body: confirmBody, tags, summary: '确认会议、会议要求与任务（任务进入督办流程）' },
    },
    async (req, reply) => reply.status(201).send(await confirmMeeting(ctxOf(req, deps), req.body)),
  );
  r.get('/meetings', { config: { permission: 'tasks.read' }, schema: { tags, summary: '会议列表' } }, async (req) => ({
    items: await listMeetings(ctxOf(req, deps)),
  }));
  r.get(
    '/meetings/unit-hints',
    { config: { permission: 'tasks.manage' }, schema: { tags, summary: '关键词 → 建议牵头单位' } },
    async (req) => ({ items: await getUnitHints(ctxOf(req, deps)) }),
  );
  r.put(
    '/meetings/unit-hints',
    {
      config: { permission: 'tasks.manage' },
      schema: {
        body: z.object({
          items: z
            .array(z.object({ keyword: z.string().trim().min(1).max(30), unitCode: z.string().trim().min(1).max(40) }))
            .max(500),
        }),
        tags,
        summary: '修改关键词 → 牵头单位对照',
      },
    },
    async (req) => ({ items: await setUnitHints(ctxOf(req, deps), req.body.items) }),
  );
  r.get(
    '/meetings/:id',
    { config: { permission: 'tasks.read' }, schema: { params: idParams, tags, summary: '会议及各条要求的推进情况' } },
    async (req) => getMeeting(ctxOf(req, deps), req.params.id),
  );
};
