// 亩均 classes (档次): one color per class everywhere (tags, charts, the report's big letter), number formatting.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A green, B blue, C orange, D red, T (tenant / 暂不评价) grey; any other class name falls back to purple. */
export const CLASS_HEX: Record<string, string> = {
  A: '#389e0d',
  B: '#1677ff',
  C: '#fa8c16',
  D: '#cf1322',
  T: '#8c8c8c',
};
const TAG_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red', T: 'default' };

export const classHex = (c: string | null | undefined): string => (c ? (CLASS_HEX[c] ?? '#722ed1') : '#bfbfbf');

export function ClassTag({ value, big, testId }: { value: string | null | undefined; big?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!value)
    return (
      <Tag data-testid={testId} data-class="">
        {t('mujun.report.noClass')}
      </Tag>
    );
  return (
    <Tag
      color={TAG_COLOR[value] ?? 'purple'}
      data-testid={testId}
      data-class={value}
      style={
        big
          ? { fontSize: 20, lineHeight: '32px', padding: '0 14px', fontWeight: 700 }
          : { fontWeight: 600, minWidth: 28, textAlign: 'center' }
      }
    >
      {value}
    </Tag>
  );
}

/** Classes in a stable order: the meta's list first, then any other class seen in the data. */
export function classOrder(known: readonly string[] | undefined, ...seen: (Record<string, number> | undefined)[]): string[] {
  const out = [...(known ?? [])];
  for (const counts of seen) for (const k of Object.keys(counts ?? {})) if (!out.includes(k)) out.push(k);
  return out;
}

/** An industry division 'C30 非金属矿物制品业' (the server's label may already start with the code). */
export function industryLabel(r: { key: string; label: string }): string {
  if (!r.key) return r.label;
  return r.label.startsWith(r.key) ? r.label : `${r.key} ${r.label}`;
}

/** A number for people: up to `dp` decimals, thousands separated, '—' for null. */
export function fmt(v: number | null | undefined, dp = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return v.toLocaleString('zh-CN', { maximumFractionDigits: dp });
}
