/*
 * Search folds what people type and what sources write into one form, in code rather than with PostgreSQL's
 * `unaccent`: the extension exists on PG 15 here and in the embedded PG 17 package, but a user's own PostgreSQL may
 * lack contrib, and Arabic needs folding of its own anyway. The same functions run on indexed text and on `q`.
 */

const ARABIC_LETTER = /[\u0621-\u064A]/;
/** Alef maqsura → yeh, taa marbuta → heh (both spellings appear for the same word in news copy). */
const ARABIC_LETTERS: Readonly<Record<string, string>> = { '\u0649': '\u064A', '\u0629': '\u0647' };
/** Letters NFKD does not split into base + mark. */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', đ: 'd', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * Lower case; accents, Arabic diacritics and hamza carriers folded (NFKD splits أ إ آ ؤ ئ into a base letter and
 * a combining mark, which goes with the other marks); tatweel dropped; ى → ي, ة → ه.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}|\u0640/gu, '')
    .toLowerCase()
    .replace(/[\u0649\u0629ıøđłßæœ]/g, (c) => ARABIC_LETTERS[c] ?? LATIN_LETTERS[c] ?? c)
    .replace(/\u0621/g, '');
}

const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Light stemming of one folded Arabic word, after Larkey's "light10": the article and its attached
 * prepositions go, then common plural, dual, feminine and possessive endings, never below three letters
 * (اتفاقيات, الاتفاقية, اتفاقيه → اتفاق). PostgreSQL's `arabic` stemmer keeps "اتفاقيا" and "والاتفاق".
 */
export function stemArabic(word: string): string {
  let w = word;
  if (w.length > 4 && w.startsWith('و')) w = w.slice(1);
  const prefix = PREFIXES.find((p) => w.startsWith(p) && w.length - p.length >= 2);
  if (prefix) w = w.slice(prefix.length);
  for (let changed = true; changed;) {
    changed = false;
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
    if (suffix) {
      w = w.slice(0, -suffix.length);
      changed = true;
    }
  }
  return w;
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** Words of folded text: letters and digits in any script. */
export function words(text: string): string[] {
  // ASCII text has nothing to normalise or fold but its case, and its letters and digits are [a-z0-9]: most news
  // copy, and a fifth of a timeline rebuild's time in Node when it went the Unicode way.
  if (!NOT_ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What the index stores for a text: each folded word, and the stem beside every Arabic word. */
export function searchDocument(text: string | null | undefined): string {
  if (!text) return '';
  // ASCII text has no Arabic word to stem: its words joined by one space, without an array of them (a rebuild
  // folds every title, summary, quote and name of the log, and this was most of its Node time).
  if (!NOT_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  let document = '';
  for (const w of words(text)) {
    const next = indexedWord(w);
    document = document === '' ? next : `${document} ${next}`;
  }
  return document;
}

/*
 * A word as the document holds it: itself, and its stem after it when it is Arabic. Remembered for the last
 * MAX_REMEMBERED distinct words: news copy repeats its words, and a rebuild folds every text of the log (stemming
 * each Arabic word anew was a third of this function's time). Forgotten all at once when full: a bound, not an LRU.
 */
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, string>();

function indexedWord(w: string): string {
  let indexed = remembered.get(w);
  if (indexed === undefined) {
    indexed = ARABIC_LETTER.test(w) ? `${w} ${stemArabic(w)}` : w;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(w, indexed);
  }
  return indexed;
}

/** One search term as the query matches it: the folded word and, for Arabic, its stem. */
export interface SearchTerm {
  word: string;
  stem: string;
}

/** The terms of `q` (at most `max`): every one must match (in the text or an actor's names). */
export function searchTerms(q: string, max = 8): SearchTerm[] {
  const unique = [...new Set(words(q))].slice(0, max);
  return unique.map((word) => ({ word, stem: ARABIC_LETTER.test(word) ? stemArabic(word) : word }));
}
