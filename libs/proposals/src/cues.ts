import type { CueEntry } from './lexicon';
import type { Word } from './words';

export interface CueMatch {
  readonly entry: CueEntry;
  readonly start: number;
  readonly end: number;
}

/** The first lexicon entry (specific before generic) whose stems begin consecutive words of the sentence. */
export function findCue(words: readonly Word[], cues: readonly CueEntry[]): CueMatch | undefined {
  for (const entry of cues) {
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
  if (/^[a-z]{1,4}$/.test(stem)) return word.forms[0] === stem || word.forms[0] === `${stem}s`;
  return word.forms.some((form) => form.startsWith(stem));
}
