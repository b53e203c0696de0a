import { expect } from '@jest/globals';
import { extract } from '../extract/extract';
import type { Language, Mention } from '../extract/mention.types';

/** text, the mention's own words, its timex; anchor A (2023-11-01, a Wednesday) unless a row says otherwise. */
export type FamilyRow = readonly [text: string, mention: string, timex: string, anchor?: string];

export function mentionIn(text: string, words: string, anchor: string, language?: Language): Mention {
  const { mentions } = extract(text, anchor, language);
  const found = mentions.find((m) => m.text === words);
  if (!found) throw new Error(`no mention "${words}" in ${JSON.stringify(mentions.map((m) => m.text))}`);
  expect(text.slice(found.start, found.end)).toBe(found.text);
  return found;
}
