import { randomUUID } from 'node:crypto';
import type { StreamAppend } from '@libs/event-store';
import { diplomaticEventStream, type DiplomaticEventRecorded } from '@libs/diplomacy';

/** `count` recorded diplomatic events tagged with actor `tag`, ready for store.appendMany (fast test setup). */
export function bulkRecordedEvents(count: number, tag: string, sourceId: string): StreamAppend[] {
  return Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const day = `19${String(10 + (i % 80)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const data: DiplomaticEventRecorded['data'] = {
      id,
      type: ['042', '036', '057', '111'][i % 4],
      title: `Bulk event ${i} زيارة رسمية`,
      summary: null,
      actors: [
        { id: tag, name: 'Bulk', country: 'NZL', role: 'initiator' },
        { id: `${tag}-peer-${i % 50}`, name: `Peer ${i % 50}`, country: ['FRA', 'KAZ', 'CHN'][i % 3], role: 'target' },
      ],
      location: null,
      date: { expression: null, anchor: null, direction: null, start: day, end: day, precision: 'day', timex: day },
      status: 'occurred',
      source: { sourceId, quote: 'وقال الرئيس إن العلاقات قوية' },
    };
    return {
      streamId: diplomaticEventStream(id),
      expectedVersion: 'no_stream' as const,
      events: [{ type: 'DiplomaticEventRecorded', data }],
    };
  });
}
