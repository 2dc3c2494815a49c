/** Files the demo's founding meeting: parsed from its report, its directives stored, its demo tasks linked to them. */
import { and, eq, inArray } from 'drizzle-orm';
import { directives, meetings, taskSources, tasks } from '../../db/schema.js';
import type { Db } from '../../db/client.js';
import { parseMeetingReport } from '../../domain/meetings/parser.js';
import { localDate } from '../../domain/time/dates.js';
import { DIRECTIVE_OF_CATEGORY, MEETING_TITLE, MEETING_YEAR, meetingReport } from '../../demo/anyuan-meeting.js';
import { DEFAULT_UNIT_HINTS } from '../../demo/unit-hints.js';

export async function loadDemoMeeting(tx: Db, now: Date): Promise<{ directives: number; linked: number }> {
  const [source] = await tx
    .select({ id: taskSources.id })
    .from(taskSources)
    .where(and(eq(taskSources.kind, 'meeting'), eq(taskSources.title, MEETING_TITLE)));
  if (!source) return { directives: 0, linked: 0 };
  const text = meetingReport();
  const parsed = parseMeetingReport(text, {
    publicationYear: MEETING_YEAR,
    today: localDate(now),
    unitHints: DEFAULT_UNIT_HINTS,
  });
  await tx.update(taskSources).set({ content: text }).where(eq(taskSources.id, source.id));
  const m = parsed.meeting;
  const [meeting] = await tx
    .insert(meetings)
    .values({
      sourceId: source.id,
      heldOn: m.date,
      kind: m.kind,
      chair: m.chair,
      attendees: m.attendees,
      studied: m.studied,
      text,
    })
    .returning({ id: meetings.id });
  const byOrdinal = new Map<number, string>();
  for (const [gi, g] of parsed.groups.entries()) {
    for (const d of g.directives) {
      const [row] = await tx
        .insert(directives)
        .values({
          meetingId: meeting!.id,
          groupIndex: gi,
          groupTitle: g.title,
          ordinal: d.ordinal,
          marker: d.marker,
          text: d.text,
          spanStart: d.span.start,
          spanEnd: d.span.end,
          standard: d.standard,
          field: d.field,
        })
        .returning({ id: directives.id });
      if (gi === 0) byOrdinal.set(d.ordinal, row!.id);
    }
  }
  let linked = 0;
  for (const [category, ordinal] of Object.entries(DIRECTIVE_OF_CATEGORY)) {
    const directiveId = byOrdinal.get(ordinal);
    if (!directiveId) continue;
    const rows = await tx
      .update(tasks)
      .set({ directiveId })
      .where(and(eq(tasks.sourceId, source.id), inArray(tasks.category, [category])))
      .returning({ id: tasks.id });
    linked += rows.length;
  }
  return { directives: byOrdinal.size, linked };
}
