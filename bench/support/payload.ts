import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../libs/event-store/src/stored-event';

/** The quote is from shared/seed/000_911741716f96cebe.txt, kept inline so the bench needs nothing outside the repo. */
const ARABIC_QUOTE = 'إن قوة (شراكتنا) تظهر الاتجاه الاستراتيجي الجيد الذي تم اتخاذه، والحاجة إلى استكماله وتسريعه';

export interface DiplomaticEventData {
  title: string;
  titleAr: string;
  quote: { text: string; lang: string; speaker: string };
  actors: string[];
  place: string;
  occurredOn: string;
}

export interface BenchPayload {
  type: string;
  data: DiplomaticEventData;
  metadata: EventMetadata;
}

/** One payload (~480 bytes of JSON data) shared by every path, so raw and store rows are byte-for-byte alike. */
export function benchPayload(): BenchPayload {
  return {
    type: 'DiplomaticEventRecorded',
    data: {
      title: 'Macron visits Kazakhstan on a strategic tour of Central Asia',
      titleAr: 'ماكرون يزور كازاخستان في جولة استراتيجية بآسيا الوسطى',
      quote: { text: ARABIC_QUOTE, lang: 'ar', speaker: 'Emmanuel Macron' },
      actors: ['FRA', 'KAZ'],
      place: 'Astana',
      occurredOn: '2023-11-01',
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'importer:bench', source: 'bench' },
  };
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
