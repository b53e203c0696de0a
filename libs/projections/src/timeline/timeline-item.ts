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
  /** The source it was recorded from, then every article attached to it as another report (oldest first). */
  sources: {
    sourceId: string;
    title: string | null;
    url: string | null;
    quote: string;
    language: string | null;
    offsets?: { start: number; end: number };
  }[];
  version: number;
  recordedAt: string;
  updatedAt: string;
  /** Only on reads that include retracted items (the calendar): when it was retracted. */
  retractedAt?: string;
  /** Where a search (`q`) matched, with the matched words' offsets; only on searched reads. */
  snippet?: Snippet | null;
}

/**
 * The columns every timeline read selects, joined with the item's source, and the sources attached later (as they
 * are now: an "as of" read shows attachments made after that moment too).
 */
export const ITEM_COLUMNS = `v.id, v.version, v.type, ${itemFieldList('v.')}, v.actors, v.countries, v.location, v.date,
  v.date_start::text AS date_start, v.date_end::text AS date_end, v.status, v.source_id, v.quote, v.recorded_at,
  v.valid_from, v.retracted_at, s.title AS source_title, s.url AS source_url, s.language AS source_language,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('sourceId', a.source_id, 'title', o.title, 'url', o.url,
            'quote', a.quote, 'language', o.language, 'offsets', jsonb_build_object('start', a.quote_start, 'end', a.quote_end))
          ORDER BY a.attached_at, a.source_id, a.proposal_id), '[]'::jsonb)
     FROM timeline_event_sources a LEFT JOIN timeline_sources o ON o.id = a.source_id
    WHERE a.event_id = v.id) AS attached_sources`;

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
  attached_sources?: TimelineItem['sources'];
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
      ...(row.attached_sources ?? []),
    ],
    version: row.version,
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.valid_from.toISOString(),
    ...(row.retracted_at ? { retractedAt: row.retracted_at.toISOString() } : {}),
  };
}
