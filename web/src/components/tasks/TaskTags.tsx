import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../api/taskTypes';
import { PRIORITY_COLORS, STATUS_COLORS, useTaskLabels } from './useTaskLabels';

export function StatusTag({ status, testId }: { status: TaskStatus; testId?: string }) {
  const labels = useTaskLabels();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: string }) {
  const labels = useTaskLabels();
  if (priority === 'normal') return null;
  return (
    <Tag color={PRIORITY_COLORS[priority] ?? 'default'} variant="outlined">
      {labels.priority(priority)}
    </Tag>
  );
}

export function OverdueTag({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  if (!show) return null;
  return <Tag color="red">{text ?? t('task.overdue')}</Tag>;
}
