import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/*
 * Charts as SVG, rendered on the server by echarts (server-side rendering, no
 * DOM, no network) and placed inline in the report, so that the page, its
 * print and the PDF show the same drawing.
 */

echarts.use([BarChart, GridComponent, SVGRenderer]);

export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

export interface BarChartSpec {
  /** Unique within the page: prefixes the SVG's ids. */
  id: string;
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  width?: number;
  height?: number;
  /** Formats the value axis's labels. */
  valueLabel?: (value: number) => string;
}

export function barChart({ id, categories, series, stacked = false, horizontal = false, width = 720, height = 280, valueLabel }: BarChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { fontFamily: FONT, fontSize: 10, color: '#333', interval: 0, ...(horizontal ? { width: 190, overflow: 'truncate' as const } : { hideOverlap: true }) }, axisTick: { alignWithLabel: true } };
    const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { fontFamily: FONT, fontSize: 10, color: '#555', ...(valueLabel ? { formatter: valueLabel } : {}) }, splitLine: { lineStyle: { color: '#e4e4e4' } } };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: horizontal ? 200 : 56, right: 20, top: 12, bottom: 28, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color }, barMaxWidth: 28, ...(stacked ? { stack: 'all' } : {}) })),
    });
    return inlineSvg(chart.renderToSVGString(), id) + chartKey(series);
  } finally {
    chart.dispose();
  }
}

/**
 * The chart's key, written as HTML beside it rather than by echarts: the
 * server cannot measure text as the browser will draw it, and HTML wraps.
 */
export function chartKey(series: readonly Pick<BarSeries, 'name' | 'color'>[]): string {
  if (series.length < 2) return '';
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<div class="legend">${series.map((s) => `<span class="key"><svg viewBox="0 0 12 12" class="swatch"><rect x="1" y="1" width="10" height="10" fill="${s.color}"/></svg>${escape(s.name)}</span>`).join('')}</div>`;
}

/**
 * Makes a standalone SVG fit for inline use: the namespace declarations go
 * (inline SVG needs none, and the report then holds no address at all), ids
 * get a per-chart prefix so that two charts never share one, and the drawing
 * scales to the width of its column.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    // Hover styles only: a page-wide <style> from one chart would reach the others.
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\sid="([^"]+)"/g, ` id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`)
    .replace(/^<svg width="(\d+)" height="(\d+)"/, '<svg class="chart" role="img" preserveAspectRatio="xMidYMid meet"');
}
