import { Command } from '@nestjs/cqrs';
import type { CommandMeta } from '../command-meta';
import type { ProposalDecision } from './source.events';

/** Records an editor's decision on one proposal of an article, in the article's source stream. */
export class DecideProposalCommand extends Command<{ decision: ProposalDecision; recorded: boolean }> {
  constructor(
    readonly decision: ProposalDecision,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
