// Remediation cards: the rule, risk, parameters, the state in words, who decided (comment, channel), the dry-run
// request or the executor's result, and verification. Approving a high-risk action asks for confirmation first.
import { api } from './api.js';
import { el, time, say } from './dom.js';
import { ask } from './dialog.js';

const STATES = {
  proposed: ['Proposed', ''],
  pendingApproval: ['Waiting for approval', 'pill-wait'],
  approved: ['Approved, about to run', 'pill-accent'],
  rejected: ['Rejected', 'pill-bad'],
  expired: ['Expired without a decision', ''],
  executing: ['Running', 'pill-accent'],
  succeeded: ['Succeeded', 'pill-ok'],
  failed: ['Failed', 'pill-bad'],
  verified: ['Verified: the incident recovered', 'pill-ok'],
  escalated: ['Escalated: it did not recover', 'pill-bad'],
  interrupted: ['Interrupted: it may have run; a person must resolve it', 'pill-bad'],
};

export function stateWords(r) {
  if (r.state === 'succeeded' && r.result?.dryRun) return ['Ran in dry-run (nothing sent)', 'pill-ok'];
  return STATES[r.state] || [r.state, ''];
}

/** The remediations section; onDecided runs after a decision was accepted. */
export function renderRemediations(remediations, onDecided) {
  const items = remediations || [];
  const waiting = items.filter((r) => r.state === 'pendingApproval').length;
  return el('section', { class: 'card', id: 'remediations', 'aria-labelledby': 'remediations-title' },
    el('div', { class: 'card-head' }, el('h2', { class: 'section-title', id: 'remediations-title' }, 'Actions',
      el('span', { class: 'count', text: items.length ? `${items.length}` : '' })),
    waiting ? el('span', { class: 'pill pill-wait', text: `${waiting} waiting for approval` }) : null),
    el('div', { class: 'card-body' }, items.length
      ? items.map((r) => card(r, onDecided))
      : el('p', { class: 'muted small', text: 'No action proposed: no policy rule matches this incident (yet).' })));
}

function card(r, onDecided) {
  const [words, style] = stateWords(r);
  const risk = el('span', { class: `sev risk sev-${r.risk === 'high' ? 'high' : r.risk === 'medium' ? 'medium' : 'low'}`, text: `${r.risk} risk` });
  const facts = el('dl', { class: 'kv' },
    el('dt', { text: 'Rule' }), el('dd', { class: 'mono', text: r.rule }),
    el('dt', { text: 'Approval' }), el('dd', {}, approval(r)),
    r.target ? [el('dt', { text: 'Target' }), el('dd', { class: 'mono', text: r.target })] : null,
    el('dt', { text: 'Mode' }), el('dd', { text: r.dryRun ? 'Dry-run: records the request, sends nothing' : 'Live' }),
    el('dt', { text: 'Proposed' }), el('dd', {}, time(r.createdAt), ` by ${r.requestedBy}`));
  const params = Object.entries(r.parameters || {});
  const body = el('div', { class: 'r-body' }, facts,
    params.length ? el('div', {}, el('div', { class: 'label', text: 'Parameters' }),
      el('dl', { class: 'kv params' }, params.map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]))) : null,
    decisions(r), result(r), verification(r));
  const node = el('article', { class: `remediation ${r.state === 'pendingApproval' ? 'waiting' : ''}`, data: { remediation: r.id } },
    el('div', { class: 'r-head' },
      el('div', { class: 'row' }, el('span', { class: 'r-action', text: r.actionId }), risk),
      el('span', { class: `pill pill-dot state ${style}`, data: { state: r.state }, text: words })),
    body);
  if (r.state === 'pendingApproval') node.append(actions(r, onDecided));
  return node;
}

function approval(r) {
  if (r.approvalMode === 'auto') return 'Automatic (the policy approves it)';
  const count = Math.max(1, r.requiredApprovals || 1);
  const who = (r.allowedRoles || []).length ? `role ${r.allowedRoles.join(' or ')}` : 'anyone who may approve';
  const span = el('span', { text: `${count} approval${count === 1 ? '' : 's'} from ${who}` });
  if (r.state === 'pendingApproval' && r.expiresAt) return el('span', {}, span, ' · expires ', time(r.expiresAt));
  return span;
}

