// 项目漏斗: the year's pipeline by stage and track, investment completed against plan by month, the named targets,
// behind-schedule counts and acceptance results; every count opens the ledger behind it.
import { Card, Col, InputNumber, Progress, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useRequest } from '../../api/hooks';
import { STAGES, STATES, VERDICTS, type Pipeline, type ProjectLedgerPage } from '../../api/projectTypes';
import { LIGHTS } from '../../api/taskTypes';
import { EChart, type ChartOption } from '../../components/dashboard/EChart';
import { LIGHT_COLORS } from '../../components/dashboard/Panels';
import { LoadError } from '../../components/Results';
import { money } from '../../components/projects/ProjectTags';

const STAGE_PALETTE = ['#90a4ae', '#7e57c2', '#3f51b5', '#1e88e5', '#00acc1', '#43a047', '#2e7d32', '#e53935'];

export default function PipelinePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const res = useRequest(() => api.get<Pipeline>('/projects/pipeline', { year }), `pipeline|${year}`);
  const behind = useRequest(() => api.get<ProjectLedgerPage>('/projects', { year, behind: 'true', pageSize: 10 }), `pipeline-behind|${year}`);
  const d = res.data;
  const ledger = (q: Record<string, string>) => `/projects?${new URLSearchParams({ year: String(year), ...q }).toString()}`;

  const funnel = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{
      type: 'funnel', left: '6%', width: '68%', top: 10, bottom: 10, sort: 'none', minSize: '4%', gap: 2,
      label: { show: true, position: 'right', formatter: '{b} {c}', color: '#444' },
      data: (d?.funnel ?? []).map((f, i) => ({ name: t(`project.stage.${f.stage}`), value: f.count, stage: f.stage, itemStyle: { color: STAGE_PALETTE[i] } })),
    }],
  }), [d, t]);
  const tracks = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (d?.byTrack ?? []).map((r) => r.track), axisLabel: { interval: 0, rotate: (d?.byTrack.length ?? 0) > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATES.map((s, i) => ({ name: t(`project.stage.${s}`), type: 'bar' as const, stack: 'n', barMaxWidth: 48, itemStyle: { color: STAGE_PALETTE[i] }, data: (d?.byTrack ?? []).map((r) => r.counts[s] ?? 0) })),
  }), [d, t]);
  const months = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (d?.months ?? []).map((m) => m.month.slice(5)) },
    yAxis: { type: 'value' },
    series: [
      { name: t('project.pipeline.month'), type: 'bar', itemStyle: { color: '#ef9a9a' }, data: (d?.months ?? []).map((m) => m.investment) },
      { name: t('project.pipeline.done'), type: 'line', smooth: true, itemStyle: { color: '#c62828' }, data: (d?.months ?? []).map((m) => m.cumulative) },
      { name: t('project.pipeline.planLine'), type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: '#1e88e5' }, data: (d?.months ?? []).map((m) => m.planCumulative) },
    ],
  }), [d, t]);

  return (
    <div data-testid="pipeline-page">
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('project.pipeline.title')}</h2>
        <Space>
          <span>{t('project.pipeline.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setParams(new URLSearchParams({ year: String(v) }))} data-testid="pipeline-year" />
          <Link to={ledger({})}>{t('project.pipeline.openLedger')}</Link>
        </Space>
      </div>
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : !d ? (
        <Spin style={{ display: 'block', margin: 80 }} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Row gutter={12}>
            <Col span={6}><Card size="small"><Statistic title={t('project.pipeline.total')} value={d.total} valueRender={() => <Link to={ledger({})} data-testid="pipeline-total">{d.total}</Link>} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={t('project.pipeline.investment')} value={money(d.totalInvestment)} /></Card></Col>
            <Col span={6}><Card size="small"><Statistic title={t('project.pipeline.plan')} value={money(d.plan)} /></Card></Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('project.pipeline.behind')} value={behind.data?.total ?? 0}
                  valueRender={() => <Link to={ledger({ behind: 'true' })} data-testid="pipeline-behind" style={{ color: '#d32f2f' }}>{behind.data?.total ?? '…'}</Link>} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('project.pipeline.funnel')} data-testid="pipeline-funnel" data-counts={d.funnel.map((f) => f.count).join(',')}>
                <EChart option={funnel} height={320} testId="chart-funnel" onClick={(p) => { const s = (p.data as { stage?: string } | undefined)?.stage; if (s) navigate(ledger({ state: STAGES.slice(STAGES.indexOf(s as never)).join(',') })); }} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('project.pipeline.byTrack')} data-testid="pipeline-tracks">
                <EChart option={tracks} height={320} testId="chart-tracks" />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('project.pipeline.monthly')} data-testid="pipeline-months">
                <EChart option={months} height={280} testId="chart-months" />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('project.pipeline.targets')} data-testid="pipeline-targets">
                {d.targets.length === 0 ? <Typography.Text type="secondary">{t('project.pipeline.none')}</Typography.Text> : d.targets.map((x) => (
                  <div key={x.id} style={{ marginBottom: 10 }} data-testid={`target-${x.id}`}>
                    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                      <Typography.Text>{x.name}</Typography.Text>
                      <span><b>{x.done}/{x.target}</b> <Tag color={x.met ? 'success' : 'default'}>{x.met ? t('project.pipeline.met') : t('project.pipeline.notMet')}</Tag></span>
                    </Space>
                    <Progress percent={Math.min(100, Math.round((x.done / x.target) * 100))} showInfo={false} status={x.met ? 'success' : 'active'} size="small" />
                  </div>
                ))}
              </Card>
              <Card size="small" title={t('project.pipeline.lights')} style={{ marginTop: 12 }}>
                <Space wrap>
                  {LIGHTS.map((l) => (
                    <Link key={l} to={ledger({ light: l })} data-testid={`pipeline-light-${l}`}>
                      <Tag color={LIGHT_COLORS[l]}>{t(`light.${l}`)} {d.lights[l]}</Tag>
                    </Link>
                  ))}
                  <Link to={ledger({ state: 'terminated' })}><Tag>{t('project.pipeline.terminated')} {d.terminated}</Tag></Link>
                </Space>
              </Card>
              <Card size="small" title={t('project.pipeline.acceptance')} style={{ marginTop: 12 }} data-testid="pipeline-acceptance">
                <Space wrap>
                  {VERDICTS.map((v) => (
                    <Link key={v} to={ledger({ verdict: v })}><Tag color={v === 'pass' ? 'success' : v === 'fail' ? 'error' : 'warning'}>{t(`project.verdict.${v}`)} {d.acceptance[v]}</Tag></Link>
                  ))}
                </Space>
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
