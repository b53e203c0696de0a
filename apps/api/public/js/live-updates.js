/* global EventSource, URLSearchParams, clearTimeout */
// The timeline, live: GET /api/timeline/events (Server-Sent Events) with the filters on screen. EventSource
// reconnects by itself after a cut and sends Last-Event-ID, so the server resumes after the last change seen.

/** The timeline filters the stream takes; paging, order and limit do not apply to a stream of changes. */
const STREAM_FILTERS = ['actor', 'country', 'type', 'status', 'from', 'to', 'q'];
/** After the server refused the stream (too many open, or it went away for good): try again this much later. */
const RETRY_MS = 5000;

/**
 * `onChange(change)` for every change matching the filters: `{type: 'recorded'|'corrected'|'retracted'|'attached', id,
 * version, position, item, matchesFilter}`. A past timeline (asOf) does not change, so it is not followed.
 */
export function createLiveUpdates({ onChange }) {
  let source = null;
  let query = null;
  let retry = null;

  const close = () => {
    clearTimeout(retry);
    source?.close();
    source = null;
  };

  const open = () => {
    close();
    if (query === null || typeof EventSource === 'undefined') return;
    source = new EventSource(`/api/timeline/events${query ? `?${query}` : ''}`);
    for (const type of ['recorded', 'corrected', 'retracted', 'attached']) {
      source.addEventListener(type, (event) => onChange(JSON.parse(event.data)));
    }
    source.addEventListener('error', () => {
      // CONNECTING: EventSource is already reconnecting. CLOSED: it gave up (a 4xx/5xx answer): we try later.
      if (source?.readyState === EventSource.CLOSED) retry = setTimeout(open, RETRY_MS);
    });
  };

  return {
    /** Follows the changes that match `params` (the page's filters); reopens only when they differ. */
    follow(params) {
      const next = params.asOf
        ? null
        : new URLSearchParams(Object.entries(params).filter(([k, v]) => STREAM_FILTERS.includes(k) && v)).toString();
      if (next === query && (source || next === null)) return;
      query = next;
      open();
    },
    stop() {
      query = null;
      close();
    },
  };
}
