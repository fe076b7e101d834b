// The time series of the current filter: requests per day or week, from /api/stats, drawn by uPlot
// (a webjar, the global uPlot). Days without requests are drawn as zero, not skipped.
import { addDays } from './dates.js';

/** Rows of /api/stats grouped by day or week to [x in epoch seconds], [counts], every period filled. */
export function series(rows, period) {
  const key = period;
  const counts = new Map(rows.map((r) => [r[key], r.count]));
  if (counts.size === 0) return [[], []];
  const days = [...counts.keys()].sort();
  const step = period === 'week' ? 7 : 1;
  const xs = [];
  const ys = [];
  for (let d = days[0]; d <= days[days.length - 1]; d = addDays(d, step)) {
    xs.push(Date.parse(`${d}T12:00:00Z`) / 1000);
    ys.push(counts.get(d) || 0);
  }
  return [xs, ys];
}

/** A chart in an element; update(rows, period) draws new data. */
export function timeSeries(element) {
  let plot = null;
  return {
    update(rows, period) {
      const data = series(rows, period);
      element.dataset.total = String(data[1].reduce((a, b) => a + b, 0));
      element.dataset.points = String(data[0].length);
      const width = Math.max(280, element.clientWidth);
      if (plot) plot.destroy();
      plot = new window.uPlot(
        {
          width,
          height: 180,
          scales: { x: { time: true } },
          axes: [{}, { size: 56 }],
          legend: { show: false },
          series: [{}, { label: `requests per ${period}`, stroke: '#2c7fb8', fill: 'rgba(44, 127, 184, 0.15)', width: 1.5 }],
        },
        data,
        element,
      );
    },
    resize() {
      if (plot) plot.setSize({ width: Math.max(280, element.clientWidth), height: 180 });
    },
  };
}
