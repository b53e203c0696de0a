import { ITEM_FIELD_NAMES, type ItemFields, type TimelineItem } from '@libs/projections';

type ItemOverrides = Partial<Omit<TimelineItem, 'date'>> & { date?: Partial<TimelineItem['date']> };

/** Every field of ITEM_FIELDS null (as the API gives an unset one), so adding a field needs no edit here. */
const unsetFields = Object.fromEntries(ITEM_FIELD_NAMES.map((name) => [name, null])) as unknown as ItemFields;

/** A timeline item as GET /api/timeline gives it; override what a test is about. */
export function anItem(overrides: ItemOverrides = {}): TimelineItem {
  const { date, ...rest } = overrides;
  return {
    id: '3f1e9a52-6c1b-4a8e-9d2f-0b7c5e4a1d23',
    type: '042',
    typeLabel: 'Make a visit',
    quadClass: 1,
    goldstein: 1.9,
    plover: 'CONSULT',
    ...unsetFields,
    title: 'Macron visits Astana',
    summary: 'The French president met his Kazakh counterpart.',
    actors: [
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' },
      { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', country: 'KAZ', role: 'target' },
    ],
    countries: ['FRA', 'KAZ'],
    location: { name: 'Astana', country: 'KAZ' },
    date: {
      start: '2023-11-01',
      end: '2023-11-01',
      precision: 'day',
      timex: '2023-11-01',
      expression: 'يوم الأربعاء',
      anchor: '2023-11-03',
      direction: 'past',
      ...date,
    },
    status: 'occurred',
    sources: [
      {
        sourceId: 'c0a8012e-0000-4000-8000-000000000001',
        title: 'ماكرون يزور كازاخستان',
        url: 'https://example.org/article',
        quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء',
        language: 'ar',
      },
    ],
    version: 1,
    recordedAt: '2023-11-03T08:00:00.000Z',
    updatedAt: '2023-11-03T08:00:00.000Z',
    ...rest,
  };
}
