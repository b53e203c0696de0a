import type { ProposedActor, ProposedPlace, ProposedRole, RegistryActor } from './proposal.types';
import { type Found, type KnownPerson, personIndex, titledActor } from './actors';
import type { Lexicon } from './lexicon';
import type { DatedOffices } from './offices';
import { slug } from './lexicon';
import type { PhraseIndex } from './phrase-index';
import { phraseOf, wordsOf, type Word } from './words';

type Person = KnownPerson & { evidence: 'registry' | 'article-name' };

/** What a proposer version reads people with beyond the registry (see ProposerSettings). */
export interface ActorReading {
  /** Offices with dates, and the day they are read on (the publication date); null: none. */
  readonly offices: { readonly data: DatedOffices; readonly on: string } | null;
  readonly hyphenatedNames: boolean;
}

/**
 * Who an article names. People come from the registry, or from a title read anywhere in the article
 * ("الرئيس الفرنسي إيمانويل ماكرون" makes "ماكرون" and a later bare "الرئيس الفرنسي" Macron).
 */
export class ArticleActors {
  private readonly people: PhraseIndex<Person>;
  private readonly offices = new Map<string, Person>();

  constructor(
    private readonly text: string,
    private readonly words: readonly Word[],
    registry: readonly RegistryActor[],
    private readonly lexicon: Lexicon,
    private readonly reading: ActorReading = { offices: null, hyphenatedNames: false },
  ) {
    this.people = personIndex(registry);
    this.learnTitledNames();
  }

  private learnTitledNames(): void {
    for (let i = 0; i < this.words.length; i++) {
      const found = titledActor(this.text, this.words, i, this.lexicon, this.reading.hyphenatedNames);
      if (!found || found.kind !== 'person') continue;
      const person = this.known(found.name) ?? { name: found.name, country: found.country, evidence: 'article-name' };
      const key = `${found.office}|${found.country}`;
      if (!this.offices.has(key)) this.offices.set(key, person);
      if (person.evidence === 'article-name') {
        const name = phraseOf(found.name);
        this.people.add(name, person);
        // A later bare surname: the last word ("ماكرون"), or the first for names written family first ("شي").
        if (name.length > 1) for (const word of [name[0], name[name.length - 1]]) this.people.add([word], person);
      }
      i = found.to - 1;
    }
  }

  private known(name: string): Person | undefined {
    const words = wordsOf(name);
    const match = words.length > 0 ? this.people.matchAt(words, 0) : undefined;
    return match && match.to === words.length ? match.value : undefined;
  }

  /** The actors and the first capital of the words in [from, to) of the article's words. */
  inSentence(from: number, to: number): { found: Found[]; place: ProposedPlace | null } {
    const found: Found[] = [];
    let place: ProposedPlace | null = null;
    for (let i = from; i < to; i++) {
      const person = this.people.matchAt(this.words, i);
      if (person) {
        found.push(this.personFound(person.value, this.span(i, person.to), person.value.evidence));
        i = person.to - 1;
        continue;
      }
      const titled = titledActor(this.text, this.words, i, this.lexicon, this.reading.hyphenatedNames);
      if (titled) {
        found.push(this.fromTitle(titled));
        i = titled.to - 1;
        continue;
      }
      const placeMatch = this.lexicon.places.matchAt(this.words, i);
      if (!placeMatch) continue;
      const matchedText = this.span(i, placeMatch.to).text;
      const { kind, countries, country } = placeMatch.value;
      if (kind === 'capital') place ??= { name: matchedText, country, matchedText };
      if (kind === 'name' || kind === 'region') {
        for (const code of countries) found.push(this.countryFound(code, matchedText, this.words[i].start, kind));
      }
      i = placeMatch.to - 1;
    }
    return { found: dedupe(found), place };
  }

  private fromTitle(titled: Found & { office: string; to: number }): Found {
    const { office, to: _to, ...actor } = titled;
    if (actor.kind === 'person') {
      const known = this.known(actor.name);
      return known
        ? {
            ...actor,
            id: known.id,
            name: known.name,
            country: known.country,
            evidence: known.evidence === 'registry' ? 'registry' : 'title',
          }
        : actor;
    }
    const span = { text: actor.matchedText, start: actor.at };
    // The holder the article itself named earlier; else whoever held the office on the publication day.
    const person = this.offices.get(`${office}|${actor.country}`);
    if (person) return this.personFound(person, span, 'title');
    const term = this.reading.offices?.data.holder(office, actor.country as string, this.reading.offices.on);
    if (!term) return actor;
    const holder: Person = { id: term.actorId, name: term.name, country: term.country, evidence: 'registry' };
    return this.personFound(holder, span, 'office');
  }

  private personFound(person: Person, span: { text: string; start: number }, evidence: Found['evidence']): Found {
    return {
      id: person.id,
      name: person.name,
      country: person.country,
      kind: 'person',
      matchedText: span.text,
      evidence,
      at: span.start,
    };
  }

  private countryFound(code: string, matchedText: string, at: number, kind: 'name' | 'region'): Found {
    const name = this.lexicon.countryLabel(code);
    return {
      id: slug(name),
      name,
      country: code,
      kind: 'country',
      matchedText,
      evidence: kind === 'name' ? 'country' : 'region',
      at,
    };
  }

  private span(from: number, to: number): { text: string; start: number } {
    const start = this.words[from].start;
    return { text: this.text.slice(start, this.words[to - 1].end), start };
  }
}

function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((actor) => {
    const key = actor.id ?? `${actor.name}|${actor.country}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A country stands aside when one of its people or offices acts; roles follow the order of the text. */
export function withRoles(found: readonly Found[], joint: boolean): ProposedActor[] {
  const personal = new Set(found.filter((a) => a.kind !== 'country').map((a) => a.country));
  const kept = found.filter((a) => a.kind !== 'country' || !personal.has(a.country));
  // A region ("Central Asia") is what a statement is about, never who makes it.
  const ordered = [...kept].sort((a, b) => a.at - b.at);
  const initiator = ordered.find((a) => a.evidence !== 'region');
  return ordered.map((found) => {
    const { at: _at, ...actor } = found;
    const role: ProposedRole = joint ? 'participant' : found === initiator ? 'initiator' : 'target';
    return { ...actor, role };
  });
}
