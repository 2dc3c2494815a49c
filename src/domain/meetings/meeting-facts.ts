/**
 * The facts of the meeting outside its requirements: date, kind, chair, attendees, what was studied, the title of
 * each group, and the closing items (会议还研究部署了……). Read from the normalised text, reported as original spans.
 */
import { isIsoDate } from '../time/dates.js';
import { hasModal } from './measures.js';
import { chineseNumber, type NormText } from './normalize.js';
import type { Span } from './types.js';

export type Range = [number, number];

const KINDS = [
  '党组理论学习中心组(扩大)学习会',
  '党组理论学习中心组学习会议',
  '党组理论学习中心组学习会',
  '理论学习中心组学习会议',
  '理论学习中心组学习会',
  '全体(扩大)会议',
  '党组(扩大)会议',
  '党组扩大会议',
  '区长办公会议',
  '县长办公会议',
  '主任办公会议',
  '区长办公会',
  '县长办公会',
  '常务会议',
  '全体会议',
  '党组会议',
  '专题会议',
  '调度会议',
  '推进会议',
  '工作会议',
  '常务会',
  '党组会',
  '专题会',
  '调度会',
  '推进会',
  '座谈会',
  '部署会',
  '动员大会',
  '动员会',
  '现场会',
];

/** Titles that stand before a name; the longest one ending right before the name is the chair's title. */
const TITLES = [
  '常务副区长', '常务副县长', '常务副市长', '副区长', '副县长', '副市长', '副书记', '副主任', '副主席', '秘书长',
  '检察长', '区长', '县长', '市长', '镇长', '书记', '主任', '主席', '部长', '局长', '院长', '政委', '常委', '委员',
  '成员', '助理', '领导', '同志', '代表',
]; // prettier-ignore

const NAME = /^[\u4e00-\u9fff·]{2,4}$/;

/** The person named at the end of a phrase like 区委副书记、区政府党组书记、区长邱伟. */
export function personOf(phrase: string): { name: string; title: string | null; nameOffset: number } | null {
  let end = 0;
  let title: string | null = null;
  for (const t of TITLES) {
    const at = phrase.lastIndexOf(t);
    if (at >= 0 && (at + t.length > end || (at + t.length === end && t.length > (title?.length ?? 0)))) {
      end = at + t.length;
      title = t;
    }
  }
  let name = phrase.slice(end);
  if (name.endsWith('同志')) name = name.slice(0, -2);
  if (name.endsWith('等')) name = name.slice(0, -1);
  if (!NAME.test(name)) return null;
  return { name, title: title && !['领导', '同志', '代表', '成员'].includes(title) ? title : null, nameOffset: end };
}

/** The first clause cut before i (exclusive), or floor. */
function clauseStart(t: NormText, i: number, floor: number): number {
  for (let j = i - 1; j >= floor; j--) if (t.cutAt(j)) return j + 1;
  return floor;
}
function clauseEnd(t: NormText, i: number, limit: number): number {
  for (let j = i; j < limit; j++) if (t.cutAt(j)) return j;
  return limit;
}

/** The sentence that opens the meeting: the first one in [a, b) naming 召开 or 主持, else one naming 会议. */
export function meetingSentence(t: NormText, a: number, b: number): Range | null {
  const sentences = t.sentences(a, b);
  const pick = (...res: RegExp[]) =>
    sentences.find(([x, y]) => !t.s.startsWith('【', x) && res.every((re) => re.test(t.s.slice(x, y))));
  return pick(/召开|主持/, DATE) ?? pick(/召开|主持/) ?? pick(/会议/) ?? null;
}

