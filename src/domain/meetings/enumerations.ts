/**
 * Enumerations: the numbered requirements of a report, whatever the style (第一、 一是 一要 （一） 一、 1. （1） ①
 * 首先/其次/最后), how they nest, and where each item ends.
 *
 * A marker counts only where a clause may begin (text start, after 。；，： or a line break, right after 强调/要求 …)
 * and outside quotations. Markers form a series when their ordinals run 1, 2, 3 … in one family (see
 * `buildSequences`); a new 1 opens a series inside the open ones. A series inside one item of another is nested (its
 * items become sub-points); one after the last marker of a series of another rank (一、 > 第一 > （一） > 一是/1. >
 * （1） > ①) is nested in that last item, unless a closing sentence (会议还……, 会上……, 此外……, a speaker's lead-in,
 * a reporting or attendance line, a 【】 line) comes first. hierarchy.ts then picks the directive level among the
 * top-level series. All patterns here are anchored and bounded.
 */
import { directiveLevel, isSpeakerLeadIn } from './hierarchy.js';
import { hasModal } from './measures.js';
import { chineseNumber, type NormText } from './normalize.js';

export type MarkerStyle = 'cnComma' | 'di' | 'parenCn' | 'shi' | 'yao' | 'digit' | 'parenDigit' | 'circled' | 'sequence';

export interface Marker {
  style: MarkerStyle;
  ordinal: number;
  /** Normalised offsets: marker start, end of its word (without separator), start of the item's content. */
  start: number;
  labelEnd: number;
  contentStart: number;
  /** For 首先/其次/再次/最后. */
  word: string;
}

export interface Sequence {
  style: MarkerStyle;
  markers: Marker[];
  parent: { seq: Sequence; item: number } | null;
  /** Normalised end of the last item. */
  lastEnd: number;
}

const RANK: Record<MarkerStyle, number> = {
  cnComma: 0,
  di: 1,
  parenCn: 2,
  shi: 3,
  yao: 3,
  digit: 3,
  sequence: 3,
  parenDigit: 4,
  circled: 5,
};

/** Styles whose item is itself a measure (its first clause is a draft task even without a driving word). */
export const INLINE_STYLES: ReadonlySet<MarkerStyle> = new Set(['shi', 'yao', 'digit', 'sequence', 'parenDigit', 'circled']);

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: [MarkerStyle, RegExp][] = [
  ['di', new RegExp(`第(${CN})(?:()[、,:.]|(是|要(?![求素点]))[,:]?)`, 'y')],
  ['parenCn', new RegExp(`\\((${CN})\\)()[、,:.]?`, 'y')],
  ['cnComma', new RegExp(`(${CN})()[、.]`, 'y')],
  ['shi', new RegExp(`(${CN})(是)`, 'y')],
  ['yao', new RegExp(`(${CN})(要)(?![求素点])`, 'y')],
  ['parenDigit', /\(?(\d{1,2})()\)[、,:.]?/y],
  ['digit', /(\d{1,2})()[.、](?!\d)/y],
  ['circled', /([\u2460-\u2473])()[、,:.]?/y],
  ['sequence', /(首先|其次|再次|再者|最后)()[,:]?/y],
];

const SPEECH_BEFORE = /^(?:强调|指出|要求|提出|表示)$/;

/** Every marker candidate, in text order. */
export function findMarkers(t: NormText): Marker[] {
  const out: Marker[] = [];
  const s = t.s;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (!'第(一二三四五六七八九十0123456789首其再最'.includes(c) && !(c >= '\u2460' && c <= '\u2473')) continue;
    // a clause start, or right after a verb of speech (会议要求一是……)
    if (!t.startsClause(i) && !(i >= 2 && !t.guarded[i] && SPEECH_BEFORE.test(s.slice(i - 2, i)))) continue;
    for (const [style, re] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(s);
      if (!m) continue;
      const word = m[1] as string;
      // 最后 only as 最后，/最后要/最后是 (not 最后一公里)
      if (word === '最后' && re.lastIndex === i + 2 && !'要是'.includes(s[i + 2] ?? '-')) continue;
      const ordinal =
        style === 'circled'
          ? word.charCodeAt(0) - 0x2460 + 1
          : style === 'digit' || style === 'parenDigit'
            ? Number(word)
            : style === 'sequence'
              ? 0
              : chineseNumber(word);
      if (!(ordinal >= 0) || (style !== 'sequence' && ordinal < 1)) continue;
      const labelEnd =
        style === 'parenCn' || style === 'parenDigit'
          ? s.indexOf(')', i) + 1
          : i + (style === 'di' ? 1 : 0) + word.length + (m[2] ?? '').length + (m[3] ?? '').length;
      out.push({ style, ordinal, start: i, labelEnd, contentStart: re.lastIndex, word });
      break;
    }
  }
  return out;
}

