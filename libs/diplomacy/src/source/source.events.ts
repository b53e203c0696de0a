export const SOURCE_REGISTERED = 'SourceRegistered';

export interface SourceFacts {
  title: string;
  url: string | null;
  publisher: string | null;
  /** BCP 47 language tag, e.g. "ar", "en". */
  language: string;
  /** ISO date (YYYY-MM-DD) or date-time; its date is the default anchor for relative expressions. */
  publishedAt: string;
  text: string | null;
  /** SHA-256 (hex) of the article text kept in the `source_texts` side table, which redaction may delete. */
  textSha256?: string;
}

export interface SourceRegistered {
  type: typeof SOURCE_REGISTERED;
  data: { id: string } & SourceFacts;
}

export const PROPOSAL_ACCEPTED = 'ProposalAccepted';
export const PROPOSAL_DISMISSED = 'ProposalDismissed';

/** An editor accepted a proposal of the article (as proposed or edited): `eventId` is the event it recorded. */
export interface ProposalAccepted {
  type: typeof PROPOSAL_ACCEPTED;
  data: { sourceId: string; proposalId: string; extractorVersion: string; eventId: string; edited: boolean };
}

/** An editor dismissed a proposal, and said why. */
export interface ProposalDismissed {
  type: typeof PROPOSAL_DISMISSED;
  data: { sourceId: string; proposalId: string; extractorVersion: string; reason: string };
}

export const EVENT_SOURCE_ATTACHED = 'EventSourceAttached';

/**
 * The proposal reports an event already on the timeline: the article becomes another source of that event, with
 * the quote and its offsets, instead of a second event. Kept in the article's stream, as its decision.
 */
export interface EventSourceAttached {
  type: typeof EVENT_SOURCE_ATTACHED;
  data: {
    sourceId: string;
    proposalId: string;
    extractorVersion: string;
    eventId: string;
    quote: string;
    offsets: { start: number; end: number };
  };
}

export type ProposalDecision = ProposalAccepted | ProposalDismissed | EventSourceAttached;

export const SOURCE_TEXT_REDACTED = 'SourceTextRedacted';

/** The article's text was taken down: its side-table row is deleted; the events that cite it stay. */
export interface SourceTextRedacted {
  type: typeof SOURCE_TEXT_REDACTED;
  data: { sourceId: string; textSha256: string; reason: string };
}

export type SourceEvent = SourceRegistered | ProposalDecision | SourceTextRedacted;

/** The anchor date of a source: the calendar date of its publication. */
export function publicationDate(source: Pick<SourceFacts, 'publishedAt'>): string {
  return source.publishedAt.slice(0, 10);
}
