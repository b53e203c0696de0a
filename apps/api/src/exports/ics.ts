import type { TimelineItem } from '@libs/projections';
import { actorText, addDays, dateText, firstSource, locationText, typeText } from './item-text';

const CRLF = '\r\n';
const PRODID = '-//Annals//Diplomatic Timeline//EN';
const STATUS: Record<string, string> = { occurred: 'CONFIRMED', scheduled: 'TENTATIVE', cancelled: 'CANCELLED' };
// RFC 5545 TEXT allows no control characters but tab; line breaks are escaped, the rest are dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export interface CalendarOptions {
  name: string;
}

/**
 * An RFC 5545 calendar with one all-day VEVENT per item. There is no METHOD, so DTSTAMP is "when the
 * information was last revised" (3.8.7.2): the item's updatedAt, which keeps repeated exports identical.
 * SEQUENCE is version - 1, since a component starts at 0 (3.8.7.4) and each correction revises it. A retracted
 * item stays as STATUS:CANCELLED with SEQUENCE one higher (the retraction is a revision too): a subscriber
 * that had it learns it is gone, where a vanished VEVENT would linger in many clients.
 *
 * Days, weeks and months keep their span. An item known only to the year is not drawn as a year-long bar that
 * fills every day of a subscriber's calendar: it is one all-day event on the year's first day, whose SUMMARY says
 * the day is unknown, with the precision in X-ANNALS-PRECISION (on every item) and in the DESCRIPTION.
 */
export function toICalendar(items: readonly TimelineItem[], options: CalendarOptions): string {
  return calendarStart(options) + calendarEvents(items) + CALENDAR_END;
}

/** The calendar's opening lines; then calendarEvents() page by page, then CALENDAR_END. */
export function calendarStart(options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  return contentLines(lines);
}

export function calendarEvents(items: readonly TimelineItem[]): string {
  return contentLines(items.flatMap(toEvent));
}

export const CALENDAR_END = `END:VCALENDAR${CRLF}`;

/** Folded lines, each ending in CRLF. */
function contentLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

function toEvent(item: TimelineItem): string[] {
  const status = item.retractedAt ? 'CANCELLED' : STATUS[item.status];
  const revised = item.retractedAt ?? item.updatedAt;
  const yearOnly = item.date.precision === 'year';
  const lastDay = yearOnly ? item.date.start : item.date.end;
  return [
    'BEGIN:VEVENT',
    `UID:${item.id}@annals`,
    `DTSTAMP:${utcDateTime(revised)}`,
    `CREATED:${utcDateTime(item.recordedAt)}`,
    `LAST-MODIFIED:${utcDateTime(revised)}`,
    `SEQUENCE:${Math.max(0, item.version - 1) + (item.retractedAt ? 1 : 0)}`,
    `DTSTART;VALUE=DATE:${basicDate(item.date.start)}`,
    // DTEND is exclusive (3.6.1): the day after the item's last day.
    `DTEND;VALUE=DATE:${basicDate(addDays(lastDay, 1))}`,
    `SUMMARY:${escapeText(yearOnly ? `${item.title} (${yearText(item)}, day unknown)` : item.title)}`,
    `DESCRIPTION:${escapeText(description(item))}`,
    ...(item.location ? [`LOCATION:${escapeText(locationText(item.location))}`] : []),
    `CATEGORIES:${[item.type, item.typeLabel ?? ''].filter(Boolean).map(escapeText).join(',')}`,
    ...(status ? [`STATUS:${status}`] : []),
    // A past summit should not mark the subscriber as busy.
    'TRANSP:TRANSPARENT',
    `X-ANNALS-PRECISION:${escapeText(item.date.precision)}`,
    'END:VEVENT',
  ];
}

function description(item: TimelineItem): string {
  const source = firstSource(item);
  const lines = item.summary ? [item.summary, ''] : [];
  if (source) {
    const cited = [source.title, source.url].filter(Boolean).join(' ');
    lines.push(cited ? `"${source.quote}" — ${cited}` : `"${source.quote}"`);
  }
  lines.push(`Type: ${typeText(item)}`, `Date: ${dateText(item)}`);
  if (item.date.precision === 'year') lines.push(`Known to the year only (${yearText(item)}): shown on its first day.`);
  if (item.actors.length > 0) lines.push(`Actors: ${item.actors.map(actorText).join('; ')}`);
  return lines.join('\n');
}

/** "1994", or "2022–2023" for an item dated to a span of years. */
function yearText(item: TimelineItem): string {
  const [from, to] = [item.date.start.slice(0, 4), item.date.end.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
}

/** RFC 5545 3.3.11: backslash, semicolon and comma are escaped, line breaks become `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1: a content line longer than 75 octets is split, each continuation starting with one space.
 * Counted in UTF-8 octets and cut only between code points, so an Arabic letter (2 octets) or an emoji
 * (4) is never split in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  let room = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
      room = 74; // the leading space of a continuation line is one of its 75 octets
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join(`${CRLF} `);
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}

/** 2023-11-05 → 20231105 (a DATE value). */
function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

/** An ISO timestamp → 20231105T101500Z (a UTC DATE-TIME value). */
function utcDateTime(timestamp: string): string {
  return new Date(timestamp)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