const DATE =
  /(?:(\d{4}|[〇零○一二三四五六七八九]{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日/;

export function readDate(
  t: NormText,
  places: Range[],
  publicationYear: number | undefined,
  today: string,
  warnings: string[],
): { date: string | null; span: Span | null } {
  for (const [a, b] of places) {
    const m = DATE.exec(t.s.slice(a, b));
    if (!m) continue;
    const num = (x: string) => (/^\d+$/.test(x) ? Number(x) : chineseNumber(x));
    const yearText = m[1];
    const month = num(m[2] as string);
    const day = num(m[3] as string);
    const todayYear = Number(today.slice(0, 4));
    let year = yearText
      ? /^\d+$/.test(yearText)
        ? Number(yearText)
        : Number([...yearText].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' || c === '○' ? '〇' : c)).join(''))
      : (publicationYear ?? todayYear);
    const iso = (y: number) => `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!yearText && publicationYear === undefined && iso(year) > today) {
      year -= 1;
      warnings.push(`会议日期“${m[0]}”未写年份，且晚于今天，按 ${year} 年理解`);
    }
    const span = t.span(a + m.index, a + m.index + m[0].length);
    if (!isIsoDate(iso(year))) {
      warnings.push(`会议日期“${m[0]}”不是有效日期`);
      return { date: null, span };
    }
    return { date: iso(year), span };
  }
  warnings.push('未识别出会议日期');
  return { date: null, span: null };
}

export function readKind(t: NormText, places: Range[], warnings: string[]): { kind: string | null; span: Span | null } {
  for (const [a, b] of places) {
    const from = t.s.indexOf('召开', a);
    const starts = from >= 0 && from < b ? [from, a] : [a];
    for (const start of starts) {
      for (let i = start; i < b; i++) {
        const kind = KINDS.find((k) => t.s.startsWith(k, i) && i + k.length <= b);
        if (kind) return { kind: t.text(i, i + kind.length), span: t.span(i, i + kind.length) };
      }
    }
  }
  warnings.push('未识别出会议类型');
  return { kind: null, span: null };
}

export function readChair(
  t: NormText,
  [a, b]: Range,
  warnings: string[],
): { chair: string | null; title: string | null; span: Span | null } {
  for (let i = t.s.indexOf('主持', a); i >= 0 && i < b; i = t.s.indexOf('主持', i + 2)) {
    let start = clauseStart(t, i, a);
    for (const lead of ['会议由', '由']) if (t.s.startsWith(lead, start) && start + lead.length < i) start += lead.length;
    const person = personOf(t.s.slice(start, i));
    if (person) {
      const at = start + person.nameOffset;
      return { chair: person.name, title: person.title, span: t.span(at, at + person.name.length) };
    }
  }
  warnings.push('未识别出主持人');
  return { chair: null, title: null, span: null };
}

/** Clauses like 副区长赵文博、孙晓梅 that only list people. */
function isNameList(text: string): boolean {
  if (/召开|主持|学习|讲话|听取|研究|会议|要/.test(text)) return false;
  return text.split('、').every((x) => x.length > 0 && x.length <= 14);
}

/** Attendees (出席/列席/参加……会议) in the given ranges, without the chair. */
export function readAttendees(t: NormText, ranges: Range[], chair: string | null): { names: string[]; spans: Span[] } {
  const names: string[] = [];
  const spans: Span[] = [];
  for (const [a, b] of ranges) {
    for (const [x, y] of t.sentences(a, b)) {
      const sentence = t.s.slice(x, y);
      const m = /(?:等)?(?:同志)?(?:出席|列席|参加)/.exec(sentence);
      if (!m || !/^[^,;:]{0,6}会/.test(sentence.slice(m.index + m[0].length))) continue;
      const end = x + m.index;
      let start = clauseStart(t, end, x);
      // earlier clauses of the sentence that only list people belong to the list
      while (start > x && isNameList(t.s.slice(clauseStart(t, start - 1, x), start - 1))) start = clauseStart(t, start - 1, x);
      let itemStart = start;
      for (let j = start; j <= end; j++) {
        if (j === end || (!t.guarded[j] && (t.s[j] === '、' || t.cutAt(j)))) {
          const person = personOf(t.s.slice(itemStart, j));
          if (person && person.name !== chair && !names.includes(person.name)) {
            const at = itemStart + person.nameOffset;
            names.push(person.name);
            spans.push(t.span(at, at + person.name.length));
          }
          itemStart = j + 1;
        }
      }
    }
  }
  return { names, spans };
}

const STUDY = /(?:传达学习|学习传达|专题学习|集中学习|认真学习|学习贯彻|传达贯彻|学习|传达)(?:贯彻|领会)?了?/g;
const STUDY_CONTEXT = /(?:会议|会上|还|首先|先后|又|并|随后|共同|一起)$/;

/** Each study clause in [a, b): its object's range (the documents studied). */
export function studyObjects(t: NormText, a: number, b: number): Range[] {
  const out: Range[] = [];
  const text = t.s.slice(a, b);
  STUDY.lastIndex = 0;
  for (let m = STUDY.exec(text); m; m = STUDY.exec(text)) {
    const at = a + m.index;
    if (t.guarded[at]) continue;
    if (!t.startsClause(at) && !STUDY_CONTEXT.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (t.s.startsWith('中心组', at + m[0].length)) continue;
    const objStart = at + m[0].length;
    const objEnd = clauseEnd(t, objStart, b);
    if (objEnd - objStart >= 2) out.push([objStart, objEnd]);
    STUDY.lastIndex = objEnd - a;
  }
  return out;
}

/** The studied items of an object range: cut at 、, or only between book titles (》、《, 》和《) when it names any. */
export function studyItems(t: NormText, [a, b]: Range): Range[] {
  const out: Range[] = [];
  const titles = t.s.slice(a, b).includes('《');
  let start = a;
  for (let j = a; j <= b; j++) {
    const between = '、和及'.includes(t.s[j] as string) && t.s[j - 1] === '》' && t.s[j + 1] === '《';
    if (j === b || (!t.guarded[j] && (titles ? between : t.s[j] === '、'))) {
      let [x, y] = t.trim(start, j);
      if (t.s[y - 1] === '等' && y - x > 2) y--;
      if (y - x >= 2) out.push([x, y]);
      start = j + 1;
    }
  }
  return out;
}

/** What a group answers to: the last object studied in the text before it, else the last 《book title》 there. */
export function groupTitle(t: NormText, a: number, b: number): string | null {
  const objects = studyObjects(t, a, b);
  const lastObject = objects.at(-1);
  if (lastObject) return t.text(lastObject[0], lastObject[1]);
  const close = t.s.lastIndexOf('》', b - 1);
  const open = close >= a ? t.s.lastIndexOf('《', close) : -1;
  return open >= a ? t.text(open, close + 1) : null;
}

const NOISE = /^(?:【|\(|来源|发布|责任编辑|编辑|审核|供稿|作者|日期|时间|打印|关闭|字号|分享)/;
/** 会议还研究了其他事项: says nothing. */
const BOILERPLATE = /^(?:会议|会上)?(?:还|同时|另外)?(?:研究|讨论|审议)了?其[他它](?:有关)?事项$/;
const TOPIC_PATTERNS = [
  /就(.{2,60}?)(?:作了|做了|进行了)/d,
  /(?:研究部署|研究|部署|审议并原则通过|审议通过|审议|听取|讨论)了?([^,;]{2,80}?)(?:方面的工作|方面工作|相关工作|等工作|工作|等事项|事项)?(?=,|$)/d,
];

export interface RawClosing {
  range: Range;
  topic: Range | null;
}

/** The items after the last requirement: what else the meeting did (not study, attendance or page furniture). */
export function closingItems(t: NormText, a: number, b: number): RawClosing[] {
  const out: RawClosing[] = [];
  for (const [x, y] of t.units(a, b)) {
    const unit = t.s.slice(x, y);
    if (NOISE.test(unit) || BOILERPLATE.test(unit) || unit.length < 4) continue;
    const study = studyObjects(t, x, y)[0];
    if (study && study[0] - x <= 10 && clauseEnd(t, study[0], y) === y) continue;
    if (/(?:出席|列席|参加)了?(?:会议|本次会议)/.test(unit) && !hasModal(unit)) continue;
    let topic: Range | null = null;
    for (const re of TOPIC_PATTERNS) {
      const m = re.exec(unit.length > 300 ? unit.slice(0, 300) : unit);
      const g = m?.indices?.[1];
      if (g) {
        topic = [x + g[0], x + g[1]];
        break;
      }
    }
    out.push({ range: [x, y], topic });
  }
  return out;
}
