// IncidentPlatform web UI. Every value from the API is untrusted (alert text comes from outside): it is only ever
// put into the page with textContent, never as HTML. The API key lives in sessionStorage and travels as a header.
'use strict';

const KEY = 'incidentplatform.apiKey';
const $ = (id) => document.getElementById(id);
const state = { cursor: null, incidentId: null, stream: null };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function say(text) { $('message').textContent = text; }

async function api(path, options = {}) {
  const key = sessionStorage.getItem(KEY);
  const headers = { 'X-Api-Key': key, Accept: 'application/json', ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (response.status === 401) { signOut('Your API key was not accepted.'); throw new Error('unauthorized'); }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  return data;
}

function show(section) {
  for (const id of ['login', 'list', 'detail', 'silences']) $(id).hidden = id !== section;
  $('nav').hidden = section === 'login';
}

// ---- sign in ----
function signOut(reason) {
  sessionStorage.removeItem(KEY);
  stopStream();
  show('login');
  $('login-error').textContent = reason || '';
  $('api-key').focus();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('api-key').value.trim());
  $('api-key').value = '';
  try {
    await api('/api/incidents?pageSize=1');
    $('login-error').textContent = '';
    startStream();
    route();
  } catch (error) {
    if (error.message !== 'unauthorized') signOut(error.message);
  }
});
$('logout').addEventListener('click', () => signOut());

// ---- incident list ----
async function loadList(append) {
  const params = new URLSearchParams({ pageSize: '50' });
  if ($('filter-status').value) params.set('status', $('filter-status').value);
  if ($('filter-q').value.trim()) params.set('q', $('filter-q').value.trim());
  if (append && state.cursor) params.set('cursor', state.cursor);
  const page = await api(`/api/incidents?${params}`);
  const rows = $('incident-rows');
  if (!append) rows.replaceChildren();
  for (const incident of page.items) rows.append(row(incident));
  state.cursor = page.nextCursor || null;
  $('more').hidden = !state.cursor;
  $('list-empty').hidden = rows.children.length > 0;
}

function row(incident, fresh) {
  const tr = el('tr', undefined, fresh ? 'fresh' : '');
  tr.dataset.id = incident.id;
  tr.append(el('td', incident.severity, `sev sev-${incident.severity}`));
  const title = el('td');
  const link = el('a', incident.title);
  link.href = `#/incidents/${encodeURIComponent(incident.id)}`;
  title.append(link);
  tr.append(title, el('td', incident.service || '—'), el('td', incident.status), el('td', incident.alertCount),
    el('td', new Date(incident.updatedAt).toLocaleString()));
  return tr;
}

function upsertRow(incident) {
  const rows = $('incident-rows');
  const existing = [...rows.children].find((tr) => tr.dataset.id === incident.id);
  if (existing) existing.remove();
  rows.prepend(row(incident, true));
  $('list-empty').hidden = true;
}

$('filter').addEventListener('submit', (event) => { event.preventDefault(); loadList(false).catch((e) => say(e.message)); });
$('more').addEventListener('click', () => loadList(true).catch((e) => say(e.message)));

// ---- one incident ----
async function loadDetail(id) {
  const incident = await api(`/api/incidents/${encodeURIComponent(id)}`);
  $('detail-title').textContent = incident.title;
  const facts = $('detail-facts');
  facts.replaceChildren();
  for (const [name, value] of [['Id', incident.id], ['Status', incident.status], ['Severity', incident.severity],
    ['Service', incident.service || '—'], ['Source', incident.source], ['Alerts', incident.alertCount],
    ['Opened', new Date(incident.createdAt).toLocaleString()], ['Silenced by', incident.silencedBy || '—']]) {
    facts.append(el('dt', name), el('dd', value));
  }
  $('acknowledge').disabled = incident.status !== 'open';
  $('resolve').disabled = incident.status === 'resolved';
  renderAnalysis(incident.analysis);
  renderRemediations(incident.remediations);
  $('timeline').replaceChildren(...(incident.timeline || []).map((entry) => {
    const li = el('li');
    li.append(el('time', new Date(entry.at).toLocaleString()), document.createTextNode(' '), el('strong', entry.kind),
      document.createTextNode(` ${entry.message}${entry.actor ? ` (${entry.actor})` : ''}`));
    return li;
  }));
  $('alerts').replaceChildren(...(incident.alerts || []).map((alert) => {
    const li = el('li');
    li.append(el('strong', alert.title), el('pre', alert.message));
    return li;
  }));
}

function renderAnalysis(analysis) {
  const box = $('analysis');
  box.replaceChildren();
  if (!analysis) { box.append(el('p', 'No analysis yet.')); return; }
  box.append(el('p', `${analysis.category} — severity ${analysis.severity} (${analysis.provider})`));
  const list = el('ol');
  for (const h of analysis.hypotheses || []) list.append(el('li', `${h.summary} (confidence ${Math.round(h.confidence * 100)}%)`));
  box.append(list);
  if (analysis.impact) box.append(el('p', `Impact: ${analysis.impact}`));
}

