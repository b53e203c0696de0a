import { createHash } from 'node:crypto';
import type { Actor, DateInput, DiplomaticEventInput } from '@libs/diplomacy';
import { resolve } from '@libs/temporal';
import type { Proposal, ProposedActor } from '@libs/proposals';
import type { ProposalEditsDto } from './article.request.dto';

/**
 * The event an accepted proposal records: the proposal's suggestions, overridden by the editor's edits; the
 * source always carries the proposal's quote and its offsets in the article.
 */
export function proposalToEvent(
  sourceId: string,
  publishedOn: string,
  proposal: Proposal,
  edits: ProposalEditsDto = {},
): DiplomaticEventInput {
  const actors = proposal.actors.filter((a) => a.country !== null).map(toActor);
  const initiator = actors.find((a) => a.role !== 'target') ?? actors[0];
  const title = `${initiator ? `${initiator.name}: ` : ''}${proposal.type.name}`.slice(0, 500);
  return {
    type: edits.type ?? proposal.type.code,
    title: edits.title ?? title,
    summary: edits.summary ?? null,
    actors: edits.actors ?? actors,
    location:
      edits.location ??
      (proposal.place
        ? { name: proposal.place.name, ...(proposal.place.country ? { country: proposal.place.country } : {}) }
        : null),
    date: edits.date
      ? edits.date.expression !== undefined
        ? { expression: edits.date.expression, anchor: edits.date.anchor, direction: edits.date.direction }
        : { start: edits.date.start as string, end: edits.date.end }
      : proposedDate(proposal, publishedOn),
    status: edits.status ?? proposal.status,
    source: {
      sourceId,
      quote: proposal.quote.text,
      offsets: { start: proposal.quote.start, end: proposal.quote.end },
    },
  };
}

/** The actor ids an accepted proposal would record (as proposed): what a likely duplicate is matched on. */
export function proposedActorIds(proposal: Proposal): string[] {
  return proposal.actors.filter((a) => a.country !== null).map((a) => toActor(a).id);
}

/** A proposal may name someone only in Arabic script: the id is then derived from the name, stably. */
function toActor(actor: ProposedActor): Actor {
  const latin = actor.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const id = actor.id ?? (latin || `name-${createHash('sha256').update(actor.name).digest('hex').slice(0, 12)}`);
  return { id, name: actor.name, country: actor.country as string, role: actor.role };
}

/**
 * The article's own words when the resolver reads them alone as the tagger did in context, so the event keeps
 * them (DESIGN.md decision 6); otherwise (a carried date, a reading that needs the sentence) the dates.
 */
function proposedDate(proposal: Proposal, publishedOn: string): DateInput {
  const { expression, direction, start, end, carried } = proposal.date;
  if (!carried) {
    try {
      const alone = resolve(expression, publishedOn, direction);
      if (alone.start === start && alone.end === end) return { expression, direction };
    } catch {
      // Not resolvable out of its sentence: fall through to the dates.
    }
  }
  return { start, end };
}
