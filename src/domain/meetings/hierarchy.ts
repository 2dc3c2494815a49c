/**
 * Which level of the enumeration tree holds the directives. The series are nested by enumerations.ts (a series inside
 * one item of another is its child); the top-level series are the candidates, in text order. A candidate is the
 * directive level when its items state requirements. Two kinds are not:
 *
 * - proceedings: the items recount the meeting (首先，会议传达了……；最后，门轩主任要求各部门：一要……) — each item
 *   introduces a speaker or tells what the meeting did. Its child series (each speaker's requirements) are the
 *   candidates instead, so several speakers each give a group.
 * - agenda: a list of what the meeting studied or heard (会议审议了：一、《……》；二、关于……的汇报), without a modal
 *   要/必须 in its items; it is dropped with everything inside it, and its items stay outside the directives (where the
 *   meeting's facts read the studied documents).
 *
 * Every other candidate is a directive group, and its child series are its directives' measures (sub-points).
 */
import type { Marker, Sequence } from './enumerations.js';
import { hasModal } from './measures.js';
import type { NormText } from './normalize.js';

const SPEECH =
  /^(?:(?:最后|随后|接着|同时|会上|会议最后|此外|另外),)?([^,:;。!?\n]{2,30}?)(?:强调|指出|要求|提出|表示|认为|安排|部署)([^,:;。!?\n]{0,16})[,:]/;

/**
 * Whether the clause at `at` introduces a speaker (王公理副主任对安全生产工作做出安排, 门轩主任要求各部门, 县委书记陆晓延
 * 强调, after an optional 最后/随后/同时): a subject, then a verb of speech, no modal 要 before it.
 */
export function isSpeakerLeadIn(t: NormText, at: number): boolean {
  const m = SPEECH.exec(t.s.slice(at, at + 48));
  if (!m) return false;
  const subject = m[1] as string;
  return !hasModal(subject) && !hasModal(m[2] as string) && !/必须|务必|[要应需]$/.test(subject) && !/^(?:第|[一二三四五六七八九十]+[是要、])/.test(subject);
}

export type SeriesKind = 'directives' | 'proceedings' | 'agenda';

const PROCEEDING =
  /^(?:会议|会上|与会)|(?:传达|学习|听取|审议|通报|汇报|观看|宣读|研究|通过|总结|讨论)了|(?:作|做|进行)了|主持(?:会议)?|发言|作报告/;
const SPEECH_VERB = /强调|指出|要求|提出|表示|认为|部署|安排/;
const STUDY_LEAD_IN = /(?:审议|听取|通过|研究|讨论|传达|学习|通报)(?:了|并|和)?/;
/** An item naming a document or a report heard: 《……》, 关于……, ……情况的汇报. */
const AGENDA_ITEM = /^(?:《|关于)|》$|(?:汇报|情况报告|工作报告)$/;

const itemEnd = (q: Sequence, k: number) => (k + 1 < q.markers.length ? (q.markers[k + 1] as Marker).start : q.lastEnd);

/** The first sentence of item k's content (its heading), normalised. */
function heading(t: NormText, q: Sequence, k: number): string {
  const m = q.markers[k] as Marker;
  return t.s.slice(m.contentStart, t.sentenceEnd(m.contentStart, Math.max(m.contentStart, itemEnd(q, k))));
}

export function seriesKind(t: NormText, q: Sequence, children: Sequence[]): SeriesKind {
  const n = q.markers.length;
  const heads = q.markers.map((_, k) => heading(t, q, k));
  const modal = heads.map((h, k) => (q.markers[k] as Marker).style === 'yao' || hasModal(h) || /必须|务必|应当/.test(h));
  // agenda: studied/heard items, no requirement in any of them
  if (!modal.some(Boolean)) {
    const f = q.markers[0] as Marker;
    // the clause right before the first marker (会议审议了：, 会议听取了……汇报，)
    const leadIn = t.s.slice(t.sentenceStart(f.start), f.start).replace(/[,:]+$/, '').split(/[,:;]/).at(-1) ?? '';
    const agendaItems = heads.filter((h) => AGENDA_ITEM.test(h.replace(/[,;:、。]+$/, ''))).length;
    if ((STUDY_LEAD_IN.test(leadIn) && !hasModal(leadIn) && !SPEECH_VERB.test(leadIn)) || agendaItems * 2 > n) return 'agenda';
  }
  // proceedings: most items introduce a speaker (with that speaker's series inside) or recount the meeting
  const narrative = q.markers.filter((m, k) => {
    const end = itemEnd(q, k);
    const speaker = isSpeakerLeadIn(t, m.contentStart) && children.some((c) => (c.markers[0] as Marker).start < end);
    return speaker || (!modal[k] && PROCEEDING.test(heads[k] as string));
  }).length;
  return narrative * 2 >= n ? 'proceedings' : 'directives';
}

/** The directive groups among the top-level series `roots`, and the nested series left. */
export function directiveLevel(
  t: NormText,
  roots: Sequence[],
  nested: Sequence[],
): { groups: Sequence[]; nested: Sequence[] } {
  const children = new Map<Sequence, Sequence[]>();
  for (const q of nested) {
    if (!q.parent) continue;
    const list = children.get(q.parent.seq);
    if (list) list.push(q);
    else children.set(q.parent.seq, [q]);
  }
  const groups: Sequence[] = [];
  const gone = new Set<Sequence>();
  const drop = (q: Sequence) => {
    gone.add(q);
    for (const c of children.get(q) ?? []) drop(c);
  };
  const visit = (q: Sequence) => {
    const kids = children.get(q) ?? [];
    const kind = seriesKind(t, q, kids);
    if (kind === 'directives') {
      groups.push(q);
      return;
    }
    gone.add(q);
    if (kind === 'agenda') for (const c of kids) drop(c);
    else
      for (const c of kids) {
        c.parent = null;
        gone.add(c);
        visit(c);
      }
  };
  roots.forEach(visit);
  groups.sort((a, b) => (a.markers[0] as Marker).start - (b.markers[0] as Marker).start);
  return { groups, nested: nested.filter((q) => !gone.has(q)) };
}
