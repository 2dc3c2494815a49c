// 档次分布: one stacked bar per group (and 全部), one series per class in the class's color.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Distribution } from '../../../api/mujunTypes';
import { EChart, type ChartOption } from '../../dashboard/EChart';
import { classHex, classOrder } from './classes';

export function DistributionChart({
  data,
  classes,
  height = 260,
}: {
  data: Distribution;
  classes: readonly string[] | undefined;
  height?: number;
}) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const order = classOrder(classes, data.overall, ...data.groups.map((g) => g.classCounts)).filter(
      (c) => (data.overall[c] ?? 0) > 0 || data.groups.some((g) => (g.classCounts[c] ?? 0) > 0),
    );
    const rows = [
      ...data.groups.map((g) => ({ name: `${g.name}（${g.n}）`, counts: g.classCounts })),
      ...(data.groups.length > 1
        ? [
            {
              name: `${t('mujun.dist.overall')}（${Object.values(data.overall).reduce((s, n) => s + n, 0)}）`,
              counts: data.overall,
            },
          ]
        : []),
    ];
    const totals = rows.map((r) => Object.values(r.counts).reduce((s, n) => s + n, 0));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
      series: order.map((c) => ({
        name: t('mujun.classLabel', { c }),
        type: 'bar',
        stack: 'n',
        barMaxWidth: 34,
        itemStyle: { color: classHex(c) },
        // a count too thin to hold its number shows it in the tooltip only
        label: {
          show: true,
          formatter: (p: { value: unknown; dataIndex: number }) =>
            Number(p.value) / (totals[p.dataIndex] || 1) >= 0.06 ? String(p.value) : '',
        },
        data: rows.map((r) => r.counts[c] ?? 0),
      })),
    };
  }, [data, classes, t]);
  return <EChart option={option} height={height} testId="mujun-distribution-chart" />;
}
