import { countryName } from '@libs/diplomacy';
import type { TimelineItem } from '@libs/projections';
import { dateText, firstSource, locationText, typeText } from './item-text';

/** A TimelineJS date: only the parts the item's precision knows (https://timeline.knightlab.com/docs/json-format.html). */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsText {
  headline: string;
  text: string;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date: TimelineJsDate;
  text: TimelineJsText;
  group?: string;
  /** What the slide shows as its date: the precision the source gave, never a made-up day. */
  display_date: string;
  unique_id: string;
}

export interface TimelineJsDocument {
  title: { text: TimelineJsText };
  events: TimelineJsSlide[];
}

export interface TimelineJsOptions {
  title: string;
  group: 'type' | 'country';
  /** The export stopped at its cap: the title slide says so. */
  truncated: boolean;
}

/** TimelineJS renders headlines, texts and group labels as HTML, so every value from the timeline is escaped. */
export function toTimelineJs(items: readonly TimelineItem[], options: TimelineJsOptions): TimelineJsDocument {
  const count = `${items.length} ${items.length === 1 ? 'event' : 'events'}`;
  const note = options.truncated ? `${count} (the first ones only: more match than an export holds)` : count;
  return {
    title: { text: { headline: escapeHtml(options.title), text: `<p>${escapeHtml(note)}</p>` } },
    events: items.map((item) => toSlide(item, options.group)),
  };
}

function toSlide(item: TimelineItem, group: TimelineJsOptions['group']): TimelineJsSlide {
  const label = group === 'country' ? countryGroup(item) : (item.typeLabel ?? item.type);
  return {
    start_date: partialDate(item.date.start, item.date.precision),
    end_date: partialDate(item.date.end, item.date.precision),
    display_date: escapeHtml(displayDate(item.date)),
    text: { headline: escapeHtml(item.title), text: slideText(item) },
    ...(label ? { group: escapeHtml(label) } : {}),
    unique_id: item.id,
  };
}

/**
 * The date cut to what is known: a year, a year and month, or a full date (day and week precision, and
 * vague spans, whose bounds are days).
 */
export function partialDate(date: string, precision: TimelineItem['date']['precision']): TimelineJsDate {
  const [year, month, day] = date.split('-').map(Number);
  if (precision === 'year') return { year };
  if (precision === 'month') return { year, month };
  return { year, month, day };
}

/** English month names from the runtime's ICU data ("en-US": "Sep", where "en-GB" says "Sept"). */
const monthNames = (month: 'long' | 'short') =>
  Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat('en-US', { month, timeZone: 'UTC' }).format(Date.UTC(2000, m, 1)),
  );
const FULL_MONTHS = monthNames('long');
const MONTHS = monthNames('short');

/** "2023", "June 2023", "week of 23 Oct 2023", "23 Oct 2023", "23–24 Oct 2023", "about 23 Oct – 5 Nov 2023". */
export function displayDate(date: Pick<TimelineItem['date'], 'start' | 'end' | 'precision'>): string {
  const [year, month, day] = date.start.split('-').map(Number);
  const [endYear, endMonth, endDay] = date.end.split('-').map(Number);
  const dayText = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;
  switch (date.precision) {
    case 'year':
      return endYear === year ? String(year) : `${year}–${endYear}`;
    case 'month':
      return `${FULL_MONTHS[month - 1]} ${year}`;
    case 'week':
      return `week of ${dayText(year, month, day)}`;
    default: {
      const span =
        date.start === date.end
          ? dayText(year, month, day)
          : year === endYear && month === endMonth
            ? `${day}–${dayText(endYear, endMonth, endDay)}`
            : `${year === endYear ? `${day} ${MONTHS[month - 1]}` : dayText(year, month, day)} – ${dayText(endYear, endMonth, endDay)}`;
      return date.precision === 'vague' ? `about ${span}` : span;
    }
  }
}

/** The initiator's country names the row (else the first actor's, else the place's): one row per event. */
function countryGroup(item: TimelineItem): string | undefined {
  const actor = item.actors.find((a) => a.role === 'initiator') ?? item.actors[0];
  const code = actor?.country ?? item.location?.country;
  return code ? (countryName(code, 'en') ?? code) : undefined;
}

function slideText(item: TimelineItem): string {
  const source = firstSource(item);
  const html: string[] = [];
  if (item.summary) html.push(`<p dir="auto">${escapeHtml(item.summary)}</p>`);
  if (source) {
    html.push(`<blockquote dir="auto">${escapeHtml(source.quote)}</blockquote>`);
    const title = escapeHtml(source.title ?? source.url ?? '');
    if (source.url && /^https?:\/\//i.test(source.url))
      html.push(`<p>— <a href="${escapeHtml(source.url)}" rel="noopener noreferrer">${title}</a></p>`);
    else if (title) html.push(`<p>— ${title}</p>`);
  }
  const facts = [`CAMEO ${typeText(item)}`, `Date: ${dateText(item)}`];
  if (item.location) facts.push(`Place: ${locationText(item.location)}`);
  html.push(`<p>${facts.map(escapeHtml).join('<br>')}</p>`);
  return html.join('');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
