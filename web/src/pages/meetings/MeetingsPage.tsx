import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { MeetingListItem } from '../../api/meetingTypes';
import { LoadError } from '../../components/Results';

/** 会议: the confirmed meetings, newest first. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const list = useRequest(() => api.get<{ items: MeetingListItem[] }>('/meetings').then((r) => r.items), 'meetings');
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <>
      <h2 className="ls-page-title">{t('meetings.listTitle')}</h2>
      <Card>
        <Table<MeetingListItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('meetings.list.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="meetings-table"
          columns={[
            { title: t('meetings.list.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/meetings/${r.id}`}>{v}</Link> },
            { title: t('meetings.list.heldOn'), dataIndex: 'heldOn', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('meetings.list.kind'), dataIndex: 'kind', width: 140, render: (v: string | null) => v ?? '—' },
            { title: t('meetings.list.chair'), dataIndex: 'chair', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('meetings.list.tasks'), key: 'tasks', width: 120, render: (_: unknown, r) => <Link to={`/tasks?sourceId=${r.sourceId}`}>{t('meetings.detail.viewTasks')}</Link> },
          ]}
        />
      </Card>
    </>
  );
}
