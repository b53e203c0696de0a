import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@libs/event-store';
import { CommandHandling } from '../command-handling';
import { sourcePublishedOn } from '../source/load-source';
import { DIPLOMATIC_EVENTS } from './diplomatic-event';
import { decideCorrect } from './diplomatic-event.decide';
import { CorrectEventCommand } from './correct-event.command';

@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler implements ICommandHandler<CorrectEventCommand> {
  constructor(
    private readonly commands: CommandHandling,
    private readonly store: PostgresEventStore,
  ) {}

  async execute({ id, expectedVersion, changes, reason, meta }: CorrectEventCommand) {
    return this.commands.handle(DIPLOMATIC_EVENTS, id, { meta, expectedVersion }, async (state) => {
      // Relative dates in a correction are anchored on the event's own source (a missing event has none).
      const anchor = state.status === 'none' ? '' : await sourcePublishedOn(this.store, state.facts.source.sourceId);
      return decideCorrect(id, changes, reason, state, { sourcePublishedOn: anchor });
    });
  }
}
