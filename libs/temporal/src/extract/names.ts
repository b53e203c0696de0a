import type { Token } from './tokens';

/** Month and season names that open names of events: "March for Life", "Spring of Life", "March of the Mothers". */
const NAMING_WORDS = new Set(['march', 'may', 'spring', 'summer', 'fall', 'autumn', 'winter']);
/** Relative words that, written all in capitals mid-sentence, are a title: ABC's "This Week", "VOA Today". */
const TITLE_WORDS = new Set(['this', 'next', 'last', 'week', 'month', 'year', 'today', 'tonight', 'tomorrow', 'now']);
/** What may stand before a sentence's first word: its end mark, a colon or dash, then quotes or brackets. */
const SENTENCE_START = /(?:^|[.!?:\n]|--|\s_)\s*["“'`(]*\s*$/;

interface Window {
  readonly text: string;
  readonly tokens: readonly Token[];
}

/**
 * Whether capitalised date words belong to a name or a title rather than a date: a month or season followed
 * by "of"/"for" and a capitalised word, or relative words capitalised one and all inside a sentence.
 */
export function isPartOfName({ text, tokens }: Window, first: number, last: number): boolean {
  const window = tokens.slice(first, last + 1).filter((token) => token.word !== 'the');
  const capitalised = window.every((token) => /^\p{Lu}/u.test(token.raw));
  if (!capitalised) return false;
  const [of, article, name] = [
    tokens[last + 1],
    tokens[last + 2],
    tokens[last + 2]?.word === 'the' ? tokens[last + 3] : tokens[last + 2],
  ];
  if (window.length === 1 && NAMING_WORDS.has(window[0]?.word ?? '') && ['of', 'for'].includes(of?.word ?? '')) {
    return article !== undefined && name !== undefined && /^\p{Lu}/u.test(name.raw) && !/^\d/.test(name.raw);
  }
  const opensSentence = SENTENCE_START.test(text.slice(Math.max(0, (window[0]?.start ?? 0) - 12), window[0]?.start));
  return !opensSentence && window.every((token) => TITLE_WORDS.has(token.word));
}
