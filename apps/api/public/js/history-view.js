import { isolate } from './bidi.js';
import { h } from './dom.js';
import { dateLabel, instantLabel, languageAttributes, STATUS_LABELS } from './format.js';
import { ITEM_TEXT_FIELDS } from './item-fields.js';

const FIELD_LABELS = {
  type: 'Type',
  title: 'Title',
  ...Object.fromEntries(ITEM_TEXT_FIELDS.map(({ key, label }) => [key, label])),
  actors: 'Actors',
  location: 'Place',
  date: 'Date',
  status: 'Status',
  quote: 'Quote',
};

/** One fact as a short text, for "was … / now …". */
function describe(key, value) {
  if (value === null || value === undefined || value === '') return '—';
  switch (key) {
    case 'date':
      // The source's words may be in another script: isolate them so they cannot reorder the sentence.
      return value.expression ? [dateLabel(value), ' (“', isolate(value.expression), '”)'] : dateLabel(value);
    case 'location':
      return value.country ? [isolate(value.name), `, ${value.country}`] : isolate(value.name);
    case 'actors':
      return value.flatMap((a, i) => [i ? '; ' : '', isolate(a.name), ` (${a.country}, ${a.role})`]);
    case 'status':
      return STATUS_LABELS[value] ?? value;
    default:
      return typeof value === 'string' ? isolate(value) : JSON.stringify(value);
  }
}

function change(key, before, after, language) {
  const textual = key === 'quote' ? languageAttributes(language) : {};
  return h(
    'li',
    { class: 'change' },
    h('span', { class: 'change-field' }, FIELD_LABELS[key] ?? key),
    h(
      'span',
      { class: 'change-values' },
      h('del', { ...textual, class: 'was' }, h('span', { class: 'visually-hidden' }, 'was: '), describe(key, before)),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
      h('ins', { ...textual, class: 'now' }, h('span', { class: 'visually-hidden' }, 'now: '), describe(key, after)),
    ),
  );
}

function entry(kind, event, asOf, ...content) {
  // In the "as of" view, what was recorded after the moment shown is marked: it was not on the timeline then.
  const later = asOf && Date.parse(event.recordedAt) > Date.parse(asOf);
  return h(
    'li',
    { class: `history-entry history-${kind.toLowerCase()}${later ? ' history-later' : ''}` },
    h(
      'p',
      { class: 'history-head' },
      h('span', { class: 'history-kind' }, kind),
      h('span', { class: 'history-version' }, `version ${event.version}`),
      h('time', { datetime: event.recordedAt }, instantLabel(event.recordedAt)),
      // Names are people's, in any script: isolated so they cannot reorder the line.
      event.recordedBy ? h('span', { class: 'history-author' }, 'by ', isolate(event.recordedBy.name)) : null,
      later ? h('span', { class: 'badge badge-later' }, 'After the moment shown') : null,
    ),
    ...content,
  );
}

const reason = (text) => h('p', { class: 'history-reason' }, h('strong', {}, 'Reason: '), isolate(text));

/**
 * The stored events of one diplomatic event, oldest first, folded so that each correction shows what each
 * field was before and what it became. With `asOf` (the "as of" view), versions recorded later are marked.
 */
export function historyList(events, language, asOf) {
  let facts = {};
  const items = events.map((event) => {
    const data = event.data ?? {};
    if (event.type === 'DiplomaticEventRecorded') {
      facts = { ...data, quote: data.source?.quote };
      return entry(
        'Recorded',
        event,
        asOf,
        h('p', { class: 'history-facts' }, isolate(data.title), ' — ', describe('date', data.date)),
      );
    }
    if (event.type === 'DiplomaticEventCorrected') {
      const changes = Object.entries(data.changes ?? {});
      const list = h(
        'ul',
        { class: 'changes' },
        changes.map(([key, value]) => change(key, facts[key], value, language)),
      );
      for (const [key, value] of changes) facts[key] = value;
      return entry('Corrected', event, asOf, reason(data.reason), list);
    }
    if (event.type === 'DiplomaticEventRetracted') return entry('Retracted', event, asOf, reason(data.reason));
    return entry(event.type, event, asOf);
  });
  return h('ol', { class: 'history' }, items);
}
