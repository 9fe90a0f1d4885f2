// One incident: a header with its status, severity, service and age and the actions a person may take; the analysis,
// the proposed actions, the latest alerts and the audit trail; the timeline of everything beside them.
import { api } from './api.js';
import { $, el, time, severityBadge, statusPill, say } from './dom.js';
import { ask } from './dialog.js';
import { renderAnalysis } from './analysis.js';
import { renderRemediations } from './remediations.js';
import { renderTimeline } from './timeline.js';

let current = null;

export const currentIncident = () => current;

export async function showIncident(id) {
  current = id;
  const incident = await api(`/api/incidents/${encodeURIComponent(id)}`);
  if (current !== id) return;
  const reload = () => showIncident(id);
  const auditOpen = $('audit')?.open === true;
  const waiting = (incident.remediations || []).filter((r) => r.state === 'pendingApproval').length;
  $('detail').replaceChildren(...[
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '#/', text: 'Incidents' }), ' / ',
      el('span', { class: 'mono', text: incident.id })),
    header(incident, reload),
    waiting ? el('div', { class: 'callout callout-wait spaced', role: 'note' },
      el('strong', { text: waiting === 1 ? 'An action is waiting for approval.' : `${waiting} actions are waiting for approval.` }),
      el('a', { href: '#remediations', text: 'Review', on: { click: (e) => { e.preventDefault(); $('remediations').scrollIntoView(); } } })) : null,
    el('div', { class: 'incident-grid' },
      el('div', { class: 'col' }, renderAnalysis(incident.analysis), renderRemediations(incident.remediations, reload),
        alerts(incident.alerts), audit(incident.id, auditOpen)),
      el('div', { class: 'col' }, el('section', { class: 'card', 'aria-labelledby': 'timeline-title' },
        el('div', { class: 'card-head' }, el('h2', { id: 'timeline-title', text: 'Timeline' }), el('span', { class: 'small muted', text: 'newest first' })),
        el('div', { class: 'card-body' }, renderTimeline(incident.timeline)))))].filter(Boolean));
  if (auditOpen) loadAudit(incident.id);
}

function header(incident, reload) {
  const acknowledge = el('button', { type: 'button', class: 'btn', id: 'acknowledge', text: 'Acknowledge', disabled: incident.status !== 'open',
    on: { click: () => command(incident.id, 'acknowledge', {}, reload) } });
  const resolve = el('button', { type: 'button', class: 'btn btn-primary', id: 'resolve', text: 'Resolve', disabled: incident.status === 'resolved',
    on: { click: () => resolveWithReason(incident, reload) } });
  const silence = el('a', { class: 'btn', href: `#/silences?service=${encodeURIComponent(incident.service || '')}`, text: 'Silence…',
    hidden: !incident.service });
  const sep = () => el('span', { class: 'sep', 'aria-hidden': 'true', text: '•' });
  return el('header', { class: 'incident-head' },
    el('div', {},
      el('div', { class: 'row' }, severityBadge(incident.severity), statusPill(incident.status),
        incident.silencedBy ? el('span', { class: 'pill', text: `Silenced by ${incident.silencedBy}` }) : null),
      el('h1', { id: 'detail-title', text: incident.title }),
      el('div', { class: 'meta' },
        el('span', {}, 'Service ', el('strong', { text: incident.service || '—' })), sep(),
        el('span', {}, 'Opened ', time(incident.createdAt)), sep(),
        el('span', {}, 'Updated ', time(incident.updatedAt)), sep(),
        el('span', { text: `${incident.alertCount} alert${incident.alertCount === 1 ? '' : 's'} from ${incident.source}` }),
        incident.acknowledgedBy ? [sep(), el('span', { text: `Acknowledged by ${incident.acknowledgedBy}` })] : null,
        incident.resolvedBy ? [sep(), el('span', { text: `Resolved by ${incident.resolvedBy}` })] : null)),
    el('div', { class: 'head-actions' }, acknowledge, silence, resolve));
}

async function resolveWithReason(incident, reload) {
  const answer = await ask({ title: 'Resolve this incident?', body: [el('p', { text: incident.title })], ok: 'Resolve', comment: 'Reason (optional)' });
  if (answer.ok) await command(incident.id, 'resolve', answer.comment ? { reason: answer.comment } : {}, reload);
}

async function command(id, action, body, reload) {
  try {
    await api(`/api/incidents/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
    say(action === 'acknowledge' ? 'Incident acknowledged.' : 'Incident resolved.');
    await reload();
  } catch (error) { say(error.message); }
}

function alerts(items) {
  const list = items || [];
  return el('section', { class: 'card', 'aria-labelledby': 'alerts-title' },
    el('div', { class: 'card-head' }, el('h2', { class: 'section-title', id: 'alerts-title' }, 'Latest alerts',
      el('span', { class: 'count', text: list.length ? String(list.length) : '' }))),
    el('div', { class: 'card-body' }, list.length === 0 ? el('p', { class: 'muted small', text: 'No alert stored.' })
      : el('ul', { class: 'alerts', id: 'alerts' }, list.map((a) => el('li', {},
        el('div', { class: 'a-head' }, severityBadge(a.severity), el('span', { class: 'a-title', text: a.title }),
          el('span', { class: 'small muted' }, `${a.source} · `, time(a.timestamp)),
          a.timestampFromReceipt ? el('span', { class: 'pill', title: 'The sender gave no time', text: 'time of receipt' }) : null,
          a.status === 'resolved' ? el('span', { class: 'pill pill-ok', text: 'recovered' }) : null),
        el('pre', { text: a.message }))))));
}

function audit(id, open) {
  return el('section', { class: 'card' }, el('details', { id: 'audit', class: 'card-body', open,
    on: { toggle: (e) => { if (e.target.open) loadAudit(id); } } },
  el('summary', { text: 'Audit trail (hash-chained)' }), el('div', { id: 'audit-body', class: 'stack' })));
}

async function loadAudit(id) {
  const box = $('audit-body');
  try {
    const [page, check] = await Promise.all([api(`/api/incidents/${encodeURIComponent(id)}/audit?limit=500`),
      api(`/api/incidents/${encodeURIComponent(id)}/audit/verify`).catch((e) => ({ error: e.message }))]);
    const verdict = check.valid ? el('div', { class: 'callout callout-ok', text: `Chain verified (${check.mode}): ${check.entries} entries, no link broken.` })
      : el('div', { class: 'callout callout-bad', text: check.error || `Broken at entry ${check.firstBrokenSequence}.` });
    box.replaceChildren(verdict, page.items.length === 0 ? el('p', { class: 'muted small', text: 'No entries: nothing was proposed.' })
      : el('div', { class: 'table-wrap' }, el('table', { class: 'audit' },
        el('thead', {}, el('tr', {}, ['#', 'When', 'What', 'Who', 'Details', 'Hash'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, page.items.map((e) => el('tr', {},
          el('td', { text: e.sequence }), el('td', {}, time(e.at)), el('td', { text: e.kind }),
          el('td', { text: `${e.actor} (${e.channel})` }),
          el('td', { class: 'mono', text: Object.entries(e.details || {}).filter(([k]) => k !== 'parameters' || e.kind === 'proposed')
            .map(([k, v]) => `${k}: ${v}`).join('\n') }),
          el('td', { class: 'hash', title: e.hash, text: e.hash.slice(0, 10) })))))));
  } catch (error) { box.replaceChildren(el('p', { class: 'form-error', text: error.message })); }
}
