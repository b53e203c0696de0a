import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, csvCell, toCsv } from './csv';
import { anItem } from './testing/timeline-item.fixtures';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['وزير الخارجية، الرياض', 'وزير الخارجية، الرياض'],
    ['2023-11-01', '2023-11-01'],
  ])('RFC 4180: %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['＝1+2', "'＝1+2"],
    ['a=1', 'a=1'],
    ['x - y', 'x - y'],
  ])('formula injection: %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and the header row, ends records with CRLF', () => {
    const csv = toCsv([anItem()]);
    expect(csv.startsWith('\uFEFFid,date_start,date_end,precision,timex,expression,type,type_label,status,')).toBe(
      true,
    );
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one row per item that an RFC 4180 parser reads back', () => {
    const item = anItem({
      summary: 'Talks, "frank" and long;\nthen dinner',
      version: 2,
      updatedAt: '2023-11-05T10:00:00.000Z',
    });
    const rows = parse(toCsv([item, anItem({ id: 'second', location: null, summary: null })]), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      id: '3f1e9a52-6c1b-4a8e-9d2f-0b7c5e4a1d23',
      date_start: '2023-11-01',
      date_end: '2023-11-01',
      precision: 'day',
      timex: '2023-11-01',
      expression: 'يوم الأربعاء',
      type: '042',
      type_label: 'Make a visit',
      status: 'occurred',
      title: 'Macron visits Astana',
      summary: 'Talks, "frank" and long;\nthen dinner',
      actors: 'Emmanuel Macron (FRA, initiator); Kassym-Jomart Tokayev (KAZ, target)',
      countries: 'FRA; KAZ',
      location: 'Astana (KAZ)',
      quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء',
      source_title: 'ماكرون يزور كازاخستان',
      source_url: 'https://example.org/article',
      version: '2',
      recorded_at: '2023-11-03T08:00:00.000Z',
      updated_at: '2023-11-05T10:00:00.000Z',
    });
    expect(rows[1]).toMatchObject({ id: 'second', location: '', summary: '' });
  });

  it('defuses formulas in any column', () => {
    const rows = parse(toCsv([anItem({ title: '=cmd|calc', summary: '@risk', location: { name: '-1' } })]), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ title: "'=cmd|calc", summary: "'@risk", location: "'-1" });
  });
});