/** Styles that continue one another in a series: 一是/二要/三是 are one series, as are 首先 + 第二/二是 and 首先/其次/最后. */
type Family = 'di' | 'cnComma' | 'parenCn' | 'shiYao' | 'digit' | 'parenDigit' | 'circled' | 'sequence';
const FAMILY: Record<MarkerStyle, Family> = {
  di: 'di',
  cnComma: 'cnComma',
  parenCn: 'parenCn',
  shi: 'shiYao',
  yao: 'shiYao',
  digit: 'digit',
  parenDigit: 'parenDigit',
  circled: 'circled',
  sequence: 'sequence',
};
/** How many open series (innermost first) a marker may continue: bounded look-back. */
const OPEN_REACH = 8;

interface Run {
  markers: Marker[];
  /** The numbered family the series follows; 'sequence' while it holds only 首先/其次/再次. */
  family: Family;
}

/** Whether `m` continues `run`: the next number in the run's family, or a sequence word where one fits. */
function continues(run: Run, m: Marker): boolean {
  const lastM = run.markers.at(-1) as Marker;
  if (lastM.style === 'sequence' && lastM.word === '最后') return false;
  if (m.style === 'sequence') {
    if (m.word === '首先') return false;
    // 最后 ends a series of any kind; 其次/再次/再者 follow only 首先 (and one another)
    return m.word === '最后' || run.family === 'sequence';
  }
  if (m.ordinal !== run.markers.length + 1) return false;
  if (run.family === 'sequence') return FAMILY[m.style] === 'di' || FAMILY[m.style] === 'shiYao';
  return FAMILY[m.style] === run.family;
}

/**
 * Series of markers numbered 1, 2, 3 … (at least two). A marker continues the innermost open series it fits (one of
 * its own style first), which closes the series opened inside that series' previous item; a 1 (or 首先) opens a new
 * series inside the open ones. 首先 may be followed by 其次/再次/最后 or by 第二/二是/二要 …; 最后 also ends a numbered
 * series (not when it introduces a speaker or the meeting again: see `isClosingSentence`).
 */
export function buildSequences(markers: Marker[], t?: NormText): { sequences: Sequence[]; strays: Marker[] } {
  const open: Run[] = [];
  const runs: Run[] = [];
  const strays: Marker[] = [];
  // the report moving on to the meeting again (会议还……, 会上……) closes every series under way
  const moves = t ? t.sentences(0, t.length).map(([a]) => a).filter((a) => MOVES_ON.test(t.s.slice(a, a + 8))) : [];
  let mv = 0;
  for (const m of markers) {
    while (mv < moves.length && (moves[mv] as number) <= m.start) {
      open.length = 0;
      mv++;
    }
    if (m.style === 'sequence' && m.word === '最后' && t && (isClosingSentence(t, m.start) || isSpeakerLeadIn(t, m.contentStart)))
      continue;
    let at = -1;
    const floor = Math.max(0, open.length - OPEN_REACH);
    // 最后 closes the outermost series under way (two items at least) rather than one inside its last item
    if (m.style === 'sequence' && m.word === '最后')
      for (let i = floor; i < open.length && at < 0; i++) if ((open[i] as Run).markers.length >= 2 && continues(open[i] as Run, m)) at = i;
    for (let i = open.length - 1; at < 0 && i >= floor; i--) {
      const run = open[i] as Run;
      if (!continues(run, m)) continue;
      at = i;
      // one of its own style first, deeper in the chain
      for (let j = i; j >= floor; j--) {
        const r = open[j] as Run;
        if ((r.markers.at(-1) as Marker).style === m.style && continues(r, m)) {
          at = j;
          break;
        }
      }
    }
    if (at >= 0) {
      const run = open[at] as Run;
      open.length = at + 1;
      run.markers.push(m.style === 'sequence' ? { ...m, ordinal: run.markers.length + 1 } : m);
      if (run.family === 'sequence' && m.style !== 'sequence') run.family = FAMILY[m.style];
      continue;
    }
    if (m.ordinal === 1 || (m.style === 'sequence' && m.word === '首先')) {
      const run: Run = { markers: [{ ...m, ordinal: 1 }], family: FAMILY[m.style] };
      runs.push(run);
      open.push(run);
    } else strays.push(m);
  }
  const sequences: Sequence[] = [];
  for (const run of runs) {
    if (run.markers.length >= 2) {
      const style = (run.markers.find((m) => m.style !== 'sequence') ?? (run.markers[0] as Marker)).style;
      sequences.push({ style, markers: run.markers, parent: null, lastEnd: 0 });
    } else strays.push(...run.markers.filter((m) => m.style === 'sequence'));
  }
  sequences.sort((a, b) => first(a).start - first(b).start);
  return { sequences, strays };
}

const first = (q: Sequence) => q.markers[0] as Marker;
const last = (q: Sequence) => q.markers.at(-1) as Marker;

