import type { StoredEvent } from '@libs/event-store';
import {
  applyChanges,
  type DiplomaticEventCorrected,
  type DiplomaticEventFacts,
  type DiplomaticEventRecorded,
  type EventDate,
} from '@libs/diplomacy';
import { columnsToFields, fieldsToColumns, type ItemFieldColumns } from './timeline-fields';

/** One version of a diplomatic event as the timeline stores it. */
export interface TimelineRow extends ItemFieldColumns {
  id: string;
  version: number;
  valid_from: string;
  type: string;
  actors: DiplomaticEventFacts['actors'];
  actor_ids: string[];
  countries: string[];
  location: DiplomaticEventFacts['location'];
  date: EventDate;
  status: string;
  source_id: string;
  quote: string;
  recorded_at: string;
}

export function toRow(
  id: string,
  version: number,
  facts: DiplomaticEventFacts,
  validFrom: string,
  recordedAt: string,
): TimelineRow {
  return {
    id,
    version,
    valid_from: validFrom,
    type: facts.type,
    ...fieldsToColumns(facts),
    actors: facts.actors,
    actor_ids: facts.actors.map((a) => a.id),
    countries: [...new Set(facts.actors.map((a) => a.country))].sort(),
    location: facts.location,
    date: facts.date,
    status: facts.status,
    source_id: facts.source.sourceId,
    quote: facts.source.quote,
    recorded_at: recordedAt,
  };
}

/** The first version of an item, from its DiplomaticEventRecorded event. */
export function recordedRow(event: StoredEvent): TimelineRow {
  const { id, ...facts } = event.data as DiplomaticEventRecorded['data'];
  const at = event.recordedAt.toISOString();
  return toRow(id, event.version, facts, at, at);
}

/** A version as read back from timeline_versions (pg gives timestamps as Dates), to build the next one on. */
export function fromStored(row: TimelineRow): TimelineRow {
  return { ...row, recorded_at: new Date(row.recorded_at).toISOString() };
}

export function toFacts(row: TimelineRow): DiplomaticEventFacts {
  return {
    type: row.type,
    ...columnsToFields(row),
    actors: row.actors,
    location: row.location,
    date: row.date,
    status: row.status as DiplomaticEventFacts['status'],
    source: { sourceId: row.source_id, quote: row.quote },
  };
}

export function corrected(
  row: TimelineRow,
  event: DiplomaticEventCorrected['data'],
  version: number,
  at: string,
): TimelineRow {
  return toRow(row.id, version, applyChanges(toFacts(row), event.changes), at, row.recorded_at);
}
