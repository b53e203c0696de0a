import type { Mention } from '@libs/temporal';
import type { CueMatch } from './cues';
import type { ProposedActor, ProposedDate } from './proposal.types';

interface Evidence {
  readonly mentions: readonly Mention[];
  readonly date: ProposedDate;
  readonly cue: CueMatch;
  readonly actors: readonly ProposedActor[];
}

/** A plain additive score: each reason says what it added or took away, so an editor can see why. */
export function scoreProposal({ mentions, date, cue, actors }: Evidence): { confidence: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0.3;
  const add = (delta: number, reason: string) => {
    score += delta;
    reasons.push(`${delta > 0 ? '+' : ''}${delta.toFixed(2)} ${reason}`);
  };
  if (date.carried) add(-0.1, 'the date is carried from the statement before');
  else add(0.2, `the sentence has its own date ("${date.expression}")`);
  if (mentions.length > 1) add(-0.05, `${mentions.length} dates in the sentence; the first was taken`);
  if (mentions[0]?.ambiguous) add(-0.1, 'the date has other readings');
  if (cue.entry.generic) add(0.05, `only a generic cue ("${cue.entry.entry}")`);
  else add(0.2, `a specific cue for CAMEO ${cue.entry.code} ("${cue.entry.entry}")`);
  const people = actors.filter((a) => a.kind !== 'country');
  if (people.some((a) => a.id !== undefined && a.evidence !== 'country')) add(0.15, 'an actor known to the registry');
  else if (people.length > 0) add(0.1, 'an actor named with a title');
  else if (actors.length > 0) add(0.05, 'only countries as actors');
  else add(-0.15, 'no actor found');
  if (actors.length > 1) add(0.05, 'a second actor (a target or partner)');
  return { confidence: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons };
}
