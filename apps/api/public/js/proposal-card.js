import { call } from './api.js';
import { field, h, uid } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { dateLabel, languageAttributes, STATUS_LABELS } from './format.js';

const base = (sourceId) => `/api/admin/articles/${encodeURIComponent(sourceId)}`;
const decide = (token, sourceId, proposal, verb, body) =>
  call(
    'POST',
    `${base(sourceId)}/proposals/${encodeURIComponent(proposal.id)}/${verb}?extractor=${encodeURIComponent(proposal.extractorVersion)}`,
    { token, body },
  );

/** The title the server gives an accepted proposal left unedited: its first actor, then the CAMEO name. */
function defaultTitle(proposal) {
  const actors = proposal.actors.filter((a) => a.country !== null);
  const initiator = actors.find((a) => a.role !== 'target') ?? actors[0];
  return `${initiator ? `${initiator.name}: ` : ''}${proposal.type.name}`.slice(0, 500);
}

function facts(proposal, language) {
  const date = proposal.date;
  const said = date.carried ? 'carried from the statement before' : `“${date.expression}”`;
  const actors = proposal.actors.map((a) => `${a.name}${a.country ? ` (${a.country})` : ''} · ${a.role}`);
  return h(
    'dl',
    { class: 'proposal-facts' },
    h('dt', {}, 'Date'),
    h('dd', {}, h('time', { datetime: date.start }, dateLabel(date)), ' — ', h('bdi', {}, said)),
    h('dt', {}, 'Actors'),
    h(
      'dd',
      {},
      actors.length
        ? h(
            'ul',
            {},
            actors.map((a) => h('li', {}, h('bdi', {}, a))),
          )
        : 'None found',
    ),
    proposal.place
      ? [h('dt', {}, 'Place'), h('dd', {}, h('bdi', languageAttributes(language), proposal.place.name))]
      : null,
    h('dt', {}, 'Status'),
    h('dd', {}, STATUS_LABELS[proposal.status] ?? proposal.status),
    h('dt', {}, 'Cue'),
    h('dd', {}, h('bdi', languageAttributes(language), proposal.type.cue.text)),
  );
}

function decisionText(decision) {
  if (decision.reason !== undefined) return `Dismissed: ${decision.reason}`;
  return decision.quote !== undefined
    ? 'Attached as another source of an event on the timeline.'
    : 'Accepted: recorded.';
}

/** Events already on the timeline that this proposal seems to report again, each with "attach" instead. */
function duplicates(proposal, attach) {
  if (!proposal.likelyDuplicates?.length) return null;
  return h(
    'div',
    { class: 'proposal-duplicate', role: 'group', 'aria-label': 'Likely duplicate' },
    proposal.likelyDuplicates.map((event) =>
      h(
        'div',
        {},
        h(
          'p',
          {},
          'Likely a duplicate of ',
          h('strong', {}, h('bdi', {}, event.title)),
          ` (${event.type}, ${dateLabel({ ...event.date, precision: 'day' })}) — same actors and type, overlapping dates.`,
        ),
        h(
          'button',
          { type: 'button', class: 'button-secondary', onclick: () => void attach(event.eventId) },
          'Attach as another source',
        ),
      ),
    ),
  );
}

/**
 * One proposal as an editable card: accept (with any edits), or dismiss with a reason. `onDecided(card, result)`
 * runs once a decision is recorded and answers a sentence; it moves focus on.
 */
