/* global window, document, history, location, URLSearchParams, clearTimeout */
import { createAdminPanel } from './admin-panel.js';
import { api, poll } from './api.js';
import { isArabic } from './bidi.js';
import { createDetailView } from './detail-view.js';
import { byId, clear, h, manageDialog } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { CAMEO_ROOTS, COMMON_CAMEO_CODES, countryName, flag, instantLabel, machineDate } from './format.js';
import { fillFilterForm, paramsFromForm, paramsFromSearch, sameParams, searchFromParams } from './filters.js';
import { createHistogram } from './histogram.js';
import { createLiveUpdates } from './live-updates.js';
import { createTimelineView } from './timeline-view.js';
import { createWindowedList } from './windowed-list.js';

const filters = byId('filters');
const status = byId('status');
const asOfBanner = byId('as-of-banner');
const loadMore = byId('load-more');
const loadNewer = byId('load-newer');
const timelineEl = byId('timeline');

let params = paramsFromSearch(location.search);
// A month the list was jumped to from the histogram ("2010-06"): it starts there, newest first. Not a filter.
let jumpedTo = null;
let request = 0;
const knownSources = new Map();

const timeline = createTimelineView(timelineEl, { onOpen: (item) => detail.open(item) });
const list = createWindowedList(timeline, { fetchPage: (cursor) => api.timeline({ ...listQuery(), cursor }) });
const histogram = createHistogram(byId('histogram'), {
  onJump: (month) => jumpTo(month),
  onBrush: (from, to) => apply({ ...params, from, to }),
});
const detail = createDetailView(byId('detail'), {
  isHistorical: () => Boolean(params.asOf),
  asOf: () => params.asOf ?? null,
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
  // The panel stays open for the next event; the new card is marked on the timeline behind it.
  onRecorded: async (id, position) => {
    ownWrites.add(position);
    const found = await shownAt(id, position);
    if (!found) return 'Recorded, but the timeline has not caught up yet. Reload the page in a moment.';
    await loadTimeline();
    const card = timeline.find(id);
    if (!card)
      return `Recorded “${found.title}”. It is not in the current view: clear the filters or “as of” to see it.`;
    card.classList.add('is-new');
    card.scrollIntoView({ block: 'center' });
    return `Recorded “${found.title}”: it is on the timeline. Record the next one, or close this panel.`;
  },
  onSourceRegistered: (id, title) => rememberSource(id, title),
  // An article's proposals are reviewed one after another: the timeline updates behind the open panel.
  // `position`: the decision's, after the recorded event (or the attached source) in the log.
  onArticleRecorded: async (id, position) => {
    const found = await shownAt(id, position);
    await loadTimeline();
    return found ? `On the timeline: “${found.title}”.` : 'Recorded; the timeline has not caught up yet.';
  },
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
    return await api.event(id, { minPosition: position });
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
  } else if ((type === 'corrected' || type === 'attached') && shown) {
    // A new date moves the item: reload to put it in its place; otherwise redraw the card where it is.
    if (shown.querySelector('time')?.getAttribute('datetime') !== machineDate(item.date)) reloadShowing(id);
    else timeline.replace(item);
    announce(`${type === 'attached' ? 'Another source' : 'Corrected'}: “${item.title}”.`);
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

const SELECT_SETTLE_MS = 600;

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
      {
        type: 'button',
        class: 'button-quiet',
        onclick: () => {
          apply({ ...params, asOf: undefined });
          // The banner (and this button) is gone: focus the timeline rather than let it fall to <body>.
          timelineEl.focus();
        },
      },
      'Back to now',
    ),
  );
}

/** What the list asks the API: the filters, newest first (a search ranks instead), from a jumped-to month. */
function listQuery() {
  const order = params.q ? undefined : 'desc';
  const query = { order, ...params, limit: params.limit ?? 50 };
  if (jumpedTo) {
    const end = lastDayOf(jumpedTo);
    query.to = params.to && params.to < end ? params.to : end;
  }
  return query;
}

