import { describe, expect, it } from '@jest/globals';
import { foldText, searchDocument, searchTerms, stemArabic, words } from './search-text';

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
  it('gives the same document for a text however many other words it has folded since (its memory is bounded)', () => {
    const text = 'وقّع الرئيسان اتفاقيةً للتعاون في Astana';
    const first = searchDocument(text);
    expect(first).toBe('وقع وقع الرييسان رييس اتفاقيه اتفاق للتعاون تعا في في astana');
    for (let i = 0; i < 25_000; i++) searchDocument(`كلمة${i} word${i}`);
    expect(searchDocument(text)).toBe(first);
  });

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

describe('words: the ASCII shortcut', () => {
  /** The Unicode way, always: what words() must give for ASCII text too. */
  const unicodeWords = (text: string) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];

  it.each([
    'Macron visits Astana on Wednesday',
    "Lavrov said LAST WEEK: 'no talks' (2023-11-01)",
    'C-SPAN, U.S.-led talks; 3rd round_of 40+ nations\ttab\nnewline',
    '',
    '   ',
    '!!!',
    'snake_case and CamelCase and x2y and 007',
    'control \u0001 chars \u007f end',
  ])('gives for %j what the Unicode way gives', (text) => {
    expect(words(text)).toEqual(unicodeWords(text));
  });

  it('takes every printable ASCII character the same way as the Unicode way', () => {
    const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join(' ');
    expect(words(all)).toEqual(unicodeWords(all));
  });

  it('gives searchDocument the same words, one space apart, as the Unicode way', () => {
    const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join(' ');
    for (const text of [all, ' Macron, in Astana!  ', 'x', '', '...', "Lavrov's 2nd visit (2023-11-01)"])
      expect(searchDocument(text)).toBe(unicodeWords(text).join(' '));
  });

  it('leaves text with any other character to the Unicode way', () => {
    expect(words('Erdoğan in Astana')).toEqual(['erdogan', 'in', 'astana']);
    expect(words('ماكرون في أستانا')).toEqual(unicodeWords('ماكرون في أستانا'));
  });
});
