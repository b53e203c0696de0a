/* global window, document, history, location, URLSearchParams, clearTimeout */
import { createAdminPanel } from './admin-panel.js';
import { api, poll } from './api.js';
import { createDetailView } from './detail-view.js';
import { byId, clear, h, manageDialog } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { CAMEO_ROOTS, COMMON_CAMEO_CODES, countryName, flag, instantLabel, machineDate } from './format.js';
import { fillFilterForm, paramsFromForm, paramsFromSearch, sameParams, searchFromParams } from './filters.js';
import { createLiveUpdates } from './live-updates.js';
import { createTimelineView } from './timeline-view.js';

const filters = byId('filters');
const status = byId('status');
const asOfBanner = byId('as-of-banner');
const loadMore = byId('load-more');
const timelineEl = byId('timeline');

let params = paramsFromSearch(location.search);
let nextCursor = null;
let shown = 0;
let request = 0;
const knownSources = new Map();

const timeline = createTimelineView(timelineEl, { onOpen: (item) => detail.open(item) });
const detail = createDetailView(byId('detail'), {
  isHistorical: () => Boolean(params.asOf),
  onCorrected: async (item, result) => {
    ownWrites.add(result.position);
    const next = await shownAt(item.id, result.position);
    await loadTimeline();
    return next;
  },
  // The latest version the log has, once the timeline shows it; null when that is a retraction.
  onLatest: (item) =>
    waitForProjection(item.id, (found, events) => {
      const last = events.at(-1);
      if (last?.type === 'DiplomaticEventRetracted') return found ? undefined : null;
      return found && found.version >= last.version ? found : undefined;
    }),
  onRetracted: async (item, result) => {
    ownWrites.add(result.position);
    await reached(result.position);
    await loadTimeline();
    return null;
  },
});
const admin = createAdminPanel(byId('admin'), {
  onRecorded: async (id, position) => {
    ownWrites.add(position);
    const found = await shownAt(id, position);
    if (!found) return 'Recorded, but the timeline has not caught up yet. Reload the page in a moment.';
    await loadTimeline();
    const card = timeline.find(id);
    if (!card) return 'Recorded. It is not in the current view: clear the filters or “as of” to see it.';
    admin.close();
    card.classList.add('is-new');
    card.scrollIntoView({ block: 'center' });
    card.querySelector('.card-open').focus();
    announce(`Recorded “${found.title}”.`);
    return 'Recorded.';
  },
  onSourceRegistered: (id, title) => rememberSource(id, title),
});

const live = createLiveUpdates({ onChange: showChange });
let reloadSoon = null;
/** Positions this page wrote: it shows those itself (and focuses them), so the live stream leaves them alone. */
const ownWrites = new Set();

/**
 * After the page's own write: the item once the timeline shows that write (the server holds the request until
 * then, up to MIN_POSITION_WAIT_MS, and answers 503 if it could not: asked again twice), null once it is
 * retracted, undefined if the timeline has not caught up in that time.
 */
async function shownAt(id, position, attempts = 3) {
  try {
    return await api.event(id, position);
  } catch (error) {
    if (error.status === 503 && attempts > 1) return shownAt(id, position, attempts - 1);
    return error.status === 410 ? null : undefined;
  }
}

/** The same wait for a write that leaves nothing to show (a retraction): true once the timeline has it. */
async function reached(position, attempts = 3) {
  try {
    await api.timeline({ limit: 1, minPosition: position });
    return true;
  } catch (error) {
    return error.status === 503 && attempts > 1 ? reached(position, attempts - 1) : false;
  }
}

