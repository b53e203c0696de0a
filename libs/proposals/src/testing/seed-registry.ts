import type { RegistryActor } from '../proposal.types';

/** The seed's people as the actors read model would hold them once their Arabic spellings had been seen. */
export const SEED_REGISTRY: readonly RegistryActor[] = [
  { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', aliases: ['إيمانويل ماكرون', 'ماكرون', 'Macron'] },
  {
    id: 'kassym-jomart-tokayev',
    name: 'Kassym-Jomart Tokayev',
    country: 'KAZ',
    aliases: ['قاسم جومارت توكاييف', 'توكاييف', 'Tokayev'],
  },
  { id: 'sergey-lavrov', name: 'Sergey Lavrov', country: 'RUS', aliases: ['سيرغي لافروف', 'لافروف', 'Lavrov'] },
  {
    id: 'alexander-shevtsov',
    name: 'Alexander Shevtsov',
    country: 'RUS',
    aliases: ['ألكسندر شيفتسوف', 'شيفتسوف', 'Shevtsov'],
  },
  { id: 'xi-jinping', name: 'Xi Jinping', country: 'CHN', aliases: ['شي جين بينغ', 'شي', 'Xi'] },
  {
    id: 'recep-tayyip-erdogan',
    name: 'Recep Tayyip Erdoğan',
    country: 'TUR',
    aliases: ['رجب طيب أردوغان', 'أردوغان', 'Erdogan'],
  },
];
