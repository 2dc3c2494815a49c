import { Card, Col, Empty, Progress, Result, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { BriefTask, LeaderOverview, TaskStatus } from '../../api/taskTypes';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../../components/format';
import { LoadError, NotFoundResult } from '../../components/Results';
import { StatusTag } from '../../components/tasks/TaskTags';
import { leaderLabel, useLeaders, useUnits } from '../../components/tasks/useTaskRefs';
import { STATUS_COLORS, useTaskLabels } from '../../components/tasks/useTaskLabels';

const SHOWN: TaskStatus[] = ['pending_review', 'assigned', 'returned', 'in_progress', 'completion_requested', 'closed', 'archived', 'withdrawn'];
const TONE: Record<string, string> = { processing: '#1677ff', success: '#389e0d', gold: '#d48806', orange: '#d46b08', purple: '#531dab', blue: '#1677ff', cyan: '#08979c' };

/** 分管线: one leader's tasks by status, the overdue ones and the latest reports. 督查室 may pick any leader. */
export default function LeaderOverviewPage() {
  const { t } = useTranslation();
  const { personId } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const labels = useTaskLabels();
  const isSup = !!me?.roles.includes('supervisor');
  const leaders = useLeaders(isSup);
  const units = useUnits();
  const view = useRequest(() => api.get<LeaderOverview>(`/leaders/${personId}/overview`), `leader|${personId}`, !!personId);

  if (!personId && !isSup) {
    return me?.personId ? <Navigate to={`/leaders/${me.personId}/overview`} replace /> : <Result status="info" title={t('leaderView.noPerson')} />;
  }
  const picker = isSup && (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('leaderView.pick')}
      value={personId}
      loading={leaders.loading}
      options={(leaders.data ?? []).map((l) => ({ value: l.personId, label: leaderLabel(l) }))}
      onChange={(v: string) => navigate(`/leaders/${v}/overview`)}
      style={{ width: 280 }}
      data-testid="leader-pick"
    />
  );
  const d = view.data;
  const title = d ? t('leaderView.titleOf', { name: leaderLabel(d.leader) }) : t('leaderView.title');
  const head = (
    <div className="ls-page-head">
      <h2 className="ls-page-title">{title}</h2>
      {picker}
    </div>
  );
  if (!personId) return <>{head}<Card><Empty description={t('leaderView.pickHint')} /></Card></>;
  if (view.error) return <>{head}{view.error instanceof ApiError && view.error.status === 404 ? <NotFoundResult /> : <LoadError error={view.error} onRetry={view.reload} />}</>;

  const total = d ? Object.values(d.counts).reduce((a, b) => a + b, 0) : 0;
  const unitNames = (d?.unitIds ?? []).map((id) => units.data?.find((u) => u.id === id)?.name ?? '').filter(Boolean);
  const cols = [
    { title: t('task.number'), dataIndex: 'number', width: 130, render: (v: string, r: BriefTask) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
    { title: t('task.title'), dataIndex: 'title', render: (v: string, r: BriefTask) => <Link to={`/tasks/${r.id}`} style={{ color: 'inherit' }}>{v}</Link> },
    { title: t('task.leadUnit'), dataIndex: 'leadUnitName', width: 160 },
    { title: t('task.deadline'), dataIndex: 'deadline', width: 110, render: (v: string) => <span className="ls-overdue">{v}</span> },
    { title: t('task.progress'), dataIndex: 'percent', width: 130, render: (v: number) => <Progress size="small" percent={v} format={(n) => `${n}%`} status="exception" /> },
    { title: t('task.status'), dataIndex: 'status', width: 130, render: (v: TaskStatus) => <StatusTag status={v} /> },
  ];

  return (
    <>
      {head}
      {unitNames.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('leaderView.portfolio')}</Typography.Text>
          {unitNames.map((n) => <Tag key={n}>{n}</Tag>)}
        </div>
      )}
      <Row gutter={[12, 12]} data-testid="leader-counts">
        <Col xs={12} md={6} xl={4}>
          <Card size="small" loading={!d}><Statistic title={t('leaderView.total')} value={total} /></Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small" loading={!d}><Statistic title={t('leaderView.overdue')} value={d?.overdue.length ?? 0} styles={{ content: { color: d?.overdue.length ? '#cf1322' : undefined } }} /></Card>
        </Col>
        {SHOWN.map((s) => (
          <Col key={s} xs={12} md={6} xl={4}>
            <Card size="small" loading={!d}>
              <Statistic title={labels.status(s)} value={d?.counts[s] ?? 0} styles={{ content: { color: d?.counts[s] ? TONE[STATUS_COLORS[s]] : '#999' } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('leaderView.overdue')} size="small" style={{ marginTop: 16 }} data-testid="leader-overdue">
        <Table<BriefTask> size="small" rowKey="id" loading={!d} dataSource={d?.overdue ?? []} columns={cols} pagination={false} locale={{ emptyText: t('leaderView.noOverdue') }} />
      </Card>
      <Card title={t('leaderView.latestReports')} size="small" style={{ marginTop: 16 }} data-testid="leader-reports">
        {d && !d.latestReports.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leaderView.noReports')} />}
        {d?.latestReports.map((r) => (
          <div key={r.id} className="ls-report">
            <div className="ls-report-head">
              <Space size={8} wrap>
                <Link to={`/tasks/${r.id}`}>{r.number}</Link>
                <Typography.Text strong>{r.title}</Typography.Text>
                <Typography.Text type="secondary">{r.leadUnitName} · {formatTime(r.latestReportAt)}</Typography.Text>
              </Space>
              <Progress percent={r.percent} size="small" format={(n) => `${n}%`} style={{ width: 140, margin: 0 }} />
            </div>
            <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: '4px 0 0' }}>
              {r.latestReportText}
            </Typography.Paragraph>
          </div>
        ))}
      </Card>
    </>
  );
}
