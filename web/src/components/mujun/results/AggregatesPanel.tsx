// Per town / per industry: n, class counts, mean score and 亩均税收 as a table and a two-axis bar chart.
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequest } from '../../../api/hooks';
import type { AggregateRow } from '../../../api/mujunTypes';
import { LoadError } from '../../Results';
import { EChart, type ChartOption } from '../../dashboard/EChart';
import { ClassTag, classOrder, fmt } from './classes';

export function AggregatesPanel({
  runId,
  by,
  classes,
  onPick,
}: {
  runId: string;
  by: 'town' | 'industry';
  classes: readonly string[] | undefined;
  onPick?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const res = useRequest(() => api.get<AggregateRow[]>(`/mujun/runs/${runId}/aggregates`, { by }), `mujun-agg|${runId}|${by}`);
  const rows = useMemo(() => res.data ?? [], [res.data]);
  const order = classOrder(classes, ...rows.map((r) => r.classCounts)).filter((c) =>
    rows.some((r) => (r.classCounts[c] ?? 0) > 0),
  );

  const option = useMemo<ChartOption>(() => {
    const names = rows.map((r) => (by === 'industry' ? `${r.key} ${r.label}` : r.label));
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
        { type: 'value', name: t('mujun.agg.unitTax'), splitLine: { show: false } },
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
      width: 180,
      render: (v: string, r) => (
        <a onClick={() => onPick?.(r.key)} data-testid={`mujun-agg-${by}-${r.key}`}>
          {by === 'industry' ? `${r.key} ${v}` : v}
        </a>
      ),
    },
    { title: t('mujun.col.n'), dataIndex: 'n', width: 80, align: 'right' },
    ...order.map((c) => ({
      title: <ClassTag value={c} />,
      key: `c-${c}`,
      width: 64,
      align: 'right' as const,
      render: (_: unknown, r: AggregateRow) => r.classCounts[c] ?? 0,
    })),
    { title: t('mujun.col.meanTotal'), dataIndex: 'meanTotal', width: 100, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.col.landMu'), dataIndex: 'land_mu', width: 110, align: 'right', render: (v: number | null) => fmt(v, 1) },
    { title: t('mujun.col.tax'), dataIndex: 'tax', width: 110, align: 'right', render: (v: number | null) => fmt(v, 1) },
    {
      title: t('mujun.col.valueAdded'),
      dataIndex: 'value_added',
      width: 120,
      align: 'right',
      render: (v: number | null) => fmt(v, 1),
    },
    { title: t('mujun.col.taxPerMu'), dataIndex: 'taxPerMu', width: 140, align: 'right', render: (v: number | null) => fmt(v) },
    { title: t('mujun.col.vaPerMu'), dataIndex: 'vaPerMu', width: 150, align: 'right', render: (v: number | null) => fmt(v) },
  ];

  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  return (
    <div data-testid={`mujun-agg-${by}`}>
      {rows.length > 0 && <EChart option={option} height={300} testId={`mujun-agg-chart-${by}`} />}
      <Table<AggregateRow>
        rowKey="key"
        size="small"
        loading={res.loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 1000 }}
        style={{ marginTop: 12 }}
      />
    </div>
  );
}
