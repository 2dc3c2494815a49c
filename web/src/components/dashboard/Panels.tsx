// The dashboard's panels: one endpoint each, every number (chart element or table cell) opening the ledger behind it.
import { Button, Progress, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ByLight, ByStatus, Figure, MonthPoint, Overdue, OverdueItem, RateRow, SourceRow } from '../../api/dashboardTypes';
import { LIGHTS, type TaskStatus } from '../../api/taskTypes';
import { useTaskLabels } from '../tasks/useTaskLabels';
import { EChart, type ChartOption } from './EChart';
import { ledgerUrl, pct } from './figure';

export const LIGHT_COLORS = { red: '#d32f2f', yellow: '#f5a623', blue: '#1e88e5', green: '#43a047' } as const;
export const STATUS_ORDER: TaskStatus[] = ['draft', 'pending_review', 'assigned', 'returned', 'in_progress', 'completion_requested', 'closed', 'archived', 'withdrawn'];

const axisText = (dark: boolean) => (dark ? '#c9d1e3' : '#555');
const gridLine = (dark: boolean) => (dark ? 'rgba(255,255,255,0.08)' : '#eee');

/** A number that opens the ledger filtered to exactly its tasks. */
export function FigureLink({ fig, testId, children, style }: { fig: Figure; testId?: string; children?: React.ReactNode; style?: React.CSSProperties }) {
  return (
    <Link to={ledgerUrl(fig)} data-testid={testId} data-n={fig.n} style={{ fontVariantNumeric: 'tabular-nums', ...style }}>
      {children ?? fig.n}
    </Link>
  );
}

/** Chart click → the figure stored on the data item. */
function useOpenFigure() {
  const navigate = useNavigate();
  return (p: { data?: unknown }) => {
    const fig = (p.data as { fig?: Figure } | undefined)?.fig;
    if (fig) navigate(ledgerUrl(fig));
  };
}

export function LightPanel({ data, dark = false, height = 260 }: { data: ByLight; dark?: boolean; height?: number }) {
  const { t } = useTranslation();
  const open = useOpenFigure();
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, textStyle: { color: axisText(dark) } },
      series: [
        {
          type: 'pie',
          stillShowZeroSum: false,
          radius: ['45%', '72%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}', color: axisText(dark), fontSize: dark ? 16 : 12 },
          data: LIGHTS.map((l) => ({ name: t(`light.${l}`), value: data[l].n, fig: data[l], itemStyle: { color: LIGHT_COLORS[l] } })),
        },
      ],
    }),
    [data, dark, t],
  );
  return (
    <>
      <EChart option={option} height={height} dark={dark} onClick={open} testId="chart-light" />
      {!dark && (
        <div style={{ display: 'flex', justifyContent: 'space-around', marginTop: 4 }}>
          {LIGHTS.map((l) => (
            <span key={l}>
              <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_COLORS[l], marginInlineEnd: 4 }} />
              {t(`light.${l}`)} <FigureLink fig={data[l]} testId={`dash-light-${l}`} />
            </span>
          ))}
        </div>
      )}
    </>
  );
}

export function StatusPanel({ data, dark = false, height = 260 }: { data: ByStatus; dark?: boolean; height?: number }) {
  const labels = useTaskLabels();
  const open = useOpenFigure();
  const statuses = useMemo(() => STATUS_ORDER.filter((s) => data[s]), [data]);
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: statuses.map((s) => labels.status(s)), axisLabel: { interval: 0, rotate: 30, color: axisText(dark) } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisText(dark) }, splitLine: { lineStyle: { color: gridLine(dark) } } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#c62828', borderRadius: [3, 3, 0, 0] },
          label: { show: true, position: 'top', color: axisText(dark) },
          data: statuses.map((s) => ({ value: data[s].n, fig: data[s] })),
        },
      ],
    }),
    [data, dark, labels, statuses],
  );
  return (
    <>
      <EChart option={option} height={height} dark={dark} onClick={open} testId="chart-status" />
      {!dark && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 14px', marginTop: 4 }}>
          {statuses.map((s) => (
            <span key={s} data-testid={`dash-status-row-${s}`}>
              {labels.status(s)} <FigureLink fig={data[s]} testId={`dash-status-${s}`} />
            </span>
          ))}
        </div>
      )}
    </>
  );
}

