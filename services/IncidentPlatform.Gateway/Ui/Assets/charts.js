// Small inline-SVG charts for the overview (no library): stacked bars, a line, and share bars. Sizes are in viewBox
// units; CSS scales the SVG to its box. Colours come from classes (the CSP forbids inline styles).
import { SEVERITIES } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 320, H = 120, PAD = 4;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) if (child) node.append(child);
  return node;
}

function frame(label, ...children) {
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart', preserveAspectRatio: 'none' },
    svg('title', {}, document.createTextNode(label)),
    svg('line', { x1: 0, y1: H - 0.5, x2: W, y2: H - 0.5, class: 'chart-axis' }), ...children);
}

/** Bars of incidents opened per bucket, stacked by severity (critical at the bottom). */
export function severityBars(series, label) {
  const totals = series.map((b) => Object.values(b.openedBySeverity || {}).reduce((a, n) => a + n, 0));
  const max = Math.max(1, ...totals);
  const step = W / Math.max(1, series.length), width = Math.max(1, step - 1);
  const bars = [];
  series.forEach((bucket, i) => {
    let y = H;
    for (const severity of SEVERITIES) {
      const n = (bucket.openedBySeverity || {})[severity] || 0;
      if (!n) continue;
      const h = (n / max) * (H - PAD);
      y -= h;
      bars.push(svg('rect', { x: (i * step).toFixed(2), y: y.toFixed(2), width: width.toFixed(2), height: h.toFixed(2), class: `bar-${severity}`, 'data-severity': severity }));
    }
  });
  return frame(label, ...bars);
}

/** A line through the buckets that have a value (gaps where none resolved). */
export function trendLine(values, label) {
  const max = Math.max(1, ...values.filter((v) => v !== null && v !== undefined));
  const step = W / Math.max(1, values.length);
  const points = values.map((v, i) => (v === null || v === undefined ? null : [(i + 0.5) * step, H - (v / max) * (H - PAD)]));
  const dots = points.filter(Boolean).map(([x, y]) => svg('circle', { cx: x.toFixed(2), cy: y.toFixed(2), r: 2, class: 'chart-dot' }));
  const path = points.filter(Boolean).map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(2)} ${y.toFixed(2)}`).join(' ');
  return frame(label, path ? svg('path', { d: path, class: 'chart-line' }) : null, ...dots);
}

/** One bar per bucket for a share between 0 and 1. */
export function shareBars(values, label) {
  const step = W / Math.max(1, values.length), width = Math.max(1, step - 1);
  const bars = values.map((v, i) => (v === null || v === undefined ? null
    : svg('rect', { x: (i * step).toFixed(2), y: (H - v * (H - PAD)).toFixed(2), width: width.toFixed(2), height: (v * (H - PAD)).toFixed(2), class: 'bar-share' })));
  return frame(label, ...bars.filter(Boolean));
}
