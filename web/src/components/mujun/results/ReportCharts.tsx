// The report's charts: the four-hero radar (the enterprise against its group's benchmarks — a ratio indicator scores
// exactly its weight at the benchmark, so the benchmark line is the hero's weight — and the group mean) and the trend.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseReport, TrendPoint } from '../../../api/mujunTypes';
import { EChart, type ChartOption } from '../../dashboard/EChart';

const round = (v: number | undefined) => Math.round((v ?? 0) * 100) / 100;

export function HeroRadar({ radar, height = 300 }: { radar: NonNullable<EnterpriseReport['radar']>; height?: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      radar: {
        radius: '60%',
        center: ['50%', '55%'],
        // a score may pass the hero's weight (capped ratios): the axis then reaches the larger value
        indicator: radar.heroes.map((h, i) => ({
          name: `${t(`mujun.hero.${h}`)}\n${round(radar.enterprise[i])} / ${radar.max[i]}`,
          max: Math.max(radar.max[i] || 1, radar.enterprise[i] ?? 0, radar.groupMean[i] ?? 0),
        })),
        axisName: { color: '#333', fontSize: 12, lineHeight: 16 },
        splitArea: { areaStyle: { color: ['#fff', '#fafafa'] } },
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: t('mujun.report.radarBenchmark'),
              value: radar.max.map(round),
              symbol: 'none',
              lineStyle: { type: 'dotted', width: 1.5, color: '#1677ff' },
              itemStyle: { color: '#1677ff' },
            },
            {
              name: t('mujun.report.radarMean'),
              value: radar.groupMean.map(round),
              lineStyle: { type: 'dashed', color: '#8c8c8c' },
              itemStyle: { color: '#8c8c8c' },
              areaStyle: { color: 'rgba(140,140,140,0.12)' },
            },
            {
              name: t('mujun.report.radarEnterprise'),
              value: radar.enterprise.map(round),
              lineStyle: { width: 2, color: '#b71c1c' },
              itemStyle: { color: '#b71c1c' },
              areaStyle: { color: 'rgba(183,28,28,0.18)' },
            },
          ],
        },
      ],
    }),
    [radar, t],
  );
  return <EChart option={option} height={height} testId="mujun-radar" />;
}

export function TrendChart({ points, height = 220 }: { points: TrendPoint[]; height?: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const sorted = [...points].sort((a, b) => a.year - b.year);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: sorted.map((p) => String(p.year)) },
      yAxis: { type: 'value', min: 0 },
      series: [
        {
          type: 'line',
          name: t('mujun.col.total'),
          data: sorted.map((p) => (p.total === null ? null : Math.round(p.total * 100) / 100)),
          itemStyle: { color: '#b71c1c' },
          label: {
            show: true,
            formatter: (p: { dataIndex: number; value: unknown }) =>
              `${p.value}${sorted[p.dataIndex]?.class ? ` · ${sorted[p.dataIndex]!.class}` : ''}`,
          },
        },
      ],
    };
  }, [points, t]);
  return <EChart option={option} height={height} testId="mujun-trend-chart" />;
}
