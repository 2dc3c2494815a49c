import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskPage } from '../../api/taskTypes';
import { useTaskLabels } from './useTaskLabels';
import { leaderLabel } from './useTaskRefs';

/** 事项信息: source, leader, units, cycle and the next report due. */
export function TaskInfo({ page }: { page: TaskPage }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const task = page.task;
  const none = <Typography.Text type="secondary">{t('task.none')}</Typography.Text>;
  const source = task.source ? `${task.source.title}${task.source.documentNo ? `（${task.source.documentNo}）` : ''}` : null;
  return (
    <Card title={t('task.info')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: Number(t('task.labelWidth')) } }}
        items={[
          { key: 'kind', label: t('task.sourceKind'), children: labels.sourceKind(task.sourceKind) },
          { key: 'source', label: t('task.source'), children: source ?? none },
          { key: 'leader', label: t('task.leader'), children: task.leadLeader ? leaderLabel(task.leadLeader) : none },
          { key: 'category', label: t('task.category'), children: task.category || none },
          { key: 'lead', label: t('task.leadUnit'), children: task.leadUnit?.name ?? '—' },
          {
            key: 'coop',
            label: t('task.coopUnits'),
            children: task.coopUnits.length ? task.coopUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>) : none,
          },
          { key: 'cycle', label: t('task.cycle'), children: labels.cycleText(task.cycle, task.cycleDay) },
          {
            key: 'due',
            label: t('task.nextReport'),
            children: task.reportDue ? (
              <span className={task.reportDue.late ? 'ls-overdue' : undefined}>
                {task.reportDue.dueOn}
                {task.reportDue.late && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('task.reportLate')}
                  </Tag>
                )}
              </span>
            ) : (
              '—'
            ),
          },
          ...(task.parent
            ? [{ key: 'parent', label: t('task.parent'), children: <Link to={`/tasks/${task.parent.id}`}>{`${task.parent.number} ${task.parent.title}`}</Link> }]
            : []),
          {
            key: 'req',
            label: t('task.requirement'),
            span: 'filled' as const,
            children: task.requirement ? <div style={{ whiteSpace: 'pre-wrap' }}>{task.requirement}</div> : none,
          },
        ]}
      />
    </Card>
  );
}
