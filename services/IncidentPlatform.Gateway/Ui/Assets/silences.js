// Silences (maintenance windows): matching alerts still count into incidents but do not page.
import { api } from './api.js';
import { $, el, time, say } from './dom.js';

const STATE_STYLE = { active: 'pill-ok', pending: 'pill-accent', expired: '' };

export async function showSilences() {
  const preset = new URLSearchParams(location.hash.split('?')[1] || '').get('service');
  const form = el('form', { class: 'silence-form', id: 'silence-form', on: { submit: create } },
    field('silence-name', 'Label', el('input', { id: 'silence-name', required: true, maxlength: '100', value: preset ? 'service' : '', placeholder: 'service' })),
    field('silence-value', 'Value', el('input', { id: 'silence-value', required: true, maxlength: '1000', value: preset || '' })),
    field('silence-minutes', 'Minutes', el('input', { id: 'silence-minutes', type: 'number', min: '1', max: '129600', value: '60', required: true })),
    field('silence-comment', 'Comment', el('input', { id: 'silence-comment', maxlength: '1000', placeholder: 'Why (shown to others)' })),
    el('button', { type: 'submit', class: 'btn btn-primary', text: 'Create silence' }));
  $('silences').replaceChildren(
    el('div', { class: 'page-head' }, el('div', {}, el('h1', { id: 'silences-title', text: 'Silences' }),
      el('p', { text: 'Alerts a silence matches still count into incidents, but they do not page anyone.' }))),
    el('section', { class: 'card', 'aria-labelledby': 'new-silence' }, el('div', { class: 'card-head' }, el('h2', { id: 'new-silence', text: 'New silence' })),
      el('div', { class: 'card-body' }, form)),
    el('div', { class: 'card', id: 'silence-list-card' }, el('div', { class: 'table-wrap', id: 'silence-list' })));
  $('silences').querySelector('.card').classList.add('spaced');
  await loadSilences();
  if (preset) $('silence-minutes').focus();
}

function field(id, label, input) {
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), input);
}

async function loadSilences() {
  const box = $('silence-list');
  try {
    const page = await api('/api/silences');
    const items = page.items || [];
    if (items.length === 0) {
      box.replaceChildren(el('div', { class: 'empty' }, el('strong', { text: 'No silences' }), 'Nothing is muted.'));
      return;
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['Matches', 'State', 'Ends', 'Comment', 'By', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, items.map((s) => el('tr', {},
        el('td', { class: 'mono', text: s.matchers.map((m) => `${m.name}${m.isNegative ? '!' : ''}${m.isRegex ? '=~' : '='}${m.value}`).join(', ') }),
        el('td', {}, el('span', { class: `pill ${STATE_STYLE[s.state] || ''}`, text: s.state })),
        el('td', {}, time(s.endsAt)),
        el('td', { text: s.comment || '—' }),
        el('td', { text: s.createdBy }),
        el('td', { class: 'num' }, s.state === 'expired' ? null : el('button', { type: 'button', class: 'btn btn-sm btn-danger', text: 'End now',
          'aria-label': `End the silence ${s.id}`, on: { click: () => end(s.id) } })))))));
  } catch (error) { box.replaceChildren(el('p', { class: 'card-body form-error', text: `Silences are unavailable: ${error.message}` })); }
}

async function end(id) {
  try { await api(`/api/silences/${encodeURIComponent(id)}`, { method: 'DELETE' }); say('Silence ended.'); await loadSilences(); } catch (e) { say(e.message); }
}

async function create(event) {
  event.preventDefault();
  const minutes = Number($('silence-minutes').value);
  const body = {
    matchers: [{ name: $('silence-name').value.trim(), value: $('silence-value').value }],
    startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + minutes * 60000).toISOString(),
    comment: $('silence-comment').value,
  };
  try { await api('/api/silences', { method: 'POST', body }); say('Silence created.'); await loadSilences(); } catch (e) { say(e.message); }
}
