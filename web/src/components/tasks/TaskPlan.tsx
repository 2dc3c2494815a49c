import { Card, Empty, Progress, Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { ChildTask, TaskPage, Target } from '../../api/taskTypes';
import { StatusTag } from './TaskTags';

const ratio = (x: Target) => (x.latestValue == null || !x.targetValue ? 0 : Math.max(0, Math.min(100, Math.round((x.latestValue / x.targetValue) * 100))));

/** 工作节点 (Steps), 量化指标 and 子任务 of a task. */
export function TaskPlan({ page }: { page: TaskPage }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  const ms = page.milestones;
  const firstOpen = ms.findIndex((m) => !m.doneOn);
  const unitName = (id: string) => page.task.coopUnits.find((u) => u.id === id)?.name ?? '—';
  return (
    <>
      <Card title={t('task.milestones')} size="small" style={{ marginTop: 16 }} data-testid="task-milestones">
        {ms.length ? (
          <Steps
            size="small"
            orientation={ms.length > 5 ? 'vertical' : 'horizontal'}
            current={firstOpen < 0 ? ms.length : firstOpen}
            items={ms.map((m) => ({
              title: m.name,
              status: m.doneOn ? 'finish' : m.plannedOn < today ? 'error' : 'wait',
              content: (
                <span style={{ fontSize: 12 }}>
                  {t('task.planned')} {m.plannedOn}
                  <br />
                  {m.doneOn ? (
                    `${t('task.doneOn')} ${m.doneOn}`
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('task.notDone')}
                    </Typography.Text>
                  )}
                </span>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noMilestones')} />
        )}
      </Card>
      <Card title={t('task.targets')} size="small" style={{ marginTop: 16 }} data-testid="task-targets">
        <Table<Target>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={page.targets}
          locale={{ emptyText: t('task.noTargets') }}
          columns={[
            { title: t('taskForm.targetName'), dataIndex: 'name' },
            { title: t('task.targetValue'), dataIndex: 'targetValue', width: 100, align: 'right' },
            { title: t('task.latestValue'), dataIndex: 'latestValue', width: 100, align: 'right', render: (v: number | null) => v ?? '—' },
            { title: t('task.unit'), dataIndex: 'unit', width: 90 },
            { title: t('task.progress'), key: 'p', width: 160, render: (_, x) => <Progress size="small" percent={ratio(x)} format={(n) => `${n}%`} /> },
          ]}
        />
      </Card>
      {(page.children.length > 0 || page.actions.includes('decompose')) && (
        <Card title={t('task.children')} size="small" style={{ marginTop: 16 }} data-testid="task-children">
          <Table<ChildTask>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={page.children}
            locale={{ emptyText: t('task.noChildren') }}
            columns={[
              { title: t('task.number'), dataIndex: 'number', width: 120, render: (v: string, c) => <Link to={`/tasks/${c.id}`}>{v}</Link> },
              { title: t('task.title'), dataIndex: 'title', render: (v: string, c) => <Link to={`/tasks/${c.id}`} style={{ color: 'inherit' }}>{v}</Link> },
              { title: t('task.leadUnit'), dataIndex: 'leadUnitId', width: 140, render: (v: string) => unitName(v) },
              { title: t('task.deadline'), dataIndex: 'deadline', width: 105 },
              { title: t('task.progress'), dataIndex: 'percent', width: 120, render: (v: number) => <Progress size="small" percent={v} format={(n) => `${n}%`} /> },
              { title: t('task.status'), dataIndex: 'status', width: 120, render: (v: ChildTask['status']) => <StatusTag status={v} /> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
