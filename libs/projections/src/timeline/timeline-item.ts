import { findCameoCode, type Actor, type EventDate, type Location } from '@libs/diplomacy';
import type { Snippet } from '../search/snippet';
import { columnsToFields, itemFieldList, type ItemFieldColumns, type ItemFields } from './timeline-fields';

export interface TimelineItem extends ItemFields {
  id: string;
  type: string;
  typeLabel: string | null;
  quadClass: number | null;
  goldstein: number | null;
  plover: string | null;
  actors: Actor[];
  countries: string[];
  location: Location | null;
  date: Pick<EventDate, 'start' | 'end' | 'precision' | 'timex' | 'expression' | 'anchor' | 'direction'>;
  status: string;
  sources: { sourceId: string; title: string | null; url: string | null; quote: string; language: string | null }[];
  version: number;
  recordedAt: string;
  updatedAt: string;
  /** Only on reads that include retracted items (the calendar): when it was retracted. */
  retractedAt?: string;
  /** Where a search (`q`) matched, with the matched words' offsets; only on searched reads. */
  snippet?: Snippet | null;
}

/** The columns every timeline read selects, joined with the item's source. */
export const ITEM_COLUMNS = `v.id, v.version, v.type, ${itemFieldList('v.')}, v.actors, v.countries, v.location, v.date,
  v.date_start::text AS date_start, v.date_end::text AS date_end, v.status, v.source_id, v.quote, v.recorded_at,
  v.valid_from, v.retracted_at, s.title AS source_title, s.url AS source_url, s.language AS source_language`;

export interface ItemRow extends ItemFieldColumns {
  id: string;
  version: number;
  type: string;
  actors: Actor[];
  countries: string[];
  location: Location | null;
  date: EventDate;
  date_start: string;
  date_end: string;
  status: string;
  source_id: string;
  quote: string;
  recorded_at: Date;
  valid_from: Date;
  retracted_at: Date | null;
  source_title: string | null;
  source_url: string | null;
  source_language: string | null;
}

export function toItem(row: ItemRow): TimelineItem {
  const cameo = findCameoCode(row.type);
  return {
    id: row.id,
    type: row.type,
    typeLabel: cameo?.label ?? null,
    quadClass: cameo?.quadClass ?? null,
    goldstein: cameo?.goldstein ?? null,
    plover: cameo?.plover?.event ?? null,
    ...columnsToFields(row),
    actors: row.actors,
    countries: row.countries,
    location: row.location,
    date: {
      start: row.date.start,
      end: row.date.end,
      precision: row.date.precision,
      timex: row.date.timex,
      expression: row.date.expression,
      anchor: row.date.anchor,
      // Events recorded before direction was stored in the date carry none: null, as in the log.
      direction: row.date.direction ?? null,
    },
    status: row.status,
    sources: [
      {
        sourceId: row.source_id,
        title: row.source_title,
        url: row.source_url,
        quote: row.quote,
        language: row.source_language,
      },
    ],
    version: row.version,
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.valid_from.toISOString(),
    ...(row.retracted_at ? { retractedAt: row.retracted_at.toISOString() } : {}),
  };
}
