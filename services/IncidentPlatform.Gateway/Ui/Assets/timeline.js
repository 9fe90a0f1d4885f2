// One timeline of everything the incident went through, newest first: alerts joining, analysis, proposals, decisions,
// executions, notifications, silences, acknowledgement and resolution (all written to the incident's timeline).
import { el, time } from './dom.js';

const REMEDIATION_STEPS = {
  proposed: ['Proposed', 'remediation'],
  'approval-requested': ['Approval requested', 'remediation'],
  approved: ['Decision', 'decision'],
  approval: ['Decision', 'decision'],
  rejected: ['Decision', 'rejected'],
  expired: ['Expired', 'rejected'],
  succeeded: ['Executed', 'executed'],
  failed: ['Execution failed', 'failed'],
  verified: ['Verified', 'verified'],
  escalated: ['Escalated', 'failed'],
};

const KINDS = {
  opened: 'Opened', reopened: 'Reopened', alert: 'Alert', alerts: 'Alerts', severity: 'Severity', silence: 'Silence',
  acknowledged: 'Acknowledged', resolved: 'Resolved', analyzed: 'Analysis', notification: 'Notified', note: 'Note',
};

/** The label and style of an entry: remediation entries by their step, others by their kind. */
export function describe(entry) {
  if (entry.kind === 'remediation') {
    const [label, style] = REMEDIATION_STEPS[entry.data?.step] || ['Remediation', 'remediation'];
    return { label, style };
  }
  return { label: KINDS[entry.kind] || entry.kind, style: entry.kind };
}

export function renderTimeline(entries) {
  const items = [...(entries || [])].reverse();
  if (items.length === 0) return el('p', { class: 'muted small', text: 'Nothing yet.' });
  return el('ol', { class: 'timeline', id: 'timeline' }, items.map((entry) => {
    const { label, style } = describe(entry);
    const item = el('li', { class: `t-${style}`, data: { kind: entry.kind, step: entry.data?.step || '' } },
      el('span', { class: 'dot', 'aria-hidden': 'true' }));
    if (entry.kind === 'notification') {
      // Notifications are many and secondary: one quiet line.
      item.append(el('span', { class: 't-msg', text: `${entry.message} · ` }), el('span', { class: 't-head' }, time(entry.at)));
      return item;
    }
    item.append(el('div', { class: 't-head' }, el('span', { class: 't-kind', text: label }), time(entry.at),
      entry.actor ? el('span', { text: `· ${entry.actor}` }) : null),
    el('div', { class: 't-msg', text: entry.message }));
    return item;
  }));
}