function renderRemediations(remediations) {
  const box = $('remediations');
  box.replaceChildren();
  if (!remediations || remediations.length === 0) { box.append(el('p', 'No proposed actions.')); return; }
  for (const r of remediations) {
    const card = el('div', undefined, 'card');
    card.dataset.remediation = r.id;
    const params = Object.entries(r.parameters || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    card.append(el('div', `${r.actionId}${params ? ` (${params})` : ''}`), el('div', `Risk ${r.risk}, rule ${r.rule}`));
    const stateLine = el('div', r.state, 'state');
    stateLine.setAttribute('data-state', r.state);
    card.append(stateLine);
    if (r.state === 'pendingApproval') {
      const approve = el('button', 'Approve');
      const reject = el('button', 'Reject');
      approve.type = reject.type = 'button';
      approve.setAttribute('aria-label', `Approve ${r.actionId}`);
      reject.setAttribute('aria-label', `Reject ${r.actionId}`);
      approve.addEventListener('click', () => decide(r.id, 'approve'));
      reject.addEventListener('click', () => decide(r.id, 'reject'));
      card.append(approve, document.createTextNode(' '), reject);
    }
    box.append(card);
  }
}

async function decide(id, decision) {
  try {
    await api(`/api/remediations/${encodeURIComponent(id)}/${decision}`, { method: 'POST', body: { comment: 'from the web UI' } });
    say(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${id}.`);
    await loadDetail(state.incidentId);
  } catch (error) { say(error.message); }
}

async function command(action) {
  try {
    await api(`/api/incidents/${encodeURIComponent(state.incidentId)}/${action}`, { method: 'POST', body: {} });
    say(`Incident ${action}d.`);
    await loadDetail(state.incidentId);
  } catch (error) { say(error.message); }
}
$('acknowledge').addEventListener('click', () => command('acknowledge'));
$('resolve').addEventListener('click', () => command('resolve'));

// ---- silences ----
async function loadSilences() {
  const list = $('silence-list');
  list.replaceChildren();
  try {
    const page = await api('/api/silences');
    const items = page.items || page;
    if (items.length === 0) list.append(el('li', 'No silences.'));
    for (const s of items) {
      const li = el('li', `${s.matchers.map((m) => `${m.name}${m.isNegative ? '!' : ''}${m.isRegex ? '=~' : '='}${m.value}`).join(', ')} until ${new Date(s.endsAt).toLocaleString()} — ${s.comment || ''} (${s.createdBy})`);
      const remove = el('button', 'Delete');
      remove.type = 'button';
      remove.addEventListener('click', async () => {
        try { await api(`/api/silences/${encodeURIComponent(s.id)}`, { method: 'DELETE' }); await loadSilences(); } catch (e) { say(e.message); }
      });
      li.append(document.createTextNode(' '), remove);
      list.append(li);
    }
  } catch (error) { list.append(el('li', `Silences are unavailable: ${error.message}`)); }
}

$('silence-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const minutes = Number($('silence-minutes').value);
  const body = {
    matchers: [{ name: $('silence-name').value.trim(), value: $('silence-value').value }],
    startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + minutes * 60000).toISOString(),
    comment: $('silence-comment').value,
  };
  try { await api('/api/silences', { method: 'POST', body }); say('Silence created.'); await loadSilences(); } catch (e) { say(e.message); }
});

// ---- live updates: fetch-based SSE, so the key is a header and never part of a URL ----
function stopStream() {
  if (state.stream) state.stream.abort();
  state.stream = null;
  $('live').textContent = 'offline';
  $('live').classList.remove('on');
}

function startStream() {
  stopStream();
  const controller = new AbortController();
  state.stream = controller;
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          headers: { 'X-Api-Key': sessionStorage.getItem(KEY), Accept: 'text/event-stream' }, signal: controller.signal,
        });
        if (response.status === 401) { signOut('Your API key was not accepted.'); return; }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        $('live').textContent = 'live';
        $('live').classList.add('on');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (data) onEvent(JSON.parse(data));
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
      }
      $('live').textContent = 'reconnecting';
      $('live').classList.remove('on');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
}

function onEvent(event) {
  if (!$('list').hidden && event.incident) upsertRow(event.incident);
  if (!$('detail').hidden && event.incidentId === state.incidentId) loadDetail(state.incidentId).catch((e) => say(e.message));
}

// ---- routing ----
function route() {
  if (!sessionStorage.getItem(KEY)) { show('login'); $('api-key').focus(); return; }
  if (!state.stream) startStream();
  const hash = location.hash || '#/';
  const match = hash.match(/^#\/incidents\/(.+)$/);
  say('');
  if (match) {
    state.incidentId = decodeURIComponent(match[1]);
    show('detail');
    loadDetail(state.incidentId).catch((e) => say(e.message));
  } else if (hash === '#/silences') {
    show('silences');
    loadSilences();
  } else {
    show('list');
    loadList(false).catch((e) => say(e.message));
  }
  $('main').focus();
}

window.addEventListener('hashchange', route);
route();
