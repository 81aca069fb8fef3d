/**
 * The compliance chart itself, on Chart.js with only the parts a line chart needs registered (the
 * rest of the library is shaken out). This module is imported lazily by ComplianceChart, so Chart.js
 * travels in its own chunk, fetched only when a supervisor opens the day's screen.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { teamStyle, totalStyle, type TeamStyle } from './team-style.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  /** Percent 0–100 per week, null where nothing was owed. */
  values: (number | null)[];
  /** Shown in the tooltip: "8 of 10". */
  details: string[];
  total?: boolean;
}

export interface ChartWords {
  weeks: string[];
  series: ChartSeries[];
  axis: string;
  percent(value: number): string;
}

function dataset(series: ChartSeries, style: TeamStyle) {
  return {
    label: series.label,
    data: series.values,
    borderColor: style.colour,
    backgroundColor: style.colour,
    pointStyle: style.point,
    pointRadius: series.total ? 5 : 7,
    pointHoverRadius: 9,
    borderWidth: series.total ? 5 : 3,
    borderDash: style.dash,
    spanGaps: false,
    // A team at 100 % sits on the top edge: its points are drawn whole, not cut by the plot area.
    clip: false as const,
  };
}

export function drawComplianceChart(canvas: HTMLCanvasElement, words: ChartWords): Chart<'line', (number | null)[], string> {
  const css = getComputedStyle(canvas);
  const text = css.getPropertyValue('--text').trim() || '#f8fafc';
  const muted = css.getPropertyValue('--muted').trim() || '#cbd5e1';
  const grid = 'rgba(148, 163, 184, 0.3)';
  const font = { family: css.fontFamily, size: 16 };
  let teamIndex = 0;
  const datasets = words.series.map((s) => dataset(s, s.total ? totalStyle : teamStyle(teamIndex++)));

  return new Chart(canvas, {
    type: 'line',
    data: { labels: words.weeks, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Figures appear at once: no motion for anyone who asked for less, and none to wait for.
      animation: false,
      interaction: { mode: 'index', intersect: false },
      layout: { padding: { top: 12, right: 12 } },
      scales: {
        x: { ticks: { color: muted, font }, grid: { color: grid } },
        y: {
          min: 0,
          max: 100,
          ticks: { color: muted, font, stepSize: 25, callback: (value) => words.percent(Number(value)) },
          grid: { color: grid },
          title: { display: true, text: words.axis, color: muted, font },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: text, font, usePointStyle: true, padding: 16 } },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          usePointStyle: true,
          callbacks: {
            label: (item) => {
              const series = words.series[item.datasetIndex];
              const value = item.parsed.y;
              return value === null || !series ? '' : `${series.label}: ${words.percent(value)} (${series.details[item.dataIndex] ?? ''})`;
            },
          },
        },
      },
    },
  });
}
