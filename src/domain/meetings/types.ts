/** What the meeting-report parser returns. Every span is [start, end) in UTF-16 code units of the original text. */

export interface Span {
  start: number;
  end: number;
}

/** Keyword → suggested lead unit: data the administrator edits, passed to the parser. */
export interface UnitHint {
  keyword: string;
  unitCode: string;
}

export interface ParseOptions {
  /** The year of publication, to resolve “2月11日”; today's year when absent. */
  publicationYear?: number;
  /** YYYY-MM-DD. */
  today: string;
  unitHints: UnitHint[];
}

export interface MeetingFacts {
  /** YYYY-MM-DD. */
  date: string | null;
  /** 党组会议, 常务会议 … */
  kind: string | null;
  chair: string | null;
  /** The chair's title as written right before the name (区长, 副区长 …). */
  chairTitle: string | null;
  attendees: string[];
  /** The documents and speeches studied (传达学习 …). */
  studied: string[];
  /** The sentence that opens the meeting (date, kind, chair). */
  span: Span | null;
  /** Where each fact was read; `attendees` and `studied` run parallel to the lists above. */
  spans: { date: Span | null; kind: Span | null; chair: Span | null; attendees: Span[]; studied: Span[] };
}

export interface DraftTask {
  text: string;
  span: Span;
  /** The word that drives the measure (要, 加快, 抓紧, 力争, 全面实施, 打造 …); null for an enumerated sub-point without one. */
  verb: string | null;
  suggestedUnitCode: string | null;
  matchedKeyword: string | null;
}

export interface Directive {
  /** 1, 2, 3 … within its group. */
  ordinal: number;
  /** The enumerator as written, without its separator: 第三, 一是, 一要, （一）, 1, 首先; '' for an unenumerated requirement. */
  marker: string;
  text: string;
  span: Span;
  /** “要把 X 贯穿到 Y”: X (e.g. 招大引强、亩均标准). */
  standard: string | null;
  standardSpan: Span | null;
  /** … Y (e.g. 工业强区的每一个项目). */
  field: string | null;
  fieldSpan: Span | null;
  tasks: DraftTask[];
}

export interface DirectiveGroup {
  /** The document or speech the enumeration answers to, when the text names it. */
  title: string | null;
  directives: Directive[];
}

export interface ClosingItem {
  text: string;
  span: Span;
  /** What the item is about (安全生产, 各自分管线2022年重点工作 …), when it can be read. */
  topic: string | null;
  suggestedUnitCode: string | null;
  matchedKeyword: string | null;
}

export interface ParsedMeeting {
  meeting: MeetingFacts;
  groups: DirectiveGroup[];
  closingItems: ClosingItem[];
  warnings: string[];
}
