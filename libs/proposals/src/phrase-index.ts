import { type Word } from './words';

export interface PhraseMatch<T> {
  readonly value: T;
  /** Index of the first and one past the last word matched. */
  readonly from: number;
  readonly to: number;
}

/**
 * Whole-word phrases looked up by their first word: a word matches a phrase word when one of its forms
 * (with or without an Arabic prefix) equals it. Longest phrase first at each position.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { words: readonly string[]; value: T }[]>();

  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0], list);
  }

  matchAt(words: readonly Word[], i: number): PhraseMatch<T> | undefined {
    for (const form of words[i].forms) {
      for (const entry of this.byFirst.get(form) ?? []) {
        if (entry.words.every((w, k) => k === 0 || (words[i + k]?.forms.includes(w) ?? false))) {
          return { value: entry.value, from: i, to: i + entry.words.length };
        }
      }
    }
    return undefined;
  }

  /** Every match in order, not overlapping. */
  findAll(words: readonly Word[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const match = this.matchAt(words, i);
      if (match) {
        found.push(match);
        i = match.to - 1;
      }
    }
    return found;
  }
}
