import { h } from './dom.js';

// Arabic script (Arabic, Supplement, Extended-A, Presentation Forms A and B).
const ARABIC = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const HAS_ARABIC = new RegExp(`[${ARABIC}]`);
const LATIN_OR_CYRILLIC = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;
// A run of Arabic words, with the spaces, digits and punctuation between them.
const ARABIC_RUN = new RegExp(`[${ARABIC}]+(?:[\\s\\d${ARABIC}]*[${ARABIC}])?`, 'g');

export const isArabic = (text) => HAS_ARABIC.test(String(text ?? ''));

/**
 * Text from the data (a name, a place, a title, a source's date words) isolated from the sentence around it, so
 * that an Arabic name cannot reorder "France «شريك رئيسي» — 3 agreements"; Arabic text, or each Arabic run of a
 * mixed one, carries lang="ar" so that it is read out and shaped as Arabic.
 */
export function isolate(text) {
  const value = String(text ?? '');
  if (!HAS_ARABIC.test(value)) return h('bdi', {}, value);
  if (!LATIN_OR_CYRILLIC.test(value)) return h('bdi', { lang: 'ar' }, value);
  const parts = [];
  let at = 0;
  for (const match of value.matchAll(ARABIC_RUN)) {
    parts.push(value.slice(at, match.index), h('bdi', { lang: 'ar' }, match[0]));
    at = match.index + match[0].length;
  }
  parts.push(value.slice(at));
  return h(
    'bdi',
    {},
    parts.filter((part) => part !== ''),
  );
}
