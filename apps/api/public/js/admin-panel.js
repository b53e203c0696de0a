/* global Event */
import { api, newIdempotencyKey } from './api.js';
import { createArticleView } from './article-view.js';
import { adminSession, tokenForm } from './admin-session.js';
import { clear, field, h, openDialog } from './dom.js';
import { eventFields } from './event-form.js';
import { ITEM_TEXT_FIELDS } from './item-fields.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { liveNotice } from './live-notice.js';

/** What an answer of 401 means here: the token is gone or wrong; ask again, keep what was typed. */
function isRefused(error) {
  return error.status === 401;
}

function sourceForm({ onRegistered, onRefused }) {
  const input = (name, attrs = {}) => h('input', { type: 'text', name, autocomplete: 'off', ...attrs });
  const title = input('title', { dir: 'auto' });
  const url = input('url', { type: 'url', inputmode: 'url', placeholder: 'https://' });
  const publisher = input('publisher', { dir: 'auto' });
  const language = input('language', { class: 'mono', placeholder: 'ar', spellcheck: 'false' });
  const publishedAt = h('input', { type: 'date', name: 'publishedAt' });
  const submit = h('button', { type: 'submit', class: 'button-secondary' }, 'Register source');
  const done = liveNotice();
  let key = newIdempotencyKey();
  const form = h(
    'form',
    { class: 'source-form', novalidate: true, 'aria-label': 'Register a source' },
    field('Title', title),
    h('div', { class: 'grid-2' }, field('URL', url, 'Optional'), field('Publisher', publisher, 'Optional')),
    h(
      'div',
      { class: 'grid-2' },
      field('Language', language, 'A language tag: ar, en, fr …'),
      field('Published on', publishedAt, 'Relative dates in its quotes are read from this day'),
    ),
    h('div', { class: 'actions' }, submit),
    done.el,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    done.el.textContent = '';
    const body = { title: title.value.trim(), language: language.value.trim(), publishedAt: publishedAt.value };
    if (url.value.trim()) body.url = url.value.trim();
    if (publisher.value.trim()) body.publisher = publisher.value.trim();
    submit.disabled = true;
    try {
      const { id } = await api.registerSource(adminSession.token(), body, key);
      key = newIdempotencyKey();
      done.say(`Registered. Source id ${id} is now filled in below.`);
      onRegistered(id, body.title);
    } catch (error) {
      if (isRefused(error)) onRefused(error);
      else showFieldErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Ready for the next event from the same source: every field emptied but the source id. */
function clearForNext(form, sourceId) {
  const keep = sourceId.value;
  form.reset();
  sourceId.value = keep;
  for (const input of form.querySelectorAll('[data-touched]')) delete input.dataset.touched;
  form.querySelector('input[type="radio"]:checked')?.dispatchEvent(new Event('change', { bubbles: true }));
}

function recordForm({ onRecorded, onRefused }) {
  const facts = eventFields('', null);
  const sourceId = h('input', {
    type: 'text',
    name: 'source.sourceId',
    list: 'source-ids',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'mono',
  });
  const quote = h('textarea', { name: 'source.quote', rows: 3, dir: 'auto' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Record event');
  const progress = liveNotice();
  let key = newIdempotencyKey();
  const form = h(
    'form',
    { class: 'record-form', novalidate: true, 'aria-labelledby': 'record-heading' },
    h('h3', { id: 'record-heading' }, 'Record an event'),
    facts.elements,
    h(
      'fieldset',
      { 'data-field': 'source' },
      h('legend', {}, 'Source'),
      field('Source id', sourceId, 'Paste the id of a registered source, or register one above'),
      field('Quote', quote, 'The exact words of the source, in its language'),
    ),
    h('div', { class: 'actions' }, submit),
    progress.el,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    progress.el.textContent = '';
    const body = { ...facts.read(), source: { sourceId: sourceId.value.trim(), quote: quote.value.trim() } };
    for (const { key } of ITEM_TEXT_FIELDS) if (body[key] === null) delete body[key];
    if (body.location === null) delete body.location;
    submit.disabled = true;
    try {
      const { id, position } = await api.recordEvent(adminSession.token(), body, key);
      key = newIdempotencyKey();
      clearForNext(form, sourceId);
      progress.say('Recorded. Waiting for the timeline to show it…');
      const outcome = await onRecorded(id, position);
      progress.say(outcome);
      // The panel stays open for the next event from the same source: start it at the first field.
      form.querySelector('input')?.focus();
    } catch (error) {
      if (isRefused(error)) onRefused(error);
      else showFieldErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return { form, setSource: (id) => (sourceId.value = id), focus: () => form.querySelector('input')?.focus() };
}

/**
 * The admin dialog: the token prompt, then "register a source" and "record an event".
 * `onRecorded(id, position)` waits for the projection and answers a sentence for the admin.
 */
export function createAdminPanel(dialog, { onRecorded, onSourceRegistered, onArticleRecorded }) {
  let refusal = null;
  const signOut = h(
    'button',
    { type: 'button', class: 'button-quiet', onclick: () => adminSession.signOut() },
    'Sign out',
  );
  const close = h(
    'button',
    { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => dialog.close() },
    '×',
  );
  const body = h('div', { class: 'sheet-body' });
  const refused = (error) => {
    refusal = `${error.message}. Enter the token again — what you typed in the forms is kept.`;
    adminSession.signOut();
  };
  const record = recordForm({ onRecorded, onRefused: refused });
  const source = sourceForm({
    onRegistered: (id, title) => {
      record.setSource(id);
      onSourceRegistered(id, title);
    },
    onRefused: refused,
  });
  const article = createArticleView({
    token: () => adminSession.token(),
    onRecorded: onArticleRecorded,
    onRefused: refused,
  });
  const articlePanel = h('details', { class: 'panel' }, h('summary', {}, 'Add article'), article.element);
  // Reviewing an article wants the article and its proposals side by side: the sheet widens while it is open.
  articlePanel.addEventListener('toggle', () => dialog.classList.toggle('sheet-wide', articlePanel.open));
  const signedInAs = h('p', { class: 'signed-in-as' });
  const signedIn = h(
    'div',
    { class: 'admin-forms' },
    h('div', { class: 'signed-in' }, signedInAs, signOut),
    articlePanel,
    h('details', { class: 'panel' }, h('summary', {}, 'Register a source'), source),
    record.form,
  );
  dialog.append(h('header', { class: 'sheet-header' }, h('h2', { id: 'admin-title' }, 'Admin'), close), body);

  const render = () => {
    clear(body);
    if (adminSession.token()) {
      const who = adminSession.who();
      clear(signedInAs);
      if (who)
        signedInAs.append(
          'Signed in as ',
          h('strong', {}, h('bdi', {}, who.credentialName)),
          ` (${who.role}) for this tab.`,
        );
      else signedInAs.append('Signed in for this tab.');
      body.append(signedIn);
      return () => record.focus();
    }
    const prompt = tokenForm({ note: refusal });
    refusal = null;
    body.append(h('p', {}, 'Recording, correcting and retracting events needs an editor’s API token.'), prompt.form);
    return prompt.focus;
  };
  adminSession.onChange(() => {
    const focus = render();
    if (dialog.open) focus();
  });

  return {
    open() {
      const focus = render();
      openDialog(dialog);
      focus();
    },
    close: () => dialog.close(),
  };
}
