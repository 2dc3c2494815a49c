import { Button, Card, Descriptions, Progress, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { MeetingDetail, MeetingDirective } from '../../api/meetingTypes';
import { LoadError } from '../../components/Results';
import { SourceText, dirInk, type Selection } from '../../components/meetings/SourceText';

/** A directive's tasks as the server counts them: every state but withdrawn. */
const LIVE = 'draft,pending_review,assigned,returned,in_progress,completion_requested,closed,archived';

const spanOf = (d: MeetingDirective) => (d.spanStart != null && d.spanEnd != null ? { start: d.spanStart, end: d.spanEnd } : null);

/** A meeting: its facts, each directive's progress, and the report with the directive spans shaded. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const page = useRequest(() => api.get<MeetingDetail>(`/meetings/${id}`), `meeting|${id}`);
  const [selected, setSelected] = useState<Selection | null>(null);
  const marks = useMemo(() => (page.data?.directives ?? []).map((d) => ({ span: spanOf(d) })), [page.data]);

  if (page.error) return <LoadError error={page.error} onRetry={page.reload} />;
  if (!page.data || page.data.meeting.id !== id) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const { meeting: m, directives } = page.data;
  const tasksLink = <Link to={`/tasks?sourceId=${m.sourceId}`}>{t('meetings.detail.viewTasks')}</Link>;
  const list = (xs: string[]) => (xs.length ? xs.join('、') : '—');

  return (
    <>
      <div className="ls-page-head" style={{ marginBottom: 16 }}>
        <h2 className="ls-page-title" style={{ margin: 0 }}>{m.title}</h2>
        <Link to="/meetings">
          <Button icon={<ArrowLeftOutlined />}>{t('meetings.detail.back')}</Button>
        </Link>
      </div>
      <Card size="small" title={t('meetings.detail.facts')} style={{ marginBottom: 16 }} extra={tasksLink}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('meetings.review.heldOn')}>{m.heldOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.review.kind')}>{m.kind ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.review.chair')}>{m.chair ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.review.attendees')} span={3}>{list(m.attendees)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.review.studied')} span={3}>{list(m.studied)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('meetings.detail.directives')} style={{ marginBottom: 16 }}>
        <Table<MeetingDirective>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={directives}
          data-testid="meeting-directives"
          onRow={(_, i) => ({
            onClick: () => setSelected({ d: i ?? 0, from: 'result' }),
            style: { cursor: m.text ? 'pointer' : undefined, background: selected?.d === i ? '#fffbe6' : undefined },
          })}
          columns={[
            {
              title: t('meetings.detail.marker'),
              key: 'marker',
              width: 80,
              render: (_: unknown, d, i) => <Tag color={dirInk(i)}>{d.marker || d.ordinal}</Tag>,
            },
            { title: t('meetings.detail.text'), dataIndex: 'text', render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>{v}</Typography.Paragraph> },
            {
              title: t('meetings.detail.standard'),
              key: 'sf',
              width: 180,
              render: (_: unknown, d) => (d.standard || d.field ? [d.standard, d.field].filter(Boolean).join(' → ') : '—'),
            },
            {
              title: t('meetings.detail.tasks'),
              dataIndex: 'tasks',
              width: 80,
              align: 'center',
              render: (n: number, d) => (n ? <Link to={`/tasks?directiveId=${d.id}&status=${LIVE}`} onClick={(e) => e.stopPropagation()}>{n}</Link> : 0),
            },
            {
              title: t('meetings.detail.closed'),
              dataIndex: 'closed',
              width: 80,
              align: 'center',
              render: (n: number, d) => (n ? <Link to={`/tasks?directiveId=${d.id}&status=closed,archived`} onClick={(e) => e.stopPropagation()}>{n}</Link> : 0),
            },
            {
              title: t('meetings.detail.percent'),
              dataIndex: 'percent',
              width: 160,
              render: (p: number | null) => (p == null ? '—' : <Progress percent={p} size="small" />),
            },
          ]}
        />
      </Card>
      {m.text && (
        <Card size="small" title={t('meetings.detail.source')}>
          <SourceText text={m.text} marks={marks} selected={selected} onSelect={setSelected} maxHeight={520} testId="meeting-source" />
        </Card>
      )}
    </>
  );
}