function decisions(r) {
  const list = r.decisions || [];
  if (list.length === 0) {
    return r.approvalMode === 'auto' && !['proposed', 'pendingApproval'].includes(r.state)
      ? el('p', { class: 'small muted', text: 'Approved automatically by the policy rule.' }) : null;
  }
  return el('div', {}, el('div', { class: 'label', text: 'Decisions' }), el('ul', { class: 'decisions' }, list.map((d) =>
    el('li', {}, el('span', { class: `pill ${d.approved ? 'pill-ok' : 'pill-bad'}`, text: d.approved ? 'Approved' : 'Rejected' }),
      ' ', el('strong', { text: d.actor }), ` via ${d.channel} · `, time(d.at),
      d.comment ? el('div', { class: 'small muted', text: `“${d.comment}”` }) : null))));
}

function result(r) {
  const x = r.result;
  if (!x) return null;
  const took = Math.max(0, new Date(x.finishedAt) - new Date(x.startedAt));
  const parts = [el('div', { class: 'label', text: x.dryRun ? 'Dry run: the request it would have sent' : 'Result' })];
  if (x.request) parts.push(el('pre', { class: 'request', text: x.request }));
  if (x.output && !x.dryRun) parts.push(el('pre', { text: x.output }));
  if (x.error) parts.push(el('div', { class: 'callout callout-bad', text: x.error }));
  parts.push(el('p', { class: 'small muted' }, `${x.success ? 'Finished' : 'Failed'} `, time(x.finishedAt), ` in ${took} ms`));
  return el('div', { class: 'result' }, parts);
}

function verification(r) {
  if (r.state === 'verified') return el('div', { class: 'callout callout-ok', text: 'Verified: no alert since the action, or the incident resolved.' });
  if (r.state === 'escalated') return el('div', { class: 'callout callout-bad', text: 'Alerts continued after the action: the incident was escalated.' });
  if (r.state === 'succeeded' && !r.result?.dryRun) return el('p', { class: 'small muted', text: 'Verification follows after the rule’s delay.' });
  return null;
}

function actions(r, onDecided) {
  const approve = el('button', { type: 'button', class: 'btn btn-primary', 'aria-label': `Approve ${r.actionId}`, text: 'Approve',
    on: { click: () => decide(r, 'approve', onDecided) } });
  const reject = el('button', { type: 'button', class: 'btn btn-danger', 'aria-label': `Reject ${r.actionId}`, text: 'Reject',
    on: { click: () => decide(r, 'reject', onDecided) } });
  return el('div', { class: 'r-actions' }, approve, reject,
    r.risk === 'high' ? el('span', { class: 'small muted', text: 'High risk: you will be asked to confirm.' }) : null);
}

async function decide(r, decision, onDecided) {
  let comment;
  if (decision === 'reject' || r.risk === 'high') {
    const answer = await confirm(r, decision);
    if (!answer.ok) return;
    comment = answer.comment || undefined;
  }
  try {
    await api(`/api/remediations/${encodeURIComponent(r.id)}/${decision}`, { method: 'POST', body: { comment, channel: 'ui' } });
    say(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${r.actionId}.`);
    await onDecided();
  } catch (error) { say(error.message); }
}

/** The confirmation: what would run where, with an optional comment for the audit trail. */
function confirm(r, decision) {
  const approve = decision === 'approve';
  const params = Object.entries(r.parameters || {}).map(([k, v]) => `${k} = ${v}`).join('\n');
  return ask({
    title: approve ? 'Approve a high-risk action?' : `Reject ${r.actionId}?`,
    body: [
      el('p', {}, el('strong', { class: 'mono', text: r.actionId }), r.target ? ` on ${r.target}` : '', ` (rule ${r.rule}).`),
      params ? el('pre', { text: params }) : null,
      el('p', { class: 'small muted', text: r.dryRun ? 'Dry-run: the request is recorded, nothing is sent.'
        : approve ? 'This runs for real as soon as it is approved.' : 'Nothing will run.' }),
    ],
    ok: approve ? 'Approve and run' : 'Reject',
    okClass: approve ? 'btn btn-primary' : 'btn btn-danger',
    comment: 'Comment (recorded in the audit trail)',
  });
}
