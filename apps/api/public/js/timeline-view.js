/* global CSS */
import { isolate } from './bidi.js';
import { clear, h } from './dom.js';
import { countryName, dateLabel, flag, groupOf, languageAttributes, machineDate, STATUS_LABELS } from './format.js';

export const typeText = (item) => [item.typeLabel ?? 'Unknown type', ' ', h('span', { class: 'code' }, item.type)];

export function badges(item) {
  return [
    item.status !== 'occurred'
      ? h('span', { class: `badge badge-${item.status}` }, STATUS_LABELS[item.status] ?? item.status)
      : null,
    item.version > 1 ? h('span', { class: 'badge badge-corrected' }, 'Corrected') : null,
  ];
}

function actorChip(actor) {
  const mark = flag(actor.country);
  return h(
    'li',
    { class: `actor role-${actor.role}` },
    mark ? h('span', { class: 'flag', 'aria-hidden': 'true' }, mark) : null,
    h('span', { class: 'actor-name' }, isolate(actor.name)),
    ' ',
    h('abbr', { class: 'cc', title: countryName(actor.country) ?? actor.country }, actor.country),
    h('span', { class: 'visually-hidden' }, `, ${actor.role}`),
  );
}

/** Initiators → targets (participants alongside): who did what to whom, at a glance. */
export function actorList(actors) {
  const initiators = actors.filter((a) => a.role === 'initiator');
  const targets = actors.filter((a) => a.role === 'target');
  const participants = actors.filter((a) => a.role !== 'initiator' && a.role !== 'target');
  const arrow = initiators.length && targets.length ? h('li', { class: 'towards', 'aria-hidden': 'true' }, '→') : null;
  return h(
    'ul',
    { class: 'actors' },
    initiators.map(actorChip),
    arrow,
    targets.map(actorChip),
    participants.map(actorChip),
  );
}

function card(item, onOpen) {
  const source = item.sources[0];
  const lang = languageAttributes(source?.language);
  const open = h('button', { type: 'button', class: 'card-open', dir: 'auto' }, isolate(item.title));
  open.addEventListener('click', () => onOpen(item, open));
  return h(
    'li',
    {},
    h(
      'article',
      { class: `card status-${item.status}`, dataset: { id: item.id, status: item.status } },
      h(
        'div',
        { class: 'card-meta' },
        h('time', { class: 'card-date', datetime: machineDate(item.date) }, dateLabel(item.date)),
        h('span', { class: 'type' }, typeText(item)),
        badges(item),
      ),
      h('h4', { class: 'card-title' }, open),
      h(
        'div',
        { class: 'card-who' },
        actorList(item.actors),
        item.location
          ? h('p', { class: 'place' }, h('span', { class: 'visually-hidden' }, 'Place: '), isolate(item.location.name))
          : null,
      ),
      source?.quote ? h('blockquote', { class: 'quote', lang: lang.lang, dir: lang.dir }, source.quote) : null,
    ),
  );
}

/**
 * The timeline in the API's order, grouped by year then month. Appending a page continues the last group when
 * the page starts where the previous one ended.
 */
export function createTimelineView(container, { onOpen }) {
  let lastYear = null;
  let lastGroup = null;

  const yearSection = (year) => {
    const id = `year-${year}`;
    const months = h('div', { class: 'year-months' });
    container.append(
      h(
        'section',
        { class: 'year', 'aria-labelledby': id },
        h('h2', { class: 'year-heading', id }, String(year)),
        months,
      ),
    );
    return months;
  };

  return {
    reset() {
      clear(container);
      lastYear = null;
      lastGroup = null;
    },
    append(items) {
      for (const item of items) {
        const group = groupOf(item);
        if (!lastYear || lastYear.year !== group.year) lastYear = { year: group.year, el: yearSection(group.year) };
        if (!lastGroup || lastGroup.key !== group.key) {
          const list = h('ol', { class: 'items' });
          lastYear.el.append(h('section', { class: 'month' }, h('h3', { class: 'month-heading' }, group.label), list));
          lastGroup = { key: group.key, list };
        }
        lastGroup.list.append(card(item, onOpen));
      }
    },
    find(id) {
      return container.querySelector(`article[data-id="${CSS.escape(id)}"]`);
    },
    /** Live updates: a shown card redrawn from a newer version of its item, in place; false if not shown. */
    replace(item) {
      const shown = this.find(item.id)?.closest('li');
      if (shown) shown.replaceWith(card(item, onOpen));
      return Boolean(shown);
    },
    /** Live updates: a shown card taken off (retracted, or no longer matching the filters). */
    remove(id) {
      this.find(id)?.closest('li')?.remove();
    },
    cards() {
      return container.querySelectorAll('article.card');
    },
  };
}
