// IncidentPlatform web UI: sign-in, routing between the pages, live updates, keyboard shortcuts.
import { api, session, onUnauthorized, Unauthorized } from './api.js';
import { $, say, refreshTimes, throttle } from './dom.js';
import { showList, onListEvent, onListKey } from './list.js';
import { showIncident, currentIncident } from './incident.js';
import { showSilences } from './silences.js';
import { showOverview } from './overview.js';
import { showDeadLetters } from './deadletters.js';
import { startStream, stopStream, streaming } from './live.js';

const PAGES = ['login', 'list', 'detail', 'silences', 'dead-letters', 'overview'];
let shown = null;

function show(page) {
  if (page !== shown) {
    // Moving to another page puts the focus on it (for screen readers and the keyboard); the first page of a visit and
    // refreshes of the same page leave it be, so Tab still starts at the skip link.
    if (shown !== null && page !== 'login') queueMicrotask(() => $('main').focus({ preventScroll: true }));
    shown = page;
  }
  for (const id of PAGES) $(id).hidden = id !== page;
  $('topbar').hidden = page === 'login';
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page || (page === 'detail' && link.dataset.nav === 'list')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function signOut(reason) {
  session.clear();
  stopStream();
  show('login');
  $('login-error').textContent = reason || '';
  document.title = 'Sign in · IncidentPlatform';
  queueMicrotask(() => $('api-key').focus());
}

onUnauthorized(() => signOut('Your API key was not accepted.'));

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  session.key = $('api-key').value.trim();
  $('api-key').value = '';
  try {
    await api('/api/incidents?pageSize=1');
    $('login-error').textContent = '';
    route();
  } catch (error) {
    if (!(error instanceof Unauthorized)) signOut(error.message);
  }
});
$('logout').addEventListener('click', () => signOut());

const refreshList = throttle((event) => onListEvent(event), 500);
const refreshIncident = throttle((id) => showIncident(id).catch((e) => say(e.message)), 500);

function onEvent(event) {
  if (!$('list').hidden) refreshList(event);
  if (!$('detail').hidden && event.incidentId === currentIncident()) refreshIncident(event.incidentId);
}

async function route() {
  if (!session.key) { signOut(); return; }
  if (!streaming()) startStream(onEvent, () => signOut('Your API key was not accepted.'));
  const hash = location.hash || '#/';
  const incident = hash.match(/^#\/incidents\/([^?]+)$/);
  try {
    if (incident) {
      show('detail');
      document.title = 'Incident · IncidentPlatform';
      await showIncident(decodeURIComponent(incident[1]));
      document.title = `${$('detail-title').textContent} · IncidentPlatform`;
    } else if (hash.startsWith('#/overview')) {
      show('overview');
      document.title = 'Overview · IncidentPlatform';
      await showOverview();
    } else if (hash.startsWith('#/silences')) {
      show('silences');
      document.title = 'Silences · IncidentPlatform';
      await showSilences();
    } else if (hash.startsWith('#/dead-letters')) {
      show('dead-letters');
      document.title = 'Dead letters · IncidentPlatform';
      await showDeadLetters();
    } else {
      show('list');
      document.title = 'Incidents · IncidentPlatform';
      await showList();
    }
  } catch (error) {
    if (!(error instanceof Unauthorized)) say(error.message);
  }
}

document.addEventListener('keydown', (event) => {
  const typing = event.target.closest('input, select, textarea, dialog');
  if (typing || event.ctrlKey || event.metaKey || event.altKey || $('list').hidden) return;
  onListKey(event);
});

// The skip link moves the focus without touching the URL, which holds the route and the list's filters.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  $('main').focus();
});

window.addEventListener('hashchange', route);
setInterval(() => refreshTimes(), 30000);
route();
