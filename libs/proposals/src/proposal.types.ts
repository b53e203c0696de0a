import type { Language, Mention, Precision, Direction } from '@libs/temporal';

/** A person (or office) known before the article: the actors read model, with every spelling seen. */
export interface RegistryActor {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  /** Spellings in any script ("ماكرون", "Emmanuel Macron"); the name itself is always one. */
  readonly aliases: readonly string[];
}

export interface ProposeInput {
  readonly text: string;
  /** ISO date (YYYY-MM-DD): the anchor of relative dates. */
  readonly publishedAt: string;
  readonly language?: Language;
  readonly registry?: readonly RegistryActor[];
}

export type ProposedRole = 'initiator' | 'target' | 'participant';

/**
 * How an actor was found: the registry, a title with a nationality, a name seen with a title earlier, an office
 * held on the publication day (data/actor-offices.csv), a country.
 */
export type ActorEvidence = 'registry' | 'title' | 'article-name' | 'office' | 'country' | 'region' | 'carried';

export interface ProposedActor {
  /** Only when the registry (or a country) gives one: an editor must not accept an invented id unseen. */
  readonly id?: string;
  readonly name: string;
  readonly country: string | null;
  readonly role: ProposedRole;
  readonly kind: 'person' | 'office' | 'country';
  readonly matchedText: string;
  readonly evidence: ActorEvidence;
}

export interface ProposedPlace {
  readonly name: string;
  readonly country: string | null;
  readonly matchedText: string;
}

export interface ProposedDate {
  /** The words of the article; null when the date is carried from an earlier statement. */
  readonly expression: string;
  readonly start: string;
  readonly end: string;
  readonly precision: Precision;
  readonly timex: string;
  readonly direction: Direction;
  /** Offsets of the expression in the article (of the earlier statement's expression when carried). */
  readonly offset: { readonly start: number; readonly end: number };
  readonly carried: boolean;
}

export interface ProposedType {
  readonly code: string;
  readonly root: string;
  readonly name: string;
  /** The words that suggested the code, and where they are. */
  readonly cue: { readonly text: string; readonly start: number; readonly end: number; readonly entry: string };
}

export interface Proposal {
  /** Stable for a given text and extractor version: `p<quote start>-<quote end>`. */
  readonly id: string;
  readonly quote: { readonly text: string; readonly start: number; readonly end: number };
  readonly mentions: readonly Mention[];
  readonly date: ProposedDate;
  readonly type: ProposedType;
  readonly actors: readonly ProposedActor[];
  readonly place: ProposedPlace | null;
  readonly status: 'scheduled' | 'occurred';
  /** 0..1, with the reasons that raised or lowered it. */
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export interface Proposals {
  readonly extractorVersion: string;
  readonly language: Language;
  readonly proposals: readonly Proposal[];
}
