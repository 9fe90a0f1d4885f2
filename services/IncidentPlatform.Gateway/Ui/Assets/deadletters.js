// Dead letters: messages between services that failed after every retry, with their last error; an admin sends one
// again once the cause is fixed, or discards it (POST /api/dead-letters/{id}/redeliver|discard).
import { api } from './api.js';
import { $, el, time, say } from './dom.js';

export async function showDeadLetters() {
  $('dead-letters').replaceChildren(
    el('div', { class: 'page-head' }, el('div', {}, el('h1', { id: 'dead-letters-title', text: 'Dead letters' }),
      el('p', { text: 'Messages a service gave up on after its retries, kept in the queue’s _error queue until someone acts.' }))),
    el('div', { class: 'card' }, el('div', { class: 'table-wrap', id: 'dead-letter-list' })));
  await load();
}

async function load() {
  const box = $('dead-letter-list');
  try {
    const items = (await api('/api/dead-letters')).items || [];
    if (items.length === 0) {
      box.replaceChildren(el('div', { class: 'empty' }, el('strong', { text: 'No dead letters' }), 'Every message was handled.'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['Queue', 'Message', 'Last error', 'When', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, items.map((d) => el('tr', { data: { deadLetter: d.id } },
        el('td', { class: 'mono', text: d.queue }),
        el('td', { class: 'mono', text: (d.messageTypes[0] || '?').split(':').pop() }),
        el('td', { text: `${d.exceptionType.split('.').pop()}: ${d.exceptionMessage}` }),
        el('td', {}, time(d.at)),
        el('td', { class: 'num' },
          el('button', { type: 'button', class: 'btn btn-sm', text: 'Redeliver', 'aria-label': `Redeliver ${d.id}`, on: { click: () => act(d.id, 'redeliver') } }),
          el('button', { type: 'button', class: 'btn btn-sm btn-danger', text: 'Discard', 'aria-label': `Discard ${d.id}`, on: { click: () => act(d.id, 'discard') } })))))));
  } catch (error) { box.replaceChildren(el('p', { class: 'card-body form-error', text: `Dead letters are unavailable: ${error.message}` })); }
}

async function act(id, action) {
  try {
    await api(`/api/dead-letters/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
    say(action === 'redeliver' ? 'Sent again to its queue.' : 'Discarded.');
    await load();
  } catch (e) { say(e.message); }
}
