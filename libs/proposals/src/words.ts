/** A word of the text with its offsets, and the normalized forms it may be matched by. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Normalized word, then the same without each Arabic prefix it may carry (و، ف، ب، ل، ك، ال and combinations). */
  readonly forms: readonly string[];
  /** The first two letters of each form: a quick filter before matching cues. */
  readonly heads: readonly string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const PREFIXES = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'وب', 'ول', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Lower case, no diacritics or tatweel, one alef, final yaa and taa marbuta folded: spellings vary on these. */
export function normalize(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

export function formsOf(word: string): string[] {
  const base = normalize(word);
  const forms = [base];
  if (!/[\u0600-\u06FF]/.test(base)) return forms;
  for (const prefix of PREFIXES) {
    if (base.startsWith(prefix) && base.length - prefix.length >= 2) forms.push(base.slice(prefix.length));
  }
  return forms;
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  // Articles repeat their words: each spelling's forms are computed once.
  const seen = new Map<string, Pick<Word, 'forms' | 'heads'>>();
  for (const m of text.matchAll(WORD)) {
    let known = seen.get(m[0]);
    if (!known) {
      const forms = formsOf(m[0]);
      known = { forms, heads: [...new Set(forms.map((f) => f.slice(0, 2)))] };
      seen.set(m[0], known);
    }
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length, ...known });
  }
  return words;
}

/** A phrase of the data files: words separated by spaces or "-", normalized. */
export function phraseOf(entry: string): string[] {
  return entry
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map(normalize);
}

/**
 * True when nothing but spaces separates two words (a comma or a colon ends a name); with `hyphen`, one hyphen
 * too ("Kassym-Jomart").
 */
export function adjacent(text: string, left: Word, right: Word, hyphen = false): boolean {
  return (hyphen ? /^(?:\s+|-)$/ : /^\s+$/).test(text.slice(left.end, right.start));
}
