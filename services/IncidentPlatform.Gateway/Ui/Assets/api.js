// The REST API with the API key as a header. The key lives in sessionStorage (this tab only), never in a URL.
const KEY = 'incidentplatform.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { sessionStorage.setItem(KEY, value); },
  clear() { sessionStorage.removeItem(KEY); },
};

/** Thrown (and announced through onUnauthorized) when the key is refused. */
export class Unauthorized extends Error {
  constructor() { super('Your API key was not accepted.'); }
}

let unauthorized = () => {};
export function onUnauthorized(handler) { unauthorized = handler; }

export async function api(path, options = {}) {
  const headers = { 'X-Api-Key': session.key || '', Accept: 'application/json' };
  const init = { method: options.method || 'GET', headers, signal: options.signal };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  const response = await fetch(path, init);
  if (response.status === 401) {
    unauthorized();
    throw new Unauthorized();
  }

  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  return data;
}

/** Query string of the defined, non-empty values. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
