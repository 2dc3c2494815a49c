/**
 * The meeting-report parser: a news-style report (as pasted, or read from .txt/.docx) → the meeting's facts, its
 * directives in groups with their draft tasks and suggested lead units, and the closing items. Pure and
 * deterministic, no network, no I/O; linear in the text apart from bounded look-ahead. Matching runs on a normalised
 * copy (full/half width, whitespace); every span points into the original string.
 *
 * The pieces: normalize.ts (the normalised view and its map back), enumerations.ts (numbered requirements and their
 * nesting), measures.ts (draft tasks, standard → field, unenumerated requirements, unit hints), meeting-facts.ts
 * (date, kind, chair, attendees, studied, group titles, closing items).
 */
import { INLINE_STYLES, itemRange, resolveEnumerations, type Marker, type Sequence } from './enumerations.js';
import {
  clauseHead,
  extractTasks,
  looseRequirements,
  prepareHints,
  standardAndField,
  suggestUnit,
  type PreparedHint,
  type RawTask,
  type SubPoint,
} from './measures.js';
import {
  closingItems,
  groupTitle,
  meetingSentence,
  readAttendees,
  readChair,
  readDate,
  readKind,
  studyItems,
  studyObjects,
  type Range,
} from './meeting-facts.js';
import { NormText } from './normalize.js';
import type { ClosingItem, Directive, DirectiveGroup, DraftTask, MeetingFacts, ParsedMeeting, ParseOptions } from './types.js';

export type * from './types.js';

const NO_REQUIREMENTS = '未识别出任何要求：既没有编号条目（第一、一是、（一）、1. ……），也没有“要……”的句子';

function draftTask(t: NormText, raw: RawTask, hints: PreparedHint[]): DraftTask {
  const hint = suggestUnit(t.s.slice(raw.start, raw.end), hints);
  return {
    text: t.text(raw.start, raw.end),
    span: t.span(raw.start, raw.end),
    verb: raw.verb,
    suggestedUnitCode: hint?.unitCode ?? null,
    matchedKeyword: hint?.keyword ?? null,
  };
}

/** A directive over normalised [a, b) whose content starts at `contentStart`. */
function directive(
  t: NormText,
  [a, b]: Range,
  contentStart: number,
  head: { ordinal: number; marker: string; itemIsMeasure: boolean },
  subPoints: SubPoint[],
  hints: PreparedHint[],
): Directive {
  const headingEnd = t.sentenceEnd(contentStart, b);
  const sf = standardAndField(t, contentStart, headingEnd);
  // a heading states the directive rather than a task: “要把 X 贯穿到 Y”, a title over sub-points, a title on its own line
  const headingIsTitle = sf !== null || subPoints.length > 0 || (!head.itemIsMeasure && t.s[headingEnd] === '\n');
  const body = headingIsTitle && headingEnd < b ? extractTasks(t, headingEnd + 1, b, subPoints, false) : [];
  let tasks = body.length > 0 ? body : extractTasks(t, contentStart, b, subPoints, head.itemIsMeasure);
  if (tasks.length === 0) {
    // nothing drives a measure: the item's first sentence is its one draft task
    const [x, y] = t.trim(contentStart, headingEnd, ',;:、');
    const h = clauseHead(t.s, x, y);
    if (y - h.textStart >= 2) tasks = [{ start: h.textStart, end: y, verb: h.verb }];
  }
  return {
    ordinal: head.ordinal,
    marker: head.marker,
    text: t.text(a, b),
    span: t.span(a, b),
    standard: sf ? t.text(...sf.standard) : null,
    standardSpan: sf ? t.span(...sf.standard) : null,
    field: sf ? t.text(...sf.field) : null,
    fieldSpan: sf ? t.span(...sf.field) : null,
    tasks: tasks.map((raw) => draftTask(t, raw, hints)),
  };
}

/** The parts of [0, length) outside the given sorted ranges. */
function complement(ranges: Range[], length: number): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < length) out.push([at, length]);
  return out;
}

function emptyFacts(): MeetingFacts {
  return {
    date: null,
    kind: null,
    chair: null,
    chairTitle: null,
    attendees: [],
    studied: [],
    span: null,
    spans: { date: null, kind: null, chair: null, attendees: [], studied: [] },
  };
}

