import type { ProposedActor, RegistryActor } from './proposal.types';
import { type Lexicon, slug } from './lexicon';
import { PhraseIndex } from './phrase-index';
import { NAME_STOPS, titleIndex } from './titles';
import { adjacent, normalize, phraseOf, type Word } from './words';

/** An actor found in a sentence, before roles are given: where it is, and who. */
export interface Found extends Omit<ProposedActor, 'role'> {
  readonly at: number;
}

export interface KnownPerson {
  readonly id?: string;
  readonly name: string;
  readonly country: string | null;
}

/** The people an article can name: the registry, and the names it introduces with a title. */
export function personIndex(
  registry: readonly RegistryActor[],
): PhraseIndex<KnownPerson & { evidence: 'registry' | 'article-name' }> {
  const index = new PhraseIndex<KnownPerson & { evidence: 'registry' | 'article-name' }>();
  for (const actor of registry) {
    for (const alias of [actor.name, ...actor.aliases]) {
      index.add(phraseOf(alias), { id: actor.id, name: actor.name, country: actor.country, evidence: 'registry' });
    }
  }
  return index;
}

/**
 * "الرئيس الفرنسي إيمانويل ماكرون", "برئيس كازاخستان قاسم جومارت توكاييف", "Chinese President Xi Jinping":
 * an office, a nationality (a demonym or a country) on either side, and up to three name words after it.
 */
export function titledActor(
  text: string,
  words: readonly Word[],
  i: number,
  lexicon: Lexicon,
  hyphenatedNames = false,
): (Found & { to: number; office: string }) | undefined {
  const title = titleIndex().matchAt(words, i);
  if (!title) return undefined;
  let country: string | null = null;
  let from = i;
  let next = title.to;
  const before = i > 0 ? lexicon.places.matchAt(words, i - 1) : undefined;
  if (before && before.to === i && before.value.kind === 'demonym' && /^[A-Z]/.test(words[i - 1].text)) {
    country = before.value.country;
    from = i - 1;
  }
  const after = next < words.length ? lexicon.places.matchAt(words, next) : undefined;
  if (!country && after && (after.value.kind === 'demonym' || after.value.kind === 'name')) {
    country = after.value.country;
    next = after.to;
  }
  if (!country) return undefined;
  const nameWords: Word[] = [];
  for (let k = next; k < words.length && nameWords.length < 3; k++) {
    const word = words[k];
    const previous = k === next ? words[k - 1] : nameWords[nameWords.length - 1];
    if (!adjacent(text, previous, word, hyphenatedNames) || isNotAName(word, words, k, lexicon)) break;
    nameWords.push(word);
  }
  const last = nameWords.length > 0 ? nameWords[nameWords.length - 1] : words[next - 1];
  const matchedText = text.slice(words[from].start, last.end);
  if (nameWords.length === 0) {
    const name = `${title.value} of ${lexicon.countryLabel(country)}`;
    return {
      id: slug(name),
      name,
      country,
      kind: 'office',
      matchedText,
      evidence: 'title',
      at: words[from].start,
      to: next,
      office: title.value,
    };
  }
  const name = text.slice(nameWords[0].start, last.end);
  return {
    name,
    country,
    kind: 'person',
    matchedText,
    evidence: 'title',
    at: words[from].start,
    to: next + nameWords.length,
    office: title.value,
  };
}

function isNotAName(word: Word, words: readonly Word[], k: number, lexicon: Lexicon): boolean {
  if (NAME_STOPS.has(normalize(word.text)) || titleIndex().matchAt(words, k)) return true;
  if (/^[\p{N}]/u.test(word.text) || lexicon.places.matchAt(words, k)) return true;
  if (/[A-Za-z]/.test(word.text)) return !/^[A-Z]/.test(word.text);
  return false;
}
