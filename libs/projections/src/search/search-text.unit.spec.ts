import { describe, expect, it } from '@jest/globals';
import { foldText, searchDocument, searchTerms, stemArabic } from './search-text';

describe('foldText', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['Zürich Ørsted Łódź', 'zurich orsted lodz'],
    ['Kassym-Jomart Tokayev', 'kassym-jomart tokayev'],
    ['أردوغان', 'اردوغان'],
    ['إيمانويل', 'ايمانويل'],
    ['آسيا', 'اسيا'],
    ['مؤتمر', 'موتمر'],
    ['رئيس', 'رييس'],
    ['اتفاقيةٌ', 'اتفاقيه'],
    ['مُـــؤْتَمَر', 'موتمر'],
    ['مستشفى', 'مستشفي'],
  ])('%s → %s', (input, folded) => expect(foldText(input)).toBe(folded));
});

describe('stemArabic', () => {
  it.each([
    ['اتفاقيات', 'اتفاق'],
    ['اتفاقيه', 'اتفاق'],
    ['الاتفاقيه', 'اتفاق'],
    ['والاتفاقيات', 'اتفاق'],
    ['بالاتفاق', 'اتفاق'],
    ['زيارات', 'زيار'],
    ['الزياره', 'زيار'],
    ['ماكرون', 'ماكر'],
    ['وزير', 'وزير'],
  ])('%s → %s', (input, stem) => expect(stemArabic(input)).toBe(stem));
});

describe('searchDocument and searchTerms', () => {
  it('index and query meet on the same stem whatever the spelling', () => {
    const indexed = searchDocument('وقّع الرئيسان اتفاقيةً للتعاون').split(' ');
    for (const typed of ['اتفاقيات', 'الاتفاقية', 'إتفاقيه']) {
      expect(indexed).toContain(searchTerms(typed)[0].stem);
    }
  });

  it('keeps Latin words whole and limits the number of terms', () => {
    expect(searchDocument('Erdoğan visits Astana')).toBe('erdogan visits astana');
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('Erdoğan ERDOGAN')).toEqual([{ word: 'erdogan', stem: 'erdogan' }]);
  });
});
