import { field, h, uid } from './dom.js';
import { STATUS_LABELS } from './format.js';
import { ITEM_TEXT_FIELDS } from './item-fields.js';

const ROLES = ['initiator', 'target', 'participant'];

const text = (name, value, attrs = {}) => h('input', { type: 'text', name, value: value ?? '', ...attrs });
const area = (name, value, attrs = {}) => {
  const el = h('textarea', { name, rows: 3, ...attrs });
  el.value = value ?? '';
  return el;
};
// The initial choice is the default (selected attribute), so that form.reset() comes back to it.
const select = (name, options, value) =>
  h(
    'select',
    { name },
    options.map(([v, label]) => h('option', { value: v, selected: v === (value ?? options[0][0]) }, label)),
  );

/** "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan" (names in other scripts give '' and are left to the admin). */
export function slug(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** The actors editor: one fieldset per actor, at least one; inputs named actors.<i>.<field> like the API's paths. */
function actorsEditor(prefix, actors) {
  const list = h('div', { class: 'actor-rows' });
  const box = h(
    'fieldset',
    { class: 'actors', 'data-field': `${prefix}actors` },
    h('legend', {}, 'Actors'),
    h('p', { class: 'hint' }, 'Who acted and towards whom. Country is an ISO alpha-3 code such as FRA.'),
    list,
  );
  const renumber = () => {
    [...list.children].forEach((row, i) => {
      row.dataset.field = `${prefix}actors.${i}`;
      row.querySelector('legend').textContent = `Actor ${i + 1}`;
      for (const input of row.querySelectorAll('[data-key]')) input.name = `${prefix}actors.${i}.${input.dataset.key}`;
      row.querySelector('.remove-actor').disabled = list.children.length === 1;
    });
  };
  const addRow = (actor = {}) => {
    const id = text('', actor.id, { 'data-key': 'id', autocomplete: 'off', spellcheck: 'false' });
    const name = text('', actor.name, { 'data-key': 'name', autocomplete: 'off' });
    const country = text('', actor.country, {
      'data-key': 'country',
      class: 'code-input',
      maxlength: 3,
      autocomplete: 'off',
      autocapitalize: 'characters',
      list: 'country-codes',
    });
    const role = select(
      '',
      ROLES.map((r) => [r, r]),
      actor.role ?? (list.children.length ? 'target' : 'initiator'),
    );
    role.dataset.key = 'role';
    if (actor.id) id.dataset.touched = 'true';
    id.addEventListener('input', () => (id.dataset.touched = 'true'));
    name.addEventListener('input', () => {
      if (id.dataset.touched !== 'true') id.value = slug(name.value);
    });
    const row = h(
      'fieldset',
      { class: 'actor-row' },
      h('legend', {}, 'Actor'),
      field('Name', name),
      field('Actor id', id),
      field('Country', country),
      field('Role', role),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet remove-actor',
          onclick: () => {
            row.remove();
            renumber();
            list.querySelector('input')?.focus();
          },
        },
        'Remove actor',
      ),
    );
    list.append(row);
    renumber();
    return row;
  };
  (actors?.length ? actors : [{}]).forEach(addRow);
  box.append(
    h(
      'button',
      { type: 'button', class: 'button-quiet', onclick: () => addRow().querySelector('input').focus() },
      '+ Add actor',
    ),
  );
  const read = () =>
    [...list.children].map((row) => {
      const value = (key) => row.querySelector(`[data-key="${key}"]`).value.trim();
      return { id: value('id'), name: value('name'), country: value('country').toUpperCase(), role: value('role') };
    });
  return { element: box, read };
}

