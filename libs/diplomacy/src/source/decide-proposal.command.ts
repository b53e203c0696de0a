import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { ProposalDecision } from './source.events';

/** Records an editor's decision on one proposal of an article, in the article's source stream. */
export class DecideProposalCommand extends Command<{
  decision: ProposalDecision;
  recorded: boolean;
  /** The decision's log position (the earlier one's on a retry). */
  position: number;
}> {
  constructor(
    readonly decision: ProposalDecision,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
