import { isDeepStrictEqual } from 'node:util';
import { InvalidDiplomaticEventError, SourceNotFoundError } from '../diplomacy.errors';
import type { ProposalDecision, SourceEvent } from './source.events';

export class ProposalAlreadyDecidedError extends InvalidDiplomaticEventError {
  constructor(proposalId: string, earlier: ProposalDecision) {
    super({ proposalId: `${proposalId} was already decided (${earlier.type})` });
  }
}

/** The decisions already taken on an article, by proposal id. */
export function decisionsOf(events: readonly { type: string; data: unknown }[]): Map<string, ProposalDecision> {
  const decisions = new Map<string, ProposalDecision>();
  for (const event of events as SourceEvent[]) {
    if (
      event.type === 'ProposalAccepted' ||
      event.type === 'ProposalDismissed' ||
      event.type === 'EventSourceAttached'
    ) {
      decisions.set(event.data.proposalId, event);
    }
  }
  return decisions;
}

/**
 * One decision per proposal: the same decision again is a harmless retry (nothing to append); another one is
 * refused, since a recorded event is corrected or retracted, never re-decided here.
 */
export function decideProposal(
  history: readonly { type: string; data: unknown }[],
  decision: ProposalDecision,
): ProposalDecision[] {
  if (history[0]?.type !== 'SourceRegistered') throw new SourceNotFoundError(decision.data.sourceId);
  const earlier = decisionsOf(history).get(decision.data.proposalId);
  if (!earlier) return [decision];
  // Deep and order-blind: the stored copy comes back from jsonb, whose key order is not the one written.
  if (earlier.type === decision.type && isDeepStrictEqual(earlier.data, decision.data)) return [];
  throw new ProposalAlreadyDecidedError(decision.data.proposalId, earlier);
}
