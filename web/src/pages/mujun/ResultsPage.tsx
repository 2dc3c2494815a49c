// 评价结果: pick a year and a run (newest by default); summary, class distribution per group, the ranking with
// filters, per-town and per-industry aggregates, and the comparison of two runs. An enterprise contact is sent on to
// its own report.
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { api, download } from '../../api/client';
import { useRequest } from '../../api/hooks';
import type { AggregateRow, Distribution, ResultRow, ResultSort, RunSummary } from '../../api/mujunTypes';
import type { Me } from '../../api/types';
import type { Paged } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { notifyError } from '../../components/feedback';
import { formatTime } from '../../components/format';
import { FullPageSpin, LoadError } from '../../components/Results';
import { CreateRunModal } from '../../components/mujun/admin/CreateRunModal';
import { AggregatesPanel } from '../../components/mujun/results/AggregatesPanel';
import { classHex, classOrder } from '../../components/mujun/results/classes';
import { CompareView, useAllRuns } from '../../components/mujun/results/CompareView';
import { DistributionChart } from '../../components/mujun/results/DistributionChart';
import { RANKING_KEYS, RankingPanel, rankingFilters, type RankingView } from '../../components/mujun/results/RankingPanel';
import { townPdfName, townPdfPath, usePdfDownload } from '../../components/mujun/results/usePdfDownload';
import { latestRun, useMujunMeta, useRuns } from '../../components/mujun/results/useMujun';

type Tab = 'ranking' | 'towns' | 'industries' | 'compare';
const SORTS: ResultSort[] = ['rank', '-total', 'total', 'name'];

function readRanking(p: URLSearchParams): RankingView {
  const v: RankingView = {
    sort: (SORTS as string[]).includes(p.get('sort') ?? '') ? (p.get('sort') as ResultSort) : 'rank',
    page: Math.max(1, Number(p.get('page')) || 1),
    pageSize: [10, 20, 50, 100].includes(Number(p.get('pageSize'))) ? Number(p.get('pageSize')) : 20,
  };
  for (const k of RANKING_KEYS) {
    const x = p.get(k);
    if (x) v[k] = x;
  }
  return v;
}

/** An enterprise contact: its own report in the newest run (the results list is scoped to it). */
function MyReportRedirect() {
  const { t } = useTranslation();
  const res = useRequest(async () => {
    const meta = await api.get<{ years: number[] }>('/mujun/meta');
    const run = await latestRun(meta.years);
    if (!run) return null;
    const page = await api.get<Paged<ResultRow>>(`/mujun/runs/${run.id}/results`, { page: 1, pageSize: 1 });
    const mine = page.items[0];
    return mine ? `/mujun/runs/${run.id}/enterprises/${mine.uscc}` : null;
  }, 'mujun-mine');
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (res.loading || res.data === undefined) return <FullPageSpin />;
  if (res.data) return <Navigate to={res.data} replace />;
  return (
    <Card>
      <Empty description={t('mujun.report.mineNone')} data-testid="mujun-mine-none" />
    </Card>
  );
}

function SummaryCards({
  run,
  dist,
  classes,
}: {
  run: RunSummary;
  dist: Distribution | undefined;
  classes: string[] | undefined;
}) {
  const { t } = useTranslation();
  const overall = dist?.overall ?? {};
  // a town's staff see their own enterprises: the counts of the distribution, with the district's total beside them
  const runN = run.groups.reduce((s, g) => s + g.n, 0);
  const seenN = dist ? dist.groups.reduce((s, g) => s + g.n, 0) : runN;
  const scoped = seenN < runN;
  const groups = scoped && dist ? dist.groups : run.groups;
  const order = classOrder(classes, overall).filter((c) => (overall[c] ?? 0) > 0 || (classes ?? []).includes(c));
  const box = (color: string): React.CSSProperties => ({
    background: '#fff',
    border: '1px solid #f0f0f0',
    borderTop: `3px solid ${color}`,
    borderRadius: 8,
    padding: '10px 16px',
  });
  return (
    <div data-testid="mujun-summary" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, height: '100%' }}>
      <div style={{ ...box('#1e3a8a'), flex: '1 1 100%', display: 'flex', alignItems: 'center', flexWrap: 'wrap' }}>
        <span style={{ color: '#666' }}>{scoped ? t('mujun.summary.evaluatedMine') : t('mujun.summary.evaluated')}</span>
        <span
          style={{ fontSize: 30, fontWeight: 700, color: '#1e3a8a', margin: '0 16px 0 10px' }}
          data-testid="mujun-summary-n"
          data-scoped={scoped ? '1' : '0'}
        >
          {scoped ? seenN : run.enterpriseCount}
        </span>
        <span style={{ fontSize: 13, color: '#8c8c8c' }}>
          {groups.map((g) => t('mujun.summary.groupN', { name: g.name, n: g.n })).join(t('mujun.summary.sep'))}
          {scoped && (
            <>
              <br />
              {t('mujun.summary.district', { n: run.enterpriseCount })}
            </>
          )}
        </span>
      </div>
      {order.map((c) => (
        <div key={c} style={{ ...box(classHex(c)), flex: '1 1 90px' }}>
          <div style={{ color: '#666' }}>{t('mujun.classLabel', { c })}</div>
          <div style={{ fontSize: 30, fontWeight: 700, color: classHex(c) }} data-testid={`mujun-summary-${c}`}>
            {overall[c] ?? 0}
          </div>
        </div>
      ))}
    </div>
  );
}

