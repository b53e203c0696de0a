import { describe, expect, it } from '@jest/globals';
import { proposeWith, PROPOSALS_1 } from '@libs/proposals';
import { splitSentences } from './sentences';

const ANCHOR = '2023-11-01';

// The reading of titles and names on their own: proposals-1, which knows no one beyond the registry it is given
// (the current version also reads data/actor-offices.csv: offices.unit.spec.ts).
describe('propose (English, proposals-1)', () => {
  const text =
    'Chinese President Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing on Monday. ' +
    'The two signed an agreement on energy. The weather was mild. ' +
    'Turkish President Recep Tayyip Erdogan will visit Astana next week.';
  const { proposals, language } = proposeWith(PROPOSALS_1, { text, publishedAt: ANCHOR });

  it('reads titles with a nationality as people of that country, and a capital as the place', () => {
    expect(language).toBe('en');
    const [met] = proposals;
    expect(met.type).toMatchObject({ code: '040', root: '04', cue: { text: 'met' } });
    expect(met.actors.map((a) => [a.name, a.country, a.role, a.evidence])).toEqual([
      ['Xi Jinping', 'CHN', 'initiator', 'title'],
      ['Sergei Lavrov', 'RUS', 'target', 'title'],
    ]);
    expect(met.place).toMatchObject({ name: 'Beijing', country: 'CHN' });
    expect(met.date).toMatchObject({ expression: 'Monday', start: '2023-10-30', carried: false });
    expect(text.slice(met.quote.start, met.quote.end)).toBe(met.quote.text);
  });

  it('carries the date to the next statement, with both people, and says so', () => {
    const signed = proposals[1];
    expect(signed.type.code).toBe('057');
    expect(signed.date).toMatchObject({ start: '2023-10-30', carried: true });
    expect(signed.actors.map((a) => [a.name, a.role])).toEqual([
      ['Xi Jinping', 'participant'],
      ['Sergei Lavrov', 'participant'],
    ]);
    expect(signed.confidence).toBeLessThan(proposals[0].confidence);
    expect(signed.reasons.join(' ')).toContain('carried');
  });

  it('proposes nothing for a sentence without a cue, and breaks the carried date there', () => {
    expect(proposals.map((p) => p.quote.text)).not.toContain('The weather was mild.');
    expect(proposals).toHaveLength(3);
  });

  it('marks a future statement as scheduled', () => {
    const visit = proposals[2];
    expect(visit).toMatchObject({ status: 'scheduled', type: { code: '042' } });
    expect(visit.actors[0]).toMatchObject({ name: 'Recep Tayyip Erdogan', country: 'TUR', role: 'initiator' });
  });

  it('uses a registry id when a name is known', () => {
    const registry = [{ id: 'sergey-lavrov', name: 'Sergey Lavrov', country: 'RUS', aliases: ['Sergei Lavrov'] }];
    const [met] = proposeWith(PROPOSALS_1, { text, publishedAt: ANCHOR, registry }).proposals;
    expect(met.actors[1]).toMatchObject({ id: 'sergey-lavrov', name: 'Sergey Lavrov', evidence: 'registry' });
  });
});

describe('splitSentences', () => {
  it('keeps a quotation whole and gives offsets into the text', () => {
    const text = 'قال: “هذا هو الطريق. مثل هذه الاستراتيجية قريبة”. ثم غادر.\nMr. Smith left.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'قال: “هذا هو الطريق. مثل هذه الاستراتيجية قريبة”.',
      'ثم غادر.',
      'Mr. Smith left.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
