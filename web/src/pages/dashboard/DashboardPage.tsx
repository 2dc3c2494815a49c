// 领导驾驶舱: one panel per /api/dashboard metric; every number opens the ledger behind it. Full screen: a dark 16:9 wall.
import { Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, FullscreenExitOutlined, FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, download, type Query } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { DirectiveRow, ByLight, ByStatus, Figure, MonthPoint, Overdue, RateRow, SourceRow } from '../../api/dashboardTypes';
import { useAuth } from '../../auth/AuthContext';
import { notifyError } from '../../components/feedback';
import { LoadError } from '../../components/Results';
import { FigureLink, LightPanel, OverduePanel, RatesPanel, SourcePanel, StatusPanel, TrendPanel } from '../../components/dashboard/Panels';
import { DirectivePanel } from '../../components/dashboard/DirectivePanel';
import { ProjectsPanel } from '../../components/projects/ProjectsPanel';
import { CultivationPanel } from '../../components/cultivation/CultivationPanel';
import { useTaskLabels } from '../../components/tasks/useTaskLabels';

const SCOPE_KEYS = ['q', 'sourceKind', 'sourceId', 'leaderId', 'leadUnitId', 'unitId'] as const;
const OPEN = ['pending_review', 'assigned', 'returned', 'in_progress', 'completion_requested'] as const;
const CLOSED = ['closed', 'archived'] as const;

interface Data {
  light: ByLight;
  status: ByStatus;
  units: RateRow[];
  leaders: RateRow[];
  overdue: Overdue;
  trend: MonthPoint[];
  sources: SourceRow[];
  directives: DirectiveRow[];
}

async function loadAll(scope: Query): Promise<Data> {
  const [light, status, units, leaders, overdue, trend, sources, directives] = await Promise.all([
    api.get<ByLight>('/dashboard/by-light', scope),
    api.get<ByStatus>('/dashboard/by-status', scope),
    api.get<RateRow[]>('/dashboard/rates-by-unit', scope),
    api.get<RateRow[]>('/dashboard/rates-by-leader', scope),
    api.get<Overdue>('/dashboard/overdue', { ...scope, limit: 10 }),
    api.get<MonthPoint[]>('/dashboard/monthly-trend', scope),
    api.get<SourceRow[]>('/dashboard/by-source', scope),
    api.get<DirectiveRow[]>('/dashboard/by-directive', scope),
  ]);
  return { light, status, units, leaders, overdue, trend, sources, directives };
}

/** The big numbers: open, red, yellow and the on-time rate, each with the ledger filter behind it. */
function headline(d: Data, scope: Query) {
  const open: Figure = { n: OPEN.reduce((s, k) => s + (d.status[k]?.n ?? 0), 0), filter: { ...scope, status: [...OPEN] } };
  const closed = d.units.reduce((s, r) => s + r.closed.n, 0);
  const onTime = d.units.reduce((s, r) => s + r.closedOnTime.n, 0);
  // open work past its deadline counts against the rate: it can no longer be closed on time
  const overdue = d.units.reduce((s, r) => s + (r.openOverdue?.n ?? 0), 0);
  const due = closed + overdue;
  const rate = due ? Math.round((onTime / due) * 1000) / 10 : null;
  const onTimeFig: Figure = { n: onTime, filter: { ...scope, status: [...CLOSED], closedOnTime: true } };
  return { open, red: d.light.red, yellow: d.light.yellow, rate, onTimeFig, onTime, closed, overdue };
}

