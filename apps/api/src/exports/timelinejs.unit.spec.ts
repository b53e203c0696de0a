import { describe, expect, it } from '@jest/globals';
import { displayDate, escapeHtml, partialDate, toTimelineJs, type TimelineJsOptions } from './timelinejs';
import { anItem } from './testing/timeline-item.fixtures';

const options: TimelineJsOptions = { title: 'Annals', group: 'type', truncated: false };

describe('displayDate', () => {
  it.each([
    ['year', '2023-01-01', '2023-12-31', '2023'],
    ['month', '2023-06-01', '2023-06-30', 'June 2023'],
    ['week', '2023-10-23', '2023-10-29', 'week of 23 Oct 2023'],
    ['day', '2023-11-01', '2023-11-01', '1 Nov 2023'],
    ['day', '2023-11-01', '2023-11-02', '1–2 Nov 2023'],
    ['day', '2023-10-30', '2023-11-02', '30 Oct – 2 Nov 2023'],
    ['vague', '2023-12-20', '2024-01-10', 'about 20 Dec 2023 – 10 Jan 2024'],
  ] as const)('%s %s..%s → "%s"', (precision, start, end, expected) => {
    expect(displayDate({ precision, start, end })).toBe(expected);
  });
});

describe('partialDate', () => {
  it.each([
    ['2023-11-01', 'day', { year: 2023, month: 11, day: 1 }],
    ['2023-10-23', 'week', { year: 2023, month: 10, day: 23 }],
    ['2023-10-01', 'vague', { year: 2023, month: 10, day: 1 }],
    ['2023-06-30', 'month', { year: 2023, month: 6 }],
    ['1900-12-31', 'year', { year: 1900 }],
    ['0987-01-01', 'year', { year: 987 }],
  ] as const)('%s at %s precision → %j', (date, precision, expected) => {
    expect(partialDate(date, precision)).toEqual(expected);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
    ['&amp;', '&amp;amp;'],
    ['وزير الخارجية', 'وزير الخارجية'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('toTimelineJs', () => {
  it('writes the TimelineJS document: a title slide and one slide per item', () => {
    const doc = toTimelineJs([anItem()], options);
    expect(doc.title).toEqual({ text: { headline: 'Annals', text: '<p>1 event</p>' } });
    expect(doc.events).toEqual([
      {
        start_date: { year: 2023, month: 11, day: 1 },
        end_date: { year: 2023, month: 11, day: 1 },
        display_date: '1 Nov 2023',
        text: { headline: 'Macron visits Astana', text: expect.any(String) },
        group: 'Make a visit',
        unique_id: '3f1e9a52-6c1b-4a8e-9d2f-0b7c5e4a1d23',
      },
    ]);
  });

  it.each([
    ['day', '2023-11-01', '2023-11-01', { year: 2023, month: 11, day: 1 }, { year: 2023, month: 11, day: 1 }],
    ['week', '2023-10-23', '2023-10-29', { year: 2023, month: 10, day: 23 }, { year: 2023, month: 10, day: 29 }],
    ['month', '2023-06-01', '2023-06-30', { year: 2023, month: 6 }, { year: 2023, month: 6 }],
    ['year', '1900-01-01', '1900-12-31', { year: 1900 }, { year: 1900 }],
  ] as const)('%s precision: start %s, end %s as partial dates', (precision, start, end, startDate, endDate) => {
    const [slide] = toTimelineJs([anItem({ date: { precision, start, end } })], options).events;
    expect(slide.start_date).toEqual(startDate);
    expect(slide.end_date).toEqual(endDate);
  });

  it.each([
    ['type', anItem(), 'Make a visit'],
    ['type', anItem({ typeLabel: null }), '042'],
    ['country', anItem(), 'France'],
    [
      'country',
      anItem({ actors: [{ id: 'x', name: 'X', country: 'SAU', role: 'target' }], countries: ['SAU'] }),
      'Saudi Arabia',
    ],
    ['country', anItem({ actors: [], countries: [], location: { name: 'Doha', country: 'QAT' } }), 'Qatar'],
    [
      'country',
      anItem({ actors: [{ id: 'x', name: 'X', country: 'CHN', role: 'initiator' }], countries: ['CHN'] }),
      'People&#39;s Republic of China', // TimelineJS sets the label as innerHTML
    ],
  ] as const)('group=%s → %j', (group, item, expected) => {
    expect(toTimelineJs([item], { ...options, group }).events[0].group).toBe(expected);
  });

  it('leaves out the group when nothing names a country', () => {
    const item = anItem({ actors: [], countries: [], location: null });
    expect(toTimelineJs([item], { ...options, group: 'country' }).events[0]).not.toHaveProperty('group');
  });

  it('escapes HTML in every value and keeps Arabic intact', () => {
    const item = anItem({
      title: '<img src=x onerror=alert(1)> قمة',
      summary: 'a & b <b>bold</b>',
      sources: [
        { sourceId: 's', title: '"Wire"', url: 'https://example.org/a?b=1&c=2', quote: 'قال <إن>', language: 'ar' },
      ],
    });
    const [slide] = toTimelineJs([item], options).events;
    expect(slide.text.headline).toBe('&lt;img src=x onerror=alert(1)&gt; قمة');
    expect(slide.text.text).toBe(
      '<p dir="auto">a &amp; b &lt;b&gt;bold&lt;/b&gt;</p>' +
        '<blockquote dir="auto">قال &lt;إن&gt;</blockquote>' +
        '<p>— <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">&quot;Wire&quot;</a></p>' +
        '<p>CAMEO 042 Make a visit<br>Date: &quot;يوم الأربعاء&quot; (2023-11-01)<br>Place: Astana (KAZ)</p>',
    );
  });

  it('links only http(s) source URLs', () => {
    const item = anItem({
      sources: [{ sourceId: 's', title: 'Wire', url: 'javascript:alert(1)', quote: 'q', language: null }],
    });
    const { text } = toTimelineJs([item], options).events[0].text;
    expect(text).not.toContain('<a ');
    expect(text).toContain('<p>— Wire</p>');
  });

  it('says on the title slide when the export was cut at its cap', () => {
    const doc = toTimelineJs([anItem(), anItem({ id: 'other' })], { ...options, truncated: true });
    expect(doc.title.text.text).toBe('<p>2 events (the first ones only: more match than an export holds)</p>');
  });
});
