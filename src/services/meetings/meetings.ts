/**
 * From a meeting report to tasks: parse (nothing stored), then confirm — the meeting, its directives and the reviewed
 * draft tasks are stored in one transaction, the tasks entering the tracking workflow linked to their directive.
 */
import { and, asc, avg, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { directives, meetings, taskSources, tasks, units } from '../../db/schema.js';
import { notFound, validation } from '../../domain/errors.js';
import { parseMeetingReport } from '../../domain/meetings/parser.js';
import { localDate } from '../../domain/time/dates.js';
import { requirePermission, type Ctx } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { countWhere, isClosed } from '../dashboard/common.js';
import { taskVisibility } from '../tasks/access.js';
import { insertTask, type TaskInput } from '../tasks/write.js';
import { unitHints } from './hints.js';

export const MAX_REPORT_CHARS = 200_000;

/** Parses a report with the district's unit hints; the suggested unit codes come back with their unit ids. */
export async function parseReport(ctx: Ctx, text: string, publicationYear?: number) {
  requirePermission(ctx, 'tasks.manage');
  if (!text.trim()) throw validation([{ field: 'text', message: '请粘贴或上传会议报道全文' }]);
  if (text.length > MAX_REPORT_CHARS) throw validation([{ field: 'text', message: `全文不能超过 ${MAX_REPORT_CHARS} 字` }]);
  const parsed = parseMeetingReport(text, {
    publicationYear,
    today: localDate(ctx.clock.now()),
    unitHints: await unitHints(ctx.db),
  });
  const unitRows = await ctx.db.select({ id: units.id, code: units.code, name: units.name }).from(units);
  const byCode = new Map(unitRows.map((u) => [u.code, u]));
  return { parsed, units: Object.fromEntries([...byCode].map(([code, u]) => [code, { id: u.id, name: u.name }])) };
}

export interface ConfirmInput {
  text: string;
  title: string;
  meeting: { heldOn: string | null; kind: string | null; chair: string | null; attendees: string[]; studied: string[] };
  directives: {
    groupIndex: number;
    groupTitle: string | null;
    ordinal: number;
    marker: string;
    text: string;
    span: { start: number; end: number } | null;
    standard: string | null;
    field: string | null;
  }[];
  /** Reviewed draft tasks, each under the directive at `directiveIndex`. */
  tasks: (Omit<TaskInput, 'sourceId' | 'sourceKind'> & { directiveIndex: number })[];
}

export async function confirmMeeting(ctx: Ctx, input: ConfirmInput) {
  requirePermission(ctx, 'tasks.manage');
  const bad = input.tasks.findIndex((t) => t.directiveIndex < 0 || t.directiveIndex >= input.directives.length);
  if (bad >= 0) throw validation([{ field: `tasks.${bad}.directiveIndex`, message: '任务须归属某条会议要求' }]);
  const badSpan = input.directives.findIndex(
    (d) => d.span && (d.span.start < 0 || d.span.end > input.text.length || d.span.start >= d.span.end),
  );
  if (badSpan >= 0) throw validation([{ field: `directives.${badSpan}.span`, message: '原文位置无效' }]);
  return ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .insert(taskSources)
      .values({ kind: 'meeting', title: input.title, issuedOn: input.meeting.heldOn, content: input.text })
      .returning({ id: taskSources.id });
    const [meeting] = await tx
      .insert(meetings)
      .values({ sourceId: source!.id, ...input.meeting, text: input.text, createdBy: ctx.actor.userId })
      .returning({ id: meetings.id });
    const ids: string[] = [];
    for (const d of input.directives) {
      const [row] = await tx
        .insert(directives)
        .values({
          meetingId: meeting!.id,
          groupIndex: d.groupIndex,
          groupTitle: d.groupTitle,
          ordinal: d.ordinal,
          marker: d.marker,
          text: d.text,
          spanStart: d.span?.start ?? null,
          spanEnd: d.span?.end ?? null,
          standard: d.standard,
          field: d.field,
        })
        .returning({ id: directives.id });
      ids.push(row!.id);
    }
    const numbers: string[] = [];
    for (const t of input.tasks) {
      const { directiveIndex, ...task } = t;
      const created = await insertTask(
        tx,
        ctx,
        { ...task, sourceId: source!.id, sourceKind: 'meeting' },
        { directiveId: ids[directiveIndex]! },
      );
      numbers.push(created.number);
    }
    await recordAudit(tx, ctx, {
      action: 'meeting.confirm',
      targetType: 'meeting',
      targetId: meeting!.id,
      after: { title: input.title, directives: ids.length, tasks: numbers },
    });
    return { id: meeting!.id, sourceId: source!.id, directives: ids.length, tasks: numbers };
  });
}

export async function listMeetings(ctx: Ctx) {
  requirePermission(ctx, 'tasks.read');
  return ctx.db
    .select({
      id: meetings.id,
      sourceId: meetings.sourceId,
      title: taskSources.title,
      heldOn: meetings.heldOn,
      kind: meetings.kind,
      chair: meetings.chair,
    })
    .from(meetings)
    .innerJoin(taskSources, eq(taskSources.id, meetings.sourceId))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt));
}

/** A meeting with each directive's progress over the tasks the caller may see. */
export async function getMeeting(ctx: Ctx, id: string) {
  requirePermission(ctx, 'tasks.read');
  const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
  if (!m) throw notFound('会议');
  const [source] = await ctx.db.select().from(taskSources).where(eq(taskSources.id, m.sourceId));
  const ds = await ctx.db
    .select()
    .from(directives)
    .where(eq(directives.meetingId, id))
    .orderBy(asc(directives.groupIndex), asc(directives.ordinal));
  const progress = ds.length
    ? await ctx.db
        .select({
          directiveId: tasks.directiveId,
          n: count(),
          closed: countWhere(isClosed()),
          percent: avg(tasks.percent),
        })
        .from(tasks)
        .where(
          and(
            inArray(
              tasks.directiveId,
              ds.map((d) => d.id),
            ),
            taskVisibility(ctx.actor),
            ne(tasks.status, 'withdrawn'),
          ),
        )
        .groupBy(tasks.directiveId)
    : [];
  const by = new Map(progress.map((p) => [p.directiveId, p]));
  const seesText = ctx.actor.roles.includes('supervisor') || ctx.actor.userId === null || ctx.actor.roles.includes('leader');
  return {
    meeting: { ...m, title: source?.title ?? '', text: seesText ? m.text : null },
    directives: ds.map((d) => {
      const p = by.get(d.id);
      return {
        ...d,
        tasks: Number(p?.n ?? 0),
        closed: Number(p?.closed ?? 0),
        percent: p?.percent == null ? null : Math.round(Number(p.percent)),
      };
    }),
  };
}