export function proposalCard(proposal, { sourceId, language, token, onDecided, onRefused }) {
  const headingId = uid('proposal');
  const status = h('p', { class: 'proposal-status', role: 'status' });
  const card = h(
    'li',
    { class: 'proposal-card', dataset: { proposalId: proposal.id } },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h(
        'h4',
        { id: headingId },
        `${proposal.type.code} ${proposal.type.name}`,
        h('span', { class: 'confidence' }, ` · ${Math.round(proposal.confidence * 100)}%`),
      ),
      h('blockquote', { ...languageAttributes(language), class: 'proposal-quote' }, proposal.quote.text),
      facts(proposal, language),
      status,
    ),
  );
  const done = (decision, message) => {
    card.classList.add(decision.reason !== undefined ? 'is-dismissed' : 'is-accepted');
    card.querySelector('form')?.remove();
    status.textContent = message ?? decisionText(decision);
  };
  if (proposal.decision) {
    done(proposal.decision);
    return card;
  }

  const title = defaultTitle(proposal);
  const inputs = {
    type: h('input', {
      name: 'type',
      value: proposal.type.code,
      class: 'mono',
      list: 'cameo-codes',
      autocomplete: 'off',
    }),
    title: h('input', { name: 'title', value: title, dir: 'auto', autocomplete: 'off' }),
    status: h(
      'select',
      { name: 'status' },
      Object.entries(STATUS_LABELS).map(([value, label]) =>
        h('option', { value, selected: value === proposal.status }, label),
      ),
    ),
  };
  const reason = h('textarea', { name: 'reason', rows: 2, dir: 'auto' });
  const dismissGroup = h(
    'div',
    { class: 'dismiss-group' },
    field('Why dismiss it?', reason, 'Kept with the decision, e.g. “background, not a dated act”'),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'button-danger', onclick: () => void dismiss() }, 'Dismiss proposal'),
      h('button', { type: 'button', class: 'button-quiet', onclick: () => toggleDismiss(false) }, 'Cancel'),
    ),
  );
  dismissGroup.hidden = true;
  const accept = h('button', { type: 'submit', class: 'button-primary' }, 'Accept');
  const editing = h(
    'details',
    { class: 'proposal-edit' },
    h('summary', {}, 'Edit before accepting'),
    h('div', { class: 'grid-2' }, field('Type (CAMEO code)', inputs.type), field('Status', inputs.status)),
    field('Title', inputs.title),
  );
  const dismissOpen = h(
    'button',
    { type: 'button', class: 'button-secondary', 'aria-expanded': 'false', onclick: () => toggleDismiss(true) },
    'Dismiss…',
  );
  const form = h(
    'form',
    { class: 'proposal-form', novalidate: true, 'aria-label': `Decide on: ${proposal.type.name}` },
    editing,
    duplicates(proposal, (eventId) => run('attach', { eventId })),
    h('div', { class: 'actions' }, accept, dismissOpen),
    dismissGroup,
  );
  card.querySelector('article').append(form);

  const toggleDismiss = (open) => {
    dismissGroup.hidden = !open;
    dismissOpen.setAttribute('aria-expanded', String(open));
    (open ? reason : dismissOpen).focus();
  };
  const edits = () => {
    const changed = {};
    if (inputs.type.value.trim() !== proposal.type.code) changed.type = inputs.type.value.trim();
    if (inputs.title.value.trim() !== title) changed.title = inputs.title.value.trim();
    if (inputs.status.value !== proposal.status) changed.status = inputs.status.value;
    return Object.keys(changed).length ? changed : undefined;
  };
  const run = async (verb, body) => {
    clearFieldErrors(form);
    for (const button of form.querySelectorAll('button')) button.disabled = true;
    try {
      const result = await decide(token(), sourceId, proposal, verb, body);
      done(result, 'Recorded. Waiting for the timeline…');
      status.textContent = await onDecided(card, result);
    } catch (error) {
      if (error.status === 401) onRefused(error);
      else {
        // An edit the server refused is inside the closed "Edit before accepting": open it to show where.
        if (verb === 'accept' && Object.keys(error.fields ?? {}).length > 0) editing.open = true;
        showFieldErrors(form, error, 'edits.');
      }
    } finally {
      for (const button of form.querySelectorAll('button')) button.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const changed = edits();
    void run('accept', changed ? { edits: changed } : {});
  });
  const dismiss = () => run('dismiss', { reason: reason.value.trim() });
  return card;
}
