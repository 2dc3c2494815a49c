import { Card, Progress, Space, Tag, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskPage } from '../../api/taskTypes';
import { LightTag } from './LightTag';
import { OverdueTag, PriorityTag, StatusTag } from './TaskTags';
import { useTaskLabels } from './useTaskLabels';

/** Number, title, status, warning light, priority, overdue, deadline and progress; the action buttons go below. */
export function TaskHeader({ page, actions }: { page: TaskPage; actions: React.ReactNode }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const task = page.task;
  return (
    <Card className="ls-task-head">
      <Link to="/tasks" className="ls-back">
        <LeftOutlined /> {t('task.back')}
      </Link>
      <Space size={8} wrap style={{ display: 'flex', marginTop: 10 }}>
        <Typography.Text type="secondary" copyable={{ text: task.number }} data-testid="task-number">
          {task.number}
        </Typography.Text>
        <StatusTag status={task.status} testId="task-status" />
        <LightTag light={task.light} since={task.lightSince} testId="task-light" />
        <PriorityTag priority={task.priority} />
        <OverdueTag show={task.overdue && task.light !== 'red'} />
        <Tag variant="filled">{labels.sourceKind(task.sourceKind)}</Tag>
      </Space>
      <Typography.Title level={4} style={{ margin: '8px 0 12px' }} data-testid="task-title">
        {task.title}
      </Typography.Title>
      <div className="ls-task-facts">
        <div>
          <div className="ls-fact-label">{t('task.deadline')}</div>
          <div className={task.overdue ? 'ls-fact ls-overdue' : 'ls-fact'} data-testid="task-deadline">
            {task.deadline}
          </div>
        </div>
        <div>
          <div className="ls-fact-label">{t('task.leadUnit')}</div>
          <div className="ls-fact">{task.leadUnit?.name ?? '—'}</div>
        </div>
        <div style={{ minWidth: 220 }}>
          <div className="ls-fact-label">{t('task.progress')}</div>
          <Progress
            percent={task.percent}
            format={(n) => `${n}%`}
            status={task.overdue ? 'exception' : task.percent >= 100 ? 'success' : 'normal'}
            data-testid="task-percent"
          />
        </div>
      </div>
      {actions && <div className="ls-task-actions">{actions}</div>}
    </Card>
  );
}
