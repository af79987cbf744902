// <rnn-chart>: a small streaming time-series chart on uPlot (MIT). The server configures it once with
// one options object, then appends column batches; redraws are coalesced to one per animation frame.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ChartElement } from './chart-element';

export interface SeriesSpec {
  label: string;
  color: string;
  width?: number;
  /** Points only, no line (a scatter plot on a sorted x). */
  points?: boolean;
  dash?: number[];
  /** This column is the half-width of error bars (±) on the series before it: whiskers, not a series. */
  errors?: boolean;
}

export interface ChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic y axis (values <= 0 must come as null). */
  yLog?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  height?: number;
  series: SeriesSpec[];
}

/** Column data: x first, then one column per series; null is a gap. */
type Columns = (number | null)[][];

/**
 * A finished run drawn under the live series for comparison (a pinned run): its own x, one or more y columns,
 * dimmed. Not uPlot series, so it need not share the live run's x values.
 */
export interface Overlay {
  label: string;
  color: string;
  dash?: number[];
  x: number[];
  ys: (number | null)[][];
}

export class RnnChart extends ChartElement {
  private plot?: uPlot;
  private options: ChartOptions = { series: [] };
  private data: Columns = [[]];
  private shade: { from: number; to: number } | null = null;
  private overlays: Overlay[] = [];

  protected isBuilt(): boolean {
    return this.plot !== undefined;
  }

  /** Replaces options and data. */
  configure(optionsJson: string) {
    this.options = JSON.parse(optionsJson) as ChartOptions;
    this.data = [[], ...this.options.series.map(() => [])];
    this.build();
  }

  /** Appends a batch of columns (same layout as the data). */
  append(batchJson: string) {
    const batch = JSON.parse(batchJson) as Columns;
    for (let c = 0; c < this.data.length && c < batch.length; c++) {
      const column = this.data[c];
      for (const v of batch[c]) column.push(v);
    }
    this.schedule();
  }

  /** Clears all data, keeping the options. */
  clear() {
    this.data = this.data.map(() => []);
    this.schedule();
  }

  /** Shades [from, to] on the x axis (e.g. the learning phase); null removes it. */
  setShade(from: number | null, to: number | null) {
    this.shade = from === null || to === null ? null : { from, to };
    this.schedule();
  }

  /** Replaces the pinned runs drawn under the live series ([] removes them). */
  setOverlays(overlaysJson: string) {
    this.overlays = JSON.parse(overlaysJson) as Overlay[];
    // The y range must take them in: rebuild so the range function sees them at once, even without new data.
    this.build();
  }

  /** Pinned runs drawn, for tests. */
  get overlayCount(): number {
    return this.overlays.length;
  }

  /** Number of points held, for tests. */
  get pointCount(): number {
    return this.data[0].length;
  }

  /** Number of points uPlot has to draw (what the student sees), for tests. */
  get drawnCount(): number {
    return this.plot?.data[0]?.length ?? 0;
  }

  /** Re-reads the theme colours (after a light/dark switch). */
  refreshTheme() {
    this.build();
  }

  /** Saves the chart, with its title and legend, as a PNG file. */
  downloadPng(filename: string) {
    if (!this.plot) return;
    const src = this.plot.ctx.canvas;
    const pad = 8;
    const titleHeight = 28;
    const legendHeight = 22;
    const out = document.createElement('canvas');
    out.width = src.width + 2 * pad;
    out.height = src.height + titleHeight + legendHeight + 2 * pad;
    const ctx = out.getContext('2d')!;
    const style = getComputedStyle(this);
    ctx.fillStyle = style.getPropertyValue('--lumo-base-color').trim() || '#fff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = style.color || '#000';
    ctx.font = 'bold 16px sans-serif';
    ctx.fillText(this.options.title ?? '', pad, pad + 18);
    ctx.drawImage(src, pad, pad + titleHeight);
    ctx.font = '13px sans-serif';
    let x = pad;
    const y = out.height - pad - 6;
    const entries = [...this.options.series.slice(0, 12), ...this.overlays.map((o) => ({ label: o.label, color: o.color }))];
    for (const s of entries) {
      ctx.fillStyle = s.color;
      ctx.fillRect(x, y - 9, 14, 4);
      ctx.fillStyle = style.color || '#000';
      ctx.fillText(s.label, x + 18, y);
      x += 26 + ctx.measureText(s.label).width;
    }
    const link = document.createElement('a');
    link.download = filename;
    link.href = out.toDataURL('image/png');
    link.click();
  }

  protected redraw() {
    this.plot?.setData(this.plotted(), true);
  }

  /** The data uPlot draws: x and the series, without the error-bar columns. */
  private plotted(): uPlot.AlignedData {
    return [this.data[0], ...this.data.slice(1).filter((_c, i) => !this.options.series[i]?.errors)] as uPlot.AlignedData;
  }

