/**
 * PNG charts: chart.js drawn on an @napi-rs/canvas canvas (no browser, no network), text in the
 * bundled font (font.ts). Sizes are fixed so reports look the same everywhere.
 */
import { createCanvas } from '@napi-rs/canvas';
import { BasicPlatform, Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { ensureChartFont } from './font.js';

Chart.register(...registerables);

export interface ChartImage {
  name: string;
  title: string;
  width: number;
  height: number;
  png: Buffer;
}

export interface ChartOptions {
  fontPath?: string;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;

const whiteBackground: Plugin = {
  id: 'fcbenchBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Render one chart.js configuration to PNG bytes. */
export function renderChart(config: ChartConfiguration, width: number, height: number, opts: ChartOptions = {}): Buffer {
  const family = ensureChartFont(opts.fontPath);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  const previousFamily = Chart.defaults.font.family;
  Chart.defaults.font.family = family;
  Chart.defaults.color = '#222222';
  try {
    const full: ChartConfiguration = {
      ...config,
      options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
      plugins: [...(config.plugins ?? []), whiteBackground],
      platform: BasicPlatform,
    } as ChartConfiguration;
    // chart.js expects a DOM context; @napi-rs/canvas implements the same 2D API.
    const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], full);
    chart.draw();
    const png = canvas.toBuffer('image/png');
    chart.destroy();
    return png;
  } finally {
    Chart.defaults.font.family = previousFamily;
  }
}

/** Grouped bars: accuracy (%) per category, one colour per model. */
export function categoryAccuracyChart(categories: string[], models: { name: string; accuracy: (number | null)[] }[], opts: ChartOptions = {}): ChartImage {
  const width = Math.max(900, 80 + categories.length * (30 + 14 * models.length));
  const height = 600;
  const png = renderChart(
    {
      type: 'bar',
      data: {
        labels: categories,
        datasets: models.map((m, i) => ({ label: m.name, data: m.accuracy.map((a) => (a === null ? null : a * 100)), backgroundColor: colorAt(i) })),
      },
      options: {
        plugins: { title: { display: true, text: 'Accuracy per category (%)' }, legend: { position: 'bottom' } },
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'accuracy (%)' } }, x: { ticks: { autoSkip: false, maxRotation: 60, minRotation: 45 } } },
      },
    },
    width,
    height,
    opts,
  );
  return { name: 'category-accuracy.png', title: 'Accuracy per category', width, height, png };
}

/** Horizontal bars: overall accuracy per model, best first. */
export function overallRankingChart(models: { name: string; overall: number }[], opts: ChartOptions = {}): ChartImage {
  const sorted = [...models].sort((a, b) => b.overall - a.overall);
  const width = 900;
  const height = 120 + 40 * sorted.length;
  const png = renderChart(
    {
      type: 'bar',
      data: { labels: sorted.map((m) => m.name), datasets: [{ label: 'Overall accuracy (%)', data: sorted.map((m) => m.overall * 100), backgroundColor: sorted.map((_, i) => colorAt(i)) }] },
      options: {
        indexAxis: 'y',
        plugins: { title: { display: true, text: 'Overall accuracy (%)' }, legend: { display: false } },
        scales: { x: { min: 0, max: 100 } },
      },
    },
    width,
    height,
    opts,
  );
  return { name: 'overall-ranking.png', title: 'Overall ranking', width, height, png };
}

/** Stacked horizontal bars: failed entries per model by error group. */
export function errorBreakdownChart(groups: { key: string; label: string }[], models: { name: string; counts: Record<string, number> }[], opts: ChartOptions = {}): ChartImage {
  const width = 1000;
  const height = 160 + 50 * models.length;
  const png = renderChart(
    {
      type: 'bar',
      data: {
        labels: models.map((m) => m.name),
        datasets: groups.map((g, i) => ({ label: g.label, data: models.map((m) => m.counts[g.key] ?? 0), backgroundColor: colorAt(i) })),
      },
      options: {
        indexAxis: 'y',
        plugins: { title: { display: true, text: 'Failed entries by error type' }, legend: { position: 'bottom' } },
        scales: { x: { stacked: true, title: { display: true, text: 'failed entries' } }, y: { stacked: true } },
      },
    },
    width,
    height,
    opts,
  );
  return { name: 'error-breakdown.png', title: 'Error-type breakdown', width, height, png };
}
