import { normalize } from '../normalize';

/** A word, a number (with the date punctuation inside it: "15/3/2023", "13-15") or a dash/slash. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** The normalised word, with a joined Arabic clitic removed when the rest is a known word. */
  readonly word: string;
  /** Characters of a joined clitic ("و", "ب", "ل", "ف") at the start of `raw`, outside the expression. */
  readonly clitic: number;
}

const TOKEN = /\d+(?:[./-]\d+)*(?:st|nd|rd|th|s)?|[\p{L}\p{M}\u0640]+|[-–—/]/gu;
const CLITICS = ['وب', 'ول', 'و', 'ب', 'ل', 'ف'];
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

function normalizeWord(raw: string): string {
  // Latin letters and plain digits need only lower case; the full normalisation is for Arabic script.
  if (/^[A-Za-z]+$|^\d+$/.test(raw)) return raw.toLowerCase();
  let word = cache.get(raw);
  if (word === undefined) {
    word = normalize(raw);
    if (cache.size < CACHE_LIMIT) cache.set(raw, word);
  }
  return word;
}

/** `known` tells whether a normalised word belongs to the temporal vocabulary (used to peel clitics). */
export function tokenize(text: string, known: (word: string) => boolean): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const word = /^[-–—/]$/.test(raw) ? '-' : normalizeWord(raw);
    tokens.push({ start, end: start + raw.length, raw, ...peelClitic(word, known) });
  }
  return tokens;
}

function peelClitic(word: string, known: (word: string) => boolean): { word: string; clitic: number } {
  if (known(word) || !/^[\u0600-\u06ff]/.test(word)) return { word, clitic: 0 };
  for (const clitic of CLITICS) {
    const stem = word.slice(clitic.length);
    if (word.startsWith(clitic) && stem.length > 1 && known(stem)) return { word: stem, clitic: clitic.length };
  }
  return { word, clitic: 0 };
}
