// What every part of the scheme editor needs: the problems of the last validation (by path) and the option lists.
import { Button, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { MujunMeta } from '../../../api/mujunTypes';
import { DEFAULT_CLASSES } from './labels';
import { cleanMessage } from './schemeModel';

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };
/** A small grey label inside an input (its prefix). */
export const pre = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
    {text}
  </Typography.Text>
);
/** An InputNumber's value: null (cleared) → undefined. */
export const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

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
  const classOptions = (meta?.classes?.length ? meta.classes : DEFAULT_CLASSES).map((c) => ({ value: c, label: c }));
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

/** Move up / move down / remove of row `k` of `n`. */
export function RowActions({
  k,
  n,
  onMove,
  onRemove,
  removeTestId,
}: {
  k: number;
  n: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  removeTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('mujunAdmin.schemes.moveUp')}>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={k === 0} onClick={() => onMove(k - 1)} />
      </Tooltip>
      <Tooltip title={t('mujunAdmin.schemes.moveDown')}>
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={k === n - 1} onClick={() => onMove(k + 1)} />
      </Tooltip>
      <Tooltip title={t('mujunAdmin.schemes.remove')}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid={removeTestId} />
      </Tooltip>
    </Space>
  );
}