function lastDayOf(month) {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The histogram's month: the list starts there (dates that exclude it are cleared), focus on its first card. */
function jumpTo(month) {
  const outside = (params.from && lastDayOf(month) < params.from) || (params.to && `${month}-01` > params.to);
  jumpedTo = month;
  const next = outside ? { ...params, from: undefined, to: undefined } : params;
  if (outside) apply(next, { keepJump: true });
  else void loadTimeline({ focusFirst: true });
}

function showRange() {
  const { from, to, total } = list.range();
  const filtered = Object.keys(params).some((k) => k !== 'limit');
  if (to === 0) {
    announce(filtered || jumpedTo ? 'No events match these filters.' : 'No events on the timeline yet.');
    return;
  }
  const of = total === null ? '' : ` of ${total.toLocaleString('en-GB')}`;
  const since = jumpedTo ? `, from ${timelineMonth(jumpedTo)} back` : '';
  announce(`Showing events ${from}–${to}${of}${since}${filtered ? ' that match these filters' : ''}.`);
}

const timelineMonth = (month) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function updatePagingButtons() {
  loadMore.hidden = !list.hasMore();
  loadNewer.hidden = !list.hasNewer() && !jumpedTo;
  loadNewer.textContent = list.hasNewer() ? 'Show newer events' : 'Back to the newest events';
}

/** Focus the first card of a page just shown, so that focus never falls to <body> when the button goes. */
function focusCard(id) {
  timeline
    .find(id ?? '')
    ?.querySelector('.card-open')
    ?.focus();
}

/**
 * Loads a page of the list: the first of a new view, the next one ('more') or the one before ('newer'). The
 * list keeps at most three pages on screen (windowed-list.js); focus goes to the first card a page brought.
 */
async function loadTimeline({ step = 'reset', focusFirst = false } = {}) {
  const mine = ++request;
  timelineEl.setAttribute('aria-busy', 'true');
  loadMore.disabled = loadNewer.disabled = true;
  if (step === 'reset') announce('Loading the timeline…');
  try {
    const page = await (step === 'more' ? list.more() : step === 'newer' ? list.newer() : list.reset());
    if (mine !== request || !page) return;
    clearFieldErrors(filters);
    page.items.forEach((item) => item.sources.forEach((s) => rememberSource(s.sourceId, s.title)));
    updatePagingButtons();
    showRange();
    if (step !== 'reset' || focusFirst) focusCard(page.items[0]?.id);
  } catch (error) {
    if (mine !== request) return;
    if (step === 'reset') timeline.reset();
    loadMore.hidden = loadNewer.hidden = true;
    if (error.status === 400) {
      showFieldErrors(filters, error);
      announce('The filters need a fix before the timeline can be shown.');
    } else announce(error.message);
  } finally {
    if (mine === request) {
      timelineEl.removeAttribute('aria-busy');
      loadMore.disabled = loadNewer.disabled = false;
    }
  }
}

/** A new view: into the URL (so it can be shared and the Back button works), into the form, then loaded (the promise). */
function apply(next, { push = true, keepJump = false } = {}) {
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
  if (push && sameParams(clean, params)) return;
  params = clean;
  if (!keepJump) jumpedTo = null;
  if (push) history.pushState(null, '', `${location.pathname}${searchFromParams(params)}`);
  fillFilterForm(filters, params);
  byId('more-filters').open ||= ['type', 'status', 'from', 'to', 'asOf'].some((k) => params[k]);
  showAsOf();
  updateExportLinks();
  live.follow(params);
  void histogram.update(params);
  return loadTimeline({ focusFirst: keepJump });
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
async function openLinkedEvent(id, timelineLoaded) {
  if (!id) return;
  try {
    detail.open(await api.event(id, { asOf: params.asOf }));
  } catch (error) {
    // After the timeline's own status line, which would otherwise replace this one.
    await timelineLoaded;
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
      const name = actor.names[0] ?? actor.id;
      // An option holds text only: lang is what it can carry for a name in Arabic script.
      select.append(
        h(
          'option',
          { value: actor.id, lang: isArabic(name) ? 'ar' : undefined },
          `${mark ? `${mark} ` : ''}${name} · ${actor.country}`,
        ),
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

  // Arrowing through a closed select fires "change" at every option: the view follows once the choice rests,
  // with one history entry, rather than reloading (and adding an entry) at every key press.
  let settling;
  const applyForm = () => {
    clearTimeout(settling);
    apply(paramsFromForm(filters, params));
  };
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    applyForm();
  });
  filters.addEventListener('change', (event) => {
    const control = event.target.closest('[name]');
    if (!control) return;
    clearTimeout(settling);
    if (control.matches('select')) settling = setTimeout(applyForm, SELECT_SETTLE_MS);
    else applyForm();
  });
  byId('filters-reset').addEventListener('click', () => {
    clearTimeout(settling);
    apply(params.limit ? { limit: params.limit } : {});
  });
  loadMore.addEventListener('click', () => loadTimeline({ step: 'more' }));
  loadNewer.addEventListener('click', () => {
    if (list.hasNewer()) return loadTimeline({ step: 'newer' });
    jumpedTo = null;
    return loadTimeline({ focusFirst: true });
  });
  byId('admin-open').addEventListener('click', () => admin.open());
  // Following a fragment link (the skip link) fires popstate too: only a changed query string is a new view.
  window.addEventListener('popstate', () => {
    const next = paramsFromSearch(location.search);
    if (!sameParams(next, params)) apply(next, { push: false });
  });

  const linkedEvent = new URLSearchParams(location.search).get('event');
  history.replaceState(null, '', `${location.pathname}${searchFromParams(params)}`);
  void loadActors();
  const loaded = apply(params, { push: false });
  void openLinkedEvent(linkedEvent, loaded);
}

init();
