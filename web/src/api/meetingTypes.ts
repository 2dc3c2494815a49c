// Types of /api/meetings (see src/domain/meetings/types.ts and src/http/routes/meetings).
import type { Cycle, Priority } from './taskTypes';

export interface Span {
  start: number;
  end: number;
}

export interface ParsedTask {
  text: string;
  span: Span;
  verb: string | null;
  suggestedUnitCode: string | null;
  matchedKeyword: string | null;
}

export interface ParsedDirective {
  ordinal: number;
  marker: string;
  text: string;
  span: Span;
  standard: string | null;
  standardSpan: Span | null;
  field: string | null;
  fieldSpan: Span | null;
  tasks: ParsedTask[];
}

export interface ParsedClosingItem {
  text: string;
  span: Span;
  topic: string | null;
  suggestedUnitCode: string | null;
  matchedKeyword: string | null;
}

export interface ParsedMeeting {
  meeting: {
    date: string | null;
    kind: string | null;
    chair: string | null;
    chairTitle: string | null;
    attendees: string[];
    studied: string[];
    span: Span | null;
  };
  groups: { title: string | null; directives: ParsedDirective[] }[];
  closingItems: ParsedClosingItem[];
  warnings: string[];
}

/** POST /meetings/parse and /meetings/parse-file. */
export interface ParseResult {
  text: string;
  parsed: ParsedMeeting;
  units: Record<string, { id: string; name: string }>;
}

export interface ConfirmBody {
  text: string;
  title: string;
  meeting: { heldOn: string | null; kind: string | null; chair: string | null; attendees: string[]; studied: string[] };
  directives: {
    groupIndex: number;
    groupTitle: string | null;
    ordinal: number;
    marker: string;
    text: string;
    span: Span | null;
    standard: string | null;
    field: string | null;
  }[];
  tasks: {
    directiveIndex: number;
    title: string;
    requirement?: string;
    leadUnitId: string;
    coopUnitIds?: string[];
    leadLeaderId?: string | null;
    deadline: string;
    priority?: Priority;
    cycle?: Cycle;
  }[];
}

export interface ConfirmResult {
  id: string;
  sourceId: string;
  /** How many directives were saved. */
  directives: number;
  /** The numbers of the created tasks. */
  tasks: string[];
}

export interface MeetingListItem {
  id: string;
  sourceId: string;
  title: string;
  heldOn: string | null;
  kind: string | null;
  chair: string | null;
}

export interface MeetingDirective {
  id: string;
  groupIndex: number;
  groupTitle: string | null;
  ordinal: number;
  marker: string;
  text: string;
  spanStart: number | null;
  spanEnd: number | null;
  standard: string | null;
  field: string | null;
  tasks: number;
  closed: number;
  percent: number | null;
}

export interface MeetingDetail {
  meeting: {
    id: string;
    sourceId: string;
    title: string;
    heldOn: string | null;
    kind: string | null;
    chair: string | null;
    attendees: string[];
    studied: string[];
    text: string | null;
    createdAt: string;
  };
  directives: MeetingDirective[];
}

export interface UnitHint {
  keyword: string;
  unitCode: string;
}
