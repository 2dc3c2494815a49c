// 项目详情: register fields, stages (planned / actual), the actions the caller may take, 标准地 commitments, monthly
// reports (and the tasks raised from them), 对标验收, files and the timeline.
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Steps, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { FileWordOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, download } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { AcceptanceResult, ProjectPage as Page, ProjectReport, ProjectState, TaskRaised } from '../../api/projectTypes';
import { notifyError, toast } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { LoadError, NotFoundResult } from '../../components/Results';
import { LightTag } from '../../components/tasks/LightTag';
import { fileSize } from '../../components/tasks/TaskAttachments';
import { AcceptModal, MoveModal, ReportForm, type MoveKind } from '../../components/projects/ProjectModals';
import { money, StageTag, VerdictTag } from '../../components/projects/ProjectTags';
import { AppealList, AppealModal } from '../../components/projects/ProjectAppeals';
import { ProjectFormModal } from '../../components/projects/ProjectFormModal';

function Reports({ p, onReport, onRaised }: { p: Page; onReport?: () => void; onRaised: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const raisedFor = new Map<string, { taskId: string; taskNumber: string }>();
  for (const e of p.events) {
    const d = (e.data ?? {}) as { month?: string; taskId?: string; taskNumber?: string };
    if (e.action === 'raise_task' && d.month && d.taskId) raisedFor.set(d.month, { taskId: d.taskId, taskNumber: d.taskNumber ?? '' });
  }
  const raise = async (r: ProjectReport) => {
    setBusy(r.id);
    try {
      const task = await api.post<TaskRaised>(`/projects/${p.id}/tasks`, { reportId: r.id });
      toast('success', t('project.detail.raised', { number: task.number }));
      onRaised();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('project.detail.reports')} style={{ marginTop: 16 }} data-testid="project-reports"
      extra={onReport && <Button type="primary" size="small" onClick={onReport} data-testid="preport-open">{t('project.detail.report')}</Button>}>
      <Table<ProjectReport>
        size="small"
        rowKey="id"
        dataSource={p.reports}
        pagination={p.reports.length > 6 ? { pageSize: 6, size: 'small' } : false}
        locale={{ emptyText: t('project.detail.noReports') }}
        columns={[
          { title: t('project.detail.month'), dataIndex: 'month', width: 80 },
          { title: t('project.detail.investMonth'), dataIndex: 'investmentMonth', width: 110, align: 'right', render: money },
          { title: t('project.detail.investToDate'), dataIndex: 'investmentToDate', width: 110, align: 'right', render: money },
          { title: t('project.detail.progress'), dataIndex: 'progress', render: (v: string, r) => <><div>{v}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.authorName} · {formatTime(r.createdAt)}</Typography.Text></> },
          {
            title: t('project.detail.problems'),
            dataIndex: 'problems',
            width: 220,
            render: (v: string, r) => {
              if (!v) return '—';
              const raised = raisedFor.get(r.month);
              return (
                <>
                  <div>{v}</div>
                  {raised ? (
                    // the task opens for those whose scope holds it (督查室, its units); others see its number
                    p.tasks.some((x) => x.id === raised.taskId) ? (
                      <Link to={`/tasks/${raised.taskId}`} data-testid="report-task-link">{t('project.detail.raised', { number: raised.taskNumber })}</Link>
                    ) : (
                      <Typography.Text type="secondary" data-testid="report-task-number">{t('project.detail.raised', { number: raised.taskNumber })}</Typography.Text>
                    )
                  ) : p.can.manage ? (
                    <Button size="small" type="link" style={{ paddingInline: 0 }} loading={busy === r.id} onClick={() => void raise(r)} data-testid="report-raise">
                      {t('project.detail.raise')}
                    </Button>
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
      {p.tasks.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="project-tasks">
          <Typography.Text strong>{t('project.detail.tasks')}：</Typography.Text>
          {p.tasks.map((x) => (
            <span key={x.id} style={{ marginInlineEnd: 12 }}>
              <Link to={`/tasks/${x.id}`}>{x.number}</Link> {x.title} <LightTag light={x.light} />
            </span>
          ))}
        </div>
      )}
    </Card>
  );
}

function Acceptances({ p, onAccept, onAppeal, onChanged }: { p: Page; onAccept?: () => void; onAppeal?: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('project.detail.acceptances')} style={{ marginTop: 16 }} data-testid="project-acceptances"
      extra={
        <Space>
          {onAppeal && <Button size="small" onClick={onAppeal} data-testid="appeal-open">{t('project.appeal.open')}</Button>}
          {onAccept && <Button size="small" onClick={onAccept} data-testid="accept-open">{t('project.detail.accept')}</Button>}
        </Space>
      }>
      {p.acceptances.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.detail.noAcceptances')} />
      ) : (
        p.acceptances.map((a) => {
          const r = a.result as AcceptanceResult;
          return (
            <div key={a.id} style={{ marginBottom: 12 }} data-testid="acceptance">
              <Space wrap style={{ marginBottom: 6 }}>
                <Typography.Text strong>{t('project.detail.acceptYear')} {a.year}</Typography.Text>
                <VerdictTag verdict={a.verdict} />
                {a.rectifyBy && <Tag color="orange">{t('project.detail.rectifyBy')}：{a.rectifyBy}</Tag>}
                {r.penalty !== null && r.penalty > 0 && <Tag color="red">{t('project.detail.penalty')}：{money(r.penalty)}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.decidedByName} · {formatTime(a.createdAt)}</Typography.Text>
                <a href={`/api/projects/${p.id}/acceptances/${a.id}/report.pdf`} target="_blank" rel="noreferrer" data-testid="acceptance-pdf">{t('project.detail.reportPdf')}</a>
              </Space>
              <Table
                size="small"
                rowKey="indicatorId"
                pagination={false}
                dataSource={r.indicators}
                columns={[
                  { title: t('project.detail.indicator'), dataIndex: 'name', render: (v: string, x) => `${v}${x.unit ? `（${x.unit}）` : ''}` },
                  { title: t('project.detail.committed'), dataIndex: 'committed', width: 90, align: 'right', render: (v: number, x) => `${x.direction === 'min' ? '≥' : '≤'} ${v}` },
                  { title: t('project.detail.actual'), dataIndex: 'actual', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
                  { title: t('project.detail.from'), dataIndex: 'from', width: 80, render: (v: string | null) => (v === 'data' ? t('project.detail.fromData') : v === 'entered' ? t('project.detail.fromEntered') : '—') },
                  { title: t('project.f.verdict'), dataIndex: 'verdict', width: 90, render: (v: AcceptanceResult['verdict']) => <VerdictTag verdict={v} /> },
                  { title: t('project.detail.shortfall'), dataIndex: 'shortfall', width: 80, align: 'right', render: (v: number | null) => (v ? v : v === 0 ? '0' : '—') },
                ]}
              />
            </div>
          );
        })
      )}
      <AppealList page={p} onChanged={onChanged} />
    </Card>
  );
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const page = useRequest(() => api.get<Page>(`/projects/${id}`), `project|${id}`);
  const [move, setMove] = useState<MoveKind | null>(null);
  const [editing, setEditing] = useState(false);
  const [modal, setModal] = useState<'report' | 'accept' | 'appeal' | null>(null);
  const done = () => {
    setMove(null);
    setModal(null);
    page.reload();
  };
  if (page.error) {
    if (page.error instanceof ApiError && page.error.status === 404) return <NotFoundResult text={t('project.detail.notFound')} />;
    return <LoadError error={page.error} onRetry={page.reload} />;
  }
  const p = page.data;
  if (!p || p.id !== id) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  const state = p.state as ProjectState;
  const current = state === 'terminated' ? p.stages.findIndex((s) => s.stage === p.reached) : p.stages.findIndex((s) => s.stage === state);
  const upload = async (file: File) => {
    try {
      await api.upload(`/projects/${p.id}/files`, file);
      toast('success', t('project.detail.uploaded'));
      page.reload();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <>
      <div className="ls-page-head">
        <div>
          <Link to="/projects">{t('project.detail.back')}</Link>
          <h2 className="ls-page-title" data-testid="project-title" style={{ marginTop: 4 }}>
            {p.name} <StageTag state={state} testId="project-state" /> <LightTag light={p.light} />
          </h2>
          <Typography.Text type="secondary">{p.number} · {p.investorName}</Typography.Text>
        </div>
        <Space wrap>
          {p.can.manage && (
            <Button onClick={() => setEditing(true)} data-testid="project-edit">{t('project.detail.edit')}</Button>
          )}
          {p.commitments && (
            <Button icon={<FileWordOutlined />} onClick={() => void download(`/projects/${p.id}/pledge.docx`, undefined, 'pledge.docx').catch(notifyError)} data-testid="project-pledge">
              {t('project.detail.pledge')}
            </Button>
          )}
          {p.can.next && <Button type="primary" onClick={() => setMove('next')} data-testid="project-advance">{t('project.detail.advance', { stage: t(`project.stage.${p.can.next}`) })}</Button>}
          {p.can.goBack && current > 0 && <Button onClick={() => setMove('back')} data-testid="project-back">{t('project.detail.goBack')}</Button>}
          {p.can.manage && state !== 'terminated' && <Button danger onClick={() => setMove('terminate')} data-testid="project-terminate">{t('project.detail.terminate')}</Button>}
        </Space>
      </div>
      {state === 'terminated' && p.terminatedReason && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('project.detail.terminated', { reason: p.terminatedReason })} />}
      {p.lightReasons && p.lightReasons.length > 0 && p.light && p.light !== 'green' && (
        <Alert type={p.light === 'red' ? 'error' : p.light === 'yellow' ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={t('project.detail.lightReasons')}
          description={<ul className="ls-light-reasons">{p.lightReasons.map((r, i) => <li key={i}>{r.message}</li>)}</ul>} data-testid="project-light-alert" />
      )}
      <Card size="small" title={t('project.detail.stages')} data-testid="project-stages">
        <Steps
          size="small"
          current={current}
          status={state === 'terminated' ? 'error' : state === 'full' ? 'finish' : 'process'}
          items={p.stages.map((s) => ({
            title: t(`project.stage.${s.stage}`),
            content: (
              <div style={{ fontSize: 12 }}>
                <div>{t('project.f.planned')}：{s.plannedOn ?? '—'}</div>
                <div>{t('project.f.actual')}：{s.actualOn ?? '—'}</div>
              </div>
            ),
          }))}
        />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('project.detail.info')}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('project.f.investor')}>{p.investorName}{p.investorFlags.map((f) => <Tag key={f} color="volcano" style={{ marginInlineStart: 4 }}>{t(`project.flag.${f}`)}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.uscc')}>{p.investorUscc ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.source')}>{t(`project.source.${p.source}`)}{p.fundName ? `（${p.fundName}）` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.track')}>{[p.track, p.industryCode].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.total')}>{money(p.totalInvestment)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.fixed')}>{money(p.fixedInvestment)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.yearPlan')}>{money(p.yearPlanInvestment)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.toDate')}>{money(p.investmentToDate)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.land')}>{money(p.landMu)}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.place')}>{p.placeName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.leader')}>{p.leaderName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.leadUnit')}>{p.leadUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('project.f.coopUnits')} span={2}>{p.coopUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('project.detail.commitments')} style={{ marginTop: 16 }} data-testid="project-commitments"
            extra={p.commitmentsOn && <Typography.Text type="secondary">{t('project.detail.commitmentsOn', { on: p.commitmentsOn })}</Typography.Text>}>
            {p.commitments?.length ? (
              <Table size="small" rowKey="indicatorId" pagination={false} dataSource={p.commitments}
                columns={[
                  { title: t('project.detail.indicator'), dataIndex: 'name', render: (v: string, c) => `${v}${c.unit ? `（${c.unit}）` : ''}` },
                  { title: t('project.detail.committed'), dataIndex: 'value', width: 100, align: 'right', render: (v: number, c) => `${c.direction === 'min' ? '≥' : '≤'} ${v}` },
                  { title: t('project.detail.tableValue'), dataIndex: 'tableValue', width: 100, align: 'right', render: (v: number | null) => v ?? '—' },
                  { title: t('project.detail.overrideReason'), dataIndex: 'overrideReason', render: (v: string | null) => v ?? '—' },
                ]} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.detail.noCommitments')} />
            )}
          </Card>
          <Reports p={p} onReport={p.can.report ? () => setModal('report') : undefined} onRaised={page.reload} />
          <Acceptances p={p} onAccept={p.can.accept ? () => setModal('accept') : undefined} onAppeal={p.can.appeal ? () => setModal('appeal') : undefined} onChanged={page.reload} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('project.detail.files')} data-testid="project-files"
            extra={(p.can.report || p.can.manage) && (
              <Upload showUploadList={false} customRequest={({ file }) => void upload(file as File)}>
                <Button size="small" icon={<UploadOutlined />} data-testid="project-upload">{t('project.detail.upload')}</Button>
              </Upload>
            )}>
            {p.files.length ? p.files.map((f) => (
              <div key={f.id} className="ls-file-row">
                <a href={`/api/projects/${p.id}/files/${f.id}`} download={f.filename} className="ls-file"><PaperClipOutlined /> {f.filename}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>{fileSize(f.size)} · {formatTime(f.createdAt)}</Typography.Text>
              </div>
            )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.detail.noFiles')} />}
          </Card>
          <Card size="small" title={t('project.detail.timeline')} style={{ marginTop: 16 }} data-testid="project-timeline">
            <Timeline style={{ marginTop: 8 }} items={p.events.map((e) => ({
              key: e.id,
              color: e.action === 'terminate' || e.action === 'stage_back' ? 'red' : e.action === 'stage' ? 'green' : 'blue',
              content: (
                <div data-testid="project-event" data-action={e.action}>
                  <div className="ls-tl-time">{formatTime(e.at)}</div>
                  <Space size={6} wrap>
                    <Typography.Text strong>{t(`project.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                    <Typography.Text type="secondary">{e.actorName}</Typography.Text>
                    {e.fromState && e.toState && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`project.stage.${e.fromState}`)} → {t(`project.stage.${e.toState}`)}</Typography.Text>}
                  </Space>
                  {e.comment && <div className="ls-tl-comment">{e.comment}</div>}
                </div>
              ),
            }))} />
          </Card>
        </Col>
      </Row>
      {move && <MoveModal page={p} kind={move} onClose={() => setMove(null)} onDone={done} />}
      {modal === 'report' && <ReportForm page={p} onClose={() => setModal(null)} onDone={done} />}
      {modal === 'accept' && <AcceptModal page={p} onClose={() => setModal(null)} onDone={done} />}
      {editing && <ProjectFormModal editing={p} onClose={() => setEditing(false)} onDone={() => { setEditing(false); page.reload(); }} />}
      {modal === 'appeal' && <AppealModal page={p} onClose={() => setModal(null)} onDone={done} />}
    </>
  );
}
