import { describe, expect, it } from '@jest/globals';
import { datedOffices, propose, proposeWith, PROPOSALS_1, type Proposal } from '@libs/proposals';

const actorsOf = (proposal: Proposal | undefined) =>
  (proposal?.actors ?? []).map((a) => [a.id ?? null, a.name, a.country, a.evidence]);
const first = (text: string, publishedAt: string) => propose({ text, publishedAt }).proposals[0];

describe('actors with dated offices (data/actor-offices.csv)', () => {
  it('reads "the Russian foreign minister" in an article of 2023 as Sergey Lavrov', () => {
    const met = first('The Russian foreign minister met Chinese officials in Beijing on Monday.', '2023-11-01');
    expect(actorsOf(met)[0]).toEqual(['sergey-lavrov', 'Sergey Lavrov', 'RUS', 'office']);
    expect(met.actors[0].matchedText).toBe('Russian foreign minister');
  });

  it('reads "وزير الخارجية الروسي" in an Arabic article of 2023 as Sergey Lavrov', () => {
    const text = 'وقال وزير الخارجية الروسي يوم الاثنين إن بلاده تدعم المحادثات.';
    const said = propose({ text, publishedAt: '2023-11-01', language: 'ar' }).proposals[0];
    expect(actorsOf(said)).toEqual([['sergey-lavrov', 'Sergey Lavrov', 'RUS', 'office']]);
    expect(said.actors[0].matchedText).toBe('وزير الخارجية الروسي');
  });

  it('takes the holder on the publication day: offices change hands', () => {
    const text = 'The Chinese foreign minister met Kazakh officials in Astana on Monday.';
    expect(actorsOf(first(text, '2023-03-01'))[0]).toEqual(['qin-gang', 'Qin Gang', 'CHN', 'office']);
    expect(actorsOf(first(text, '2023-09-01'))[0]).toEqual(['wang-yi', 'Wang Yi', 'CHN', 'office']);
    const visit = 'The French foreign minister will visit Astana next week.';
    expect(actorsOf(first(visit, '2023-11-01'))[0]).toEqual([
      'catherine-colonna',
      'Catherine Colonna',
      'FRA',
      'office',
    ]);
    expect(actorsOf(first(visit, '2024-03-01'))[0]).toEqual([
      'stephane-sejourne',
      'Stéphane Séjourné',
      'FRA',
      'office',
    ]);
    // On a handover day the successor holds the office.
    expect(datedOffices().holder('Foreign Minister', 'CHN', '2023-07-25')?.actorId).toBe('wang-yi');
    expect(datedOffices().holder('Foreign Minister', 'CHN', '2023-07-24')?.actorId).toBe('qin-gang');
  });

  it('keeps an office it has no holder for as the office itself', () => {
    const met = first('The Kyrgyz foreign minister met Kazakh officials in Astana on Monday.', '2023-11-01');
    expect(actorsOf(met)[0]).toEqual([
      'foreign-minister-of-kyrgyzstan',
      'Foreign Minister of Kyrgyzstan',
      'KGZ',
      'title',
    ]);
  });

  it('prefers the holder the article itself names', () => {
    const text =
      'Russian Foreign Minister Andrei Kozyrev arrived on Sunday. The Russian foreign minister met Chinese officials ' +
      'in Beijing on Monday.';
    const met = propose({ text, publishedAt: '2023-11-01' }).proposals.find((p) => p.quote.text.startsWith('The'));
    expect(actorsOf(met)[0]).toEqual([null, 'Andrei Kozyrev', 'RUS', 'title']);
  });

  it('knows the holders by their Arabic and Latin spellings, and reads a hyphenated name whole', () => {
    const ar = propose({ text: 'والتقى لافروف نظيره يوم الاثنين.', publishedAt: '2023-11-01', language: 'ar' });
    expect(actorsOf(ar.proposals[0])[0]).toEqual(['sergey-lavrov', 'Sergey Lavrov', 'RUS', 'registry']);
    const en = first('Kazakh President Kassym-Jomart Tokayev met Lavrov in Astana on Monday.', '2023-11-01');
    expect(actorsOf(en).map(([id]) => id)).toEqual(['kassym-jomart-tokayev', 'sergey-lavrov']);
  });

  it('is what the current version adds: proposals-1 reads the same office as an office', () => {
    const text = 'The Russian foreign minister met Chinese officials in Beijing on Monday.';
    const [met] = proposeWith(PROPOSALS_1, { text, publishedAt: '2023-11-01' }).proposals;
    expect(actorsOf(met)[0]).toEqual([
      'foreign-minister-of-russian-federation',
      'Foreign Minister of Russian Federation',
      'RUS',
      'title',
    ]);
  });
});
