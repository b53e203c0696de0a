/* global window */
import { api } from './api.js';
import { adminSession, tokenForm } from './admin-session.js';
import { isolate } from './bidi.js';
import { append, clear, field, h, openDialog, requestClose, safeHttpUrl } from './dom.js';
import { eventFields } from './event-form.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { dateLabel, instantLabel, languageAttributes, parseDay } from './format.js';
import { historyList } from './history-view.js';
import { ITEM_TEXT_FIELDS } from './item-fields.js';
import { liveNotice } from './live-notice.js';
import { actorList, badges, typeText } from './timeline-view.js';

const anchorText = (iso) => {
  const { d, m, y } = parseDay(iso);
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
};

function facts(item) {
  const lang = languageAttributes(item.sources[0]?.language);
  const when = [h('span', {}, dateLabel(item.date))];
  if (item.date.expression) {
    when.push(
      h(
        'span',
        { class: 'subtle' },
        ' — the source says “',
        h('span', { lang: lang.lang, dir: lang.dir }, item.date.expression),
        '”',
        item.date.anchor ? `, written on ${anchorText(item.date.anchor)}` : '',
      ),
    );
  }
  const row = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
  const score = item.goldstein === null ? '' : ` · Goldstein ${item.goldstein > 0 ? '+' : ''}${item.goldstein}`;
  return h(
    'dl',
    { class: 'facts' },
    row('When', ...when),
    row('Type', typeText(item), item.plover ? h('span', { class: 'subtle' }, ` · PLOVER ${item.plover}${score}`) : ''),
    row('Who', actorList(item.actors)),
    item.location
      ? row('Where', isolate(item.location.name), item.location.country ? ` · ${item.location.country}` : '')
      : [],
    textFields(item, 'fact').map(({ key, label }) => row(label, isolate(item[key]))),
    row(
      'Recorded',
      instantLabel(item.recordedAt),
      item.version > 1 ? ` · version ${item.version}, ${instantLabel(item.updatedAt)}` : '',
    ),
  );
}

/** The item's text fields that are set and shown as `show` (see item-fields.js). */
const textFields = (item, show) => ITEM_TEXT_FIELDS.filter((spec) => spec.show === show && item[spec.key]);

function sources(item) {
  return h(
    'section',
    { class: 'detail-section', 'aria-labelledby': 'detail-sources' },
    h('h3', { id: 'detail-sources' }, item.sources.length > 1 ? 'Sources' : 'Source'),
    item.sources.map((source) => {
      const lang = languageAttributes(source.language);
      const href = safeHttpUrl(source.url);
      const title = h('cite', { lang: lang.lang, dir: lang.dir }, source.title ?? 'Untitled source');
      return h(
        'figure',
        { class: 'source' },
        h('blockquote', { class: 'quote', lang: lang.lang, dir: lang.dir }, source.quote),
        h(
          'figcaption',
          {},
          href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, title) : title,
          h('span', { class: 'subtle mono source-id' }, `source ${source.sourceId}`),
        ),
      );
    }),
  );
}

/** A 409: someone changed the event meanwhile; say so, and offer its latest version to work on. */
function conflict(form, error, onReload) {
  showFieldErrors(form, error);
  form
    .querySelector('.form-error')
    .append(h('button', { type: 'button', class: 'button-secondary', onclick: onReload }, 'Load the latest version'));
}

function announceIn(slot, text) {
  const notice = liveNotice();
  slot.append(notice.el);
  notice.say(text);
}

/** Per open form: has the admin typed something a close would throw away? */
const unsavedInput = new WeakMap();