export function RatesPanel({ rows, kind, dark = false, height }: { rows: RateRow[]; kind: 'unit' | 'leader'; dark?: boolean; height?: number }) {
  const { t } = useTranslation();
  const open = useOpenFigure();
  const shown = useMemo(() => rows.slice(0, dark ? 10 : 15), [rows, dark]);
  const option = useMemo<ChartOption>(() => {
    const names = [...shown].reverse();
    return {
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0, textStyle: { color: axisText(dark) } },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: axisText(dark) }, splitLine: { lineStyle: { color: gridLine(dark) } } },
      yAxis: { type: 'category', data: names.map((r) => r.name), axisLabel: { color: axisText(dark), width: 110, overflow: 'truncate' } },
      series: [
        {
          name: t('dashboard.completionRate'),
          type: 'bar',
          itemStyle: { color: '#1e88e5' },
          label: { show: true, position: 'right', formatter: (p) => pct(p.value as number | null), color: axisText(dark) },
          data: names.map((r) => ({ value: r.completionRate, fig: r.closed })),
        },
        {
          name: t('dashboard.onTimeRate'),
          type: 'bar',
          itemStyle: { color: '#43a047' },
          label: { show: true, position: 'right', formatter: (p) => pct(p.value as number | null), color: axisText(dark) },
          data: names.map((r) => ({ value: r.onTimeRate, fig: r.closedOnTime })),
        },
      ],
    };
  }, [shown, dark, t]);
  const columns: TableColumnsType<RateRow> = [
    { title: t(kind === 'unit' ? 'dashboard.unit' : 'dashboard.leader'), dataIndex: 'name', ellipsis: true },
    { title: t('dashboard.total'), key: 'total', width: 70, align: 'right', render: (_, r) => <FigureLink fig={r.total} testId={`dash-${kind}-total-${r.id}`} /> },
    { title: t('dashboard.closed'), key: 'closed', width: 64, align: 'right', render: (_, r) => <FigureLink fig={r.closed} /> },
    { title: t('dashboard.closedOnTime'), key: 'onTime', width: 80, align: 'right', render: (_, r) => <FigureLink fig={r.closedOnTime} /> },
    { title: t('dashboard.openOverdue'), key: 'od', width: 80, align: 'right', render: (_, r) => <FigureLink fig={r.openOverdue} /> },
    { title: t('dashboard.completionRate'), key: 'cr', width: 72, align: 'right', render: (_, r) => pct(r.completionRate) },
    { title: t('dashboard.onTimeRate'), key: 'otr', width: 72, align: 'right', render: (_, r) => pct(r.onTimeRate) },
  ];
  return (
    <>
      <EChart option={option} height={height ?? Math.max(160, 60 + shown.length * 34)} dark={dark} onClick={open} testId={`chart-rates-${kind}`} />
      {!dark && (
        <Table<RateRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
          style={{ marginTop: 8 }}
          data-testid={`dash-rates-${kind}`}
        />
      )}
    </>
  );
}

export function TrendPanel({ data, dark = false, height = 280 }: { data: MonthPoint[]; dark?: boolean; height?: number }) {
  const { t } = useTranslation();
  const open = useOpenFigure();
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: axisText(dark) } },
      grid: { left: 40, right: 20, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.map((p) => p.month), axisLabel: { color: axisText(dark) } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisText(dark) }, splitLine: { lineStyle: { color: gridLine(dark) } } },
      series: [
        { name: t('dashboard.opened'), type: 'line', smooth: true, symbolSize: 8, itemStyle: { color: '#e53935' }, data: data.map((p) => ({ value: p.opened.n, fig: p.opened })) },
        { name: t('dashboard.closed'), type: 'line', smooth: true, symbolSize: 8, itemStyle: { color: '#43a047' }, data: data.map((p) => ({ value: p.closed.n, fig: p.closed })) },
      ],
    }),
    [data, dark, t],
  );
  return (
    <>
      <EChart option={option} height={height} dark={dark} onClick={open} testId="chart-trend" />
      {!dark && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: 12, marginTop: 4 }}>
          {data.map((p) => (
            <span key={p.month}>
              {p.month.slice(2)}: <FigureLink fig={p.opened} testId={`dash-trend-opened-${p.month}`} />/
              <FigureLink fig={p.closed} testId={`dash-trend-closed-${p.month}`} style={{ color: '#43a047' }} />
            </span>
          ))}
        </div>
      )}
    </>
  );
}

