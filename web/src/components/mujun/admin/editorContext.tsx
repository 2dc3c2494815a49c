// What every part of the scheme editor needs: the problems of the last validation (by path) and the option lists.
import { createContext, useContext } from 'react';
import type { MujunMeta } from '../../../api/mujunAdminTypes';
import { cleanMessage } from './schemeModel';

export interface EditorCtx {
  problems: Map<string, string[]>;
  meta: MujunMeta | undefined;
}

export const EditorContext = createContext<EditorCtx>({ problems: new Map(), meta: undefined });

export function useEditor() {
  const { problems, meta } = useContext(EditorContext);
  /** the messages of exactly this path */
  const of = (path: string) => problems.get(path);
  /** whether any problem lies at or under this path */
  const inside = (path: string) => {
    for (const k of problems.keys()) if (k === path || k.startsWith(`${path}.`) || k.startsWith(`${path}[`)) return true;
    return false;
  };
  const status = (path: string) => (problems.has(path) ? ('error' as const) : undefined);
  const flagOptions = Object.entries(meta?.flags ?? {}).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
  const fieldOptions = (meta?.fields ?? [])
    .filter((f) => f.type !== 'text' && f.type !== 'uscc' && f.type !== 'scale')
    .map((f) => ({ value: f.key, label: `${f.zh}（${f.key}）` }));
  const classOptions = (meta?.classes?.length ? meta.classes : ['A', 'B', 'C', 'D', 'T']).map((c) => ({ value: c, label: c }));
  return { of, inside, status, flagOptions, fieldOptions, classOptions, meta };
}

/** The messages of a path, in red under its input. */
export function ProblemText({ path }: { path: string }) {
  const { of } = useEditor();
  const msgs = of(path);
  if (!msgs) return null;
  return (
    <div style={{ color: '#ff4d4f', fontSize: 12, lineHeight: 1.4, marginTop: 2 }} data-testid="mujun-field-problem">
      {msgs.map((m) => cleanMessage(path, m)).join('；')}
    </div>
  );
}