function Kpis({ d, scope, wall }: { d: Data; scope: Query; wall?: boolean }) {
  const { t } = useTranslation();
  const h = headline(d, scope);
  const items: { key: string; label: string; fig: Figure; text?: string; hint?: string; color: string }[] = [
    { key: 'open', label: t('dashboard.open'), fig: h.open, color: wall ? '#7fb3ff' : '#1e3a8a' },
    { key: 'red', label: t('dashboard.red'), fig: h.red, color: '#e53935' },
    { key: 'yellow', label: t('dashboard.yellow'), fig: h.yellow, color: '#f5a623' },
    { key: 'ontime', label: t('dashboard.onTime'), fig: h.onTimeFig, text: h.rate === null ? '—' : `${h.rate}%`,
      hint: t('dashboard.onTimeHint', { onTime: h.onTime, closed: h.closed, overdue: h.overdue }),
      color: '#43a047',
    },
  ];
  return (
    <Row gutter={wall ? 24 : 12}>
      {items.map((i) => (
        <Col span={6} key={i.key}>
          <div
            style={{
              background: wall ? 'rgba(255,255,255,0.04)' : '#fff',
              border: wall ? '1px solid rgba(127,179,255,0.25)' : '1px solid #f0f0f0',
              borderRadius: 8,
              padding: wall ? '18px 24px' : '12px 18px',
              borderTop: `3px solid ${i.color}`,
            }}
          >
            <div style={{ color: wall ? '#9fb0d0' : '#666', fontSize: wall ? 24 : 14 }}>{i.label}</div>
            <FigureLink fig={i.fig} testId={`${wall ? 'wall' : 'dash'}-kpi-${i.key}`} style={{ color: i.color, fontSize: wall ? 72 : 34, fontWeight: 700, lineHeight: 1.2 }}>
              {i.text ?? i.fig.n}
            </FigureLink>
            {i.hint && (
              <div data-testid={`${wall ? 'wall' : 'dash'}-kpi-${i.key}-hint`} style={{ color: wall ? '#9fb0d0' : '#888', fontSize: wall ? 18 : 12 }}>
                {i.hint}
              </div>
            )}
          </div>
        </Col>
      ))}
    </Row>
  );
}

