// DOM and formatting helpers. Every value from the API is untrusted (alert text comes from outside): it only ever
// reaches the page as text (textContent, attribute values), never as HTML.

/** Creates an element: el('a', { class: 'x', href: '#', text: 'go', data: { id: 1 }, on: { click } }, child…). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'data') for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
    else if (key === 'on') for (const [k, v] of Object.entries(value)) node.addEventListener(k, v);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (id) => document.getElementById(id);

/** "just now", "4 min ago", "3 h ago", "2 days ago" (or "in 5 min" for the future). */
export function ago(iso, now = Date.now()) {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  let text;
  if (s < 45) return future ? 'in a moment' : 'just now';
  if (s < 3600) text = `${Math.max(1, Math.round(s / 60))} min`;
  else if (s < 86400) text = `${Math.round(s / 3600)} h`;
  else if (s < 86400 * 60) { const d = Math.round(s / 86400); text = `${d} day${d === 1 ? '' : 's'}`; }
  else text = new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  if (s >= 86400 * 60) return text;
  return future ? `in ${text}` : `${text} ago`;
}

/** The exact time in the reader's locale and zone, plus UTC. */
export function exact(iso) {
  const date = new Date(iso);
  const local = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return `${local} (${date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')})`;
}

/** A <time> showing the relative age, the exact time on hover; refreshed by refreshTimes(). */
export function time(iso, className) {
  if (!iso) return el('span', { class: 'muted', text: '—' });
  return el('time', { datetime: iso, title: exact(iso), class: className, data: { relative: '' }, text: ago(iso) });
}

export function refreshTimes(root = document) {
  for (const node of root.querySelectorAll('time[data-relative]')) node.textContent = ago(node.getAttribute('datetime'));
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

export function severityBadge(severity) {
  return el('span', { class: `sev sev-${severity}`, text: severity });
}

const STATUS_WORDS = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };

export function statusPill(status) {
  return el('span', { class: `pill pill-dot pill-${status}`, text: STATUS_WORDS[status] || status });
}

let toastTimer;
/** A short message at the bottom of the page (also announced to screen readers). */
export function say(text) {
  const node = $('message');
  node.textContent = text || '';
  clearTimeout(toastTimer);
  if (text) toastTimer = setTimeout(() => { node.textContent = ''; }, 6000);
}

/**
 * Calls fn at most once per wait, with the latest arguments: a burst of live events (a storm, a remediation's steps)
 * becomes one refresh, and a long burst still refreshes every wait.
 */
export function throttle(fn, wait) {
  let timer = null;
  let latest;
  return (...args) => {
    latest = args;
    if (timer === null) timer = setTimeout(() => { timer = null; fn(...latest); }, wait);
  };
}
