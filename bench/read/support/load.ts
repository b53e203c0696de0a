import type { PostgresEventStore, StreamAppend } from '@libs/event-store';
import { progressBar } from './progress';
import { TimelineGenerator, type GeneratedCounts } from './timeline-generator';

export const LOAD_BATCH = 2000;

export interface LoadFigures extends GeneratedCounts {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Appends `total` generated events with store.appendMany, 2,000 per call, two calls in flight: one connection
 * per core keeps Postgres busy while Node builds the next batch.
 */
export async function loadTimeline(store: PostgresEventStore, total: number): Promise<LoadFigures> {
  const generator = new TimelineGenerator(total, LOAD_BATCH);
  const bar = progressBar('loading events', total);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const append = (appends: StreamAppend[]) => {
    const expected = appends.length;
    const done = store.appendMany(appends).then(({ written }) => {
      if (written !== expected) throw new Error(`appendMany wrote ${written} of ${expected} events`);
    });
    done.catch(() => undefined); // awaited below; this only stops an early failure counting as unhandled
    return done;
  };
  try {
    for (let b = 0; ; b++) {
      // Waiting for batch b-2 before building batch b is what lets its follow-ups expect committed versions.
      if (inFlight.length >= 2) await inFlight.shift();
      bar.update(generator.eventsEmitted);
      const appends = generator.batch(b);
      if (!appends) break;
      inFlight.push(append(appends));
    }
    await Promise.all(inFlight);
    const tail = generator.tail();
    if (tail.length > 0) await append(tail);
    bar.update(generator.eventsEmitted);
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const events = generator.eventsEmitted;
  return { ...generator.counts, events, seconds, eventsPerSecond: events / seconds };
}
