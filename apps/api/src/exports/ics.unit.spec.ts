import { describe, expect, it } from '@jest/globals';
import { escapeText, foldLine, toICalendar } from './ics';
import { addDays } from './item-text';
import { anItem } from './testing/timeline-item.fixtures';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');
const calendar = (...items: ReturnType<typeof anItem>[]) => toICalendar(items, { name: 'Annals' });
/** The unfolded value of the first `name` property (with its parameters) in a calendar. */
const property = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));

describe('escapeText (RFC 5545 3.3.11)', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\\b', 'a\\\\b'],
    ['one; two', 'one\\; two'],
    ['one, two', 'one\\, two'],
    ['line\nbreak', 'line\\nbreak'],
    ['windows\r\nbreak', 'windows\\nbreak'],
    ['old mac\rbreak', 'old mac\\nbreak'],
    ['time: 10:00', 'time: 10:00'],
    ['bell\u0007 and nul\u0000 dropped, tab\tkept', 'bell and nul dropped\\, tab\tkept'],
    ['\\;,', '\\\\\\;\\,'],
    ['قمة، في الرياض؛ اليوم', 'قمة، في الرياض؛ اليوم'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine (75 octets, UTF-8 aware)', () => {
  it.each([
    ['a short line', 'SUMMARY:hello'],
    ['exactly 75 ASCII octets', `SUMMARY:${'x'.repeat(67)}`],
    ['76 ASCII octets', `SUMMARY:${'x'.repeat(68)}`],
    ['a long ASCII line', `DESCRIPTION:${'abc '.repeat(80)}`],
    ['Arabic (2 octets a letter)', `SUMMARY:${'وزير الخارجية السعودي يستقبل نظيره الفرنسي في الرياض '.repeat(4)}`],
    ['Arabic after an odd ASCII prefix', `X:${'ب'.repeat(100)}`],
    ['3-octet characters', `SUMMARY:${'€'.repeat(60)}`],
    ['4-octet characters', `SUMMARY:${'🕊️🌍'.repeat(30)}`],
  ])('%s: physical lines ≤ 75 octets, whole characters, unfolds to the original', (_, line) => {
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    for (const [i, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // Each line encodes and decodes unchanged on its own: no character (or surrogate pair) was cut.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(folded)).toBe(line);
    if (octets(line) <= 75) expect(folded).toBe(line);
  });

  it('fills each line as far as a whole character allows', () => {
    const folded = foldLine(`X:${'ب'.repeat(40)}`).split('\r\n');
    expect(folded.map(octets)).toEqual([74, 1 + 8]); // 2 + 36×2 = 74; a 37th letter would make 76
    expect(foldLine(`SUMMARY:${'x'.repeat(68)}`).split('\r\n')).toEqual([`SUMMARY:${'x'.repeat(67)}`, ' x']);
  });
});

describe('addDays', () => {
  it.each([
    ['2023-11-01', 1, '2023-11-02'],
    ['2023-10-29', 1, '2023-10-30'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-12-31', 1, '2024-01-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %i day → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('toICalendar', () => {
  it('writes a calendar with CRLF line endings and no line over 75 octets', () => {
    const ics = calendar(anItem({ title: 'قمة '.repeat(40) }), anItem({ id: 'b2f0c3d4-0000-4000-8000-000000000002' }));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Annals//Diplomatic Timeline//EN\r\n')).toBe(
      true,
    );
    expect(ics).toContain('\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Annals\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('writes an empty calendar for no items', () => {
    expect(calendar()).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Annals//Diplomatic Timeline//EN\r\nCALSCALE:GREGORIAN\r\n' +
        'X-WR-CALNAME:Annals\r\nEND:VCALENDAR\r\n',
    );
  });

  it.each([
    ['day', '2023-11-01', '2023-11-01', '20231101', '20231102'],
    ['week', '2023-10-23', '2023-10-29', '20231023', '20231030'],
    ['month', '2023-02-01', '2023-02-28', '20230201', '20230301'],
    ['month', '2024-02-01', '2024-02-29', '20240201', '20240301'],
    ['year', '2023-01-01', '2023-12-31', '20230101', '20230102'],
    ['vague', '2023-10-01', '2023-11-01', '20231001', '20231102'],
  ] as const)('%s precision %s..%s → all-day DTSTART %s, exclusive DTEND %s', (precision, start, end, from, to) => {
    const ics = calendar(anItem({ date: { precision, start, end } }));
    expect(property(ics, 'DTSTART')).toBe(`DTSTART;VALUE=DATE:${from}`);
    expect(property(ics, 'DTEND')).toBe(`DTEND;VALUE=DATE:${to}`);
  });

  it('shows a year-precision item on its first day only, saying the day is unknown, never as a year-long bar', () => {
    const ics = calendar(
      anItem({ title: 'Treaty', date: { precision: 'year', start: '1994-01-01', end: '1994-12-31' } }),
    );
    expect(property(ics, 'SUMMARY')).toBe('SUMMARY:Treaty (1994\\, day unknown)');
    expect(property(ics, 'X-ANNALS-PRECISION')).toBe('X-ANNALS-PRECISION:year');
    expect(ics.replace(/\r\n /g, '')).toContain('Known to the year only (1994): shown on its first day.');
    expect(property(calendar(anItem({ title: 'Visit' })), 'SUMMARY')).toBe('SUMMARY:Visit');
  });

  it.each([
    ['occurred', 'STATUS:CONFIRMED'],
    ['scheduled', 'STATUS:TENTATIVE'],
    ['cancelled', 'STATUS:CANCELLED'],
  ])('status %s → %s', (status, expected) => {
    expect(property(calendar(anItem({ status })), 'STATUS')).toBe(expected);
  });

  it('keeps a retracted item as CANCELLED, one revision later, stamped at the retraction', () => {
    const ics = calendar(anItem({ version: 3, status: 'occurred', retractedAt: '2023-11-20T08:00:00.000Z' }));
    expect(property(ics, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(property(ics, 'SEQUENCE')).toBe('SEQUENCE:3');
    expect(property(ics, 'DTSTAMP')).toBe('DTSTAMP:20231120T080000Z');
  });

  it.each([
    [1, 'SEQUENCE:0'],
    [2, 'SEQUENCE:1'],
    [7, 'SEQUENCE:6'],
  ])('version %i → %s (a component starts at 0)', (version, expected) => {
    expect(property(calendar(anItem({ version })), 'SEQUENCE')).toBe(expected);
  });

  it('writes the item: stable UID, DTSTAMP at its last revision (UTC), escaped text', () => {
    const ics = calendar(
      anItem({
        title: 'Talks; day 1, Riyadh',
        typeLabel: 'Make a visit, officially',
        recordedAt: '2023-11-03T08:00:00.000Z',
        updatedAt: '2023-11-05T21:30:15.250Z',
        location: { name: 'Riyadh', country: 'SAU' },
      }),
    );
    expect(property(ics, 'UID')).toBe('UID:3f1e9a52-6c1b-4a8e-9d2f-0b7c5e4a1d23@annals');
    expect(property(ics, 'DTSTAMP')).toBe('DTSTAMP:20231105T213015Z');
    expect(property(ics, 'CREATED')).toBe('CREATED:20231103T080000Z');
    expect(property(ics, 'LAST-MODIFIED')).toBe('LAST-MODIFIED:20231105T213015Z');
    expect(property(ics, 'SUMMARY')).toBe('SUMMARY:Talks\\; day 1\\, Riyadh');
    expect(property(ics, 'LOCATION')).toBe('LOCATION:Riyadh (SAU)');
    expect(property(ics, 'CATEGORIES')).toBe('CATEGORIES:042,Make a visit\\, officially');
    expect(property(ics, 'TRANSP')).toBe('TRANSP:TRANSPARENT');
  });

  it('describes the item: summary, quote and source, type, the date as written, actors', () => {
    const description = property(calendar(anItem()), 'DESCRIPTION');
    expect(description).toBe(
      'DESCRIPTION:The French president met his Kazakh counterpart.\\n\\n' +
        '"والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء" — ماكرون يزور كازاخستان https://example.org/article\\n' +
        'Type: 042 Make a visit\\n' +
        'Date: "يوم الأربعاء" (2023-11-01)\\n' +
        'Actors: Emmanuel Macron (FRA\\, initiator)\\; Kassym-Jomart Tokayev (KAZ\\, target)',
    );
  });

  it('leaves out what the item lacks', () => {
    const item = anItem({ summary: null, location: null, typeLabel: null, date: { expression: null } });
    const ics = calendar(item);
    expect(property(ics, 'LOCATION')).toBeUndefined();
    expect(property(ics, 'CATEGORIES')).toBe('CATEGORIES:042');
    expect(property(ics, 'DESCRIPTION')).toMatch(/^DESCRIPTION:"والتقى.*\\nType: 042\\nDate: 2023-11-01\\nActors: /);
  });
});