export function SourcePanel({ rows, dark = false, height }: { rows: SourceRow[]; dark?: boolean; height?: number }) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const open = useOpenFigure();
  const shown = useMemo(() => rows.slice(-(dark ? 8 : 12)), [rows, dark]);
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: axisText(dark) } },
      grid: { left: 8, right: 30, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisText(dark) }, splitLine: { lineStyle: { color: gridLine(dark) } } },
      yAxis: { type: 'category', data: shown.map((r) => r.title), axisLabel: { color: axisText(dark), width: 150, overflow: 'truncate' } },
      series: [
        { name: t('dashboard.total'), type: 'bar', itemStyle: { color: '#ef9a9a' }, label: { show: true, position: 'right', color: axisText(dark) }, data: shown.map((r) => ({ value: r.total.n, fig: r.total })) },
        { name: t('dashboard.closed'), type: 'bar', itemStyle: { color: '#43a047' }, label: { show: true, position: 'right', color: axisText(dark) }, data: shown.map((r) => ({ value: r.closed.n, fig: r.closed })) },
      ],
    }),
    [shown, dark, t],
  );
  const columns: TableColumnsType<SourceRow> = [
    {
      title: t('dashboard.source'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r) => (
        <span>
          <Tag style={{ marginInlineEnd: 4 }}>{labels.sourceKind(r.kind)}</Tag>
          {v}
        </span>
      ),
    },
    { title: t('dashboard.total'), key: 'total', width: 70, align: 'right', render: (_, r) => <FigureLink fig={r.total} testId={`dash-source-total-${r.id}`} /> },
    { title: t('dashboard.closed'), key: 'closed', width: 64, align: 'right', render: (_, r) => <FigureLink fig={r.closed} testId={`dash-source-closed-${r.id}`} /> },
    { title: t('dashboard.completionRate'), key: 'cr', width: 72, align: 'right', render: (_, r) => pct(r.completionRate) },
    { title: t('dashboard.avgPercent'), key: 'avg', width: 120, render: (_, r) => <Progress percent={r.avgPercent ?? 0} size="small" /> },
  ];
  return (
    <>
      {shown.length > 0 && <EChart option={option} height={height ?? Math.max(160, 60 + shown.length * 40)} dark={dark} onClick={open} testId="chart-source" />}
      {!dark && (
        <Table<SourceRow> size="small" rowKey="id" columns={columns} dataSource={rows} pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false} style={{ marginTop: 8 }} data-testid="dash-sources" />
      )}
    </>
  );
}

export function OverduePanel({ data, dark = false, limit }: { data: Overdue; dark?: boolean; limit?: number }) {
  const { t } = useTranslation();
  const items = limit ? data.items.slice(0, limit) : data.items;
  const columns: TableColumnsType<OverdueItem> = [
    { title: t('task.number'), dataIndex: 'number', width: 100, render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
    { title: t('task.title'), dataIndex: 'title', ellipsis: true },
    { title: t('task.leadUnit'), dataIndex: 'leadUnitName', width: 120, ellipsis: true },
    { title: t('task.deadline'), dataIndex: 'deadline', width: 100 },
    { title: t('dashboard.days'), dataIndex: 'daysOverdue', width: 80, align: 'right', render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
  ];
  if (dark) {
    return (
      <div style={{ fontSize: 18, color: '#e6ebf5' }}>
        {items.map((r) => (
          <div key={r.id} style={{ display: 'flex', gap: 12, padding: '6px 0', borderBottom: '1px solid rgba(255,255,255,0.08)' }}>
            <span style={{ color: '#ff6b6b', width: 70, textAlign: 'right', flexShrink: 0 }}>{r.daysOverdue}天</span>
            <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.title}</span>
            <span style={{ color: '#9fb0d0', width: 150, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.leadUnitName}</span>
          </div>
        ))}
      </div>
    );
  }
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Button type="link" size="small" style={{ paddingInline: 0 }}>
          <FigureLink fig={data.total} testId="dash-overdue-total">
            {t('dashboard.overdueTotal', { n: data.total.n })}
          </FigureLink>
        </Button>
      </div>
      <Table<OverdueItem> size="small" rowKey="id" columns={columns} dataSource={items} pagination={false} data-testid="dash-overdue" />
    </>
  );
}
