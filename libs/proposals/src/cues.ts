import type { CueEntry } from './lexicon';
import type { Word } from './words';

export interface CueMatch {
  readonly entry: CueEntry;
  readonly start: number;
  readonly end: number;
}

/** The first lexicon entry (specific before generic) whose stems begin consecutive words of the sentence. */
export function findCue(words: readonly Word[], cues: readonly CueEntry[]): CueMatch | undefined {
  // Most entries cannot match: skip those whose first stem's first two letters begin no word here.
  const heads = new Set<string>();
  for (const word of words) for (const head of word.heads) heads.add(head);
  for (const entry of cues) {
    if (!heads.has(entry.head)) continue;
    for (let i = 0; i + entry.stems.length <= words.length; i++) {
      if (entry.stems.every((stem, k) => stem === null || startsWithStem(words[i + k], stem))) {
        return { entry, start: words[i].start, end: words[i + entry.stems.length - 1].end };
      }
    }
  }
  return undefined;
}

function startsWithStem(word: Word, stem: string): boolean {
  // Short English stems ("met", "aid", "call") must be the whole word: "metal", "aide" and "caller" are not cues.
  if (stem.length <= 4 && stem.charCodeAt(0) < 128) return word.forms[0] === stem || word.forms[0] === `${stem}s`;
  return word.forms.some((form) => form.startsWith(stem));
}
