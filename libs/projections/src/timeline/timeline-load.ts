import type { StoredEvent } from '@libs/event-store';
import type { DiplomaticEventCorrected, DiplomaticEventRecorded, DiplomaticEventRetracted } from '@libs/diplomacy';
import { corrected, recordedRow, type TimelineRow } from './timeline-row';

/** A new version as a rebuild's load writes it: one the same batch supersedes carries its end already. */
export type LoadRow = TimelineRow & { valid_to?: string; retracted_at?: string };

/** A version already in the table that the batch supersedes: corrected (a new version follows) or retracted. */
export interface Supersede {
  id: string;
  version: number;
  at: string;
  retracted: boolean;
}

/** What a batch of a rebuild's load writes: versions to end, then new versions, each in one statement. */
export interface LoadPlan {
  supersede: Supersede[];
  rows: LoadRow[];
}

/*
 * A rebuild's load applies a writer's batch (hundreds of events) as a set: corrections and retractions are worked
 * out in memory instead of one UPDATE … RETURNING (and one INSERT) each. Applied event by event, the 1.5% of events
 * that correct or retract cut every batch's INSERT into several and added statements of their own: about eighteen
 * statements per 400-event batch of the bench's log instead of four (read the current versions, end them, insert,
 * names). The outcome is the live path's, event for event (TimelineProjection.apply, 'live'): a correction or
 * retraction ends the current version of its item, and is ignored when there is none (the item was never recorded,
 * or is retracted already); a correction adds the next version.
 */

/** The items whose current version the batch needs from the table: corrected or retracted, not recorded in it. */
export function itemsToRead(events: readonly StoredEvent[]): string[] {
  const recorded = new Set<string>();
  const needed = new Set<string>();
  for (const event of events) {
    if (event.type === 'DiplomaticEventRecorded') recorded.add((event.data as DiplomaticEventRecorded['data']).id);
    else if (event.type === 'DiplomaticEventCorrected' || event.type === 'DiplomaticEventRetracted') {
      const id = (event.data as { id: string }).id;
      if (!recorded.has(id)) needed.add(id);
    }
  }
  return [...needed];
}

/**
 * The batch's writes, given the current versions of itemsToRead() as the table holds them (absent: no current
 * version). Events other than the three that change versions are left to the caller.
 */
export function planLoad(events: readonly StoredEvent[], stored: ReadonlyMap<string, TimelineRow>): LoadPlan {
  const plan: LoadPlan = { supersede: [], rows: [] };
  // The current version of every item the batch has touched: a row of plan.rows, or one still in the table.
  const current = new Map<string, LoadRow>(stored);
  const inTable = new Set<TimelineRow>(stored.values());
  const end = (row: LoadRow, at: string, retracted: boolean) => {
    if (inTable.has(row)) plan.supersede.push({ id: row.id, version: row.version, at, retracted });
    else {
      row.valid_to = at;
      if (retracted) row.retracted_at = at;
    }
  };
  for (const event of events) {
    const at = event.recordedAt.toISOString();
    switch (event.type) {
      case 'DiplomaticEventRecorded': {
        const row = recordedRow(event);
        plan.rows.push(row);
        current.set(row.id, row);
        break;
      }
      case 'DiplomaticEventCorrected': {
        const data = event.data as DiplomaticEventCorrected['data'];
        const before = current.get(data.id);
        if (!before) break;
        end(before, at, false);
        const after = corrected(before, data, event.version, at);
        plan.rows.push(after);
        current.set(data.id, after);
        break;
      }
      case 'DiplomaticEventRetracted': {
        const { id } = event.data as DiplomaticEventRetracted['data'];
        const before = current.get(id);
        if (!before) break;
        end(before, at, true);
        current.delete(id);
        break;
      }
    }
  }
  return plan;
}