const MOVES_ON = /^(?:会议|会上|此外|另外|同时,会议|最后,会议|【)/;

/** A sentence that closes the enumeration before it: the report moves on (to the meeting, or to another speaker). */
export function isClosingSentence(t: NormText, at: number): boolean {
  if (MOVES_ON.test(t.s.slice(at, at + 8))) return true;
  if (isSpeakerLeadIn(t, at)) return true;
  const sentence = t.s.slice(at, t.sentenceEnd(at, Math.min(t.length, at + 200)));
  if (hasModal(sentence) || /必须|务必/.test(sentence)) return false;
  // an attendance line, or someone reporting to the meeting (李四传达了……, 副区长作了……报告, ……主持会议)
  return (
    /(?:出席|列席|参加)了?(?:会议|本次会议)/.test(sentence) ||
    /^[^,;:]{2,24}?(?:传达|通报|汇报|介绍|宣读|解读|总结)了|^[^,;:]{2,24}?作了[^,;:]{0,24}(?:讲话|报告|发言)|主持会议/.test(sentence)
  );
}

/** Starts of the sentences that close an enumeration, in text order (one pass over the text). */
function closingStarts(t: NormText): number[] {
  return t
    .sentences(0, t.length)
    .map(([a]) => a)
    .filter((a) => isClosingSentence(t, a));
}

/** The first element of sorted `xs` greater than x, or undefined. */
function firstAfter(xs: number[], x: number): number | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return xs[lo];
}

/**
 * Where the last item of `q` ends, within `limit`: for items within one sentence (一是……；二是……。) at that sentence's
 * end, otherwise where a closing sentence begins.
 */
function lastItemEnd(t: NormText, q: Sequence, limit: number, closings: number[]): number {
  const lastMarker = last(q);
  const inline = t.sentenceEnd(first(q).start, lastMarker.start) === lastMarker.start;
  const end = t.sentenceEnd(lastMarker.contentStart, limit);
  if (inline) return end < limit && t.s[end] !== '\n' ? end + 1 : end;
  return Math.min(firstAfter(closings, end) ?? limit, limit);
}

function itemEnd(q: Sequence, item: number): number {
  return item < q.markers.length - 1 ? (q.markers[item + 1] as Marker).start : q.lastEnd;
}

export interface Enumeration {
  /** Top-level sequences, in text order: the directive groups. */
  groups: Sequence[];
  /** All nested sequences. */
  nested: Sequence[];
  strays: Marker[];
}

/**
 * Decides which sequences are top-level groups and which are nested, and where every last item ends. The sequences
 * still open at a point form a chain (outermost first), so each is placed against that chain only.
 */
export function resolveEnumerations(t: NormText): Enumeration {
  const { sequences, strays } = buildSequences(findMarkers(t), t);
  const closings = closingStarts(t);
  const groups: Sequence[] = [];
  const nested: Sequence[] = [];
  const chain: Sequence[] = [];
  for (const q of sequences) {
    const start = first(q).start;
    while (chain.length > 0 && (chain.at(-1) as Sequence).lastEnd <= start) chain.pop();
    let placed: 'top' | 'nested' | 'rejected' = 'top';
    let depth = 0;
    for (let a = chain.length - 1; a >= 0; a--) {
      const outer = chain[a] as Sequence;
      let k = -1;
      while (k + 1 < outer.markers.length && (outer.markers[k + 1] as Marker).start < start) k++;
      if (k < 0) continue;
      if (k < outer.markers.length - 1) {
        placed = last(q).start < (outer.markers[k + 1] as Marker).start ? 'nested' : 'rejected';
      } else if (start < outer.lastEnd && RANK[q.style] !== RANK[outer.style]) placed = 'nested';
      else continue;
      q.parent = { seq: outer, item: k };
      depth = a + 1;
      break;
    }
    if (placed === 'rejected') continue;
    const limit = q.parent ? itemEnd(q.parent.seq, q.parent.item) : t.length;
    q.lastEnd = lastItemEnd(t, q, limit, closings);
    chain.length = placed === 'top' ? 0 : depth;
    chain.push(q);
    (placed === 'top' ? groups : nested).push(q);
  }
  const level = directiveLevel(t, groups, nested);
  groups.length = 0;
  groups.push(...level.groups);
  // a group's last item stops where the sentence leading into the next group begins
  for (let g = 0; g + 1 < groups.length; g++) {
    const here = groups[g] as Sequence;
    const next = first(groups[g + 1] as Sequence).start;
    here.lastEnd = Math.min(here.lastEnd, Math.max(last(here).contentStart, t.sentenceStart(next)));
  }
  return { groups, nested: level.nested, strays };
}

/** The normalised [start, end) of item `item` of a sequence, trimmed of trailing separators. */
export function itemRange(t: NormText, q: Sequence, item: number): [number, number] {
  return t.trim((q.markers[item] as Marker).start, itemEnd(q, item), ',;:、');
}
