// The incident list: status tabs and filters kept in the URL (#/?status=open&severity=high&service=…&range=24h),
// sortable columns, paging with counts, relative ages (exact time on hover), live refresh on every incident event.
import { api, query } from './api.js';
import { $, el, time, severityBadge, statusPill, say, SEVERITIES } from './dom.js';

const RANGES = { '': 'Any time', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };
const RANGE_MS = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3 };
const STATUSES = [['', 'All'], ['open', 'Open'], ['acknowledged', 'Acknowledged'], ['resolved', 'Resolved']];
const COLUMNS = [['severity', 'Severity'], ['title', 'Incident'], [null, 'Service'], [null, 'Status'], ['alerts', 'Alerts', 'num'],
  ['created', 'Opened'], ['updated', 'Updated']];
const SIZES = [25, 50, 100];

let built = false;
let fresh = new Set();

/** The list's state from the URL. */
function state() {
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const get = (k, d = '') => params.get(k) ?? d;
  return {
    status: get('status'), severity: get('severity'), service: get('service'), range: get('range'), q: get('q'),
    sort: get('sort', 'updated'), order: get('order', 'desc'), page: Math.max(1, Number(get('page', '1')) || 1),
    size: SIZES.includes(Number(get('size'))) ? Number(get('size')) : 25,
  };
}

/** Changes the URL (the list reloads on hashchange); filter changes go back to the first page. */
function navigate(changes) {
  const next = { ...state(), ...changes };
  if (!('page' in changes)) next.page = 1;
  const defaults = { sort: 'updated', order: 'desc', page: 1, size: 25 };
  const values = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== '' && defaults[k] !== v));
  const text = query(values);
  location.hash = text ? `#/?${text}` : '#/';
}

function build() {
  const section = $('list');
  const severity = el('select', { id: 'filter-severity', on: { change: (e) => navigate({ severity: e.target.value }) } },
    el('option', { value: '', text: 'Any severity' }),
    ...SEVERITIES.slice(0, 4).map((s, i) => el('option', { value: s, text: i === 0 ? 'Critical' : `${s[0].toUpperCase()}${s.slice(1)} and above` })));
  const range = el('select', { id: 'filter-range', on: { change: (e) => navigate({ range: e.target.value }) } },
    ...Object.entries(RANGES).map(([value, text]) => el('option', { value, text })));
  const service = el('select', { id: 'filter-service', on: { change: (e) => navigate({ service: e.target.value }) } });
  const search = el('input', { id: 'filter-q', type: 'search', maxlength: '200', placeholder: 'Title, service or id', autocomplete: 'off' });
  const form = el('form', { class: 'toolbar', id: 'filter', role: 'search', on: { submit: (e) => { e.preventDefault(); navigate({ q: search.value.trim() }); } } },
    el('div', { class: 'field grow' }, el('label', { for: 'filter-q', text: 'Search' }), search),
    el('div', { class: 'field' }, el('label', { for: 'filter-severity', text: 'Severity' }), severity),
    el('div', { class: 'field' }, el('label', { for: 'filter-service', text: 'Service' }), service),
    el('div', { class: 'field' }, el('label', { for: 'filter-range', text: 'Updated' }), range),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn', text: 'Search' }),
      el('button', { type: 'button', class: 'btn btn-ghost', id: 'filter-clear', text: 'Clear filters', on: { click: () => { location.hash = '#/'; } } })));

  const head = el('tr', {}, COLUMNS.map(([key, label, cls]) => el('th', { scope: 'col', class: cls, data: key ? { sort: key } : {} },
    key ? el('button', { type: 'button', class: 'sort', text: label, on: { click: () => sortBy(key) } }) : label)));
  const table = el('table', { class: 'incidents' },
    el('caption', { class: 'visually-hidden', id: 'list-caption' }), el('thead', {}, head), el('tbody', { id: 'incident-rows' }));
  const size = el('select', { id: 'page-size', 'aria-label': 'Incidents per page', on: { change: (e) => navigate({ size: Number(e.target.value) }) } },
    ...SIZES.map((n) => el('option', { value: String(n), text: `${n} per page` })));
  const pager = el('div', { class: 'pager' },
    el('span', { id: 'page-count', role: 'status', 'aria-live': 'polite' }),
    el('div', { class: 'row' }, size,
      el('button', { type: 'button', class: 'btn btn-sm', id: 'page-prev', text: '← Previous', on: { click: () => navigate({ page: state().page - 1 }) } }),
      el('button', { type: 'button', class: 'btn btn-sm', id: 'page-next', text: 'Next →', on: { click: () => navigate({ page: state().page + 1 }) } })));

  section.replaceChildren(
    el('div', { class: 'page-head' },
      el('div', {}, el('h1', { id: 'list-title', text: 'Incidents' }), el('p', { id: 'list-summary' })),
      el('div', { class: 'tabs', role: 'group', 'aria-label': 'Status', id: 'status-tabs' },
        STATUSES.map(([value, label]) => el('button', { type: 'button', data: { status: value }, on: { click: () => navigate({ status: value }) } },
          label, el('span', { class: 'n' }))))),
    form,
    el('div', { class: 'card' }, el('div', { class: 'table-wrap' }, table),
      el('div', { id: 'list-empty', class: 'empty', hidden: true }, el('strong', { text: 'No incidents match' }), 'Change the filters, or wait: new incidents appear here live.'),
      pager),
    el('p', { class: 'hint-keys' }, el('kbd', { text: '/' }), ' search  ', el('kbd', { text: 'j' }), ' ', el('kbd', { text: 'k' }), ' move between incidents  ',
      el('kbd', { text: 'Enter' }), ' open'));
  built = true;
}

