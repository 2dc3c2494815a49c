import { Alert, List, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SchemeProblem } from '../../../api/mujunAdminTypes';
import { cleanMessage, getIn, parsePath } from './schemeModel';

const FIELD_KEYS: Record<string, string> = {
  name: 'mujunAdmin.schemes.ind.name',
  id: 'mujunAdmin.schemes.ind.id',
  hero: 'mujunAdmin.schemes.ind.hero',
  unit: 'mujunAdmin.schemes.ind.unit',
  numerator: 'mujunAdmin.schemes.ind.numerator',
  denominator: 'mujunAdmin.schemes.ind.denominator',
  direction: 'mujunAdmin.schemes.ind.direction',
  weight: 'mujunAdmin.schemes.ind.weight',
  benchmark: 'mujunAdmin.schemes.ind.benchmark',
  scoring: 'mujunAdmin.schemes.ind.scoring',
  missing: 'mujunAdmin.schemes.ind.missing',
  value: 'mujunAdmin.schemes.benchmarkValue',
  p: 'mujunAdmin.schemes.benchmarkP',
  minCount: 'mujunAdmin.schemes.minCount',
  cap: 'mujunAdmin.schemes.cap',
  floor: 'mujunAdmin.schemes.floor',
  filter: 'mujunAdmin.schemes.filter',
  year: 'mujunAdmin.schemes.schemeYear',
  exempt: 'mujunAdmin.schemes.exempt',
  classes: 'mujunAdmin.schemes.classes',
  flag: 'mujunAdmin.schemes.adj.flag',
  points: 'mujunAdmin.schemes.adj.points',
  field: 'mujunAdmin.schemes.adj.field',
  per: 'mujunAdmin.schemes.adj.per',
  beyond: 'mujunAdmin.schemes.adj.beyond',
  class: 'mujunAdmin.schemes.veto.class',
  groups: 'mujunAdmin.schemes.groups',
  indicators: 'mujunAdmin.schemes.indicators',
  adjustments: 'mujunAdmin.schemes.adjustments',
  vetoes: 'mujunAdmin.schemes.vetoes',
};

/** groups[0].indicators[1].numerator → 分组 1「规上企业」› 指标 2「亩均增加值」› 分子 */
export function describePath(body: unknown, path: string, t: TFunction): string {
  const parts = parsePath(path);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (typeof p === 'number') continue;
    if (typeof next === 'number' && ['groups', 'indicators', 'adjustments', 'vetoes', 'bands'].includes(p)) {
      const item = getIn(body, parts.slice(0, i + 2)) as { name?: unknown } | undefined;
      const name =
        item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string' && item.name
          ? `「${item.name}」`
          : '';
      const what =
        p === 'groups'
          ? t('mujunAdmin.schemes.group', { n: next + 1 })
          : p === 'bands'
            ? `${t('mujunAdmin.schemes.band.class')} ${next + 1}`
            : `${t(FIELD_KEYS[p]!)} ${next + 1}`;
      out.push(`${what}${name}`);
      i++;
      continue;
    }
    if (p === 'method' || (p === 'bands' && next === undefined)) continue;
    out.push(FIELD_KEYS[p] ? t(FIELD_KEYS[p]) : p);
  }
  return out.join(' › ');
}

/** The expression with the character at `position` marked (a caret where the text ends). */
function Marked({ text, position }: { text: string; position: number }) {
  const at = Math.max(0, Math.min(position, text.length));
  return (
    <Typography.Text code style={{ whiteSpace: 'pre' }}>
      {text.slice(0, at)}
      <mark style={{ background: '#ff4d4f', color: '#fff', padding: '0 1px' }}>{text.slice(at, at + 1) || ' '}</mark>
      {text.slice(at + 1)}
    </Typography.Text>
  );
}

/** The problems of a validation or a refused save, each with its path, its place in words and, for an expression, where. */
export function ProblemList({
  problems,
  body,
  onPick,
}: {
  problems: SchemeProblem[];
  body: unknown;
  onPick?: (p: SchemeProblem) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('mujunAdmin.schemes.problems', { count: problems.length })}
      data-testid="mujun-scheme-problems"
      description={
        <List
          size="small"
          split={false}
          dataSource={problems}
          renderItem={(p) => {
            const value = getIn(body, parsePath(p.path));
            const message = cleanMessage(p.path, p.message);
            const saysWhere = p.position !== undefined && message.includes(`第 ${p.position + 1} 个字符`);
            return (
              <List.Item style={{ padding: '4px 0', display: 'block' }}>
                <div>
                  <Typography.Link onClick={() => onPick?.(p)} style={{ marginRight: 8 }}>
                    <Typography.Text code>{p.path || '(root)'}</Typography.Text>
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                    {describePath(body, p.path, t)}
                  </Typography.Text>
                  {p.position !== undefined && !saysWhere && (
                    <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                      {t('mujunAdmin.schemes.problemPosition', { position: p.position + 1 })}
                    </Typography.Text>
                  )}
                </div>
                <div>{message}</div>
                {p.position !== undefined && typeof value === 'string' && (
                  <div style={{ marginTop: 2 }}>
                    <Marked text={value} position={p.position} />
                  </div>
                )}
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
