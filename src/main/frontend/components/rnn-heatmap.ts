// <rnn-heatmap>: a heat map on Apache ECharts (Apache-2.0), tree-shaken to what it draws: a grid of cells on two
// category axes, coloured on a diverging scale centred at 0, and lines over it. Same shape as <rnn-chart>: the
// server configures it once with one options object, then sends batches of cells; redraws are coalesced to one per
// animation frame.
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ChartElement } from './chart-element';

echarts.use([HeatmapChart, LineChart, GridComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface LineSpec {
  label: string;
  color: string;
}

export interface HeatMapOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Category labels of the columns (x) and rows (y, bottom to top). */
  xValues: string[];
  yValues: string[];
  /**
   * Edges of the colour classes above 0, ascending (e.g. 0.01, 0.03, 0.1, 0.3); mirrored below 0. The classes run
   * from blue (most negative) through pale at 0 to red (most positive): a diverging scale centred at 0, so the sign
   * of every cell is seen at a glance.
   */
  edges: number[];
  /** What a cell's value is, for the colour bar and the tooltip. */
  valueLabel?: string;
  height?: number;
  /** Lines over the cells, one y position per column (in row units: 0 is the first row's centre; null: no point). */
  lines?: LineSpec[];
}

/** A batch of cells: [column, row, value] (value null: not measured). */
type Cells = [number, number, number | null][];
/** A batch of lines' points: one array per line, one row position per column. */
type Lines = (number | null)[][];

export class RnnHeatmap extends ChartElement {
  private chart?: echarts.ECharts;
  private options: HeatMapOptions = { xValues: [], yValues: [], edges: [1] };
  private cells = new Map<string, [number, number, number | null]>();
  private lines: Lines = [];

  protected isBuilt(): boolean {
    return this.chart !== undefined;
  }

  protected resize() {
    this.chart?.resize();
  }

  /** Replaces options and data. */
  configure(optionsJson: string) {
    this.options = JSON.parse(optionsJson) as HeatMapOptions;
    this.cells.clear();
    this.lines = (this.options.lines ?? []).map(() => []);
    this.build();
  }

  /** Sets cells (a cell sent again takes the new value) and, when given, replaces the lines. */
  append(batchJson: string) {
    const batch = JSON.parse(batchJson) as { cells: Cells; lines?: Lines };
    for (const c of batch.cells) this.cells.set(c[0] + ',' + c[1], c);
    if (batch.lines) this.lines = batch.lines;
    this.schedule();
  }

  clear() {
    this.cells.clear();
    this.lines = this.lines.map(() => []);
    this.schedule();
  }

  /** Cells with a value, for tests. */
  get pointCount(): number {
    let n = 0;
    for (const c of this.cells.values()) if (c[2] !== null) n++;
    return n;
  }

  refreshTheme() {
    this.build();
  }

  /** Saves the chart as a PNG file on the page's background colour. */
  downloadPng(filename: string) {
    if (!this.chart) return;
    const style = getComputedStyle(this);
    const link = document.createElement('a');
    link.download = filename;
    link.href = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: style.getPropertyValue('--lumo-base-color').trim() || '#fff' });
    link.click();
  }

  protected redraw() {
    this.chart?.setOption({ series: this.seriesData() });
  }

  private seriesData() {
    const rows = this.options.yValues.length;
    return [
      { data: [...this.cells.values()] },
      ...this.lines.map((ys) => ({
        data: ys.map((y, x) => [x, y === null || y === undefined ? null : Math.max(-0.5, Math.min(rows - 0.5, y))]),
      })),
    ];
  }

  protected build() {
    this.chart?.dispose();
    const o = this.options;
    const style = getComputedStyle(this);
    const text = style.color || '#333';
    const grid = 'rgba(128,128,128,0.25)';
    this.style.height = (o.height ?? 360) + 'px';
    this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
    const columns = o.xValues.length;
    const rows = o.yValues.length;
    const name = (label: string | undefined, location: 'middle' | 'end') => ({
      name: label,
      nameLocation: location,
      nameGap: location === 'middle' ? 30 : 12,
      nameTextStyle: { color: text },
      axisLabel: { color: text },
      axisLine: { lineStyle: { color: grid } },
    });
    // The lines live on a second pair of value axes laid exactly over the categories: value i is the centre of
    // category i, so a line can pass between cells (a position interpolated between two rows).
    const hidden = (count: number) => ({ type: 'value' as const, min: -0.5, max: count - 0.5, show: false });
    this.chart.setOption({
      animation: false,
      textStyle: { color: text },
      title: o.title ? { text: o.title, left: 'center', top: 4, textStyle: { color: text, fontSize: 15, fontWeight: 600 } } : undefined,
      grid: { left: 70, right: 140, top: o.title ? 40 : 16, bottom: 56 },
      tooltip: {
        formatter: (params: unknown) => {
          const p = params as { seriesIndex: number; value: (number | null)[] };
          if (p.seriesIndex !== 0) {
            const line = o.lines?.[p.seriesIndex - 1];
            return `${line?.label ?? ''} at ${o.xLabel ?? 'x'} = ${o.xValues[p.value[0] ?? 0]}`;
          }
          const v = p.value;
          const value = v[2] === null || v[2] === undefined ? 'not measured' : v[2].toFixed(3);
          return `${o.xLabel ?? 'x'} = ${o.xValues[v[0] ?? 0]}, ${o.yLabel ?? 'y'} = ${o.yValues[v[1] ?? 0]}: ${o.valueLabel ?? ''} ${value}`;
        },
      },
      xAxis: [
        { type: 'category', data: o.xValues, splitArea: { show: false }, ...name(o.xLabel, 'middle') },
        { ...hidden(columns), gridIndex: 0 },
      ],
      yAxis: [
        { type: 'category', data: o.yValues, splitArea: { show: false }, ...name(o.yLabel, 'middle'), nameGap: 50 },
        { ...hidden(rows), gridIndex: 0 },
      ],
      visualMap: {
        type: 'piecewise',
        seriesIndex: 0,
        dimension: 2,
        orient: 'vertical',
        right: 4,
        top: 'middle',
        itemWidth: 14,
        itemGap: 4,
        textStyle: { color: text, fontSize: 11 },
        pieces: pieces(o.edges),
      },
      series: [
        {
          type: 'heatmap',
          name: o.valueLabel ?? 'value',
          data: [...this.cells.values()],
          itemStyle: { borderColor: grid, borderWidth: 1 },
          emphasis: { itemStyle: { borderColor: text, borderWidth: 2 } },
        },
        ...(o.lines ?? []).map((l) => ({
          type: 'line' as const,
          name: l.label,
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: [] as (number | null)[][],
          connectNulls: false,
          symbolSize: 7,
          lineStyle: { color: l.color, width: 2.5 },
          itemStyle: { color: l.color },
          z: 5,
        })),
      ],
    });
    this.chart.setOption({ series: this.seriesData() });
  }
}

/** ColorBrewer RdBu, 10 classes, most negative first: blue, pale around 0, red. */
const DIVERGING = ['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f'];

/** Classes mirrored around 0 from the positive edges, most positive first (as the colour bar lists them). */
function pieces(edges: number[]) {
  const e = edges.slice(0, 4);
  const bounds = [-Infinity, ...e.slice().reverse().map((v) => -v), 0, ...e, Infinity];
  const half = (DIVERGING.length - (bounds.length - 1)) / 2;
  const out = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const lo = bounds[i];
    const hi = bounds[i + 1];
    const label = lo === -Infinity ? `< ${fmt(hi)}` : hi === Infinity ? `≥ ${fmt(lo)}` : `${fmt(lo)} to ${fmt(hi)}`;
    out.push({ ...(lo === -Infinity ? {} : { gte: lo }), ...(hi === Infinity ? {} : { lt: hi }), label, color: DIVERGING[half + i] });
  }
  return out.reverse();
}

function fmt(v: number) {
  return (v < 0 ? '−' : v > 0 ? '+' : '') + String(Math.abs(v));
}

customElements.define('rnn-heatmap', RnnHeatmap);