function RunInfo({ run, runs }: { run: RunSummary; runs: RunSummary[] }) {
  const { t } = useTranslation();
  const parent = run.parentRunId ? runs.find((r) => r.id === run.parentRunId) : undefined;
  return (
    <Space wrap size={[12, 4]} style={{ color: '#595959', fontSize: 13 }} data-testid="mujun-run-info">
      <span>
        {t('mujun.kv', { k: t('mujun.run.scheme') })}
        {run.schemeName} v{run.schemeVersion}
      </span>
      {run.reason && (
        <span>
          {t('mujun.kv', { k: t('mujun.run.reason') })}
          {run.reason}
        </span>
      )}
      {run.parentRunId && (
        <Tag color="purple">{parent ? t('mujun.run.parent', { v: parent.version }) : run.parentRunId.slice(0, 8)}</Tag>
      )}
      <span>{t('mujun.run.createdBy', { name: run.createdByName, at: formatTime(run.createdAt) })}</span>
    </Space>
  );
}

/** A town's or street's own staff (unit_head / unit_clerk): their unit's name is the town in the data. */
function ownTownOf(me: Me | null): string | null {
  return me?.unitName && me.roles.some((r) => r === 'unit_head' || r === 'unit_clerk') ? me.unitName : null;
}

function Results() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const ownTown = ownTownOf(me);
  const [params, setParams] = useSearchParams();
  const meta = useMujunMeta();
  const years = meta.data?.years;
  const year = Number(params.get('year')) || years?.[0];
  const runs = useRuns(year);
  const runList = runs.data ?? [];
  const run = runList.find((r) => r.id === params.get('run')) ?? runList[0];
  const tab = (
    ['ranking', 'towns', 'industries', 'compare'].includes(params.get('tab') ?? '') ? params.get('tab') : 'ranking'
  ) as Tab;
  const view = readRanking(params);
  const dist = useRequest(() => api.get<Distribution>(`/mujun/runs/${run!.id}/distribution`), `mujun-dist|${run?.id}`, !!run);
  const allRuns = useAllRuns(tab === 'compare' ? years : undefined);
  // a town's staff: their town's 体检报告 in one PDF, up front (when the run has enterprises of that town)
  const townAgg = useRequest(
    () => api.get<AggregateRow[]>(`/mujun/runs/${run!.id}/aggregates`, { by: 'town' }),
    `mujun-agg|${run?.id}|town`,
    !!run && !!ownTown,
  );
  const ownTownRow = ownTown ? townAgg.data?.find((r) => r.key === ownTown) : undefined;
  const pdf = usePdfDownload();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const patch = (p: Record<string, string | number | undefined>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace });
  };
  const setView = (v: RankingView) =>
    patch({
      ...Object.fromEntries(RANKING_KEYS.map((k) => [k, v[k]])),
      sort: v.sort === 'rank' ? undefined : v.sort,
      page: v.page === 1 ? undefined : v.page,
      pageSize: v.pageSize === 20 ? undefined : v.pageSize,
    });

  const exportFile = async (kind: 'ranking' | 'classes') => {
    if (!run) return;
    setBusy(kind);
    try {
      if (kind === 'ranking')
        await download(
          `/mujun/runs/${run.id}/export.xlsx`,
          rankingFilters(view),
          `亩均评价排名-${run.year}-v${run.version}.xlsx`,
        );
      else
        await download(`/mujun/runs/${run.id}/class-lists.xlsx`, undefined, `亩均评价分档名单-${run.year}-v${run.version}.xlsx`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  if (meta.error) return <LoadError error={meta.error} onRetry={meta.reload} />;
  if (!meta.data) return <FullPageSpin />;
  const classes = meta.data.classes;

  return (
    <div data-testid="mujun-results-page">
      <div className="ls-page-head">
        <h2 className="ls-page-title">{t('mujun.menu.results')}</h2>
        <Space wrap>
          <Select
            style={{ width: 120 }}
            value={year}
            placeholder={t('mujun.run.year')}
            options={(years ?? []).map((y) => ({ value: y, label: t('mujun.run.yearOption', { year: y }) }))}
            onChange={(y: number) => patch({ year: y, run: undefined, page: undefined })}
            data-testid="mujun-year"
          />
          <Select
            style={{ width: 260 }}
            value={run?.id}
            placeholder={t('mujun.run.run')}
            loading={runs.loading}
            options={runList.map((r, i) => ({
              value: r.id,
              label: (
                <span>
                  {t('mujun.run.version', { v: r.version })}
                  {i === 0 && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {t('mujun.run.latest')}
                    </Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.reason ? ` ${r.reason}` : ''}
                  </Typography.Text>
                </span>
              ),
            }))}
            onChange={(id: string) => patch({ run: id, page: undefined })}
            data-testid="mujun-run"
          />
          {run && (
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'ranking'}
              onClick={() => void exportFile('ranking')}
              data-testid="mujun-export"
            >
              {t('mujun.export.ranking')}
            </Button>
          )}
          {run && ownTownRow && (
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              loading={pdf.busy === ownTownRow.key}
              onClick={() =>
                void pdf.run(ownTownRow.key, townPdfPath(run.id), { town: ownTownRow.key }, townPdfName(ownTownRow.key, run.year))
              }
              data-testid="mujun-head-town-pdf"
            >
              {t('mujun.agg.townPdf')}
            </Button>
          )}
          {run && can('mujun.manage') && (
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'classes'}
              onClick={() => void exportFile('classes')}
              data-testid="mujun-export-classes"
            >
              {t('mujun.export.classLists')}
            </Button>
          )}
          {can('mujun.manage') && year !== undefined && (
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setCreating(true)} data-testid="mujun-run-create">
              {t('mujun.run.create')}
            </Button>
          )}
        </Space>
      </div>
      {year !== undefined && (
        <CreateRunModal
          year={year}
          schemeId={run?.schemeId}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            if (r.year === year) runs.reload();
            patch({ year: r.year, run: r.id, page: undefined });
          }}
        />
      )}
      {!years?.length ? (
        <Card>
          <Empty description={t('mujun.run.noYears')} />
        </Card>
      ) : runs.error ? (
        <LoadError error={runs.error} onRetry={runs.reload} />
      ) : runs.loading && !runs.data ? (
        <div style={{ textAlign: 'center', padding: 60 }}>
          <Spin />
        </div>
      ) : !run ? (
        <Card>
          <Empty description={can('mujun.manage') ? t('mujun.run.noneManage') : t('mujun.run.none')} data-testid="mujun-no-run" />
        </Card>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <RunInfo run={run} runs={runList} />
          {run.warnings.length > 0 && can('mujun.manage') && (
            <Alert
              type="warning"
              showIcon
              title={t('mujun.run.warnings', { n: run.warnings.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 120, overflow: 'auto' }}>
                  {run.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <SummaryCards run={run} dist={dist.data} classes={classes} />
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('mujun.dist.title')} data-testid="mujun-distribution">
                {dist.error ? (
                  <LoadError error={dist.error} onRetry={dist.reload} />
                ) : dist.data ? (
                  <DistributionChart
                    data={dist.data}
                    classes={classes}
                    height={Math.max(160, 56 * (dist.data.groups.length + 1) + 50)}
                  />
                ) : (
                  <Spin />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={(k) => patch({ tab: k === 'ranking' ? undefined : k })}
              items={[
                {
                  key: 'ranking',
                  label: t('mujun.tabs.ranking'),
                  children: <RankingPanel run={run} classes={classes} view={view} onChange={setView} />,
                },
                {
                  key: 'towns',
                  label: t('mujun.tabs.towns'),
                  children: tab === 'towns' && (
                    <AggregatesPanel
                      runId={run.id}
                      year={run.year}
                      ownTown={ownTown}
                      by="town"
                      classes={classes}
                      onPick={(k) => patch({ tab: undefined, town: k, page: undefined })}
                    />
                  ),
                },
                {
                  key: 'industries',
                  label: t('mujun.tabs.industries'),
                  children: tab === 'industries' && (
                    <AggregatesPanel
                      runId={run.id}
                      year={run.year}
                      by="industry"
                      classes={classes}
                      onPick={(k) => patch({ tab: undefined, industry: k, page: undefined })}
                    />
                  ),
                },
                {
                  key: 'compare',
                  label: t('mujun.compare.open'),
                  children:
                    tab === 'compare' &&
                    (allRuns.error ? (
                      <LoadError error={allRuns.error} onRetry={allRuns.reload} />
                    ) : (
                      <CompareView
                        runs={allRuns.data ?? []}
                        a={params.get('a') ?? allRuns.data?.find((r) => r.id !== run.id && r.year <= run.year)?.id}
                        b={params.get('b') ?? run.id}
                        onChange={(a, b) => patch({ a, b })}
                      />
                    )),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}

export default function ResultsPage() {
  const { me } = useAuth();
  if (me?.roles.includes('enterprise')) return <MyReportRedirect />;
  return <Results />;
}
