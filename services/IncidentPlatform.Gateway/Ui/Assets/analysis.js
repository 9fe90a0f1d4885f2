// The root-cause analysis: ranked hypotheses with the evidence each cites, the steps for a person, and how it was made
// (provider and model, tokens and cost, whether the cache answered, why a fallback answered).
import { el, time, severityBadge } from './dom.js';

export function renderAnalysis(analysis) {
  if (!analysis) {
    return card(null, el('div', { class: 'empty' }, el('strong', { text: 'Not analysed yet' }),
      'The analysis appears here as soon as it is ready.'));
  }

  const body = [];
  body.push(el('div', { class: 'row' }, el('span', { class: 'chip', text: analysis.category }),
    el('span', { class: 'small muted', text: 'assessed' }), severityBadge(analysis.severity)));
  if (analysis.severityJustification) body.push(el('p', { class: 'small', text: analysis.severityJustification }));
  if (analysis.impact) body.push(el('p', { class: 'small' }, el('strong', { text: 'Impact: ' }), analysis.impact));
  if (analysis.fallbackReason) {
    body.push(el('div', { class: 'callout callout-bad', text: `A fallback answered: ${analysis.fallbackReason}` }));
  }

  body.push(el('h3', { text: 'Hypotheses' }), hypotheses(analysis.hypotheses || []));
  if ((analysis.steps || []).length) {
    body.push(el('h3', { text: 'Steps' }), el('ol', { class: 'steps' }, analysis.steps.map((s) => el('li', { text: s }))));
  }
  if ((analysis.recommendedActions || []).length) {
    body.push(el('h3', { text: 'Recommended actions' }), el('ul', { class: 'steps' }, analysis.recommendedActions.map((a) =>
      el('li', {}, el('span', { class: 'mono', text: a.actionId }), a.rationale ? ` — ${a.rationale}` : ''))));
  }
  if ((analysis.notes || []).length) {
    body.push(el('details', {}, el('summary', { text: `Notes on how it was made (${analysis.notes.length})` }),
      el('ul', { class: 'steps small muted' }, analysis.notes.map((n) => el('li', { text: n })))));
  }
  return card(analysis, ...body);
}

function card(analysis, ...body) {
  return el('section', { class: 'card', id: 'analysis', 'aria-labelledby': 'analysis-title' },
    el('div', { class: 'card-head' }, el('h2', { id: 'analysis-title', text: 'Analysis' }), analysis ? meta(analysis) : null),
    el('div', { class: 'card-body' }, body));
}

function meta(a) {
  const who = a.model ? `${a.provider} · ${a.model}` : a.provider;
  const usage = a.tokens ? `${a.tokens} tokens · $${Number(a.costUsd || 0).toFixed(4)}` : 'no model tokens, no cost';
  return el('div', { class: 'analysis-meta' },
    el('span', { class: 'pill', title: 'Provider and model', text: who }),
    el('span', { class: `pill ${a.cached ? 'pill-ok' : ''}`, text: a.cached ? 'Cache hit' : 'Fresh analysis' }),
    el('span', { title: `${a.inputTokens || 0} tokens in, ${a.outputTokens || 0} out`, text: usage }),
    time(a.analyzedAt));
}

function hypotheses(items) {
  if (items.length === 0) return el('p', { class: 'muted small', text: 'No hypothesis.' });
  return el('ol', { class: 'hypotheses' }, items.map((h, i) => {
    const percent = Math.round(h.confidence * 100);
    return el('li', { class: `hypothesis ${i === 0 ? 'top' : ''}` },
      el('div', { class: 'h-head' }, el('span', { class: 'rank', text: `#${i + 1}` }), el('span', { class: 'summary', text: h.summary }),
        el('span', { class: 'confidence' }, el('meter', { min: '0', max: '100', value: String(percent), 'aria-label': 'Confidence' }), `${percent}%`)),
      (h.evidence || []).length
        ? el('ul', { class: 'evidence', 'aria-label': 'Evidence' }, h.evidence.map((line) => el('li', { text: line })))
        : el('p', { class: 'small muted', text: 'No evidence cited.' }));
  }));
}
