// Per town / per industry: n, class counts, mean score and 亩均税收 as a table and a two-axis bar chart; per town also
// the town's 体检报告 in one PDF (a town's own staff get it up front).
import { Alert, Button, Table, Tooltip } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { AggregateRow } from '../../../api/mujunTypes';
import { LoadError } from '../../Results';
import { EChart, type ChartOption } from '../../dashboard/EChart';
import { ClassTag, classOrder, fmt, industryLabel } from './classes';
import { townPdfName, townPdfPath, usePdfDownload } from './usePdfDownload';

export function AggregatesPanel({
  runId,
  year,
  by,
  classes,
  ownTown,
  onPick,
}: {
  runId: string;
  year: number;
  by: 'town' | 'industry';
  classes: readonly string[] | undefined;
  /** the town of a town's own staff (unit_head / unit_clerk): its PDF comes first */
  ownTown?: string | null;
  onPick?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const pdf = usePdfDownload();
  const townPdf = (town: string) => void pdf.run(town, townPdfPath(runId), { town }, townPdfName(town, year));
  const res = useRequest(() => api.get<AggregateRow[]>(`/mujun/runs/${runId}/aggregates`, { by }), `mujun-agg|${runId}|${by}`);
  const rows = useMemo(() => res.data ?? [], [res.data]);
  const order = classOrder(classes, ...rows.map((r) => r.classCounts)).filter((c) =>
    rows.some((r) => (r.classCounts[c] ?? 0) > 0),
  );

  const option = useMemo<ChartOption>(() => {
    const names = rows.map((r) => (by === 'industry' ? industryLabel(r) : r.key ? r.label : t('mujun.agg.noTown')));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: names.length > 8 ? 35 : 0, width: 110, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', name: t('mujun.agg.unitScore'), splitLine: { lineStyle: { color: '#eee' } } },
        { type: 'value', name: t('mujun.agg.unitTax'), nameTextStyle: { align: 'right' }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('mujun.agg.meanTotal'),
          type: 'bar',
          barMaxWidth: 26,
          itemStyle: { color: '#b71c1c' },
          data: rows.map((r) => (r.meanTotal === null ? null : Math.round(r.meanTotal * 100) / 100)),
        },
        {
          name: t('mujun.agg.taxPerMu'),
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 26,
          itemStyle: { color: '#1e88e5' },
          data: rows.map((r) => (r.taxPerMu === null ? null : Math.round(r.taxPerMu * 100) / 100)),
        },
      ],
    };
  }, [rows, by, t]);

  const columns: TableColumnsType<AggregateRow> = [
    {
      title: by === 'town' ? t('mujun.col.town') : t('mujun.col.industry'),
      dataIndex: 'label',
      fixed: 'left',
      width: by === 'town' ? 140 : 200,
      render: (v: string, r) => (
        <a onClick={() => onPick?.(r.key)} data-testid={`mujun-agg-${by}-${r.key}`}>
          {by === 'industry' ? industryLabel(r) : r.key ? v : t('mujun.agg.noTown')}
        </a>
      ),
    },
    { title: t('mujun.col.n'), dataIndex: 'n', width: 72, align: 'right' },
    ...order.map((c) => ({
      title: <ClassTag value={c} />,
      key: `c-${c}`,
      width: 52,
      align: 'right' as const,
      render: (_: unknown, r: AggregateRow) => r.classCounts[c] ?? 0,
    })),
    { title: t('mujun.col.meanTotal'), dataIndex: 'meanTotal', width: 88, align: 'right', render: (v: number | null) => fmt(v) },
    // the per-mu figures first: what the tab is about; the sums they come from after them
    { title: t('mujun.col.taxPerMu'), dataIndex: 'taxPerMu', width: 120, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.col.vaPerMu'), dataIndex: 'vaPerMu', width: 130, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.col.landMu'), dataIndex: 'land_mu', width: 96, align: 'right', render: (v: number | null) => fmt(v, 1) },
    { title: t('mujun.col.tax'), dataIndex: 'tax', width: 100, align: 'right', render: (v: number | null) => fmt(v, 1) },
    {
      title: t('mujun.col.valueAdded'),
      dataIndex: 'value_added',
      width: 110,
      align: 'right',
      render: (v: number | null) => fmt(v, 1),
    },
    ...(by === 'town'
      ? [
          {
            title: t('mujun.agg.reports'),
            key: 'pdf',
            fixed: 'right' as const,
            width: 176,
            render: (_: unknown, r: AggregateRow) =>
              r.key ? (
                <Tooltip title={t('mujun.agg.townPdfHint', { n: r.enterprises ?? r.n })}>
                  <Button
                    size="small"
                    type={r.key === ownTown ? 'primary' : 'link'}
                    icon={<FilePdfOutlined />}
                    loading={pdf.busy === r.key}
                    onClick={() => townPdf(r.key)}
                    data-testid={`mujun-town-pdf-${r.key}`}
                  >
                    {t('mujun.agg.townPdf')}
                  </Button>
                </Tooltip>
              ) : null,
          },
        ]
      : []),
  ];
  const own = by === 'town' && ownTown ? rows.find((r) => r.key === ownTown) : undefined;

  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <div data-testid={`mujun-agg-${by}`}>
      {own && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('mujun.agg.ownTown', { town: own.label, n: own.enterprises ?? own.n })}
          description={t('mujun.agg.ownTownHint')}
          action={
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              loading={pdf.busy === own.key}
              onClick={() => townPdf(own.key)}
              data-testid="mujun-own-town-pdf"
            >
              {t('mujun.agg.townPdf')}
            </Button>
          }
          data-testid="mujun-own-town"
        />
      )}
      {/* one bar says nothing a town's own staff do not read in the table */}
      {rows.length > 1 && <EChart option={option} height={300} testId={`mujun-agg-chart-${by}`} />}
      <Table<AggregateRow>
        rowKey="key"
        size="small"
        loading={res.loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 12 }}
      />
    </div>
  );
}
