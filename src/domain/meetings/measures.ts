/**
 * Measures: the draft tasks inside a directive, a directive's standard and field, the requirements of an
 * unenumerated report, and the suggested lead unit from the administrator's keyword list.
 *
 * A directive is cut into clauses at 。；，： and line breaks (never inside quotations). A clause opens a task when
 * it begins with a driving word: after a sentence end or a semicolon any of them (要 …, 加快, 抓紧, 力争, 全面实施,
 * 打造, 强攻, or an opening verb such as 推进/深化/确保); after a comma only the splitting words and a leading 要,
 * unless the task so far is a bare lead-in (抓住……契机, 在……下, 以……为抓手). Other clauses continue the open task
 * within the sentence. A leading 要 is left out of the task's text.
 */
import { normalizeKeyword, type NormText } from './normalize.js';
import type { UnitHint } from './types.js';

/** Words that open a new task even after a comma (longest first). */
const SPLITTING = ['全面实施', '努力打造', '全力打造', '积极打造', '加快', '抓紧', '力争', '打造', '强攻'];
/** Verbs that make a clause a measure at the start of a sentence, a ；-clause or a sub-point. */
const OPENING = [
  '全面落实', '全面推进', '压紧压实', '推进', '推动', '做好', '抓好', '落实', '实施', '开展', '完善', '健全', '建立', '提升',
  '强化', '深化', '坚持', '聚焦', '优化', '加强', '扎实', '持续', '全力', '积极', '大力', '着力', '切实', '统筹',
  '严格', '确保', '压实', '狠抓', '坚决', '尽快', '围绕', '突出', '推行', '深入', '巩固', '守牢', '筑牢', '牢牢',
]; // prettier-ignore
const MODAL_PREFIXES = ['还要', '也要', '更要', '要'];
const LEAD_INS = ['抓住', '围绕', '聚焦', '立足', '依托', '借助', '结合', '按照', '站在', '紧扣', '对照', '瞄准', '在', '以'];
const NOT_BEFORE_MODAL = '重主需只必紧首简纲想提概摘纪次将';
const NOT_AFTER_MODAL = '求素点害领务件闻职案员略旨义';
/** How far into a clause a subject may stand before its 要 (政府班子要……). */
const SUBJECT_REACH = 12;

/** Whether the 要 at i is the modal verb (not 重要, 主要, 要求 …); at a clause start only what follows counts. */
export function isModalYao(s: string, i: number, atClauseStart = false): boolean {
  if (s[i] !== '要') return false;
  const before = i > 0 && !atClauseStart ? (s[i - 1] as string) : '';
  const after = s[i + 1] ?? '';
  return !(before && NOT_BEFORE_MODAL.includes(before)) && !(after && NOT_AFTER_MODAL.includes(after));
}

/** Whether a text holds a modal 要 anywhere. */
export function hasModal(text: string): boolean {
  for (let i = text.indexOf('要'); i >= 0; i = text.indexOf('要', i + 1)) if (isModalYao(text, i)) return true;
  return false;
}

export interface ClauseHead {
  kind: 'split' | 'modal' | 'open' | 'none';
  verb: string | null;
  /** Where the task's text would start (after a leading 要). */
  textStart: number;
  /** The clause begins with 要 (or 还要 …). */
  headModal: boolean;
}

