import type { Proposal, ProposedDate } from './proposal.types';
import { normalize } from './words';

/** Words that put a statement in the future whatever its date: "ومن المقرر أن", "is scheduled to", "will visit". */
const SCHEDULED = [
  /من المقرر/,
  /scheduled to/,
  /is (?:due|set|expected) to/,
  /\bwill (?:visit|travel|meet|host|sign|hold)/,
].map(
  (re) =>
    new RegExp(
      re.source.replace(/[\u0600-\u06FF]+/g, (w) => normalize(w)),
      'i',
    ),
);

export function statusOf(
  sentence: string,
  date: ProposedDate,
  carried: Proposal | null,
  publishedAt: string,
): 'scheduled' | 'occurred' {
  if (!date.carried && (date.direction === 'future' || date.start > publishedAt.slice(0, 10))) return 'scheduled';
  const text = normalize(sentence);
  if (SCHEDULED.some((re) => re.test(text))) return 'scheduled';
  return carried && !date.carried ? carried.status : 'occurred';
}
