/**
 * The normalised view of a report that every matcher works on, and the way back to the original text.
 *
 * Full-width ASCII (，；：（）１．) becomes half-width, whitespace is dropped (a run holding a line break becomes one
 * '\n', a paragraph boundary), zero-width characters vanish. `map[i]` is the original offset of normalised character
 * i, so every span is reported against the original string. Punctuation inside a quotation, a book title or
 * parentheses (“…”, 《…》, (…), 【…】) is "guarded": it never splits sentences or clauses.
 */
import type { Span } from './types.js';

const NEWLINES = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
const SPACES = new Set([0x09, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]);
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]);
const HALFWIDTH_CJK: Record<string, string> = { '\uff61': '。', '\uff64': '、', '\uff62': '「', '\uff63': '」' };

/** Openers and their closers; a pair is only recognised within GUARD_REACH characters on one line. */
const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '(': ')',
  '【': '】',
  '"': '"',
};
const GUARD_REACH = 120;

/** Sentence ends, clause ends within a sentence, clause separators. */
export const SENTENCE_END = '。!?\n';
export const SEMI = ';';
export const COMMA = ',:';

export type Cut = 'sentence' | 'semi' | 'comma';

export class NormText {
  /** The normalised text. */
  readonly s: string;
  /** Normalised index → original index. */
  readonly map: Int32Array;
  /** 1 where a character lies inside a recognised pair (its punctuation does not cut). */
  readonly guarded: Uint8Array;
  /** For each i: the first sentence end at or after i (or the length); the last one before i (or -1). */
  private readonly nextEnd: Int32Array;
  private readonly prevEnd: Int32Array;

  constructor(readonly original: string) {
    const out: string[] = [];
    const map: number[] = [];
    let pendingBreak = -1;
    for (let i = 0; i < original.length; i++) {
      const code = original.charCodeAt(i);
      if (NEWLINES.has(code) || SPACES.has(code) || (code >= 0x2000 && code <= 0x200a)) {
        if (NEWLINES.has(code) && pendingBreak < 0) pendingBreak = i;
        continue;
      }
      if (INVISIBLE.has(code)) continue;
      if (pendingBreak >= 0) {
        if (out.length > 0) {
          out.push('\n');
          map.push(pendingBreak);
        }
        pendingBreak = -1;
      }
      const ch = original[i] as string;
      out.push(code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : (HALFWIDTH_CJK[ch] ?? ch));
      map.push(i);
    }
    this.s = out.join('');
    this.map = Int32Array.from(map);
    this.guarded = guard(this.s);
    const n = this.s.length;
    this.nextEnd = new Int32Array(n + 1);
    this.prevEnd = new Int32Array(n + 1);
    this.nextEnd[n] = n;
    for (let i = n - 1; i >= 0; i--) this.nextEnd[i] = this.cutAt(i) === 'sentence' ? i : (this.nextEnd[i + 1] as number);
    this.prevEnd[0] = -1;
    for (let i = 1; i <= n; i++) this.prevEnd[i] = this.cutAt(i - 1) === 'sentence' ? i - 1 : (this.prevEnd[i - 1] as number);
  }

  get length(): number {
    return this.s.length;
  }

  /** The original span of normalised [a, b) (b > a). */
  span(a: number, b: number): Span {
    return { start: this.map[a] as number, end: (this.map[b - 1] as number) + 1 };
  }

  /** The original text of normalised [a, b). */
  text(a: number, b: number): string {
    if (b <= a) return '';
    const { start, end } = this.span(a, b);
    return this.original.slice(start, end);
  }

  /** How the character at i cuts the text, if it does. */
  cutAt(i: number): Cut | null {
    if (this.guarded[i]) return null;
    const c = this.s[i] as string;
    if (SENTENCE_END.includes(c)) return 'sentence';
    if (c === SEMI) return 'semi';
    if (COMMA.includes(c)) return 'comma';
    return null;
  }

  /** The first sentence end at or after i (before `limit`), or `limit`. */
  sentenceEnd(i: number, limit = this.s.length): number {
    if (i >= limit) return limit;
    return Math.min(this.nextEnd[Math.max(0, i)] as number, limit);
  }

  /** The start of the sentence holding i (after the previous sentence end, not before `floor`). */
  sentenceStart(i: number, floor = 0): number {
    return Math.max((this.prevEnd[Math.min(this.s.length, Math.max(0, i))] as number) + 1, floor);
  }

  /** Whether a new item may begin at i: text start, or right after a sentence, clause or heading end. */
  startsClause(i: number): boolean {
    if (this.guarded[i]) return false;
    if (i === 0) return true;
    const p = this.s[i - 1] as string;
    return SENTENCE_END.includes(p) || p === SEMI || COMMA.includes(p) || p === '】';
  }

  /** [a, b) without leading/trailing characters of `chars` (line breaks always go). */
  trim(a: number, b: number, chars = ''): [number, number] {
    const drop = (c: string) => c === '\n' || chars.includes(c);
    while (a < b && drop(this.s[a] as string)) a++;
    while (b > a && drop(this.s[b - 1] as string)) b--;
    return [a, b];
  }

  /** Sentences of [a, b) as [start, end) without their end mark; empty ones skipped. */
  sentences(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    let start = a;
    for (let j = a; j <= b; j++) {
      if (j === b || this.cutAt(j) === 'sentence') {
        const [x, y] = this.trim(start, j);
        if (y > x) out.push([x, y]);
        start = j + 1;
      }
    }
    return out;
  }

  /** Units of [a, b): sentences further cut at semicolons. */
  units(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    for (const [x, y] of this.sentences(a, b)) {
      let start = x;
      for (let j = x; j <= y; j++) {
        if (j === y || this.cutAt(j) === 'semi') {
          const [p, q] = this.trim(start, j, ',:;');
          if (q > p) out.push([p, q]);
          start = j + 1;
        }
      }
    }
    return out;
  }
}

/** Marks the inside of each pair closed within GUARD_REACH characters on the same line. Linear in practice. */
function guard(s: string): Uint8Array {
  const g = new Uint8Array(s.length);
  let i = 0;
  while (i < s.length) {
    const closer = PAIRS[s[i] as string];
    if (closer === undefined) {
      i++;
      continue;
    }
    const limit = Math.min(s.length, i + 1 + GUARD_REACH);
    let j = i + 1;
    while (j < limit && s[j] !== closer && s[j] !== '\n') j++;
    if (j < limit && s[j] === closer) {
      g.fill(1, i + 1, j);
      i = j + 1;
    } else i++;
  }
  return g;
}

/** Chinese numerals 一 … 九十九 (and 两). NaN when not one. */
export function chineseNumber(t: string): number {
  const digit = (c: string | undefined) => (c === undefined ? NaN : '零一二三四五六七八九'.indexOf(c === '两' ? '二' : c));
  if (t.length === 1) return t === '十' ? 10 : digit(t) > 0 ? digit(t) : NaN;
  const ten = t.indexOf('十');
  if (ten < 0 || t.indexOf('十', ten + 1) >= 0 || t.length > 3) return NaN;
  const tens = ten === 0 ? 1 : ten === 1 ? digit(t[0]) : NaN;
  const ones = ten === t.length - 1 ? 0 : digit(t[ten + 1]);
  return tens > 0 && ones >= 0 ? tens * 10 + ones : NaN;
}

/** Normalises a keyword as the text is normalised (for matching). */
export function normalizeKeyword(k: string): string {
  return new NormText(k).s.replace(/\n/g, '');
}
