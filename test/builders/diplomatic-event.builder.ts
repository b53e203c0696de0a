import { randomUUID } from 'node:crypto';

/** A valid RecordEvent request body; override what a test is about. */
export function aDiplomaticEventBody(sourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: '042',
    title: `Test visit ${randomUUID()}`,
    summary: 'A visit recorded by a test.',
    actors: [
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' },
      { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', country: 'KAZ', role: 'target' },
    ],
    location: { name: 'Astana', country: 'KAZ' },
    date: { expression: 'يوم الأربعاء', direction: 'past' },
    status: 'occurred',
    source: { sourceId, quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء' },
    ...overrides,
  };
}

export function aSourceBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'ماكرون يزور كازاخستان',
    url: 'https://example.org/article',
    publisher: 'Test Wire',
    language: 'ar',
    publishedAt: '2023-11-01',
    ...overrides,
  };
}
