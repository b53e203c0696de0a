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
    if (events.length === 0) {
      // The same decision again (a retry): answer where the first one landed.
      const earlier = history.find((e) => e.type === decision.type && sameProposal(e.data, decision.data.proposalId));
      return { decision, recorded: false, position: (earlier ?? history[history.length - 1]).position };
    }
    const { positions } = await this.store.append(
      stream,
      history.length,
      events.map((e) => ({ ...e, metadata: eventMetadata(meta) })),
    );
    return { decision, recorded: true, position: positions[0] };
  }
}

function sameProposal(data: unknown, proposalId: string): boolean {
  return (data as { proposalId?: string } | null)?.proposalId === proposalId;
}
