/** A word of the text with its offsets, and the normalized forms it may be matched by. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Normalized word, then the same without each Arabic prefix it may carry (و، ف، ب، ل، ك، ال and combinations). */
  readonly forms: readonly string[];
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

export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length, forms: formsOf(m[0]) });
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

/** True when nothing but spaces separates two words (a comma or a colon ends a name). */
export function adjacent(text: string, left: Word, right: Word): boolean {
  return /^\s+$/.test(text.slice(left.end, right.start));
}
