/**
 * Scoring the parser against labelled reports (the corpus in test/meetings/corpus, the seed): pure, no I/O; shared by
 * `npm run eval:meetings` (scripts/eval-meetings.ts) and test/meetings/eval.test.ts.
 *
 * A label is the exact text that starts right after a top-level directive's marker. It is normalised as the parser
 * normalises the report (NormText: full/half width, whitespace) and located in the normalised report, each label
 * searched after the previous one (labels are in text order, so equal labels find successive places). A predicted
 * directive matches a label when the label's place lies inside the directive's span, at most MATCH_REACH normalised
 * characters after the directive's start (its marker included); each label and each prediction match at most once.
 * Both the parser's spans and the labels' places are compared in the normalised text's coordinates (the spans are
 * mapped back through NormText.map).
 */
import { NormText } from './normalize.js';
import type { ParsedMeeting } from './types.js';

/** How far after a directive's start its label may begin: a marker (第十一、) plus a short lead-in. */
export const MATCH_REACH = 30;

export interface LabelledReport {
  id: string;
  text: string;
  /** The text right after each top-level directive's marker, in text order. */
  directives: string[];
}

export interface ReportScore {
  id: string;
  labelled: number;
  predicted: number;
  found: number;
  /** Labels no prediction matched (those not even found in the text are marked so). */
  misses: string[];
  /** The first characters of each prediction that matched no label. */
  extras: string[];
}

export interface CorpusScore {
  reports: number;
  labelled: number;
  predicted: number;
  found: number;
  recall: number;
  precision: number;
}

/** The normalised text without its paragraph breaks, and each character's index in the normalised text. */
function flat(s: string): { s: string; at: number[] } {
  const at: number[] = [];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n') continue;
    out += s[i];
    at.push(i);
  }
  return { s: out, at };
}

/** The normalised index of original offset `o` (the first normalised character at or after it). */
function normIndex(t: NormText, o: number): number {
  let lo = 0;
  let hi = t.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.map[mid] as number) >= o) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function scoreReport(report: LabelledReport, parsed: ParsedMeeting): ReportScore {
  const t = new NormText(report.text);
  const body = flat(t.s);
  // where each label begins in the normalised text (-1: not in the text)
  let from = 0;
  const places = report.directives.map((label) => {
    const needle = flat(new NormText(label).s).s;
    const k = needle.length > 0 ? body.s.indexOf(needle, from) : -1;
    if (k < 0) return -1;
    from = k + 1;
    return body.at[k] as number;
  });
  const predictions = parsed.groups
    .flatMap((g) => g.directives)
    .map((d) => ({ start: normIndex(t, d.span.start), end: normIndex(t, d.span.end), text: d.text }));
  const used = new Set<number>();
  const misses: string[] = [];
  places.forEach((p, li) => {
    const label = report.directives[li] as string;
    if (p < 0) {
      misses.push(`${label}（标注未在原文中找到）`);
      return;
    }
    const k = predictions.findIndex((d, pi) => !used.has(pi) && d.start <= p && p < d.end && p - d.start <= MATCH_REACH);
    if (k < 0) misses.push(label);
    else used.add(k);
  });
  const extras = predictions.filter((_, pi) => !used.has(pi)).map((d) => d.text.replace(/\s+/g, '').slice(0, 24));
  return {
    id: report.id,
    labelled: report.directives.length,
    predicted: predictions.length,
    found: used.size,
    misses,
    extras,
  };
}

export function totals(scores: ReportScore[]): CorpusScore {
  const labelled = scores.reduce((n, s) => n + s.labelled, 0);
  const predicted = scores.reduce((n, s) => n + s.predicted, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  return {
    reports: scores.length,
    labelled,
    predicted,
    found,
    recall: labelled === 0 ? 1 : found / labelled,
    precision: predicted === 0 ? (labelled === 0 ? 1 : 0) : found / predicted,
  };
}

/** The seed's six directives (安源区 2022-02-11), each as written after its marker 第一 … 第六. */
export const SEED_DIRECTIVES: readonly string[] = [
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把政治方向、政治标准贯穿到政府工作的每一个方面',
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把争先领跑、实绩标准贯穿到经济工作的每一个领域',
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把招大引强、亩均标准贯穿到工业强区的每一个项目',
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把民生实事、“四精”标准贯穿到城市发展的每一个网格',
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把融合发展、秀美标准贯穿到城乡融合的每一个板块',
  '深入学习领会“敢为人先、争当标杆”重要遵循，要把干净干事、勤廉标准贯穿到政府系统的每一名干部中',
];
