// 培育库: placed enterprises per tier against the year's target (and last year's count), one ECharts bar chart; used on
// the cultivation page and as a dashboard panel. A click on a tier's bars opens its list.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CultivationSummary } from '../../api/cultivationTypes';
import { EChart, type ChartOption } from '../dashboard/EChart';

export function TierChart({
  summary,
  height = 300,
  onTier,
  testId = 'cultivation-chart',
}: {
  summary: CultivationSummary;
  height?: number;
  onTier?: (tierId: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const tiers = summary.tiers;
    const hasPrev = summary.previous !== null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: tiers.map((x) => x.name),
        axisLabel: { interval: 0, width: 110, overflow: 'break', fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...(hasPrev
          ? [
              {
                name: t('cultivation.chart.previous'),
                type: 'bar' as const,
                data: tiers.map((x) => x.previousCount ?? 0),
                itemStyle: { color: '#bfbfbf' },
                barGap: '10%',
              },
            ]
          : []),
        {
          name: t('cultivation.chart.count'),
          type: 'bar' as const,
          data: tiers.map((x) => ({
            value: x.count,
            // below target in orange; a town's view is not measured against the district's targets
            itemStyle: { color: summary.district && x.target !== null && x.count < x.target ? '#fa8c16' : '#1e3a8a' },
          })),
          label: { show: true, position: 'top' as const },
        },
        {
          name: t('cultivation.chart.target'),
          type: 'bar' as const,
          data: tiers.map((x) => x.target ?? 0),
          itemStyle: { color: 'rgba(82,196,26,0.25)', borderColor: '#52c41a', borderType: 'dashed' as const, borderWidth: 1 },
          label: { show: true, position: 'top' as const, color: '#389e0d' },
        },
      ],
    };
  }, [summary, t]);
  return (
    <EChart
      option={option}
      height={height}
      testId={testId}
      onClick={(p) => {
        const tier = summary.tiers[p.dataIndex];
        if (tier && onTier) onTier(tier.id);
      }}
    />
  );
}