function correctionForm(item, handlers) {
  const fields = eventFields('changes.', item);
  const quote = h('textarea', { name: 'changes.quote', rows: 3, ...languageAttributes(item.sources[0]?.language) });
  quote.value = item.sources[0]?.quote ?? '';
  const reason = h('textarea', { name: 'reason', rows: 2, dir: 'auto' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Save correction');
  const before = { ...fields.read(), quote: quote.value.trim() };
  const form = h(
    'form',
    { class: 'correction-form', novalidate: true, 'aria-label': 'Correct this event' },
    h('p', { class: 'hint' }, `Change what is wrong; version ${item.version} stays in the history.`),
    fields.elements,
    field('Quote', quote),
    field('Reason for the correction', reason, 'Required: it is shown with the correction'),
    h('div', { class: 'actions' }, submit),
  );
  unsavedInput.set(form, () => {
    const now = { ...fields.read(), quote: quote.value.trim() };
    return JSON.stringify(now) !== JSON.stringify(before) || reason.value.trim() !== '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const after = { ...fields.read(), quote: quote.value.trim() };
    const changes = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
    );
    if (Object.keys(changes).length === 0)
      return showFieldErrors(form, { message: 'Nothing has changed yet: edit a field, then save.', fields: {} });
    const body = { expectedVersion: item.version, changes, reason: reason.value.trim() };
    await sendAdminWrite(form, submit, () => api.correctEvent(adminSession.token(), item.id, body), handlers);
  });
  return form;
}

/**
 * Sends a correction or retraction; 401 asks for the token again, 409 offers the latest version, anything else
 * shows the server's messages next to the fields.
 */
async function sendAdminWrite(form, submit, send, { onDone, onRefused, onReload }) {
  submit.disabled = true;
  try {
    await onDone(await send());
  } catch (error) {
    if (error.status === 401) onRefused(error);
    else if (error.status === 409) conflict(form, error, onReload);
    else showFieldErrors(form, error);
  } finally {
    submit.disabled = false;
  }
}

function retractionForm(item, handlers) {
  const reason = h('textarea', { name: 'reason', rows: 2, dir: 'auto' });
  const submit = h('button', { type: 'submit', class: 'button-danger' }, 'Retract event');
  const form = h(
    'form',
    { class: 'retraction-form', novalidate: true, 'aria-label': 'Retract this event' },
    h('p', { class: 'hint' }, 'The event leaves the timeline; its history, with your reason, stays.'),
    field('Reason for the retraction', reason),
    h('div', { class: 'actions' }, submit),
  );
  unsavedInput.set(form, () => reason.value.trim() !== '');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const body = { expectedVersion: item.version, reason: reason.value.trim() };
    await sendAdminWrite(form, submit, () => api.retractEvent(adminSession.token(), item.id, body), handlers);
  });
  return form;
}