/** Reads the driving word of the clause [a, b). */
export function clauseHead(s: string, a: number, b: number): ClauseHead {
  let p = a;
  let headModal = false;
  for (const pre of MODAL_PREFIXES) {
    if (s.startsWith(pre, p) && isModalYao(s, p + pre.length - 1, pre === '要')) {
      p += pre.length;
      headModal = true;
      break;
    }
  }
  if (!headModal && s.startsWith('并', p) && SPLITTING.some((w) => s.startsWith(w, p + 1))) p++;
  const split = SPLITTING.find((w) => s.startsWith(w, p));
  if (split) return { kind: 'split', verb: split, textStart: p, headModal };
  if (headModal) return { kind: 'modal', verb: '要', textStart: p, headModal };
  for (const must of ['必须', '务必']) if (s.startsWith(must, p)) return { kind: 'modal', verb: must, textStart: p, headModal };
  const reach = Math.min(b, a + SUBJECT_REACH);
  for (let i = a + 1; i < reach; i++) {
    if (isModalYao(s, i)) return { kind: 'modal', verb: '要', textStart: a, headModal: false };
    if (s.startsWith('必须', i) || s.startsWith('务必', i))
      return { kind: 'modal', verb: s.slice(i, i + 2), textStart: a, headModal };
  }
  const open = OPENING.find((w) => s.startsWith(w, p));
  if (open) return { kind: 'open', verb: open, textStart: p, headModal };
  return { kind: 'none', verb: null, textStart: p, headModal };
}

type CutKind = 'nested' | 'sentence' | 'semi' | 'comma';
const STRENGTH: Record<CutKind, number> = { nested: 3, sentence: 2, semi: 1, comma: 0 };

interface Clause {
  start: number;
  end: number;
  cut: CutKind;
}

/** Sub-point markers inside a directive: the clause restarts after the marker. */
export interface SubPoint {
  start: number;
  contentStart: number;
}

function clausesOf(t: NormText, from: number, to: number, subPoints: SubPoint[], firstCut: CutKind): Clause[] {
  const out: Clause[] = [];
  let cut: CutKind = firstCut;
  let start = from;
  let sp = 0;
  while (sp < subPoints.length && (subPoints[sp] as SubPoint).start < from) sp++;
  const push = (end: number, next: CutKind) => {
    const [a, b] = t.trim(start, end, ',;:、');
    if (b > a) {
      out.push({ start: a, end: b, cut });
      cut = next;
    } else if (STRENGTH[next] > STRENGTH[cut]) cut = next;
  };
  for (let j = from; j < to; j++) {
    const point = subPoints[sp];
    if (point && point.start === j) {
      push(j, 'nested');
      cut = 'nested';
      start = point.contentStart;
      j = point.contentStart - 1;
      sp++;
      continue;
    }
    const c = t.cutAt(j);
    if (c) {
      push(j, c);
      start = j + 1;
    }
  }
  push(to, 'sentence');
  return out;
}

export interface RawTask {
  start: number;
  end: number;
  verb: string | null;
}

/**
 * The draft tasks of normalised [from, to). `subPoints` are nested enumerators (each opens a task);
 * `itemIsMeasure` makes the first clause a task too (an item of 一是/1./首先 …).
 */
export function extractTasks(t: NormText, from: number, to: number, subPoints: SubPoint[], itemIsMeasure: boolean): RawTask[] {
  const s = t.s;
  const tasks: RawTask[] = [];
  let current: (RawTask & { clauses: number }) | null = null;
  const close = () => {
    if (current) {
      const [a, b] = t.trim(current.start, current.end, ',;:、。!?');
      if (b - a >= 4) tasks.push({ start: a, end: b, verb: current.verb });
    }
    current = null;
  };
  for (const clause of clausesOf(t, from, to, subPoints, itemIsMeasure ? 'nested' : 'sentence')) {
    const h = clauseHead(s, clause.start, clause.end);
    let opens: boolean;
    if (clause.cut === 'nested') opens = true;
    else if (clause.cut === 'comma') {
      const c = current as (RawTask & { clauses: number }) | null;
      const leadIn = c !== null && c.clauses === 1 && LEAD_INS.some((w) => s.startsWith(w, c.start));
      opens = c === null ? h.kind === 'split' || h.kind === 'modal' : (h.kind === 'split' || h.headModal) && !leadIn;
    } else opens = h.kind !== 'none';
    if (opens) {
      close();
      current = { start: h.textStart, end: clause.end, verb: h.verb, clauses: 1 };
    } else if (current && clause.cut !== 'sentence') {
      current.end = clause.end;
      current.clauses++;
    } else close();
  }
  close();
  return tasks;
}