/** Someone's change, live: cards are redrawn or taken off in place; a new item reloads the view (in order). */
function showChange({ type, id, item, matchesFilter, position }) {
  if (ownWrites.delete(position)) return;
  const shown = timeline.find(id);
  if (type === 'retracted' || !matchesFilter) {
    if (shown) announce(type === 'retracted' ? `Retracted: “${item?.title ?? id}”.` : `Changed: “${item.title}”.`);
    timeline.remove(id);
  } else if (type === 'corrected' && shown) {
    // A new date moves the item: reload to put it in its place; otherwise redraw the card where it is.
    if (shown.querySelector('time')?.getAttribute('datetime') !== machineDate(item.date)) reloadShowing(id);
    else timeline.replace(item);
    announce(`Corrected: “${item.title}”.`);
  } else if (type === 'recorded' && !shown) reloadShowing(id, `New: “${item.title}”.`);
}

/** One reload for a burst of changes; the changed card is marked as new once it is there. */
function reloadShowing(id, message) {
  clearTimeout(reloadSoon);
  reloadSoon = setTimeout(async () => {
    // Whoever was reading a card keeps it in focus across the reload.
    const focused = document.activeElement?.closest('article[data-id]')?.dataset.id;
    await loadTimeline();
    if (focused) timeline.find(focused)?.querySelector('.card-open')?.focus();
    timeline.find(id)?.classList.add('is-new');
    if (message) announce(message);
  }, 250);
}

/**
 * Read models follow the log asynchronously: ask the timeline, within the item's own dates, until
 * `check(item or undefined, the item's stored events)` answers something; undefined after ~5 s.
 */
async function waitForProjection(id, check) {
  return poll(async () => {
    const { events } = await api.history(id);
    const date = events.reduce((d, e) => e.data?.changes?.date ?? e.data?.date ?? d, null);
    if (!date) return undefined;
    let cursor;
    for (let page = 0; page < 10; page += 1) {
      const answer = await api.timeline({ from: date.start, to: date.end, limit: 200, cursor });
      const found = answer.items.find((item) => item.id === id);
      if (found || !answer.nextCursor) return check(found, events);
      cursor = answer.nextCursor;
    }
    return check(undefined, events);
  });
}

function announce(text) {
  status.textContent = text;
}

function rememberSource(id, title) {
  if (knownSources.has(id)) return;
  knownSources.set(id, title);
  byId('source-ids').append(h('option', { value: id, label: title ?? id }));
}

function showAsOf() {
  asOfBanner.hidden = !params.asOf;
  if (!params.asOf) return;
  clear(asOfBanner).append(
    h(
      'p',
      {},
      'The timeline as it was recorded at ',
      h('strong', {}, instantLabel(params.asOf)),
      '. Later corrections are not shown.',
    ),
    h(
      'button',
      { type: 'button', class: 'button-quiet', onclick: () => apply({ ...params, asOf: undefined }) },
      'Back to now',
    ),
  );
}

async function loadTimeline({ append = false } = {}) {
  const mine = ++request;
  timelineEl.setAttribute('aria-busy', 'true');
  loadMore.disabled = true;
  if (!append) announce('Loading the timeline…');
  try {
    // Newest first: the page opens on the news; a search ranks the best match first instead.
    const order = params.q ? undefined : 'desc';
    const page = await api.timeline({
      order,
      ...params,
      limit: params.limit ?? 50,
      cursor: append ? nextCursor : undefined,
    });
    if (mine !== request) return;
    clearFieldErrors(filters);
    if (!append) {
      timeline.reset();
      shown = 0;
    }
    timeline.append(page.items);
    page.items.forEach((item) => item.sources.forEach((s) => rememberSource(s.sourceId, s.title)));
    shown += page.items.length;
    nextCursor = page.nextCursor;
    loadMore.hidden = !nextCursor;
    const filtered = Object.keys(params).some((k) => k !== 'limit');
    announce(
      shown === 0
        ? filtered
          ? 'No events match these filters.'
          : 'No events on the timeline yet.'
        : `${shown} event${shown === 1 ? '' : 's'}${nextCursor ? ' so far' : ''}${filtered ? ' match these filters' : ''}.`,
    );
  } catch (error) {
    if (mine !== request) return;
    if (!append) timeline.reset();
    loadMore.hidden = true;
    if (error.status === 400) {
      showFieldErrors(filters, error);
      announce('The filters need a fix before the timeline can be shown.');
    } else announce(error.message);
  } finally {
    if (mine === request) {
      timelineEl.removeAttribute('aria-busy');
      loadMore.disabled = false;
    }
  }
}