/** The wall: a 1920×1080 stage scaled to fit the screen, dark. */
function Wall({ d, scope, onExit }: { d: Data; scope: Query; onExit: () => void }) {
  const { t } = useTranslation();
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const fit = () => setScale(Math.min(window.innerWidth / 1920, window.innerHeight / 1080));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  const box: React.CSSProperties = { background: 'rgba(255,255,255,0.03)', border: '1px solid rgba(127,179,255,0.2)', borderRadius: 8, padding: '12px 16px', height: '100%' };
  const head = (s: string) => <div style={{ color: '#cfe0ff', fontSize: 22, fontWeight: 600, marginBottom: 6 }}>{s}</div>;
  return (
    <div style={{ position: 'absolute', inset: 0, background: '#070d1c', overflow: 'hidden' }} data-testid="dashboard-wall">
      <div
        style={{
          position: 'absolute',
          left: '50%',
          top: '50%',
          width: 1920,
          height: 1080,
          transform: `translate(-50%, -50%) scale(${scale})`,
          transformOrigin: 'center center',
          padding: 28,
          display: 'flex',
          flexDirection: 'column',
          gap: 20,
          background: 'radial-gradient(ellipse at top, #12224a 0%, #070d1c 70%)',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <div style={{ flex: 1, color: '#fff', fontSize: 40, fontWeight: 700, letterSpacing: 4 }}>{t('dashboard.title')}</div>
          <div style={{ color: '#9fb0d0', fontSize: 22, marginInlineEnd: 20 }}>{dayjs().format('YYYY-MM-DD HH:mm')}</div>
          <Button ghost icon={<FullscreenExitOutlined />} onClick={onExit} data-testid="dashboard-exit-fullscreen">
            {t('dashboard.exitFullscreen')}
          </Button>
        </div>
        <Kpis d={d} scope={scope} wall />
        <div style={{ flex: 1, display: 'grid', gridTemplateColumns: '1fr 1.4fr 1.2fr', gridTemplateRows: '1fr 1fr', gap: 20, minHeight: 0 }}>
          <div style={box}>{head(t('dashboard.byLight'))}<LightPanel data={d.light} dark height={330} /></div>
          <div style={box}>{head(t('dashboard.trend'))}<TrendPanel data={d.trend} dark height={330} /></div>
          <div style={box}>{head(t('dashboard.ratesByUnit'))}<RatesPanel rows={d.units} kind="unit" dark height={330} /></div>
          <div style={box}>{head(t('dashboard.byStatus'))}<StatusPanel data={d.status} dark height={330} /></div>
          <div style={box}>{head(t('dashboard.bySource'))}<SourcePanel rows={d.sources} dark height={330} /></div>
          <div style={{ ...box, overflow: 'hidden' }}>{head(`${t('dashboard.overdue')} · ${d.overdue.total.n}`)}<OverduePanel data={d.overdue} dark limit={8} /></div>
        </div>
      </div>
    </div>
  );
}

function BriefingCard() {
  const { t } = useTranslation();
  const lastMonth = dayjs().subtract(1, 'month');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([lastMonth.startOf('month'), lastMonth.endOf('month')]);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (format: 'docx' | 'xlsx') => {
    setBusy(format);
    const from = range[0].format('YYYY-MM-DD');
    const to = range[1].format('YYYY-MM-DD');
    try {
      await download('/briefings', { from, to, format }, `督查督办工作情况通报-${from}-${to}.${format}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('briefing.title')} data-testid="briefing-card">
      <Space wrap>
        <Typography.Text type="secondary">{t('briefing.period')}</Typography.Text>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} data-testid="briefing-range" />
        <Button icon={<DownloadOutlined />} loading={busy === 'docx'} onClick={() => void get('docx')} data-testid="briefing-docx">
          {t('briefing.docx')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void get('xlsx')} data-testid="briefing-xlsx">
          {t('briefing.xlsx')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('briefing.hint')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useTaskLabels();
  const [params, setParams] = useSearchParams();
  const scope: Query = {};
  for (const k of SCOPE_KEYS) {
    const v = params.get(k);
    if (v) scope[k] = v;
  }
  const scopeKey = JSON.stringify(scope);
  const res = useRequest(() => loadAll(scope), `dashboard|${scopeKey}`);
  const wallRef = useRef<HTMLDivElement>(null);
  const [wall, setWall] = useState(false);

  const enter = useCallback(() => setWall(true), []);
  useEffect(() => {
    // Browser full screen where allowed; the wall shows as a fixed overlay either way.
    if (wall && !document.fullscreenElement) void wallRef.current?.requestFullscreen?.().catch(() => undefined);
  }, [wall]);
  const exit = useCallback(() => {
    setWall(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setWall(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && exit();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wall, exit]);

  const d = res.data;
  const scopeSource = scope.sourceId ? d?.sources.find((s) => s.id === scope.sourceId)?.title : undefined;
  const empty = (n: number) => (n ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.none')} />);

  return (
    <div data-testid="dashboard-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('dashboard.title')}
        </Typography.Title>
        {Object.keys(scope).length > 0 && (
          <Tag closable onClose={() => setParams(new URLSearchParams())} data-testid="dashboard-scope">
            {t('dashboard.scoped')}：
            {Object.entries(scope)
              .map(([k, v]) => (k === 'sourceId' ? (scopeSource ?? t('task.source')) : k === 'sourceKind' ? labels.sourceKind(String(v)) : String(v)))
              .join('、')}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.clickHint')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={res.reload}>
          {t('dashboard.refresh')}
        </Button>
        <Button type="primary" icon={<FullscreenOutlined />} onClick={enter} disabled={!d} data-testid="dashboard-fullscreen">
          {t('dashboard.fullscreen')}
        </Button>
      </div>
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : !d ? (
        <div style={{ textAlign: 'center', padding: 80 }}>
          <Spin />
        </div>
      ) : (
        <Spin spinning={res.loading}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Kpis d={d} scope={scope} />
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('dashboard.byLight')} data-testid="panel-light">
                  <LightPanel data={d.light} />
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('dashboard.byStatus')} data-testid="panel-status">
                  <StatusPanel data={d.status} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.ratesByUnit')} data-testid="panel-units">
                  {empty(d.units.length) ?? <RatesPanel rows={d.units} kind="unit" />}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.ratesByLeader')} data-testid="panel-leaders">
                  {empty(d.leaders.length) ?? <RatesPanel rows={d.leaders} kind="leader" />}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.trend')} data-testid="panel-trend">
                  <TrendPanel data={d.trend} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.overdue')} data-testid="panel-overdue">
                  <OverduePanel data={d.overdue} />
                </Card>
              </Col>
              <Col span={24}>
                <Card size="small" title={t('dashboard.bySource')} data-testid="panel-source">
                  {empty(d.sources.length) ?? <SourcePanel rows={d.sources} />}
                </Card>
              </Col>
              {d.directives.length > 0 && (
                <Col span={24}>
                  <Card size="small" title={t('dashboard.byDirective')} data-testid="panel-directive">
                    <DirectivePanel rows={d.directives} />
                  </Card>
                </Col>
              )}
              {can('projects.read') && (
                <Col span={24}>
                  <ProjectsPanel />
                </Col>
              )}
              {can('mujun.read') && (
                <Col span={24}>
                  <CultivationPanel />
                </Col>
              )}
              {can('tasks.manage') && (
                <Col span={24}>
                  <BriefingCard />
                </Col>
              )}
            </Row>
          </Space>
        </Spin>
      )}
      <div ref={wallRef} style={wall ? { position: 'fixed', inset: 0, zIndex: 2000, background: '#070d1c' } : { display: 'none' }}>
        {wall && d && <Wall d={d} scope={scope} onExit={exit} />}
      </div>
    </div>
  );
}
