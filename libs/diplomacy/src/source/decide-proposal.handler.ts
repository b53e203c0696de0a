import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@libs/event-store';
import { eventMetadata } from '../command-meta';
import { sourceStream } from '../streams';
import { DecideProposalCommand } from './decide-proposal.command';
import { decideProposal } from './decide-proposal';

@CommandHandler(DecideProposalCommand)
export class DecideProposalHandler implements ICommandHandler<DecideProposalCommand> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ decision, meta }: DecideProposalCommand) {
    const stream = sourceStream(decision.data.sourceId);
    const history = await this.store.readStream(stream);
    const events = decideProposal(history, decision);
    if (events.length === 0) return { decision, recorded: false };
    await this.store.append(
      stream,
      history.length,
      events.map((e) => ({ ...e, metadata: eventMetadata(meta) })),
    );
    return { decision, recorded: true };
  }
}
