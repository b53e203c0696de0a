import { randomUUID } from 'node:crypto';
import type { DiplomaticEventCorrected, DiplomaticEventRetracted } from '@libs/diplomacy';
import type { NewEvent, StreamAppend } from '@libs/event-store';
import { buildActors, buildSources, ItemFactory, type RecordedData } from './content';
import { randomEventDate } from './dates';
import { Random } from './random';

export const ACTORS = 2000;
export const SOURCES = 200;
const CORRECTION_SHARE = 0.01;
const RETRACTION_SHARE = 0.005;
const METADATA = { actor: 'importer:bench', source: 'bench-read' };

interface FollowUp {
  streamId: string;
  expectedVersion: number;
  event: NewEvent;
}

export interface GeneratedCounts {
  sources: number;
  recorded: number;
  corrected: number;
  retracted: number;
}

const event = (type: string, data: unknown): NewEvent => ({ type, data, eventId: randomUUID(), metadata: METADATA });

/**
 * Hands out exactly `total` events in batches. Corrections and retractions come some batches after the event
 * they change, as in a real log, with the stream version they expect. The loader keeps at most two batches in
 * flight and waits for batch b-2 before starting batch b, so a follow-up is always scheduled at least two
 * batches after anything it depends on.
 */
export class TimelineGenerator {
  readonly counts: GeneratedCounts = { sources: 0, recorded: 0, corrected: 0, retracted: 0 };
  private readonly random = new Random(20261129);
  private readonly factory: ItemFactory;
  private readonly sourceAppends: StreamAppend[];
  private readonly due = new Map<number, FollowUp[]>();
  private readonly maxDelay: number;
  private emitted = 0;
  private reserved = 0;

  constructor(
    private readonly total: number,
    private readonly batchSize: number,
  ) {
    const sources = buildSources(this.random, Math.min(SOURCES, Math.floor(total / 10)));
    this.factory = new ItemFactory(this.random, buildActors(this.random, ACTORS), sources);
    this.sourceAppends = sources.map((s) => ({
      streamId: `source-${s.id}`,
      expectedVersion: 'no_stream',
      events: [event('SourceRegistered', s)],
    }));
    this.maxDelay = Math.max(0, Math.min(28, Math.floor(total / batchSize / 4)));
  }

  /** Batch `b`'s appends, or undefined once every recorded event is out (then append `tail()`). */
  batch(b: number): StreamAppend[] | undefined {
    if (this.emitted + this.reserved >= this.total) return undefined;
    const appends: StreamAppend[] = b === 0 ? this.sourceAppends : [];
    this.counts.sources += appends.length;
    for (const followUp of this.due.get(b) ?? []) appends.push(this.release(followUp));
    this.due.delete(b);
    this.emitted += appends.length;
    for (let size = appends.length; size < this.batchSize && this.emitted + this.reserved < this.total; size++) {
      appends.push(this.record(b));
    }
    return appends;
  }

  /** Follow-ups not yet due when the recorded events ran out, in order. */
  tail(): StreamAppend[] {
    const batches = [...this.due.keys()].sort((a, b) => a - b);
    const appends = batches.flatMap((b) => this.due.get(b) ?? []).map((f) => this.release(f));
    this.emitted += appends.length;
    this.due.clear();
    return appends;
  }

  get eventsEmitted(): number {
    return this.emitted;
  }

  private record(b: number): StreamAppend {
    const item = this.factory.recorded();
    const streamId = `diplomatic-event-${item.id}`;
    this.emitted++;
    this.counts.recorded++;
    // Only schedule follow-ups that still fit in the total, so the log ends at exactly `total` events.
    let version = 1;
    let at = b + 2 + this.random.int(0, this.maxDelay);
    if (this.random.chance(CORRECTION_SHARE) && this.fits(1)) {
      this.schedule(at, { streamId, expectedVersion: version++, event: this.correction(item) });
      at += 2 + this.random.int(0, 3);
    }
    if (this.random.chance(RETRACTION_SHARE) && this.fits(1)) {
      const data: DiplomaticEventRetracted['data'] = { id: item.id, reason: 'The source withdrew the report.' };
      this.schedule(at, { streamId, expectedVersion: version, event: event('DiplomaticEventRetracted', data) });
    }
    return { streamId, expectedVersion: 'no_stream', events: [event('DiplomaticEventRecorded', item)] };
  }

  private correction(item: RecordedData): NewEvent {
    const lang = /[\u0600-\u06ff]/.test(item.title) ? 'ar' : 'en';
    const data: DiplomaticEventCorrected['data'] = this.random.chance(0.6)
      ? { id: item.id, changes: { title: this.factory.retitle(item) }, reason: 'The title misnamed the meeting.' }
      : { id: item.id, changes: { date: randomEventDate(this.random, lang) }, reason: 'The source gave a wrong date.' };
    return event('DiplomaticEventCorrected', data);
  }

  private fits(events: number): boolean {
    return this.emitted + this.reserved + events <= this.total;
  }

  private schedule(batch: number, followUp: FollowUp): void {
    this.reserved++;
    const list = this.due.get(batch) ?? [];
    list.push(followUp);
    this.due.set(batch, list);
  }

  private release(followUp: FollowUp): StreamAppend {
    this.reserved--;
    if (followUp.event.type === 'DiplomaticEventCorrected') this.counts.corrected++;
    else this.counts.retracted++;
    return { streamId: followUp.streamId, expectedVersion: followUp.expectedVersion, events: [followUp.event] };
  }
}
