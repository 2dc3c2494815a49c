// A small wrapper around echarts.init: one instance per element, resized with its box, options replaced on change.
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsOption;

export function EChart({
  option,
  height = 280,
  dark = false,
  onClick,
  testId,
}: {
  option: ChartOption;
  height?: number | string;
  dark?: boolean;
  onClick?: (p: echarts.ECElementEvent) => void;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as echarts.ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, dark]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
