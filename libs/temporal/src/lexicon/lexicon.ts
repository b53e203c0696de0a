import { normalize } from '../normalize';

/** Normalised word or phrase → meaning. */
export type Lexicon<V> = ReadonlyMap<string, V>;

export function lexicon<V>(entries: ReadonlyArray<readonly [V, readonly string[]]>): Lexicon<V> {
  const map = new Map<string, V>();
  for (const [value, words] of entries) {
    for (const word of words) map.set(normalize(word), value);
  }
  return map;
}

/** A regex alternation of the normalised words, longest first so "تشرين الاول" wins over a shorter prefix. */
export function alternation(words: Iterable<string>): string {
  const forms = [...new Set([...words].map(normalize))].sort((a, b) => b.length - a.length);
  return `(?:${forms.map(escapeRegExp).join('|')})`;
}

/** Rules match the whole (normalised) expression, never a fragment of a longer text. */
export function anchored(source: string): RegExp {
  return new RegExp(`^${source}$`, 'u');
}

/** Named groups of a match; a group that took no part is undefined, which RegExp's own typing hides. */
export type Groups = Readonly<Record<string, string | undefined>>;

/** The groups of the first pattern that matches the whole text. */
export function matchGroups(patterns: RegExp | readonly RegExp[], text: string): Groups | undefined {
  for (const pattern of patterns instanceof RegExp ? [patterns] : patterns) {
    const groups: Groups | undefined = pattern.exec(text)?.groups;
    if (groups) return groups;
  }
  return undefined;
}

/** Lookup of a word a regex built from the same lexicon has just matched: a miss is a bug, not bad input. */
export function lookup<V>(words: Lexicon<V>, word: string): V {
  const value = words.get(word);
  if (value === undefined) throw new Error(`lexicon has no entry for "${word}"`);
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
