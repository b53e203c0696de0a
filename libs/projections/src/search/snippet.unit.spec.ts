import { describe, expect, it } from '@jest/globals';
import { searchTerms } from './search-text';
import { snippetFor } from './snippet';

const marked = (s: { text: string; marks: [number, number][] } | null) => s?.marks.map(([a, b]) => s.text.slice(a, b));

describe('snippetFor', () => {
  it('marks the words as written in the source, whatever spelling was typed', () => {
    const s = snippetFor(
      [{ field: 'quote', text: 'ووقّع الرئيسان الاتفاقيّات في أستانا' }],
      searchTerms('اتفاقية استانا'),
    );
    expect(s?.field).toBe('quote');
    expect(marked(s)).toEqual(['الاتفاقيّات', 'أستانا']);
  });

  it('takes the first field that matches and folds accents', () => {
    const s = snippetFor(
      [
        { field: 'title', text: 'Talks in Ankara' },
        { field: 'summary', text: 'Erdoğan visits the capital' },
      ],
      searchTerms('erdogan visit'),
    );
    expect(s).toEqual({
      field: 'summary',
      text: 'Erdoğan visits the capital',
      marks: [
        [0, 7],
        [8, 14],
      ],
    });
  });

  it('cuts long text to a window whose marks still point at the word', () => {
    const text = `${'x '.repeat(200)}Astana ${'y '.repeat(200)}`;
    const s = snippetFor([{ field: 'quote', text }], searchTerms('Astana'));
    expect(s && s.text.length).toBeLessThan(170);
    expect(marked(s)).toEqual(['Astana']);
    expect(snippetFor([{ field: 'quote', text }], searchTerms('Paris'))).toBeNull();
  });
});
