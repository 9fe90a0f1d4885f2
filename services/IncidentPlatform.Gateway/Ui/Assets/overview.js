// The overview: the KPIs of the last 24 h, 7 d or 30 d (GET /api/kpis) with small charts of the window.
import { api, query } from './api.js';
import { $, el, SEVERITIES } from './dom.js';
import { severityBars, trendLine, shareBars } from './charts.js';

const WINDOWS = [['24h', '24 h', 1], ['7d', '7 days', 7], ['30d', '30 days', 30]];
let chosen = '7d';

export async function showOverview() {
  const now = new Date();
  const reports = {};
  // 30 days first: the server reuses that read for the shorter windows.
  for (const [key, , days] of [...WINDOWS].reverse()) {
    reports[key] = await api(`/api/kpis?${query({ from: new Date(now - days * 86400000).toISOString(), to: now.toISOString() })}`);
  }
  render(reports);
}

function render(reports) {
  const r = reports[chosen];
  const picker = el('div', { class: 'segmented', role: 'group', 'aria-label': 'Window' },
    WINDOWS.map(([key, label]) => el('button', {
      type: 'button', class: 'btn btn-sm', text: `Last ${label}`, 'aria-pressed': String(key === chosen),
      on: { click: () => { chosen = key; render(reports); } },
    })));
  const notifications = r.notifications || {};
  const sent = (notifications.delivered || 0) + (notifications.failed || 0);
  $('overview').replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {}, el('h1', { id: 'overview-title', text: 'Overview' }),
        el('p', { text: 'How incidents were handled, and how much of it the automation did.' })),
      picker),
    el('div', { class: 'kpi-grid', id: 'kpis' },
      tile('opened', 'Incidents opened', r.opened),
      tile('resolved', 'Resolved', r.resolved),
      tile('mtta', 'MTTA', duration(r.mttaSeconds), 'to first acknowledgement or decision'),
      tile('mttr', 'MTTR', duration(r.mttrSeconds), 'open to resolved'),
      tile('no-human', 'Resolved without a person', percent(r.resolvedWithoutHumanShare)),
      tile('auto-verified', 'Verified automatic fix', percent(r.autoRemediatedVerifiedShare)),
      tile('approval-wait', 'Approval wait', duration(r.approvalWaitMeanSeconds), `${r.approvalsDecided} decided`),
      tile('notifications', 'Notifications failed', `${notifications.failed || 0} / ${sent}`),
      tile('cache', 'Analysis cache hits', percent(r.analysisCacheHitRate), `${r.analyses} analyses`),
      tile('spend', 'Model spend', `$${Number(r.modelSpendUsd).toFixed(2)}`)),
    el('div', { class: 'chart-grid' },
      chart('Incidents opened by severity', severityBars(r.series, `Incidents opened per ${unit(r)} by severity`), legend()),
      chart('MTTR trend', trendLine(r.series.map((b) => b.mttrSeconds), `MTTR per ${unit(r)}`)),
      chart('Resolved without a person', shareBars(r.series.map((b) => b.resolvedWithoutHumanShare), `Share resolved without a person per ${unit(r)}`))));
}

function tile(key, label, value, note) {
  return el('div', { class: 'kpi card', data: { kpi: key } },
    el('span', { class: 'kpi-label', text: label }), el('strong', { class: 'kpi-value', text: value }),
    note ? el('span', { class: 'kpi-note', text: note }) : null);
}

function chart(title, svg, extra) {
  return el('figure', { class: 'card chart-card' }, el('figcaption', { class: 'card-head', text: title }), el('div', { class: 'card-body' }, svg, extra));
}

function legend() {
  return el('ul', { class: 'chart-legend' }, SEVERITIES.map((s) => el('li', { class: `legend-${s}`, text: s })));
}

function unit(r) { return new Date(r.to) - new Date(r.from) <= 2 * 86400000 ? 'hour' : 'day'; }

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${+(seconds / 60).toFixed(1)} min`;
  if (seconds < 172800) return `${+(seconds / 3600).toFixed(1)} h`;
  return `${+(seconds / 86400).toFixed(1)} d`;
}

function percent(share) { return share === null || share === undefined ? '–' : `${+(share * 100).toFixed(1)} %`; }
