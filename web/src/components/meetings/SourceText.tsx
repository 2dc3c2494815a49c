import { useEffect, useMemo, useRef } from 'react';
import type { Span } from '../../api/meetingTypes';

/** A directive or one of its tasks; `from` says which side was clicked (the other side scrolls). */
export interface Selection {
  d: number;
  t?: number;
  from: 'source' | 'result';
}

export interface Marked {
  span: Span | null;
  tasks?: { span: Span | null }[];
}

const HUES = [212, 28, 135, 275, 350, 175, 48, 305];
const hue = (i: number) => HUES[i % HUES.length]!;
export const dirColor = (i: number, strong = false) => `hsl(${hue(i)}, 85%, ${strong ? 80 : 93}%)`;
export const dirInk = (i: number) => `hsl(${hue(i)}, 60%, 42%)`;

const inside = (s: Span | null, a: number, b: number) => !!s && s.start <= a && b <= s.end;

interface Segment {
  a: number;
  b: number;
  d: number;
  t: number;
}

function segments(len: number, marks: Marked[]): Segment[] {
  const cuts = new Set([0, len]);
  for (const m of marks) {
    for (const s of [m.span, ...(m.tasks ?? []).map((t) => t.span)]) {
      if (s) cuts.add(Math.max(0, Math.min(len, s.start))).add(Math.max(0, Math.min(len, s.end)));
    }
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k]!;
    const b = sorted[k + 1]!;
    let d = marks.findIndex((m) => inside(m.span, a, b));
    let t = -1;
    if (d < 0) {
      // a task outside its directive's span (after edits): still mark it
      d = marks.findIndex((m) => (m.tasks ?? []).some((x) => inside(x.span, a, b)));
    }
    if (d >= 0) t = (marks[d]!.tasks ?? []).findIndex((x) => inside(x.span, a, b));
    out.push({ a, b, d, t });
  }
  return out;
}

interface Props {
  text: string;
  marks: Marked[];
  selected: Selection | null;
  onSelect?: (s: Selection) => void;
  maxHeight?: number | string;
  testId?: string;
}

/** The original report with every directive span shaded (one colour each) and every task span underlined. */
export function SourceText({ text, marks, selected, onSelect, maxHeight, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const segs = useMemo(() => segments(text.length, marks), [text, marks]);

  useEffect(() => {
    if (!selected || selected.from === 'source' || !box.current) return;
    const sel = selected.t === undefined ? `[data-d="${selected.d}"]` : `[data-d="${selected.d}"][data-t="${selected.t}"]`;
    const el = box.current.querySelector<HTMLElement>(sel);
    if (el) box.current.scrollTo({ top: Math.max(0, el.offsetTop - box.current.clientHeight / 3), behavior: 'smooth' });
  }, [selected]);

  return (
    <div
      ref={box}
      data-testid={testId}
      style={{ position: 'relative', maxHeight, overflow: 'auto', whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 14, padding: '4px 2px' }}
    >
      {segs.map((s) => {
        const chunk = text.slice(s.a, s.b);
        if (s.d < 0) return <span key={s.a}>{chunk}</span>;
        const dirOn = selected?.d === s.d;
        const taskOn = dirOn && s.t >= 0 && selected?.t === s.t;
        const style: React.CSSProperties = {
          background: taskOn ? `hsl(${hue(s.d)}, 90%, 70%)` : dirColor(s.d, dirOn),
          cursor: onSelect ? 'pointer' : undefined,
          borderRadius: 2,
        };
        if (s.t >= 0) style.borderBottom = `2px solid ${dirInk(s.d)}`;
        return (
          <span
            key={s.a}
            data-d={s.d}
            data-t={s.t >= 0 ? s.t : undefined}
            style={style}
            onClick={onSelect ? () => onSelect({ d: s.d, t: s.t >= 0 ? s.t : undefined, from: 'source' }) : undefined}
          >
            {chunk}
          </span>
        );
      })}
    </div>
  );
}