const FIELD_VERBS = ['贯穿', '融入', '体现', '延伸', '覆盖', '落实'];
const FIELD_TAILS = ['之中', '当中', '中', '里'];

/** “把 X 贯穿到 Y”: the normalised ranges of X (the standard) and Y (the field) in [a, b), if written so. */
export function standardAndField(
  t: NormText,
  a: number,
  b: number,
): { standard: [number, number]; field: [number, number] } | null {
  const s = t.s;
  for (let i = a; i < b; i++) {
    const verb = FIELD_VERBS.find((v) => s.startsWith(v, i));
    if (!verb || !'到于在'.includes(s[i + verb.length] ?? '')) continue;
    const ba = s.lastIndexOf('把', i - 1);
    if (ba < a || i - ba > 40 || i - ba < 2) continue;
    const fieldStart = i + verb.length + 1;
    let fieldEnd = fieldStart;
    while (fieldEnd < b && !t.cutAt(fieldEnd)) fieldEnd++;
    const tail = FIELD_TAILS.find((x) => s.slice(fieldStart, fieldEnd).endsWith(x) && fieldEnd - x.length - fieldStart >= 2);
    if (tail) fieldEnd -= tail.length;
    if (fieldEnd - fieldStart < 2) continue;
    return { standard: [ba + 1, i], field: [fieldStart, fieldEnd] };
  }
  return null;
}

const LEAD_IN_VERBS = /(?:指出|强调|要求|认为|提出|表示|明确|说)$/;

/**
 * The requirements of an unenumerated report in [from, to): each unit (sentence or ；-clause) whose first clause
 * carries 要 (or 必须/务必, or a splitting word), after its lead-in (会议强调，); ；-clauses without one continue it.
 */
export function looseRequirements(t: NormText, from: number, to: number): [number, number][] {
  const s = t.s;
  const out: [number, number][] = [];
  for (const [x, y] of t.sentences(from, to)) {
    let cur: [number, number] | null = null;
    for (const [p0, q] of t.units(x, y)) {
      let p = p0;
      let firstCut = p;
      while (firstCut < q && t.cutAt(firstCut) !== 'comma') firstCut++;
      if (firstCut < q && firstCut - p <= 16 && LEAD_IN_VERBS.test(s.slice(p, firstCut))) p = firstCut + 1;
      let clauseEnd = p;
      while (clauseEnd < q && t.cutAt(clauseEnd) !== 'comma') clauseEnd++;
      const h = clauseHead(s, p, clauseEnd);
      if (h.kind === 'split' || h.kind === 'modal') {
        if (cur) out.push(cur);
        cur = [p, q];
      } else if (cur) cur[1] = q;
    }
    if (cur) {
      if (cur[1] === y && '。!?'.includes(s[y] ?? '\n')) cur[1] = y + 1;
      out.push(cur);
    }
  }
  return out;
}

export interface PreparedHint {
  keyword: string;
  normalized: string;
  unitCode: string;
}

export function prepareHints(hints: UnitHint[]): PreparedHint[] {
  return hints
    .map((h) => ({ keyword: h.keyword, normalized: normalizeKeyword(h.keyword), unitCode: h.unitCode }))
    .filter((h) => h.normalized.length > 0 && h.unitCode.trim().length > 0);
}

/** The hint whose keyword occurs in the normalised text: the longest wins, ties by the order of the list. */
export function suggestUnit(normalizedText: string, hints: PreparedHint[]): PreparedHint | null {
  let best: PreparedHint | null = null;
  for (const h of hints) {
    if ((!best || h.normalized.length > best.normalized.length) && normalizedText.includes(h.normalized)) best = h;
  }
  return best;
}