export function parseMeetingReport(text: string, opts: ParseOptions): ParsedMeeting {
  const t = new NormText(text);
  if (t.length === 0) return { meeting: emptyFacts(), groups: [], closingItems: [], warnings: ['文本为空'] };
  const warnings: string[] = [];
  const hints = prepareHints(opts.unitHints);

  // requirements: the enumerations, or else the 要… sentences
  const groups: DirectiveGroup[] = [];
  const groupRanges: Range[][] = [];
  const enumeration = resolveEnumerations(t);
  if (enumeration.groups.length > 0) {
    const subMarkers = enumeration.nested.flatMap((q) => q.markers).sort((x, y) => x.start - y.start);
    for (const g of enumeration.groups) {
      const ranges = g.markers.map((_, k) => itemRange(t, g, k));
      const directives = g.markers.map((m, k) => {
        const range = ranges[k] as Range;
        const subs = markersIn(subMarkers, m.contentStart, range[1]);
        const head = { ordinal: k + 1, marker: t.text(m.start, m.labelEnd), itemIsMeasure: INLINE_STYLES.has(g.style) };
        return directive(t, range, m.contentStart, head, subs, hints);
      });
      groups.push({ title: null, directives });
      groupRanges.push(ranges);
    }
    warnStrays(t, enumeration.groups, groupRanges, enumeration.strays, warnings);
  } else {
    // after the sentence that opens the meeting (召开/主持), if there is one
    const opening = meetingSentence(t, 0, t.length);
    const from = opening && /召开|主持/.test(t.s.slice(...opening)) ? opening[1] : 0;
    const ranges = looseRequirements(t, from, t.length);
    if (ranges.length > 0) {
      const head = (k: number) => ({ ordinal: k + 1, marker: '', itemIsMeasure: false });
      groups.push({ title: null, directives: ranges.map((r, k) => directive(t, r, r[0], head(k), [], hints)) });
      groupRanges.push(ranges);
    }
  }
  if (groups.length === 0) warnings.push(NO_REQUIREMENTS);

  // where the requirements are not
  const all = groupRanges.flat();
  const firstStart = all[0]?.[0] ?? t.length;
  const lastEnd = all.at(-1)?.[1] ?? t.length;
  const outside = complement(all, t.length);
  groupRanges.forEach((ranges, g) => {
    const gapStart = g === 0 ? 0 : ((groupRanges[g - 1] as Range[]).at(-1) as Range)[1];
    (groups[g] as DirectiveGroup).title = groupTitle(t, gapStart, (ranges[0] as Range)[0]);
  });

  // the meeting
  const preamble: Range = [0, firstStart];
  const opening = meetingSentence(t, 0, firstStart);
  const places = opening ? [opening, preamble] : [preamble];
  const date = readDate(t, places, opts.publicationYear, opts.today, warnings);
  const kind = readKind(t, places, warnings);
  const chair = readChair(t, preamble, warnings);
  const attendees = readAttendees(t, outside, chair.chair);
  const studiedRanges = outside.flatMap(([a, b]) => studyObjects(t, a, b)).flatMap((o) => studyItems(t, o));
  const meeting: MeetingFacts = {
    date: date.date,
    kind: kind.kind,
    chair: chair.chair,
    chairTitle: chair.title,
    attendees: attendees.names,
    studied: studiedRanges.map(([a, b]) => t.text(a, b)),
    span: opening ? t.span(...opening) : null,
    spans: {
      date: date.span,
      kind: kind.span,
      chair: chair.span,
      attendees: attendees.spans,
      studied: studiedRanges.map(([a, b]) => t.span(a, b)),
    },
  };

  const closing: ClosingItem[] =
    groups.length === 0
      ? []
      : closingItems(t, lastEnd, t.length).map(({ range, topic }) => {
          const hint = suggestUnit(t.s.slice(...(topic ?? range)), hints) ?? suggestUnit(t.s.slice(...range), hints);
          return {
            text: t.text(...range),
            span: t.span(...range),
            topic: topic ? t.text(...topic) : null,
            suggestedUnitCode: hint?.unitCode ?? null,
            matchedKeyword: hint?.keyword ?? null,
          };
        });

  return { meeting, groups, closingItems: closing, warnings };
}

/** The markers of sorted `markers` starting in [a, b). */
function markersIn(markers: Marker[], a: number, b: number): Marker[] {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as Marker).start >= a) hi = mid;
    else lo = mid + 1;
  }
  const out: Marker[] = [];
  for (let i = lo; i < markers.length && (markers[i] as Marker).start < b; i++) out.push(markers[i] as Marker);
  return out;
}

/** A marker of a group's style inside one of its items that does not follow the numbering (one sweep). */
function warnStrays(t: NormText, groups: Sequence[], groupRanges: Range[][], strays: Marker[], warnings: string[]): void {
  const items = groups.flatMap((g, gi) => (groupRanges[gi] as Range[]).map((range, k) => ({ g, k, range })));
  let i = 0;
  for (const m of [...strays].sort((x, y) => x.start - y.start)) {
    while (i < items.length && (items[i] as (typeof items)[number]).range[1] <= m.start) i++;
    const item = items[i];
    if (!item || item.range[0] >= m.start || item.g.style !== m.style) continue;
    const owner = item.g.markers[item.k] as Marker;
    warnings.push(
      `“${t.text(m.start, m.labelEnd)}”与前后编号不连续，未单列为一条要求（并入第 ${item.k + 1} 条“${t.text(owner.start, owner.labelEnd)}”）`,
    );
  }
}
