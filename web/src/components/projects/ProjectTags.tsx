import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectState, Verdict } from '../../api/projectTypes';

export const STAGE_COLORS: Record<ProjectState, string> = {
  negotiating: 'default',
  signed: 'purple',
  land: 'geekblue',
  started: 'blue',
  completed: 'cyan',
  producing: 'green',
  full: 'success',
  terminated: 'red',
};
export const VERDICT_COLORS: Record<Verdict, string> = { pass: 'success', fail: 'error', incomplete: 'warning' };

export function StageTag({ state, testId }: { state: ProjectState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLORS[state]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`project.stage.${state}`)}
    </Tag>
  );
}

export function VerdictTag({ verdict }: { verdict: Verdict | null | undefined }) {
  const { t } = useTranslation();
  if (!verdict) return null;
  return <Tag color={VERDICT_COLORS[verdict]} data-verdict={verdict}>{t(`project.verdict.${verdict}`)}</Tag>;
}

export const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
