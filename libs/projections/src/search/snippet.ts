import { foldText, stemArabic, type SearchTerm } from './search-text';

/** Where a search matched, as plain text and character ranges: the page marks them without parsing HTML. */
export interface Snippet {
  field: 'title' | 'summary' | 'quote';
  text: string;
  /** [start, end) offsets into `text`. */
  marks: [number, number][];
}

const ARABIC = /[\u0621-\u064A]/;
const WINDOW = 160;

function wordMatches(raw: string, terms: readonly SearchTerm[]): boolean {
  const folded = foldText(raw);
  const stem = ARABIC.test(folded) ? stemArabic(folded) : folded;
  return terms.some((t) => {
    if (folded === t.word || stem === t.stem) return true;
    // English inflections the index stems ("visits", "visited" for "visit"), without a stemmer of our own.
    const [short, long] = folded.length < t.word.length ? [folded, t.word] : [t.word, folded];
    return !ARABIC.test(short) && short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
  });
}

function marksIn(text: string, terms: readonly SearchTerm[]): [number, number][] {
  const marks: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}\u0640]+/gu)) {
    if (wordMatches(m[0], terms)) marks.push([m.index, m.index + m[0].length]);
  }
  return marks;
}

/** The first field (title, summary, quote) where a term appears, cut to a window around the first mark. */
export function snippetFor(fields: Pick<Snippet, 'field' | 'text'>[], terms: readonly SearchTerm[]): Snippet | null {
  for (const { field, text } of fields) {
    const marks = marksIn(text, terms);
    if (marks.length === 0) continue;
    if (text.length <= WINDOW) return { field, text, marks };
    const from = Math.max(0, Math.min(marks[0][0] - 40, text.length - WINDOW));
    const to = from + WINDOW;
    const prefix = from > 0 ? '…' : '';
    const shift = prefix.length - from;
    return {
      field,
      text: `${prefix}${text.slice(from, to)}${to < text.length ? '…' : ''}`,
      marks: marks.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift]),
    };
  }
  return null;
}
