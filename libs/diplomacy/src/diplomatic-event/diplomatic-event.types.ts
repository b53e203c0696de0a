import type { Direction, Precision } from '@libs/temporal';

export const ACTOR_ROLES = ['initiator', 'target', 'participant'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const EVENT_STATUSES = ['occurred', 'scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface Actor {
  /** A stable slug, e.g. "emmanuel-macron": the same person across events. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  role: ActorRole;
}

export interface Location {
  name: string;
  country?: string;
}

/** How a date arrives: the source's own words (resolved against an anchor), or explicit ISO dates. */
export type DateInput =
  { expression: string; anchor?: string; direction?: Direction } | { start: string; end?: string };

/** The date as stored inside the event: the words, the anchor, and what they were resolved to, once. */
export interface EventDate {
  expression: string | null;
  anchor: string | null;
  direction: Direction | null;
  start: string;
  end: string;
  precision: Precision;
  timex: string;
}

export interface SourceRef {
  sourceId: string;
  quote: string;
  /** Where the quote sits in the source's stored text (UTF-16 indexes), when it came from an article. */
  offsets?: { start: number; end: number };
}

/**
 * The optional text facts, null when the source gives none; each has one rule in OPTIONAL_TEXT_RULES
 * (validate-facts.ts). A record or a correction may leave any of them out, and an event recorded before a fact
 * existed has none: read an absent one as null.
 */
export interface OptionalTextFacts {
  summary?: string | null;
}

/** Everything a diplomatic event says, as recorded and as corrected. */
export interface DiplomaticEventFacts extends OptionalTextFacts {
  /** CAMEO code. */
  type: string;
  title: string;
  actors: Actor[];
  location: Location | null;
  date: EventDate;
  status: EventStatus;
  source: SourceRef;
}

/** What a client sends to record an event (the date not yet resolved). */
export interface DiplomaticEventInput extends OptionalTextFacts {
  type: string;
  title: string;
  actors: Actor[];
  location?: Location | null;
  date: DateInput;
  status: EventStatus;
  source: SourceRef;
}

/** What a correction may change; `quote` replaces the source quote. */
export interface DiplomaticEventChangesInput extends OptionalTextFacts {
  type?: string;
  title?: string;
  actors?: Actor[];
  location?: Location | null;
  date?: DateInput;
  status?: EventStatus;
  quote?: string;
}

export type DiplomaticEventChanges = Partial<Omit<DiplomaticEventFacts, 'source'>> & { quote?: string };
