/* global fetch, URLSearchParams, crypto */
// The REST API as the page uses it. Every failure becomes an ApiError with the server's message and fields.

export class ApiError extends Error {
  constructor(status, body) {
    super(typeof body?.message === 'string' && body.message ? body.message : `The server answered ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.fields = body?.fields && typeof body.fields === 'object' ? body.fields : fieldsInMessage(this.message);
  }
}

/** Some domain errors name their field only in the message ("source.sourceId: no source … is registered"). */
function fieldsInMessage(message) {
  const match = /^([a-zA-Z][\w]*(?:\.[\w]+)+): (.+)$/.exec(message);
  return match ? { [match[1]]: match[2] } : {};
}

export async function call(method, path, { query, body, token, headers = {} } = {}) {
  const search = query ? new URLSearchParams(withoutEmpty(query)).toString() : '';
  const init = { method, headers: { accept: 'application/json', ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(search ? `${path}?${search}` : path, init);
  } catch {
    throw new ApiError(0, { message: 'Cannot reach the server. Check the connection and try again.' });
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function withoutEmpty(query) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** A key per form submission: a retried request is answered once instead of recorded twice. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  timeline: (params) => call('GET', '/api/timeline', { query: params }),
  stats: (params) => call('GET', '/api/timeline/stats', { query: params }),
  actors: () => call('GET', '/api/actors', { query: { limit: 1000 } }),
  /** `asOf`: the item as it stood then. `minPosition` (a write's position): answer once the timeline shows it. */
  event: (id, { asOf, minPosition } = {}) =>
    call('GET', `/api/events/${encodeURIComponent(id)}`, { query: { asOf, minPosition } }),
  history: (id) => call('GET', `/api/events/${encodeURIComponent(id)}/history`),
  /** Who a token acts as (any role): the way to check a token and to show who is signed in. */
  whoami: (token) => call('GET', '/api/admin/whoami', { token }),
  registerSource: (token, body, key) =>
    call('POST', '/api/admin/sources', { token, body, headers: { 'idempotency-key': key } }),
  recordEvent: (token, body, key) =>
    call('POST', '/api/admin/events', { token, body, headers: { 'idempotency-key': key } }),
  correctEvent: (token, id, body) =>
    call('POST', `/api/admin/events/${encodeURIComponent(id)}/corrections`, { token, body }),
  retractEvent: (token, id, body) =>
    call('POST', `/api/admin/events/${encodeURIComponent(id)}/retraction`, { token, body }),
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Projections are asynchronous: ask `check` until it answers something other than undefined, or time runs out. */
export async function poll(check, timeoutMs = 5000, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(intervalMs);
  }
}
