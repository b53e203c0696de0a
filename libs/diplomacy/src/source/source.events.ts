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
}

export interface SourceRegistered {
  type: typeof SOURCE_REGISTERED;
  data: { id: string } & SourceFacts;
}

export type SourceEvent = SourceRegistered;

/** The anchor date of a source: the calendar date of its publication. */
export function publicationDate(source: Pick<SourceFacts, 'publishedAt'>): string {
  return source.publishedAt.slice(0, 10);
}
