import { ITEM_FIELD_NAMES, ITEM_FIELDS, type TimelineItem } from '@libs/projections';
import { actorText, firstSource, locationText } from './item-text';

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (Arabic, not mojibake). */
const BOM = '\uFEFF';
const CRLF = '\r\n';

export const CSV_COLUMNS: readonly string[] = [
  'id',
  'date_start',
  'date_end',
  'precision',
  'timex',
  'expression',
  'type',
  'type_label',
  'status',
  // The item's fields (title, summary, …) under their column names, from the timeline's one list.
  ...ITEM_FIELD_NAMES.map((name) => ITEM_FIELDS[name].column),
  'actors',
  'countries',
  'location',
  'quote',
  'source_title',
  'source_url',
  'version',
  'recorded_at',
  'updated_at',
];

type CsvRow = Record<string, string>;

/** RFC 4180: CRLF records, a header row, every cell through csvCell. */
export function toCsv(items: readonly TimelineItem[]): string {
  return csvHeader() + csvRecords(items);
}

/** The byte-order mark and the header row: the start of every CSV export. */
export function csvHeader(): string {
  return BOM + CSV_COLUMNS.join(',') + CRLF;
}

/** The records of some items, each ending in CRLF: written page by page after csvHeader(). */
export function csvRecords(items: readonly TimelineItem[]): string {
  return items.map((item) => csvRecord(toRow(item)) + CRLF).join('');
}

function csvRecord(row: CsvRow): string {
  return CSV_COLUMNS.map((column) => csvCell(row[column])).join(',');
}

function toRow(item: TimelineItem): CsvRow {
  const source = firstSource(item);
  return {
    id: item.id,
    date_start: item.date.start,
    date_end: item.date.end,
    precision: item.date.precision,
    timex: item.date.timex,
    expression: item.date.expression ?? '',
    type: item.type,
    type_label: item.typeLabel ?? '',
    status: item.status,
    ...Object.fromEntries(ITEM_FIELD_NAMES.map((name) => [ITEM_FIELDS[name].column, item[name] ?? ''])),
    actors: item.actors.map(actorText).join('; '),
    countries: item.countries.join('; '),
    location: item.location ? locationText(item.location) : '',
    quote: source?.quote ?? '',
    source_title: source?.title ?? '',
    source_url: source?.url ?? '',
    version: String(item.version),
    recorded_at: item.recordedAt,
    updated_at: item.updatedAt,
  };
}

/**
 * One cell. A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return, or
 * their full-width forms) gets a leading apostrophe: the text shows as written and never executes
 * (OWASP "CSV injection"). Then RFC 4180 quoting: a cell with a comma, quote or line break is quoted, its
 * quotes doubled.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