/** A new view: into the URL (so it can be shared and the Back button works), into the form, then loaded. */
function apply(next, { push = true } = {}) {
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
  if (push && sameParams(clean, params)) return;
  params = clean;
  if (push) history.pushState(null, '', `${location.pathname}${searchFromParams(params)}`);
  fillFilterForm(filters, params);
  byId('more-filters').open ||= ['type', 'status', 'from', 'to', 'asOf'].some((k) => params[k]);
  showAsOf();
  updateExportLinks();
  live.follow(params);
  void loadTimeline();
}

/** The exports carry the filters on screen; the calendar link subscribes (webcal://) rather than downloads. */
function updateExportLinks() {
  const { limit: _limit, ...filtersOnly } = params;
  const search = searchFromParams(filtersOnly);
  byId('export-ics').href = `/api/timeline.ics${search}`;
  byId('export-csv').href = `/api/timeline.csv${search}`;
  byId('export-timelinejs').href = `/api/timeline/timelinejs${search}`;
  byId('export-webcal').href = `webcal://${location.host}/api/timeline.ics${search}`;
}

/** /?event=<id> opens that event's detail: links to one item can be shared. */
async function openLinkedEvent(id) {
  if (!id) return;
  try {
    detail.open(await api.event(id));
  } catch (error) {
    announce(error.status === 404 ? 'The linked event does not exist.' : error.message);
  }
}

async function loadActors() {
  const select = filters.elements.namedItem('actor');
  try {
    const { items } = await api.actors();
    const countries = new Set();
    for (const actor of items) {
      const mark = flag(actor.country);
      select.append(
        h('option', { value: actor.id }, `${mark ? `${mark} ` : ''}${actor.names[0] ?? actor.id} · ${actor.country}`),
      );
      actor.countries.forEach((c) => countries.add(c));
    }
    for (const code of [...countries].sort())
      byId('country-codes').append(h('option', { value: code, label: countryName(code) ?? code }));
  } catch {
    // The actor list only helps; the timeline and the other filters work without it.
  }
  if (params.actor && ![...select.options].some((o) => o.value === params.actor)) {
    select.append(h('option', { value: params.actor }, params.actor));
  }
  select.value = params.actor ?? '';
}

function init() {
  for (const [code, label] of [...COMMON_CAMEO_CODES, ...CAMEO_ROOTS])
    byId('cameo-codes').append(h('option', { value: code, label: `${code} ${label}` }));
  for (const [code, label] of CAMEO_ROOTS)
    byId('cameo-roots').append(h('option', { value: code, label: `${code} ${label}` }));
  manageDialog(
    byId('detail'),
    () => timeline.find(detail.current?.id ?? '')?.querySelector('.card-open') ?? timelineEl,
  );
  manageDialog(byId('admin'), () => byId('admin-open'));

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(paramsFromForm(filters, params));
  });
  filters.addEventListener('change', (event) => {
    if (event.target.closest('[name]')) apply(paramsFromForm(filters, params));
  });
  byId('filters-reset').addEventListener('click', () => apply(params.limit ? { limit: params.limit } : {}));
  loadMore.addEventListener('click', () => loadTimeline({ append: true }));
  byId('admin-open').addEventListener('click', () => admin.open());
  window.addEventListener('popstate', () => apply(paramsFromSearch(location.search), { push: false }));

  const linkedEvent = new URLSearchParams(location.search).get('event');
  history.replaceState(null, '', `${location.pathname}${searchFromParams(params)}`);
  void loadActors();
  apply(params, { push: false });
  void openLinkedEvent(linkedEvent);
}

init();