/** Either the source's own words (resolved against an anchor) or explicit dates. */
function dateEditor(prefix, date) {
  const group = uid('date-mode');
  const byWords = !date || date.expression != null;
  const radio = (value, label, checked) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: group, value, checked }), ' ', label);
  const expression = text(`${prefix}date.expression`, date?.expression, { dir: 'auto', autocomplete: 'off' });
  const anchor = h('input', { type: 'date', name: `${prefix}date.anchor`, value: date?.anchor ?? '' });
  const direction = select(
    `${prefix}date.direction`,
    [
      ['past', 'Past: “on Wednesday” = the last one'],
      ['future', 'Future: “on Thursday” = the next one'],
    ],
    date?.direction ?? 'past',
  );
  const start = h('input', { type: 'date', name: `${prefix}date.start`, value: date?.start ?? '' });
  const end = h('input', { type: 'date', name: `${prefix}date.end`, value: date?.end ?? '' });
  const words = h(
    'div',
    { class: 'date-words grid-2' },
    field('Date as the source says it', expression, ['e.g. ', h('bdi', {}, 'يوم الأربعاء'), ', last week, in June']),
    field('Relative to', anchor, "Leave empty for the source's publication date"),
    field('Direction', direction),
  );
  const explicit = h('div', { class: 'date-explicit grid-2' }, field('Start', start), field('End', end, 'Optional'));
  const box = h(
    'fieldset',
    { class: 'date', 'data-field': `${prefix}date` },
    h('legend', {}, 'When'),
    h(
      'div',
      { class: 'choices' },
      radio('words', 'In the source’s words', byWords),
      radio('dates', 'Exact dates', !byWords),
    ),
    words,
    explicit,
  );
  const mode = () => box.querySelector(`input[name="${group}"]:checked`).value;
  const sync = () => {
    words.hidden = mode() !== 'words';
    explicit.hidden = mode() !== 'dates';
  };
  box.addEventListener('change', sync);
  sync();
  const read = () => {
    if (mode() === 'words') {
      const value = { expression: expression.value.trim() };
      if (anchor.value) value.anchor = anchor.value;
      value.direction = direction.value;
      return value;
    }
    const value = { start: start.value };
    if (end.value) value.end = end.value;
    return value;
  };
  return { element: box, read };
}

/**
 * The facts of a diplomatic event as form controls, named by the API's field paths (`prefix` is 'changes.'
 * in a correction). `read()` returns the values as the API takes them.
 */
export function eventFields(prefix, item) {
  const type = text(`${prefix}type`, item?.type, { list: 'cameo-codes', class: 'code-input', autocomplete: 'off' });
  const status = select(`${prefix}status`, Object.entries(STATUS_LABELS), item?.status ?? 'occurred');
  const title = text(`${prefix}title`, item?.title, { dir: 'auto', autocomplete: 'off' });
  const texts = ITEM_TEXT_FIELDS.map((spec) => ({
    spec,
    control: spec.multiline
      ? area(`${prefix}${spec.key}`, item?.[spec.key], { dir: 'auto' })
      : text(`${prefix}${spec.key}`, item?.[spec.key], { dir: 'auto', autocomplete: 'off' }),
  }));
  const actors = actorsEditor(prefix, item?.actors);
  const locationName = text(`${prefix}location.name`, item?.location?.name, { dir: 'auto', autocomplete: 'off' });
  const locationCountry = text(`${prefix}location.country`, item?.location?.country, {
    class: 'code-input',
    maxlength: 3,
    autocomplete: 'off',
    list: 'country-codes',
  });
  const date = dateEditor(prefix, item?.date);
  const elements = [
    h(
      'div',
      { class: 'grid-2' },
      field('Type (CAMEO code)', type, 'e.g. 042 make a visit, 057 sign formal agreement'),
      field('Status', status),
    ),
    field('Title', title),
    ...texts.map(({ spec, control }) => field(spec.label, control, spec.hint)),
    actors.element,
    h(
      'div',
      { class: 'grid-2' },
      field('Place', locationName, 'Optional'),
      field('Place country', locationCountry, 'Alpha-3, optional'),
    ),
    date.element,
  ];
  const read = () => {
    const values = {
      type: type.value.trim(),
      status: status.value,
      title: title.value.trim(),
      ...Object.fromEntries(texts.map(({ spec, control }) => [spec.key, control.value.trim() || null])),
      actors: actors.read(),
      location: null,
      date: date.read(),
    };
    const [place, country] = [locationName.value.trim(), locationCountry.value.trim().toUpperCase()];
    // A country without a place is sent anyway, so the server can say the place is missing.
    if (place || country) values.location = country ? { name: place, country } : { name: place };
    return values;
  };
  return { elements, read };
}
