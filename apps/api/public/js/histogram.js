/* global document, window */
import { api } from './api.js';
import { clear, h } from './dom.js';
import { MONTHS } from './format.js';

// A run of empty months longer than this is drawn as one break, so that a lone item decades back does not
// squeeze every other bar to a hairline.
const LONGEST_EMPTY_RUN = 12;

const monthLabel = (key) => `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
const countText = (n) => `${n.toLocaleString('en-GB')} event${n === 1 ? '' : 's'}`;
const firstDay = (key) => `${key}-01`;
function lastDay(key) {
  const [y, m] = key.split('-').map(Number);
  return `${key}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function nextMonth(key) {
  const [y, m] = key.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Buckets (non-empty months, in order) → slots on a linear month axis: a bucket, or a break for a long gap. */
function slots(buckets) {
  const out = [];
  for (const bucket of buckets) {
    const previous = out.at(-1);
    if (previous) {
      let empty = 0;
      for (let key = nextMonth(previous.key); key < bucket.key && empty <= LONGEST_EMPTY_RUN; key = nextMonth(key))
        empty += 1;
      if (empty > LONGEST_EMPTY_RUN) out.push({ gap: true, key: `gap-${bucket.key}` });
      else for (let i = 0; i < empty; i += 1) out.push({ empty: true, key: `empty-${bucket.key}-${i}` });
    }
    out.push(bucket);
  }
  return out;
}

/**
 * Events per month above the list, counted with every filter but the dates (so the whole span stays visible
 * and brushable), the months in the date filter marked. One tab stop; arrows move between months. Choosing a
 * month jumps the list to it (`onJump`); dragging across months, or Shift+arrows then Enter, sets the dates to
 * them (`onBrush(from, to)`).
 */
export function createHistogram(section, { onJump, onBrush }) {
  const bars = h('div', {
    class: 'histogram-bars',
    role: 'toolbar',
    'aria-orientation': 'horizontal',
    'aria-labelledby': 'histogram-title',
    'aria-describedby': 'histogram-help',
  });
  const readout = h('p', { class: 'histogram-readout', 'aria-hidden': 'true' });
  const axis = h('div', { class: 'histogram-axis', 'aria-hidden': 'true' });
  section.append(
    h('div', { class: 'histogram-head' }, h('h2', { id: 'histogram-title' }, 'Events per month'), readout),
    h(
      'p',
      { class: 'hint', id: 'histogram-help' },
      'Choose a month to jump to it. Drag across months, or hold Shift with the arrow keys and press Enter, to show only those months.',
    ),
    bars,
    axis,
  );

  let counted = null; // the filters the bars were counted with
  let range = { from: undefined, to: undefined };
  let pending = null; // { anchor, end }: a brush being drawn
  let drag = null;
  let skipClick = false;
  let request = 0;

  const buttons = () => [...bars.querySelectorAll('button.bar')];
  const keyOf = (el) => el?.closest?.('button.bar')?.dataset.month;
  const inRange = (key) =>
    Boolean(range.from || range.to) &&
    (!range.from || lastDay(key) >= range.from) &&
    (!range.to || firstDay(key) <= range.to);
  const pendingKeys = () => (pending ? [pending.anchor, pending.end].sort() : null);

  function mark() {
    const brush = pendingKeys();
    for (const button of buttons()) {
      const key = button.dataset.month;
      const selected = inRange(key);
      button.classList.toggle('in-range', selected);
      button.classList.toggle('brushing', Boolean(brush && key >= brush[0] && key <= brush[1]));
      button.setAttribute(
        'aria-label',
        `${monthLabel(key)}: ${countText(Number(button.dataset.count))}${selected ? ', in the date filter' : ''}`,
      );
    }
    if (brush) {
      const count = buttons()
        .filter((b) => b.dataset.month >= brush[0] && b.dataset.month <= brush[1])
        .reduce((sum, b) => sum + Number(b.dataset.count), 0);
      const span = brush[0] === brush[1] ? monthLabel(brush[0]) : `${monthLabel(brush[0])} – ${monthLabel(brush[1])}`;
      readout.textContent = `${span}: ${countText(count)}`;
    }
  }

  function show(key) {
    const button = bars.querySelector(`button.bar[data-month="${key}"]`);
    if (button && !pending) readout.textContent = `${monthLabel(key)}: ${countText(Number(button.dataset.count))}`;
  }

  /** Roving tab stop: the month that has focus (or the newest) is the one Tab reaches. */
  function focusMonth(key, { focus = true } = {}) {
    for (const button of buttons()) button.tabIndex = button.dataset.month === key ? 0 : -1;
    const button = bars.querySelector(`button.bar[data-month="${key}"]`);
    if (focus && button) {
      button.focus();
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  function commit(keys) {
    pending = null;
    mark();
    onBrush(firstDay(keys[0]), lastDay(keys[1]));
  }

  function render(buckets) {
    clear(bars);
    clear(axis);
    section.hidden = buckets.length === 0;
    if (buckets.length === 0) return;
    const most = Math.max(...buckets.map((b) => b.count));
    for (const slot of slots(buckets)) {
      if (slot.gap) {
        bars.append(h('span', { class: 'bar-gap', title: 'Years without events' }, '⋯'));
      } else if (slot.empty) {
        bars.append(h('span', { class: 'bar-empty' }));
      } else {
        const fill = h('span', { class: 'bar-fill' });
        // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
        fill.style.height = `${Math.max(4, Math.round((slot.count / most) * 100))}%`;
        bars.append(
          h(
            'button',
            { type: 'button', class: 'bar', tabindex: '-1', dataset: { month: slot.key, count: slot.count } },
            fill,
          ),
        );
      }
    }
    axis.append(h('span', {}, monthLabel(buckets[0].key)), h('span', {}, monthLabel(buckets.at(-1).key)));
    focusMonth(buckets.at(-1).key, { focus: false });
    bars.scrollLeft = bars.scrollWidth; // the news is at the end
    mark();
  }

  bars.addEventListener('click', (event) => {
    const key = keyOf(event.target);
    if (!key || skipClick) return;
    focusMonth(key);
    onJump(key);
  });
  bars.addEventListener('pointerdown', (event) => {
    skipClick = false;
    const key = keyOf(event.target);
    if (!key || event.button !== 0) return;
    drag = key;
    pending = { anchor: key, end: key };
    mark();
  });
  bars.addEventListener('pointermove', (event) => {
    const key = drag ? keyOf(document.elementFromPoint(event.clientX, event.clientY)) : keyOf(event.target);
    if (!key) return;
    if (drag && pending && key !== pending.end) {
      pending.end = key;
      mark();
    } else if (!drag) show(key);
  });
  window.addEventListener('pointerup', () => {
    if (!drag) return;
    const keys = pendingKeys();
    drag = null;
    if (keys && keys[0] !== keys[1]) {
      skipClick = true; // the release ends a brush, not a click on its last month
      commit(keys);
    } else {
      pending = null;
      mark();
    }
  });
  bars.addEventListener('focusin', (event) => {
    const key = keyOf(event.target);
    if (key) show(key);
  });
  bars.addEventListener('keydown', (event) => {
    const key = keyOf(event.target);
    if (!key) return;
    const keys = buttons().map((b) => b.dataset.month);
    const at = keys.indexOf(key);
    const moves = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: keys.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const next = keys[Math.min(keys.length - 1, Math.max(0, moves[event.key]))];
      if (event.shiftKey) pending = { anchor: pending?.anchor ?? key, end: next };
      else pending = null;
      focusMonth(next);
      mark();
      show(next);
    } else if ((event.key === 'Enter' || event.key === ' ') && pendingKeys()?.[0] !== pendingKeys()?.[1]) {
      event.preventDefault();
      commit(pendingKeys());
    } else if (event.key === 'Escape' && pending) {
      pending = null;
      mark();
      show(key);
    }
  });

  return {
    /** Counts again when a filter other than the dates changed; marks the date filter's months either way. */
    async update(params, { force = false } = {}) {
      const { from, to, limit: _limit, ...rest } = params;
      range = { from, to };
      const key = JSON.stringify(rest);
      if (key !== counted || force) {
        counted = key;
        const mine = ++request;
        try {
          const stats = await api.stats({ ...rest, groupBy: 'month' });
          if (mine === request) render(stats.buckets);
        } catch {
          // The histogram only helps: with filters the API refuses, the list says what is wrong.
          if (mine === request) render([]);
        }
      }
      mark();
    },
  };
}