  /** Whiskers of ± each error column's value on the series before it, with small caps. */
  private drawErrorBars(u: uPlot) {
    const ratio = window.devicePixelRatio || 1;
    const ctx = u.ctx;
    ctx.save();
    this.options.series.forEach((spec, i) => {
      if (!spec.errors || i === 0) return;
      const xs = this.data[0];
      const ys = this.data[i];
      const es = this.data[i + 1];
      ctx.strokeStyle = spec.color;
      ctx.lineWidth = 1.25 * ratio;
      ctx.beginPath();
      for (let k = 0; k < xs.length; k++) {
        const x = xs[k];
        const y = ys[k];
        const e = es[k];
        if (x === null || y === null || e === null || y === undefined || e === undefined) continue;
        const px = u.valToPos(x, 'x', true);
        const lo = u.valToPos(y - e, 'y', true);
        const hi = u.valToPos(y + e, 'y', true);
        const cap = 3 * ratio;
        ctx.moveTo(px, lo);
        ctx.lineTo(px, hi);
        ctx.moveTo(px - cap, lo);
        ctx.lineTo(px + cap, lo);
        ctx.moveTo(px - cap, hi);
        ctx.lineTo(px + cap, hi);
      }
      ctx.stroke();
    });
    ctx.restore();
  }

  protected resize() {
    if (this.plot && this.clientWidth > 0) {
      this.plot.setSize({ width: this.clientWidth, height: this.options.height ?? 260 });
    }
  }

  protected build() {
    this.plot?.destroy();
    const style = getComputedStyle(this);
    const text = style.color || '#333';
    const grid = 'rgba(128,128,128,0.18)';
    const axis = (label?: string, log = false): uPlot.Axis => ({
      label,
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      // Powers of ten as 1e-4 rather than a rounded 0.
      ...(log ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => (v == null ? '' : v >= 0.01 && v < 1e4 ? String(v) : v.toExponential(0))) } : {}),
    });
    const o = this.options;
    const opts: uPlot.Options = {
      title: o.title,
      width: Math.max(this.clientWidth, 200),
      height: o.height ?? 260,
      scales: {
        x: { time: false, ...(o.xRange ? { range: o.xRange } : {}) },
        y: o.yLog ? { distr: 3 } : o.yRange ? { range: o.yRange } : { range: (_u: uPlot, min: number, max: number) => this.yRange(min, max) },
      },
      axes: [axis(o.xLabel), axis(o.yLabel, o.yLog)],
      legend: { show: o.series.length <= 12, live: false },
      cursor: { drag: { x: true, y: false } },
      series: [
        { label: o.xLabel ?? 'x' },
        ...o.series.filter((s) => !s.errors).map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.25,
          dash: s.dash,
          spanGaps: false,
          ...(s.points ? { paths: () => null, points: { show: true, size: 4, fill: s.color, stroke: s.color } } : { points: { show: false } }),
        })),
      ],
      hooks: {
        // Pinned runs go under the live series, after the axes.
        drawAxes: [(u: uPlot) => this.drawOverlays(u)],
        drawClear: [
          (u: uPlot) => {
            if (!this.shade) return;
            const left = u.valToPos(this.shade.from, 'x', true);
            const right = u.valToPos(this.shade.to, 'x', true);
            u.ctx.save();
            u.ctx.fillStyle = 'rgba(255, 193, 7, 0.16)';
            u.ctx.fillRect(left, u.bbox.top, Math.max(0, right - left), u.bbox.height);
            u.ctx.restore();
          },
        ],
        draw: [(u: uPlot) => this.drawErrorBars(u)],
      },
    };
    this.plot = new uPlot(opts, this.plotted(), this);
    // A series without a label (e.g. the second half of a circle) has no legend entry: uPlot would call it "Value".
    const rows = this.plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    const first = rows.length - (opts.series.length - 1); // 0: the legend has no row for x (live: false)
    opts.series.forEach((s, i) => {
      const row = rows[first + i - 1];
      if (i > 0 && !s.label && row) row.style.display = 'none';
    });
  }

  /** The automatic y range: the live data's and the pinned runs', with uPlot's usual padding. */
  private yRange(min: number | null, max: number | null): uPlot.Range.MinMax {
    let lo = min ?? Infinity;
    let hi = max ?? -Infinity;
    for (const o of this.overlays) {
      for (const ys of o.ys) {
        for (const v of ys) {
          if (v === null) continue;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
    return uPlot.rangeNum(lo, hi, 0.1, true) as uPlot.Range.MinMax;
  }

  private drawOverlays(u: uPlot) {
    if (this.overlays.length === 0) return;
    const ctx = u.ctx;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1.25 * ratio;
    for (const o of this.overlays) {
      ctx.strokeStyle = o.color;
      ctx.setLineDash((o.dash ?? []).map((d) => d * ratio));
      for (const ys of o.ys) {
        ctx.beginPath();
        let pen = false;
        for (let k = 0; k < o.x.length; k++) {
          const v = ys[k];
          if (v === null || v === undefined) {
            pen = false;
            continue;
          }
          const px = u.valToPos(o.x[k], 'x', true);
          const py = u.valToPos(v, 'y', true);
          if (pen) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
          pen = true;
        }
        ctx.stroke();
      }
    }
    ctx.restore();
  }
}

customElements.define('rnn-chart', RnnChart);