function sortBy(key) {
  const current = state();
  const order = current.sort === key ? (current.order === 'desc' ? 'asc' : 'desc') : (key === 'title' ? 'asc' : 'desc');
  navigate({ sort: key, order });
}

export async function showList() {
  if (!built) build();
  const s = state();
  $('filter-q').value = s.q;
  $('filter-severity').value = s.severity;
  $('filter-range').value = s.range;
  $('page-size').value = String(s.size);
  for (const th of $('list').querySelectorAll('th[data-sort]')) {
    if (th.dataset.sort === s.sort) th.setAttribute('aria-sort', s.order === 'asc' ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  await loadList();
}

export async function loadList() {
  const s = state();
  const since = RANGE_MS[s.range] ? new Date(Date.now() - RANGE_MS[s.range]).toISOString() : '';
  const page = await api(`/api/incidents?${query({
    status: s.status, severity: s.severity, service: s.service, q: s.q, since, sort: s.sort, order: s.order,
    offset: (s.page - 1) * s.size, pageSize: s.size,
  })}`);
  render(page, s);
}

function render(page, s) {
  const statusCounts = page.facets.status;
  const all = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  for (const button of $('status-tabs').querySelectorAll('button')) {
    const value = button.dataset.status;
    button.setAttribute('aria-pressed', String(value === s.status));
    button.querySelector('.n').textContent = String(value ? statusCounts[value] ?? 0 : all);
  }

  const services = Object.entries(page.facets.service);
  if (s.service && !services.some(([name]) => name === s.service)) services.push([s.service, 0]);
  $('filter-service').replaceChildren(el('option', { value: '', text: 'All services' }),
    ...services.map(([name, n]) => el('option', { value: name, text: `${name} (${n})`, selected: name === s.service })));

  $('incident-rows').replaceChildren(...page.items.map(row));
  fresh = new Set();
  const first = page.items.length ? page.offset + 1 : 0;
  const last = page.offset + page.items.length;
  const more = page.truncated ? '+' : '';
  $('page-count').textContent = page.total ? `Showing ${first}–${last} of ${page.total}${more}` : 'No incidents';
  $('list-summary').textContent = summary(statusCounts, page.items);
  $('list-caption').textContent = `Incidents, sorted by ${s.sort} (${s.order === 'asc' ? 'ascending' : 'descending'})`;
  $('list-empty').hidden = page.items.length > 0;
  $('page-prev').disabled = s.page <= 1;
  $('page-next').disabled = page.nextOffset == null;
}

function summary(counts, items) {
  const waiting = items.reduce((n, i) => n + (i.pendingApprovals || 0), 0);
  const parts = [`${counts.open ?? 0} open`, `${counts.acknowledged ?? 0} acknowledged`];
  if (waiting) parts.push(`${waiting} action${waiting === 1 ? '' : 's'} waiting for approval on this page`);
  return parts.join(' · ');
}

function row(incident) {
  const href = `#/incidents/${encodeURIComponent(incident.id)}`;
  const sub = el('div', { class: 'sub' }, el('span', { class: 'mono', text: incident.id }));
  if (incident.analysis) sub.append(el('span', { class: 'chip', title: 'Root-cause category', text: incident.analysis.category }));
  if (incident.pendingApprovals) {
    sub.append(el('span', { class: 'pill pill-wait', text: incident.pendingApprovals === 1 ? 'Needs approval' : `${incident.pendingApprovals} need approval` }));
  }
  if (incident.silencedBy) sub.append(el('span', { class: 'pill', text: 'Silenced' }));
  return el('tr', { class: fresh.has(incident.id) ? 'fresh' : '', data: { id: incident.id } },
    el('td', { class: 'sev-cell' }, severityBadge(incident.severity)),
    el('td', { class: 'title-cell' }, el('a', { class: 'title-link', href, text: incident.title }), sub),
    el('td', { text: incident.service || '—' }),
    el('td', {}, statusPill(incident.status)),
    el('td', { class: 'num', text: incident.alertCount }),
    el('td', {}, time(incident.createdAt, 'age')),
    el('td', {}, time(incident.updatedAt, 'age')));
}

/** A live event: refetch the page (filters and sorting decide where the incident belongs), flashing the changed row. */
export function onListEvent(event) {
  fresh.add(event.incidentId);
  return loadList().then(() => {
    const tr = [...$('incident-rows').children].find((r) => r.dataset.id === event.incidentId);
    if (tr) tr.classList.add('fresh');
  }).catch((e) => say(e.message));
}

/** j/k move between rows, / focuses the search. */
export function onListKey(event) {
  if (event.key === '/') { event.preventDefault(); $('filter-q').focus(); return; }
  if (event.key !== 'j' && event.key !== 'k') return;
  const links = [...$('incident-rows').querySelectorAll('a.title-link')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement);
  const next = event.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
  links[next].focus();
  event.preventDefault();
}
