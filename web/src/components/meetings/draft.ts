// The editable draft of a parsed meeting report, and how it becomes the confirm body.
import type { Dayjs } from 'dayjs';
import type { ConfirmBody, ParseResult, Span } from '../../api/meetingTypes';
import type { Cycle, Priority } from '../../api/taskTypes';

export interface DraftTask {
  key: string;
  keep: boolean;
  title: string;
  span: Span | null;
  matchedKeyword: string | null;
  leadUnitId?: string;
  coopUnitIds: string[];
  leadLeaderId?: string;
  deadline?: Dayjs | null;
  priority: Priority;
  cycle: Cycle;
}

export interface DraftDirective {
  key: string;
  groupIndex: number;
  groupTitle: string | null;
  ordinal: number;
  marker: string;
  text: string;
  span: Span | null;
  standard: string;
  field: string;
  tasks: DraftTask[];
}

export interface Draft {
  text: string;
  title: string;
  /** While false, the title follows kind and date. */
  titleTouched: boolean;
  heldOn: string | null;
  kind: string;
  chair: string;
  attendees: string[];
  studied: string[];
  directives: DraftDirective[];
}

let seq = 0;
export const newKey = (p: string) => `${p}${++seq}`;

export function defaultTitle(kind: string, heldOn: string | null, fmt: (kind: string, date: string) => string): string {
  return kind || heldOn ? fmt(kind, heldOn ?? '') : '';
}

export function newTask(title: string, span: Span | null, leadUnitId?: string, matchedKeyword: string | null = null): DraftTask {
  return { key: newKey('t'), keep: true, title, span, matchedKeyword, leadUnitId, coopUnitIds: [], priority: 'normal', cycle: 'monthly', deadline: null };
}

export function fromParse(r: ParseResult, fmtTitle: (kind: string, date: string) => string): Draft {
  const m = r.parsed.meeting;
  const unitId = (code: string | null) => (code ? r.units[code]?.id : undefined);
  const directives: DraftDirective[] = r.parsed.groups.flatMap((g, gi) =>
    g.directives.map((d) => ({
      key: newKey('d'),
      groupIndex: gi,
      groupTitle: g.title,
      ordinal: d.ordinal,
      marker: d.marker,
      text: d.text,
      span: d.span,
      standard: d.standard ?? '',
      field: d.field ?? '',
      tasks: d.tasks.map((t) => newTask(t.text, t.span, unitId(t.suggestedUnitCode), t.matchedKeyword)),
    })),
  );
  const kind = m.kind ?? '';
  return {
    text: r.text,
    title: defaultTitle(kind, m.date, fmtTitle),
    titleTouched: false,
    heldOn: m.date,
    kind,
    chair: m.chair ?? '',
    attendees: m.attendees,
    studied: m.studied,
    directives,
  };
}

const joinSpans = (a: Span | null, b: Span | null): Span | null =>
  a && b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : (a ?? b);

/** Directive i folded into i − 1: texts joined, the span from the first start to the last end, tasks kept in order. */
export function mergeDirectiveUp(ds: DraftDirective[], i: number): DraftDirective[] {
  if (i <= 0 || i >= ds.length) return ds;
  const a = ds[i - 1]!;
  const b = ds[i]!;
  const merged: DraftDirective = {
    ...a,
    text: a.text + b.text,
    span: joinSpans(a.span, b.span),
    standard: a.standard || b.standard,
    field: a.field || b.field,
    tasks: [...a.tasks, ...b.tasks],
  };
  return [...ds.slice(0, i - 1), merged, ...ds.slice(i + 1)];
}

/** Task j of a directive merged with task j + 1: titles joined, spans joined, the first one's choices win. */
export function mergeTaskNext(tasks: DraftTask[], j: number): DraftTask[] {
  if (j < 0 || j + 1 >= tasks.length) return tasks;
  const a = tasks[j]!;
  const b = tasks[j + 1]!;
  const merged: DraftTask = {
    ...a,
    keep: a.keep || b.keep,
    title: a.title + b.title,
    span: joinSpans(a.span, b.span),
    leadUnitId: a.leadUnitId ?? b.leadUnitId,
    coopUnitIds: [...new Set([...a.coopUnitIds, ...b.coopUnitIds])],
    leadLeaderId: a.leadLeaderId ?? b.leadLeaderId,
    deadline: a.deadline ?? b.deadline,
  };
  return [...tasks.slice(0, j), merged, ...tasks.slice(j + 2)];
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The confirm body, and for each sent task the [directive, task] position it came from (to place 422 errors). */
export function toConfirm(d: Draft): { body: ConfirmBody; origin: [number, number][] } {
  const origin: [number, number][] = [];
  const tasks: ConfirmBody['tasks'] = [];
  d.directives.forEach((dir, i) =>
    dir.tasks.forEach((t, j) => {
      if (!t.keep) return;
      origin.push([i, j]);
      tasks.push({
        directiveIndex: i,
        title: t.title.trim(),
        leadUnitId: t.leadUnitId ?? '',
        coopUnitIds: t.coopUnitIds.filter((u) => u !== t.leadUnitId),
        leadLeaderId: t.leadLeaderId ?? null,
        deadline: t.deadline ? t.deadline.format('YYYY-MM-DD') : '',
        priority: t.priority,
        cycle: t.cycle,
      });
    }),
  );
  const body: ConfirmBody = {
    text: d.text,
    title: d.title.trim(),
    meeting: { heldOn: d.heldOn, kind: orNull(d.kind), chair: orNull(d.chair), attendees: d.attendees, studied: d.studied },
    directives: d.directives.map((x) => ({
      groupIndex: x.groupIndex,
      groupTitle: x.groupTitle,
      ordinal: x.ordinal,
      marker: x.marker,
      text: x.text.trim(),
      span: x.span,
      standard: orNull(x.standard),
      field: orNull(x.field),
    })),
    tasks,
  };
  return { body, origin };
}

/** A [directive, task] pair named by a 422 field such as tasks.3.leadUnitId. */
export function taskOfField(field: string, origin: [number, number][]): [number, number] | null {
  const m = /^(?:body\.)?tasks\.(\d+)\./.exec(field);
  return m ? (origin[Number(m[1])] ?? null) : null;
}