/** The detail dialog: facts, sources with their quotes, the full history, and (for admins) correct/retract. */
export function createDetailView(dialog, { onCorrected, onRetracted, onLatest, isHistorical, asOf = () => null }) {
  let current = null;
  let refusal = null;
  // tabindex -1: after a save replaces the body, focus goes to the title rather than falling to <body>.
  const title = h('h2', { id: 'detail-title', dir: 'auto', tabindex: '-1' });
  const meta = h('div', { class: 'card-meta' });
  const close = h(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => requestClose(dialog) },
    '×',
  );
  const body = h('div', { class: 'sheet-body' });
  // Outside the body, so it outlives every re-render: what a save did is announced here.
  const outcome = liveNotice('visually-hidden');
  dialog.append(h('header', { class: 'sheet-header' }, h('div', {}, meta, title), close), outcome.el, body);

  const unsaved = () => {
    const form = body.querySelector('.correction-form, .retraction-form');
    return Boolean(form && unsavedInput.get(form)?.());
  };
  const confirmDiscard = () =>
    window.confirm('Discard what you typed? The event stays as it is, and your correction is not saved.');
  // Escape, the close button and the backdrop all ask before throwing a half-typed correction away.
  dialog.addEventListener('cancel', (event) => {
    if (unsaved() && !confirmDiscard()) event.preventDefault();
  });
  dialog.addEventListener('keydown', (event) => {
    // Handled here rather than through "cancel", which a browser may skip on a second Escape in a row.
    if (event.key !== 'Escape' || !unsaved()) return;
    event.preventDefault();
    if (confirmDiscard()) dialog.close();
  });

  const adminSection = (item) => {
    const section = h('section', { class: 'detail-section admin-actions', 'aria-labelledby': 'detail-admin' });
    section.append(h('h3', { id: 'detail-admin' }, 'Admin'));
    if (isHistorical()) {
      section.append(h('p', { class: 'hint' }, 'This is the timeline as it was; clear “as of” to correct or retract.'));
      return section;
    }
    if (!adminSession.token()) {
      const prompt = tokenForm({ note: refusal });
      const details = h(
        'details',
        { class: 'panel', open: Boolean(refusal) },
        h('summary', {}, 'Sign in to correct or retract this event'),
        prompt.form,
      );
      refusal = null;
      section.append(details);
      return section;
    }
    const refused = (error) => {
      refusal = `${error.message}. Enter the token again.`;
      adminSession.signOut();
    };
    const slot = h('div', {});
    const show = (builder) => {
      const onReload = async () => {
        const latest = await onLatest(item);
        if (latest) render(latest);
        else if (latest === null) await renderHistoryOnly(item, 'This event is no longer on the timeline.');
        else announceIn(slot, 'The timeline has not caught up yet; try again in a moment.');
      };
      clear(slot).append(builder(item, { onDone: (r) => done(builder, r), onRefused: refused, onReload }));
      slot.querySelector('input, textarea')?.focus();
    };
    const done = async (builder, result) => {
      // The form (and the focused button in it) is about to go: focus the title, which stays.
      title.focus();
      announceIn(clear(slot), 'Saved. Waiting for the timeline…');
      const next = builder === correctionForm ? await onCorrected(item, result) : await onRetracted(item, result);
      if (next) {
        render(next);
        outcome.say('Correction saved. The history below shows it.');
      } else if (builder === retractionForm) {
        await renderHistoryOnly(item, 'Retracted: the event has left the timeline.');
        outcome.say('Retracted: the event has left the timeline. Its history stays.');
      } else announceIn(clear(slot), 'Saved. The timeline has not caught up yet; reopen the event in a moment.');
      if (dialog.contains(dialog.ownerDocument.activeElement) === false) title.focus();
    };
    section.append(
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'button-secondary', onclick: () => show(correctionForm) }, 'Correct…'),
        h('button', { type: 'button', class: 'button-quiet danger', onclick: () => show(retractionForm) }, 'Retract…'),
      ),
      slot,
    );
    return section;
  };

  const historySection = h('section', { class: 'detail-section', 'aria-labelledby': 'detail-history' });
  const loadHistory = async (item) => {
    clear(historySection).append(
      h('h3', { id: 'detail-history' }, 'History'),
      h('p', { class: 'subtle' }, 'Loading the history…'),
    );
    try {
      const { events } = await api.history(item.id);
      if (current?.id !== item.id) return;
      historySection.lastChild.replaceWith(historyList(events, item.sources[0]?.language, asOf()));
    } catch (error) {
      historySection.lastChild.replaceWith(h('p', { class: 'form-error' }, error.message));
    }
  };

  const render = (item) => {
    current = item;
    append(clear(meta), [h('span', { class: 'card-date' }, dateLabel(item.date)), badges(item)]);
    clear(title).append(isolate(item.title));
    clear(body).append(
      // Element.append takes nodes, not a list: spread them (a null here used to be written as the text "null").
      ...textFields(item, 'paragraph').map(({ key }) => h('p', { class: key }, isolate(item[key]))),
      facts(item),
      sources(item),
      historySection,
      adminSection(item),
    );
    void loadHistory(item);
  };

  const renderHistoryOnly = async (item, message) => {
    clear(body).append(h('p', { class: 'notice' }, message), historySection);
    await loadHistory(item);
  };

  adminSession.onChange(() => {
    if (!dialog.open || !current) return;
    const section = adminSection(current);
    body.querySelector('.admin-actions')?.replaceWith(section);
    section.querySelector('button, input')?.focus();
  });

  return {
    open(item) {
      render(item);
      openDialog(dialog);
      close.focus();
    },
    get current() {
      return current;
    },
  };
}
