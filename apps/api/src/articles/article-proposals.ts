import { BadRequestException } from '@nestjs/common';
import type { ProposalDecision } from '@libs/diplomacy';
import { EXTRACTORS, type Extractor, type Proposal, type ProposeInput } from '@libs/proposals';
import { errorBody } from '../http/error-body';

/** A proposal as an article shows it: the version that proposed it, and the decision taken on it (null: none). */
export type ShownProposal = Proposal & { extractorVersion: string; decision: ProposalDecision['data'] | null };

/** `?extractor=`: a version this server runs, or (omitted) the current one; anything else is a 400. */
export function extractorOf(version: string | undefined): { version: string; extractor: Extractor } {
  const wanted = version ?? EXTRACTORS.current;
  const extractor = EXTRACTORS.get(wanted);
  if (!extractor) {
    const known = EXTRACTORS.versions.join(', ');
    throw new BadRequestException(
      errorBody(400, `Unknown extractor version ${JSON.stringify(wanted)}`, {
        fields: { extractor: `must be one of: ${known}` },
      }),
    );
  }
  return { version: wanted, extractor };
}

/**
 * The proposals of one version, with each decided proposal shown as the version that was decided saw it:
 * a newer extractor adds and re-reads undecided statements, never a decided one. A proposal id is its quote's
 * span, so a decision follows the same statement from one version to the next; a decided proposal that the
 * newer version cuts differently keeps its own place. A decision whose version this server no longer runs is
 * listed only among the decisions.
 */
export function proposalsWithDecisions(
  input: ProposeInput,
  version: string,
  decisions: ReadonlyMap<string, ProposalDecision>,
): ShownProposal[] {
  const runs = new Map<string, Map<string, Proposal>>();
  const run = (v: string) => {
    let byId = runs.get(v);
    const extractor = EXTRACTORS.get(v);
    if (!byId && extractor) {
      byId = new Map(extractor(input).proposals.map((p) => [p.id, p]));
      runs.set(v, byId);
    }
    return byId;
  };
  const shown = new Map<string, ShownProposal>();
  for (const proposal of (run(version) as Map<string, Proposal>).values()) {
    shown.set(proposal.id, { ...proposal, extractorVersion: version, decision: null });
  }
  for (const [id, decision] of decisions) {
    const decidedVersion = decision.data.extractorVersion;
    const asDecided = run(decidedVersion)?.get(id);
    if (asDecided) shown.set(id, { ...asDecided, extractorVersion: decidedVersion, decision: decision.data });
    else if (shown.has(id)) shown.set(id, { ...(shown.get(id) as ShownProposal), decision: decision.data });
  }
  return [...shown.values()].sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
}
